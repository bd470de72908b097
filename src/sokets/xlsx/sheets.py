"""A sheet holding one table, as sokets prints it: a title block, a header row frozen and printed
on every page, rows written by :mod:`sokets.xlsx.bulk`, A4 landscape fitted to the width.

:class:`TableSheet` adds a :class:`~sokets.xlsx.package.Worksheet` to a workbook (column widths,
panes, filter, print settings, page breaks, charts) and collects its cells in a
:class:`~sokets.xlsx.bulk.SheetRows`. The looks here are the usual ones of such tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sokets.xlsx.bulk import Cell, Look, Looks, SheetRows, Value
from sokets.xlsx.cells import MAX_CELL_CHARS, column_letters
from sokets.xlsx.charts import BarChart, Range, rows_covered
from sokets.xlsx.package import Workbook, Worksheet

TEXT = Look()
BOLD = Look(bold=True)
CENTER = Look(horizontal="center")
BOLD_CENTER = Look(horizontal="center", bold=True)
NUMBER = Look("sk_integer")
BOLD_NUMBER = Look("sk_integer", bold=True)
PERCENT = Look("sk_decimal", number_format="0.0%")
"""A fraction shown as a percentage: 0.853 is 85.3 %, the way Excel stores ``85.3%``."""
BOLD_PERCENT = Look("sk_decimal", number_format="0.0%", bold=True)
DATE = Look("sk_date", horizontal="center")
HEADER = Look("sk_header")
HEADING = Look("sk_heading")
TITLE = Look("sk_title", wrap=True)
NOTE = Look("sk_note")
WARNING = Look("sk_note", color="9C0006", italic=False, bold=True)


def grouped(value: int) -> str:
    """``4751`` → ``"4.751"`` (Vietnamese digit grouping)."""
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class Column:
    """A column of a table: its header and width (spreadsheet units); a ``label`` column holds
    texts from a short list (names of units, places, kinds), each measured once."""

    header: str
    width: float
    label: bool = False


class TableSheet:
    """A sheet being written: its settings and the rows of its cells."""

    def __init__(self, wb: Workbook, looks: Looks, name: str, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        labels = [n for n, c in enumerate(columns) if c.label]
        self.rows = SheetRows(looks, [c.width for c in columns], labels)
        self.sheet = Worksheet(name, tuple(c.width for c in columns), self.rows)
        wb.sheets.append(self.sheet)
        self.header_row = 0

    def cells(self, column: int, first: int, last: int) -> Range:
        """The cells of ``column`` (from 1) in rows ``first`` to ``last``, for a chart."""
        return Range(self.sheet.name, column, first, last)

    @property
    def width(self) -> float:
        """The table's printed width in cm (a column of width w is 7w + 5 pixels at 96 dpi)."""
        return sum(c.width * 7 + 5 for c in self.columns) / 96 * 2.54

    def line(self, value: Value, look: Look, *, height: float | None = None) -> int:
        """A row of one cell as wide as the table; its number."""
        return self.rows.append([(value, look)], spans={0: len(self.columns)}, height=height)

    def title(self, title: str, *notes: str) -> None:
        """The title block: the title (bold), then each note (small, italic)."""
        self.line(title, TITLE)
        for note in notes:
            self.line(note, NOTE)

    def header(self) -> None:
        """The column headers, after an empty row: frozen, and printed on every page."""
        self.rows.skip()
        self.header_row = self.rows.append([(c.header, HEADER) for c in self.columns])

    def row(self, cells: Sequence[Cell | None], spans: dict[int, int] | None = None) -> int:
        """A row of cells from column A (see :meth:`SheetRows.append`); its number."""
        return self.rows.append(cells, spans=spans)

    def page_break(self) -> None:
        """Start a new page after the last row."""
        self.sheet.breaks.append(self.rows.last_row)

    def chart(self, chart: BarChart, *, new_page: bool = True, row: int | None = None) -> None:
        """``chart`` below the last row, at the top of a new page unless ``new_page`` is
        false (a chart is never cut by a page break); the rows it covers are left empty. With
        ``row``, the chart is put there instead, over rows left empty for it."""
        if row is not None:
            self.sheet.charts.append((row, chart))
            return
        if new_page:
            self.page_break()
        self.sheet.charts.append((self.rows.last_row + 1, chart))
        self.rows.skip(rows_covered(chart.height))

    def finish(self, *, freeze: str = "A", filter_to: int = 0) -> None:
        """Notes on texts cut to fit a cell, then panes (frozen below the header row, and left
        of column ``freeze``), a filter on the header row down to row ``filter_to`` (none if
        0), print settings and merged cells."""
        for ref, length in self.rows.cuts:
            self.line(
                f"Lưu ý: ô {ref} có văn bản dài {grouped(length)} ký tự, quá giới hạn "
                f"{grouped(MAX_CELL_CHARS)} ký tự của một ô; văn bản đã bị cắt bớt (đánh dấu "
                "[…]). Toàn văn có trong bản tổng hợp JSON.",
                WARNING,
            )
        sheet = self.sheet
        first = self.header_row + 1
        sheet.freeze = f"{freeze}{first}"
        if filter_to >= first:
            sheet.filter = f"A{self.header_row}:{column_letters(len(self.columns))}{filter_to}"
        sheet.print_title_row = self.header_row
        sheet.footer = "&A – trang &P/&N"
