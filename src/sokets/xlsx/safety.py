"""Defences against hostile workbooks, and text that is safe to store in a cell.

A workbook is a zip of XML parts; every check here runs before openpyxl parses anything:

* the file is at most :data:`MAX_FILE_BYTES`, starts like a zip and has a readable central
  directory (an old ``.xls`` or a password-protected workbook is an OLE file and is refused);
* the zip holds at most :data:`MAX_MEMBERS` members, none encrypted or oddly compressed, none
  declared larger than :data:`MAX_MEMBER_BYTES` once uncompressed, and together at most
  :data:`MAX_TOTAL_BYTES` (Python's ``zipfile`` never inflates a member beyond its declared size,
  so the caps hold against a zip bomb that lies about its sizes);
* no XML part carries a document type declaration (``<!DOCTYPE``, ``<!ENTITY``): the way to entity
  bombs and external entities. openpyxl also parses through ``defusedxml`` (a dependency of sokets),
  which refuses entities on its own;
* no merged range or hyperlink reaches beyond :data:`MAX_ROWS` × :data:`MAX_COLUMNS` (openpyxl
  creates a cell object for every cell of such a range).

openpyxl then loads the workbook without macros (``keep_vba=False``) or external links
(``keep_links=False``), with the values spreadsheet programs cached for formulas. Any failure is an
:class:`~sokets.errors.InputError` naming the file and, where known, the part or the cell.

For writing, :func:`encode_text` stores text so that no cell ever becomes a formula and characters
XML cannot carry survive: they are escaped the way Excel does (``_x0001_``), and
:func:`decode_text` reverses it.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from typing import Any

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
#: Most characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32767

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_RANGE_REF = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(?:mergeCell|hyperlink)\b[^>]*?\sref=\"([^\"]*)\""
)
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


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


def check_archive(data: bytes, source: str) -> None:
    """Refuse a file that is not a reasonable XLSX zip, before any XML is parsed.

    Raises :class:`InputError` for: a file over :data:`MAX_FILE_BYTES`; an old ``.xls`` or a
    password-protected workbook; a file that is not a zip or whose zip is damaged; too many
    members, encrypted members, unsupported compression or sizes over the caps; a document type
    declaration in an XML part; a merged range or hyperlink beyond the sheet limits.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(
            f"tệp quá lớn ({len(data)} byte, tối đa {MAX_FILE_BYTES}) / file too large", source
        )
    if data.startswith(_OLE_MAGIC):
        raise _refuse(
            "tệp Excel cũ (.xls) hoặc có đặt mật khẩu; hãy lưu lại dạng .xlsx, không mật khẩu / "
            "old .xls or password-protected workbook: save it as .xlsx without a password",
            source,
        )
    if not data.startswith(_ZIP_MAGIC):
        raise _refuse(
            "không phải tệp XLSX (tệp XLSX là một tệp zip) / not an XLSX file (not a zip)", source
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse(f"tệp XLSX bị hỏng / damaged XLSX file: {exc}", source) from None
    if len(members) > MAX_MEMBERS:
        raise _refuse(
            f"tệp có {len(members)} thành phần (tối đa {MAX_MEMBERS}) / too many zip members",
            source,
        )
    total = 0
    names: set[str] = set()
    for member in members:
        if member.filename in names:
            raise _refuse(
                "thành phần zip bị trùng tên / duplicate zip member", source, member.filename
            )
        names.add(member.filename)
        if member.flag_bits & 0x1:
            raise _refuse(
                "tệp có thành phần được mã hóa / encrypted zip member", source, member.filename
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(
                "kiểu nén không được hỗ trợ / unsupported compression", source, member.filename
            )
        if member.file_size > MAX_MEMBER_BYTES:
            raise _refuse(
                f"thành phần quá lớn khi giải nén ({member.file_size} byte, tối đa "
                f"{MAX_MEMBER_BYTES}) / zip member too large when uncompressed",
                source,
                member.filename,
            )
        total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(
                f"tệp quá lớn khi giải nén (trên {MAX_TOTAL_BYTES} byte) / "
                "workbook too large when uncompressed",
                source,
            )
    for member in members:
        if member.filename.lower().endswith(_XML_SUFFIXES):
            _check_xml(archive, member, source)


def _check_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo, source: str) -> None:
    try:
        with archive.open(member) as handle:
            content = handle.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise _refuse(
            f"tệp XLSX bị hỏng / damaged XLSX file: {exc}", source, member.filename
        ) from None
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = content.decode("utf-16", "replace").encode("utf-8")
    if _DTD.search(content):
        raise _refuse(
            "phần XML có khai báo DOCTYPE/ENTITY (có thể là tệp độc hại) / XML part declares a "
            "DOCTYPE or entities (possibly hostile)",
            source,
            member.filename,
        )
    if member.filename.startswith("xl/worksheets/"):
        for match in _RANGE_REF.finditer(content):
            _check_range(match.group(1).decode("ascii", "replace"), source, member.filename)


def _check_range(ref: str, source: str, part: str) -> None:
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
    check_archive(data, source)
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
            f"không đọc được bảng tính / cannot read the workbook: {type(exc).__name__}: {exc}",
            source,
        ) from None
    if len(workbook.sheetnames) > MAX_SHEETS:
        raise _refuse(
            f"bảng tính có {len(workbook.sheetnames)} trang (tối đa {MAX_SHEETS}) / too many "
            "sheets",
            source,
        )
    return workbook


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
