"""The layout of a sokets workbook: sheets, columns and the cells sokets fills in, in one place.

The writer (:mod:`sokets.xlsx.template`) and the reader (:mod:`sokets.xlsx.reader`) both follow
these definitions, so they cannot drift apart. A workbook is a set of *tables*: a title in row 1,
a note in row 2, column headers in row 3 and one row per entry from row 4. A table is either
*keyed* (sokets writes one row per outline item, indicator or task, with the id in a locked
column) or *free* (the unit adds rows: figures, typical cases, Phụ lục 02).

Cells are of a :class:`Kind`: ``KEY`` and ``FIXED`` cells are written by sokets and locked
(``FIXED`` ones are compared with what sokets wrote when a workbook is read back), ``COMPUTED``
cells hold a formula and are never imported, and the other kinds are inputs the unit fills in.

Two hidden sheets describe the workbook: :data:`META_SHEET` (very hidden) records the generator,
layout version, form, form version and unit code, and :data:`LISTS_SHEET` holds the lists the
drop-downs use. The same facts are also workbook-level defined names (:data:`META_NAMES`).
:data:`LAYOUT_VERSION` changes whenever a sheet or column changes, and the reader refuses a
workbook of another layout version.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sokets._text import short_date
from sokets.forms import FORMS
from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS
from sokets.outline import IndicatorKind, Outline, OutlineItem, outline_for
from sokets.plan import PLAN
from sokets.units import Unit, UnitKind, get_registry
from sokets.xlsx.cells import GENERATOR

#: Version of the workbook layout (sheets, columns, meta keys). A workbook of another layout
#: version is refused on import.
LAYOUT_VERSION = "1"


class Kind(StrEnum):
    """What a cell holds, which decides its style, its validation and how it is read."""

    KEY = "key"
    """An id written by sokets (item, indicator, task, field): locked; the row's key."""
    FIXED = "fixed"
    """Text written by sokets (a title, a lead unit, a label): locked; checked on import."""
    COMPUTED = "computed"
    """A formula written by sokets: locked; never imported."""
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    DATE = "date"
    YES_NO = "yes_no"
    ITEM = "item"
    """An outline item id chosen by the unit (from the drop-down list)."""
    MEASURE = "measure"
    """A unit of measure: free text with suggestions."""
    UNIT = "unit"
    """A unit written by sokets as "Name (code)": locked; imported as its code."""

    @property
    def is_input(self) -> bool:
        """Whether the unit fills cells of this kind in."""
        return self not in _WRITTEN_BY_SOKETS


_WRITTEN_BY_SOKETS = frozenset({Kind.KEY, Kind.FIXED, Kind.COMPUTED, Kind.UNIT})


@dataclass(frozen=True)
class Column:
    """A column of a table: the model field (or role) it holds, its header and width."""

    key: str
    header: str
    width: float
    kind: Kind
    hidden: bool = False
    earlier: tuple[str, ...] = ()
    """Headers templates made by earlier versions wrote (still read)."""


@dataclass(frozen=True)
class Table:
    """A sheet holding one table."""

    sheet: str
    columns: tuple[Column, ...]
    free_rows: int = 0
    """Empty rows a blank template offers (0 for keyed tables, whose rows sokets writes)."""

    header_row: int = 3

    @property
    def first_row(self) -> int:
        """The first row of entries."""
        return self.header_row + 1

    @property
    def is_free(self) -> bool:
        """Whether the unit adds the rows itself."""
        return self.free_rows > 0

    def index(self, key: str) -> int:
        """The 1-based column number of ``key``."""
        for number, column in enumerate(self.columns, start=1):
            if column.key == key:
                return number
        raise KeyError(key)


def _answer_columns() -> tuple[Column, ...]:
    return (
        Column("results", "Kết quả thực hiện", 55, Kind.TEXT),
        Column("difficulties", "Tồn tại, vướng mắc, nguyên nhân", 40, Kind.TEXT),
        Column("proposals", "Kiến nghị, đề xuất", 40, Kind.TEXT),
    )


