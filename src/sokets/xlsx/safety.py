"""Defences against hostile workbooks, and text that is safe to store in a cell.

A workbook is a zip of XML parts; every check here runs before openpyxl parses anything:

* the zip checks shared with the DOCX reader (:func:`sokets._archive.check_office_zip`): the file
  is at most :data:`MAX_FILE_BYTES`, starts like a zip and has a readable central directory (an old
  ``.xls`` or a password-protected workbook is an OLE file and is refused); at most
  :data:`MAX_MEMBERS` members, none encrypted or oddly compressed, none larger than
  :data:`MAX_MEMBER_BYTES` once uncompressed, together at most :data:`MAX_TOTAL_BYTES` (every
  member is read, and Python's ``zipfile`` never inflates a member beyond its declared size, so the
  caps hold against a zip bomb that lies about its sizes; a damaged member is refused here);
* no XML part carries a document type declaration (``<!DOCTYPE``, ``<!ENTITY``), in UTF-8, UTF-16
  or UTF-32: the way to entity bombs and external entities. openpyxl also parses through
  ``defusedxml`` (a dependency of sokets), which refuses entities on its own;
* each worksheet part is read with a real XML parser (lxml, entities unresolved, no network): no
  merged range or hyperlink reaches beyond :data:`MAX_ROWS` × :data:`MAX_COLUMNS` or names whole
  rows or columns (openpyxl creates a cell object for every cell of such a range), the sheet has at
  most :data:`MAX_CELLS` cells and no value beyond the limits — refused before openpyxl builds any
  cell. Cells holding a formula without a cached value are noted (:class:`ArchiveScan`).

openpyxl then loads the workbook without macros (``keep_vba=False``) or external links
(``keep_links=False``), with the values spreadsheet programs cached for formulas. Any failure is an
:class:`~sokets.errors.InputError` naming the file and, where known, the part or the cell.

For writing, :func:`encode_text` stores text so that no cell ever becomes a formula and characters
XML cannot carry survive: they are escaped the way Excel does (``_x0001_``), and
:func:`decode_text` reverses it.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from sokets._archive import check_office_zip
from sokets.errors import InputError
from sokets.inputs import MAX_INPUT_BYTES

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
#: Most cells (``<c>`` elements) in one sheet's XML.
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
#: Most characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32767

_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_RANGE = re.compile(r"\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?")


def column_number(letters: str) -> int:
    """``"A"`` → 1, ``"AB"`` → 28."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    """1 → ``"A"``, 28 → ``"AB"``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _refuse(message: str, source: str, location: str = "") -> InputError:
    return InputError(message, source=source, location=location)


