"""Cases found in review: huge numbers, keys by Python name, dates around the plan, CLI verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sokets.cli.main import main
from sokets.errors import InvalidReportError
from sokets.forms import load_report
from sokets.outline import pl04_outline
from sokets.validation import validate_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _commune() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    return data


def _codes(data: dict[str, Any]) -> list[tuple[str, str]]:
    report = validate_bytes(json.dumps(data).encode(), source="x.json")
    return [(f.code, f.location) for f in report.findings]


@pytest.mark.parametrize("value", [10**400, -(10**400), 10**13])
def test_absurd_ratio_terms_are_refused_by_the_model(value: int) -> None:
    data = _commune()
    data["answers"]["m3_a_b7"]["indicators"]["officials_trained"] = {
        "numerator": value,
        "denominator": value,
    }
    with pytest.raises(InvalidReportError) as info:
        load_report(json.dumps(data).encode())
    pointers = {p.pointer for p in info.value.problems}
    assert pointers == {
        "/answers/m3_a_b7/indicators/officials_trained/numerator",
        "/answers/m3_a_b7/indicators/officials_trained/denominator",
    }


def test_answers_are_keyed_by_item_id_only() -> None:
    data = _commune()
    data["answers"]["item_2"] = data["answers"].pop("m2")
    # the Python name is an unknown key, and item 2 is therefore missing: both said at once
    assert _codes(data) == [("T003", "/answers/item_2"), ("R004", "/answers/m2")]


def test_baseline_figures_may_predate_the_period() -> None:
    data = _commune()
    data["answers"]["m1_b1"]["figures"] = [
        {"name": "Dân số", "value": 11420, "as_of": "2021-12-31"}
    ]
    data["answers"]["m2"]["figures"] = [{"name": "Văn bản", "value": 3, "as_of": "2021-12-31"}]
    assert _codes(data) == [("R022", "/answers/m2/figures/0/as_of")]


def test_report_dated_before_the_plan() -> None:
    data = _commune()
    data["header"]["report_date"] = "2023-01-10"
    assert ("R025", "/header/report_date") in _codes(data)


def test_pl04_item_6_carries_the_plan_s_guidance(spec_text: str) -> None:
    guidance = pl04_outline().get("6").guidance
    assert guidance.startswith("Căn cứ nội dung, yêu cầu tại Kế hoạch số 586/KH-UBND")
    assert guidance in spec_text
    for item_id in ("2", "4", "5", "6"):
        assert pl04_outline().get(item_id).guidance


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_strict_counts_reports_with_warnings_as_invalid(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = _commune()
    data["header"]["report_date"] = "2023-08-25"  # late: a warning
    (tmp_path / "late.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = _run(capsysbinary, "validate", str(tmp_path), "--strict", "--format", "json")
    result = json.loads(out)
    assert code == 1
    assert result["valid"] is False
    assert result["counts"]["valid"] == 0 and result["counts"]["invalid"] == 1
    assert result["reports"][0]["valid"] is False


def test_summary_goes_on_after_a_bad_input(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    good = EXAMPLES / "xa-hung-dong-pl04.json"
    code, out, err = _run(
        capsysbinary, "summary", str(tmp_path / "broken.json"), str(good), "--format", "json"
    )
    assert code == 2
    assert [r["unit_code"] for r in json.loads(out)] == ["16705"]
    assert "broken.json" in err


@pytest.mark.parametrize(
    "schema", ['{"type": 5}', '{"properties": [1]}', '{"minimum": "a"}', "[" * 100000]
)
def test_schema_diff_of_a_broken_schema_exits_2(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], schema: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(schema, encoding="utf-8")
    old = Path(__file__).resolve().parent.parent / "schemas" / "PL02" / "1.0.0.schema.json"
    code, _, err = _run(capsysbinary, "schema", "diff", str(old), str(bad))
    assert code == 2
    assert "bad.json" in err and len(err.strip().splitlines()) == 1


def test_did_you_mean_hints_stop_after_max_hints() -> None:
    from sokets.errors import InvalidReportError
    from sokets.findings import MAX_FINDINGS_PER_CODE
    from sokets.forms import load_report
    from sokets.rules.model import MAX_HINTS, problem_findings

    data = _commune()
    for n in range(MAX_HINTS + 10):
        data["answers"][f"m3_a_b{n + 10}"] = {}
    raw = json.dumps(data).encode()
    with pytest.raises(InvalidReportError) as caught:
        load_report(raw, source="x.json")
    # Every finding, before a report lists at most MAX_FINDINGS_PER_CODE of a code.
    unknown = [f for f in problem_findings(caught.value.problems, "PL04", data) if f.code == "T003"]
    assert len(unknown) == MAX_HINTS + 10
    assert "Did you mean" in unknown[0].message_en
    assert all("Did you mean" not in f.message_en for f in unknown[MAX_HINTS:])
    report = validate_bytes(raw, source="x.json")
    listed = [f for f in report.findings if f.code == "T003"]
    assert len(listed) + report.omitted.get("T003", 0) == MAX_HINTS + 10
    assert len(listed) == min(MAX_HINTS + 10, MAX_FINDINGS_PER_CODE)
