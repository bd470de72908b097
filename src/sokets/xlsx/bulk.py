"""Writing large tables fast: a sheet's cells as XML text, row by row.

openpyxl builds and styles a Python object for every cell, in write-only mode too: 20–50 µs a
cell, over a second for a province's consolidation (about 50,000 cells holding 2.6 million
characters). :class:`SheetRows` writes each sheet's cells as the ``<sheetData>`` of a sheet that
:mod:`sokets.xlsx.package` writes around them (styles, column widths, panes, print settings,
filters, merged ranges, charts).

* A cell's look is a :class:`Look`: a named style of :mod:`sokets.xlsx.styles` and a few
  overrides, registered once as a cell format of the workbook's stylesheet (:class:`Looks`).
* Text is an inline string, never a formula, a number or an error value, whatever it starts with;
  a leading ``=``, ``+``, ``-`` or ``@`` also gets Excel's quote prefix, as in the unit templates.
  Characters XML cannot carry are escaped (:func:`~sokets.xlsx.cells.encode_text`).
* A row is as tall as its tallest wrapped text (:func:`~sokets.xlsx.styles.text_lines`), and a
  text taller than a row can be is continued in the rows below
  (:func:`~sokets.xlsx.styles.split_text`), so that it prints whole.
* A text longer than a cell holds (32,767 characters) — which only a cell that does not wrap can
  meet — is cut with a visible mark, and its cell listed in :attr:`SheetRows.cuts`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sokets.xlsx import styles as sty
from sokets.xlsx.cells import FORMULA_STARTS, MAX_CELL_CHARS, NO, YES, column_letters, encode_text
from sokets.xlsx.package import CellFormat, Stylesheet, escape

#: Whole numbers from this size on are written as text: a spreadsheet keeps 15 digits.
_EXACT_INTEGERS = 10**15
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FIRST_DAY = date(1900, 3, 1)
#: The longest text a label column remembers (a name, not a cut text).
_LABEL_CHARS = 500
#: Rows joined into one piece of a sheet's XML (see :meth:`SheetRows.pieces`).
_ROWS_A_PIECE = 1000


@dataclass(frozen=True)
class Look:
    """How a cell looks: a named style (``sk_…``) and what differs from it."""

    style: str = "sk_text"
    number_format: str | None = None
    fill: str | None = None
    """Background colour, ``"RRGGBB"``."""
    color: str | None = None
    """Font colour, ``"RRGGBB"``."""
    bold: bool | None = None
    italic: bool | None = None
    horizontal: str | None = None
    wrap: bool | None = None


@dataclass(frozen=True)
class Format:
    """A look registered with the workbook: its cell format ids and what measuring needs."""

    id: int
    quoted: int
    """The same format with Excel's quote prefix (text that looks like a formula)."""
    size: float
    bold: bool
    wrap: bool
    most_lines: int
    """The most lines of wrapped text a row shows (:func:`~sokets.xlsx.styles.max_lines`)."""


class Looks:
    """The cell formats of one workbook, registered in its stylesheet on first use."""

    def __init__(self, styles: Stylesheet) -> None:
        self._styles = styles
        self._formats: dict[Look, Format] = {}
        # every look met, by identity, and kept: its id is never reused while these looks live
        # (SheetRows relies on it to keep formats by id too)
        self._seen: dict[int, tuple[Look, Format]] = {}

    def __call__(self, look: Look) -> Format:
        """The format of ``look``."""
        # Looked up by identity first (a look is usually a constant): hashing a dataclass of nine
        # fields for each of 50,000 cells shows. The look is kept, so its id is not reused.
        seen = self._seen.get(id(look))
        if seen is not None and seen[0] is look:
            return seen[1]
        found = self._formats.get(look)
        if found is None:
            cell = _cell_format(look)
            found = self._formats[look] = Format(
                id=self._styles.add(cell),
                quoted=self._styles.add(replace(cell, quoted=True)),
                size=cell.font.size,
                bold=cell.font.bold,
                wrap=cell.alignment.wrap,
                most_lines=sty.max_lines(cell.font.size),
            )
        self._seen[id(look)] = (look, found)
        return found


