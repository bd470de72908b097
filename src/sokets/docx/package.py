"""The DOCX package around a composed body: the template, sections, page numbers, properties.

python-docx opens its default template, which :func:`new_document` makes A4 with the sokets
styles and page numbers from page 2; :func:`landscape_section` starts the landscape pages of the
appendix tables; :func:`set_properties` writes the core and the custom ``sokets.*`` properties
the reader identifies a document by; :func:`finish` moves the composed body in and saves.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm
from lxml import etree  # type: ignore[import-untyped]

from sokets._version import __version__
from sokets.docx.composer import NSMAP, W_NS, Composer, Element, sub, w
from sokets.docx.formats import xml_text
from sokets.docx.layout import (
    LANDSCAPE_MARGINS_MM,
    MARGINS_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    SUBJECT,
    issuer_name,
)
from sokets.docx.markers import PROPERTY_FORM, PROPERTY_KIND, PROPERTY_UNIT, PROPERTY_VERSION
from sokets.docx.opening import custom_properties
from sokets.docx.styles import install_styles
from sokets.units import Unit

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_PAGE_FIELD = (
    f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="SoketsPageNumber"/></w:pPr>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>'
)


def new_document() -> Any:
    """python-docx's default document, made A4 with the sokets styles and page numbers."""
    document = docx.Document()
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            document.part.rels.pop(rel_id)
    install_styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    header._element.clear()
    header._element.append(parse_xml(_PAGE_FIELD))
    first = section.first_page_header
    first.is_linked_to_previous = False
    return document


def landscape_section(c: Composer, parent: Element, document: Any) -> None:
    """End the portrait pages here; what follows goes to landscape pages (numbered on)."""
    body_sect = document.element.body.find(w("sectPr"))
    p = sub(parent, "p")
    ppr = sub(p, "pPr")
    ppr.append(_copy(body_sect))
    section = document.sections[-1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
    margins = LANDSCAPE_MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.different_first_page_header_footer = False
    for ref in body_sect.findall(w("headerReference")) + body_sect.findall(w("footerReference")):
        body_sect.remove(ref)


def _copy(element: Element) -> Element:
    return etree.fromstring(etree.tostring(element))


_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def custom_properties_xml(values: dict[str, str]) -> bytes:
    """docProps/custom.xml holding ``values`` as text properties."""
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(
            root,
            f"{{{_CUSTOM_NS}}}property",
            {"fmtid": "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "pid": str(pid), "name": name},
        )
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = xml_text(value)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def read_custom_properties(document: Any) -> dict[str, str]:
    """The text custom properties of a python-docx document (empty if it has none)."""
    try:
        part = document.part.package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return {}
    return custom_properties(part.blob)


def set_properties(
    document: Any, *, unit: Unit, form: str, version: str, kind: str, title: str, day: date | None
) -> None:
    """Core properties (title, author, dates) and the custom ``sokets.*`` properties."""
    props = document.core_properties
    props.title = title
    props.subject = SUBJECT
    props.author = issuer_name(unit)
    props.last_modified_by = f"sokets {__version__}"
    props.comments = f"Kế hoạch số 403/KH-UBND; {form} {version}; {unit.code}"
    props.keywords = f"sokets; {form}; {unit.code}"
    props.category = kind
    props.revision = 1
    stamp = datetime.combine(day or date(2023, 6, 13), datetime.min.time(), tzinfo=UTC)
    props.created = props.modified = stamp
    props.last_printed = stamp
    custom = {
        PROPERTY_FORM: form,
        PROPERTY_VERSION: version,
        PROPERTY_UNIT: unit.code,
        PROPERTY_KIND: kind,
    }
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, custom_properties_xml(custom), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def composer_for(document: Any) -> Composer:
    """A composer writing into ``document``: into a holder at the end of its body, which
    :func:`finish` empties before the last section (moving elements within one lxml document is
    cheap; moving them in from another reconciles the namespaces of every node)."""
    return Composer(body=sub(document.element.body, "body"))


def finish(document: Any, c: Composer) -> bytes:
    """Move the composed body into ``document`` (before its last section) and save it."""
    body = document.element.body
    sect = body.find(w("sectPr"))
    for child in list(c.body):
        sect.addprevious(child)
    if c.body.getparent() is body:
        body.remove(c.body)
    else:
        etree.cleanup_namespaces(body, top_nsmap=NSMAP)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
