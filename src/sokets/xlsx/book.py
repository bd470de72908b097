"""The cells of a workbook, read straight from its XML, as openpyxl would load them.

:func:`read_book` turns the bytes of a workbook into a :class:`Book`: each worksheet's title, the
cells holding a value (the value, its type and its number format, as openpyxl gives them with
``data_only=True``), the cells merged ranges cover, the workbook's global defined names, and the
formulas without a cached value. The importer (:mod:`sokets.xlsx.reader`) reads nothing else.

Loading a workbook with openpyxl costs 50–100 ms: it builds and styles a Python object for every
cell, merged ranges and all, and parses every part. :class:`_XmlReader` reads only what a
:class:`Book` holds, with lxml, in about a tenth of that, and checks the sheets for the safety
limits of :mod:`sokets.xlsx.safety` on the same parse. It follows openpyxl's reading exactly —
which element is a cell, how its value is typed (shared and inline strings with their runs,
numbers, booleans, errors, formulas' cached values, numbers in a date format as dates in the
workbook's calendar), number formats from ``styles.xml``, which cells a merged range hides, which
defined names are global — for the workbooks spreadsheet programs write. Whatever it does not
recognise as such (:class:`_Unusual`: a hyperlink, a chart sheet, sheet titles openpyxl would
rename, a cell reference or a style it would read differently, an element where openpyxl would
also look, a part in another encoding than UTF-8, anything beyond the safety limits, a part too
large to parse in one piece…), and any error of its own, sends the whole workbook the old way: the
streaming checks of :func:`~sokets.xlsx.safety.check_archive`, then openpyxl, whose cells
:func:`from_openpyxl` turns into the same :class:`Book`. Both ways take the sheets from
:func:`~sokets.xlsx.safety.sheet_parts`, which finds them as openpyxl does. Tests compare both
ways on generated workbooks, filled templates, workbooks edited with openpyxl and saved by
LibreOffice, and workbooks crafted to be read differently (``tests/test_xlsx_book.py``).

What the direct reader does not do is validate parts and attributes that hold no cell data —
document properties, the theme, fonts and fills, comments, drawings, print settings, data
validations — which openpyxl parses into typed objects and fails on when they are malformed: such
a workbook is read rather than refused. Every safety check still applies.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from sokets._archive import CONTENT_TYPES, SAFE_PARSING, relationships, rels_part
from sokets.errors import InputError
from sokets.xlsx.cells import column_number
from sokets.xlsx.safety import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    ArchiveScan,
    Budget,
    SheetPart,
    open_archive,
    open_with_openpyxl,
    scan_comments,
    scan_parts,
    sheet_parts,
    sheet_shares,
    workbook_part,
)

Position = tuple[int, int]
"""``(row, column)`` of a cell, from 1."""


@dataclass
class Sheet:
    """One worksheet: its cells holding a value, and the cells merged ranges cover."""

    title: str
    cells: dict[Position, tuple[Any, str, str]] = field(default_factory=dict)
    """``(value, data type, number format)`` of every cell whose value is not ``None``, as
    openpyxl's ``cell.value``, ``cell.data_type`` and ``cell.number_format``, in document order."""
    merged: set[Position] = field(default_factory=set)
    """The cells a merged range covers (openpyxl's ``MergedCell``): all but its top-left cell."""


@dataclass
class Book:
    """What the importer reads of a workbook."""

    sheets: list[Sheet]
    """The worksheets, in the workbook's order (chart sheets have no cells and are left out)."""
    names: dict[str, str | None]
    """The global defined names and their text (openpyxl's ``attr_text``)."""
    uncached_formulas: dict[str, list[Position]]
    """Sheet title → the cells holding a formula without a cached value, in order."""


