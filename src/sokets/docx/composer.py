"""Building a document body as WordprocessingML, directly with lxml.

:class:`Composer` appends paragraphs, runs, tables and content controls (``w:sdt``) to a body
element: an order of magnitude faster than python-docx's object API, and it gives the content
controls the reader relies on (see :mod:`sokets.docx.markers`). :class:`Font` is direct run
formatting; :func:`w` and :func:`sub` name and create ``w:`` elements; :func:`mm` converts
millimetres to twips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from sokets.docx.formats import lines_of_text, xml_text
from sokets.docx.markers import FIELD_TAG, PLACEHOLDER_TAG

Element = Any
"""An lxml element (lxml ships no type information)."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS}

# Geometry in twentieths of a point (twips): 1 mm = 56.7 twips.
_TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * _TWIPS_PER_MM)


CELL_MARGIN = 80
"""Twips each side of a table cell."""

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


@dataclass(frozen=True)
class Font:
    """Direct run formatting (``None``: as the style says)."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    caps: bool | None = None
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
    if font.caps is not None:
        sub(rpr, "caps", val="1" if font.caps else "0")
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

    def placeholder(
        self, parent: Element, text: str, *, style: str | None = None, caps: bool | None = None
    ) -> Element:
        """A hint to type over: a content control showing ``text`` in grey, never read back.

        What is typed over it takes the paragraph's ``style``; ``caps=False`` shows the hint
        itself as written where that style sets capitals.
        """
        content = self.block_control(
            parent, PLACEHOLDER_TAG, "Nhập nội dung", lock=False, placeholder=True
        )
        p = self.paragraph(content, style=style)
        self.run(p, text, Font(color=HINT_COLOR, caps=caps), style="PlaceholderText")
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
        sub(margins, "left", w=str(CELL_MARGIN), type="dxa")
        sub(margins, "right", w=str(CELL_MARGIN), type="dxa")
        sub(pr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0", noHBand="0")
        if caption:
            sub(pr, "tblCaption", val=caption)
        grid = sub(tbl, "tblGrid")
        for width in widths:
            sub(grid, "gridCol", w=str(width))
        return tbl

    def row(self, tbl: Element, *, header: bool = False) -> Element:
        """A table row, never split across pages; a header row repeats at the top of each page."""
        tr = sub(tbl, "tr")
        pr = sub(tr, "trPr")
        sub(pr, "cantSplit")
        if header:
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