def _cell_format(look: Look) -> CellFormat:
    """``look``: its named style with the look's changes."""
    base = sty.STYLES_BY_NAME[look.style]
    font = base.font
    if look.bold is not None or look.italic is not None or look.color is not None:
        font = replace(
            font,
            bold=font.bold if look.bold is None else look.bold,
            italic=font.italic if look.italic is None else look.italic,
            color=look.color or font.color,
        )
    alignment = base.alignment
    if look.horizontal is not None or look.wrap is not None:
        alignment = replace(
            alignment,
            horizontal=look.horizontal or alignment.horizontal,
            wrap=alignment.wrap if look.wrap is None else look.wrap,
        )
    return CellFormat(
        style=base.name,
        font=font,
        fill=look.fill or base.fill,
        border=base.border,
        alignment=alignment,
        locked=base.locked,
        number_format=look.number_format or base.number_format,
    )


Value = str | int | float | date | None
"""What a cell holds: text, a number, a date (``bool`` is written as Có/Không)."""
Cell = tuple[Value, Look]


class SheetRows:
    """The cells of one sheet, written row by row from row 1 (see the module's docstring)."""

    def __init__(self, looks: Looks, widths: Sequence[float], labels: Iterable[int] = ()) -> None:
        """``widths`` of the columns from A; ``labels``: the columns (from 0) whose texts come
        from a short list — names of units, places, kinds — and are measured once each."""
        self._looks = looks
        # the format of each look met, by identity: looking a look up by its fields (a hash of
        # nine) for each of 50,000 cells shows; ``looks`` keeps every look, so no id is reused
        self._formats: dict[int, Format] = {}
        self._widths = list(widths)
        self._labels = frozenset(labels)
        # a label's lines and its cell's XML after the reference
        self._measured: dict[tuple[str, int, int, int], tuple[int, str]] = {}
        self._letters = [column_letters(n) for n in range(1, len(widths) + 1)]
        self._xml: list[str] = []
        self.last_row = 0
        """The last row written (or skipped)."""
        self.merged: list[str] = []
        """Ranges to merge (``"A1:F1"``): a cell spanning columns."""
        self.cuts: list[tuple[str, int]] = []
        """Cells whose text was cut, with the length of the whole text."""
        self.continued = 0
        """Rows added to continue texts taller than a row."""

    @property
    def dimension(self) -> str:
        """The range the sheet's cells cover (``"A1:N510"``)."""
        return f"A1:{self._letters[-1]}{max(self.last_row, 1)}"

    def skip(self, rows: int = 1) -> None:
        """Leave ``rows`` empty rows (room for a chart)."""
        self.last_row += rows

    def append(
        self,
        cells: Sequence[Cell | None],
        *,
        spans: Mapping[int, int] | None = None,
        height: float | None = None,
    ) -> int:
        """Write ``cells`` from column A in the next row; return its number.

        ``None`` leaves a cell out (no value, no style). ``spans`` merges the cell at an index
        (0-based) with the ones on its right: ``{0: 6}`` makes the first cell six columns wide
        (its look is given to the covered cells, for the borders). ``height`` sets the row's
        height instead of measuring its text. A wrapped text taller than a row can be is cut
        into pieces continued in the rows below, the other cells left empty there.
        """
        if height is None:
            written = self._measured_row(cells, spans)
            if written is not None:
                return written
        placed: list[tuple[int, int, Value, Format]] = []  # first column, last column, …
        pieces: dict[int, list[str]] = {}
        tall = sty.DEFAULT_HEIGHT if height is None else height
        column = 0
        for index, cell in enumerate(cells):
            span = spans.get(index, 1) if spans else 1
            if cell is not None:
                value, look = cell
                fmt = self._looks(look)
                if isinstance(value, bool):
                    value = YES if value else NO
                if height is None and value is not None and value != "":
                    lines = 1
                    if isinstance(value, str) and fmt.wrap:
                        width = self._width(column, span)
                        lines = sty.text_lines(value, width, fmt.size, fmt.bold)
                        if lines > fmt.most_lines:
                            pieces[len(placed)] = sty.split_text(
                                value, width, fmt.most_lines, fmt.size, fmt.bold
                            )
                    if lines > 1 or fmt.size > sty.SIZE:
                        tall = max(tall, sty.row_height(lines, fmt.size))
                placed.append((column, column + span - 1, value, fmt))
            column += span
        first = self.last_row + 1
        if not pieces:
            self._row(placed, tall)
            return first
        for part in range(max(len(p) for p in pieces.values())):
            self.continued += part > 0
            tall = sty.DEFAULT_HEIGHT
            shown: list[tuple[int, int, Value, Format]] = []
            for number, (start, stop, whole, fmt) in enumerate(placed):
                value = whole if part == 0 else None
                if number in pieces:
                    split = pieces[number]
                    value = split[part] if part < len(split) else None
                if value is not None and value != "":
                    lines = 1
                    if isinstance(value, str) and fmt.wrap:
                        width = self._width(start, stop - start + 1)
                        lines = sty.text_lines(value, width, fmt.size, fmt.bold)
                    tall = max(tall, sty.row_height(lines, fmt.size))
                shown.append((start, stop, value, fmt))
            self._row(shown, tall)
        return first

    def _measured_row(
        self, cells: Sequence[Cell | None], spans: Mapping[int, int] | None
    ) -> int | None:
        """:meth:`append` in one pass for a row whose texts all fit a row (most rows): its
        number, or ``None`` (nothing written) when a text must be continued below."""
        number = self.last_row + 1
        row = str(number)  # written in every cell's reference
        cuts = len(self.cuts)
        letters = self._letters
        labels = self._labels
        measured = self._measured
        formats = self._formats
        widths = self._widths
        tall = sty.DEFAULT_HEIGHT
        xml: list[str] = []
        merged: list[str] = []
        column = 0
        for index, cell in enumerate(cells):
            span = spans.get(index, 1) if spans else 1
            if cell is not None:
                value, look = cell
                fmt = formats.get(id(look))
                if fmt is None:
                    fmt = formats[id(look)] = self._looks(look)
                if isinstance(value, str) and value:  # the usual cell: a text
                    ref = f"{letters[column]}{row}"
                    if column in labels and len(value) <= _LABEL_CHARS:  # measured, written once
                        key = (value, column, span, fmt.id)
                        known = measured.get(key)
                        if known is None:
                            lines = 1
                            if fmt.wrap:
                                width = self._width(column, span)
                                lines = sty.text_lines(value, width, fmt.size, fmt.bold)
                            known = measured[key] = (lines, self._text(ref, value, fmt, ""))
                        lines, body = known
                        text = f'<c r="{ref}"{body}'
                    else:
                        lines = 1
                        if fmt.wrap:
                            width = widths[column] if span == 1 else self._width(column, span)
                            lines = sty.text_lines(value, width, fmt.size, fmt.bold)
                        text = self._text(ref, value, fmt)
                    if lines > fmt.most_lines:
                        del self.cuts[cuts:]  # the row is written again, in pieces
                        return None
                    if lines > 1 or fmt.size > sty.SIZE:
                        tall = max(tall, sty.row_height(lines, fmt.size))
                    xml.append(text)
                elif value.__class__ is int and -_EXACT_INTEGERS < value < _EXACT_INTEGERS:
                    if fmt.size > sty.SIZE:
                        tall = max(tall, sty.row_height(1, fmt.size))
                    xml.append(f'<c r="{letters[column]}{row}" s="{fmt.id}"><v>{value}</v></c>')
                else:
                    if isinstance(value, bool):
                        value = YES if value else NO
                    if value is not None and value != "":
                        lines = 1
                        if isinstance(value, str) and fmt.wrap:  # Có, Không: never too tall
                            width = self._width(column, span)
                            lines = sty.text_lines(value, width, fmt.size, fmt.bold)
                        if lines > 1 or fmt.size > sty.SIZE:
                            tall = max(tall, sty.row_height(lines, fmt.size))
                    xml.append(self._cell(number, column, value, fmt))
                if span > 1:
                    stop = column + span - 1
                    xml.extend(
                        f'<c r="{letters[covered]}{row}" s="{fmt.id}"/>'
                        for covered in range(column + 1, stop + 1)
                    )
                    merged.append(f"{letters[column]}{row}:{letters[stop]}{row}")
            column += span
        self.last_row = number
        self.merged += merged
        ht = f' ht="{round(tall, 2)}"' if tall > sty.DEFAULT_HEIGHT + 0.01 else ""
        self._xml.append(f'<row r="{row}"{ht}>{"".join(xml)}</row>')
        return number

    def _width(self, column: int, span: int) -> float:
        return self._widths[column] if span == 1 else sum(self._widths[column : column + span])

    def _row(self, placed: Sequence[tuple[int, int, Value, Format]], height: float) -> None:
        row = self.last_row = self.last_row + 1
        xml: list[str] = []
        for start, stop, value, fmt in placed:
            xml.append(self._cell(row, start, value, fmt))
            if stop > start:
                xml.extend(
                    self._cell(row, covered, None, fmt) for covered in range(start + 1, stop + 1)
                )
                self.merged.append(f"{self._letters[start]}{row}:{self._letters[stop]}{row}")
        ht = f' ht="{round(height, 2)}"' if height > sty.DEFAULT_HEIGHT + 0.01 else ""
        self._xml.append(f'<row r="{row}"{ht}>{"".join(xml)}</row>')

    def _cell(self, row: int, column: int, value: Value, fmt: Format) -> str:
        ref = f"{self._letters[column]}{row}"
        if value is None or value == "":
            return f'<c r="{ref}" s="{fmt.id}"/>'
        if isinstance(value, str):
            return self._text(ref, value, fmt)
        if isinstance(value, datetime):
            raise TypeError(f"{ref}: a date, not a date and time, is expected")
        if isinstance(value, date):
            if value < _EXCEL_FIRST_DAY:
                return self._text(ref, value.isoformat(), fmt)
            return f'<c r="{ref}" s="{fmt.id}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
        if isinstance(value, int):
            if abs(value) >= _EXACT_INTEGERS:
                return self._text(ref, str(value), fmt)
            return f'<c r="{ref}" s="{fmt.id}"><v>{value}</v></c>'
        if not math.isfinite(value):
            return self._text(ref, str(value), fmt)
        return f'<c r="{ref}" s="{fmt.id}"><v>{value!r}</v></c>'

    def _text(self, ref: str, value: str, fmt: Format, start: str | None = None) -> str:
        """A text cell's XML; from ``start`` instead of ``<c r="REF"`` (``""``: what follows
        the reference, for a label)."""
        # Most texts need no escape: printable characters and line breaks only (no other control
        # character, surrogate or U+FFFE/U+FFFF) and nothing that reads as an escape. Checking
        # is quicker than the regular expression.
        plain = value.isprintable() or ("\n" in value and value.replace("\n", "").isprintable())
        text = value if plain and "_x" not in value else encode_text(value)
        if len(text) > MAX_CELL_CHARS:
            mark = f" […] (cắt bớt: văn bản dài {len(value):,} ký tự)".replace(",", ".")
            room = MAX_CELL_CHARS - len(mark)
            kept = room
            while len(text := encode_text(value[:kept])) > room:
                kept -= len(text) - room
            text += mark
            self.cuts.append((ref, len(value)))
        style = fmt.quoted if text.startswith(FORMULA_STARTS) else fmt.id
        space = ' xml:space="preserve"' if text != text.strip() else ""  # a space at an end
        if "&" in text or "<" in text or ">" in text:
            text = escape(text)
        if start is None:
            start = f'<c r="{ref}"'
        return f'{start} s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def xml(self) -> str:
        """The ``<sheetData>`` element."""
        return "".join(self.pieces())

    def pieces(self) -> Iterator[str]:
        """The ``<sheetData>`` element in pieces of some thousand rows."""
        yield "<sheetData>"
        for start in range(0, len(self._xml), _ROWS_A_PIECE):
            yield "".join(self._xml[start : start + _ROWS_A_PIECE])
        yield "</sheetData>"
