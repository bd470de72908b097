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
        "parent": None,
        "aliases": units[0]["aliases"],
    }
    assert "TP Vinh" in units[0]["aliases"]


def test_units_text_and_all_kinds(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = _run(capsysbinary, "units")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == ["code", "name", "kind", "parent", "aliases"]
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
