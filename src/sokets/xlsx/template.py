"""Build a unit's workbook: the blank template it fills in, or that template filled with a report.

:func:`build_workbook` lays out the sheets of :mod:`sokets.xlsx.layout` for one unit: "Thông tin"
(the report's header), "Đề cương" (one row per outline item the unit answers), "Chỉ số" (one row per
indicator, with the percent as a formula), "Số liệu" and "Điển hình" (free rows per item), and for
a Phụ lục 01 unit "PL02" (free rows) and "PL03" (one locked row per task the unit must answer). Two
hidden sheets hold the drop-down lists and the workbook's identity (form, versions, unit code).

Given a report, the same workbook is written with the report's content in it, so that reading it
back (:mod:`sokets.xlsx.reader`) gives the same report. Text from a report is always stored as
text, never as a formula, whatever its first character.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl import styles as openpyxl_styles
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from pydantic import BaseModel

from sokets.catalogue import GROUPS, Task, get_catalogue
from sokets.errors import SoketsError
from sokets.models import Answer, Pl01Report, Pl02Row, Pl03Row, Pl04Report
from sokets.outline import IndicatorKind, OutlineItem, outline_for
from sokets.units import Unit, get_registry
from sokets.xlsx import layout as lay
from sokets.xlsx import styles as sty
from sokets.xlsx.cells import (
    FORMULA_STARTS,
    GENERATOR,
    MAX_CELL_CHARS,
    NO,
    YES,
    column_letters,
    encode_text,
)
from sokets.xlsx.layout import Kind, Table
from sokets.xlsx.package import quote_sheet


class TemplateError(SoketsError):
    """A workbook cannot be built: a unit that files no report, a report that does not match the
    unit, or a text longer than a cell can hold."""


_EXCEL_FIRST_DAY = date(1900, 3, 1)
#: Whole numbers from this size on are stored as text: a spreadsheet keeps 15 digits of a number.
_EXACT_INTEGERS = 10**15
#: The named style (:data:`sokets.xlsx.styles.NAMED_STYLES`) of each kind of input cell.
INPUT_STYLES: dict[Kind, str] = {
    Kind.TEXT: "sk_text",
    Kind.INTEGER: "sk_integer",
    Kind.DECIMAL: "sk_decimal",
    Kind.PERCENT: "sk_decimal",
    Kind.DATE: "sk_date",
    Kind.YES_NO: "sk_choice",
    Kind.ITEM: "sk_text",
    Kind.MEASURE: "sk_text",
}

# -- the looks of :mod:`sokets.xlsx.styles` in openpyxl ------------------------------------------


def _font(font: sty.Font) -> Any:
    return openpyxl_styles.Font(
        name=font.name,
        size=font.size,
        bold=font.bold or None,
        italic=font.italic or None,
        color=font.color,
    )


def named_styles() -> list[Any]:
    """:data:`~sokets.xlsx.styles.NAMED_STYLES` as openpyxl named styles."""
    thin = openpyxl_styles.Side(style="thin", color=sty.BORDER_COLOR)
    found = []
    for style in sty.NAMED_STYLES:
        align = style.alignment
        found.append(
            openpyxl_styles.NamedStyle(
                style.name,
                font=_font(style.font),
                fill=(
                    openpyxl_styles.PatternFill(
                        "solid", start_color=style.fill, end_color=style.fill
                    )
                    if style.fill
                    else openpyxl_styles.PatternFill()
                ),
                border=(
                    openpyxl_styles.Border(left=thin, right=thin, top=thin, bottom=thin)
                    if style.border
                    else openpyxl_styles.Border()
                ),
                alignment=openpyxl_styles.Alignment(
                    horizontal=align.horizontal,
                    vertical=align.vertical,
                    wrap_text=align.wrap or None,
                ),
                protection=openpyxl_styles.Protection(locked=style.locked),
                number_format=style.number_format,
            )
        )
    return found


def _use_default_font(wb: Any) -> None:
    """Make :data:`~sokets.xlsx.styles.PLAIN` the default font of a new workbook ``wb``: the
    “Normal” style's font and the font of cells without a style (openpyxl's default is Calibri)."""
    plain = _font(sty.PLAIN)
    wb._fonts = IndexedList([plain])
    wb._named_styles["Normal"].font = plain


class _FittedRow(RowDimension):  # type: ignore[misc]
    """A row height sokets estimated: written without ``customHeight``, so that spreadsheet
    programs fit the row again to text typed later (a custom height would stay fixed)."""

    @property
    def customHeight(self) -> bool:
        return False


def _set_height(ws: Any, row: int, height: float) -> None:
    """Give ``row`` of ``ws`` the fitted ``height`` (points)."""
    ws.row_dimensions[row] = _FittedRow(ws, index=row, ht=round(height, 2))


def _print_landscape(ws: Any, header_row: int) -> None:
    """Print ``ws`` on A4 landscape, one page wide, with row ``header_row`` on every page."""
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)


# -- what goes into the workbook -------------------------------------------------------------


@dataclass
class _Row:
    """A row to write: values by column key; a heading row has no inputs; ``inputs`` limits the
    input columns open in this row (``None``: all of them)."""

    values: dict[str, Any]
    heading: bool = False
    inputs: frozenset[str] | None = None


class _Formula(str):
    """A formula sokets writes itself (never text from a report)."""

    __slots__ = ()


def _or_none(text: str) -> str | None:
    return text if text else None


def _answer_values(answer: Answer | None) -> dict[str, Any]:
    if answer is None:
        return {}
    return {
        "results": _or_none(answer.results),
        "difficulties": _or_none(answer.difficulties),
        "proposals": _or_none(answer.proposals),
    }


def _info_rows(unit: Unit, form: str, report: BaseModel | None) -> list[_Row]:
    header: Any = getattr(report, "header", None)
    registry = get_registry()
    rows: list[_Row] = []
    for spec in lay.info_fields(form):
        values: list[Any]
        if spec is lay.INFO_UNIT:
            values = [lay.unit_label(unit)]
        elif spec is lay.INFO_DISTRICT:
            code: str | None = header.district_code if header is not None else unit.parent
            known = code is not None and code in registry
            values = [lay.unit_label(registry.get(code)) if code is not None and known else code]
        elif header is None:
            values = [None] * spec.rows
        else:
            value: Any = header
            for part in spec.key.split("."):
                value = getattr(value, part)
            if spec.repeated:
                values = list(value) + [None] * max(0, spec.rows - len(value))
            else:
                values = [_or_none(value) if isinstance(value, str) else value]
        label = lay.info_label(spec, unit)
        for value in values:
            rows.append(_Row({"key": spec.key, "label": label, "value": value}))
    return rows


@dataclass
class _Content:
    """The rows of every table of one unit's workbook."""

    info: list[_Row]
    outline: list[_Row]
    indicators: list[_Row]
    figures: list[_Row]
    cases: list[_Row]
    items: list[str]
    pl02: list[_Row] | None = None
    pl03: list[_Row] | None = None


