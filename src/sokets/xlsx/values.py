"""Reading cell values the way people type them: numbers as text, percents, dates, Có/Không.

Each ``as_*`` function takes a cell's value (as openpyxl gives it, after :func:`clean`) and
returns the model's value, or raises :class:`WrongKind` saying what the column needs. Text is
never trimmed (it is the unit's words); ids, numbers, dates and choices are.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from sokets._text import fold
from sokets.xlsx.cells import NO, YES, decode_text


class CellError(str):
    """An error value a cell shows (``#N/A``, ``#DIV/0!``…), as opposed to text."""

    __slots__ = ()


class WrongKind(ValueError):
    """A value the column cannot take; carries what the column needs, in both languages."""

    def __init__(self, expected_vi: str, expected_en: str) -> None:
        super().__init__(expected_en)
        self.expected_vi = expected_vi
        self.expected_en = expected_en


INTEGER = ("một số nguyên (ví dụ 85)", "a whole number (for example 85)")
NUMBER = ("một số (ví dụ 85 hoặc 85,5)", "a number (for example 85 or 85.5)")
PERCENT = ("một tỷ lệ phần trăm (ví dụ 85 hoặc 85%)", "a percentage (for example 85 or 85%)")
DATE = ("một ngày (ví dụ 14/8/2023)", "a date (for example 14/8/2023)")
YES_NO = (f"“{YES}” hoặc “{NO}”", f"“{YES}” (yes) or “{NO}” (no)")
TEXT = ("văn bản", "text")


def _wrong(kind: tuple[str, str]) -> WrongKind:
    return WrongKind(*kind)


def clean(value: Any, data_type: str = "s") -> Any:
    """``None`` for an empty cell (``""`` included), :class:`CellError` for an error value, text
    unescaped, other values as they are."""
    if value is None:
        return None
    if data_type == "e":
        return CellError(value)
    if isinstance(value, str):
        return decode_text(value) if value else None
    return value


def is_error(value: Any) -> bool:
    """Whether a cell shows a spreadsheet error (``#N/A``, ``#DIV/0!``…)."""
    return isinstance(value, CellError)


def show(value: Any, limit: int = 50) -> str:
    """A short quoted rendering of a value for a message."""
    if isinstance(value, datetime) and value.time() == time():
        value = value.date()
    text = value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


def _number_text(value: str) -> str:
    """Normalise typed number text: NFKC (full-width digits), spaces and NBSP removed."""
    text = unicodedata.normalize("NFKC", value)
    return re.sub(r"\s", "", text)


#: Longest number text read (Python refuses to convert longer digit strings to int).
_MAX_DIGITS = 4000
_INT = re.compile(r"[+-]?\d+")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_WHOLE_DECIMAL = re.compile(r"([+-]?\d+)[.,]0*")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}\.\d{3}")
_FLOAT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def as_text(value: Any) -> str:
    """A text cell's content: numbers and dates typed in it are turned back into text."""
    if isinstance(value, str):
        if is_error(value):
            raise _wrong(TEXT)
        return value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time | timedelta):
        return str(value)
    raise _wrong(TEXT)


def as_integer(value: Any) -> int:
    """A whole number: ``85``, ``85.0``, ``"85"``, ``" 1.234 "``, ``"1,234"``, ``"12."``."""
    if isinstance(value, bool):
        raise _wrong(INTEGER)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise _wrong(INTEGER)
    if isinstance(value, str) and not is_error(value) and len(value) <= _MAX_DIGITS:
        text = _number_text(value).rstrip(".")
        if _INT.fullmatch(text):
            return int(text)
        if _GROUPED.fullmatch(text):
            return int(re.sub(r"[.,]", "", text))
        whole = _WHOLE_DECIMAL.fullmatch(text)
        if whole:
            return int(whole.group(1))
    raise _wrong(INTEGER)


def _parse_decimal(text: str) -> float | None:
    """Vietnamese first: ``,`` is the decimal mark and ``.`` groups thousands (``1.234,5``); a
    lone ``.`` not followed by exactly three digits is a decimal point (``85.5``)."""
    text = _number_text(text)
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        text = text.replace(grouping, "").replace(decimal, ".")
    elif text.count(".") > 1 or text.count(",") > 1 or _THOUSANDS.fullmatch(text):
        if not _GROUPED.fullmatch(text):
            return None
        text = re.sub(r"[.,]", "", text)
    else:
        text = text.replace(",", ".")
    if not _FLOAT.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def as_decimal(value: Any) -> float | int:
    """A number: cells holding numbers, or text such as ``"85,5"``, ``"1.234,5"``, ``"1e3"``."""
    if isinstance(value, bool):
        raise _wrong(NUMBER)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise _wrong(NUMBER)
    if isinstance(value, str) and not is_error(value):
        number = _parse_decimal(value)
        if number is not None:
            return number
    raise _wrong(NUMBER)


