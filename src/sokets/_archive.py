"""Opening Office files (.xlsx, .docx) safely: one zip check shared by both readers.

:func:`check_office_zip` refuses, with :class:`~sokets.errors.InputError`, a file that is too
large, an old binary Office file or a password-protected one (OLE), a file that is not a zip or
whose zip is damaged, too many members, duplicate, encrypted or oddly compressed members, members
over the size caps (declared or real: ``zipfile`` never inflates beyond the declared size, and
every member is read here, so a lying zip bomb stops at the cap), and any XML part carrying a
document type declaration (``<!DOCTYPE``, ``<!ENTITY``) in UTF-8, UTF-16 or UTF-32, or declaring
an encoding in which such a declaration could hide. Every failure of :mod:`zipfile` or
:mod:`zlib`, while listing or while reading, becomes an :class:`InputError`.

Which parts are XML is decided by content, not by name: a reader follows relationships to any
member (``word/document.bin`` can be the main part), so every member whose first character is
``<`` (in any Unicode encoding) is checked, and so is every ``.xml``, ``.rels`` or ``.vml``
member. The one exception is an image (content type ``image/…``, an SVG for instance) reached only
through image relationships: no reader parses it as XML, and SVG files exported by drawing programs
often carry a DOCTYPE.

:func:`relationships` and :func:`content_types` read a package's relationships and content types
the way openpyxl and python-docx do, for checks that follow them.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from sokets.errors import InputError

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XML_SUFFIXES = (".xml", ".rels", ".vml")
CONTENT_TYPES = "[Content_Types].xml"
#: Errors the standard library raises on a damaged, encrypted or unsupported zip member.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    RuntimeError,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    UnicodeDecodeError,
)
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DTD = re.compile(
    b"|".join(
        re.escape(word.encode(encoding))
        for encoding in _ENCODINGS
        for word in ("<!DOCTYPE", "<!ENTITY")
    ),
    re.IGNORECASE,
)
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
#: Encodings an XML part may declare: those in which :data:`_DTD` finds a declaration.
_SAFE_ENCODINGS = frozenset(
    {
        "utf-8",
        "utf8",
        "utf-16",
        "utf-16le",
        "utf-16be",
        "utf-32",
        "utf-32le",
        "utf-32be",
        "ucs-2",
        "ucs-4",
        "us-ascii",
        "ascii",
        "iso-8859-1",
        "latin1",
        "latin-1",
        "windows-1252",
        "cp1252",
    }
)
_NOUN = {"XLSX": ("bảng tính", "workbook"), "DOCX": ("văn bản", "document")}


def _refuse(message: str, source: str, location: str = "") -> InputError:
    return InputError(message, source=source, location=location)


def _sniff(content: bytes) -> str:
    """The encoding family of an XML part, from its first bytes (XML 1.0 appendix F)."""
    for bom, encoding in (
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<", "utf-16-be"),
        (b"<\x00", "utf-16-le"),
    ):
        if content.startswith(bom):
            return encoding
    return "utf-8"


def looks_like_xml(content: bytes) -> bool:
    """Whether ``content`` starts like an XML document: ``<`` after an optional byte-order mark
    and white space, in UTF-8, UTF-16 or UTF-32."""
    head = content[:256].decode(_sniff(content), "replace")
    return head.lstrip("\ufeff \t\r\n").startswith("<")


#: How lxml parses a part of an untrusted file: entities unresolved, no DTD, no network, no huge
#: trees; comments and processing instructions dropped.
SAFE_PARSING: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def iterparse(content: bytes, events: tuple[str, ...]) -> Any:
    """lxml's ``iterparse`` over ``content``, parsed as :data:`SAFE_PARSING` says. Raises
    ``lxml.etree.LxmlError``."""
    from lxml import etree  # type: ignore[import-untyped]

    return etree.iterparse(io.BytesIO(content), events=events, **SAFE_PARSING)


def local_name(tag: Any) -> str:
    """``"sheet"`` for ``"{namespace}sheet"`` (``""`` for a comment or other non-element)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass(frozen=True)
