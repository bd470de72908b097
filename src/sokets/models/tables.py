"""The appendix tables: Phụ lục 02 (general tasks) and Phụ lục 03 (named tasks).

Rows have exactly the plan's columns. A Phụ lục 03 row names its task by catalogue id; the task's
title and lead unit (the table's 2nd and 3rd columns) come from the catalogue, not from the row.
The tables travel inside a Phụ lục 01 report (``appendix_pl02``, ``appendix_pl03``) or on their
own as the forms ``PL02`` and ``PL03``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sokets.models.base import FormModel, Text
from sokets.models.common import Pl01UnitCode, TaskId, WholeNumber

RESULTS_COLUMN = "Kết quả thực hiện từ tháng 8 năm 2022 đến nay"
DIFFICULTIES_COLUMN = "Khó khăn, vướng mắc, nguyên nhân"
PROPOSALS_COLUMN = "Đề xuất phương hướng khắc phục"

#: Column headers of Phụ lục 02, verbatim, keyed by row field (``None``: not a row field).
PL02_COLUMNS: tuple[tuple[str, str], ...] = (
    ("no", "Stt"),
    ("task", "Nội dung công việc"),
    ("results", RESULTS_COLUMN),
    ("difficulties", DIFFICULTIES_COLUMN),
    ("proposals", PROPOSALS_COLUMN),
    (
        "notes",
        "Ghi chú (Đề nghị cơ quan, đơn vị, địa phương báo cáo đầy đủ các nhiệm vụ được giao tại "
        "Kế hoạch số 586/KH-UBND)",
    ),
)

#: Column headers of Phụ lục 03, verbatim: id, the two catalogue columns, then the answers.
PL03_COLUMNS: tuple[tuple[str, str], ...] = (
    ("task_id", "TT"),
    ("title", "Tên nhiệm vụ, dự án"),
    ("lead", "Đơn vị được giao chủ trì triển khai"),
    ("results", RESULTS_COLUMN),
    ("difficulties", DIFFICULTIES_COLUMN),
    ("proposals", PROPOSALS_COLUMN),
)


class Pl02Row(FormModel):
    """A row of Phụ lục 02: a general task assigned to the unit by plan 586/KH-UBND."""

    no: WholeNumber = Field(title="Stt")
    task: Text = Field(title="Nội dung công việc")
    results: Text = Field(default="", title=RESULTS_COLUMN)
    difficulties: Text = Field(default="", title=DIFFICULTIES_COLUMN)
    proposals: Text = Field(default="", title=PROPOSALS_COLUMN)
    notes: Text = Field(default="", title="Ghi chú")


class Pl03Row(FormModel):
    """A row of Phụ lục 03: the unit's results on one named task of the catalogue."""

    task_id: TaskId = Field(title="TT", description="Mã nhiệm vụ trong Phụ lục 03, ví dụ I.1")
    results: Text = Field(default="", title=RESULTS_COLUMN)
    difficulties: Text = Field(default="", title=DIFFICULTIES_COLUMN)
    proposals: Text = Field(default="", title=PROPOSALS_COLUMN)


class TableHeader(FormModel):
    """Header of a standalone table: which form, which version, which unit."""

    form: str = Field(title="Mã biểu mẫu")
    version: str = Field(title="Phiên bản biểu mẫu")
    unit_code: Pl01UnitCode = Field(title="Mã đơn vị báo cáo")


class Pl02Header(TableHeader):
    """Header of a standalone Phụ lục 02 table."""

    form: Literal["PL02"] = Field(title="Mã biểu mẫu")
    version: Literal["1.0.1"] = Field(title="Phiên bản biểu mẫu")


class Pl03Header(TableHeader):
    """Header of a standalone Phụ lục 03 table."""

    form: Literal["PL03"] = Field(title="Mã biểu mẫu")
    version: Literal["1.0.1"] = Field(title="Phiên bản biểu mẫu")


class Pl02Table(FormModel):
    """Phụ lục 02 on its own: BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CHUNG ĐƯỢC GIAO."""

    header: Pl02Header
    rows: list[Pl02Row] = Field(default_factory=list, title="Các nhiệm vụ")


class Pl03Table(FormModel):
    """Phụ lục 03 on its own: BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ ĐƯỢC GIAO."""

    header: Pl03Header
    rows: list[Pl03Row] = Field(default_factory=list, title="Các nhiệm vụ")
