"""Library API: validate a model, bytes or files; reports serialise to JSON (validation, 2)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from sokets.errors import InputError, InvalidReportError, Problem
from sokets.findings import Finding, Severity, ValidationReport
from sokets.forms import dump_report, load_report
from sokets.inputs import MAX_INPUT_BYTES, READERS, ImportResult
from sokets.validation import (
    ValidationRun,
    validate_bytes,
    validate_path,
    validate_paths,
    validate_report,
)
from tests.strategies import pl04_reports

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"
COMMUNE = CASES / "PL04" / "valid" / "commune-nghi-tan.json"


def _nfd(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, list):
        return [_nfd(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfd(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_examples_are_valid_without_warnings(path: Path) -> None:
    report = validate_path(path)
    assert report.findings == []
    assert report.form in {"PL01", "PL04"}
    assert report.unit_code is not None


def test_validate_report_takes_a_model() -> None:
    model = load_report(COMMUNE.read_bytes())
    report = validate_report(model, source="xã.json")
    assert (report.source, report.form, report.unit_code) == ("xã.json", "PL04", "16720")
    assert report.valid and report.findings == []


def test_validate_bytes_reports_model_problems_with_codes() -> None:
    data = json.loads(COMMUNE.read_bytes())
    data["header"]["report_date"] = "2023-13-01"
    data["answers"]["m2"] = {"results": 12}
    report = validate_bytes(json.dumps(data).encode(), "x.json")
    assert [(f.code, f.location) for f in report] == [
        ("T004", "/header/report_date"),
        ("T001", "/answers/m2/results"),
    ]
    assert (report.form, report.unit_code, report.valid) == ("PL04", "16720", False)
    assert '"2023-13-01"' in report.findings[0].message_vi
    assert "12" in report.findings[1].message_en


def test_validate_bytes_raises_input_error_for_non_reports() -> None:
    with pytest.raises(InputError) as info:
        validate_bytes(b'{"header": {"form": "PL01"', "half.json")
    assert info.value.source == "half.json"
    assert "line 1 column" in str(info.value)


def test_report_filters_counts_and_serialises() -> None:
    report = validate_path(CASES / "PL01" / "invalid" / "r007-answer-for-another-unit.json")
    assert report.counts == {"error": 0, "warning": 2}
    assert report.errors() == [] and len(report.warnings()) == 2
    assert report.by_severity(Severity.WARNING) == report.warnings()
    assert report.valid and not report.is_valid(strict=True)
    as_json = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert as_json["valid"] is True
    assert [f["code"] for f in as_json["findings"]] == ["R007", "R008"]
    assert set(as_json["findings"][0]) == {
        "code",
        "severity",
        "location",
        "message_vi",
        "message_en",
    }


def test_nfd_text_is_accepted_normalised_and_kept() -> None:
    document = json.loads(COMMUNE.read_bytes())
    nfc_bytes = json.dumps(document, ensure_ascii=False).encode()
    nfd_bytes = json.dumps(_nfd(document), ensure_ascii=False).encode()
    assert nfd_bytes != nfc_bytes and len(nfd_bytes) > len(nfc_bytes)
    assert validate_bytes(nfd_bytes).findings == []
    from_nfd, from_nfc = load_report(nfd_bytes), load_report(nfc_bytes)
    assert dump_report(from_nfd) == dump_report(from_nfc)
    assert from_nfd.header.signer.name == "Trần Thị Bình"  # type: ignore[attr-defined]


@settings(max_examples=40)
@given(pl04_reports())
def test_generated_reports_in_any_normal_form_validate_without_crash(
    report: dict[str, Any],
) -> None:
    data = json.dumps(report, ensure_ascii=False).encode()
    result = validate_bytes(data)
    # the strategy builds model-valid reports: only rule codes can appear
    assert all(f.code.startswith("R") for f in result.findings)
    text = dump_report(load_report(data)).decode()
    assert unicodedata.is_normalized("NFC", text)


def _reader_with_findings(data: bytes, source: str) -> ImportResult:
    """A reader for the test suffix ``.fake``: JSON inside, plus one finding of its own."""
    note = Finding("X999", Severity.WARNING, "Sheet!B7", "ô thừa", "stray cell")
    return ImportResult(load_report(data, source=source), [note])


def test_validate_path_reads_any_registered_format_and_keeps_reader_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, ".fake", "tests.test_validate:_reader_with_findings")
    case = CASES / "PL01" / "invalid" / "r024-late.json"
    target = tmp_path / "late.fake"
    target.write_bytes(case.read_bytes())
    report = validate_path(target)
    assert [(f.code, f.location) for f in report] == [
        ("X999", "Sheet!B7"),
        ("R024", "/header/report_date"),
    ]
    run = validate_paths([tmp_path])
    assert [r.source for r in run.reports] == [str(target)]


def _reader_refusing(data: bytes, source: str) -> ImportResult:
    """A reader for ``.fake`` that finds the content does not fit the model."""
    problem = Problem("/answers/m3_a_b7", "answer_required", "missing")
    raise InvalidReportError(source=source, form="PL04", problems=(problem,))


def test_invalid_content_from_a_non_json_reader_is_coded_without_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, ".fake", "tests.test_validate:_reader_refusing")
    target = tmp_path / "xa.fake"
    target.write_bytes(b"PK\x03\x04 not json")
    report = validate_path(target)
    assert [(f.code, f.location) for f in report] == [("R004", "/answers/m3_a_b7")]
    assert report.form == "PL04" and report.unit_code is None


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError, match="file too large") as info:
        validate_path(big)
    assert info.value.source == str(big)


def test_validate_paths_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    invalid = CASES / "PL04" / "invalid" / "r003-wrong-district.json"
    run = validate_paths([COMMUNE, tmp_path / "missing.json", empty_folder, invalid])
    assert isinstance(run, ValidationRun)
    assert [r.source for r in run.reports] == [str(COMMUNE), str(invalid)]
    assert [e.source for e in run.unreadable] == [str(tmp_path / "missing.json"), str(empty_folder)]
    assert not run.is_valid()
    assert run.counts == {
        "inputs": 4,
        "valid": 1,
        "invalid": 1,
        "unreadable": 2,
        "error": 1,
        "warning": 0,
    }
    document = json.loads(json.dumps(run.to_dict(strict=True)))
    assert document["valid"] is False and document["strict"] is True
    assert document["unreadable"][0]["message"].endswith("no such file or folder")


def test_a_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.json").write_bytes(COMMUNE.read_bytes())
    (tmp_path / "1.json").write_bytes(COMMUNE.read_bytes())
    (tmp_path / "notes.md").write_text("không phải báo cáo", encoding="utf-8")
    run = validate_paths([tmp_path])
    assert [Path(r.source).name for r in run.reports] == ["1.json", "2.json"]
    assert run.is_valid(strict=True)


def test_validation_report_is_iterable_and_typed() -> None:
    report = validate_bytes(COMMUNE.read_bytes())
    assert isinstance(report, ValidationReport)
    assert list(report) == report.findings == []
