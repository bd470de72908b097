"""What a cell holds, as sokets writes and reads it: its reference, text escaped for XML, the
words of a yes/no answer; and the name sokets signs its workbooks with.

:func:`encode_text` stores text so that characters XML cannot carry survive: they are escaped the
way Excel does (``_x0001_``), and :func:`decode_text` reverses it. Writers also give text that
starts with one of :data:`FORMULA_STARTS` Excel's quote prefix, so that no cell ever becomes a
formula.

Nothing here imports more than :mod:`re`: the consolidated workbook's writer uses it without the
reader's checks (:mod:`sokets.xlsx.safety`) or the templates' layout.
"""

from __future__ import annotations

import re

#: Most characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32767
#: The creator sokets writes in a workbook's properties (the reader knows its templates by it).
GENERATOR = "sokets"
#: What a yes/no cell holds.
YES = "Có"
NO = "Không"
#: First characters that make a spreadsheet program read typed text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")

# Characters XML 1.0 cannot carry (and CR, which XML parsers turn into LF), plus an underscore that
# would read as the start of an escape.
_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4})")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def column_number(letters: str) -> int:
    """``"A"`` → 1, ``"AB"`` → 28."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    """1 → ``"A"``, 28 → ``"AB"``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def encode_text(text: str) -> str:
    """``text`` as stored in a cell: characters XML forbids escaped as ``_xHHHH_`` (as Excel
    does), an underscore that would read as an escape written ``_x005F_``."""
    return _ESCAPE.sub(
        lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text
    )


def decode_text(text: str) -> str:
    """The text :func:`encode_text` stored (also reads Excel's own escapes)."""
    if "_x" not in text:
        return text

    def unescape(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        if code == 0x5F:
            return "_"
        char = chr(code)
        return char if _NEEDS_ESCAPE.match(char) else match.group()

    return _ESCAPED.sub(unescape, text)
