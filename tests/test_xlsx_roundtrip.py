"""No loss (issue 6, deliverable 4): a report written into its template reads back as the same
report, for every form a workbook carries; every cell a person fills is imported or reported.

The round trip uses the project's strategies unchanged: arbitrary Unicode, control characters
included (the writer stores them with Excel's ``_xHHHH_`` escapes), NFD text, any float.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sokets.errors import InputError, InvalidReportError
from sokets.forms import load_report
from sokets.inputs import ImportResult
from sokets.validation import invalid_report
from sokets.xlsx import layout as lay
from sokets.xlsx.reader import read_workbook
from sokets.xlsx.template import build_report_workbook
from tests.conftest import EXAMPLES
from tests.strategies import FORM_STRATEGIES
from tests.xlsx.helpers import COMMUNE, DEPARTMENT, DISTRICT, edited, row_of, with_header

#: Each example writes and reads a whole workbook (about 0.1 s): fewer examples than the profile.
EXAMPLES_PER_FORM = min(settings.default.max_examples, 80)


@pytest.mark.parametrize("form", ["PL01", "PL04"])
def test_report_to_workbook_to_report_is_the_identity(form: str) -> None:
    @settings(max_examples=EXAMPLES_PER_FORM)
    @given(FORM_STRATEGIES[form])
    def round_trip(document: dict[str, Any]) -> None:
        report = load_report(json.dumps(document).encode())
        result = read_workbook(build_report_workbook(report), "report.xlsx")
        assert result.findings == []
        assert result.report == report
        assert result.report.model_dump(mode="json") == report.model_dump(mode="json")

    round_trip()


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_examples_survive_the_round_trip(name: str) -> None:
    report = load_report((EXAMPLES / name).read_bytes())
    result = read_workbook(build_report_workbook(report), name)
    assert result.findings == []
    assert result.report == report


# -- every filled cell is imported or reported --------------------------------------------------


@cache
def _base(code: str) -> tuple[bytes, Any]:
    data = with_header(code)
    return data, read_workbook(data, "base.xlsx").report


def _outcome(data: bytes) -> ImportResult | Exception:
    try:
        return read_workbook(data, "edited.xlsx")
    except (InputError, InvalidReportError) as exc:
        return exc


def _row_of(location: str) -> tuple[str, str]:
    sheet, _, cell = location.partition("!")
    return sheet, cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_MARKED_TEXT = st.text(alphabet="qzjwxk", min_size=1, max_size=6).map(lambda t: f"zq{t}")
_ANY_VALUE = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=20),
    _MARKED_TEXT,
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(["Có", "Không", "85%", " 85 ", "A.I", "2", "3.a.b1", "I.1", "#N/A"]),
)


@settings(max_examples=min(settings.default.max_examples, 120))
@given(
    code=st.sampled_from([DEPARTMENT, DISTRICT, COMMUNE]),
    where=st.tuples(st.integers(0, 10), st.integers(3, 70), st.integers(1, 11)),
    value=_ANY_VALUE,
    marked=_MARKED_TEXT,
)
def test_every_filled_cell_is_imported_or_reported(
    code: str, where: tuple[int, int, int], value: Any, marked: str
) -> None:
    """Fill one cell anywhere in the tables (rows 1–2 hold sokets' merged title and note): the
    report changes, or a finding names the cell's row, or the import is refused naming the cell."""
    base, base_report = _base(code)
    written: dict[str, Any] = {}

    def fill(wb: Any) -> None:
        sheets = [wb[s] for s in wb.sheetnames if s in lay.TABLES]
        ws = sheets[where[0] % len(sheets)]
        cell = ws.cell(where[1], where[2])
        current = cell.value
        new = marked if current not in (None, "") else value
        if isinstance(new, str) and new.startswith("="):
            new = " " + new
        cell.value = new
        if isinstance(new, str):
            cell.data_type = "s"
        written["ref"] = f"{ws.title}!{cell.coordinate}"

    outcome = _outcome(edited(base, fill))
    ref = written["ref"]
    sheet, row = _row_of(ref)
    if isinstance(outcome, InputError):
        assert outcome.location == ref
    elif isinstance(outcome, InvalidReportError):
        named = [f.location for f in invalid_report(outcome).findings]
        assert any(_row_of(place) == (sheet, row) for place in named), (ref, named)
    else:
        same_row = any(_row_of(f.location) == (sheet, row) for f in outcome.findings)
        assert same_row or outcome.report != base_report, (ref, outcome.findings)


def test_cell_values_of_every_type_reach_the_report() -> None:
    """The oracle above is not vacuous: a plain value in an open cell changes the report."""

    def fill(wb: Any) -> None:
        ws = wb["Đề cương"]
        ws.cell(row_of(ws, "1.b1"), 3).value = datetime(2023, 8, 1)

    data, report = _base(COMMUNE)
    result = read_workbook(edited(data, fill), "x.xlsx")
    assert result.findings == [] and result.report != report
    assert result.report.answers.get("1.b1").results == "01/08/2023"