def read_book(data: bytes, source: str) -> Book:
    """Check ``data`` (see :mod:`sokets.xlsx.safety`) and read its cells.

    Raises :class:`InputError` for a file the safety checks refuse or that cannot be read.
    """
    parts = open_archive(data, source)
    sheets = sheet_parts(parts, source)
    try:
        return _XmlReader(parts, sheets, source).read()
    except (_Unusual, ArithmeticError, LookupError, TypeError, ValueError, AttributeError):
        pass  # anything the direct reader is not sure of is read the old way
    scan = scan_parts(parts, sheets, source)
    workbook = open_with_openpyxl(data, source)
    try:
        return from_openpyxl(workbook, scan)
    finally:
        workbook.close()


def from_openpyxl(workbook: Any, scan: ArchiveScan) -> Book:
    """The :class:`Book` of a workbook openpyxl loaded (``data_only=True``)."""
    from openpyxl.cell.cell import MergedCell

    sheets = []
    for ws in workbook.worksheets:
        sheet = Sheet(ws.title)
        # ``_cells`` holds only the cells the file has: iterating it never creates cells.
        for position, cell in ws._cells.items():
            if isinstance(cell, MergedCell):
                sheet.merged.add(position)
            elif cell.value is not None:
                sheet.cells[position] = (cell.value, cell.data_type, _number_format(cell))
        sheets.append(sheet)
    names = {name: defined.attr_text for name, defined in workbook.defined_names.items()}
    return Book(sheets, names, dict(scan.uncached_formulas))


def _number_format(cell: Any) -> str:
    try:
        return str(cell.number_format)
    except IndexError:  # openpyxl: a format id above 163 that the workbook does not define
        return "General"


# -- the direct reader ---------------------------------------------------------------------------


class _Unusual(Exception):
    """Something the direct reader leaves to openpyxl (and to the streaming safety checks)."""


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS = {"m": _MAIN}
_WORKSHEET, _SHEET_DATA, _ROW, _C, _V, _F, _IS, _SST, _SI = (
    f"{{{_MAIN}}}{name}"
    for name in ("worksheet", "sheetData", "row", "c", "v", "f", "is", "sst", "si")
)
#: Elements the safety checks count or check by their local name, in any namespace.
_NAMED = ("{*}row", "{*}c", "{*}hyperlink", "{*}mergeCells", "{*}mergeCell")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
#: Where openpyxl reads the styles from (it does not follow the relationships for them).
_STYLES = "xl/styles.xml"
#: Parts with more elements than this go to the streaming checks: an lxml tree costs a few hundred
#: bytes an element, and a template's sheet has a few thousand.
_MOST_ELEMENTS = 100_000
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
#: References and row numbers are checked joined by NUL, the one character XML cannot carry (a
#: ``&#10;`` in an attribute is a line feed, which must not pass for a separator).
_SEPARATOR = "\x00"
_REFS = re.compile(r"(?:[A-Z]{1,3}[0-9]{1,7}\x00)*[A-Z]{1,3}[0-9]{1,7}")
_NUMBERS = re.compile(r"(?:[0-9]{1,9}\x00)*[0-9]{1,9}")
_DIGITS = re.compile(r"[0-9]{1,9}")
_VERSION = re.compile(rb"""\sversion\s*=\s*["']1\.0["']""")
_UTF8 = re.compile(rb"""\sencoding\s*=\s*["']utf-8["']""", re.IGNORECASE)
#: Characters openpyxl refuses in a sheet title.
_BAD_TITLE = re.compile(r"[\\*?:/\[\]]")
_SHEET_STATES = (None, "none", "visible", "hidden", "veryHidden")
#: Defined names openpyxl keeps off the workbook's global names.
_NOT_GLOBAL = ("_xlnm.Print_Titles", "_xlnm.Print_Area", "_xlnm._FilterDatabase")


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        raise _Unusual  # an entity reference or other node openpyxl's parser would not keep
    return tag.rpartition("}")[2]


def _check_plain(content: bytes) -> None:
    """Raise :class:`_Unusual` when a part holds a comment or a processing instruction besides its
    XML declaration: the direct reader drops them, openpyxl keeps them where it reads a part
    whole (a defined name's text then ends at a comment; a list of sheets or relationships holding
    one fails). Spreadsheet programs write neither."""
    start = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    declarations = 1 if content.startswith(b"<?xml", start) else 0
    if b"<!--" in content or content.count(b"<?") > declarations:
        raise _Unusual


