"""The two report forms: Phụ lục 01 (departments, agencies, districts) and Phụ lục 04 (communes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from sokets.models.answers import AnswerSet, build_answer_set
from sokets.models.base import FormModel
from sokets.models.common import ReportHeader, UnitCode
from sokets.models.tables import Pl02Row, Pl03Row
from sokets.outline import pl01_outline, pl04_outline

PL01_VERSION = "1.0.0"
PL04_VERSION = "1.0.0"

Pl01Answers: type[AnswerSet] = build_answer_set("Pl01", pl01_outline())
Pl04Answers: type[AnswerSet] = build_answer_set("Pl04", pl04_outline())


class Pl01Header(ReportHeader):
    """Header of a Phụ lục 01 report."""

    form: Literal["PL01"] = Field(title="Mã biểu mẫu")
    version: Literal["1.0.0"] = Field(title="Phiên bản biểu mẫu")


class Pl04Header(ReportHeader):
    """Header of a Phụ lục 04 report; a commune also names its district."""

    form: Literal["PL04"] = Field(title="Mã biểu mẫu")
    version: Literal["1.0.0"] = Field(title="Phiên bản biểu mẫu")
    district_code: UnitCode = Field(title="Mã UBND cấp huyện")


class Pl01Report(FormModel):
    """Báo cáo sơ kết theo Phụ lục 01, with the tables of Phụ lục 02 and 03 as appendices."""

    header: Pl01Header
    if TYPE_CHECKING:
        answers: AnswerSet
    else:
        answers: Pl01Answers = Field(default_factory=Pl01Answers, title="Trả lời đề cương")
    appendix_pl02: list[Pl02Row] = Field(default_factory=list, title="Phụ lục 02")
    appendix_pl03: list[Pl03Row] = Field(default_factory=list, title="Phụ lục 03")


class Pl04Report(FormModel):
    """Báo cáo sơ kết của UBND cấp xã theo Phụ lục 04."""

    header: Pl04Header
    if TYPE_CHECKING:
        answers: AnswerSet
    else:
        answers: Pl04Answers = Field(default_factory=Pl04Answers, title="Trả lời đề cương")
