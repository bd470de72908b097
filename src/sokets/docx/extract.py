"""Text out of WordprocessingML: paragraphs, cells, rows and content controls, as a reader sees them.

Deleted text (``w:del``, ``w:moveFrom``) is left out, inserted text kept; tabs are ``\t`` and
line breaks ``\n``; text boxes are read, pictures only noted; a Markup Compatibility fallback
is skipped (its choice is read). Content controls are looked through, except a hint control
still showing one of the outline's hints (:func:`shows_hint`), which is never text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sokets.docx.composer import Element, w
from sokets.docx.formats import squash
from sokets.docx.layout import (
    AUTHORITY_PLACEHOLDER,
    DATE_PLACEHOLDER,
    FORMER_AUTHORITY_PLACEHOLDER,
    NAME_PLACEHOLDER,
    NUMBER_PLACEHOLDER,
    TITLE_PLACEHOLDER,
)
from sokets.docx.markers import PLACEHOLDER_TAG, TAG_PREFIX
from sokets.docx.outline import ANSWER_HINT

#: Longest quotation of a document's text in a finding.
SNIPPET = 200

W_P, W_TBL, W_SDT, W_TR, W_TC = w("p"), w("tbl"), w("sdt"), w("tr"), w("tc")
W_BODY = w("body")
_W_T, _W_TAB, _W_BR, _W_CR = w("t"), w("tab"), w("br"), w("cr")
W_SDT_PR, W_SDT_CONTENT = w("sdtPr"), w("sdtContent")
_W_TAG, _W_VAL, _W_SHOWING_HINT = w("tag"), w("val"), w("showingPlcHdr")
TRANSPARENT = frozenset(
    {
        w("customXml"),
        w("smartTag"),
        w("ins"),
        w("moveTo"),
        w("hyperlink"),
        w("fldSimple"),
        w("r"),
        w("dir"),
        w("bdo"),
    }
)
_SKIPPED = frozenset(
    {
        w("pPr"),
        w("rPr"),
        w("del"),
        w("moveFrom"),
        w("sdtPr"),
        w("sdtEndPr"),
        w("tcPr"),
        w("trPr"),
        w("tblPr"),
        w("tblGrid"),
    }
)
_OBJECTS = frozenset({w("drawing"), w("pict"), w("object")})
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TXBX = w("txbxContent")
PLACEHOLDERS = frozenset(
    squash(t)
    for t in (
        NUMBER_PLACEHOLDER,
        DATE_PLACEHOLDER,
        AUTHORITY_PLACEHOLDER,
        FORMER_AUTHORITY_PLACEHOLDER,
        TITLE_PLACEHOLDER,
        NAME_PLACEHOLDER,
    )
)
HINTS = PLACEHOLDERS | {squash(ANSWER_HINT)}
_HINTS_OR_EMPTY = HINTS | {""}
ATTACHED = re.compile(r"^\(Kèm theo Báo cáo\b.*\)$")


def snippet(text: str) -> str:
    """``text`` squashed and cut to :data:`SNIPPET` characters, to quote in a finding."""
    text = squash(text)
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def fold(text: str) -> str:
    """``text`` squashed and case-folded, to compare labels and headers."""
    return squash(text).casefold()


def first_child(element: Element, tag: str) -> Element | None:
    """The first child of ``element`` with ``tag`` (``find`` without its path parsing)."""
    for found in element:
        if found.tag == tag:
            return found
    return None


def tag_of(sdt: Element) -> str:
    """The tag of a content control (empty if it has none)."""
    pr = first_child(sdt, W_SDT_PR)
    if pr is None:
        return ""
    tag = first_child(pr, _W_TAG)
    return "" if tag is None else str(tag.get(_W_VAL, ""))


def is_placeholder(sdt: Element) -> bool:
    """Whether ``sdt`` is a hint control or says it shows its placeholder (``w:showingPlcHdr``).

    Neither makes its text a hint: Word keeps a hint's control when text is typed over it (and
    only drops the flag), other editors may keep the flag too. What is read is decided by the
    text (:func:`_shows_hint`).
    """
    pr = first_child(sdt, W_SDT_PR)
    return pr is not None and (
        first_child(pr, _W_SHOWING_HINT) is not None or tag_of(sdt) == PLACEHOLDER_TAG
    )


def shows_hint(sdt: Element) -> bool:
    """A placeholder control still holding one of the outline's hints (or nothing)."""
    return is_placeholder(sdt) and sdt_text(sdt) in _HINTS_OR_EMPTY


