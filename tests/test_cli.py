"""The first CLI: --version, units, catalog, summary (core, 8)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sokets import __version__
from sokets.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sokets", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"sokets {__version__}"


def test_units_json(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "units", "--kind", "district", "--format", "json")
    assert code == 0
    units = json.loads(out)
    assert len(units) == 21
    assert units[0] == {
        "code": "412",
        "name": "Thành phố Vinh",
        "kind": "district",
        "type": "thành phố",
        "parent": None,
        "aliases": units[0]["aliases"],
    }
    assert "TP Vinh" in units[0]["aliases"]


def test_units_text_and_all_kinds(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "units")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == ["code", "name", "kind", "type", "parent", "aliases"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert rows["16705"][3] == "xã" and rows["413"][3] == "thị xã" and rows["SO-YT"][3] == ""
    assert len(lines) == 1 + 508
    assert "Sở Thông tin và Truyền thông" in out


def test_catalog_for_a_unit_by_alias(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "catalog", "--unit", "Sở TT&TT", "--format", "json")
    assert code == 0
    tasks = json.loads(out)
    assert len(tasks) == 23
    assert set(tasks[0]) == {"id", "group", "title", "lead", "lead_units", "reporting_units"}
    assert tasks[0]["id"] == "I.1"
    assert [t["id"] for t in tasks if t["lead_units"] == ["TT-CNTT"]] == ["I.13", "III.4"]


def test_catalog_text_names_all_units_as_the_plan_does(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, out, _ = _run(capsysbinary, "catalog", "--unit", "412")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [r[0] for r in rows] == ["II.4", "IV.9"]
    assert {r[2] for r in rows} == {"Các Sở, ban, ngành cấp tỉnh, UBND cấp huyện"}


def test_catalog_for_a_commune_says_why_it_is_empty(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, out, err = _run(capsysbinary, "catalog", "--unit", "Xa Hung Dong")
    assert code == 0
    assert out.splitlines() == ["id\ttitle\tlead_units"]
    assert "Phụ lục 04" in err and "no Phụ lục 03 task" in err


def test_catalog_for_a_subunit_lists_the_tasks_it_leads_and_who_reports_them(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, out, err = _run(capsysbinary, "catalog", "--unit", "TT-CNTT", "--format", "json")
    assert code == 0
    assert [t["id"] for t in json.loads(out)] == ["I.13", "III.4"]
    assert "SO-TTTT" in err


def test_catalog_all(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "catalog", "--format", "json")
    assert code == 0
    assert len(json.loads(out)) == 38


def test_catalog_unknown_unit_exits_2(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = _run(capsysbinary, "catalog", "--unit", "Sở Vũ trụ")
    assert code == 2
    assert out == ""
    assert "Sở Vũ trụ" in err and len(err.strip().splitlines()) == 1


def test_bad_arguments_exit_2(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["units", "--kind", "planet"])
    assert info.value.code == 2


def test_summary_of_the_examples(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "summary", str(EXAMPLES), "--format", "json")
    assert code == 0
    rows = {r["unit_code"]: r for r in json.loads(out)}
    assert {"SO-TTTT", "SO-YT", "412"} <= set(rows)
    assert rows["SO-TTTT"]["tasks_reported"] == rows["SO-TTTT"]["tasks_assigned"] == 23
    for row in rows.values():
        assert row["items_answered"] == row["items_applicable"] > 0
        assert not row["late"]


def test_summary_missing_file_exits_2(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, _, err = _run(capsysbinary, "summary", "no/such/file.json")
    assert code == 2
    assert "no/such/file.json" in err


def test_an_unexpected_error_is_one_line_and_exit_3(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sokets.cli.units

    def broken(args: object) -> int:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(sokets.cli.units, "handle", broken)
    monkeypatch.delenv("SOKETS_DEBUG", raising=False)
    code, out, err = _run(capsysbinary, "units")
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1 and "ZeroDivisionError: boom" in err
