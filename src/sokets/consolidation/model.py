"""The consolidation document: a versioned Pydantic model other systems read as JSON.

A :class:`Consolidation` says, for one scope (the province, or one district and its communes) and
one date: who was expected to report and where each stands (``units``: the register), what became of every
input file (``files``), the reporting rates (``rates``), and what the reports say put together —
Phụ lục 03 task by task (``tasks``), Phụ lục 02 unit by unit (``general_tasks``), every outline
item with every unit's answer (``outline``), difficulties and proposals (``issues``) and the
indicators rolled up by district and for the province (``indicators``). ``reports`` holds the
consolidated reports themselves, as sent, so that a consolidation can be consolidated again (a
district's sent up to the province) without losing or double-counting anything.

Everything but ``header``, ``files``, ``reports`` and ``notes`` is derived, and recomputed when a
consolidation is read back as an input.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import ConfigDict, Field

from sokets.consolidation.statuses import FileRole, Status
from sokets.models.base import FormModel, Omittable, Text
from sokets.models.common import Figure, Ratio
from sokets.models.tables import Pl02Row
from sokets.outline import IndicatorKind
from sokets.units import UnitKind

#: The form id and version of consolidation documents (``header.form``, ``header.version``).
FORM: Literal["CONSOLIDATION"] = "CONSOLIDATION"
VERSION: Literal["1.0.0"] = "1.0.0"


class DocumentModel(FormModel):
    """Base of the consolidation's models: strict like the forms, but enums stay enums in
    Python (their values in JSON)."""

    model_config = ConfigDict(use_enum_values=False)


def given(**fields: Any) -> dict[str, Any]:
    """Keyword arguments without the ``None`` ones (optional fields are left out, never null)."""
    return {name: value for name, value in fields.items() if value is not None}


class Scope(DocumentModel):
    """What a consolidation covers: the province, or one district with its communes."""

    level: Literal["province", "district"] = Field(title="Cấp tổng hợp")
    district_code: Omittable[str] = Field(default=None, title="Mã UBND cấp huyện")
    name: Text = Field(title="Tên phạm vi tổng hợp")


class ConsolidationHeader(DocumentModel):
    """Identity and parameters of a consolidation."""

    form: Literal["CONSOLIDATION"] = Field(title="Loại tài liệu")
    version: Literal["1.0.0"] = Field(title="Phiên bản")
    scope: Scope = Field(title="Phạm vi")
    as_of: date = Field(title="Tổng hợp đến ngày")
    deadline: date = Field(title="Hạn gửi báo cáo")
    include_invalid: bool = Field(default=False, title="Tính cả báo cáo có lỗi vào số liệu")
    generated_by: Text = Field(default="", title="Chương trình lập")


class FindingEntry(DocumentModel):
    """A finding about one input file (see docs/rules.md for the codes)."""

    code: str = Field(title="Mã")
    severity: Literal["error", "warning"] = Field(title="Mức độ")
    location: Text = Field(default="", title="Vị trí")
    message_vi: Text = Field(title="Nội dung")
    message_en: Text = Field(default="", title="Message")


class FileEntry(DocumentModel):
    """One input file and what became of it (every input appears exactly once)."""

    source: Text = Field(title="Tệp")
    via: Text = Field(default="", title="Qua bản tổng hợp")
    role: FileRole = Field(title="Vai trò")
    reason: Text = Field(default="", title="Lý do")
    unit_code: Omittable[str] = Field(default=None, title="Mã đơn vị")
    form: Omittable[str] = Field(default=None, title="Biểu mẫu")
    report_number: Text = Field(default="", title="Số báo cáo")
    report_date: Omittable[date] = Field(default=None, title="Ngày báo cáo")
    received_date: Omittable[date] = Field(default=None, title="Ngày nhận")
    errors: int = Field(default=0, title="Số lỗi")
    warnings: int = Field(default=0, title="Số cảnh báo")
    findings: list[FindingEntry] = Field(default_factory=list, title="Phát hiện")
    omitted: dict[str, int] = Field(default_factory=dict, title="Phát hiện không liệt kê")


class RegisterEntry(DocumentModel):
    """An expected unit and where its report stands."""

    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    kind: UnitKind = Field(title="Loại đơn vị")
    district_code: Omittable[str] = Field(default=None, title="Mã UBND cấp huyện")
    status: Status = Field(title="Tình trạng")
    source: Text = Field(default="", title="Tệp báo cáo hiện hành")
    via: Text = Field(default="", title="Qua bản tổng hợp")
    report_number: Text = Field(default="", title="Số báo cáo")
    report_date: Omittable[date] = Field(default=None, title="Ngày báo cáo")
    received_date: Omittable[date] = Field(default=None, title="Ngày nhận")
    first_sent: Omittable[date] = Field(
        default=None,
        title="Ngày gửi lần đầu",
        description="Ngày xét đúng hạn: ngày nhận nếu có sổ văn thư, không thì ngày báo cáo",
    )
    versions: int = Field(default=0, title="Số bản đã gửi")
    errors: int = Field(default=0, title="Số lỗi")
    warnings: int = Field(default=0, title="Số cảnh báo")
    in_figures: bool = Field(default=False, title="Được tính vào số liệu")


class RateRow(DocumentModel):
    """Reporting rates of one group of units, in the manner of DHIS2's reporting-rate summary."""

    group: str = Field(title="Nhóm", description="department, agency, district, commune, total")
    district_code: Omittable[str] = Field(default=None, title="Mã UBND cấp huyện")
    label: Text = Field(title="Nhóm đơn vị")
    expected: int = Field(title="Phải báo cáo")
    received: int = Field(title="Đã nhận")
    on_time: int = Field(title="Đúng hạn")
    late: int = Field(title="Trễ hạn")
    with_errors: int = Field(title="Có lỗi")
    not_received: int = Field(title="Chưa nhận")
    rate: Omittable[float] = Field(default=None, title="Tỷ lệ báo cáo (%)")
    rate_on_time: Omittable[float] = Field(default=None, title="Tỷ lệ đúng hạn (%)")