# -- text ----------------------------------------------------------------------------------------


@dataclass
class Collected:
    """Text of a paragraph, the sokets inline fields found in it, and whether it had objects."""

    parts: list[str] = field(default_factory=list)
    fields: list[Element] = field(default_factory=list)
    objects: bool = False

    @property
    def text(self) -> str:
        return "".join(self.parts)


def collect(node: Element, out: Collected, *, fields: bool) -> None:
    """Add the text under ``node`` to ``out``; with ``fields``, sokets controls are set aside."""
    for child in node:
        tag = child.tag
        if tag == _W_T:
            out.parts.append(child.text or "")
        elif tag == _W_TAB:
            out.parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            out.parts.append("\n")
        elif tag in _SKIPPED or tag == _MC_FALLBACK or not isinstance(tag, str):
            continue
        elif tag == W_SDT:
            if fields and tag_of(child).startswith(TAG_PREFIX):
                out.fields.append(child)
            elif not (is_placeholder(child) and sdt_text(child) in PLACEHOLDERS):
                collect(child, out, fields=fields)
        elif tag in _OBJECTS:
            out.objects = True
            for box in child.iter(_TXBX):
                for p in box.iter(W_P):
                    collect(p, out, fields=False)
                    out.parts.append("\n")
        else:
            collect(child, out, fields=fields)


_COMPLEX = frozenset({W_P, W_SDT, w("del"), w("moveFrom"), *_OBJECTS, _MC_FALLBACK})
_TAB_STOPS = w("tabs")


def simple_text(p: Element) -> str | None:
    """The text of a paragraph of plain runs (most are), fast; ``None`` for any other paragraph.

    A paragraph with content controls, deleted or moved text, pictures, Markup Compatibility
    fallbacks or paragraphs inside is left to :func:`collect`; for the others both read the
    same text (``w:t``, tabs and breaks; not the tab stops of the paragraph's properties).
    """
    parts = []
    found = p.iter()
    next(found)  # the paragraph itself
    for element in found:
        tag = element.tag
        if tag == _W_T:
            parts.append(element.text or "")
        elif tag == _W_TAB:
            if element.getparent().tag != _TAB_STOPS:
                parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            parts.append("\n")
        elif tag in _COMPLEX:
            return None
    return "".join(parts)


def sdt_text(sdt: Element) -> str:
    content = first_child(sdt, W_SDT_CONTENT)
    out = Collected()
    if content is not None:
        collect(content, out, fields=False)
    return squash(out.text)


def paragraph_text(p: Element) -> str:
    """The text of a paragraph: tabs as ``\\t``, line breaks as ``\\n``, deleted text left out."""
    text = simple_text(p)
    if text is not None:
        return text
    out = Collected()
    collect(p, out, fields=False)
    return out.text


def paragraphs_of(container: Element) -> Iterator[Element]:
    """Paragraphs of a container in order, skipping placeholders showing their hint."""
    for child in container:
        tag = child.tag
        if tag == W_P:
            yield child
        elif tag == W_SDT:
            if shows_hint(child):
                continue
            content = first_child(child, W_SDT_CONTENT)
            if content is not None:
                yield from paragraphs_of(content)
        elif tag in TRANSPARENT or tag == W_TBL:
            if tag == W_TBL:
                for tr in rows_of(child):
                    for tc in cells_of(tr):
                        yield from paragraphs_of(tc)
            else:
                yield from paragraphs_of(child)


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """Children of ``parent`` with ``tag``, looking through content controls and wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT or child.tag in TRANSPARENT:
            inner = first_child(child, W_SDT_CONTENT) if child.tag == W_SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def rows_of(tbl: Element) -> Iterator[Element]:
    """The rows of a table, looking through content controls around rows."""
    return _children(tbl, W_TR)


def cells_of(tr: Element) -> Iterator[Element]:
    """The cells of a row, looking through content controls around cells."""
    return _children(tr, W_TC)


def cell_text(tc: Element) -> str:
    """A cell's paragraphs joined by line breaks, ends stripped."""
    lines = [paragraph_text(p).strip() for p in paragraphs_of(tc)]
    return "\n".join(line for line in lines if line)


def row_texts(tr: Element) -> list[str]:
    """The text of each cell of a row."""
    return [cell_text(tc) for tc in cells_of(tr)]
