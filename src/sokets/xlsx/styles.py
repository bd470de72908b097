"""The look of a workbook: named styles in Times New Roman, and rows as tall as their wrapped text.

Every cell is set in :data:`FONT` (the font of the DOCX documents): the named styles
(:data:`NAMED_STYLES`, plain data that both writers turn into their own: openpyxl's for the unit
templates, :mod:`sokets.xlsx.package` for the consolidated workbook) name it, and the workbook's
default font (the “Normal” style, used by cells without a style and for column widths) is the same,
so nothing prints in a program's fallback font.

A spreadsheet file stores row heights; programs do not fit rows to wrapped text when they open or
print a file (LibreOffice prints a row of long locked text at the default height, the text running
over the rows below). Neither writer can measure text, so :func:`text_lines` estimates how many
lines a text wraps to in a column, from the widths of Times New Roman's letters, and the writers
set each row's height from the tallest cell, without ``customHeight``, so that Excel and
LibreOffice still fit the row again when someone types in it. A row is at most :data:`MAX_HEIGHT`
tall; :func:`split_text` cuts a longer text into pieces of at most :func:`max_lines` lines, for
writers that continue it in the rows below.

Nothing here imports openpyxl: the consolidated workbook is written without it.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

#: The font of every cell (as in the DOCX documents) and its size in points.
FONT = "Times New Roman"
SIZE = 11
#: The row height spreadsheet programs give a row of one line of :data:`SIZE` text, in points.
DEFAULT_HEIGHT = 15.0
#: The tallest row Excel allows, in points.
MAX_HEIGHT = 409.0
#: The colour of the thin lines around table cells.
BORDER_COLOR = "A6A6A6"


@dataclass(frozen=True)
class Font:
    """A font of :data:`FONT`'s family: size in points, weight, slant, colour (``"RRGGBB"``)."""

    size: float = SIZE
    bold: bool = False
    italic: bool = False
    color: str | None = None
    name: str = FONT


@dataclass(frozen=True)
class Alignment:
    """Where text sits in its cell, and whether it wraps."""

    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False


@dataclass(frozen=True)
class NamedStyle:
    """A named cell style (``sk_…``): font, background, thin box border or none, alignment,
    whether the cell is locked on a protected sheet, and number format."""

    name: str
    font: Font = field(default_factory=Font)
    fill: str | None = None
    """Background colour, ``"RRGGBB"``."""
    border: bool = True
    alignment: Alignment = Alignment(vertical="top", wrap=True)
    locked: bool = True
    number_format: str = "General"


#: Sizes and weights of the named styles whose text is measured (the others are :data:`SIZE`).
TITLE = Font(size=13, bold=True)
NOTE = Font(size=10, italic=True, color="404040")
BOLD = Font(bold=True)
PLAIN = Font()

#: The named styles of a sokets workbook, all in :data:`FONT`.
NAMED_STYLES: tuple[NamedStyle, ...] = (
    NamedStyle("sk_title", font=TITLE, border=False, alignment=Alignment(vertical="center")),
    NamedStyle("sk_note", font=NOTE, border=False),
    NamedStyle(
        "sk_header",
        font=BOLD,
        fill="DDEBF7",
        alignment=Alignment(horizontal="center", vertical="center", wrap=True),
    ),
    NamedStyle("sk_fixed", fill="F2F2F2", number_format="@"),
    NamedStyle("sk_heading", font=BOLD, fill="D9D9D9", number_format="@"),
    NamedStyle("sk_na", fill="D0CECE"),
    NamedStyle("sk_computed", fill="E2EFDA", number_format="0.00"),
    NamedStyle("sk_text", locked=False, number_format="@"),
    NamedStyle("sk_integer", locked=False, number_format="#,##0"),
    NamedStyle("sk_decimal", locked=False),
    NamedStyle("sk_date", locked=False, number_format="dd/mm/yyyy"),
    NamedStyle(
        "sk_choice",
        locked=False,
        number_format="@",
        alignment=Alignment(horizontal="center", vertical="top"),
    ),
)
STYLES_BY_NAME = {style.name: style for style in NAMED_STYLES}


