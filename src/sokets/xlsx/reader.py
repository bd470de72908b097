"""Read a filled sokets workbook back into a report.

:func:`read_workbook` takes the bytes of a workbook made by :mod:`sokets.xlsx.template` (and filled
in a spreadsheet program) and returns an :class:`~sokets.inputs.ImportResult`: a
:class:`~sokets.models.Pl01Report` or :class:`~sokets.models.Pl04Report`, and findings (``X``
codes, :mod:`sokets.xlsx.findings`) for every cell it could not import as typed. Every non-empty
cell is either imported, part of the template, or reported.

What it tolerates: blank rows, rows in another order, stray spaces around ids, numbers and dates,
numbers typed as text (``"85"``, ``"85%"``, ``"1.234"``), numbers or dates in text cells, NFD text,
cells merged for layout, values computed by formulas (their cached result is read).

What it refuses, with :class:`~sokets.errors.InputError` (the file is not something to import):
a file that fails the safety checks of :mod:`sokets.xlsx.safety`, a workbook that is not a sokets
template, a template of another layout or form version, of a unit other than ``expected_unit``,
whose identity was tampered with, or whose table structure was changed (a sheet or column header
missing). With :class:`~sokets.errors.InvalidReportError` (problems located by JSON pointer, the
message naming the cell, and the error's ``locations`` mapping pointers to cells): a report that
cannot be built because a required header cell (report number, date, signer) is empty or
unreadable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from sokets._text import fold
from sokets.catalogue import GROUPS, get_catalogue
from sokets.errors import InputError, InvalidReportError, Problem
from sokets.findings import Finding, Severity
from sokets.forms import FORMS, json_pointer, problems_of
from sokets.inputs import ImportResult
from sokets.models.answers import answer_key
from sokets.outline import IndicatorKind, OutlineItem, outline_for
from sokets.schema.versions import supported_versions
from sokets.units import Unit, get_registry
from sokets.xlsx import findings as xf
from sokets.xlsx import layout as lay
from sokets.xlsx import values as val
from sokets.xlsx.book import Book, Sheet, read_book
from sokets.xlsx.cells import GENERATOR, column_letters
from sokets.xlsx.layout import Kind, Table
from sokets.xlsx.safety import MAX_COLUMNS, MAX_ROWS

#: Cells outside the tables reported one by one before a single summary finding (X008).
MAX_OUTSIDE_FINDINGS = 50

_EMPTY = "(trống)"
#: Column letters by number (1 → "A"), for cell references.
_LETTERS = ("", *(column_letters(n) for n in range(1, MAX_COLUMNS + 1)))
#: Units of measure that mean a percentage (folded).
_PERCENT_UNITS = frozenset({"%", "phần trăm", "percent"})

#: The cell that stands for an indicator's value (a ratio's numerator).
_FIRST_INPUT = {
    IndicatorKind.RATIO: "numerator",
    IndicatorKind.YES_NO: "yes_no",
    IndicatorKind.COUNT: "count",
}


class _Sheet:
    """The non-empty cells of one worksheet, and which of them the reader has used."""

    def __init__(self, sheet: Sheet, source: str) -> None:
        self.title: str = sheet.title
        self.by_row: dict[int, dict[int, tuple[Any, str]]] = {}
        self.merged: set[tuple[int, int]] = sheet.merged
        self.used: set[tuple[int, int]] = set()
        clean = val.clean
        for (row, column), (raw, data_type, number_format) in sheet.cells.items():
            value = clean(raw, data_type)
            if value is None:
                continue
            if row > MAX_ROWS or column > MAX_COLUMNS:
                raise InputError(
                    f"có dữ liệu ngoài giới hạn {MAX_ROWS} dòng × {MAX_COLUMNS} cột của một trang "
                    "/ data beyond the sheet limits",
                    source=source,
                    location=self.ref(row, column),
                )
            self.by_row.setdefault(row, {})[column] = (value, number_format)

    def ref(self, row: int, column: int) -> str:
        """``"PL03!D7"``."""
        letters = _LETTERS[column] if column < len(_LETTERS) else column_letters(column)
        return f"{self.title}!{letters}{row}"

    def rows(self, start: int) -> list[int]:
        """Rows from ``start`` holding a value, in order."""
        return sorted(r for r in self.by_row if r >= start)

    def take(self, row: int, column: int) -> Any:
        """The cell's value (``None`` if empty); the cell counts as used."""
        entry = self.by_row.get(row, {}).get(column)
        if entry is None:
            return None
        self.used.add((row, column))
        return entry[0]

    def number_format(self, row: int, column: int) -> str:
        entry = self.by_row.get(row, {}).get(column)
        return entry[1] if entry is not None else "General"

    def is_merged(self, row: int, column: int) -> bool:
        return (row, column) in self.merged

    def leftovers(self) -> Iterator[tuple[str, Any]]:
        """``(cell ref, value)`` of every cell holding a value that was not used."""
        for row in sorted(self.by_row):
            for column in sorted(self.by_row[row]):
                if (row, column) not in self.used:
                    yield self.ref(row, column), self.by_row[row][column][0]