def _content(unit: Unit, form: str, report: BaseModel | None) -> _Content:
    outline = outline_for(unit)
    answers: Any = getattr(report, "answers", None)
    answered = dict(answers.answered()) if answers is not None else {}
    items = lay.outline_rows(outline, unit, frozenset(answered))
    outline_rows: list[_Row] = []
    indicator_rows: list[_Row] = []
    leaves: list[OutlineItem] = []
    for item in items:
        values = {"item": item.id, "title": lay.item_text(item)}
        if item.children:
            outline_rows.append(_Row(values, heading=True))
            continue
        leaves.append(item)
        answer = answered.get(item.id)
        outline_rows.append(_Row(values | _answer_values(answer)))
        given: Any = answer.indicator_model() if answer is not None else None
        for indicator in item.indicators:
            value = getattr(given, indicator.id, None)
            row: dict[str, Any] = {
                "item": item.id,
                "indicator": indicator.id,
                "label": indicator.label,
            }
            if indicator.kind is IndicatorKind.RATIO:
                row["computed"] = _Formula("")
                if value is not None:
                    row |= {
                        "numerator": value.numerator,
                        "denominator": value.denominator,
                        "percent": value.percent,
                    }
            elif indicator.kind is IndicatorKind.YES_NO:
                row["yes_no"] = None if value is None else (YES if value else NO)
            else:
                row["count"] = value
            indicator_rows.append(_Row(row, inputs=lay.indicator_kind_columns(indicator.kind)))
    figures: list[_Row] = []
    cases: list[_Row] = []
    for item_id, answer in answered.items():
        for figure in answer.figures:
            figures.append(
                _Row(
                    {
                        "item": item_id,
                        "name": figure.name,
                        "value": figure.value,
                        "unit": _or_none(figure.unit),
                        "as_of": figure.as_of,
                    }
                )
            )
        for case in answer.typical_cases:
            cases.append(_Row({"item": item_id, "text": case}))
    content = _Content(
        info=_info_rows(unit, form, report),
        outline=outline_rows,
        indicators=indicator_rows,
        figures=figures,
        cases=cases,
        items=[leaf.id for leaf in leaves],
    )
    if form == "PL01":
        content.pl02 = [_pl02_row(row) for row in getattr(report, "appendix_pl02", ())]
        tasks: list[tuple[Task, Pl03Row | None]]
        if report is None:
            tasks = [(task, None) for task in get_catalogue().tasks_for(unit)]
        else:
            catalogue = get_catalogue()
            given_rows: list[Pl03Row] = getattr(report, "appendix_pl03", [])
            tasks = [(catalogue.get(row.task_id), row) for row in given_rows]
        content.pl03 = _pl03_rows(tasks)
    return content


