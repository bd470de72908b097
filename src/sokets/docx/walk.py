"""The walk over a document body: answer areas, fields, tables, and what lies outside them.

:class:`Reading` visits the body in order. What is inside an item's area becomes that item's
:class:`~sokets.docx.answers.Answer`; header and signature fields are read from their content
controls; appendix tables from theirs or by their column headers. Text the outline printed itself
(:func:`fixed_texts`) is skipped. Anything else is loose content, settled after the walk: placed
into an item by position when the item's own area is gone, reported (``D001``) otherwise. Header
and signature fields whose markers were lost are then read by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from sokets.docx.answers import Answer, headers_match
from sokets.docx.appendix import appendix_rows
from sokets.docx.codes import (
    AREA_DUPLICATE,
    AREA_MISSING,
    FIELD_BY_POSITION,
    FIELD_NAMES,
    NOT_TEXT,
    PLACED_BY_POSITION,
    TEXT_OUTSIDE,
    UNKNOWN_MARKER,
)
from sokets.docx.compose import (
    PL02_HEADERS,
    PL03_HEADERS,
    compose,
    guided_heading,
    heading_text,
)
from sokets.docx.composer import NSMAP, Element, w
from sokets.docx.extract import (
    ATTACHED,
    HINTS,
    PLACEHOLDERS,
    TRANSPARENT,
    W_P,
    W_SDT,
    W_SDT_CONTENT,
    W_SDT_PR,
    W_TBL,
    Collected,
    cells_of,
    collect,
    first_child,
    is_placeholder,
    paragraph_text,
    paragraphs_of,
    row_texts,
    rows_of,
    sdt_text,
    simple_text,
    snippet,
    tag_of,
)
from sokets.docx.formats import parse_date, squash
from sokets.docx.markers import (
    DOCUMENT_TAG,
    FIELD_TAG,
    FIELDS,
    ITEM_TAG,
    PLACEHOLDER_TAG,
    TABLE_TAG,
    TAG_PREFIX,
)
from sokets.docx.outline import INDICATOR_HINT, former_outline_texts, outline_skeleton
from sokets.findings import FindingList, FindingType
from sokets.outline import Outline, OutlineItem
from sokets.units import Unit, get_registry

#: Paragraphs under an element that are not in a table (for parts the walk does not visit).
_COUNT_PARAGRAPHS = etree.XPath("count(descendant::w:p[not(ancestor::w:tbl)])", namespaces=NSMAP)
#: Rows looked at to recognise the header and signature tables (they have one or two).
_SPECIAL_ROWS = 4
_W_DATE = w("date")
_KEEP = "keep"
_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_RECIPIENTS = "Nơi nhận:"


@dataclass(slots=True)
class _Loose:
    """Content outside every answer area, settled once the whole body has been read."""

    location: str
    leaf: OutlineItem | None
    after: str
    text: str = ""
    table: Element | None = None


class Reading:
    """One pass over a document body.

    With ``fixed`` = None the pass only collects the texts printed outside answer areas (to learn
    an outline's fixed text); otherwise it reads answers, fields and appendix tables, and keeps
    what lies outside every area as loose content: under the heading of an item whose area is
    missing it is placed into that item by position, anywhere else it is reported.
    """

    def __init__(self, unit: Unit, outline: Outline, fixed: frozenset[str] | None) -> None:
        self.unit = unit
        self.outline = outline
        self.leaves = {leaf.id: leaf for leaf in outline.leaves()}
        self.fixed = fixed
        self.collected: set[str] = set()
        self.findings = FindingList()
        self.answers: dict[str, Answer] = {}
        self.areas: set[str] = set()
        self.fields: dict[str, list[str] | tuple[str, str | None]] = {}
        self.field_places: dict[str, str] = {}
        self.pl02: list[dict[str, Any]] | None = None
        self.pl03: list[dict[str, Any]] | None = None
        self.area: Answer | None = None
        self.after = "đầu văn bản"
        self.context: OutlineItem | None = None
        self.loose: list[_Loose] = []
        self.outside = 0  # loose paragraphs kept that can only be reported
        self.special: dict[str, tuple[Element, int | None]] = {}
        self.special_kind: str | None = None
        self.special_texts: list[tuple[str, str, str]] = []
        self.heading_places: dict[str, str] = {}
        # Locations: paragraphs and tables outside tables are numbered from the top, in the
        # order the walk meets them (paragraphs in content controls and text boxes count).
        self.paragraphs = 0
        self.tables = 0
        self.in_table = 0
        self.roles: dict[str, OutlineItem | str | None] = {}
        for item in outline.walk():
            role = item if item.is_answerable else None
            self.roles[squash(heading_text(item))] = role
            self.roles[squash(guided_heading(item))] = role
            if item.guidance:
                self.roles[squash(item.guidance)] = _KEEP
        for hint in (*HINTS, squash(INDICATOR_HINT)):
            self.roles[hint] = _KEEP

    # numbering
    def skip(self, element: Element) -> None:
        """Count the paragraphs of a part of the body the walk does not visit (itself included
        if it is one)."""
        if not self.in_table:
            self.paragraphs += int(element.tag == W_P)
            if len(element):
                self.paragraphs += int(_COUNT_PARAGRAPHS(element))

    def find(self, kind: FindingType, location: str, /, **params: Any) -> None:
        """Report a finding (at most :data:`~sokets.findings.MAX_FINDINGS_PER_CODE` per code)."""
        if self.findings.has_room(kind.code):
            self.findings.add(kind.at(location, **params))
        else:
            self.findings.skip(kind.code)

    # blocks
    def walk(self, container: Element, place: str | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                if len(child):
                    self.paragraph(child, place)
                elif not self.in_table:  # an empty paragraph: only counted
                    self.paragraphs += 1
            elif tag == W_TBL:
                self.table(child, place)
            elif tag == W_SDT:
                self.sdt(child, place)
            elif tag in TRANSPARENT:
                self.walk(child, place)
            else:
                self.skip(child)

    def paragraph(self, p: Element, place: str | None) -> None:
        if not self.in_table:
            self.paragraphs += 1
        if place is None:
            place = f"paragraph {self.paragraphs}"
        raw = simple_text(p)
        collected = None
        if raw is None:
            collected = Collected()
            collect(p, collected, fields=self.area is None)
            raw = collected.text
            if collected.objects and not self.in_table:  # text boxes hold paragraphs too
                self.paragraphs += int(_COUNT_PARAGRAPHS(p))
        if self.area is not None:
            if collected is not None and collected.objects:
                self.find(NOT_TEXT, place, item=self.area.item.id)
            for line in raw.split("\n"):
                self.area.add_text(line)
            return
        for sdt in collected.fields if collected is not None else ():
            self.inline_field(sdt, place)
        text = squash(raw)
        if not text:
            return
        location = place
        if self.fixed is None:
            self.collected.add(text)
            return
        if text in self.fixed or (text[0] == "(" and ATTACHED.match(text)):
            if self.special_kind is None:
                self.after = text[:60] + ("…" if len(text) > 60 else "")
                role = self.roles.get(text)
                if isinstance(role, OutlineItem):
                    self.heading_places.setdefault(role.id, location)
                if role != _KEEP:
                    self.context = role if isinstance(role, OutlineItem) else None
            return
        if self.special_kind is not None:
            self.special_texts.append((self.special_kind, location, text))
            return
        leaf = self.context
        if leaf is None or leaf.id in self.areas:  # reported (D001) whatever comes later
            if self.outside >= self.findings.limit:  # after as many: only counted
                self.findings.skip(TEXT_OUTSIDE.code)
                return
            self.outside += 1
        self.loose.append(_Loose(location, leaf, self.after, raw))

    def sdt(self, sdt: Element, place: str | None) -> None:
        tag = tag_of(sdt)
        content = first_child(sdt, W_SDT_CONTENT)
        if content is None:
            return
        if tag.startswith(ITEM_TAG):
            self.item(tag[len(ITEM_TAG) :], content, sdt, place)
        elif tag.startswith(FIELD_TAG):
            self.block_field(tag[len(FIELD_TAG) :], content, sdt, place)
        elif tag.startswith(TABLE_TAG):
            form = tag[len(TABLE_TAG) :]
            for child in content:
                if child.tag == W_TBL and form in ("PL02", "PL03"):
                    self.appendix(child, form, self.count_table())
                else:
                    self.walk_one(child, place)
        elif tag == PLACEHOLDER_TAG or is_placeholder(sdt):
            for child in content:
                if child.tag == W_P and squash(paragraph_text(child)) in HINTS:
                    self.skip(child)
                    continue
                self.walk_one(child, place)
        elif tag.startswith(DOCUMENT_TAG) or not tag.startswith(TAG_PREFIX):
            self.walk(content, place)
        else:
            self.unknown(tag, content, sdt, place)

    def walk_one(self, child: Element, place: str | None) -> None:
        holder = [child]
        self.walk(holder, place)

    def location_of(self, sdt: Element, place: str | None) -> str:
        """Where a content control not walked yet starts: ``place``, else its first paragraph
        outside tables, else its first table."""
        if place:
            return place
        if not self.in_table:
            for p in sdt.iter(W_P):
                if not any(a.tag == W_TBL for a in p.iterancestors()):
                    return f"paragraph {self.paragraphs + 1}"
            if next(sdt.iter(W_TBL), None) is not None:
                return f"table {self.tables + 1}"
        return "document"

    def unknown(self, tag: str, content: Element, sdt: Element, place: str | None) -> None:
        if self.findings.has_room(UNKNOWN_MARKER.code):
            self.find(UNKNOWN_MARKER, self.location_of(sdt, place), tag=tag, form=self.outline.form)
        else:
            self.findings.skip(UNKNOWN_MARKER.code)
        outer, self.area = self.area, None
        self.walk(content, place)
        self.area = outer

    def item(self, item_id: str, content: Element, sdt: Element, place: str | None) -> None:
        leaf = self.leaves.get(item_id)
        if leaf is None:
            self.unknown(ITEM_TAG + item_id, content, sdt, place)
            return
        if item_id in self.answers:
            if not self.findings.has_room(AREA_DUPLICATE.code):
                self.findings.skip(AREA_DUPLICATE.code)
                self.skip(content)
                return
            location = self.location_of(sdt, place)
            copy = Answer(leaf)
            outer, self.area = self.area, copy
            self.walk(content, place)
            self.area = outer
            text = " ".join(
                [*copy.results, *copy.typical_cases, *copy.difficulties, *copy.proposals]
            )
            self.find(AREA_DUPLICATE, location, what=f"mục {item_id}", text=snippet(text))
            return
        answer = self.answers[item_id] = Answer(leaf)
        self.areas.add(item_id)
        outer, self.area = self.area, answer
        self.walk(content, place)
        self.area = outer
        self.after = f"mục {item_id}"
        self.context = leaf

    # fields
    def store_field(
        self, name: str, value: list[str], location: str, picked: str | None = None
    ) -> None:
        if name not in FIELDS:
            self.find(UNKNOWN_MARKER, location, tag=FIELD_TAG + name, form=self.outline.form)
            return
        self.field_places.setdefault(name, location)
        if name in self.fields:
            self.find(AREA_DUPLICATE, location, what=name, text=snippet(" ".join(value)))
            return
        self.fields[name] = value if picked is None else (" ".join(value), picked)

    def inline_field(self, sdt: Element, location: str) -> None:
        name = tag_of(sdt)[len(FIELD_TAG) :] if tag_of(sdt).startswith(FIELD_TAG) else tag_of(sdt)
        text = "" if is_placeholder(sdt) and sdt_text(sdt) in PLACEHOLDERS else sdt_text(sdt)
        picked = None
        pr = first_child(sdt, W_SDT_PR)
        picker = first_child(pr, _W_DATE) if pr is not None else None
        if picker is not None:
            picked = (picker.get(w("fullDate")) or "")[:10]
        if self.area is None and self.fixed is not None:
            self.store_field(name, [text] if text else [], location, picked)

    def block_field(self, name: str, content: Element, sdt: Element, place: str | None) -> None:
        if self.area is not None:
            self.walk(content, place)
            return
        location = self.location_of(sdt, place)
        self.skip(content)
        lines = []
        for p in paragraphs_of(content):
            text = squash(paragraph_text(p))
            if text and text not in PLACEHOLDERS:
                lines.append(text)
        if self.fixed is not None:
            self.store_field(name, lines, location)

    # tables
    def count_table(self) -> int | None:
        """The number of a table met now: counted if it is not inside another table."""
        if self.in_table:
            return None
        self.tables += 1
        return self.tables

    def table(self, tbl: Element, place: str | None) -> None:
        number = self.count_table()
        rows = list(rows_of(tbl))
        if self.area is not None:
            self.area_table(rows, place or f"table {number}")
            return
        texts = [row_texts(tr) for tr in rows[:_SPECIAL_ROWS]]
        first = texts[0] if texts else []
        if self.fixed is not None and self.special_kind is None:
            if headers_match(first, PL03_HEADERS, 3):
                self.appendix(tbl, "PL03", number)
                return
            if headers_match(first, PL02_HEADERS, 3):
                self.appendix(tbl, "PL02", number)
                return
            cells = [squash(cell) for row in texts for cell in row]
            if any(_NATION in cell for cell in cells):
                self.special_table("header", tbl, rows, number)
                return
            if any(cell.startswith(_RECIPIENTS) for cell in cells):
                self.special_table("signature", tbl, rows, number)
                return
            self.loose.append(_Loose(f"table {number}", self.context, self.after, table=tbl))
            return
        self.in_table += 1
        for r, tr in enumerate(rows, start=1):
            for tc in cells_of(tr):
                self.walk(tc, place or f"table {number} row {r}")
        self.in_table -= 1

    def special_table(
        self, kind: str, tbl: Element, rows: list[Element], number: int | None
    ) -> None:
        """The header or the signature table: fields by marker, the rest fixed or kept aside."""
        self.special.setdefault(kind, (tbl, number))
        outer, self.special_kind = self.special_kind, kind
        self.in_table += 1
        for r, tr in enumerate(rows, start=1):
            for tc in cells_of(tr):
                self.walk(tc, f"table {number} row {r}")
        self.in_table -= 1
        self.special_kind = outer

    def area_table(self, rows: list[Element], location: str) -> None:
        """A table in the current answer area (see :meth:`Answer.read_table`)."""
        assert self.area is not None
        self.area.read_table(rows, location, self.find)

    def appendix(self, tbl: Element, form: str, number: int | None) -> None:
        """A Phụ lục 02 or 03 table: its rows added to what was read of that table."""
        if self.fixed is None:
            return
        rows = appendix_rows(rows_of(tbl), form, f"table {number}", self.find)
        if form == "PL02":
            self.pl02 = (self.pl02 or []) + rows
        else:
            self.pl03 = (self.pl03 or []) + rows

    # after the walk
    def settle(self) -> None:
        """Place or report the loose content; note the areas that are missing."""
        placed: dict[str, str] = {}
        for loose in self.loose:
            leaf = loose.leaf
            if leaf is not None and leaf.id not in self.areas:
                answer = self.answers.get(leaf.id)
                if answer is None:
                    answer = self.answers[leaf.id] = Answer(leaf)
                if loose.table is not None:
                    answer.read_table(rows_of(loose.table), loose.location, self.find)
                else:
                    for line in loose.text.split("\n"):
                        answer.add_text(line)
                if leaf.id not in placed and not answer.is_empty():
                    placed[leaf.id] = loose.location
            elif loose.table is not None:
                for r, tr in enumerate(rows_of(loose.table), start=1):
                    cells = row_texts(tr)
                    if not any(cells):
                        continue
                    if not self.findings.has_room(TEXT_OUTSIDE.code):
                        self.findings.skip(TEXT_OUTSIDE.code)
                        continue
                    self.find(
                        TEXT_OUTSIDE,
                        f"{loose.location} row {r}",
                        after=loose.after,
                        text=snippet(" | ".join(cells)),
                    )
            elif not self.findings.has_room(TEXT_OUTSIDE.code):
                self.findings.skip(TEXT_OUTSIDE.code)
            else:
                self.find(TEXT_OUTSIDE, loose.location, after=loose.after, text=snippet(loose.text))
        for item_id, location in placed.items():
            self.find(PLACED_BY_POSITION, location, item=item_id)
        for leaf in self.outline.leaves_for(self.unit):
            if leaf.id not in self.areas and leaf.id not in placed:
                where = self.heading_places.get(leaf.id, "document")
                self.find(AREA_MISSING, where, item=leaf.id, title=snippet(leaf.title)[:80])

    def fallback_fields(self) -> None:
        """Read by position the header and signature fields whose markers were lost."""
        used: set[str] = set()
        header = [(loc, text) for kind, loc, text in self.special_texts if kind == "header"]
        if "report_number" not in self.fields:
            for location, text in header:
                match = re.match(r"^Số\s*:\s*(.*)$", text)
                if match and match[1].strip() and squash(match[1]) not in PLACEHOLDERS:
                    self.fields["report_number"] = [match[1].strip()]
                    self.find(FIELD_BY_POSITION, location, field="số, ký hiệu", text=text)
                    used.add(text)
                    break
        if "report_date" not in self.fields:
            for location, text in header:
                match = re.match(r"^(?P<place>[^,]*),\s*(?P<day>ngày\b.*)$", text, re.IGNORECASE)
                if match and parse_date(match["day"]):
                    self.fields["report_date"] = (match["day"], None)
                    self.fields.setdefault("place", [match["place"].strip()])
                    self.find(FIELD_BY_POSITION, location, field="địa danh, ngày", text=text)
                    used.add(text)
                    break
        signature = self.special.get("signature")
        wanted = ("recipients", "signer_authority", "signer_title", "signer_name")
        if signature is not None and not all(name in self.fields for name in wanted):
            used |= self.signature_by_position(*signature)
        for kind, location, text in self.special_texts:
            if text not in used:
                self.find(TEXT_OUTSIDE, location, after=kind, text=snippet(text))

    def signature_by_position(self, tbl: Element, number: int | None) -> set[str]:
        rows = list(rows_of(tbl))
        cells = list(cells_of(rows[0])) if rows else []
        if len(cells) < 2:
            return set()
        location = f"table {number} row 1"
        used: set[str] = set()
        left = [squash(paragraph_text(p)) for p in paragraphs_of(cells[0])]
        left = [t for t in left if t and t not in HINTS]
        if "recipients" not in self.fields and _RECIPIENTS in left:
            lines = left[left.index(_RECIPIENTS) + 1 :]
            self.fields["recipients"] = lines
            used |= set(lines)
            if lines:
                self.find(FIELD_BY_POSITION, location, field="nơi nhận", text=" ".join(lines))
        groups: list[list[str]] = [[]]
        for p in paragraphs_of(cells[1]):
            text = squash(paragraph_text(p))
            if text and text not in HINTS:
                groups[-1].append(text)
            elif groups[-1]:
                groups.append([])
        groups = [g for g in groups if g]
        if not groups:
            return used
        found: dict[str, list[str]] = {}
        if len(groups) >= 2:
            found["signer_name"] = [" ".join(groups[-1])]
        found["signer_title"] = groups[0][-1:]
        found["signer_authority"] = groups[0][:-1]
        for name, value in found.items():
            if name not in self.fields:
                self.fields[name] = value
                used |= set(value)
                if value:
                    self.find(
                        FIELD_BY_POSITION, location, field=FIELD_NAMES[name], text=" ".join(value)
                    )
        return used


# -- fixed text of an outline --------------------------------------------------------------------


@cache
def fixed_texts(unit_code: str) -> frozenset[str]:
    """Every text the outline of a unit prints outside its answer areas (headings, guidance…),
    and what outlines made by earlier versions of sokets printed instead."""
    unit = get_registry().get(unit_code)
    skeleton = outline_skeleton(unit)
    composer = compose(skeleton)
    reading = Reading(unit, skeleton.outline, None)
    reading.walk(composer.body)
    texts = set(reading.collected) | HINTS
    texts.update(squash(text) for text in former_outline_texts(unit))
    for item in skeleton.outline.walk():
        texts.add(squash(heading_text(item)))
        if item.guidance:
            texts.add(squash(item.guidance))
    return frozenset(texts)
