"""The case folders: valid reports give no finding, invalid ones exactly the expected codes (validation, 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sokets.cli.main import main
from sokets.errors import InputError
from sokets.findings import FINDING_TYPES, Severity
from sokets.rules import CODES
from sokets.validation import validate_path

CASES = Path(__file__).resolve().parent / "cases"
FORMS = ("PL01", "PL02", "PL03", "PL04")
VALID = sorted(CASES.glob("*/valid/*.json"))
INVALID = sorted(CASES.glob("*/invalid/*.json"))
UNREADABLE = sorted(p for p in (CASES / "unreadable").iterdir() if p.suffix != ".expected")


def _name(path: Path) -> str:
    return str(path.relative_to(CASES))


def _expected_findings(case: Path) -> list[tuple[str, str]]:
    found = []
    for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, pointer = line.strip().partition(" ")
            found.append((code, pointer))
    return sorted(found)


def _expected_unreadable(case: Path) -> tuple[str, list[str]]:
    location, says = "", []
    for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key == "location":
            location = value.strip()
        elif key == "says":
            says.append(value.strip())
    return location, says


def test_every_form_has_valid_and_invalid_cases() -> None:
    for form in FORMS:
        assert list((CASES / form / "valid").glob("*.json")), form
        assert list((CASES / form / "invalid").glob("*.json")), form
    for case in INVALID:
        assert case.with_suffix(".expected").is_file(), case


def test_every_code_that_input_can_trigger_has_a_case() -> None:
    covered = {code for case in INVALID for code, _ in _expected_findings(case)}
    # T006 (a value outside a fixed list) and T008 (any other model error) cannot be reached from
    # a JSON file today; tests/test_rules.py checks their mapping directly.
    assert {c.code for c in CODES} - covered == {"T006", "T008"}


@pytest.mark.parametrize("path", VALID, ids=_name)
def test_valid_case_has_no_finding(path: Path) -> None:
    report = validate_path(path)
    assert [(f.code, f.location) for f in report.findings] == []
    assert report.valid
    assert report.form == path.parent.parent.name


@pytest.mark.parametrize("path", INVALID, ids=_name)
def test_invalid_case_gives_exactly_the_expected_findings(path: Path) -> None:
    expected = _expected_findings(path)
    assert expected, "a case names at least one finding"
    report = validate_path(path)
    assert sorted((f.code, f.location) for f in report.findings) == expected
    has_error = any(FINDING_TYPES[code].severity is Severity.ERROR for code, _ in expected)
    assert report.valid is not has_error
    assert not report.is_valid(strict=True)
    assert report.form == path.parent.parent.name
    assert report.source == str(path)


@pytest.mark.parametrize("path", UNREADABLE, ids=_name)
def test_unreadable_input_is_one_clear_error(path: Path) -> None:
    location, says = _expected_unreadable(path)
    with pytest.raises(InputError) as info:
        validate_path(path)
    error = info.value
    assert error.source == str(path)
    assert error.location == location
    for words in says:
        assert words in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("form", FORMS)
def test_cli_on_the_valid_folder_exits_0(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CASES / form / "valid")]) == 0
    lines = capsys.readouterr().out.splitlines()
    files = sorted((CASES / form / "valid").glob("*.json"))
    assert lines[:-1] == [f"{path}: hợp lệ / valid" for path in files]
    assert lines[-1].startswith("HỢP LỆ / VALID")


@pytest.mark.parametrize("form", FORMS)
def test_cli_on_the_invalid_folder_exits_1(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CASES / form / "invalid")]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    for case in (CASES / form / "invalid").glob("*.json"):
        for code, pointer in _expected_findings(case):
            assert f"{case}:{pointer or '/'}: " in captured.out
            assert f" {code}: " in captured.out


def test_cli_on_unreadable_inputs_exits_2_with_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", *map(str, UNREADABLE)]) == 2
    err_lines = capsys.readouterr().err.splitlines()
    assert len(err_lines) == len(UNREADABLE)
    for path, line in zip(UNREADABLE, err_lines, strict=True):
        assert line.startswith(f"sokets: {path}")
