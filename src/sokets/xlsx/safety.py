"""Defences against hostile workbooks.

A workbook is a zip of XML parts; every check here runs before openpyxl parses anything:

* the zip checks shared with the DOCX reader (:func:`sokets._archive.check_office_zip`): the file
  is at most :data:`MAX_FILE_BYTES`, starts like a zip and has a readable central directory (an old
  ``.xls`` or a password-protected workbook is an OLE file and is refused); at most
  :data:`MAX_MEMBERS` members, none encrypted or oddly compressed, none larger than
  :data:`MAX_MEMBER_BYTES` once uncompressed, together at most :data:`MAX_TOTAL_BYTES` (every
  member is read, and Python's ``zipfile`` never inflates a member beyond its declared size, so the
  caps hold against a zip bomb that lies about its sizes; a damaged member is refused here);
* no XML part carries a document type declaration (``<!DOCTYPE``, ``<!ENTITY``), in UTF-8, UTF-16
  or UTF-32, whatever the part's name: the way to entity bombs and external entities. openpyxl also
  parses through ``defusedxml`` (a dependency of sokets), which refuses entities on its own;
* the sheets checked are the parts openpyxl will load: the workbook part its content types name,
  the sheets the workbook's relationships name (absolute targets and ``../`` resolved as openpyxl
  resolves them, so ``xl/other/sheet7.xml`` is checked like ``xl/worksheets/sheet1.xml``), and
  their comments. A missing sheet part, or more than :data:`MAX_SHEETS` sheets, is refused;
* each sheet part is read with a real XML parser (lxml, entities unresolved, no network): no
  merged range, hyperlink or comment reaches beyond :data:`MAX_ROWS` × :data:`MAX_COLUMNS` or
  names whole rows or columns, no value lies beyond the limits, and openpyxl will build at most
  :data:`MAX_CELLS` cells for the whole workbook (cell and row elements, and the cells merged
  ranges, hyperlinks and comments cover; a part named by two sheets counts twice) — refused before
  openpyxl builds any cell. Cells holding a formula without a cached value are noted
  (:class:`ArchiveScan`).

openpyxl then loads the workbook without macros (``keep_vba=False``) or external links
(``keep_links=False``), with the values spreadsheet programs cached for formulas. Any failure is an
:class:`~sokets.errors.InputError` naming the file and, where known, the part or the cell.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from sokets._archive import (
    CONTENT_TYPES,
    Relationship,
    check_office_zip,
    iterparse,
    local_name,
    relationships,
    rels_part,
)
from sokets.errors import InputError
from sokets.inputs import MAX_INPUT_BYTES
from sokets.xlsx.cells import column_letters, column_number

#: Largest workbook file accepted, in bytes (a filled template is 20–80 KB).
MAX_FILE_BYTES = MAX_INPUT_BYTES
#: Most members (parts) in the zip; a workbook saved by Excel has about 15–40.
MAX_MEMBERS = 200
#: Largest uncompressed size of one member, in bytes.
MAX_MEMBER_BYTES = 8 * 1024 * 1024
#: Largest uncompressed size of all members together, in bytes.
MAX_TOTAL_BYTES = 24 * 1024 * 1024
#: Most sheets in a workbook.
MAX_SHEETS = 30
#: Last row and column that may hold a value (or be reached by a merged range).
MAX_ROWS = 5000
MAX_COLUMNS = 50
#: Most cells openpyxl may build for one workbook: cell and row elements of every sheet, and the
#: cells merged ranges, hyperlinks and comments cover (about 4 s and 90 MB for openpyxl).
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_RANGE = re.compile(r"\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?")


def _refuse(message: str, source: str, location: str = "") -> InputError:
    return InputError(message, source=source, location=location)


@dataclass
class ArchiveScan:
    """What :func:`check_archive` learnt from the sheets' XML while checking it."""

    uncached_formulas: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Sheet title → ``(row, column)`` of cells with a formula and no cached value, in order."""


#: Content types of a workbook's main part, in the order openpyxl looks for them.
_WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


@dataclass(frozen=True)
class SheetPart:
    """A sheet of the workbook as openpyxl will load it: its title, its part, and whether it is
    a chart sheet (no cells)."""

    title: str
    part: str
    chart: bool


def check_archive(data: bytes, source: str) -> ArchiveScan:
    """Refuse a file that is not a reasonable XLSX zip, before openpyxl parses any XML.

    Raises :class:`InputError` for: a file over :data:`MAX_FILE_BYTES`; an old ``.xls`` or a
    password-protected workbook; a file that is not a zip or whose zip is damaged; too many
    members, encrypted members, unsupported compression or sizes over the caps; a document type
    declaration in an XML part (see :func:`sokets._archive.check_office_zip`); no workbook part,
    more than :data:`MAX_SHEETS` sheets or a sheet whose part is missing; a merged range,
    hyperlink or comment beyond the sheet limits; more than :data:`MAX_CELLS` cells for openpyxl
    to build, or a value beyond the limits. The sheets checked are the parts openpyxl will load:
    those the workbook's relationships name, wherever they are in the zip.
    """
    parts = open_archive(data, source)
    return scan_parts(parts, sheet_parts(parts, source), source)


def open_archive(data: bytes, source: str) -> dict[str, bytes]:
    """Every member of ``data`` by name, after the zip checks with the workbook's caps
    (:func:`sokets._archive.check_office_zip`)."""
    return check_office_zip(
        data,
        source,
        kind="XLSX",
        max_file=MAX_FILE_BYTES,
        max_members=MAX_MEMBERS,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_TOTAL_BYTES,
    )


def sheet_shares(sheets: list[SheetPart]) -> dict[str, list[str]]:
    """Each worksheet part, with the titles of the sheets naming it, in the workbook's order."""
    titles: dict[str, list[str]] = {}
    for sheet in sheets:
        if not sheet.chart:
            titles.setdefault(sheet.part, []).append(sheet.title)
    return titles