class UnitText(DocumentModel):
    """What one unit wrote in a table row about a task."""

    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    results: Text = Field(default="", title="Kết quả thực hiện")
    difficulties: Text = Field(default="", title="Khó khăn, vướng mắc, nguyên nhân")
    proposals: Text = Field(default="", title="Đề xuất phương hướng khắc phục")


class TaskEntry(DocumentModel):
    """One task of Phụ lục 03 with the rows of the units that answer it."""

    task_id: str = Field(title="Mã nhiệm vụ")
    group: str = Field(title="Nhóm")
    title: Text = Field(title="Tên nhiệm vụ, dự án")
    lead: Text = Field(title="Đơn vị được giao chủ trì triển khai")
    for_all_units: bool = Field(default=False, title="Giao cho mọi sở, ngành, huyện")
    expected: list[str] = Field(default_factory=list, title="Đơn vị phải báo cáo")
    rows: list[UnitText] = Field(default_factory=list, title="Các đơn vị đã báo cáo")
    not_reported: list[str] = Field(
        default_factory=list,
        title="Chưa báo cáo",
        description="Đơn vị phải báo cáo nhưng chưa gửi báo cáo hoặc bỏ sót nhiệm vụ",
    )


class GeneralTasks(DocumentModel):
    """The Phụ lục 02 rows of one unit."""

    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    rows: list[Pl02Row] = Field(default_factory=list, title="Các nhiệm vụ chung")


class ItemAnswer(DocumentModel):
    """One unit's answer to an outline item."""

    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    results: Text = Field(default="", title="Kết quả thực hiện")
    figures: list[Figure] = Field(default_factory=list, title="Số liệu")
    typical_cases: list[Text] = Field(default_factory=list, title="Trường hợp điển hình")
    difficulties: Text = Field(default="", title="Tồn tại, vướng mắc, nguyên nhân")
    proposals: Text = Field(default="", title="Kiến nghị, đề xuất")
    indicators: dict[str, Ratio | bool | int] = Field(default_factory=dict, title="Chỉ số")


class ItemEntry(DocumentModel):
    """An outline item (a heading or an answered leaf) with every answer in scope."""

    form: Literal["PL01", "PL04"] = Field(title="Biểu mẫu")
    item_id: str = Field(title="Mã mục")
    number: str = Field(title="Số mục")
    title: Text = Field(title="Mục")
    depth: int = Field(title="Cấp", description="0 for a part (A, B), 1 for I., II. …")
    is_heading: bool = Field(default=False, title="Tiêu đề nhóm mục")
    expected: int = Field(default=0, title="Số đơn vị phải trả lời")
    answers: list[ItemAnswer] = Field(default_factory=list, title="Các đơn vị trả lời")


class IssueEntry(DocumentModel):
    """A difficulty, a proposal or a task ahead, with the unit and place it comes from."""

    kind: Literal["difficulties", "proposals", "tasks_ahead"] = Field(title="Loại")
    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    where: Text = Field(title="Nơi ghi", description="Mục đề cương hoặc dòng Phụ lục 02, 03")
    text: Text = Field(title="Nội dung")