def _refuse(message: str, source: str, location: str = "") -> InputError:
    return InputError(message, source=source, location=location)


def _meta_cells(sheet: Sheet) -> dict[str, tuple[str, str]]:
    """``key → (value, cell ref)`` from the meta sheet."""
    found: dict[str, tuple[str, str]] = {}
    keys: dict[int, str] = {}
    values: dict[int, str] = {}
    for (row, column), (raw, _, _) in sheet.cells.items():
        value = val.clean(raw)
        if value is None or column > 2 or row > 100:
            continue
        (keys if column == 1 else values)[row] = str(value).strip()
    for row, key in keys.items():
        found[key] = (values.get(row, ""), f"{sheet.title}!B{row}")
    return found


_NOT_TEMPLATE = (
    "không phải mẫu XLSX của sokets (thiếu trang ẩn “sokets” ghi mã biểu mẫu và đơn vị); hãy "
    "lấy mẫu bằng lệnh: sokets template ĐƠN_VỊ --to xlsx / not a sokets template"
)


def _identify(book: Book, source: str, expected_unit: str | None) -> tuple[Unit, str, list[str]]:
    """The unit, form and table sheets the workbook says it holds; :class:`InputError` if it is
    not a sokets template of the current versions (for ``expected_unit``, when given)."""
    # Chart sheets have no cells and are not in ``book.sheets``: only worksheets count.
    worksheets = {sheet.title: sheet for sheet in book.sheets}
    if lay.META_SHEET not in worksheets:
        raise _refuse(_NOT_TEMPLATE, source)
    meta = _meta_cells(worksheets[lay.META_SHEET])

    def value(key: str) -> tuple[str, str]:
        return meta.get(key, ("", f"{lay.META_SHEET}!B{lay.META_KEYS.index(key) + 1}"))

    generator, where = value("generator")
    if generator != GENERATOR:
        raise _refuse(_NOT_TEMPLATE, source, where)
    layout, where = value("layout")
    if layout != lay.LAYOUT_VERSION:
        raise _refuse(
            f"mẫu theo bố cục {layout or '?'}, sokets này đọc bố cục {lay.LAYOUT_VERSION}; hãy "
            "lấy mẫu mới bằng sokets template / template of another layout version",
            source,
            where,
        )
    form, where = value("form")
    if form not in ("PL01", "PL04"):
        raise _refuse(
            f"biểu mẫu {form or '?'} không có mẫu XLSX / no workbook for this form", source, where
        )
    versions = [("form_version", form)]
    if form == "PL01":
        versions += [("pl02_version", "PL02"), ("pl03_version", "PL03")]
    for key, form_id in versions:
        version, where = value(key)
        readable = supported_versions(form_id)  # a template of the same layout, for a version
        if version not in readable:  # that sokets still reads, is read as the current one
            raise _refuse(
                f"mẫu {form_id} phiên bản {version or '?'}, sokets này hỗ trợ phiên bản "
                f"{', '.join(readable)}; hãy lấy mẫu mới bằng sokets template / template of "
                "another form version",
                source,
                where,
            )
    code, where = value("unit_code")
    registry = get_registry()
    if code not in registry:
        raise _refuse(f"mã đơn vị {code!r} không có trong danh mục / unknown unit", source, where)
    unit = registry.get(code)
    if unit.form != form:
        raise _refuse(
            f"{unit.name} ({code}) báo cáo theo {unit.form}, mẫu lại là {form} / template form "
            "does not match the unit",
            source,
            where,
        )
    if expected_unit is not None:
        expected = registry.lookup(expected_unit)
        if expected.code != unit.code:
            raise _refuse(
                f"đây là mẫu của {lay.unit_label(unit)}, không phải của "
                f"{lay.unit_label(expected)} / another unit's template",
                source,
                where,
            )
    for name, key in lay.META_NAMES.items():
        if name not in book.names:
            continue
        text = str(book.names[name] or "").strip().strip('"')
        if text != value(key)[0]:
            raise _refuse(
                f"tên định nghĩa {name} ({text!r}) không khớp trang “sokets” "
                f"({value(key)[0]!r}): mẫu đã bị sửa / the template's identity was tampered with",
                source,
                value(key)[1],
            )
    sheets = [s for s in value("sheets")[0].split(",") if s]
    for sheet in sheets:
        if sheet not in lay.TABLES:
            raise _refuse(
                f"trang {sheet!r} không có trong bố cục / unknown sheet", source, value("sheets")[1]
            )
        if sheet not in worksheets:
            raise _refuse(
                f"thiếu trang “{sheet}” của mẫu / a sheet of the template is missing", source
            )
    for required in (lay.INFO.sheet, lay.OUTLINE.sheet):
        if required not in sheets:
            raise _refuse(_NOT_TEMPLATE, source, value("sheets")[1])
    if form == "PL01" and not {lay.PL02.sheet, lay.PL03.sheet} <= set(sheets):
        raise _refuse(_NOT_TEMPLATE, source, value("sheets")[1])
    return unit, form, sheets