def scan_parts(parts: dict[str, bytes], sheets: list[SheetPart], source: str) -> ArchiveScan:
    """The sheet checks of :func:`check_archive`, on members already checked as a zip."""
    scan = ArchiveScan()
    budget = MAX_CELLS
    for part, named in sheet_shares(sheets).items():
        # openpyxl loads a part once per sheet naming it: each load counts against the budget.
        found, used = _scan_sheet(parts, source, part, named[0], budget // len(named))
        budget -= used * len(named)
        for title in named:
            if found:
                scan.uncached_formulas[title] = found
    return scan


def _parse_error(exc: Exception, source: str, part: str) -> InputError:
    return _refuse(
        f"không đọc được bảng tính / cannot read the workbook: XML hỏng / malformed XML: {exc}",
        source,
        part,
    )


def workbook_part(parts: dict[str, bytes], source: str) -> str:
    """The workbook's main part, found as openpyxl finds it: the first ``Override`` among the
    children of the content types' root with a workbook's content type (in openpyxl's order of
    types), its ``PartName`` without its first character (openpyxl drops it, ``/`` or not); else
    ``xl/workbook.xml`` when a ``Default`` has such a type."""
    from lxml.etree import LxmlError  # type: ignore[import-untyped]

    overrides: list[tuple[str, str]] = []
    defaults: set[str] = set()
    depth = 0
    try:
        for event, element in iterparse(parts.get(CONTENT_TYPES, b"<Types/>"), ("start", "end")):
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth == 1:  # a child of the root, as openpyxl reads them
                name = local_name(element.tag)
                if name == "Override":
                    overrides.append(
                        (element.get("PartName") or "", element.get("ContentType") or "")
                    )
                elif name == "Default":
                    defaults.add(element.get("ContentType") or "")
            element.clear()
    except LxmlError as exc:
        raise _parse_error(exc, source, CONTENT_TYPES) from None
    for kind in _WORKBOOK_TYPES:
        for part, declared in overrides:
            if declared == kind:
                return part[1:]
    if defaults & set(_WORKBOOK_TYPES):
        return "xl/workbook.xml"
    raise _refuse(
        "không tìm thấy phần chính của bảng tính / no workbook part in the content types",
        source,
        CONTENT_TYPES,
    )


def sheet_parts(parts: dict[str, bytes], source: str) -> list[SheetPart]:
    """The sheets openpyxl will load, read as openpyxl reads them: every child of the last
    ``<sheets>`` among the children of the workbook part's root, whatever its name, its
    relationship id the ``r:id`` attribute, else a plain ``id`` (absolute targets and ``../``
    resolved as openpyxl does). :class:`InputError` if the workbook part or a sheet's part is
    missing, or if there are more than :data:`MAX_SHEETS` sheets."""
    from lxml.etree import LxmlError

    book = workbook_part(parts, source)
    if book not in parts:
        raise _refuse("thiếu phần chính của bảng tính / the workbook part is missing", source, book)
    elements: list[tuple[str, str | None]] = []
    depth = 0
    try:
        rels = relationships(parts, rels_part(book), as_openpyxl=True)
        listed: list[tuple[str, str | None]] | None = None
        for event, element in iterparse(parts[book], ("start", "end")):
            if event == "start":
                depth += 1
                if depth == 2 and local_name(element.tag) == "sheets":
                    listed = []
                continue
            depth -= 1
            if depth == 2 and listed is not None:
                # ``id`` stands for ``r:id`` when there is none (openpyxl's ``ChildSheet.id``)
                rel_id = element.get(_R_ID) if _R_ID in element.attrib else element.get("id")
                listed.append((element.get("name") or "", rel_id))
                if len(listed) > MAX_SHEETS:
                    break
            elif depth == 1 and listed is not None:
                elements, listed = listed, None  # the last <sheets> is the one openpyxl keeps
            element.clear()
    except LxmlError as exc:
        raise _parse_error(exc, source, book) from None
    if listed is not None:
        elements = listed  # stopped early: too many sheets
    if len(elements) > MAX_SHEETS:
        raise _refuse(
            f"bảng tính có hơn {MAX_SHEETS} trang / too many sheets",
            source,
            book,
        )
    sheets: list[SheetPart] = []
    for title, rel_id in elements:
        if not rel_id:
            continue  # openpyxl drops a sheet without a relationship id
        rel = rels.get(rel_id)
        if rel is None or rel.external or rel.target not in parts:
            target = "" if rel is None else rel.target
            raise _refuse(
                f"thiếu phần {target or rel_id} của trang “{title}” / the part of a sheet is "
                "missing",
                source,
                target if rel is not None and not rel.external else rels_part(book),
            )
        sheets.append(SheetPart(title, rel.target, "chartsheet" in rel.type))
    return sheets


class Budget:
    """The cells openpyxl may still build for a part: :meth:`add` refuses the workbook past it."""

    def __init__(self, source: str, budget: int) -> None:
        self.source = source
        self.budget = budget
        self.count = 0

    def add(self, cells: int, where: str) -> None:
        """Count ``cells`` more, found in part ``where``."""
        self.count += cells
        if self.count > self.budget:
            raise _refuse(
                f"bảng tính có hơn {MAX_CELLS} ô (tính cả ô gộp, liên kết, ghi chú) / too many "
                "cells in the workbook",
                self.source,
                where,
            )


def _scan_sheet(
    parts: dict[str, bytes], source: str, part: str, title: str, budget: int
) -> tuple[list[tuple[int, int]], int]:
    """Check one worksheet part with a real XML parser (entities unresolved, no network):
    merged ranges, hyperlinks and its comments within the limits, no value beyond the limits, and
    at most ``budget`` cells for openpyxl to build (cell and row elements, and the cells merged
    ranges, hyperlinks and comments reach). Returns the cells holding a formula without a cached
    value, and the cells counted."""
    from lxml.etree import LxmlError

    uncached: list[tuple[int, int]] = []
    counter = Budget(source, budget)
    add = counter.add
    row = column = 0
    try:
        for event, element in iterparse(parts[part], ("start", "end")):
            name = local_name(element.tag)
            if event == "start":
                if name == "row":
                    row = _number(element.get("r"), row + 1)
                    column = 0
                    add(1, part)
                continue
            if name in ("mergeCell", "hyperlink"):
                add(check_range(element.get("ref") or "", source, part), part)
            elif name == "c":
                add(1, part)
                row, column = _position(element.get("r"), row, column + 1)
                # an empty <v/> (openpyxl writes one after every formula) caches nothing
                children = {
                    local_name(child.tag)
                    for child in element
                    if local_name(child.tag) != "v" or child.text
                }
                if children & {"v", "is", "f"} and (row > MAX_ROWS or column > MAX_COLUMNS):
                    raise _refuse(
                        f"có dữ liệu ngoài giới hạn {MAX_ROWS} dòng × {MAX_COLUMNS} cột của một "
                        "trang / data beyond the sheet limits",
                        source,
                        f"{title}!{column_letters(column)}{row}",
                    )
                if "f" in children and "v" not in children:
                    uncached.append((row, column))
                element.clear()
            elif name == "row":
                element.clear()
        rels = relationships(parts, rels_part(part), as_openpyxl=True)
    except LxmlError as exc:
        raise _parse_error(exc, source, part) from None
    scan_comments(parts, source, rels, counter)
    return uncached, counter.count


def scan_comments(
    parts: dict[str, bytes], source: str, rels: dict[str, Relationship], counter: Budget
) -> None:
    """Check the comments of a sheet (its relationships ``rels``): every comment's cell within the
    limits, and counted against ``counter``."""
    from lxml.etree import LxmlError

    for rel in rels.values():
        if rel.type == _COMMENTS and not rel.external and rel.target in parts:
            try:
                for _, element in iterparse(parts[rel.target], ("end",)):
                    if local_name(element.tag) == "comment":
                        ref = element.get("ref") or ""
                        counter.add(check_range(ref, source, rel.target), rel.target)
                        element.clear()
            except LxmlError as exc:
                raise _parse_error(exc, source, rel.target) from None


def _number(text: str | None, default: int) -> int:
    if text is None:
        return default
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 10 else MAX_ROWS + 1


def _position(ref: str | None, row: int, column: int) -> tuple[int, int]:
    """``(row, column)`` of a cell from its ``r`` attribute (or its place when it has none)."""
    if ref is None:
        return row, column
    match = _CELL.fullmatch(ref.strip())
    if match is None:
        return MAX_ROWS + 1, MAX_COLUMNS + 1
    return int(match.group(2)), column_number(match.group(1))


def check_range(ref: str, source: str, part: str) -> int:
    """Refuse a range (``A1:C3``, several separated by spaces) reaching beyond the sheet limits or
    naming whole rows or columns; return how many cells it covers."""
    cells = 0
    for token in ref.split():
        if not _RANGE.fullmatch(token):
            # whole rows or columns ("1:1048576", "A:XFD") would reach every cell
            raise _refuse(f"vùng ô {ref!r} không hợp lệ / invalid range", source, part)
        corners = [
            (int(digits), column_number(letters)) for letters, digits in _CELL.findall(token)
        ]
        for row, column in corners:
            if row > MAX_ROWS or column > MAX_COLUMNS:
                raise _refuse(
                    f"vùng ô {ref} vượt giới hạn {MAX_ROWS} dòng × {MAX_COLUMNS} cột / range "
                    "beyond the sheet limits",
                    source,
                    part,
                )
        (top, left), (bottom, right) = corners[0], corners[-1]
        cells += (abs(bottom - top) + 1) * (abs(right - left) + 1)
    return cells


def load_workbook(data: bytes, source: str) -> Any:
    """Check ``data`` (:func:`check_archive`) and load it with openpyxl, safely.

    Macros and external links are dropped, formulas read as the values last computed by a
    spreadsheet program. Raises :class:`InputError` when the workbook cannot be loaded.
    """
    return load_checked(data, source)[0]


def load_checked(data: bytes, source: str) -> tuple[Any, ArchiveScan]:
    """:func:`load_workbook`, with what :func:`check_archive` found in the sheets."""
    scan = check_archive(data, source)
    return open_with_openpyxl(data, source), scan


def open_with_openpyxl(data: bytes, source: str) -> Any:
    """Load ``data``, already checked (:func:`check_archive`), with openpyxl: no macros, no
    external links, formulas read as their cached values. :class:`InputError` on failure."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                io.BytesIO(data),
                read_only=False,
                keep_vba=False,
                data_only=True,
                keep_links=False,
                rich_text=False,
            )
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged input
        raise _refuse(
            "không đọc được bảng tính / cannot read the workbook: "
            f"{type(exc).__name__}: {' '.join(str(exc).split())}",
            source,
        ) from None