# -- measuring text ------------------------------------------------------------------------------

# Advance widths of Times New Roman (regular), in thousandths of the font size.
_WIDTHS: dict[str, int] = {
    **dict.fromkeys("0123456789", 500),
    **dict(zip("abcdefghijklmnopqrstuvwxyz", (
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
        500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
    ), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
        722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
    ), strict=True)),
    " ": 250, ".": 250, ",": 250, ":": 278, ";": 278, "!": 333, "?": 444, "'": 180, '"': 408,
    "“": 444, "”": 444, "‘": 333, "’": 333, "(": 333, ")": 333, "[": 333, "]": 333, "/": 278,
    "-": 333, "–": 500, "—": 1000, "…": 1000, "%": 833, "&": 778, "+": 564, "=": 564, "*": 500,
    "#": 500, "@": 921, "_": 500, "<": 564, ">": 564, "|": 200, "đ": 500, "Đ": 722,
}  # fmt: skip
#: Bold Times New Roman is about this much wider.
_BOLD = 1.08
#: Pixels of a column width unit (the width of a digit of the default font, 96 dpi), the pixels
#: spreadsheet programs add to a column, and the share of the rest text may fill (a margin for
#: differences between programs and for the ends of lines left empty by word wrap).
_UNIT_PX, _COLUMN_PX, _USABLE = 7, 5, 0.94
#: The height of a line of text, as a multiple of the font size.
_LINE = 1.17


def _char_width(char: str) -> int:
    """The advance width of ``char`` (thousandths of the font size); marks add nothing."""
    if char in _WIDTHS:
        return _WIDTHS[char]
    base = unicodedata.normalize("NFD", char)[0]
    if unicodedata.combining(base):
        return 0
    return _WIDTHS.get(base, 500)


def column_points(width: float) -> float:
    """The points of a column of ``width`` (spreadsheet units) that wrapped text may fill."""
    return max((width * _UNIT_PX + _COLUMN_PX) * 0.75 * _USABLE - 3, 1.0)


_SPACE = _WIDTHS[" "]
#: Words remembered at most (then forgotten all at once), and the longest word remembered.
_MAX_WORDS = 200_000
_LONGEST_WORD = 64
#: The width of each word met so far plus a space (thousandths of the font size): the same words
#: come back again and again, and a look-up is much cheaper than adding letters up.
_ADVANCES: dict[str, int] = {}


def _advances(words: list[str]) -> list[int]:
    """The width of each word plus a space, remembered (see :data:`_ADVANCES`)."""
    try:
        return list(map(_ADVANCES.__getitem__, words))
    except KeyError:  # a word met for the first time
        if len(_ADVANCES) >= _MAX_WORDS:
            _ADVANCES.clear()
        found = []
        for word in words:
            advance = _ADVANCES.get(word)
            if advance is None:
                advance = sum(map(_char_width, word)) + _SPACE
                if len(word) <= _LONGEST_WORD:  # not a long run of letters without a space
                    _ADVANCES[word] = advance
            found.append(advance)
        return found


def _greedy_lines(paragraph: str, room: float, size: float, bold: bool) -> int:
    """The lines of one paragraph, word by word (see :func:`text_lines`): widths in thousandths
    of the font size, as :func:`text_lines` adds them up, so that both agree to the last unit
    when a line fills the column exactly."""
    room = room * 1000 / (size * (_BOLD if bold else 1.0))
    lines = 1
    used = 0.0
    started = False  # a word is on the line: the next one comes after a space (a word without
    # width — an empty one between two spaces, a lone accent — is a word too)
    for word in paragraph.split(" "):
        needed: float = sum(map(_char_width, word))
        if started and used + _SPACE + needed > room:
            lines += 1
            used = 0.0
        elif started:
            needed += _SPACE
        if used + needed > room:  # a word wider than the column breaks across lines
            extra = math.ceil((used + needed) / room) - 1
            lines += extra
            used = used + needed - extra * room
        else:
            used += needed
        started = True
    return lines