def _plain_attributes(element: Any) -> bool:
    """Whether ``element`` has an attribute without a namespace (openpyxl passes those to the
    constructor of the object it builds, which refuses unknown ones)."""
    return any(not key.startswith("{") for key in element.attrib)


def _text(node: Any) -> str:
    """The text of a shared string ``<si>`` or inline string ``<is>``, as openpyxl's
    ``Text.from_tree(node).content``: the plain ``<t>`` (the last one), then each run's ``<t>``."""
    if node.attrib and _plain_attributes(node):
        raise _Unusual
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            if child.attrib and _plain_attributes(child):
                raise _Unusual
            text: str | None = None
            for part in child:
                part_name = _local(part.tag)
                if part_name == "t":
                    text = part.text
                elif part_name != "rPr":
                    raise _Unusual
            if text is not None:
                runs.append(text)
        elif name not in ("rPh", "phoneticPr"):
            raise _Unusual
    return (plain or "") + "".join(runs)


def _cast_number(value: str) -> int | float:
    """A number cell's text as openpyxl reads it."""
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


@dataclass(frozen=True)
class _Style:
    """What a cell format (``cellXfs``) gives its cells: the number format, and whether a number
    in it is a date or a duration."""

    number_format: str
    date: bool
    timedelta: bool


class _XmlReader:
    """Reads a :class:`Book` from a workbook's parts, or raises :class:`_Unusual`."""

    def __init__(self, parts: dict[str, bytes], sheets: list[SheetPart], source: str) -> None:
        from lxml import etree  # type: ignore[import-untyped]

        self.etree = etree
        self.parts = parts
        self.sheets = sheets
        self.source = source
        self.parser = etree.XMLParser(**SAFE_PARSING)

    def parse(self, part: str) -> Any:
        """The tree of ``part``: XML 1.0 in UTF-8 (what spreadsheet programs write; other
        encodings and versions, which two parsers might read differently, go to openpyxl)."""
        content = self.parts.get(part)
        if content is None or content.count(b"<") > _MOST_ELEMENTS:
            raise _Unusual
        head = content[3:200] if content.startswith(b"\xef\xbb\xbf") else content[:200]
        if not head.startswith(b"<"):
            raise _Unusual
        if head.startswith(b"<?xml"):
            declaration = head.partition(b"?>")[0]
            if not _VERSION.search(declaration) or (
                b"encoding" in declaration and not _UTF8.search(declaration)
            ):
                raise _Unusual
        _check_plain(content)
        try:
            return self.etree.fromstring(content, self.parser)
        except self.etree.LxmlError:
            raise _Unusual from None  # the streaming checks name the part

    def read(self) -> Book:
        # the relationships are parsed by the safety checks; openpyxl drops them all on a comment
        _check_plain(self.parts.get(rels_part(workbook_part(self.parts, self.source)), b""))
        titles = [sheet.title for sheet in self.sheets]
        lowered = {title.lower() for title in titles}
        if (
            any(sheet.chart for sheet in self.sheets)
            or len(lowered) != len(titles)
            or any(not title or _BAD_TITLE.search(title) for title in titles)
            or any(len(named) > 1 for named in sheet_shares(self.sheets).values())
        ):
            raise _Unusual
        epoch, names = self.workbook()
        strings = self.shared_strings()
        styles = self.styles()
        book = Book([], names, {})
        budget = MAX_CELLS
        for sheet in self.sheets:
            cells, used = self.sheet(sheet, budget, strings, styles, epoch, book)
            budget -= used
            book.sheets.append(cells)
        return book

    # -- workbook, shared strings, styles ------------------------------------------------------

    def workbook(self) -> tuple[datetime.datetime, dict[str, str | None]]:
        """The calendar and the global defined names, from the workbook part."""
        root = self.parse(workbook_part(self.parts, self.source))
        children: dict[str, list[Any]] = {}
        for child in root:
            children.setdefault(_local(child.tag), []).append(child)
        lists = children.get("sheets", [])
        if len(lists) != 1 or len(children.get("definedNames", [])) > 1:
            raise _Unusual
        # openpyxl reads the sheet elements of <sheets>; the safety checks every <sheet>
        listed = list(lists[0])
        if int(_queries().sheet_elements(root)) != len(listed):
            raise _Unusual
        for element in listed:
            if (
                _local(element.tag) != "sheet"
                or not _DIGITS.fullmatch(element.get("sheetId") or "")
                or element.get("state") not in _SHEET_STATES
            ):
                raise _Unusual
        epoch = _WINDOWS_EPOCH
        for properties in children.get("workbookPr", [])[-1:]:
            flag = properties.get("date1904")
            if flag is not None and flag not in ("false", "f", "0") and bool(flag):
                epoch = _MAC_EPOCH
        names: dict[str, str | None] = {}
        for names_element in children.get("definedNames", []):
            for element in names_element:
                if _local(element.tag) != "definedName":
                    continue
                name, local = element.get("name"), element.get("localSheetId")
                if (
                    name is None
                    or (local is not None and not _DIGITS.fullmatch(local))
                    or len(element)  # openpyxl reads a child <name> or <localSheetId> too
                ):
                    raise _Unusual
                if local is None and name not in _NOT_GLOBAL:
                    names[name] = element.text or None
        return epoch, names

    def shared_strings(self) -> list[str]:
        """The shared strings, found as openpyxl finds them: by their content type."""
        root = self.parse(CONTENT_TYPES)
        for element in root:
            if _local(element.tag) == "Override" and element.get("ContentType") == _SHARED_STRINGS:
                name = element.get("PartName") or ""
                break
        else:
            return []
        if not name.startswith("/"):
            raise _Unusual
        table = self.parse(name[1:])
        items = [child for child in table if child.tag == _SI]
        if table.tag != _SST or int(_queries().strings(table)) != len(items):
            raise _Unusual
        return [_text(item).replace("x005F_", "") for item in items]

    def styles(self) -> dict[str | None, _Style]:
        """Each cell's style by its ``s`` attribute (``None``: no attribute, the first)."""
        root = self.parse(_STYLES)
        children: dict[str, list[Any]] = {}
        for child in root:
            children.setdefault(_local(child.tag), []).append(child)
        formats = children.get("numFmts", [])
        xfs = children.get("cellXfs", [])
        if len(formats) > 1 or len(xfs) != 1:
            raise _Unusual
        custom: dict[int, str] = {}
        for element in formats[0] if formats else ():
            if _local(element.tag) != "numFmt":
                continue
            number, code = element.get("numFmtId"), element.get("formatCode")
            if number is None or code is None or not _DIGITS.fullmatch(number):
                raise _Unusual
            custom[int(number)] = code
        styles: dict[str | None, _Style] = {}
        for element in xfs[0]:
            if _local(element.tag) != "xf":
                continue
            number = element.get("numFmtId", "0")
            if not _DIGITS.fullmatch(number):
                raise _Unusual
            number_id = int(number)
            code = custom.get(number_id)
            if code is None:
                if number_id >= _BUILTIN_MAX:
                    raise _Unusual  # openpyxl reads another format in its place
                code = BUILTIN_FORMATS.get(number_id)
            style = _Style(
                code if code is not None else "General",
                is_date_format(code),
                is_timedelta_format(code),
            )
            styles[str(len(styles))] = style
        if not styles:
            raise _Unusual
        styles[None] = styles["0"]
        return styles

    # -- sheets --------------------------------------------------------------------------------

    def sheet(
        self,
        part: SheetPart,
        budget: int,
        strings: list[str],
        styles: dict[str | None, _Style],
        epoch: datetime.datetime,
        book: Book,
    ) -> tuple[Sheet, int]:
        """One worksheet's cells, and the cells openpyxl would build for it (checked against
        ``budget`` and the other limits as :func:`~sokets.xlsx.safety.check_archive` does)."""
        query = _queries()
        root = self.parse(part.part)
        if root.tag != _WORKSHEET:
            raise _Unusual
        # Every row, cell, merged range (and hyperlink) where openpyxl and the safety checks
        # look for them: in their places, in the main namespace, nothing else by these names.
        rows = int(query.rows(root))
        cells = int(query.cells(root))
        merges = query.merges(root)
        containers = int(query.merge_lists(root))
        named = 0
        refs: list[str] = []
        used: set[str | None] = set()
        filled: list[Any] = []  # the cells with a child element, in document order
        for element in root.iter(*_NAMED):
            named += 1
            if element.tag == _C:
                refs.append(element.get("r"))
                used.add(element.get("s"))
                if len(element):
                    filled.append(element)
        numbers = query.row_numbers(root)
        try:
            joined = _SEPARATOR.join(refs)
        except TypeError:  # a cell without a reference
            raise _Unusual from None
        if (
            named != rows + cells + containers + len(merges)
            or len(refs) != cells
            or int(query.row_children(root)) != cells
            or containers > 1
            or len(set(refs)) != cells  # a cell given twice
            or not used <= styles.keys()
            or (refs and not _REFS.fullmatch(joined))
            or (numbers and not _NUMBERS.fullmatch(_SEPARATOR.join(numbers)))
        ):
            raise _Unusual
        ranges = [self.range(element.get("ref") or "") for element in merges]
        counter = Budget(self.source, budget)
        counter.count = rows + cells + sum(area for _, area in ranges)
        if counter.count > budget:
            raise _Unusual
        _check_plain(self.parts.get(rels_part(part.part), b""))
        try:
            rels = relationships(self.parts, rels_part(part.part), as_openpyxl=True)
            scan_comments(self.parts, self.source, rels, counter)
        except (InputError, self.etree.LxmlError):
            raise _Unusual from None
        sheet = Sheet(part.title)
        uncached: list[Position] = []
        found = sheet.cells
        for cell in filled:
            letters, digits = _REF.fullmatch(cell.get("r")).groups()  # type: ignore[union-attr]
            position = (int(digits), _COLUMNS.get(letters) or _column(letters))
            if not (1 <= position[0] <= MAX_ROWS and position[1] <= MAX_COLUMNS):
                raise _Unusual  # the streaming checks say whether a value lies there
            value = _value(cell, styles[cell.get("s")], strings, epoch, position, uncached)
            if value is not None:
                found[position] = value
        for ((top, left), (bottom, right)), _ in ranges:
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    if (row, column) != (top, left):
                        found.pop((row, column), None)
                        sheet.merged.add((row, column))
        if uncached:
            book.uncached_formulas[part.title] = uncached
        return sheet, counter.count

    def range(self, ref: str) -> tuple[tuple[Position, Position], int]:
        """The corners of a merged range (``A1:C3`` or ``A1``) and the cells it covers."""
        first, _, last = ref.partition(":")
        corners = []
        for corner in (first, last or first):
            match = _REF.fullmatch(corner)
            if match is None:
                raise _Unusual
            row, column = int(match.group(2)), column_number(match.group(1))
            if not (1 <= row <= MAX_ROWS and column <= MAX_COLUMNS):
                raise _Unusual
            corners.append((row, column))
        (top, left), (bottom, right) = corners
        if top > bottom or left > right:
            raise _Unusual
        return ((top, left), (bottom, right)), (bottom - top + 1) * (right - left + 1)


