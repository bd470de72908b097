"""The two parts of a DOCX package the reader needs: the main document and its custom properties.

The archive has passed :func:`sokets._archive.check_office_zip` (sizes, damage, no DOCTYPE), which
hands over every member's content. The main part is the package's ``officeDocument``
relationship (``_rels/.rels``) and must have the content type of a Word document; the custom
properties (``sokets.*``) are its ``custom-properties`` relationship. Both are parsed with a plain
lxml parser that never resolves entities nor reaches the network and drops blank text between tags
(as Word and python-docx do): plain elements walk several times faster than python-docx's element
classes, which matters for a hostile document of hundreds of thousands of paragraphs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from sokets.docx.composer import Element, w
from sokets.errors import InputError

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_MAIN = _REL + "officeDocument"
REL_CUSTOM = _REL + "custom-properties"
#: The content type of a Word document's main part (the one python-docx opens too).
MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_NOT_WORD = (
    "không đọc được tệp DOCX (không phải văn bản Word .docx?) / cannot read DOCX (not a Word "
    "document?): "
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=True
    )


def parse_part(content: bytes, source: str, part: str) -> Element:
    """Parse an XML part; :class:`InputError` naming the part if it is not well-formed."""
    try:
        return etree.fromstring(content, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"XML trong tệp DOCX bị hỏng / malformed XML in DOCX: {exc}",
            source=source,
            location=part,
        ) from None


def _targets(contents: dict[str, bytes], source: str) -> dict[str, str]:
    """The package's relationships by type: type → part name (the first of each type)."""
    rels = contents.get("_rels/.rels")
    if rels is None:
        raise InputError(_NOT_WORD + "_rels/.rels is missing", source=source)
    root = parse_part(rels, source, "_rels/.rels")
    out: dict[str, str] = {}
    for rel in root.iterfind(f"{{{_RELS_NS}}}Relationship"):
        kind, target = rel.get("Type"), rel.get("Target")
        if kind and target and rel.get("TargetMode") != "External" and kind not in out:
            out[kind] = posixpath.normpath(target.lstrip("/"))
    return out


def _content_type(contents: dict[str, bytes], source: str, part: str) -> str:
    types = contents.get("[Content_Types].xml")
    if types is None:
        raise InputError(_NOT_WORD + "[Content_Types].xml is missing", source=source)
    root = parse_part(types, source, "[Content_Types].xml")
    for override in root.iterfind(f"{{{_TYPES_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").casefold() == part.casefold():
            return str(override.get("ContentType") or "")
    extension = posixpath.splitext(part)[1].lstrip(".").casefold()
    for default in root.iterfind(f"{{{_TYPES_NS}}}Default"):
        if (default.get("Extension") or "").casefold() == extension:
            return str(default.get("ContentType") or "")
    return ""


@dataclass(frozen=True)
class WordPackage:
    """The main part's ``w:body``, the part's name, and the custom text properties."""

    body: Element
    part: str
    properties: dict[str, str]


def open_package(contents: dict[str, bytes], source: str) -> WordPackage:
    """The body and custom properties of a checked DOCX archive's ``contents``.

    Raises :class:`InputError` when the package has no Word main part or the part is not
    well-formed or not a ``w:document`` with a ``w:body``; unreadable custom properties are
    treated as none.
    """
    targets = _targets(contents, source)
    part = targets.get(REL_MAIN)
    if part is None or part not in contents:
        raise InputError(_NOT_WORD + "no main document part", source=source)
    content_type = _content_type(contents, source, part)
    if content_type != MAIN_CONTENT_TYPE:
        raise InputError(_NOT_WORD + f"{part} has content type {content_type!r}", source=source)
    root = parse_part(contents[part], source, part)
    body = root.find(w("body")) if root.tag == w("document") else None
    if body is None:
        raise InputError(
            "phần chính của tệp không phải văn bản Word có thân (w:document/w:body) / the main "
            "part is not a Word document with a body",
            source=source,
            location=part,
        )
    custom = targets.get(REL_CUSTOM)
    properties = (
        {} if custom is None or custom not in contents else custom_properties(contents[custom])
    )
    return WordPackage(body, part, properties)


def custom_properties(content: bytes) -> dict[str, str]:
    """The text properties of a ``docProps/custom.xml`` part (empty if it cannot be read)."""
    try:
        root = etree.fromstring(content, _parser())
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for prop in root.iterfind(f"{{{_CUSTOM_NS}}}property"):
        value = prop.find(f"{{{_VT_NS}}}lpwstr")
        name = prop.get("name")
        if name and value is not None:
            out[name] = value.text or ""
    return out
