"""Text helpers: Unicode NFC normalisation and tolerant look-up keys for Vietnamese names."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

_SPACES = re.compile(r"\s+")

# Old-style ("hoà") and new-style ("hòa") tone placement are both in use; the CSV of 2023 spells
# "Thị xã Thái Hoà" while most documents write "Thái Hòa". Look-up keys use one placement.
_TONE_PLACEMENT = {
    old: new
    for pairs in (
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    )
    for old, new in [pairs]
}
_TONE_RE = re.compile("|".join(_TONE_PLACEMENT))


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (the form the plan's titles are stored in)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return a look-up key: NFC, case-folded, spaces collapsed, one tone placement.

    ``fold("  sở  TT&TT ") == fold("Sở TT&TT")`` and ``fold("Thái Hoà") == fold("Thái Hòa")``.
    Remembered: readers fold the same ids, titles and headers again and again.
    """
    key = _SPACES.sub(" ", nfc(text)).strip().casefold()
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], key)


def ascii_fold(text: str) -> str:
    """:func:`fold`, then without diacritics (``đ`` as ``d``): ``"Sở Y tế"`` → ``"so y te"``.

    For look-ups typed on a keyboard without Vietnamese input; distinct names may share a key.
    """
    key = unicodedata.normalize("NFD", fold(text)).replace("đ", "d")
    return "".join(c for c in key if not unicodedata.combining(c))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control and bidirectional-override characters
    (ESC, CR, LF, TAB…) escaped as ``\\x1b``, ``\\n``, ``\\u202e``; everything else unchanged."""
    if text.isprintable():
        return text
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def short_date(day: date) -> str:
    """A date as Vietnamese documents write it: ``13/6/2023``, ``05/8/2022``, ``01/02/2023``.

    Days below 10, and the months January and February, take a leading zero (Nghị định
    30/2020/NĐ-CP, Phụ lục I); other months do not, as the plan itself writes "13/6/2023".
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"