class _Reader:
    """Reads the tables of one identified workbook into a report's data, collecting findings."""

    def __init__(self, book: Book, source: str, unit: Unit, form: str, tables: list[str]) -> None:
        self.source = source
        self.unit = unit
        self.form = form
        self.outline = outline_for(unit)
        self.items: dict[str, OutlineItem] = {fold(i.id): i for i in self.outline.walk()}
        self.findings: list[Finding] = []
        self.pointers: dict[str, str] = {}
        self.sheets: dict[str, _Sheet] = {}
        self.all_sheets: list[_Sheet] = []
        for cells in book.sheets:
            if cells.title in (lay.META_SHEET, lay.LISTS_SHEET):
                continue
            sheet = _Sheet(cells, source)
            self.all_sheets.append(sheet)
            if cells.title in tables:
                self.sheets[cells.title] = sheet
        for name in tables:
            self._check_headers(lay.TABLES[name])
        self.answers: dict[str, dict[str, Any]] = {}

    # -- helpers -----------------------------------------------------------------------------

    def _add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def _check_headers(self, table: Table) -> None:
        sheet = self.sheets[table.sheet]
        first_visible = next(i for i, c in enumerate(table.columns, 1) if not c.hidden)
        for row in range(1, table.header_row):
            sheet.take(row, first_visible)
        for number, column in enumerate(table.columns, start=1):
            found = sheet.take(table.header_row, number)
            if sheet.is_merged(table.header_row, number):
                continue
            text = val.as_text(found) if found is not None else ""
            if fold(text) not in {fold(h) for h in (column.header, *column.earlier)}:
                raise _refuse(
                    f"tiêu đề cột đã bị thay đổi: cần “{column.header}”, có "
                    f"{val.show(text) if text else _EMPTY}; cấu trúc bảng đã bị sửa (chèn, xóa "
                    "hoặc đổi cột), hãy chép số liệu sang mẫu mới / column header changed: the "
                    "table's structure was edited",
                    self.source,
                    sheet.ref(table.header_row, number),
                )

    def _fixed(
        self, sheet: _Sheet, row: int, column: int, expected: str, earlier: tuple[str, ...] = ()
    ) -> None:
        """Check a locked cell sokets wrote (``expected``, or one of the ``earlier`` texts of
        templates already sent out); an edit is reported (X002), never imported."""
        found = sheet.take(row, column)
        if found is None and sheet.is_merged(row, column):
            return
        text = val.as_text(found) if found is not None and not val.is_error(found) else ""
        if fold(text) not in {fold(t) for t in (expected, *earlier)}:
            self._add(
                xf.LOCKED_CELL_EDITED.at(
                    sheet.ref(row, column),
                    expected=val.show(expected),
                    value=val.show(found) if found is not None else _EMPTY,
                )
            )

    def _read(
        self,
        sheet: _Sheet,
        row: int,
        column: int,
        kind: Kind,
        pointer: str = "",
    ) -> Any:
        """The value of an input cell of ``kind`` (``None`` if empty or of the wrong kind, the
        latter reported as X001); records where ``pointer``'s value came from."""
        ref = sheet.ref(row, column)
        if pointer:
            self.pointers[pointer] = ref
        raw = sheet.take(row, column)
        if raw is None:
            return None
        number_format = sheet.number_format(row, column)
        shown = val.percent_shown(raw, number_format)
        try:
            if kind in (Kind.TEXT, Kind.MEASURE):
                return val.as_text(raw) if shown is None else f"{val.as_text(shown)}%"
            if kind in (Kind.ITEM, Kind.KEY):
                return val.as_text(raw).strip()
            if kind in (Kind.INTEGER, Kind.DECIMAL) and shown is not None:
                value = val.as_integer(shown) if kind is Kind.INTEGER else shown
                header = lay.TABLES[sheet.title].columns[column - 1].header
                self._add(
                    xf.PERCENT_SHOWN.at(
                        ref,
                        shown=val.show_cell(raw, number_format),
                        value=val.as_text(value),
                        context_vi=f"trong cột “{header}”, không phải cột tỷ lệ",
                        context_en=f"in the “{header}” column, which is not a percentage",
                    )
                )
                return value
            if kind is Kind.INTEGER:
                return val.as_integer(raw)
            if kind is Kind.DECIMAL:
                return val.as_decimal(raw)
            if kind is Kind.PERCENT:
                return val.as_percent(raw, number_format)
            if kind is Kind.DATE:
                return val.as_date(raw)
            if kind is Kind.YES_NO:
                return val.as_yes_no(raw)
        except val.WrongKind as wrong:
            self._add(
                xf.WRONG_KIND.at(
                    ref,
                    value=val.show_cell(raw, number_format),
                    expected_vi=wrong.expected_vi,
                    expected_en=wrong.expected_en,
                )
            )
            return _WRONG
        raise AssertionError(kind)

    def _consume(self, sheet: _Sheet, row: int, table: Table, *keys: str) -> None:
        for key in keys or tuple(c.key for c in table.columns):
            sheet.take(row, table.index(key))

    def _answer(self, item_id: str) -> dict[str, Any]:
        return self.answers.setdefault(answer_key(item_id), {})

    def _leaf(self, sheet: _Sheet, row: int, column: int, text: Any) -> OutlineItem | None:
        item = self.items.get(fold(text)) if isinstance(text, str) else None
        if item is None or item.children:
            self._add(
                xf.UNKNOWN_ID.at(
                    sheet.ref(row, column),
                    value=val.show(text),
                    expected_vi=f"một mục trả lời của {self.outline.appendix}",
                    expected_en=f"an answerable item of {self.outline.appendix}",
                )
            )
            return None
        return item

    # -- tables ------------------------------------------------------------------------------

    def read_info(self) -> dict[str, Any]:
        table = lay.INFO
        sheet = self.sheets[table.sheet]
        fields = {f.key: f for f in lay.info_fields(self.form)}
        single: dict[str, Any] = {}
        lists: dict[str, list[str]] = {f.key: [] for f in fields.values() if f.repeated}
        seen: dict[str, int] = {}
        key_col, label_col, value_col = (table.index(k) for k in ("key", "label", "value"))
        for row in sheet.rows(table.first_row):
            key = self._read(sheet, row, key_col, Kind.KEY)
            if key is None or key is _WRONG:
                continue
            spec = fields.get(key)
            if spec is None:
                self._add(
                    xf.UNKNOWN_ID.at(
                        sheet.ref(row, key_col),
                        value=val.show(key),
                        expected_vi="một trường của trang “Thông tin”",
                        expected_en="a field of the “Thông tin” sheet",
                    )
                )
                self._consume(sheet, row, table, "label", "value")
                continue
            label = lay.info_label(spec, self.unit)
            self._fixed(sheet, row, label_col, label, lay.EARLIER_LABELS.get(spec.key, ()))
            if spec.repeated:
                ref = sheet.ref(row, value_col)
                self.pointers.setdefault(spec.pointer, ref)
                value = self._read(sheet, row, value_col, spec.kind)
                if isinstance(value, str):
                    self.pointers[f"{spec.pointer}/{len(lists[spec.key])}"] = ref
                    lists[spec.key].append(value)
                continue
            if spec.key in seen:
                self._add(
                    xf.DUPLICATE_ROW.at(
                        sheet.ref(row, value_col),
                        what="Trường",
                        what_en="Field",
                        key=spec.label,
                        first=seen[spec.key],
                    )
                )
                self._consume(sheet, row, table, "value")
                continue
            seen[spec.key] = row
            if spec is lay.INFO_UNIT:
                self.pointers[spec.pointer] = sheet.ref(row, value_col)
                self._fixed(sheet, row, value_col, lay.unit_label(self.unit))
                continue
            if spec is lay.INFO_DISTRICT:
                single[spec.key] = self._district(sheet, row, value_col, spec.pointer)
                continue
            value = self._read(sheet, row, value_col, spec.kind, spec.pointer)
            if value is not None and value is not _WRONG:
                single[spec.key] = value
        for spec in fields.values():
            if spec.key not in seen and not spec.repeated and spec is not lay.INFO_UNIT:
                self.pointers.setdefault(spec.pointer, table.sheet)
        for pointer, parts in (
            ("/header", ("/header/unit_code",)),
            (
                "/header/signer",
                tuple(f"/header/signer/{k}" for k in ("authority", "title", "name")),
            ),
        ):
            cells = [self.pointers[p] for p in parts if "!" in self.pointers.get(p, "")]
            if cells:
                self.pointers.setdefault(pointer, cells[0])
        header: dict[str, Any] = {
            "form": self.form,
            "version": FORMS[self.form].version,
            "unit_code": self.unit.code,
        }
        signer: dict[str, Any] = {"authority": lists["signer.authority"]}
        for key, value in single.items():
            if key.startswith("signer."):
                signer[key.removeprefix("signer.")] = value
            else:
                header[key] = value
        header["signer"] = signer
        header["recipients"] = lists["recipients"]
        return header

    def _district(self, sheet: _Sheet, row: int, column: int, pointer: str) -> Any:
        self.pointers[pointer] = sheet.ref(row, column)
        raw = sheet.take(row, column)
        if raw is None:
            return None
        text = val.as_text(raw).strip() if not val.is_error(raw) else ""
        registry = get_registry()
        code = text.rsplit("(", 1)[-1].rstrip(")").strip() if text.endswith(")") else text
        if code in registry:
            return code
        try:
            return registry.lookup(text).code
        except LookupError:
            self._add(
                xf.WRONG_KIND.at(
                    sheet.ref(row, column),
                    value=val.show(raw),
                    expected_vi="một UBND cấp huyện, ví dụ “Thành phố Vinh (412)”",
                    expected_en="a district, for example “Thành phố Vinh (412)”",
                )
            )
            return None

    def read_outline(self) -> None:
        table = lay.OUTLINE
        sheet = self.sheets[table.sheet]
        item_col, title_col = table.index("item"), table.index("title")
        first: dict[str, int] = {}
        for row in sheet.rows(table.first_row):
            key = self._read(sheet, row, item_col, Kind.KEY)
            if key is None or key is _WRONG:
                continue
            item = self.items.get(fold(key))
            if item is None:
                self._add(
                    xf.UNKNOWN_ID.at(
                        sheet.ref(row, item_col),
                        value=val.show(key),
                        expected_vi=f"một mục của {self.outline.appendix}",
                        expected_en=f"an item of {self.outline.appendix}",
                    )
                )
                self._consume(sheet, row, table)
                continue
            self._fixed(sheet, row, title_col, lay.item_text(item))
            if item.children:
                continue
            if item.id in first:
                self._add(
                    xf.DUPLICATE_ROW.at(
                        sheet.ref(row, item_col),
                        what="Mục",
                        what_en="Item",
                        key=item.id,
                        first=first[item.id],
                    )
                )
                self._consume(sheet, row, table)
                continue
            first[item.id] = row
            answer = self._answer(item.id)
            self.pointers[json_pointer(("answers", answer_key(item.id)))] = sheet.ref(
                row, table.index("results")
            )
            for key_name in ("results", "difficulties", "proposals"):
                pointer = json_pointer(("answers", answer_key(item.id), key_name))
                text = self._read(sheet, row, table.index(key_name), Kind.TEXT, pointer)
                if isinstance(text, str):
                    answer[key_name] = text
        for leaf in self.outline.leaves_for(self.unit):
            if leaf.id not in first:
                self._add(
                    xf.ROW_MISSING.at(
                        table.sheet,
                        what="mục",
                        what_en="item",
                        key=leaf.id,
                        title=val.show(leaf.title, 40),
                    )
                )
                self._answer(leaf.id)

    def read_indicators(self) -> None:
        table = lay.INDICATORS
        sheet = self.sheets.get(table.sheet)
        if sheet is None:
            return
        item_col, ind_col = table.index("item"), table.index("indicator")
        first: dict[tuple[str, str], int] = {}
        for row in sheet.rows(table.first_row):
            item_key = self._read(sheet, row, item_col, Kind.KEY)
            indicator_key = self._read(sheet, row, ind_col, Kind.KEY)
            if (item_key is None and indicator_key is None) or _WRONG in (item_key, indicator_key):
                continue
            item = self.items.get(fold(item_key)) if isinstance(item_key, str) else None
            indicator = None
            if item is not None and isinstance(indicator_key, str):
                indicator = next(
                    (i for i in item.indicators if fold(i.id) == fold(indicator_key)), None
                )
            if item is None or indicator is None:
                self._add(
                    xf.UNKNOWN_ID.at(
                        sheet.ref(row, item_col),
                        value=val.show(f"{item_key} / {indicator_key}"),
                        expected_vi="một chỉ số của đề cương",
                        expected_en="an indicator of the outline",
                    )
                )
                self._consume(sheet, row, table)
                continue
            self._fixed(sheet, row, table.index("label"), indicator.label)
            key = (item.id, indicator.id)
            if key in first:
                self._add(
                    xf.DUPLICATE_ROW.at(
                        sheet.ref(row, item_col),
                        what="Chỉ số",
                        what_en="Indicator",
                        key=f"{item.id} / {indicator.id}",
                        first=first[key],
                    )
                )
                self._consume(sheet, row, table, *lay.indicator_kind_columns(indicator.kind))
                continue
            first[key] = row
            base = ("answers", answer_key(item.id), "indicators", indicator.id)
            self.pointers[json_pointer(base)] = sheet.ref(
                row, table.index(_FIRST_INPUT[indicator.kind])
            )
            value: Any
            if indicator.kind is IndicatorKind.RATIO:
                parts = {
                    name: self._read(
                        sheet, row, table.index(name), column_kind, json_pointer((*base, name))
                    )
                    for name, column_kind in (
                        ("numerator", Kind.INTEGER),
                        ("denominator", Kind.INTEGER),
                        ("percent", Kind.PERCENT),
                    )
                }
                self._computed(sheet, row, table, parts["numerator"], parts["denominator"])
                if any(v is _WRONG for v in parts.values()):
                    continue
                if all(v is None for v in parts.values()):
                    continue
                alone = parts["numerator"] is None and parts["denominator"] is None
                if (parts["numerator"] is None or parts["denominator"] is None) and not alone:
                    missing = "numerator" if parts["numerator"] is None else "denominator"
                    self._add(
                        xf.INCOMPLETE_RATIO.at(
                            sheet.ref(row, table.index(missing)),
                            indicator=f"{item.id} / {indicator.id}",
                        )
                    )
                    continue
                value = {k: v for k, v in parts.items() if v is not None}
            elif indicator.kind is IndicatorKind.YES_NO:
                value = self._read(
                    sheet, row, table.index("yes_no"), Kind.YES_NO, json_pointer(base)
                )
            else:
                value = self._read(
                    sheet, row, table.index("count"), Kind.INTEGER, json_pointer(base)
                )
            if value is not None and value is not _WRONG:
                self._answer(item.id).setdefault("indicators", {})[indicator.id] = value

    def _computed(
        self, sheet: _Sheet, row: int, table: Table, numerator: Any, denominator: Any
    ) -> None:
        """Check the percent formula's cell: it may hold nothing, or what the formula computes
        (the value a spreadsheet program cached); anything else was typed over it (X002)."""
        column = table.index("computed")
        found = sheet.take(row, column)
        if found is None:
            return
        expected: float | None = None
        if isinstance(numerator, int) and isinstance(denominator, int) and denominator:
            expected = round(100 * numerator / denominator, 2)
        if (
            expected is not None
            and isinstance(found, int | float)
            and not isinstance(found, bool)
            and abs(found - expected) < 0.006
        ):
            return
        self._add(
            xf.LOCKED_CELL_EDITED.at(
                sheet.ref(row, column),
                expected=f"“{_percent_hint(expected)}” (công thức / formula)",
                value=val.show(found),
            )
        )

    def _free_rows(self, table: Table) -> Iterator[tuple[_Sheet, int, dict[str, Any]]]:
        """Rows of a free table with any value, as ``column key → raw value`` (cells used)."""
        sheet = self.sheets[table.sheet]
        for row in sheet.rows(table.first_row):
            present = {
                column.key: sheet.by_row[row][number][0]
                for number, column in enumerate(table.columns, start=1)
                if number in sheet.by_row[row]
            }
            if present:
                yield sheet, row, present

    def _row_cells(self, sheet: _Sheet, row: int, table: Table, base: tuple[Any, ...]) -> None:
        """Record where the entry at ``base`` and each of its fields came from: the row's first
        visible cell, and every column's cell (filled or not)."""
        first = next(n for n, c in enumerate(table.columns, 1) if not c.hidden)
        self.pointers[json_pointer(base)] = sheet.ref(row, first)
        for number, column in enumerate(table.columns, start=1):
            self.pointers[json_pointer((*base, column.key))] = sheet.ref(row, number)

    def _incomplete(self, sheet: _Sheet, row: int, column: int, vi: str, en: str) -> None:
        self._add(xf.INCOMPLETE_ROW.at(sheet.ref(row, column), missing_vi=vi, missing_en=en))

    def _figure_value(self, sheet: _Sheet, row: int, column: int) -> tuple[Any, str]:
        """A figure's value, and how the cell shows it when it is a percentage (``"“85%”"``;
        ``""`` otherwise): ``0.85`` in a ``0%`` cell and the text ``"85%"`` are both 85."""
        raw = sheet.take(row, column)
        number_format = sheet.number_format(row, column)
        shown = val.percent_shown(raw, number_format)
        if shown is not None:
            return shown, val.show_cell(raw, number_format)
        if isinstance(raw, str):
            number = val.percent_text(raw)
            if number is not None:
                return number, val.show(raw)
        return self._read(sheet, row, column, Kind.DECIMAL), ""

    def _percent_unit(self, sheet: _Sheet, row: int, figure: dict[str, Any], shown: str) -> None:
        """Give a figure shown as a percentage the unit “%”, or report a unit that says otherwise
        (the number shown is kept)."""
        table = lay.FIGURES
        if "unit" not in figure:
            figure["unit"] = "%"
        elif fold(figure["unit"]) not in _PERCENT_UNITS:
            self._add(
                xf.PERCENT_SHOWN.at(
                    sheet.ref(row, table.index("value")),
                    shown=shown,
                    value=val.as_text(figure["value"]),
                    context_vi=f"nhưng đơn vị tính là {val.show(figure['unit'])}",
                    context_en=f"but the unit is {val.show(figure['unit'])}",
                )
            )

    def read_figures(self) -> None:
        table = lay.FIGURES
        for sheet, row, present in self._free_rows(table):
            got: dict[str, Any] = {}
            percent = ""
            for column in table.columns:
                number = table.index(column.key)
                if column.key == "value":
                    got["value"], percent = self._figure_value(sheet, row, number)
                else:
                    got[column.key] = self._read(sheet, row, number, column.kind)
            if "item" not in present:
                self._incomplete(
                    sheet, row, table.index("item"), "mục đề cương", "the outline item"
                )
                continue
            if got["item"] is _WRONG:
                continue
            item = self._leaf(sheet, row, table.index("item"), got["item"])
            if item is None or got["name"] is _WRONG or got["value"] is _WRONG:
                continue
            if got["name"] is None or got["value"] is None:
                missing = "name" if got["name"] is None else "value"
                self._incomplete(
                    sheet,
                    row,
                    table.index(missing),
                    "tên số liệu" if missing == "name" else "giá trị",
                    "the figure's name" if missing == "name" else "the value",
                )
                continue
            figures = self._answer(item.id).setdefault("figures", [])
            figure: dict[str, Any] = {"name": got["name"], "value": got["value"]}
            for key in ("unit", "as_of"):
                if got[key] is not None and got[key] is not _WRONG:
                    figure[key] = got[key]
            base = ("answers", answer_key(item.id), "figures", len(figures))
            self._row_cells(sheet, row, table, base)
            if percent and got["unit"] is not _WRONG:
                self._percent_unit(sheet, row, figure, percent)
                if got["unit"] is None:  # the unit comes from how the value cell shows it
                    self.pointers[json_pointer((*base, "unit"))] = sheet.ref(
                        row, table.index("value")
                    )
            figures.append(figure)

    def read_cases(self) -> None:
        table = lay.CASES
        for sheet, row, present in self._free_rows(table):
            item_id = self._read(sheet, row, table.index("item"), Kind.ITEM)
            text = self._read(sheet, row, table.index("text"), Kind.TEXT)
            if "item" not in present or "text" not in present:
                missing = "item" if "item" not in present else "text"
                self._incomplete(
                    sheet,
                    row,
                    table.index(missing),
                    "mục đề cương" if missing == "item" else "nội dung trường hợp điển hình",
                    "the outline item" if missing == "item" else "the typical case's text",
                )
                continue
            if item_id is _WRONG:
                continue
            item = self._leaf(sheet, row, table.index("item"), item_id)
            if item is None or not isinstance(text, str):
                continue
            cases = self._answer(item.id).setdefault("typical_cases", [])
            self.pointers[
                json_pointer(("answers", answer_key(item.id), "typical_cases", len(cases)))
            ] = sheet.ref(row, table.index("text"))
            cases.append(text)

    def read_pl02(self) -> list[dict[str, Any]]:
        table = lay.PL02
        rows: list[dict[str, Any]] = []
        for sheet, row, _present in self._free_rows(table):
            got = {c.key: self._read(sheet, row, table.index(c.key), c.kind) for c in table.columns}
            if got["no"] is _WRONG or got["task"] is _WRONG:
                continue
            if got["no"] is None or got["task"] is None:
                missing = "no" if got["no"] is None else "task"
                self._incomplete(
                    sheet,
                    row,
                    table.index(missing),
                    "“Stt”" if missing == "no" else "“Nội dung công việc”",
                    "the number (Stt)" if missing == "no" else "the task (Nội dung công việc)",
                )
                continue
            entry = {k: v for k, v in got.items() if v is not None and v is not _WRONG}
            self._row_cells(sheet, row, table, ("appendix_pl02", len(rows)))
            rows.append(entry)
        return rows

    def read_pl03(self) -> list[dict[str, Any]]:
        table = lay.PL03
        sheet = self.sheets[table.sheet]
        catalogue = get_catalogue()
        tasks = {fold(t.id): t for t in catalogue}
        groups = {fold(g.id): g for g in GROUPS}
        id_col, title_col, lead_col = (table.index(k) for k in ("task_id", "title", "lead"))
        rows: list[dict[str, Any]] = []
        first: dict[str, int] = {}
        for row in sheet.rows(table.first_row):
            key = self._read(sheet, row, id_col, Kind.KEY)
            if key is None or key is _WRONG:
                continue
            folded = fold(key)
            if folded in groups:
                self._fixed(sheet, row, title_col, groups[folded].title)
                continue
            task = tasks.get(folded)
            if task is None:
                self._add(
                    xf.UNKNOWN_ID.at(
                        sheet.ref(row, id_col),
                        value=val.show(key),
                        expected_vi="một nhiệm vụ của Phụ lục 03",
                        expected_en="a task of Phụ lục 03",
                    )
                )
                self._consume(sheet, row, table)
                continue
            self._fixed(sheet, row, title_col, task.title)
            self._fixed(sheet, row, lead_col, task.lead)
            if task.id in first:
                self._add(
                    xf.DUPLICATE_ROW.at(
                        sheet.ref(row, id_col),
                        what="Nhiệm vụ",
                        what_en="Task",
                        key=task.id,
                        first=first[task.id],
                    )
                )
                self._consume(sheet, row, table)
                continue
            first[task.id] = row
            entry: dict[str, Any] = {"task_id": task.id}
            self._row_cells(sheet, row, table, ("appendix_pl03", len(rows)))
            for name in ("results", "difficulties", "proposals"):
                pointer = json_pointer(("appendix_pl03", len(rows), name))
                text = self._read(sheet, row, table.index(name), Kind.TEXT, pointer)
                if isinstance(text, str):
                    entry[name] = text
            rows.append(entry)
        return rows

    def report_outside(self) -> None:
        reported = 0
        extra = 0
        last = ""
        for sheet in self.all_sheets:
            for ref, value in sheet.leftovers():
                if reported < MAX_OUTSIDE_FINDINGS:
                    self._add(xf.OUTSIDE_TABLES.at(ref, value=val.show(value)))
                    reported += 1
                else:
                    extra += 1
                    last = ref
        if extra:
            self._add(xf.MORE_OUTSIDE.at(last, count=extra, last=last))

    # -- the report --------------------------------------------------------------------------

    def report_uncached(self, uncached: dict[str, list[tuple[int, int]]]) -> None:
        """X010 for every formula cell without a cached value, except the percent cells sokets
        writes itself (recomputed from numerator and denominator)."""
        computed: dict[str, set[int]] = {}
        for table in lay.TABLES.values():
            columns = {i for i, c in enumerate(table.columns, 1) if c.kind is Kind.COMPUTED}
            computed.setdefault(table.sheet, set()).update(columns)
        for title, cells in uncached.items():
            if title in (lay.META_SHEET, lay.LISTS_SHEET):
                continue
            skip = computed.get(title, set()) if title in self.sheets else set()
            for row, column in cells:
                if column in skip:
                    continue
                ref = f"{title}!{column_letters(column)}{row}"
                self._add(xf.UNCACHED_FORMULA.at(ref))

    def read(self) -> ImportResult:
        for pointer, table in (
            ("/answers", lay.OUTLINE),
            ("/appendix_pl02", lay.PL02),
            ("/appendix_pl03", lay.PL03),
        ):
            if table.sheet in self.sheets:
                # a list as a whole (a task not reported…): its table's first header cell
                first = next(n for n, c in enumerate(table.columns, 1) if not c.hidden)
                self.pointers[pointer] = self.sheets[table.sheet].ref(table.header_row, first)
        data: dict[str, Any] = {"header": self.read_info()}
        self.read_outline()
        self.read_indicators()
        self.read_figures()
        self.read_cases()
        if self.form == "PL01":
            data["appendix_pl02"] = self.read_pl02()
            data["appendix_pl03"] = self.read_pl03()
        data["answers"] = self.answers
        self.report_outside()
        model: type[BaseModel] = FORMS[self.form].model
        locations = {p: ref for p, ref in self.pointers.items() if "!" in ref}
        try:
            report = model.model_validate(data)
        except ValidationError as exc:
            raise InvalidReportError(
                source=self.source,
                form=self.form,
                problems=tuple(self._problems(exc)),
                locations=locations,
                findings=tuple(self.findings),
                document=data,
            ) from None
        return ImportResult(report, self.findings, locations)

    def _cell_of(self, pointer: str) -> str:
        while pointer:
            if pointer in self.pointers:
                return self.pointers[pointer]
            pointer = pointer.rsplit("/", 1)[0]
        return ""

    def _problems(self, exc: ValidationError) -> Iterator[Problem]:
        """The model's problems, but those at a cell the reader has already reported."""
        reported = {f.location for f in self.findings if f.severity is Severity.ERROR}
        for problem in problems_of(exc):
            if self._cell_of(problem.pointer) not in reported:
                yield problem


def _percent_hint(expected: float | None) -> str:
    return "" if expected is None else f"{expected:g}"


class _Wrong:
    """A value of the wrong kind (already reported)."""

    def __repr__(self) -> str:
        return "<wrong kind>"


_WRONG: Any = _Wrong()


def read_workbook(
    data: bytes, source: str = "<bytes>", *, expected_unit: str | None = None
) -> ImportResult:
    """Read a filled sokets workbook into its report.

    ``expected_unit`` (a code or name) refuses another unit's template. Returns the report with
    findings about cells not imported as typed; raises :class:`InputError` (not a usable sokets
    template) or :class:`InvalidReportError` (required header cells empty or unreadable).
    """
    book = read_book(data, source)
    unit, form, tables = _identify(book, source, expected_unit)
    reader = _Reader(book, source, unit, form, tables)
    reader.report_uncached(book.uncached_formulas)
    return reader.read()


def read_xlsx(data: bytes, source: str) -> ImportResult:
    """Reader for ``.xlsx`` in :data:`sokets.inputs.READERS`."""
    return read_workbook(data, source)