def _pl02_row(row: Pl02Row) -> _Row:
    return _Row(
        {
            "no": row.no,
            "task": row.task,
            "results": _or_none(row.results),
            "difficulties": _or_none(row.difficulties),
            "proposals": _or_none(row.proposals),
            "notes": _or_none(row.notes),
        }
    )


def _pl03_rows(tasks: Iterable[tuple[Task, Pl03Row | None]]) -> list[_Row]:
    titles = {group.id: group.title for group in GROUPS}
    rows: list[_Row] = []
    group = None
    for task, given in tasks:
        if task.group != group:
            group = task.group
            rows.append(_Row({"task_id": group, "title": titles[group]}, heading=True))
        values: dict[str, Any] = {"task_id": task.id, "title": task.title, "lead": task.lead}
        if given is not None:
            values |= {
                "results": _or_none(given.results),
                "difficulties": _or_none(given.difficulties),
                "proposals": _or_none(given.proposals),
            }
        rows.append(_Row(values))
    return rows


# -- writing ---------------------------------------------------------------------------------


def put_text(cell: Any, text: str, where: str = "") -> None:
    """Store ``text`` in ``cell`` as text: never a formula, an error code or a number, whatever it
    starts with; characters XML cannot carry are escaped (see :func:`~sokets.xlsx.cells.encode_text`).

    Raises :class:`TemplateError` for text longer than a cell holds (32,767 characters).
    """
    stored = encode_text(text)
    if len(stored) > MAX_CELL_CHARS:
        raise TemplateError(
            f"{where or cell.coordinate}: văn bản dài {len(stored)} ký tự, quá giới hạn "
            f"{MAX_CELL_CHARS} ký tự của một ô / text longer than a cell holds"
        )
    cell.value = stored
    cell.data_type = "s"
    if stored.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


class _Validations:
    """Data validations of one sheet, collected per rule and added once."""

    def __init__(self) -> None:
        self.cells: dict[Kind, list[str]] = {}

    def add(self, kind: Kind, coordinate: str) -> None:
        self.cells.setdefault(kind, []).append(coordinate)

    def attach(self, ws: Any) -> None:
        for kind, cells in self.cells.items():
            validation = _validation(kind)
            if validation is None:
                continue
            validation.sqref = _ranges(cells)
            ws.add_data_validation(validation)