class RollupRow(DocumentModel):
    """An indicator added up for one district, or for the whole scope (``scope_code`` "total")."""

    scope_code: str = Field(title="Mã phạm vi", description="A district code, or 'total'")
    name: Text = Field(title="Phạm vi")
    expected_units: int = Field(title="Số đơn vị phải báo cáo")
    reporting_units: int = Field(title="Số đơn vị có số liệu")
    numerator: Omittable[int] = Field(default=None, title="Tổng tử số")
    denominator: Omittable[int] = Field(default=None, title="Tổng mẫu số")
    rate: Omittable[float] = Field(default=None, title="Tỷ lệ (%)")
    percent_only: int = Field(default=0, title="Số đơn vị chỉ ghi tỷ lệ %")
    total: Omittable[int] = Field(default=None, title="Tổng số")
    yes: Omittable[int] = Field(default=None, title="Số đơn vị trả lời Có")
    no: Omittable[int] = Field(default=None, title="Số đơn vị trả lời Không")


class Mismatch(DocumentModel):
    """A stated percentage that disagrees with its numerator and denominator."""

    unit_code: str = Field(title="Mã đơn vị")
    unit_name: Text = Field(title="Đơn vị")
    stated: float = Field(title="Tỷ lệ đơn vị ghi (%)")
    computed: float = Field(title="Tỷ lệ tính từ tử số, mẫu số (%)")


class IndicatorRollup(DocumentModel):
    """One indicator of an outline item, rolled up by district and for the scope."""

    form: Literal["PL01", "PL04"] = Field(title="Biểu mẫu")
    item_id: str = Field(title="Mã mục")
    indicator_id: str = Field(title="Mã chỉ số")
    label: Text = Field(title="Chỉ số")
    kind: IndicatorKind = Field(title="Loại chỉ số")
    rows: list[RollupRow] = Field(default_factory=list, title="Theo huyện và toàn phạm vi")
    mismatches: list[Mismatch] = Field(default_factory=list, title="Tỷ lệ ghi không khớp")


class EmbeddedReport(DocumentModel):
    """A consolidated report as it was read (its own form and version in its header)."""

    source: Text = Field(title="Tệp")
    via: Text = Field(default="", title="Qua bản tổng hợp")
    received_date: Omittable[date] = Field(default=None, title="Ngày nhận")
    report: dict[str, Any] = Field(title="Báo cáo")


class Consolidation(DocumentModel):
    """Tổng hợp báo cáo sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND."""

    header: ConsolidationHeader = Field(title="Thông tin chung")
    units: list[RegisterEntry] = Field(
        default_factory=list,
        title="Sổ theo dõi báo cáo",
        description="Mỗi đơn vị phải báo cáo một dòng, với tình trạng báo cáo của đơn vị",
    )
    files: list[FileEntry] = Field(default_factory=list, title="Các tệp đầu vào")
    rates: list[RateRow] = Field(default_factory=list, title="Tỷ lệ báo cáo")
    tasks: list[TaskEntry] = Field(default_factory=list, title="Phụ lục 03 tổng hợp")
    general_tasks: list[GeneralTasks] = Field(default_factory=list, title="Phụ lục 02 tổng hợp")
    outline: list[ItemEntry] = Field(default_factory=list, title="Đề cương tổng hợp")
    issues: list[IssueEntry] = Field(default_factory=list, title="Khó khăn, kiến nghị")
    indicators: list[IndicatorRollup] = Field(default_factory=list, title="Chỉ số tổng hợp")
    reports: list[EmbeddedReport] = Field(default_factory=list, title="Các báo cáo đã tổng hợp")
    notes: list[Text] = Field(
        default_factory=list,
        title="Ghi chú",
        description="Điều cần biết về đầu vào không gắn với một tệp (ví dụ dòng sổ nhận không khớp)",
    )

    def entry(self, unit_code: str) -> RegisterEntry | None:
        """The register entry of a unit, if it is expected."""
        return next((e for e in self.units if e.unit_code == unit_code), None)

    def counts(self) -> dict[str, int]:
        """Expected units by status, and input files by role."""
        counts = {status.value: 0 for status in Status}
        for entry in self.units:
            counts[entry.status.value] += 1
        for role in FileRole:
            counts[f"files_{role.value}"] = sum(1 for f in self.files if f.role is role)
        return counts


def dump_consolidation(consolidation: Consolidation, *, indent: int | None = None) -> bytes:
    """The document as UTF-8 JSON (absent values left out, never null)."""
    return consolidation.model_dump_json(indent=indent, exclude_none=True).encode("utf-8")


class JsonRenderer:
    """The document itself, for other systems (``schemas/CONSOLIDATION/``)."""

    suffix = ".json"

    def render(self, consolidation: Consolidation) -> bytes:
        """Compact UTF-8 JSON, absent values left out, a final newline."""
        return dump_consolidation(consolidation) + b"\n"
