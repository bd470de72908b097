"""Hostile or odd JSON under the size cap: bounded work, capped findings, clear errors
(hardening issue 9, points 3, 6 and 9; issue 13, point 10). The time and memory figures are in
``bench/hostile_inputs.py``; these tests check the behaviour that keeps them bounded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sokets.cli.main import main
from sokets.errors import InputError
from sokets.findings import MAX_FINDINGS_PER_CODE
from sokets.forms import MAX_JSON_VALUES, load_report
from sokets.inputs import MAX_INPUT_BYTES
from sokets.validation import validate_bytes, validate_path
from tests.conftest import EXAMPLES


def _commune() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    return data


def test_a_list_of_a_million_wrong_items_is_refused_before_validation() -> None:
    data = _commune()
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * 1_650_000
    raw = json.dumps(data, separators=(",", ":")).encode()
    assert len(raw) < MAX_INPUT_BYTES
    with pytest.raises(InputError) as info:
        validate_bytes(raw, source="bomb.json")
    assert info.value.location == "/answers/m3_a_b1/typical_cases"
    assert "20,000" in info.value.message


def test_many_wrong_items_under_the_limit_give_capped_findings() -> None:
    data = _commune()
    wrong = MAX_JSON_VALUES // 2
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * wrong
    report = validate_bytes(json.dumps(data).encode(), source="many.json")
    listed = [f for f in report.findings if f.code == "T001"]
    assert len(listed) == MAX_FINDINGS_PER_CODE
    assert report.omitted == {"T001": wrong - MAX_FINDINGS_PER_CODE}
    assert report.counts["error"] == wrong


def test_the_cli_says_how_many_more_findings_were_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _commune()
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * 500
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count(" T001: ") == MAX_FINDINGS_PER_CODE
    assert "… and 450 more T001 findings" in out


def test_unknown_keys_past_the_cap_are_counted() -> None:
    data = _commune()
    for n in range(300):
        data["answers"][f"x{n}"] = {}
    report = validate_bytes(json.dumps(data).encode())
    assert report.counts["error"] == 300 and report.omitted["T003"] == 250


def test_a_duplicate_key_is_an_error_naming_it_and_the_rest_is_checked() -> None:
    text = json.dumps(_commune(), ensure_ascii=False)
    text = text.replace('"report_date": "2023-08-11"', '"report_date": "2023-08-30"', 1)
    text = text.replace('"unit_code": "16705"', '"unit_code": "16663", "unit_code": "16705"', 1)
    report = validate_bytes(text.encode())
    codes = {(f.code, f.location) for f in report.findings}
    assert ("T009", "/header/unit_code") in codes
    assert ("R024", "/header/report_date") in codes  # the last value is checked too
    assert not report.valid
    with pytest.raises(Exception, match="unit_code"):
        load_report(text.encode())


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_validate_bytes_takes_any_bytes_like_value(wrap: type) -> None:
    assert validate_bytes(wrap((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())).valid


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (EXAMPLES / "xa-hung-dong-pl04.json", "validate_path"),
        ({"header": {}}, "json.dumps"),
        (12, "JSON bytes"),
    ],
)
def test_validate_bytes_refuses_other_values_saying_what_to_call(value: object, hint: str) -> None:
    with pytest.raises(TypeError, match=hint):
        validate_bytes(value)  # type: ignore[arg-type]


def test_validate_path_with_an_over_long_name_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file"):
        validate_path(tmp_path / ("a" * 300 + ".json"))


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le"])
def test_wide_encodings_are_named_right(encoding: str) -> None:
    data = (EXAMPLES / "xa-hung-dong-pl04.json").read_text(encoding="utf-8").encode(encoding)
    expected = "UTF-32" if "32" in encoding else "UTF-16"
    with pytest.raises(InputError, match=expected):
        validate_bytes(data)


def test_a_whole_float_is_the_integer() -> None:
    data = _commune()
    data["answers"]["m3_c_b3"]["indicators"]["commune_teams"] = 1.0
    report = load_report(json.dumps(data).encode())
    assert report.answers.get("3.c.b3").indicators.commune_teams == 1  # type: ignore[union-attr]
    assert validate_bytes(json.dumps(data).encode()).findings == []


def test_the_summary_counts_the_findings_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _commune()
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * 300
    (tmp_path / "many.json").write_text(json.dumps(data))
    assert main(["validate", str(tmp_path / "many.json")]) == 1
    assert "300 lỗi / errors" in capsys.readouterr().out.splitlines()[-1]