def _ranges(cells: list[str]) -> str:
    """``["D4", "D5", "D6", "F9"]`` → ``"D4:D6 F9"``."""
    columns: dict[str, list[int]] = {}
    for coordinate in cells:
        letters = coordinate.rstrip("0123456789")
        columns.setdefault(letters, []).append(int(coordinate[len(letters) :]))
    parts: list[str] = []
    for letters, rows in columns.items():
        rows.sort()
        start = previous = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            parts.append(
                f"{letters}{start}"
                if start == previous
                else f"{letters}{start}:{letters}{previous}"
            )
            if row is not None:
                start = previous = row
    return " ".join(parts)


def _validation(kind: Kind) -> DataValidation | None:
    if kind is Kind.YES_NO:
        return DataValidation(
            type="list",
            formula1=lay.LIST_YES_NO,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Có/Không",
            error=f"Chọn “{YES}” hoặc “{NO}” trong danh sách.",
        )
    if kind is Kind.ITEM:
        return DataValidation(
            type="list",
            formula1=lay.LIST_ITEMS,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Mục đề cương",
            error="Chọn mục trong danh sách (cột “Mục” của trang “Đề cương”).",
        )
    if kind is Kind.MEASURE:
        return DataValidation(
            type="list", formula1=lay.LIST_MEASURES, allow_blank=True, showErrorMessage=False
        )
    if kind is Kind.INTEGER:
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Số nguyên",
            error="Nhập một số nguyên không âm, ví dụ 85.",
        )
    if kind is Kind.PERCENT:
        return DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Tỷ lệ (%)",
            error="Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 85 hoặc 85,5.",
        )
    if kind is Kind.DATE:
        return DataValidation(
            type="date",
            operator="between",
            formula1=str(int(to_excel(date(2000, 1, 1)))),
            formula2=str(int(to_excel(date(2100, 12, 31)))),
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            promptTitle="Ngày",
            prompt="Nhập ngày dạng ngày/tháng/năm, ví dụ 14/8/2023.",
            errorTitle="Ngày",
            error="Nhập một ngày, ví dụ 14/8/2023.",
        )
    return None


