"""``sokets validate`` on workbooks: findings name the cell to fix, folders include workbooks."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from sokets.cli.main import main
from sokets.forms import load_report
from sokets.inputs import iter_input_files
from sokets.rules import codes as c
from sokets.validation import validate_path
from sokets.xlsx.template import build_report_workbook
from tests.xlsx.helpers import COMMUNE, DISTRICT, blank, edited, fill_header, info_row, row_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xa-hung-dong-pl04.json"


def test_rule_findings_point_at_cells(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_bytes())
    ratio = data["answers"]["m3_a_b7"]["indicators"]["officials_trained"]
    ratio["numerator"] = ratio["denominator"] + 5
    data["header"]["report_date"] = "2023-08-25"
    workbook = tmp_path / "hung-dong.xlsx"
    workbook.write_bytes(build_report_workbook(load_report(json.dumps(data).encode())))
    places = {f.code: f.location for f in validate_path(workbook).findings}
    assert places["R024"] == "Thông tin!C7"
    assert places["R018"].startswith("Chỉ số!")
    assert "/answers/" not in places["R018"].split(" ")[0]


REQUIRED = ("report_number", "report_date", "signer.title", "signer.name")


def test_header_gaps_name_their_cells_in_validate_and_in_import(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "xa.xlsx"
    source.write_bytes(blank(COMMUNE))
    wb = openpyxl.load_workbook(source)
    cells = [f"Thông tin!C{info_row(wb['Thông tin'], key)}" for key in REQUIRED]

    assert main(["validate", str(source)]) == 1
    captured = capsysbinary.readouterr()
    shown = (captured.out + captured.err).decode()
    for cell in cells:
        assert f"{source}:{cell}: error {c.MISSING_FIELD.code}" in shown
    assert "/header/" not in shown

    assert main(["validate", "--format", "json", str(source)]) == 1
    (report,) = json.loads(capsysbinary.readouterr().out)["reports"]
    assert [f["location"] for f in report["findings"]] == cells

    assert main(["import", str(source), "-o", str(tmp_path / "xa.json")]) == 1
    captured = capsysbinary.readouterr()
    shown = (captured.out + captured.err).decode()
    for cell in cells:
        assert cell in shown


def test_rule_findings_about_tables_and_blank_header_texts_point_at_cells(tmp_path: Path) -> None:
    def fill(wb: openpyxl.Workbook) -> None:
        fill_header(wb)
        info = wb["Thông tin"]
        info.cell(info_row(info, "report_number"), 3).value = "   "
        wb["PL02"]["A4"], wb["PL02"]["B4"] = 1, "Nhiệm vụ riêng"  # no results
        pl03 = wb["PL03"]
        pl03.delete_rows(row_of(pl03, "IV.9"))

    workbook = tmp_path / "huyen.xlsx"
    workbook.write_bytes(edited(blank(DISTRICT), fill))
    wb = openpyxl.load_workbook(workbook)
    found = {(f.code, f.location) for f in validate_path(workbook).findings}
    assert (c.EMPTY_TEXT.code, f"Thông tin!C{info_row(wb['Thông tin'], 'report_number')}") in found
    assert (c.EMPTY_TEXT.code, "PL02!C4") in found
    assert (c.TASK_NOT_REPORTED.code, "PL03!A3") in found
    assert not [place for _, place in found if place.startswith("/")]


def test_folders_include_every_registered_format_but_not_lock_files(tmp_path: Path) -> None:
    for name in ("a.json", "b.xlsx", "c.docx", "~$b.xlsx", ".~lock.c.docx#", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in iter_input_files([tmp_path])] == ["a.json", "b.xlsx", "c.docx"]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    from sokets.errors import InputError

    (tmp_path / "~$open.xlsx").write_bytes(b"x")
    with pytest.raises(InputError, match="folder has no reports"):
        list(iter_input_files([tmp_path]))