@dataclass
class ArchiveScan:
    """What :func:`check_archive` learnt from the sheets' XML while checking it."""

    uncached_formulas: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Sheet title → ``(row, column)`` of cells with a formula and no cached value, in order."""


def check_archive(data: bytes, source: str) -> ArchiveScan:
    """Refuse a file that is not a reasonable XLSX zip, before openpyxl parses any XML.

    Raises :class:`InputError` for: a file over :data:`MAX_FILE_BYTES`; an old ``.xls`` or a
    password-protected workbook; a file that is not a zip or whose zip is damaged; too many
    members, encrypted members, unsupported compression or sizes over the caps; a document type
    declaration in an XML part; a merged range or hyperlink beyond the sheet limits; a sheet with
    more than :data:`MAX_CELLS` cells or a value beyond the limits (see
    :func:`sokets._archive.check_office_zip`).
    """
    parts = check_office_zip(
        data,
        source,
        kind="XLSX",
        max_file=MAX_FILE_BYTES,
        max_members=MAX_MEMBERS,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_TOTAL_BYTES,
    )
    titles = _sheet_titles(parts)
    scan = ArchiveScan()
    for name, content in parts.items():
        if name.startswith("xl/worksheets/") and name.lower().endswith(".xml"):
            title = titles.get(name, name)
            found = _scan_sheet(content, source, name, title)
            if found:
                scan.uncached_formulas[title] = found
    return scan


def _parse_error(exc: Exception, source: str, part: str) -> InputError:
    return _refuse(
        f"không đọc được bảng tính / cannot read the workbook: XML hỏng / malformed XML: {exc}",
        source,
        part,
    )


def _iterparse(content: bytes, events: tuple[str, ...]) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    return etree.iterparse(
        io.BytesIO(content),
        events=events,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sheet_titles(parts: dict[str, bytes]) -> dict[str, str]:
    """Worksheet part name → sheet title, from the workbook part and its relationships."""
    from lxml import etree

    def rels_of(part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (target part, type) of ``part`` (``""``: the package)."""
        folder, _, base = part.rpartition("/")
        rels = parts.get(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
        out: dict[str, tuple[str, str]] = {}
        if rels is None:
            return out
        with contextlib.suppress(etree.LxmlError):
            for _, element in _iterparse(rels, ("end",)):
                if _local(element.tag) == "Relationship":
                    target = element.get("Target") or ""
                    if target.startswith("/"):
                        target = target[1:]
                    elif folder:
                        target = posixpath.normpath(f"{folder}/{target}")
                    out[element.get("Id") or ""] = (target, element.get("Type") or "")
        return out

    book = next(
        (t for t, kind in rels_of("").values() if kind.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    targets = {rel: target for rel, (target, _) in rels_of(book).items()}
    titles: dict[str, str] = {}
    if book not in parts:
        return titles
    with contextlib.suppress(etree.LxmlError):
        for _, element in _iterparse(parts[book], ("end",)):
            if _local(element.tag) == "sheet":
                rel = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                if rel in targets:
                    titles[targets[rel]] = element.get("name") or targets[rel]
    return titles


def _scan_sheet(content: bytes, source: str, part: str, title: str) -> list[tuple[int, int]]:
    """Check one worksheet part with a real XML parser (entities unresolved, no network):
    merged ranges and hyperlinks within the limits, at most :data:`MAX_CELLS` cells, no value
    beyond the limits. Returns the cells holding a formula without a cached value."""
    from lxml import etree

    uncached: list[tuple[int, int]] = []
    cells = 0
    row = column = 0
    try:
        for event, element in _iterparse(content, ("start", "end")):
            name = _local(element.tag)
            if event == "start":
                if name == "row":
                    row = _number(element.get("r"), row + 1)
                    column = 0
                continue
            if name in ("mergeCell", "hyperlink"):
                _check_range(element.get("ref") or "", source, part)
            elif name == "c":
                cells += 1
                if cells > MAX_CELLS:
                    raise _refuse(
                        f"trang có hơn {MAX_CELLS} ô / too many cells in a sheet", source, part
                    )
                row, column = _position(element.get("r"), row, column + 1)
                # an empty <v/> (openpyxl writes one after every formula) caches nothing
                children = {
                    _local(child.tag) for child in element if _local(child.tag) != "v" or child.text
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
    except etree.LxmlError as exc:
        raise _parse_error(exc, source, part) from None
    return uncached


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


def _check_range(ref: str, source: str, part: str) -> None:
    for token in ref.split():
        if not _RANGE.fullmatch(token):
            # whole rows or columns ("1:1048576", "A:XFD") would reach every cell
            raise _refuse(f"vùng ô {ref!r} không hợp lệ / invalid range", source, part)
    for letters, digits in _CELL.findall(ref):
        if int(digits) > MAX_ROWS or column_number(letters) > MAX_COLUMNS:
            raise _refuse(
                f"vùng ô {ref} vượt giới hạn {MAX_ROWS} dòng × {MAX_COLUMNS} cột / range "
                "beyond the sheet limits",
                source,
                part,
            )


def load_workbook(data: bytes, source: str) -> Any:
    """Check ``data`` (:func:`check_archive`) and load it with openpyxl, safely.

    Macros and external links are dropped, formulas read as the values last computed by a
    spreadsheet program. Raises :class:`InputError` when the workbook cannot be loaded.
    """
    return load_checked(data, source)[0]


def load_checked(data: bytes, source: str) -> tuple[Any, ArchiveScan]:
    """:func:`load_workbook`, with what :func:`check_archive` found in the sheets."""
    scan = check_archive(data, source)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(
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
    if len(workbook.sheetnames) > MAX_SHEETS:
        raise _refuse(
            f"bảng tính có {len(workbook.sheetnames)} trang (tối đa {MAX_SHEETS}) / too many "
            "sheets",
            source,
        )
    return workbook, scan


# -- text in cells ---------------------------------------------------------------------------

# Characters XML 1.0 cannot carry (and CR, which XML parsers turn into LF), plus an underscore that
# would read as the start of an escape.
_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4})")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")

#: First characters that make a spreadsheet program read typed text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


def encode_text(text: str) -> str:
    """``text`` as stored in a cell: characters XML forbids escaped as ``_xHHHH_`` (as Excel
    does), an underscore that would read as an escape written ``_x005F_``."""
    return _ESCAPE.sub(
        lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text
    )


def decode_text(text: str) -> str:
    """The text :func:`encode_text` stored (also reads Excel's own escapes)."""
    if "_x" not in text:
        return text

    def unescape(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        if code == 0x5F:
            return "_"
        char = chr(code)
        return char if _NEEDS_ESCAPE.match(char) else match.group()

    return _ESCAPED.sub(unescape, text)