INFO = Table(
    "Thông tin",
    (
        Column("key", "Mã trường", 14, Kind.KEY, hidden=True),
        Column("label", "Nội dung", 42, Kind.FIXED),
        Column("value", "Giá trị", 70, Kind.TEXT),
    ),
)
OUTLINE = Table(
    "Đề cương",
    (
        Column("item", "Mục", 13, Kind.KEY),
        Column("title", "Nội dung đề cương", 60, Kind.FIXED),
        *_answer_columns(),
    ),
)
INDICATORS = Table(
    "Chỉ số",
    (
        Column("item", "Mục", 11, Kind.KEY),
        Column("indicator", "Mã chỉ số", 14, Kind.KEY, hidden=True),
        Column("label", "Chỉ số", 62, Kind.FIXED),
        Column("numerator", "Tử số", 12, Kind.INTEGER),
        Column("denominator", "Mẫu số", 12, Kind.INTEGER),
        Column("computed", "Tỷ lệ (%) tính tự động", 13, Kind.COMPUTED),
        Column(
            "percent",
            "Tỷ lệ (%) do đơn vị ghi",
            13,
            Kind.PERCENT,
            earlier=("Tỷ lệ (%) đơn vị ghi",),
        ),
        Column("yes_no", "Có/Không", 11, Kind.YES_NO),
        Column("count", "Số lượng", 11, Kind.INTEGER),
    ),
)
FIGURES = Table(
    "Số liệu",
    (
        Column("item", "Mục", 14, Kind.ITEM),
        Column("name", "Tên số liệu", 55, Kind.TEXT),
        Column("value", "Giá trị", 16, Kind.DECIMAL),
        Column("unit", "Đơn vị tính", 16, Kind.MEASURE),
        Column("as_of", "Tính đến ngày", 14, Kind.DATE),
    ),
    free_rows=40,
)
CASES = Table(
    "Điển hình",
    (
        Column("item", "Mục", 14, Kind.ITEM),
        Column("text", "Trường hợp điển hình", 110, Kind.TEXT),
    ),
    free_rows=20,
)

_PL02_WIDTHS = {"no": 7, "task": 40, "results": 45, "difficulties": 35, "proposals": 35}
PL02 = Table(
    "PL02",
    tuple(
        Column(key, header, _PL02_WIDTHS.get(key, 30), Kind.INTEGER if key == "no" else Kind.TEXT)
        for key, header in PL02_COLUMNS
    ),
    free_rows=30,
)

_PL03_KINDS = {"task_id": Kind.KEY, "title": Kind.FIXED, "lead": Kind.FIXED}
_PL03_WIDTHS = {"task_id": 8, "title": 45, "lead": 20, "results": 45}
PL03 = Table(
    "PL03",
    tuple(
        Column(key, header, _PL03_WIDTHS.get(key, 35), _PL03_KINDS.get(key, Kind.TEXT))
        for key, header in PL03_COLUMNS
    ),
)

#: Every table, by sheet name.
TABLES: dict[str, Table] = {
    t.sheet: t for t in (INFO, OUTLINE, INDICATORS, FIGURES, CASES, PL02, PL03)
}

LISTS_SHEET = "Danh mục"
META_SHEET = "sokets"

#: Defined names of the drop-down lists, and the column of :data:`LISTS_SHEET` holding each.
LIST_YES_NO = "DS_CO_KHONG"
LIST_ITEMS = "DS_MUC"
LIST_MEASURES = "DS_DON_VI_TINH"
LIST_COLUMNS: dict[str, tuple[str, str]] = {
    LIST_YES_NO: ("A", "Có/Không"),
    LIST_ITEMS: ("B", "Mục đề cương"),
    LIST_MEASURES: ("C", "Đơn vị tính (gợi ý)"),
}

#: Suggested units of measure for figures (the cell accepts any text).
MEASURES: tuple[str, ...] = (
    "%",
    "người",
    "cán bộ, công chức",
    "hồ sơ",
    "thủ tục",
    "văn bản",
    "cơ quan, đơn vị",
    "xã",
    "thôn, bản",
    "tổ",
    "máy",
    "thiết bị",
    "tài khoản",
    "lượt",
    "hệ thống",
    "phần mềm",
    "cơ sở dữ liệu",
    "lớp",
    "triệu đồng",
)

# -- the workbook's identity ------------------------------------------------------------------

META_KEYS: tuple[str, ...] = (
    "generator",
    "layout",
    "form",
    "form_version",
    "unit_code",
    "unit_name",
    "pl02_version",
    "pl03_version",
    "sheets",
    "sokets_version",
)
"""Keys of the meta sheet, one per row in column A with the value in column B."""

#: Defined names carrying the same facts as the meta sheet, for other tools and for cross-checks.
META_NAMES: dict[str, str] = {
    "SOKETS_LAYOUT": "layout",
    "SOKETS_FORM": "form",
    "SOKETS_FORM_VERSION": "form_version",
    "SOKETS_UNIT": "unit_code",
}


