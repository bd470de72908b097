"""The layout every sokets document shares: Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body, justified, first line indented
1.27 cm, 6 pt between paragraphs, line spacing 1.15; page numbers centred at the top from page 2.
The first page opens with a borderless two-column header table (issuing body and number on the
left, national title, motto and place-date on the right), then "BÁO CÁO" and the subject line; the
closing is a borderless two-column table ("Nơi nhận:" on the left, the signer on the right).
Appendix tables go to a landscape section.

:class:`Composer` builds the body as WordprocessingML elements directly (lxml): it is an order of
magnitude faster than python-docx's object API and gives the content controls the reader relies
on (see :mod:`sokets.docx.markers`). python-docx handles the package: styles, sections, headers,
properties and saving.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
from sokets.docx.formats import date_words, lines_of_text, xml_text
from sokets.docx.markers import (
    DOCUMENT_TAG,
    FIELD_TAG,
    ITEM_TAG,
    PLACEHOLDER_TAG,
    PROPERTY_FORM,
    PROPERTY_KIND,
    PROPERTY_UNIT,
    PROPERTY_VERSION,
    TABLE_TAG,
)
from sokets.units import Unit, UnitKind

Element = Any
"""An lxml element (lxml ships no type information)."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS}

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12

# Geometry in twentieths of a point (twips): 1 mm = 56.7 twips.
_TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * _TWIPS_PER_MM)


PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
#: Landscape pages turn the bound (left) edge of the portrait pages to the top.
LANDSCAPE_MARGINS_MM = {"top": 30, "bottom": 20, "left": 20, "right": 20}
TEXT_WIDTH = mm(PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"])
LANDSCAPE_TEXT_WIDTH = mm(
    PAGE_HEIGHT_MM - LANDSCAPE_MARGINS_MM["left"] - LANDSCAPE_MARGINS_MM["right"]
)
HEADER_COLUMNS = (mm(62), TEXT_WIDTH - mm(62))
SIGNATURE_COLUMNS = (mm(80), TEXT_WIDTH - mm(80))
_CELL_MARGIN = 80  # twips each side of a table cell

_TAGS: dict[str, str] = {}


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")``."""
    tag = _TAGS.get(name)
    if tag is None:
        tag = _TAGS[name] = f"{{{W_NS}}}{name}"
    return tag


def sub(parent: Element, name: str, **attrs: str) -> Element:
    """Append a ``w:`` element with ``w:`` attributes to ``parent``."""
    if attrs:
        return etree.SubElement(parent, w(name), {w(k): v for k, v in attrs.items()})
    return etree.SubElement(parent, w(name))


# -- styles ------------------------------------------------------------------------------------

_STYLES = f"""
<w:styles xmlns:w="{W_NS}">
 <w:docDefaults>
  <w:rPrDefault><w:rPr>
   <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
   <w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>
   <w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
 </w:docDefaults>
 <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/>
   <w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
   <w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading1">
  <w:name w:val="Sokets Heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:spacing w:before="120"/><w:outlineLvl w:val="0"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading2">
  <w:name w:val="Sokets Heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading3">
  <w:name w:val="Sokets Heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading4">
  <w:name w:val="Sokets Heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsBullet">
  <w:name w:val="Sokets Bullet"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:i/><w:iCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsGuidance">
  <w:name w:val="Sokets Guidance"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:i/><w:iCs/><w:color w:val="595959"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsCentered">
  <w:name w:val="Sokets Centered"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTitle">
  <w:name w:val="Sokets Title"/><w:basedOn w:val="SoketsCentered"/><w:next w:val="Normal"/>
  <w:pPr><w:spacing w:before="360"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsSubject">
  <w:name w:val="Sokets Subject"/><w:basedOn w:val="SoketsCentered"/><w:next w:val="Normal"/>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsRule">
  <w:name w:val="Sokets Rule"/><w:basedOn w:val="SoketsCentered"/>
  <w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeader">
  <w:name w:val="Sokets Header Block"/><w:basedOn w:val="SoketsCentered"/>
  <w:pPr><w:keepNext w:val="0"/></w:pPr>
  <w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsSigner">
  <w:name w:val="Sokets Signer"/><w:basedOn w:val="SoketsCentered"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsRecipients">
  <w:name w:val="Sokets Recipients"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>
  <w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableText">
  <w:name w:val="Sokets Table Text"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>
  <w:rPr><w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableHeading">
  <w:name w:val="Sokets Table Heading"/><w:basedOn w:val="SoketsTableText"/>
  <w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableGap">
  <w:name w:val="Sokets Table Gap"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsPageNumber">
  <w:name w:val="Sokets Page Number"/><w:basedOn w:val="SoketsCentered"/>
 </w:style>
 <w:style w:type="character" w:styleId="PlaceholderText">
  <w:name w:val="Placeholder Text"/><w:uiPriority w:val="99"/><w:semiHidden/>
  <w:rPr><w:color w:val="808080"/></w:rPr>
 </w:style>
</w:styles>
"""

#: Styles by outline number kind: "A." parts, "I." sections, "1." articles, "a)" points.
HEADING_STYLES = {
    "part": "SoketsHeading1",
    "section": "SoketsHeading2",
    "article": "SoketsHeading3",
    "point": "SoketsHeading4",
    "bullet": "SoketsBullet",
}


def install_styles(document: Any) -> None:
    """Replace the template's defaults and add the sokets styles (fonts: Times New Roman)."""
    styles = document.styles.element
    ours = parse_xml(_STYLES)
    old_defaults = styles.find(w("docDefaults"))
    if old_defaults is not None:
        styles.replace(old_defaults, ours.find(w("docDefaults")))
    by_id = {s.get(w("styleId")): s for s in styles.iterfind(w("style"))}
    for style in list(ours.iterfind(w("style"))):
        existing = by_id.get(style.get(w("styleId")))
        if existing is not None:
            styles.replace(existing, style)
        else:
            styles.append(style)
    # The template's other styles name theme fonts (Calibri, Cambria): point them at ours.
    for fonts in styles.iter(w("rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(w(attr), None)
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(w(attr), FONT)


# -- the composer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Font:
    """Direct run formatting (``None``: as the style says)."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    caps: bool = False
    color: str | None = None


PLAIN = Font()
BOLD = Font(bold=True)
ITALIC = Font(italic=True)
BOLD_ITALIC = Font(bold=True, italic=True)
HINT_COLOR = "808080"


def _rpr(run: Element, font: Font, style: str | None = None) -> None:
    if style is None and font == PLAIN:
        return
    rpr = sub(run, "rPr")
    if style:
        sub(rpr, "rStyle", val=style)
    if font.bold is not None:
        sub(rpr, "b", val="1" if font.bold else "0")
        sub(rpr, "bCs", val="1" if font.bold else "0")
    if font.italic is not None:
        sub(rpr, "i", val="1" if font.italic else "0")
        sub(rpr, "iCs", val="1" if font.italic else "0")
    if font.caps:
        sub(rpr, "caps")
    if font.color:
        sub(rpr, "color", val=font.color)
    if font.size is not None:
        half_points = str(round(font.size * 2))
        sub(rpr, "sz", val=half_points)
        sub(rpr, "szCs", val=half_points)


def _set_text(run: Element, text: str) -> None:
    lines = xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for n, line in enumerate(lines):
        if n:
            sub(run, "br")
        for m, chunk in enumerate(line.split("\t")):
            if m:
                sub(run, "tab")
            if chunk:
                t = sub(run, "t")
                t.text = chunk
                if chunk[0].isspace() or chunk[-1].isspace():
                    t.set(XML_SPACE, "preserve")


@dataclass
class Composer:
    """Builds a document body: paragraphs, tables and content controls, in order.

    Methods append to ``parent`` (the body, a cell or a content control's content) and return the
    new element. Content control ids are numbered from 1 in document order, so the same input
    gives the same document.
    """

    body: Element = field(default_factory=lambda: etree.Element(w("body"), nsmap=NSMAP))
    _next_id: int = 1

    def paragraph(
        self,
        parent: Element,
        text: str = "",
        *,
        style: str | None = None,
        font: Font = PLAIN,
        align: str | None = None,
        keep_next: bool = False,
        page_break_before: bool = False,
        indent: tuple[int, int] | None = None,
        rule: bool = False,
        space_before: int | None = None,
        space_after: int | None = None,
    ) -> Element:
        """A paragraph with one run of ``text`` (none if empty)."""
        p = sub(parent, "p")
        if (
            style
            or keep_next
            or page_break_before
            or align
            or indent
            or rule
            or (space_before is not None or space_after is not None)
        ):
            ppr = sub(p, "pPr")
            if style:
                sub(ppr, "pStyle", val=style)
            if keep_next:
                sub(ppr, "keepNext")
            if page_break_before:
                sub(ppr, "pageBreakBefore")
            if rule:
                borders = sub(ppr, "pBdr")
                sub(borders, "bottom", val="single", sz="6", space="1", color="000000")
            if space_before is not None or space_after is not None:
                spacing = sub(ppr, "spacing")
                if space_before is not None:
                    spacing.set(w("before"), str(space_before))
                if space_after is not None:
                    spacing.set(w("after"), str(space_after))
            if indent:
                sub(ppr, "ind", left=str(indent[0]), right=str(indent[1]), firstLine="0")
            if align:
                sub(ppr, "jc", val=align)
        if text:
            self.run(p, text, font)
        return p

    def run(self, p: Element, text: str, font: Font = PLAIN, style: str | None = None) -> Element:
        """Append a run of ``text`` to a paragraph (tabs and line breaks kept)."""
        r = sub(p, "r")
        _rpr(r, font, style)
        _set_text(r, text)
        return r

    def rule(self, parent: Element, length: int, width: int, *, space_after: int = 0) -> Element:
        """A centred horizontal rule ``length`` twips long in a column ``width`` twips wide."""
        side = max(0, (width - length) // 2)
        return self.paragraph(
            parent,
            style="SoketsRule",
            indent=(side, side),
            rule=True,
            space_before=40,
            space_after=space_after,
        )

    def _sdt_pr(
        self, sdt: Element, tag: str, alias: str, *, lock: bool, placeholder: bool
    ) -> Element:
        pr = sub(sdt, "sdtPr")
        sub(pr, "alias", val=alias)
        sub(pr, "tag", val=tag)
        sub(pr, "id", val=str(self._next_id))
        self._next_id += 1
        if lock:
            sub(pr, "lock", val="sdtLocked")
        if placeholder:
            sub(pr, "showingPlcHdr")
        return pr

    def block_control(
        self, parent: Element, tag: str, alias: str, *, lock: bool = True, placeholder: bool = False
    ) -> Element:
        """A block-level content control; returns its content element to fill."""
        sdt = sub(parent, "sdt")
        self._sdt_pr(sdt, tag, alias, lock=lock, placeholder=placeholder)
        return sub(sdt, "sdtContent")

    def inline_control(
        self,
        p: Element,
        tag: str,
        alias: str,
        text: str,
        font: Font = PLAIN,
        *,
        placeholder: bool = False,
        day: date | None = None,
    ) -> Element:
        """A run-level content control holding ``text``; with ``day``, a date picker."""
        sdt = sub(p, "sdt")
        pr = self._sdt_pr(sdt, tag, alias, lock=True, placeholder=placeholder)
        if font != PLAIN:  # what Word gives the text typed into the control
            _rpr(pr, font)
            pr.insert(0, pr[-1])
        if day is not None or tag == FIELD_TAG + "report_date":
            picker = sub(pr, "date")
            if day is not None:
                picker.set(w("fullDate"), f"{day.isoformat()}T00:00:00Z")
            sub(picker, "dateFormat", val="'ngày' dd 'tháng' M 'năm' yyyy")
            sub(picker, "lid", val="vi-VN")
            sub(picker, "storeMappedDataAs", val="dateTime")
            sub(picker, "calendar", val="gregorian")
        content = sub(sdt, "sdtContent")
        if placeholder:
            font = Font(font.bold, font.italic, font.size, font.caps, HINT_COLOR)
        self.run(content, text, font, "PlaceholderText" if placeholder else None)
        return sdt

    def placeholder(self, parent: Element, text: str, *, style: str | None = None) -> Element:
        """A hint to type over: a content control showing ``text`` in grey, never read back."""
        content = self.block_control(
            parent, PLACEHOLDER_TAG, "Nhập nội dung", lock=False, placeholder=True
        )
        p = self.paragraph(content, style=style)
        self.run(p, text, Font(color=HINT_COLOR), style="PlaceholderText")
        return content

    def table(
        self,
        parent: Element,
        widths: Sequence[int],
        *,
        borders: bool = True,
        caption: str = "",
    ) -> Element:
        """An empty table of fixed column ``widths`` (twips), centred, with or without borders."""
        tbl = sub(parent, "tbl")
        pr = sub(tbl, "tblPr")
        sub(pr, "tblW", w=str(sum(widths)), type="dxa")
        sub(pr, "jc", val="center")
        edges = sub(pr, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if borders:
                sub(edges, edge, val="single", sz="4", space="0", color="000000")
            else:
                sub(edges, edge, val="nil")
        sub(pr, "tblLayout", type="fixed")
        margins = sub(pr, "tblCellMar")
        sub(margins, "left", w=str(_CELL_MARGIN), type="dxa")
        sub(margins, "right", w=str(_CELL_MARGIN), type="dxa")
        sub(pr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0", noHBand="0")
        if caption:
            sub(pr, "tblCaption", val=caption)
        grid = sub(tbl, "tblGrid")
        for width in widths:
            sub(grid, "gridCol", w=str(width))
        return tbl

    def row(self, tbl: Element, *, header: bool = False) -> Element:
        """A table row; a header row repeats at the top of every page."""
        tr = sub(tbl, "tr")
        if header:
            pr = sub(tr, "trPr")
            sub(pr, "cantSplit")
            sub(pr, "tblHeader")
        return tr

    def cell(self, tr: Element, width: int, *, span: int = 1, center: bool = False) -> Element:
        """A table cell (the caller adds at least one paragraph)."""
        tc = sub(tr, "tc")
        pr = sub(tc, "tcPr")
        sub(pr, "tcW", w=str(width), type="dxa")
        if span > 1:
            sub(pr, "gridSpan", val=str(span))
        if center:
            sub(pr, "vAlign", val="center")
        return tc

    def text_cell(
        self,
        tr: Element,
        width: int,
        text: str,
        *,
        style: str = "SoketsTableText",
        font: Font = PLAIN,
        align: str | None = None,
        span: int = 1,
    ) -> Element:
        """A cell holding ``text``, one paragraph per line."""
        tc = self.cell(tr, width, span=span, center=style == "SoketsTableHeading")
        for line in lines_of_text(text):
            self.paragraph(tc, line, style=style, font=font, align=align)
        return tc

    def data_table(
        self,
        parent: Element,
        columns: Sequence[tuple[str, int]],
        rows: Iterable[Sequence[str]],
        *,
        caption: str = "",
        centred_columns: Sequence[int] = (0,),
    ) -> Element:
        """A bordered table: a repeated header row, then ``rows`` (texts, one per column)."""
        widths = [width for _, width in columns]
        tbl = self.table(parent, widths, caption=caption)
        head = self.row(tbl, header=True)
        for title, width in columns:
            self.text_cell(head, width, title, style="SoketsTableHeading")
        for values in rows:
            tr = self.row(tbl)
            for n, (value, width) in enumerate(zip(values, widths, strict=True)):
                self.text_cell(tr, width, value, align="center" if n in centred_columns else None)
        return tbl

    def gap(self, parent: Element) -> Element:
        """A small empty paragraph, so that Word never joins two tables into one."""
        return self.paragraph(parent, style="SoketsTableGap")


# -- naming the issuing unit -------------------------------------------------------------------

PROVINCE = "Nghệ An"
PROVINCIAL_COMMITTEE = "UBND TỈNH NGHỆ AN"

#: The body directly above a provincial agency that is not under UBND tỉnh.
_AGENCY_PARENTS = {
    "CA-TINH": "BỘ CÔNG AN",
    "DIEN-LUC": "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC",
    "BAO-NA": "TỈNH ỦY NGHỆ AN",
}
#: Official names written in the header where the registry's short name differs.
_HEADER_NAMES = {
    "VP-UBND": "VĂN PHÒNG UBND TỈNH",
    "DIEN-LUC": "CÔNG TY ĐIỆN LỰC NGHỆ AN",
    "DAI-PTTH": "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH NGHỆ AN",
}


def _bare_name(unit: Unit) -> str:
    """A district's or commune's name without its kind: ``Thành phố Vinh`` → ``Vinh``."""
    if unit.subtype and unit.name.casefold().startswith(unit.subtype.casefold()):
        bare = unit.name[len(unit.subtype) :].strip()
        if bare and not bare[0].isdigit():
            return bare
    return unit.name


def issuer_lines(unit: Unit) -> tuple[str | None, tuple[str, ...]]:
    """The header's parent body (not bold) and issuing unit lines (bold), in capitals.

    A department names UBND tỉnh above itself; a People's Committee (district, commune) has no
    parent body under Nghị định 30 and writes its own name on two lines.
    """
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return None, ("ỦY BAN NHÂN DÂN", unit.name.upper())
    name = _HEADER_NAMES.get(unit.code, unit.name.upper())
    return _AGENCY_PARENTS.get(unit.code, PROVINCIAL_COMMITTEE), (name,)


def issuer_name(unit: Unit) -> str:
    """How the body text names the unit: ``Sở Y tế``, ``UBND thành phố Vinh``, ``UBND xã Hưng Đông``."""
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return f"UBND {unit.subtype} {_bare_name(unit)}" if unit.subtype else f"UBND {unit.name}"
    return unit.name


def default_place(unit: Unit) -> str:
    """Nghị định 30's place name: the province, or the district's or commune's own name."""
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return _bare_name(unit)
    return PROVINCE


def _text_width(text: str, size_pt: float, *, bold: bool) -> int:
    """Rough printed width of ``text`` in twips (Times New Roman capitals and small letters)."""
    em = 0.0
    for char in text:
        if char == " ":
            em += 0.25
        elif char.isupper():
            em += 0.72 if bold else 0.68
        else:
            em += 0.5
    return round(em * size_pt * 20)


# -- header, title and closing -----------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """The values of the header and signature; ``None`` leaves a placeholder to fill in."""

    report_number: str | None
    place: str
    report_date: date | None
    recipients: tuple[str, ...]
    signer_authority: tuple[str, ...] | None
    signer_title: str | None
    signer_name: str | None


SUBJECT = (
    "Kết quả sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND ngày 22/8/2022 của "
    "UBND tỉnh về chuyển đổi số tỉnh Nghệ An đến năm 2025"
)
NUMBER_PLACEHOLDER = "…/BC-…"
DATE_PLACEHOLDER = "ngày … tháng … năm 2023"
AUTHORITY_PLACEHOLDER = "(Quyền hạn ký nếu có: TM., KT., Q., TL.)"
TITLE_PLACEHOLDER = "(Chức vụ người ký)"
NAME_PLACEHOLDER = "(Họ và tên)"
SIGNATURE_SPACE = 4


def lead_in(unit: Unit) -> str:
    """The opening sentence of the report."""
    return (
        "Thực hiện Kế hoạch số 403/KH-UBND ngày 13/6/2023 của UBND tỉnh về tổ chức Hội nghị sơ "
        "kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND ngày 22/8/2022 của UBND tỉnh về "
        f"chuyển đổi số tỉnh Nghệ An đến năm 2025, {issuer_name(unit)} báo cáo kết quả như sau:"
    )


def closing(unit: Unit) -> str:
    """The sentence that ends the report's body."""
    return (
        "Trên đây là báo cáo kết quả sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND "
        f"của {issuer_name(unit)}./."
    )


def header_table(
    c: Composer, parent: Element, unit: Unit, form: str, version: str, kind: str, values: Heading
) -> Element:
    """The first page's header: issuing body, number, national title, motto, place and date.

    Wrapped in a content control tagged ``sokets:document:<form>:<version>:<unit>:<kind>``.
    """
    content = c.block_control(
        parent, f"{DOCUMENT_TAG}{form}:{version}:{unit.code}:{kind}", "sokets", lock=True
    )
    left, right = HEADER_COLUMNS
    tbl = c.table(content, HEADER_COLUMNS, borders=False, caption="Thể thức văn bản")
    top = c.row(tbl)
    cell = c.cell(top, left)
    parent_body, unit_lines = issuer_lines(unit)
    if parent_body:
        c.paragraph(cell, parent_body, style="SoketsHeader")
    for line in unit_lines:
        c.paragraph(cell, line, style="SoketsHeader", font=BOLD)
    inner = left - 2 * _CELL_MARGIN
    longest = min(inner, max(_text_width(line, 13, bold=True) for line in unit_lines))
    c.rule(cell, max(mm(15), round(longest * 0.4)), inner)
    cell = c.cell(top, right)
    c.paragraph(cell, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style="SoketsHeader", font=BOLD)
    motto = "Độc lập - Tự do - Hạnh phúc"
    c.paragraph(cell, motto, style="SoketsHeader", font=Font(bold=True, size=14))
    c.rule(cell, _text_width(motto, 14, bold=True), right - 2 * _CELL_MARGIN)
    bottom = c.row(tbl)
    cell = c.cell(bottom, left)
    p = c.paragraph(cell, "Số: ", style="SoketsHeader", space_before=120)
    number = values.report_number
    c.inline_control(
        p,
        FIELD_TAG + "report_number",
        "Số, ký hiệu",
        number or NUMBER_PLACEHOLDER,
        placeholder=number is None,
    )
    cell = c.cell(bottom, right)
    p = c.paragraph(cell, style="SoketsHeader", space_before=120)
    date_font = Font(italic=True, size=14)
    c.inline_control(p, FIELD_TAG + "place", "Địa danh", values.place, date_font)
    c.run(p, ", ", date_font)
    day = values.report_date
    c.inline_control(
        p,
        FIELD_TAG + "report_date",
        "Ngày báo cáo",
        date_words(day) if day else DATE_PLACEHOLDER,
        date_font,
        placeholder=day is None,
        day=day,
    )
    return tbl


def title_block(c: Composer, parent: Element, unit: Unit) -> None:
    """ "BÁO CÁO", the subject line with a rule under it, and the opening sentence."""
    c.paragraph(parent, "BÁO CÁO", style="SoketsTitle")
    c.paragraph(parent, SUBJECT, style="SoketsSubject")
    c.rule(parent, mm(50), TEXT_WIDTH, space_after=240)
    c.paragraph(parent, lead_in(unit))


def signature_block(c: Composer, parent: Element, values: Heading) -> Element:
    """The closing table: "Nơi nhận:" and its list on the left; the signer on the right."""
    left, right = SIGNATURE_COLUMNS
    tbl = c.table(parent, SIGNATURE_COLUMNS, borders=False, caption="Nơi nhận, chữ ký")
    tr = c.row(tbl)
    cell = c.cell(tr, left)
    c.paragraph(
        cell,
        "Nơi nhận:",
        style="SoketsRecipients",
        font=Font(bold=True, italic=True, size=12),
        space_before=120,
    )
    box = c.block_control(cell, FIELD_TAG + "recipients", "Nơi nhận")
    for recipient in values.recipients or ("",):
        c.paragraph(box, f"- {recipient}" if recipient else "", style="SoketsRecipients")
    cell = c.cell(tr, right)
    signer = Font(bold=True, caps=True)
    box = c.block_control(cell, FIELD_TAG + "signer_authority", "Quyền hạn ký")
    if values.signer_authority is None:
        c.placeholder(box, AUTHORITY_PLACEHOLDER, style="SoketsSigner")
    else:
        for line in values.signer_authority or ("",):
            c.paragraph(box, line, style="SoketsSigner", font=signer, space_before=120)
    box = c.block_control(cell, FIELD_TAG + "signer_title", "Chức vụ")
    if values.signer_title is None:
        c.placeholder(box, TITLE_PLACEHOLDER, style="SoketsSigner")
    else:
        c.paragraph(box, values.signer_title, style="SoketsSigner", font=signer)
    for _ in range(SIGNATURE_SPACE):
        c.paragraph(cell, style="SoketsSigner")
    box = c.block_control(cell, FIELD_TAG + "signer_name", "Họ và tên")
    if values.signer_name is None:
        c.placeholder(box, NAME_PLACEHOLDER, style="SoketsSigner")
    else:
        c.paragraph(box, values.signer_name, style="SoketsSigner")
    return tbl


def appendix_heading(
    c: Composer, parent: Element, number: str, title: str, attached_to: str, *, new_page: bool
) -> None:
    """ "Phụ lục 02", its title in capitals, and what it is attached to, with a rule under."""
    c.paragraph(parent, f"Phụ lục {number}", style="SoketsSubject", page_break_before=new_page)
    c.paragraph(parent, title.upper(), style="SoketsSubject")
    c.paragraph(parent, f"({attached_to})", style="SoketsCentered", font=ITALIC)
    c.rule(parent, mm(50), LANDSCAPE_TEXT_WIDTH, space_after=240)


def item_tag(item_id: str) -> str:
    """The content-control tag of an item's answer area."""
    return ITEM_TAG + item_id


def table_tag(form: str) -> str:
    """The content-control tag of an appendix table."""
    return TABLE_TAG + form


# -- the package -------------------------------------------------------------------------------

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
    """The text custom properties of a document (empty if it has none)."""
    try:
        part = document.part.package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return {}
    try:
        root = parse_xml(part.blob)
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for prop in root.iterfind(f"{{{_CUSTOM_NS}}}property"):
        value = prop.find(f"{{{_VT_NS}}}lpwstr")
        name = prop.get("name")
        if name and value is not None:
            out[name] = value.text or ""
    return out


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


def finish(document: Any, c: Composer) -> bytes:
    """Move the composed body into ``document`` (before its last section) and save it."""
    body = document.element.body
    sect = body.find(w("sectPr"))
    for child in list(c.body):
        sect.addprevious(child)
    etree.cleanup_namespaces(body, top_nsmap=NSMAP)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