def _value(
    cell: Any,
    style: _Style,
    strings: list[str],
    epoch: datetime.datetime,
    position: Position,
    uncached: list[Position],
) -> tuple[Any, str, str] | None:
    """A cell's value, data type and number format as openpyxl reads them with
    ``data_only=True`` (``None`` for no value); a formula without a cached value is added to
    ``uncached`` as the safety checks find it (no ``<v>`` with text)."""
    first_v = formula = inline = None
    cached = False
    for child in cell:
        tag = child.tag
        if tag == _V:
            if first_v is None:
                first_v = child
            cached = cached or bool(child.text)
        elif tag == _F:
            formula = child
        elif tag == _IS:
            if inline is None:
                inline = child
        else:
            raise _Unusual
    if formula is not None and not cached:
        uncached.append(position)
    kind = cell.get("t")
    if kind == "inlineStr":
        if inline is None:
            return None
        return _text(inline), "s", style.number_format
    text = first_v.text if first_v is not None else None
    if not text:
        return None
    if kind is None or kind == "n":
        try:
            value = _cast_number(text)
        except ValueError:
            raise _Unusual from None
        if not style.date:
            return value, "n", style.number_format
        try:
            return from_excel(value, epoch, style.timedelta), "d", style.number_format
        except (OverflowError, ValueError):
            return "#VALUE!", "e", style.number_format
    if kind == "s":
        if not _DIGITS.fullmatch(text) or int(text) >= len(strings):
            raise _Unusual
        return strings[int(text)], "s", style.number_format
    if kind == "str":
        return text, "s", style.number_format
    if kind == "b":
        if text not in ("0", "1"):
            raise _Unusual
        return text == "1", "b", style.number_format
    if kind == "e":
        return text, "e", style.number_format
    raise _Unusual  # "d" (ISO 8601 dates), or a type openpyxl keeps as it is


