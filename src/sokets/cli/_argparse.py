"""argparse in Vietnamese and English, like the rest of the command line.

argparse words its help and its errors through ``gettext`` (the module's ``_`` and ``ngettext``);
:func:`install` points them at this table for the running command. Only the strings a user can
meet are translated; an unknown one passes through unchanged.
"""

from __future__ import annotations

import argparse

#: argparse's own strings (Python 3.11–3.13) and what sokets shows instead.
MESSAGES: dict[str, str] = {
    "usage: ": "cách dùng / usage: ",
    "options": "tùy chọn / options",
    "positional arguments": "tham số / positional arguments",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát / show this help and exit",
    "show program's version number and exit": "hiện phiên bản rồi thoát / show the version",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi / error: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc / missing arguments: %s",
    "unrecognized arguments: %s": "tham số không nhận ra / unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ / invalid choice: %(value)r (chọn một trong / choose from "
        "%(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "tham số / argument %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị / expected one argument",
    "expected at least one argument": "cần ít nhất một giá trị / expected at least one argument",
    "expected at most one argument": "cần nhiều nhất một giá trị / expected at most one argument",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ / invalid value: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ / ambiguous option: %(option)s (có thể là / could match %(matches)s)"
    ),
    "not allowed with argument %s": "không dùng cùng / not allowed with argument %s",
    "ignored explicit argument %r": "bỏ qua giá trị / ignored explicit argument %r",
    "one of the arguments %s is required": "cần một trong các tham số / one of %s is required",
    "expected %s argument": "cần %s giá trị / expected %s argument",
    "expected %s arguments": "cần %s giá trị / expected %s arguments",
}


def _translate(message: str) -> str:
    return MESSAGES.get(message, message)


def _ntranslate(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


def install() -> None:
    """Make argparse speak as the rest of the CLI does (for this process)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]
