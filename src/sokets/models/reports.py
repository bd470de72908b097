"""The two report forms: Phụ lục 01 (departments, agencies, districts) and Phụ lục 04 (communes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Self

from pydantic import Field, ValidationError, ValidationInfo, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from sokets.models.answers import AnswerSet, answer_key, build_answer_set, field_name
from sokets.models.base import FormModel
from sokets.models.common import CommuneCode, DistrictCode, Pl01UnitCode, ReportHeader
from sokets.models.tables import Pl02Row, Pl03Row
from sokets.outline import OutlineItem, applicable_leaves, pl01_outline, pl04_outline
from sokets.units import get_registry

#: Validation context key: with ``{PARTIAL: True}`` a report may leave out items its unit must
#: answer (used to check the rest of a report whose missing items are already reported).
PARTIAL = "partial"

Pl01Answers: type[AnswerSet] = build_answer_set("Pl01", pl01_outline())
Pl04Answers: type[AnswerSet] = build_answer_set("Pl04", pl04_outline())


class Pl01Header(ReportHeader):
    """Header of a Phụ lục 01 report."""

    form: Literal["PL01"] = Field(title="Mã biểu mẫu")
    version: Literal["2.0.0"] = Field(title="Phiên bản biểu mẫu")
    unit_code: Pl01UnitCode = Field(title="Mã đơn vị báo cáo")


class Pl04Header(ReportHeader):
    """Header of a Phụ lục 04 report; a commune also names its district."""

    form: Literal["PL04"] = Field(title="Mã biểu mẫu")
    version: Literal["2.0.0"] = Field(title="Phiên bản biểu mẫu")
    unit_code: CommuneCode = Field(title="Mã đơn vị báo cáo")
    district_code: DistrictCode = Field(title="Mã UBND cấp huyện")


class OutlineReport(FormModel):
    """A report whose answers must include every outline leaf that applies to its unit.

    Presence is structure (the JSON Schema says it too, with ``if``/``then`` on the unit); whether
    an answer present is also filled in is for the validation rules. A missing item is the error
    ``answer_required`` at ``/answers/<key>`` (:func:`~sokets.models.answers.answer_key`).
    """

    def missing_items(self) -> list[OutlineItem]:
        """The leaves the unit must answer that are absent from ``answers``."""
        header = getattr(self, "header")  # noqa: B009 - declared by the subclasses
        answers: AnswerSet = getattr(self, "answers")  # noqa: B009
        unit = get_registry().get(header.unit_code)
        present = answers.model_fields_set
        return [leaf for leaf in applicable_leaves(unit) if field_name(leaf.id) not in present]

    @model_validator(mode="after")
    def _require_applicable_answers(self, info: ValidationInfo) -> Self:
        if isinstance(info.context, dict) and info.context.get(PARTIAL):
            return self
        missing = self.missing_items()
        if missing:
            unit = getattr(self, "header").unit_code  # noqa: B009
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "answer_required",
                            "thiếu mục {item} mà {unit} phải trả lời / missing answer to an item "
                            "this unit must answer",
                            {"item": leaf.id, "unit": unit},
                        ),
                        loc=("answers", answer_key(leaf.id)),
                        input=None,
                    )
                    for leaf in missing
                ],
            )
        return self


class Pl01Report(OutlineReport):
    """Báo cáo sơ kết theo Phụ lục 01, with the tables of Phụ lục 02 and 03 as appendices."""

    header: Pl01Header
    if TYPE_CHECKING:
        answers: AnswerSet
    else:
        answers: Pl01Answers = Field(default_factory=Pl01Answers, title="Trả lời đề cương")
    appendix_pl02: list[Pl02Row] = Field(default_factory=list, title="Phụ lục 02")
    appendix_pl03: list[Pl03Row] = Field(default_factory=list, title="Phụ lục 03")


class Pl04Report(OutlineReport):
    """Báo cáo sơ kết của UBND cấp xã theo Phụ lục 04."""

    header: Pl04Header
    if TYPE_CHECKING:
        answers: AnswerSet
    else:
        answers: Pl04Answers = Field(default_factory=Pl04Answers, title="Trả lời đề cương")