class _Writer:
    def __init__(self, unit: Unit, form: str, content: _Content) -> None:
        self.unit = unit
        self.form = form
        self.content = content
        self.wb = Workbook()
        _use_default_font(self.wb)
        for style in named_styles():
            self.wb.add_named_style(style)

    def build(self) -> bytes:
        content = self.content
        tables: list[tuple[Table, list[_Row]]] = [
            (lay.INFO, content.info),
            (lay.OUTLINE, content.outline),
        ]
        if content.indicators or self.form == "PL04":
            tables.append((lay.INDICATORS, content.indicators))
        tables += [(lay.FIGURES, content.figures), (lay.CASES, content.cases)]
        if content.pl02 is not None and content.pl03 is not None:
            tables += [(lay.PL02, content.pl02), (lay.PL03, content.pl03)]
        first = self.wb.active
        for table, rows in tables:
            self._table(table, rows)
        self.wb.remove(first)
        self._lists()
        self._meta(tuple(table.sheet for table, _ in tables))
        self.wb.active = 0
        self.wb.security = WorkbookProtection(lockStructure=True)
        self.wb.properties.creator = GENERATOR
        self.wb.properties.title = f"{self.form} – {self.unit.name}"
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()

    def _table(self, table: Table, rows: list[_Row]) -> None:
        ws = self.wb.create_sheet(table.sheet)
        validations = _Validations()
        columns = table.columns
        visible = [c for c in columns if not c.hidden]
        title, note = lay.banner(table, self.unit)
        first_visible = table.index(visible[0].key)
        last = column_letters(len(columns))
        start = column_letters(first_visible)
        for row, text, style in ((1, title, "sk_title"), (2, note, "sk_note")):
            cell = ws.cell(row, first_visible)
            cell.style = style
            put_text(cell, text)
        # The title overflows into the empty cells on its right; the note wraps across the table.
        # (``ws.merge_cells`` would also create and style a placeholder for every covered cell.)
        ws.merged_cells.add(MergedCellRange(ws, f"{start}2:{last}2"))
        width = sum(c.width for c in visible)
        ws.row_dimensions[1].height = 22
        note_size = sty.NOTE.size
        _set_height(ws, 2, sty.row_height(sty.text_lines(note, width, note_size), note_size))
        lines = max(sty.text_lines(c.header, c.width, bold=True) for c in visible)
        _set_height(ws, table.header_row, sty.row_height(lines))
        for number, column in enumerate(columns, start=1):
            letter = column_letters(number)
            dimension = ws.column_dimensions[letter]
            dimension.width = column.width
            if column.hidden:
                dimension.hidden = True
            cell = ws.cell(table.header_row, number)
            cell.style = "sk_header"
            put_text(cell, column.header)
        count = len(rows) + table.free_rows
        for offset in range(count):
            given = rows[offset] if offset < len(rows) else _Row({})
            self._row(ws, table, table.first_row + offset, given, validations)
        validations.attach(ws)
        ws.freeze_panes = f"A{table.first_row}"
        _print_landscape(ws, table.header_row)
        protection = ws.protection
        protection.sheet = True
        protection.formatColumns = False
        protection.formatRows = False
        if table.is_free:
            protection.insertRows = False
            protection.deleteRows = False

    def _row(self, ws: Any, table: Table, row: int, given: _Row, validations: _Validations) -> None:
        lines = 1
        for column in table.columns:
            value = given.values.get(column.key)
            if value is not None and not column.hidden and not isinstance(value, _Formula):
                text = _shown(value)
                lines = max(lines, sty.text_lines(text, column.width, bold=given.heading))
        if lines > 1:
            _set_height(ws, row, sty.row_height(lines))
        for number, column in enumerate(table.columns, start=1):
            cell = ws.cell(row, number)
            value = given.values.get(column.key)
            kind = column.kind
            if table is lay.INFO and column.key == "value":
                kind = lay.INFO_BY_KEY[given.values["key"]].kind
            if given.heading:
                cell.style = "sk_heading"
            elif kind is Kind.COMPUTED:
                cell.style = "sk_computed" if isinstance(value, _Formula) else "sk_na"
                if isinstance(value, _Formula):
                    cell.value = _percent_formula(table, row)
                continue
            elif not kind.is_input:
                cell.style = "sk_fixed"
            elif given.inputs is not None and column.key not in given.inputs:
                cell.style = "sk_na"
            else:
                cell.style = INPUT_STYLES[kind]
                validations.add(kind, cell.coordinate)
            if value is not None:
                self._put(cell, value, f"{table.sheet}!{cell.coordinate}")

    def _put(self, cell: Any, value: Any, where: str) -> None:
        if isinstance(value, str):
            put_text(cell, value, where)
        elif isinstance(value, bool):
            put_text(cell, YES if value else NO, where)
        elif isinstance(value, date):
            if value >= _EXCEL_FIRST_DAY:
                cell.value = value
            else:
                put_text(cell, value.isoformat(), where)
        elif isinstance(value, int):
            if abs(value) < _EXACT_INTEGERS:
                cell.value = value
            else:
                put_text(cell, str(value), where)
        else:
            cell.value = value
            # openpyxl writes numbers with 16 significant digits; the shortest text that reads
            # back as the same double may need 17.
            cell._value = repr(float(value))

    def _lists(self) -> None:
        ws = self.wb.create_sheet(lay.LISTS_SHEET)
        entries = {
            lay.LIST_YES_NO: [YES, NO],
            lay.LIST_ITEMS: self.content.items,
            lay.LIST_MEASURES: list(lay.MEASURES),
        }
        quoted = quote_sheet(lay.LISTS_SHEET)
        for name, (letter, header) in lay.LIST_COLUMNS.items():
            values = entries[name] or [""]
            put_text(ws[f"{letter}1"], header)
            for row, value in enumerate(values, start=2):
                put_text(ws[f"{letter}{row}"], value)
            reference = f"{quoted}!${letter}$2:${letter}${len(values) + 1}"
            self.wb.defined_names[name] = DefinedName(name, attr_text=reference)
        ws.sheet_state = "hidden"
        ws.protection.sheet = True

    def _meta(self, sheets: tuple[str, ...]) -> None:
        ws = self.wb.create_sheet(lay.META_SHEET)
        meta = lay.meta_for(self.unit, sheets)
        for row, key in enumerate(lay.META_KEYS, start=1):
            put_text(ws.cell(row, 1), key)
            if key in meta:
                put_text(ws.cell(row, 2), meta[key])
        for name, key in lay.META_NAMES.items():
            self.wb.defined_names[name] = DefinedName(name, attr_text=f'"{meta[key]}"')
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True


