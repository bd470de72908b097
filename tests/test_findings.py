"""Findings are capped per code and input, and the cap is counted, never hidden (hardening, 9.3)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sokets.findings import MAX_FINDINGS_PER_CODE, Finding, FindingList, ValidationReport
from sokets.rules import codes as c


def _wrong(i: int) -> Finding:
    return c.WRONG_TYPE.at(f"/rows/{i}", got=i, expected_vi="số", expected_en="a number")


def test_findings_past_the_cap_are_counted_not_listed() -> None:
    report = ValidationReport("x.json", findings=[_wrong(i) for i in range(500)])
    assert len(report.findings) == MAX_FINDINGS_PER_CODE
    assert report.omitted == {"T001": 500 - MAX_FINDINGS_PER_CODE}
    assert report.counts == {"error": 500, "warning": 0}
    assert not report.valid
    assert report.to_dict()["omitted"] == {"T001": 450}


def test_warnings_past_the_cap_still_fail_strict() -> None:
    late = [c.LATE_REPORT.at("/header/report_date", date="x", deadline="y")] * 60
    report = ValidationReport("x.json", findings=late)
    assert report.valid
    assert not report.is_valid(strict=True)
    assert report.counts["warning"] == 60


@given(st.lists(st.sampled_from(["T001", "R024"]), max_size=200), st.integers(1, 20))
def test_finding_list_keeps_at_most_limit_per_code_and_counts_all(
    codes: list[str], limit: int
) -> None:
    found = FindingList(limit)
    for i, code in enumerate(codes):
        if code == "T001":
            found.add(_wrong(i))
        else:
            found.add(c.LATE_REPORT.at("/", date=str(i), deadline="d"))
    for code in ("T001", "R024"):
        kept = sum(1 for f in found.items if f.code == code)
        assert kept == min(limit, codes.count(code))
        assert kept + found.omitted.get(code, 0) == codes.count(code)