def meta_for(unit: Unit, sheets: tuple[str, ...]) -> dict[str, str]:
    """The meta sheet's content for ``unit``'s workbook made of ``sheets``."""
    from sokets._version import __version__

    form = unit_form(unit)
    meta = {
        "generator": GENERATOR,
        "layout": LAYOUT_VERSION,
        "form": form,
        "form_version": FORMS[form].version,
        "unit_code": unit.code,
        "unit_name": unit.name,
        "sheets": ",".join(sheets),
        "sokets_version": __version__,
    }
    if form == "PL01":
        meta["pl02_version"] = FORMS["PL02"].version
        meta["pl03_version"] = FORMS["PL03"].version
    return meta


def unit_form(unit: Unit) -> str:
    """The form of ``unit``'s workbook; :class:`ValueError` for a unit that files no report."""
    if unit.form is None:
        parent = get_registry().get(unit.reporting_unit)
        raise ValueError(
            f"{unit.name} ({unit.code}) không tự báo cáo: nội dung của đơn vị được báo cáo trong "
            f"mẫu của {parent.name} ({parent.code}) / this unit reports through {parent.code}"
        )
    return unit.form


def unit_label(unit: Unit) -> str:
    """How a unit is shown in a locked cell: ``"Sở Y tế (SO-YT)"``."""
    return f"{unit.name} ({unit.code})"


# -- the "Thông tin" sheet -----------------------------------------------------------------------


@dataclass(frozen=True)
class InfoField:
    """A row of the "Thông tin" sheet: a header field of the report."""

    key: str
    label: str
    kind: Kind
    repeated: bool = False
    rows: int = 1
    """Rows a blank template offers (a repeated field takes one row per entry)."""
    pointer: str = ""


INFO_UNIT = InfoField("unit", "Đơn vị báo cáo", Kind.UNIT, pointer="/header/unit_code")
INFO_DISTRICT = InfoField(
    "district_code", "UBND cấp huyện", Kind.UNIT, pointer="/header/district_code"
)
INFO_FIELDS: tuple[InfoField, ...] = (
    INFO_UNIT,
    INFO_DISTRICT,
    InfoField("report_number", "Số báo cáo", Kind.TEXT, pointer="/header/report_number"),
    InfoField("report_date", "Ngày báo cáo", Kind.DATE, pointer="/header/report_date"),
    InfoField(
        "place", "Địa danh (nơi ban hành, ví dụ: Nghệ An)", Kind.TEXT, pointer="/header/place"
    ),
    InfoField(
        "signer.authority",
        "Thẩm quyền ký (TM., KT. …), mỗi dòng một cấp",
        Kind.TEXT,
        repeated=True,
        rows=2,
        pointer="/header/signer/authority",
    ),
    InfoField("signer.title", "Chức vụ người ký", Kind.TEXT, pointer="/header/signer/title"),
    InfoField("signer.name", "Họ và tên người ký", Kind.TEXT, pointer="/header/signer/name"),
    InfoField(
        "recipients",
        "Nơi nhận, mỗi dòng một nơi",
        Kind.TEXT,
        repeated=True,
        rows=8,
        pointer="/header/recipients",
    ),
)
INFO_BY_KEY: dict[str, InfoField] = {f.key: f for f in INFO_FIELDS}


def info_fields(form: str) -> tuple[InfoField, ...]:
    """The header fields of ``form``'s "Thông tin" sheet (the district only for PL04)."""
    return tuple(f for f in INFO_FIELDS if f is not INFO_DISTRICT or form == "PL04")


def info_label(spec: InfoField, unit: Unit) -> str:
    """The locked label of a header field in ``unit``'s workbook; the report number's shows how
    the unit's numbers look (``Số báo cáo (ví dụ: 52/BC-UBND)``)."""
    if spec.key == "report_number":
        return f"{spec.label} (ví dụ: {unit.report_number_example})"
    return spec.label


#: Labels that templates of earlier sokets versions wrote (same layout), accepted on import so
#: that a template already sent out is not reported as edited.
EARLIER_LABELS: dict[str, tuple[str, ...]] = {
    "report_number": ("Số báo cáo (ví dụ: 125/BC-STTTT)",),
}


# -- texts sokets writes ---------------------------------------------------------------------

_ANNEX = f"Kèm theo Kế hoạch số {PLAN.number} ngày {short_date(PLAN.date)} của UBND tỉnh Nghệ An"
_HOW = "Điền vào các ô nền trắng; các ô nền xám được ghi sẵn và đã khóa."
#: Where departments, agencies and districts send their reports (the plan, part III.1.a).
PROVINCE = "UBND tỉnh (qua Sở Thông tin và Truyền thông)"


def send_to(unit: Unit) -> str:
    """Whom ``unit`` sends its filled workbook: a commune to its district's People's Committee
    (``UBND thành phố Vinh``), which gathers the communes' reports; every other unit to
    :data:`PROVINCE`."""
    if unit.kind is UnitKind.COMMUNE and unit.parent is not None:
        district = get_registry().get(unit.parent).name
        return f"UBND {district[:1].lower()}{district[1:]}"
    return PROVINCE