def text_lines(text: str, width: float, size: float = SIZE, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column of ``width`` (spreadsheet units): words are
    laid out greedily, a line break starts a new line, a word longer than the column is split.

    Fast for long texts: word widths are remembered, and a paragraph is broken into lines by
    searching the running widths of its words, not by adding them one by one; paragraphs with an
    empty word or a word wider than the column are laid out word by word."""
    room = column_points(width)
    em = size * (_BOLD if bold else 1.0)
    if "\n" not in text:
        return _paragraph_lines(text, room, em, size, bold)
    return sum(_paragraph_lines(p, room, em, size, bold) for p in text.split("\n"))


def _paragraph_lines(paragraph: str, room: float, em: float, size: float, bold: bool) -> int:
    """The lines of one paragraph in ``room`` points, its font ``em`` points wide."""
    if len(paragraph) * em <= room:  # no letter is wider than the font size
        return 1
    # The room of a line in thousandths of the font size, plus the space after its last word.
    limit = room * 1000 / em + _SPACE
    advances = _advances(paragraph.split(" "))
    # A short paragraph most often fits one line: adding its widths up is then cheaper than
    # keeping the running widths. (For a longer one it would only be work done twice.)
    if len(paragraph) * em <= 2 * room and sum(advances) <= limit:
        return 1
    ends = list(accumulate(advances, initial=0))
    if ends[-1] <= limit:
        return 1
    if "  " in paragraph or paragraph[0] == " " or paragraph[-1] == " ":  # an empty word
        return _greedy_lines(paragraph, room, size, bold)
    lines = start = 0
    count = len(ends) - 1
    while start < count:
        line_end = bisect_right(ends, ends[start] + limit) - 1
        if line_end == start:  # a word wider than the column
            return _greedy_lines(paragraph, room, size, bold)
        start = line_end
        lines += 1
    return lines


def max_lines(size: float = SIZE) -> int:
    """The most lines of ``size``-point text a row of :data:`MAX_HEIGHT` shows."""
    return int((MAX_HEIGHT - 3) / (size * _LINE))


def split_text(
    text: str, width: float, lines: int, size: float = SIZE, bold: bool = False
) -> list[str]:
    """``text`` cut into pieces that each wrap to at most ``lines`` lines in a column of
    ``width``: at a line break when one falls in the second half of a piece, else at a space
    (the line break or space between two pieces is left out), else inside a word too long for
    the column. A text that fits is one piece.
    """

    def too_long(part: str) -> bool:
        return text_lines(part, width, size, bold) > lines

    pieces: list[str] = []
    rest = text
    while True:
        # The shortest prefix of 256, 512… characters that is too long: a piece is short, the
        # text may be very long.
        stop = 256
        while stop < len(rest) and not too_long(rest[:stop]):
            stop *= 2
        window = rest[:stop]
        if not too_long(window):
            pieces.append(rest)
            return pieces
        end = _longest_fit(window, too_long)
        pieces.append(rest[:end])
        rest = rest[end + 1 :] if rest[end] in " \n" else rest[end:]


def _longest_fit(text: str, too_long: Callable[[str], bool]) -> int:
    """Where to cut ``text``, which is too long, for :func:`split_text`."""
    breaks = [i for i, char in enumerate(text) if char in " \n" and i > 0]
    fits = bisect_left(breaks, True, key=lambda end: too_long(text[:end]))
    if fits == 0:  # the first word alone is too long: cut inside it
        return max(bisect_left(range(len(text)), True, 1, key=lambda n: too_long(text[:n])) - 1, 1)
    end = breaks[fits - 1]
    newline = text.rfind("\n", 0, end + 1)
    return newline if newline > end // 2 else end


def row_height(lines: int, size: float = SIZE) -> float:
    """The height in points of a row showing ``lines`` lines of ``size``-point text."""
    return min(MAX_HEIGHT, max(DEFAULT_HEIGHT, lines * size * _LINE + 3))
