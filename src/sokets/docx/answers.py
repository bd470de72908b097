"""What an answer area holds: text split into its parts, figures and indicators from tables.

An :class:`Answer` collects what the walk finds in one area, in order: each paragraph's text
(:meth:`Answer.add_text`: a part label switches the part, ``Số liệu: …`` is a figure) and each
table (:meth:`Answer.read_table`: a figures or indicators table by its header row, any other
table as text rows). Rows that cannot be read are findings, reported through ``find``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sokets.docx.codes import FIGURE_UNREADABLE, INDICATOR_UNREADABLE, Find
from sokets.docx.composer import Element
from sokets.docx.extract import HINTS, fold, row_texts
from sokets.docx.formats import parse_date, parse_int, parse_number, squash
from sokets.docx.markers import FIGURE_COLUMNS, INDICATOR_COLUMNS, NO, PART_LABEL_VARIANTS, YES
from sokets.outline import IndicatorKind, OutlineItem

_LABELS = [
    (re.compile(rf"^\s*(?:{'|'.join(re.escape(v) for v in variants)})\s*:\s*", re.IGNORECASE), part)
    for part, variants in PART_LABEL_VARIANTS.items()
]
_FIGURE_SENTENCE = re.compile(
    r"^(?P<name>.+):\s+(?P<value>[-+−]?\d(?:[\d.,]*\d)?(?:[eE][-+]?\d+)?)"
    r"(?:\s+(?P<unit>[^()]*?))?"
    r"(?:\s*\(tính đến ngày\s+(?P<as_of>[^)]*)\))?\s*[.;]?$"
)
BULLET = re.compile(r"^\s*[-+•–]\s?")


_SHORTEST_HINT = min(len(hint) for hint in HINTS)


def _label(text: str) -> tuple[str, str] | None:
    if ":" not in text:  # every label ends with a colon
        return None
    for pattern, part in _LABELS:
        match = pattern.match(text)
        if match:
            return part, text[match.end() :]
    return None


def _figure_from_sentence(text: str) -> dict[str, Any] | None:
    match = _FIGURE_SENTENCE.match(squash(text))
    if not match:
        return None
    value = parse_number(match["value"])
    if value is None:
        return None
    figure: dict[str, Any] = {"name": match["name"].strip(), "value": value}
    if match["unit"]:
        figure["unit"] = match["unit"].strip()
    if match["as_of"]:
        day = parse_date(match["as_of"])
        if day is None:
            return None
        figure["as_of"] = day.isoformat()
    return figure


@dataclass
class Answer:
    """What was read in one answer area."""

    item: OutlineItem
    results: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    typical_cases: list[str] = field(default_factory=list)
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    indicators: dict[str, Any] = field(default_factory=dict)
    part: str = "results"

    def add_text(self, text: str) -> None:
        text = text.strip()
        if not text or (len(text) >= _SHORTEST_HINT and squash(text) in HINTS):
            return
        labelled = _label(text)
        if labelled is not None:
            part, rest = labelled
            if part == "figures":
                figure = _figure_from_sentence(rest) if rest.strip() else None
                if figure is not None:
                    self.figures.append(figure)
                elif rest.strip():
                    self._append(text)
                return
            self.part = part
            text = rest.strip()
            if not text:
                return
        self._append(text)

    def _append(self, text: str) -> None:
        if self.part == "typical_cases":
            self.typical_cases.append(BULLET.sub("", text, count=1).strip())
        else:
            target: list[str] = getattr(self, self.part)
            target.append(text)

    def is_empty(self) -> bool:
        """Whether nothing was read into this answer (what :meth:`to_json` would leave out)."""
        return not (
            self.results
            or self.figures
            or any(self.typical_cases)
            or self.difficulties
            or self.proposals
            or self.indicators
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.results:
            out["results"] = "\n".join(self.results)
        if self.figures:
            out["figures"] = self.figures
        if self.typical_cases:
            out["typical_cases"] = [c for c in self.typical_cases if c]
        if self.difficulties:
            out["difficulties"] = "\n".join(self.difficulties)
        if self.proposals:
            out["proposals"] = "\n".join(self.proposals)
        if self.indicators:
            out["indicators"] = self.indicators
        return out

    def read_table(self, rows: Iterable[Element], location: str, find: Find) -> None:
        """A table in an answer area: figures, indicators or text rows, by its header rows.

        A header row may also stand inside a table (two tables joined by an editor): the rows
        after it are read the way it says.
        """
        mode = "text"
        for r, tr in enumerate(rows, start=1):
            row = row_texts(tr)
            if headers_match(row, FIGURE_COLUMNS, 2):
                mode = "figures"
            elif row and fold(row[0]) == fold(INDICATOR_COLUMNS[0]):
                mode = "indicators"
            elif mode == "figures":
                self.figure_row(row, f"{location} row {r}", find)
            elif mode == "indicators":
                self.indicator_row(row, f"{location} row {r}", find)
            elif any(cell.strip() for cell in row):
                self._append(" | ".join(cell.replace("\n", " ") for cell in row))

    def figure_row(self, row: list[str], location: str, find: Find) -> None:
        cells = [*row, "", "", "", ""][:4]
        if not any(c.strip() for c in row):
            return
        text = " | ".join(row)
        name, value_text, unit, as_of = (squash(c) for c in cells)
        value = parse_number(value_text)
        if not name:
            find(FIGURE_UNREADABLE, location, reason="thiếu tên số liệu / no name", text=text)
            return
        if value is None:
            find(
                FIGURE_UNREADABLE,
                location,
                reason="giá trị không phải số / value is not a number",
                text=text,
            )
            return
        figure: dict[str, Any] = {"name": name, "value": value}
        if unit:
            figure["unit"] = unit
        if as_of:
            day = parse_date(as_of)
            if day is None:
                find(
                    FIGURE_UNREADABLE,
                    location,
                    reason="ngày không đúng dạng ngày/tháng/năm / bad date",
                    text=text,
                )
                return
            figure["as_of"] = day.isoformat()
        self.figures.append(figure)

    def indicator_row(self, row: list[str], location: str, find: Find) -> None:
        label, value, total, percent = (squash(c) for c in [*row, "", "", "", ""][:4])
        if not (value or total or percent):
            return
        text = " | ".join(row)
        wanted = fold(label)
        indicator = next((i for i in self.item.indicators if fold(i.label) == wanted), None)
        if indicator is None:
            find(
                INDICATOR_UNREADABLE,
                location,
                reason="không có chỉ số này ở mục / unknown indicator",
                text=text,
            )
            return
        if indicator.kind is IndicatorKind.RATIO:
            numerator, denominator = parse_int(value), parse_int(total)
            stated = parse_number(percent) if percent else None
            if not (value or total) and stated is not None:  # a rate given as a percent alone
                self.indicators[indicator.id] = {"percent": stated}
                return
            if numerator is None or denominator is None or (percent and stated is None):
                find(
                    INDICATOR_UNREADABLE,
                    location,
                    reason="tỷ lệ cần số đạt và tổng số là số nguyên / a rate needs two "
                    "whole numbers",
                    text=text,
                )
                return
            ratio: dict[str, Any] = {"numerator": numerator, "denominator": denominator}
            if stated is not None:
                ratio["percent"] = stated
            self.indicators[indicator.id] = ratio
            return
        if total or percent:
            find(
                INDICATOR_UNREADABLE,
                location,
                reason="chỉ ghi ở cột “Kết quả” / only the “Kết quả” column is used",
                text=text,
            )
            return
        if indicator.kind is IndicatorKind.YES_NO:
            answer = {
                fold(YES): True,
                "co": True,
                "x": True,
                fold(NO): False,
                "khong": False,
            }.get(fold(value))
            if answer is None:
                find(
                    INDICATOR_UNREADABLE,
                    location,
                    reason="ghi “Có” hoặc “Không” / write Có or Không",
                    text=text,
                )
                return
            self.indicators[indicator.id] = answer
            return
        count = parse_int(value)
        if count is None:
            find(
                INDICATOR_UNREADABLE,
                location,
                reason="số lượng phải là số nguyên / a count is a whole number",
                text=text,
            )
            return
        self.indicators[indicator.id] = count


def headers_match(row: list[str], expected: tuple[str, ...], at_least: int) -> bool:
    """Whether the first ``at_least`` cells of ``row`` are the ``expected`` headers."""
    if len(row) < at_least:
        return False
    return all(fold(a) == fold(b) for a, b in zip(row[:at_least], expected, strict=False))