class Relationship:
    """A relationship of an Office package: its id, type and target (a member name for an
    internal target, resolved as openpyxl and python-docx resolve it)."""

    id: str
    type: str
    target: str
    external: bool = False


def rels_part(part: str) -> str:
    """The member holding ``part``'s relationships: ``xl/_rels/workbook.xml.rels``;
    ``_rels/.rels`` for the package (``part == ""``)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def relationships(
    parts: dict[str, bytes], rels: str, *, as_openpyxl: bool = False
) -> dict[str, Relationship]:
    """The relationships in member ``rels`` by id (the last of a repeated id wins, as in
    openpyxl); none if the member is missing. A target starting with ``/`` is from the package
    root, others are relative to the folder above ``_rels`` (``../`` allowed). The relationships
    are the elements named ``Relationship`` wherever they are, or, ``as_openpyxl``, every child of
    the root whatever its name (openpyxl's ``RelationshipList``). Raises ``lxml.etree.LxmlError``
    on malformed XML."""
    content = parts.get(rels)
    found: dict[str, Relationship] = {}
    if content is None:
        return found
    base = posixpath.dirname(posixpath.dirname(rels))
    depth = 0
    for event, element in iterparse(content, ("start", "end")):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if (depth != 1) if as_openpyxl else (local_name(element.tag) != "Relationship"):
            continue
        target = element.get("Target") or ""
        external = element.get("TargetMode") == "External"
        if not external:
            target = (
                target[1:]
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        rel_id = element.get("Id") or ""
        found[rel_id] = Relationship(rel_id, element.get("Type") or "", target, external)
    return found


def content_types(parts: dict[str, bytes]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """``[Content_Types].xml``: default content types by lower-case extension, and the overrides
    as ``(member name, content type)`` in document order. Raises ``lxml.etree.LxmlError``."""
    defaults: dict[str, str] = {}
    overrides: list[tuple[str, str]] = []
    content = parts.get(CONTENT_TYPES)
    if content is None:
        return defaults, overrides
    for _, element in iterparse(content, ("end",)):
        name = local_name(element.tag)
        if name == "Default":
            defaults[(element.get("Extension") or "").lower()] = element.get("ContentType") or ""
        elif name == "Override":
            part = (element.get("PartName") or "").removeprefix("/")
            overrides.append((part, element.get("ContentType") or ""))
    return defaults, overrides


def _images(parts: dict[str, bytes]) -> set[str]:
    """Members no reader parses as XML: of an ``image/…`` content type and reached only through
    image relationships. Anything unreadable here grants no exception."""
    from lxml import etree

    images: set[str] = set()
    others: set[str] = set()
    try:
        defaults, overrides = content_types(parts)
        for rels in (name for name in parts if name.lower().endswith(".rels")):
            for openpyxl in (False, True):  # as both readers find them
                for rel in relationships(parts, rels, as_openpyxl=openpyxl).values():
                    if not rel.external:
                        targets = {rel.target, unquote(rel.target)}
                        (images if rel.type.endswith("/image") else others).update(targets)
    except etree.LxmlError:
        return set()
    by_part = {part.lower(): kind for part, kind in overrides}

    def kind(name: str) -> str:
        default = defaults.get(name.rpartition(".")[2].lower(), "")
        return by_part.get(name.lower(), default).lower()

    return {name for name in images - others if kind(name).startswith("image/")}


#: What every declaration :data:`_DTD` finds starts with: ``<!`` in UTF-8, UTF-16 or UTF-32.
_OPENINGS = (b"<!", b"<\x00!", b"<\x00\x00\x00!")


def check_xml_part(content: bytes, source: str, part: str) -> None:
    """Refuse an XML part that declares a DOCTYPE or entities, or an unusual encoding."""
    # Looking for the opening bytes first is much quicker than the expression, which needs them.
    if any(opening in content for opening in _OPENINGS) and _DTD.search(content):
        raise _refuse(
            "phần XML có khai báo DOCTYPE/ENTITY (có thể là tệp độc hại) / XML part declares a "
            "DOCTYPE or entities (possibly hostile)",
            source,
            part,
        )
    head = content[:512].decode(_sniff(content), "replace").lstrip("\ufeff")
    declared = _DECLARED.match(head)
    if declared and declared.group(1).lower() not in _SAFE_ENCODINGS:
        raise _refuse(
            f"phần XML dùng bảng mã không được hỗ trợ ({declared.group(1)}) / unsupported XML "
            "encoding",
            source,
            part,
        )


def check_office_zip(
    data: bytes,
    source: str,
    *,
    kind: str,
    max_file: int,
    max_members: int,
    max_member_bytes: int,
    max_total_bytes: int,
) -> dict[str, bytes]:
    """Check ``data`` as an Office zip of ``kind`` (``"XLSX"`` or ``"DOCX"``); return every
    member's uncompressed content by name. Raises :class:`InputError` (see the module)."""
    noun_vi, noun_en = _NOUN.get(kind, ("tệp", "file"))
    damaged = f"tệp {kind} bị hỏng / damaged {kind} file"
    if len(data) > max_file:
        raise _refuse(f"tệp quá lớn ({len(data)} byte, tối đa {max_file}) / file too large", source)
    if data.startswith(_OLE_MAGIC):
        old = "Excel cũ (.xls)" if kind == "XLSX" else "Word cũ (.doc)"
        old_en = ".xls" if kind == "XLSX" else ".doc"
        raise _refuse(
            f"tệp {old} hoặc có đặt mật khẩu; hãy lưu lại dạng .{kind.lower()}, không mật khẩu / "
            f"old {old_en} or password-protected {noun_en}: save it as .{kind.lower()} without "
            "a password",
            source,
        )
    article = "an" if kind[0] in "AEFHILMNORSX" else "a"
    if not data.startswith(_ZIP_MAGIC):
        raise _refuse(
            f"không phải tệp {kind} (tệp {kind} là một tệp zip) / not {article} {kind} file "
            "(not a zip)",
            source,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except ZIP_ERRORS as exc:
        raise _refuse(f"{damaged}: {exc}", source) from None
    if len(members) > max_members:
        raise _refuse(
            f"tệp có {len(members)} thành phần (tối đa {max_members}) / too many zip members",
            source,
        )
    total = 0
    for member in members:
        name = member.filename
        # bit 0: encrypted; bit 6: strong encryption; bit 5: compressed patched data.
        if member.flag_bits & 0x41:
            raise _refuse("tệp có thành phần được mã hóa / encrypted zip member", source, name)
        if member.flag_bits & 0x20 or member.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise _refuse("kiểu nén không được hỗ trợ / unsupported compression", source, name)
        if member.file_size > max_member_bytes:
            raise _refuse(
                f"thành phần quá lớn khi giải nén ({member.file_size} byte, tối đa "
                f"{max_member_bytes}) / zip member too large when uncompressed",
                source,
                name,
            )
        total += member.file_size
        if total > max_total_bytes:
            raise _refuse(
                f"tệp {noun_vi} quá lớn khi giải nén (trên {max_total_bytes} byte) / "
                f"{noun_en} too large when uncompressed",
                source,
            )
    contents: dict[str, bytes] = {}
    for member in members:
        name = member.filename
        if name in contents:
            raise _refuse("thành phần zip bị trùng tên / duplicate zip member", source, name)
        try:
            with archive.open(member) as handle:
                content = handle.read(max_member_bytes + 1)
        except ZIP_ERRORS as exc:
            raise _refuse(f"{damaged}: {exc}", source, name) from None
        if len(content) > max_member_bytes:  # pragma: no cover - zipfile stops at file_size
            raise _refuse("thành phần quá lớn / zip member too large", source, name)
        contents[name] = content
        if name.lower().endswith(XML_SUFFIXES):
            check_xml_part(content, source, name)
    unnamed = [
        (name, content)
        for name, content in contents.items()
        if not name.lower().endswith(XML_SUFFIXES) and looks_like_xml(content)
    ]
    if unnamed:  # XML not named as such: check it, unless it is an image (found only then)
        exempt = _images(contents)
        for name, content in unnamed:
            if name not in exempt:
                check_xml_part(content, source, name)
    return contents