@dataclass(frozen=True)
class _Queries:
    """The XPath queries of :meth:`_XmlReader.sheet`, compiled once."""

    rows: Any
    cells: Any
    row_children: Any
    merges: Any
    merge_lists: Any
    row_numbers: Any
    sheet_elements: Any
    strings: Any


_QUERIES: list[_Queries] = []


def _queries() -> _Queries:
    if not _QUERIES:
        from lxml import etree

        def xpath(path: str) -> Any:
            return etree.XPath(path, namespaces=_NS, smart_strings=False)

        row = "/m:worksheet/m:sheetData/m:row"
        _QUERIES.append(
            _Queries(
                rows=xpath(f"count({row})"),
                cells=xpath(f"count({row}/m:c)"),
                row_children=xpath(f"count({row}/*)"),
                merges=xpath("/m:worksheet/m:mergeCells/m:mergeCell"),
                merge_lists=xpath("count(/m:worksheet/m:mergeCells)"),
                row_numbers=xpath(f"{row}/@r"),
                sheet_elements=xpath("count(//*[local-name()='sheet'])"),
                strings=xpath("count(//m:si)"),
            )
        )
    return _QUERIES[0]


_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int:
    number = _COLUMNS[letters] = column_number(letters)
    return number


# -- number formats and dates, as openpyxl reads them ----------------------------------------------
# Copied from openpyxl 3.1 (MIT licence: openpyxl.styles.numbers, openpyxl.utils.datetime) so that
# reading a workbook does not import openpyxl; tests/test_xlsx_book.py checks they still agree.

BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_BUILTIN_MAX = 164
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHARS = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
_MAC_EPOCH = datetime.datetime(1904, 1, 1)


@functools.lru_cache(maxsize=1024)
def is_date_format(code: str | None) -> bool:
    """Whether openpyxl reads a number in a cell of format ``code`` as a date or time."""
    if code is None:
        return False
    return _DATE_CHARS.search(_STRIP.sub("", code.split(";")[0])) is not None


@functools.lru_cache(maxsize=1024)
def is_timedelta_format(code: str | None) -> bool:
    """Whether openpyxl reads a number in a cell of format ``code`` as a duration."""
    if code is None:
        return False
    return _TIMEDELTA.search(code.split(";")[0]) is not None


def from_excel(
    value: float, epoch: datetime.datetime = _WINDOWS_EPOCH, timedelta: bool = False
) -> datetime.datetime | datetime.time | datetime.timedelta:
    """An Excel serial number as openpyxl converts it."""
    if timedelta:
        delta = datetime.timedelta(days=value)
        if delta.microseconds:  # round to milliseconds
            delta = datetime.timedelta(
                seconds=delta.total_seconds() // 1, microseconds=round(delta.microseconds, -3)
            )
        return delta
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return datetime.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == _WINDOWS_EPOCH:
        day += 1
    return epoch + datetime.timedelta(days=day) + diff