def _shown(value: Any) -> str:
    """A value as its cell shows it, to measure its height."""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _percent_formula(table: Table, row: int) -> str:
    numerator = f"{column_letters(table.index('numerator'))}{row}"
    denominator = f"{column_letters(table.index('denominator'))}{row}"
    return (
        f"=IF(AND(ISNUMBER({numerator}),ISNUMBER({denominator}),{denominator}<>0),"
        f'ROUND({numerator}/{denominator}*100,2),"")'
    )


# -- public API ------------------------------------------------------------------------------


def build_workbook(unit: Unit, report: BaseModel | None = None) -> bytes:
    """The XLSX bytes of ``unit``'s template, empty or filled with ``report``.

    ``report`` must be the unit's own :class:`~sokets.models.Pl01Report` or
    :class:`~sokets.models.Pl04Report`. Raises :class:`TemplateError` for a unit that files no
    report of its own (a subunit), a report of another unit or form, or a text too long for a cell.
    """
    try:
        form = lay.unit_form(unit)
    except ValueError as exc:
        raise TemplateError(str(exc)) from None
    if report is not None:
        expected = Pl04Report if form == "PL04" else Pl01Report
        if not isinstance(report, expected):
            raise TemplateError(
                f"{unit.code} báo cáo theo {form}, không nhận {type(report).__name__} / "
                f"{unit.code} reports by {form}"
            )
        if report.header.unit_code != unit.code:
            raise TemplateError(
                f"báo cáo của {report.header.unit_code}, không phải của {unit.code} / report of "
                "another unit"
            )
    return _Writer(unit, form, _content(unit, form, report)).build()


def build_report_workbook(report: BaseModel) -> bytes:
    """The template of ``report``'s unit, filled with ``report`` (see :func:`build_workbook`)."""
    header: Any = getattr(report, "header", None)
    if not isinstance(report, Pl01Report | Pl04Report) or header is None:
        raise TemplateError(
            f"chỉ báo cáo PL01 và PL04 được ghi ra XLSX, không nhận {type(report).__name__} / "
            "only PL01 and PL04 reports have a workbook"
        )
    return build_workbook(get_registry().get(header.unit_code), report)


class XlsxTemplate:
    """Blank renderer ``"xlsx"``: a unit's template to fill in."""

    suffix = ".xlsx"

    def render(self, unit: Unit) -> bytes:
        """The template's bytes."""
        return build_workbook(unit)


class XlsxReport:
    """Report renderer ``"xlsx"``: a report written into its unit's template."""

    suffix = ".xlsx"

    def render(self, report: BaseModel) -> bytes:
        """The filled template's bytes."""
        return build_report_workbook(report)


def blank_renderer() -> XlsxTemplate:
    """Factory for :data:`sokets.render.BLANK_RENDERERS`."""
    return XlsxTemplate()


def report_renderer() -> XlsxReport:
    """Factory for :data:`sokets.render.REPORT_RENDERERS`."""
    return XlsxReport()
