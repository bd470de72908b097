"""How numbers, dates and text are written in a document, and read back.

Vietnamese conventions: ``2.350.000`` (dot between thousands), ``96,8`` (decimal comma), dates as
in Nghị định 30/2020/NĐ-CP — a day below 10 and the months 1 and 2 take a leading zero
(``ngày 05 tháng 02 năm 2023``, ``ngày 16 tháng 8 năm 2023``; in figures ``05/8/2022``, written
by :func:`sokets._text.short_date`). The parsers accept
what people type besides: ``1,234.5``, ``85%``, ``16/08/2023``, ``2023-08-16``.
"""

from __future__ import annotations

import re
from datetime import date

# Characters XML 1.0 cannot hold (C0 controls other than tab, newline and carriage return, and
# the two non-characters U+FFFE/U+FFFF): dropped when writing a document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters a DOCX cannot store."""
    return _NOT_XML.sub("", text)


def lines_of_text(text: str) -> list[str]:
    """The lines of ``text`` (each is written as its own paragraph), storable characters only."""
    return xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def squash(text: str) -> str:
    """``text`` with runs of white space made one space and the ends stripped."""
    return " ".join(text.split())


def _pad_day(day: int) -> str:
    return f"{day:02d}" if day < 10 else str(day)


def _pad_month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(day: date) -> str:
    """``ngày 16 tháng 8 năm 2023`` (Nghị định 30: days below 10 and months 1–2 padded)."""
    return f"ngày {_pad_day(day.day)} tháng {_pad_month(day.month)} năm {day.year}"


def format_number(value: float) -> str:
    """A number the Vietnamese way: ``2.350.000``, ``96,8``, ``-0,5``, ``1,5e-07``.

    Whole numbers below 10^16 are written without decimals; others keep the shortest digits that
    read back to the same float, so :func:`parse_number` returns exactly ``value``.
    """
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e16):
        whole = int(value)
        grouped = f"{abs(whole):,}".replace(",", ".")
        return f"-{grouped}" if whole < 0 else grouped
    text = repr(float(value))
    mantissa, e, exponent = text.partition("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole_part, _, fraction = mantissa.lstrip("-").partition(".")
    grouped = f"{int(whole_part):,}".replace(",", ".")
    out = sign + grouped + ("," + fraction if fraction else "")
    return out + ("e" + exponent if e else "")


_NUMBER = re.compile(r"[-+]?\d[\d.,]*(?:e[-+]?\d+)?")


def parse_number(text: str) -> float | None:
    """Read a number typed in a document (``None`` if it is not one).

    A comma is the decimal mark, dots separate thousands (``1.234,5``); when both appear the last
    one is the decimal mark (``1,234.5`` works too). A single dot followed by exactly three digits
    (``3.128``) is a thousands separator, as in Vietnamese. A trailing ``%`` is ignored.
    """
    cleaned = (
        text.strip()
        .replace("\u00a0", "")
        .replace(" ", "")
        .replace("\u2212", "-")
        .removesuffix("%")
        .lower()
    )
    if not _NUMBER.fullmatch(cleaned):
        return None
    mantissa, e, exponent = cleaned.partition("e")
    dots, commas = mantissa.count("."), mantissa.count(",")
    if dots and commas:
        decimal = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = mantissa.rpartition(decimal)
        if not _grouped(whole, thousands) or not fraction.isdigit():
            return None
        mantissa = whole.replace(thousands, "") + "." + fraction
    elif commas > 1 or dots > 1:
        separator = "," if commas else "."
        if not _grouped(mantissa, separator):
            return None
        mantissa = mantissa.replace(separator, "")
    elif commas:
        mantissa = mantissa.replace(",", ".")
    elif dots and _grouped(mantissa, "."):
        mantissa = mantissa.replace(".", "")
    try:
        return float(mantissa + (e + exponent if e else ""))
    except ValueError:
        return None


def _grouped(text: str, separator: str) -> bool:
    """Whether ``text`` is digits in groups of three (``1.234.567``) or plain digits."""
    if separator not in text:
        return bool(re.fullmatch(r"[-+]?\d+", text))
    return bool(re.fullmatch(rf"[-+]?\d{{1,3}}(?:{re.escape(separator)}\d{{3}})+", text))


def parse_int(text: str) -> int | None:
    """Read a whole number (``1.702`` is 1702); ``None`` if the text is not one."""
    value = parse_number(text)
    if value is None or not value.is_integer() or "e" in text.lower():
        return None
    return int(value)


_WORDS_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> date | None:
    """Read ``ngày 16 tháng 8 năm 2023``, ``16/8/2023``, ``16-08-2023`` or ``2023-08-16``."""
    cleaned = squash(text)
    try:
        if match := _WORDS_DATE.search(cleaned):
            d, m, y = match.groups()
            return date(int(y), int(m), int(d))
        if match := _ISO.fullmatch(cleaned):
            y, m, d = match.groups()
            return date(int(y), int(m), int(d))
        if match := _DMY.fullmatch(cleaned):
            d, m, y = match.groups()
            return date(int(y), int(m), int(d))
    except ValueError:
        return None
    return None
