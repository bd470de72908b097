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
from sokets.docx.compose import PL02_HEADERS, PL03_HEADERS, compose, heading_text
from sokets.docx.composer import Element, w
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
    is_placeholder,
    paragraph_text,
    paragraphs_of,
    row_texts,
    rows_of,
    sdt_text,
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
from sokets.docx.outline import INDICATOR_HINT, outline_skeleton
from sokets.findings import Finding, FindingType
from sokets.outline import Outline, OutlineItem
from sokets.units import Unit, get_registry

_KEEP = "keep"
_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_RECIPIENTS = "Nơi nhận:"


@dataclass
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
        self.findings: list[Finding] = []
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
        self.special: dict[str, Element] = {}
        self.special_kind: str | None = None
        self.special_texts: list[tuple[str, str, str]] = []
        self.heading_places: dict[str, str] = {}
        self.paragraph_no: dict[Element, int] = {}
        self.table_no: dict[Element, int] = {}
        self.roles: dict[str, OutlineItem | str | None] = {}
        for item in outline.walk():
            self.roles[squash(heading_text(item))] = item if item.is_answerable else None
            if item.guidance:
                self.roles[squash(item.guidance)] = _KEEP
        for hint in (*HINTS, squash(INDICATOR_HINT)):
            self.roles[hint] = _KEEP

    # numbering
    def number(self, body: Element) -> None:
        n_p = n_t = 0
        for element in body.iter(W_P, W_TBL):
            if element.tag == W_TBL:
                if not any(a.tag == W_TBL for a in element.iterancestors()):
                    n_t += 1
                    self.table_no[element] = n_t
            elif not any(a.tag == W_TBL for a in element.iterancestors()):
                n_p += 1
                self.paragraph_no[element] = n_p

    def find(self, kind: FindingType, location: str, /, **params: Any) -> None:
        self.findings.append(kind.at(location, **params))

    # blocks
    def walk(self, container: Element, place: str | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, place)
            elif tag == W_TBL:
                self.table(child, place)
            elif tag == W_SDT:
                self.sdt(child, place)
            elif tag in TRANSPARENT:
                self.walk(child, place)

    def where(self, p: Element, place: str | None) -> str:
        return place or f"paragraph {self.paragraph_no.get(p, 0)}"

    def paragraph(self, p: Element, place: str | None) -> None:
        location = self.where(p, place)
        if self.area is not None:
            collected = Collected()
            collect(p, collected, fields=False)
            if collected.objects:
                self.find(NOT_TEXT, location, item=self.area.item.id)
            for line in collected.text.split("\n"):
                self.area.add_text(line)
            return
        collected = Collected()
        collect(p, collected, fields=True)
        for sdt in collected.fields:
            self.inline_field(sdt, location)
        text = squash(collected.text)
        if not text:
            return
        if self.fixed is None:
            self.collected.add(text)
            return
        if text in self.fixed or ATTACHED.match(text):
            if self.special_kind is None:
                self.after = text[:60] + ("…" if len(text) > 60 else "")
                self.heading_places.setdefault(text, location)
                role = self.roles.get(text)
                if role != _KEEP:
                    self.context = role if isinstance(role, OutlineItem) else None
            return
        if self.special_kind is not None:
            self.special_texts.append((self.special_kind, location, text))
            return
        self.loose.append(_Loose(location, self.context, self.after, text=collected.text))

    def sdt(self, sdt: Element, place: str | None) -> None:
        tag = tag_of(sdt)
        content = sdt.find(W_SDT_CONTENT)
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
                    self.appendix(child, form)
                else:
                    self.walk_one(child, place)
        elif tag == PLACEHOLDER_TAG or is_placeholder(sdt):
            for child in content:
                if child.tag == W_P and squash(paragraph_text(child)) in HINTS:
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
        if place:
            return place
        for p in sdt.iter(W_P):
            if p in self.paragraph_no:
                return f"paragraph {self.paragraph_no[p]}"
        for tbl in sdt.iter(W_TBL):
            if tbl in self.table_no:
                return f"table {self.table_no[tbl]}"
        return "document"

    def unknown(self, tag: str, content: Element, sdt: Element, place: str | None) -> None:
        self.find(UNKNOWN_MARKER, self.location_of(sdt, place), tag=tag, form=self.outline.form)
        outer, self.area = self.area, None
        self.walk(content, place)
        self.area = outer

    def item(self, item_id: str, content: Element, sdt: Element, place: str | None) -> None:
        leaf = self.leaves.get(item_id)
        if leaf is None:
            self.unknown(ITEM_TAG + item_id, content, sdt, place)
            return
        if item_id in self.answers:
            copy = Answer(leaf)
            outer, self.area = self.area, copy
            self.walk(content, place)
            self.area = outer
            text = " ".join(
                [*copy.results, *copy.typical_cases, *copy.difficulties, *copy.proposals]
            )
            self.find(
                AREA_DUPLICATE,
                self.location_of(sdt, place),
                what=f"mục {item_id}",
                text=snippet(text),
            )
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
        self,
        name: str,
        value: list[str],
        sdt: Element,
        place: str | None,
        picked: str | None = None,
    ) -> None:
        if name not in FIELDS:
            self.find(
                UNKNOWN_MARKER,
                self.location_of(sdt, place),
                tag=FIELD_TAG + name,
                form=self.outline.form,
            )
            return
        self.field_places.setdefault(name, self.location_of(sdt, place))
        if name in self.fields:
            self.find(
                AREA_DUPLICATE,
                self.location_of(sdt, place),
                what=name,
                text=snippet(" ".join(value)),
            )
            return
        self.fields[name] = value if picked is None else (" ".join(value), picked)

    def inline_field(self, sdt: Element, location: str) -> None:
        name = tag_of(sdt)[len(FIELD_TAG) :] if tag_of(sdt).startswith(FIELD_TAG) else tag_of(sdt)
        text = "" if is_placeholder(sdt) and sdt_text(sdt) in PLACEHOLDERS else sdt_text(sdt)
        picked = None
        pr = sdt.find(W_SDT_PR)
        picker = pr.find(w("date")) if pr is not None else None
        if picker is not None:
            picked = (picker.get(w("fullDate")) or "")[:10]
        if self.area is None and self.fixed is not None:
            self.store_field(name, [text] if text else [], sdt, location, picked)

    def block_field(self, name: str, content: Element, sdt: Element, place: str | None) -> None:
        if self.area is not None:
            self.walk(content, place)
            return
        lines = []
        for p in paragraphs_of(content):
            text = squash(paragraph_text(p))
            if text and text not in PLACEHOLDERS:
                lines.append(text)
        if self.fixed is not None:
            self.store_field(name, lines, sdt, place)

    # tables
    def table(self, tbl: Element, place: str | None) -> None:
        number = self.table_no.get(tbl)
        rows = list(rows_of(tbl))
        if self.area is not None:
            self.area_table(rows, place or f"table {number}")
            return
        texts = [row_texts(tr) for tr in rows]
        first = texts[0] if texts else []
        if self.fixed is not None and self.special_kind is None:
            if headers_match(first, PL03_HEADERS, 3):
                self.appendix(tbl, "PL03")
                return
            if headers_match(first, PL02_HEADERS, 3):
                self.appendix(tbl, "PL02")
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
        for r, tr in enumerate(rows, start=1):
            for tc in cells_of(tr):
                self.walk(tc, place or f"table {number} row {r}")

    def special_table(
        self, kind: str, tbl: Element, rows: list[Element], number: int | None
    ) -> None:
        """The header or the signature table: fields by marker, the rest fixed or kept aside."""
        self.special.setdefault(kind, tbl)
        outer, self.special_kind = self.special_kind, kind
        for r, tr in enumerate(rows, start=1):
            for tc in cells_of(tr):
                self.walk(tc, f"table {number} row {r}")
        self.special_kind = outer

    def area_table(self, rows: list[Element], location: str) -> None:
        """A table in the current answer area (see :meth:`Answer.read_table`)."""
        assert self.area is not None
        self.area.read_table(rows, location, self.find)

    def appendix(self, tbl: Element, form: str) -> None:
        """A Phụ lục 02 or 03 table: its rows added to what was read of that table."""
        if self.fixed is None:
            return
        rows = appendix_rows(rows_of(tbl), form, f"table {self.table_no.get(tbl)}", self.find)
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
                answer = self.answers.setdefault(leaf.id, Answer(leaf))
                outer, self.area = self.area, answer
                if loose.table is not None:
                    self.area_table(list(rows_of(loose.table)), loose.location)
                else:
                    for line in loose.text.split("\n"):
                        answer.add_text(line)
                self.area = outer
                if answer.to_json():
                    placed.setdefault(leaf.id, loose.location)
            elif loose.table is not None:
                for r, tr in enumerate(rows_of(loose.table), start=1):
                    cells = row_texts(tr)
                    if any(cell.strip() for cell in cells):
                        self.find(
                            TEXT_OUTSIDE,
                            f"{loose.location} row {r}",
                            after=loose.after,
                            text=snippet(" | ".join(cells)),
                        )
            else:
                self.find(TEXT_OUTSIDE, loose.location, after=loose.after, text=snippet(loose.text))
        for item_id, location in placed.items():
            self.find(PLACED_BY_POSITION, location, item=item_id)
        for leaf in self.outline.leaves_for(self.unit):
            if leaf.id not in self.areas and leaf.id not in placed:
                where = self.heading_places.get(squash(heading_text(leaf)), "document")
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
            used |= self.signature_by_position(signature)
        for kind, location, text in self.special_texts:
            if text not in used:
                self.find(TEXT_OUTSIDE, location, after=kind, text=snippet(text))

    def signature_by_position(self, tbl: Element) -> set[str]:
        rows = list(rows_of(tbl))
        cells = list(cells_of(rows[0])) if rows else []
        if len(cells) < 2:
            return set()
        location = f"table {self.table_no.get(tbl)} row 1"
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
    """Every text the outline of a unit prints outside its answer areas (headings, guidance…)."""
    unit = get_registry().get(unit_code)
    skeleton = outline_skeleton(unit)
    composer = compose(skeleton)
    reading = Reading(unit, skeleton.outline, None)
    reading.walk(composer.body)
    texts = set(reading.collected) | HINTS
    for item in skeleton.outline.walk():
        texts.add(squash(heading_text(item)))
        if item.guidance:
            texts.add(squash(item.guidance))
    return frozenset(texts)
