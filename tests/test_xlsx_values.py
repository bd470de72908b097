"""How typed cell values are read (issue 6, deliverable 2: what people type is tolerated)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sokets.xlsx import values as val


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (85, 85),
        (85.0, 85),
        ("85", 85),
        (" 85 ", 85),
        ("1.234", 1234),
        ("1,234", 1234),
        ("1 234", 1234),
        ("1.234.567", 1234567),
        ("12.", 12),
        ("85,0", 85),
        ("-3", -3),
        ("８５", 85),
        ("1" * 30, int("1" * 30)),
    ],
)
def test_integers(typed: Any, expected: int) -> None:
    assert val.as_integer(typed) == expected


@pytest.mark.parametrize(
    "typed", [85.5, "85,5", "tám", True, "1.23", "1" * 5000, val.CellError("#N/A"), "", "1e3"]
)
def test_not_integers(typed: Any) -> None:
    with pytest.raises(val.WrongKind) as caught:
        val.as_integer(typed)
    assert "số nguyên" in caught.value.expected_vi


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (85.5, 85.5),
        ("85,5", 85.5),
        ("85.5", 85.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234", 1234),
        ("1e3", 1000),
        (" -0,25 ", -0.25),
    ],
)
def test_decimals(typed: Any, expected: float) -> None:
    assert val.as_decimal(typed) == expected


@pytest.mark.parametrize("typed", ["nan", "inf", "1e400", "1,2,3", "abc", float("nan"), False])
def test_not_decimals(typed: Any) -> None:
    with pytest.raises(val.WrongKind):
        val.as_decimal(typed)


@pytest.mark.parametrize(
    ("typed", "number_format", "expected"),
    [
        ("85%", "General", 85),
        ("85,5 %", "@", 85.5),
        (85, "General", 85),
        (0.85, "0%", 85),
        (0.8525, "0.00%", 85.25),
    ],
)
def test_percents(typed: Any, number_format: str, expected: float) -> None:
    assert val.as_percent(typed, number_format) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (datetime(2023, 8, 14, 0, 0), date(2023, 8, 14)),
        (date(2023, 8, 14), date(2023, 8, 14)),
        (45152, date(2023, 8, 14)),
        ("14/08/2023", date(2023, 8, 14)),
        (" 14/8/2023 ", date(2023, 8, 14)),
        ("14.8.2023", date(2023, 8, 14)),
        ("14-08-2023", date(2023, 8, 14)),
        ("2023-08-14", date(2023, 8, 14)),
        ("2023-08-14 00:00:00", date(2023, 8, 14)),
        ("ngày 14 tháng 8 năm 2023", date(2023, 8, 14)),
        (unicodedata.normalize("NFD", "Ngày 14 tháng 08 năm 2023"), date(2023, 8, 14)),
    ],
)
def test_dates(typed: Any, expected: date) -> None:
    assert val.as_date(typed) == expected


@pytest.mark.parametrize(
    "typed", ["31/02/2023", "tháng 8", "14/08/23", 1.5, True, "2023-08-14 9:30"]
)
def test_not_dates(typed: Any) -> None:
    with pytest.raises(val.WrongKind):
        val.as_date(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Có", True),
        (" có ", True),
        (unicodedata.normalize("NFD", "KHÔNG"), False),
        ("khong", False),
        ("x", True),
        ("Yes", True),
        (True, True),
        (0, False),
    ],
)
def test_yes_no(typed: Any, expected: bool) -> None:
    assert val.as_yes_no(typed) is expected


def test_not_yes_no() -> None:
    with pytest.raises(val.WrongKind):
        val.as_yes_no("có lẽ")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [(2023, "2023"), (85.5, "85.5"), (datetime(2023, 8, 1), "01/08/2023"), (True, "Có")],
)
def test_numbers_and_dates_in_text_cells_become_text(typed: Any, expected: str) -> None:
    assert val.as_text(typed) == expected


def test_error_values_are_not_text_but_the_same_words_typed_are() -> None:
    assert val.clean("#N/A", "s") == "#N/A"
    assert val.is_error(val.clean("#N/A", "e"))
    with pytest.raises(val.WrongKind):
        val.as_text(val.clean("#N/A", "e"))


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_typed_as_text_read_back(number: int) -> None:
    assert val.as_integer(str(number)) == number
    assert val.as_integer(f" {number:,} ".replace(",", ".")) == number
