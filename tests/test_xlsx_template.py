"""The XLSX template of a unit (issue 6, deliverable 1): sheets, verbatim headers, locked rows,
lists on a hidden sheet, formulas, protection, print setup and the embedded identity."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from sokets.catalogue import get_catalogue
from sokets.cli.main import main
from sokets.errors import SoketsError
from sokets.forms import FORMS, load_report
from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS
from sokets.outline import outline_for
from sokets.render import blank_renderer, report_renderer
from sokets.units import get_registry
from sokets.xlsx import cells
from sokets.xlsx import layout as lay
from sokets.xlsx.template import TemplateError, build_workbook, put_text
from tests.conftest import EXAMPLES
from tests.xlsx.helpers import COMMUNE, DEPARTMENT, DISTRICT, blank, open_book, row_of


def _sheet_headers(ws: openpyxl.worksheet.worksheet.Worksheet, count: int) -> list[str]:
    return [ws.cell(3, c).value for c in range(1, count + 1)]


def test_department_sheets_and_verbatim_column_headers() -> None:
    wb = open_book(blank(DEPARTMENT))
    assert wb.sheetnames == [
        "Thông tin",
        "Đề cương",
        "Số liệu",
        "Điển hình",
        "PL02",
        "PL03",
        lay.LISTS_SHEET,
        lay.META_SHEET,
    ]
    assert _sheet_headers(wb["PL02"], 6) == [h for _, h in PL02_COLUMNS]
    assert _sheet_headers(wb["PL03"], 6) == [h for _, h in PL03_COLUMNS]
    assert wb["PL03"]["A1"].value.startswith("Phụ lục 03: BÁO CÁO TÌNH HÌNH THỰC HIỆN")


def test_commune_has_indicator_sheet_and_no_task_tables() -> None:
    wb = open_book(blank(COMMUNE))
    assert "Chỉ số" in wb.sheetnames
    assert "PL02" not in wb.sheetnames and "PL03" not in wb.sheetnames


def test_pl03_has_one_locked_prefilled_row_per_task_with_open_answer_cells() -> None:
    ws = open_book(blank(DEPARTMENT))["PL03"]
    tasks = get_catalogue().tasks_for(DEPARTMENT)
    rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value}
    assert [k for k in rows if "." in k] == [t.id for t in tasks]
    assert {"I", "II", "III", "IV"} <= set(rows)
    for task in tasks:
        row = rows[task.id]
        assert ws.cell(row, 2).value == task.title
        assert ws.cell(row, 3).value == task.lead
        assert all(ws.cell(row, c).protection.locked for c in (1, 2, 3))
        assert not any(ws.cell(row, c).protection.locked for c in (4, 5, 6))
    assert ws.protection.sheet


def test_outline_sheet_rows_are_the_applicable_leaves_and_their_headings() -> None:
    unit = get_registry().get(DISTRICT)
    ws = open_book(blank(DISTRICT))["Đề cương"]
    ids = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]
    leaves = [leaf.id for leaf in outline_for(unit).leaves_for(unit)]
    assert [i for i in ids if i in leaves] == leaves
    headings = set(ids) - set(leaves)
    assert headings and all(outline_for(unit).get(h).children for h in headings)
    row = row_of(ws, leaves[0])
    assert ws.cell(row, 2).value == lay.item_text(outline_for(unit).get(leaves[0]))
    assert not ws.cell(row, 3).protection.locked


def test_indicator_rows_have_formula_and_yes_no_list_from_hidden_sheet() -> None:
    wb = open_book(blank(COMMUNE))
    ws = wb["Chỉ số"]
    ratio = row_of(ws, "procedures_standardised", column=2)
    assert ws.cell(ratio, 6).value == (
        f"=IF(AND(ISNUMBER(D{ratio}),ISNUMBER(E{ratio}),E{ratio}<>0),"
        f'ROUND(D{ratio}/E{ratio}*100,2),"")'
    )
    assert ws.cell(ratio, 6).protection.locked
    assert not ws.cell(ratio, 4).protection.locked and not ws.cell(ratio, 5).protection.locked
    assert ws.cell(ratio, 8).protection.locked  # Có/Không is not open on a ratio row
    yes_no = row_of(ws, "interaction_channel", column=2)
    assert not ws.cell(yes_no, 8).protection.locked
    validations = {
        dv.formula1: dv for dv in ws.data_validations.dataValidation if dv.type == "list"
    }
    assert f"H{yes_no}" in validations[lay.LIST_YES_NO].sqref
    reference = wb.defined_names[lay.LIST_YES_NO].attr_text
    assert reference == f"'{lay.LISTS_SHEET}'!$A$2:$A$3"
    lists = wb[lay.LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    assert [lists["A2"].value, lists["A3"].value] == [cells.YES, cells.NO]
    assert ws.column_dimensions["B"].hidden


def test_layout_print_setup_and_protection() -> None:
    wb = open_book(blank(DEPARTMENT))
    assert wb.security.lockStructure
    for name in ("Thông tin", "Đề cương", "Số liệu", "Điển hình", "PL02", "PL03"):
        ws = wb[name]
        assert ws.freeze_panes == "A4"
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$3:$3"
        assert ws.protection.sheet and not ws.protection.formatColumns
        assert all(ws.column_dimensions[c].width >= 7 for c in "ABC")
        assert ws.cell(3, 2).alignment.wrap_text and ws.cell(4, 2).alignment.wrap_text
    assert not wb["PL02"].protection.insertRows  # free rows may be added


def test_identity_is_embedded_in_a_very_hidden_sheet_and_defined_names() -> None:
    wb = open_book(blank(COMMUNE))
    meta = wb[lay.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    values = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(1, meta.max_row + 1)}
    assert values["generator"] == "sokets"
    assert values["form"] == "PL04" and values["form_version"] == FORMS["PL04"].version
    assert values["unit_code"] == COMMUNE
    assert values["layout"] == lay.LAYOUT_VERSION
    assert wb.defined_names["SOKETS_UNIT"].attr_text == f'"{COMMUNE}"'
    assert wb.defined_names["SOKETS_FORM"].attr_text == '"PL04"'


def test_header_sheet_prefills_unit_and_district() -> None:
    ws = open_book(blank(COMMUNE))["Thông tin"]
    commune = get_registry().get(COMMUNE)
    assert ws.cell(row_of(ws, "unit"), 3).value == f"{commune.name} ({commune.code})"
    assert ws.cell(row_of(ws, "district_code"), 3).value == "Thành phố Vinh (412)"
    assert ws.cell(row_of(ws, "report_date"), 3).number_format == "dd/mm/yyyy"


# -- wording (review 13.8) -------------------------------------------------------------------


def _texts(data: bytes) -> list[str]:
    """Every text a person sees in the workbook: the cells of the visible sheets and the
    messages of the data validations."""
    wb = open_book(data)
    texts = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        texts += [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        for validation in ws.data_validations.dataValidation:
            texts += [t for t in (validation.prompt, validation.error) if t]
    return texts


@pytest.mark.parametrize("code", [DEPARTMENT, DISTRICT, COMMUNE])
def test_dates_are_written_as_the_plan_writes_them(code: str) -> None:
    texts = " ".join(_texts(blank(code)))
    assert "ngày 13/6/2023" in texts
    assert not re.search(r"\b\d{1,2}/0[3-9]/\d{4}\b", texts)  # no 13/06/2023, 14/08/2023


@pytest.mark.parametrize("code", [DEPARTMENT, DISTRICT, COMMUNE])
def test_the_report_number_example_is_the_units_own(code: str) -> None:
    unit = get_registry().get(code)
    ws = open_book(blank(code))["Thông tin"]
    label = ws.cell(row_of(ws, "report_number"), 2).value
    assert label == f"Số báo cáo (ví dụ: {unit.report_number_example})"
    assert not any("125/BC-STTTT" in text for text in _texts(blank(code)))


@pytest.mark.parametrize(
    ("code", "recipient"),
    [
        (COMMUNE, "gửi tệp về UBND thành phố Vinh."),
        (DISTRICT, "gửi tệp về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 20/8/2023."),
        (
            DEPARTMENT,
            "gửi tệp về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 20/8/2023.",
        ),
    ],
)
def test_the_template_tells_the_clerk_what_to_do_with_the_file(code: str, recipient: str) -> None:
    note = open_book(blank(code))["Thông tin"].cell(2, 2).value
    assert "lưu tệp dạng Excel (.xlsx)" in note
    assert note.endswith(recipient)
    assert not any("sokets" in text for text in _texts(blank(code)))  # a clerk has no sokets


def test_a_template_sent_out_with_the_earlier_report_number_label_still_reads() -> None:
    from sokets.xlsx.reader import read_workbook
    from tests.xlsx.helpers import edited, fill_header

    def earlier(wb: openpyxl.Workbook) -> None:
        fill_header(wb)
        ws = wb["Thông tin"]
        ws.cell(row_of(ws, "report_number"), 2).value = "Số báo cáo (ví dụ: 125/BC-STTTT)"

    assert read_workbook(edited(blank(COMMUNE), earlier), "cu.xlsx").findings == []

    def edited_label(wb: openpyxl.Workbook) -> None:
        fill_header(wb)
        ws = wb["Thông tin"]
        ws.cell(row_of(ws, "report_number"), 2).value = "Số công văn"

    findings = read_workbook(edited(blank(COMMUNE), edited_label), "sua.xlsx").findings
    assert [f.code for f in findings] == ["X002"]


@pytest.mark.parametrize("text", ["=1+1", "+84 912", "-5", "@SUM(A1)", '=HYPERLINK("x")'])
def test_report_text_is_never_written_as_a_formula(text: str) -> None:
    wb = openpyxl.Workbook()
    cell = wb.active["A1"]
    put_text(cell, text)
    assert cell.data_type == "s" and cell.value == text
    assert cell.quotePrefix


def test_formula_like_report_text_is_stored_as_text_in_the_file() -> None:
    report = load_report((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    data = report.model_dump(by_alias=True, exclude_none=True, mode="json")
    data["header"]["report_number"] = "=cmd|' /C calc'!A0"
    data["answers"]["m2"]["results"] = "#N/A"
    data["answers"]["m2"]["proposals"] = "+1"
    report = load_report(json.dumps(data).encode())
    wb = open_book(report_renderer("xlsx").render(report))
    info, outline = wb["Thông tin"], wb["Đề cương"]
    number = info.cell(row_of(info, "report_number"), 3)
    assert (number.value, number.data_type) == ("=cmd|' /C calc'!A0", "s")
    row = row_of(outline, "2")
    assert (outline.cell(row, 3).value, outline.cell(row, 3).data_type) == ("#N/A", "s")
    assert (outline.cell(row, 5).value, outline.cell(row, 5).data_type) == ("+1", "s")


def test_control_characters_are_stored_reversibly_as_excel_escapes() -> None:
    wb = openpyxl.Workbook()
    cell = wb.active["A1"]
    put_text(cell, "a\x01b\rc_x0041_")
    assert cell.value == "a_x0001_b_x000D_c_x005F_x0041_"


def test_text_longer_than_a_cell_is_refused() -> None:
    wb = openpyxl.Workbook()
    with pytest.raises(TemplateError, match="32767"):
        put_text(wb.active["A1"], "x" * 32768)


def test_subunit_has_no_template_and_report_must_match_unit() -> None:
    registry = get_registry()
    with pytest.raises(TemplateError, match="SO-TTTT"):
        build_workbook(registry.get("TT-CNTT"))
    report = load_report((EXAMPLES / "so-tttt-pl01.json").read_bytes())
    with pytest.raises(TemplateError):
        build_workbook(registry.get("SO-YT"), report)
    with pytest.raises(TemplateError):
        build_workbook(registry.get(COMMUNE), report)


def test_registered_renderers() -> None:
    template = blank_renderer("xlsx")
    assert template.suffix == ".xlsx"
    assert template.render(get_registry().get(COMMUNE))[:2] == b"PK"
    assert isinstance(
        report_renderer("xlsx").render(
            load_report((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
        ),
        bytes,
    )


def test_dates_before_excel_epoch_are_written_as_iso_text() -> None:
    report = load_report((EXAMPLES / "so-yt-pl01.json").read_bytes())
    data = report.model_dump(by_alias=True, exclude_none=True, mode="json")
    data["header"]["report_date"] = "1899-12-31"
    report = load_report(json.dumps(data).encode())
    ws = open_book(report_renderer("xlsx").render(report))["Thông tin"]
    assert ws.cell(row_of(ws, "report_date"), 3).value == "1899-12-31"
    assert report.header.report_date == date(1899, 12, 31)


def test_cli_template_writes_the_units_workbook(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / "vinh.xlsx"
    assert main(["template", "TP Vinh", "--to", "xlsx", "-o", str(out)]) == 0
    assert capsysbinary.readouterr().out.decode().strip() == str(out)
    meta = open_book(out.read_bytes())[lay.META_SHEET]
    assert meta["B5"].value == "412"


def test_cli_template_default_name_and_errors(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["template", COMMUNE]) == 0
    assert (tmp_path / f"{COMMUNE}-pl04.xlsx").is_file()
    capsysbinary.readouterr()
    assert main(["template", "CONG-TTDT"]) == 2
    assert "VP-UBND" in capsysbinary.readouterr().err.decode()
    assert main(["template", "Sở Không Có"]) == 2
    assert main(["template", COMMUNE, "--to", "pdf"]) == 2
    assert "xlsx" in capsysbinary.readouterr().err.decode()


def test_openpyxl_is_loaded_only_when_a_workbook_is_written_or_read() -> None:
    code = (
        "import sys; from sokets.cli.main import build_parser; "
        "build_parser().parse_args(['template', 'SO-TTTT']); "
        "import sokets.inputs, sokets.render, sokets.xlsx.layout, sokets.xlsx.findings; "
        "import sokets.xlsx.safety, sokets.xlsx.values; "
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_subunit_error_is_a_sokets_error() -> None:
    assert issubclass(TemplateError, SoketsError)
