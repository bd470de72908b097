"""A percentage typed in a spreadsheet is imported as the number the cell shows (review 13):
typing 85% makes Excel and LibreOffice store 0.85 with a percent number format, so the cells
here are written that way (value 0.85, number format ``0%``), and once through LibreOffice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sokets.models.answers import answer_key
from sokets.xlsx import values as val
from sokets.xlsx.reader import read_workbook
from tests.xlsx.helpers import (
    COMMUNE,
    blank,
    edited,
    fill_header,
    libreoffice,
    needs_soffice,
    row_of,
)

ITEM = "2"  # an item of the commune's outline that takes figures


def _typed(cell: Any, value: Any, number_format: str | None = None) -> None:
    """Store ``value`` as a spreadsheet stores what a person typed (``0.85`` + ``0%`` for 85%)."""
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format


def _figures(*rows: tuple[Any, str | None, str | None]) -> bytes:
    """The commune's template with one figure per ``(value, number format, unit)``."""

    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Số liệu"]
        for row, (value, number_format, unit) in enumerate(rows, start=4):
            ws.cell(row, 1).value = ITEM
            ws.cell(row, 2).value = f"Số liệu {row}"
            _typed(ws.cell(row, 3), value, number_format)
            ws.cell(row, 4).value = unit

    return edited(blank(COMMUNE), fill)


def _figures_read(data: bytes) -> tuple[list[tuple[Any, str]], list[tuple[str, str]], Any]:
    result = read_workbook(data, "so-lieu.xlsx")
    figures = [(f.value, f.unit) for f in result.report.answers.get(ITEM).figures]
    return figures, [(f.code, f.location) for f in result.findings], result


# -- "Số liệu": Giá trị ------------------------------------------------------------------------


def test_a_percent_typed_in_a_figure_value_is_the_percent_shown_with_unit_percent() -> None:
    figures, codes, result = _figures_read(
        _figures((0.85, "0%", None), (0.8525, "0.00%", "%"), ("85%", None, None))
    )
    assert figures == [(85, "%"), (85.25, "%"), (85, "%")]
    assert codes == []
    # the unit was read from how the value cell shows it
    assert result.locations[f"/answers/{answer_key(ITEM)}/figures/0/unit"] == "Số liệu!C4"
    assert result.locations[f"/answers/{answer_key(ITEM)}/figures/1/unit"] == "Số liệu!D5"


def test_a_percent_figure_whose_unit_says_otherwise_keeps_the_number_shown_and_says_so() -> None:
    figures, codes, result = _figures_read(
        _figures((0.85, "0%", "người"), ("12,5 %", None, "hồ sơ"))
    )
    assert figures == [(85, "người"), (12.5, "hồ sơ")]
    assert codes == [("X011", "Số liệu!C4"), ("X011", "Số liệu!C5")]
    assert "“85%”" in result.findings[0].message_vi
    assert "“người”" in result.findings[0].message_vi
    assert result.findings[0].severity.value == "warning"


def test_numbers_not_shown_as_percentages_are_kept_as_they_are() -> None:
    figures, codes, _ = _figures_read(
        _figures(
            (0.85, None, None), (85, '0"%"', "%"), (85, "0\\%", None), (1234.5, "#,##0.0", None)
        )
    )
    assert figures == [(0.85, ""), (85, "%"), (85, ""), (1234.5, "")]
    assert codes == []


# -- "Chỉ số" and other number cells -----------------------------------------------------------


def test_ratio_cells_shown_as_percentages() -> None:
    """The stated percent takes the percent shown; a numerator, denominator or count shown as a
    percentage is the number shown, with a warning (never the stored fraction, silently)."""
    rows: dict[str, int] = {}

    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Chỉ số"]
        for key in ("procedures_standardised", "dossiers_at_counter", "village_teams"):
            rows[key] = row_of(ws, key, column=2)
        row = rows["procedures_standardised"]
        ws.cell(row, 4).value, ws.cell(row, 5).value = 17, 20
        _typed(ws.cell(row, 7), 0.85, "0%")
        row = rows["dossiers_at_counter"]
        _typed(ws.cell(row, 4), 1, "0%")  # 100% typed into "Tử số": Excel stores 1
        ws.cell(row, 5).value = 200
        _typed(ws.cell(row, 7), 50, '0"%"')  # a percent sign appended to 50, not a percentage
        _typed(ws.cell(rows["village_teams"], 9), 0.12, "0%")

    result = read_workbook(edited(blank(COMMUNE), fill), "chi-so.xlsx")
    indicators = result.report.answers.get("3.a.b3").indicators
    assert indicators.procedures_standardised.percent == 85
    assert indicators.dossiers_at_counter.numerator == 100
    assert indicators.dossiers_at_counter.percent == 50
    assert result.report.answers.get("3.c.b3").indicators.village_teams == 12
    assert [(f.code, f.location) for f in result.findings] == [
        ("X011", f"Chỉ số!D{rows['dossiers_at_counter']}"),
        ("X011", f"Chỉ số!I{rows['village_teams']}"),
    ]
    assert "“Tử số”" in result.findings[0].message_vi


def test_a_percent_that_is_not_a_whole_number_is_reported_as_shown() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Chỉ số"]
        row = row_of(ws, "procedures_standardised", column=2)
        _typed(ws.cell(row, 4), 0.855, "0.0%")
        ws.cell(row, 5).value = 100

    result = read_workbook(edited(blank(COMMUNE), fill), "chi-so.xlsx")
    assert [f.code for f in result.findings] == ["X001"]
    assert "“85.5%”" in result.findings[0].message_vi


def test_a_percent_pasted_into_a_text_cell_is_the_text_shown() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        _typed(wb["Đề cương"].cell(row_of(wb["Đề cương"], ITEM), 3), 0.85, "0%")

    result = read_workbook(edited(blank(COMMUNE), fill), "text.xlsx")
    assert result.report.answers.get(ITEM).results == "85%"
    assert result.findings == []


# -- number formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number_format", "value", "expected"),
    [
        ("0%", 0.85, True),
        ("0.00%", 0.85, True),
        ("#,##0.0%", 0.85, True),
        ("[Red]0%", 0.85, True),
        ("0%;[Red]-0%", -0.1, True),
        ("0;-0%", 0.85, False),
        ("0;-0%", -0.85, True),
        ('0"%"', 85, False),
        ("0\\%", 85, False),
        ('"tỷ lệ %" 0', 85, False),
        ("General", 0.85, False),
        ("@", 0.85, False),
        ("", 0.85, False),
    ],
)
def test_percent_number_formats(number_format: str, value: float, expected: bool) -> None:
    assert val.is_percent_format(number_format, value) is expected


# -- through LibreOffice -----------------------------------------------------------------------


@needs_soffice
def test_percents_survive_a_save_by_libreoffice(tmp_path: Path) -> None:
    data = libreoffice(_figures((0.85, "0%", None), (0.125, "0.0%", "người")), tmp_path)
    figures, codes, _ = _figures_read(data)
    assert figures == [(85, "%"), (12.5, "người")]
    assert codes == [("X011", "Số liệu!C5")]