def how_to_send(unit: Unit) -> str:
    """What the clerk does with the filled workbook, in a sentence."""
    deadline = (
        f" trước ngày {short_date(PLAN.report_deadline)}" if send_to(unit) == PROVINCE else ""
    )
    return (
        "Điền xong, lưu tệp dạng Excel (.xlsx), giữ nguyên tên các trang, không đặt mật khẩu, "
        f"rồi gửi tệp về {send_to(unit)}{deadline}."
    )


def banner(table: Table, unit: Unit) -> tuple[str, str]:
    """The title (row 1) and note (row 2) of ``table`` in ``unit``'s workbook."""
    form = unit_form(unit)
    outline = outline_for(unit)
    who = f"Đơn vị: {unit_label(unit)}."
    if table is INFO:
        return (
            f"{outline.appendix.upper()}: {outline.title}",
            f"{_ANNEX}. {who} {_HOW} {how_to_send(unit)}",
        )
    if table is OUTLINE:
        return (
            outline.title,
            f"{outline.note} {who} Mỗi dòng là một mục của đề cương; ghi kết quả, tồn tại và "
            "kiến nghị vào ô của mục. Số liệu ghi ở trang “Số liệu”, trường hợp điển hình ở "
            "trang “Điển hình”" + (", chỉ số ở trang “Chỉ số”." if form == "PL04" else "."),
        )
    if table is INDICATORS:
        return (
            "CHỈ SỐ: TỶ LỆ, CÓ/KHÔNG, SỐ LƯỢNG",
            f"{who} Tỷ lệ: ghi tử số và mẫu số, tỷ lệ (%) được tính tự động; ghi “Tỷ lệ (%) do "
            "đơn vị ghi” khi báo cáo nêu một tỷ lệ, hoặc chỉ ghi tỷ lệ này khi không có số đếm "
            "(ước tính). Có/Không: chọn trong danh sách. Số lượng: số nguyên.",
        )
    if table is FIGURES:
        return (
            "SỐ LIỆU",
            f"{who} Mỗi dòng một số liệu: chọn mục đề cương, ghi tên số liệu, giá trị (số), đơn "
            "vị tính và ngày tính đến (nếu có). Cần thêm dòng: chèn dòng trong bảng.",
        )
    if table is CASES:
        return (
            "TRƯỜNG HỢP ĐIỂN HÌNH",
            f"{who} Mỗi dòng một trường hợp điển hình: chọn mục đề cương và mô tả. Cần thêm "
            "dòng: chèn dòng trong bảng.",
        )
    spec = FORMS[table.sheet]
    return (
        f"{spec.appendix}: {spec.title.upper()}",
        f"({_ANNEX}.) {who}"
        + (
            " Mỗi dòng một nhiệm vụ; Stt là số thứ tự. Cần thêm dòng: chèn dòng trong bảng."
            if table is PL02
            else " Mỗi dòng một nhiệm vụ đơn vị phải báo cáo; ghi vào ba cột cuối."
        ),
    )


def item_text(item: OutlineItem) -> str:
    """The locked "Nội dung đề cương" cell of an outline item: number, title and guidance."""
    head = f"{item.number} {item.title}"
    return f"{head}\n{item.guidance}" if item.guidance else head


def indicator_kind_columns(kind: IndicatorKind) -> frozenset[str]:
    """The input columns of the "Chỉ số" sheet that an indicator of ``kind`` uses."""
    if kind is IndicatorKind.RATIO:
        return frozenset({"numerator", "denominator", "percent"})
    if kind is IndicatorKind.YES_NO:
        return frozenset({"yes_no"})
    return frozenset({"count"})


def outline_rows(
    outline: Outline, unit: Unit, answered: frozenset[str] = frozenset()
) -> list[OutlineItem]:
    """The items of the "Đề cương" sheet, in the plan's order.

    Every leaf that applies to ``unit`` and every leaf in ``answered`` gets a row, and so does
    every heading above one of them (a heading row holds no answer).
    """
    wanted = {leaf.id for leaf in outline.leaves() if leaf.applicability.applies_to(unit)} | set(
        answered
    )
    rows: list[OutlineItem] = []

    def visit(item: OutlineItem) -> bool:
        if not item.children:
            if item.id in wanted:
                rows.append(item)
                return True
            return False
        position = len(rows)
        rows.append(item)
        kept = [visit(child) for child in item.children]
        if not any(kept):
            del rows[position]
            return False
        return True

    for top in outline.items:
        visit(top)
    return rows