@functools.lru_cache(maxsize=1024)
def _format_sections(number_format: str) -> tuple[str, ...]:
    """The sections of a number format (``positive;negative;zero;text``) with their literal parts
    removed: quoted text, characters escaped by ``\\``, ``_`` or ``*``, and ``[…]`` brackets
    (remembered: a workbook has a few formats)."""
    sections = [""]
    chars = iter(number_format)
    for char in chars:
        if char == '"':
            for quoted in chars:
                if quoted == '"':
                    break
        elif char in "\\_*":
            next(chars, None)
        elif char == "[":
            for bracketed in chars:
                if bracketed == "]":
                    break
        elif char == ";":
            sections.append("")
        else:
            sections[-1] += char
    return tuple(sections)


def is_percent_format(number_format: str, value: float = 1.0) -> bool:
    """Whether a cell of ``number_format`` shows ``value`` as a percentage: ``0%``, ``0.00%``,
    ``#,##0.0%;-0%`` (a ``%`` in the section used for ``value``), not ``0"%"`` or ``0\\%``, which
    only append a percent sign to the number."""
    sections = _format_sections(number_format or "General")
    section = sections[0]
    if value < 0 and len(sections) > 1:
        section = sections[1]
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    return "%" in section


def percent_shown(value: Any, number_format: str) -> float | int | None:
    """The percentage a number cell shows: ``85`` for ``0.85`` in a ``0%`` cell (what Excel and
    LibreOffice store when one types ``85%``); ``None`` for a cell that is not a number shown as a
    percentage."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or not is_percent_format(number_format, value):
        return None
    number = round(value * 100, 10)
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return int(number)
    return number


def show_cell(value: Any, number_format: str = "General") -> str:
    """:func:`show`, with a number shown as a percentage as the cell shows it (``“85%”``)."""
    shown = percent_shown(value, number_format)
    return show(value) if shown is None else show(f"{as_text(shown)}%")


def percent_text(value: str) -> float | None:
    """The number of text typed as a percentage (``"85%"``, ``"85,5 %"``), or ``None``."""
    text = _number_text(value)
    if is_error(value) or not text.endswith("%"):
        return None
    return _parse_decimal(text[:-1])


def as_percent(value: Any, number_format: str = "General") -> float | int:
    """A percentage in percent units: ``85``, ``"85%"``, ``"85,5 %"``, or ``0.85`` in a cell
    formatted as a percentage (what a spreadsheet stores when one types ``85%``)."""
    if isinstance(value, str) and not is_error(value):
        text = _number_text(value)
        number = percent_text(text) if text.endswith("%") else _parse_decimal(text)
        if number is None:
            raise _wrong(PERCENT)
        return number
    shown = percent_shown(value, number_format)
    if shown is not None:
        return shown
    try:
        return as_decimal(value)
    except WrongKind:
        raise _wrong(PERCENT) from None


_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_MIDNIGHT = re.compile(r"(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def as_date(value: Any) -> date:
    """A date: a date cell, an Excel day number, or text ``14/08/2023``, ``2023-08-14``,
    ``14.8.2023`` or ``ngày 14 tháng 8 năm 2023``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466 and float(value).is_integer():
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value)
            if isinstance(converted, datetime):
                return converted.date()
        raise _wrong(DATE)
    if isinstance(value, str) and not is_error(value):
        text = unicodedata.normalize("NFKC", value).strip()
        words = _strip_marks(fold(text))
        for pattern, subject, order in (
            (_DMY, text, (3, 2, 1)),
            (_YMD, text, (1, 2, 3)),
            (_WORDS, words, (3, 2, 1)),
        ):
            match = pattern.match(subject)
            if match and _MIDNIGHT.fullmatch(subject[match.end() :]):
                year, month, day = (int(match.group(i)) for i in order)
                try:
                    return date(year, month, day)
                except ValueError:
                    break
    raise _wrong(DATE)


_YES = frozenset({"có", "co", "yes", "y", "x", "true", "đúng", "1", "rồi", "đã"})
_NO = frozenset({"không", "khong", "no", "n", "false", "sai", "0", "chưa"})


def as_yes_no(value: Any) -> bool:
    """Có/Không: the list's values, or yes/no, true/false, x, 1/0, a checkbox."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = fold(value).rstrip(".")
        if key in _YES:
            return True
        if key in _NO:
            return False
    raise _wrong(YES_NO)
