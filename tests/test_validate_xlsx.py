"""``sokets validate`` on workbooks: findings name the cell to fix, folders include workbooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sokets.forms import load_report
from sokets.inputs import iter_input_files
from sokets.validation import validate_path
from sokets.xlsx.template import build_report_workbook

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xa-hung-dong-pl04.json"


def test_rule_findings_point_at_cells(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_bytes())
    ratio = data["answers"]["3.a.b7"]["indicators"]["officials_trained"]
    ratio["numerator"] = ratio["denominator"] + 5
    data["header"]["report_date"] = "2023-08-25"
    workbook = tmp_path / "hung-dong.xlsx"
    workbook.write_bytes(build_report_workbook(load_report(json.dumps(data).encode())))
    places = {f.code: f.location for f in validate_path(workbook).findings}
    assert places["R024"] == "Thông tin!C7"
    assert places["R018"].startswith("Chỉ số!")
    assert "/answers/" not in places["R018"].split(" ")[0]


def test_folders_include_every_registered_format_but_not_lock_files(tmp_path: Path) -> None:
    for name in ("a.json", "b.xlsx", "c.docx", "~$b.xlsx", ".~lock.c.docx#", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in iter_input_files([tmp_path])] == ["a.json", "b.xlsx", "c.docx"]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    from sokets.errors import InputError

    (tmp_path / "~$open.xlsx").write_bytes(b"x")
    with pytest.raises(InputError, match="folder has no reports"):
        list(iter_input_files([tmp_path]))
