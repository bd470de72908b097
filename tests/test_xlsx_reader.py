"""Importing a filled workbook (issue 6, deliverable 2): what people do is tolerated, what cannot
be imported is refused or reported with the sheet and cell."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sokets.cli.main import main
from sokets.errors import InputError, InvalidReportError
from sokets.findings import FINDING_TYPES, Severity
from sokets.forms import dump_report, load_report
from sokets.inputs import read_report
from sokets.models import Pl01Report, Pl04Report
from sokets.render import report_renderer
from sokets.validation import invalid_report
from sokets.xlsx import findings as xf
from sokets.xlsx import layout as lay
from sokets.xlsx.reader import read_workbook
from tests.conftest import EXAMPLES
from tests.xlsx.helpers import (
    COMMUNE,
    DEPARTMENT,
    DISTRICT,
    blank,
    edited,
    fill_header,
    info_row,
    open_book,
    row_of,
    save,
    with_header,
)


def _read(data: bytes, **kwargs: Any) -> Any:
    return read_workbook(data, "mau.xlsx", **kwargs)


def _codes(result: Any) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in result.findings]


@pytest.fixture(scope="module")
def commune_report() -> Pl04Report:
    report = load_report((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    assert isinstance(report, Pl04Report)
    return report


@pytest.fixture(scope="module")
def commune_filled(commune_report: Pl04Report) -> bytes:
    return report_renderer("xlsx").render(commune_report)


# -- a person fills the template ---------------------------------------------------------------


def test_a_filled_template_imports_as_a_valid_report() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        info = wb["Thông tin"]
        info.cell(info_row(info, "recipients", 0), 3).value = "UBND tỉnh (b/c);"
        info.cell(info_row(info, "recipients", 1), 3).value = "Lưu: VT."
        outline = wb["Đề cương"]
        outline.cell(row_of(outline, "A.I"), 3).value = "Đã ban hành kế hoạch."
        figures = wb["Số liệu"]
        figures["A4"], figures["B4"], figures["C4"], figures["D4"] = "A.I", "Văn bản", 12, "văn bản"
        figures["E4"] = date(2023, 7, 31)
        cases = wb["Điển hình"]
        cases["A4"], cases["B4"] = "A.I", "Mô hình điểm"
        pl02 = wb["PL02"]
        pl02["A4"], pl02["B4"], pl02["C4"] = 1, "Nhiệm vụ chung", "Đã xong"
        pl03 = wb["PL03"]
        pl03.cell(row_of(pl03, "I.1"), 4).value = "Hoàn thành"

    result = _read(edited(blank(DEPARTMENT), fill))
    report = result.report
    assert isinstance(report, Pl01Report)
    assert result.findings == []
    assert report.header.unit_code == DEPARTMENT and report.header.report_number == "12/BC-UBND"
    assert report.header.report_date == date(2023, 8, 14)
    assert report.header.recipients == ["UBND tỉnh (b/c);", "Lưu: VT."]
    answer = report.answers.get("A.I")
    assert answer is not None and answer.results == "Đã ban hành kế hoạch."
    assert answer.figures[0].model_dump() == {
        "name": "Văn bản",
        "value": 12.0,
        "unit": "văn bản",
        "as_of": date(2023, 7, 31),
    }
    assert answer.typical_cases == ["Mô hình điểm"]
    assert [(r.no, r.task, r.results) for r in report.appendix_pl02] == [
        (1, "Nhiệm vụ chung", "Đã xong")
    ]
    assert len(report.appendix_pl03) == 23
    assert report.appendix_pl03[0].task_id == "I.1"
    assert report.appendix_pl03[0].results == "Hoàn thành"


def test_locations_map_report_pointers_to_cells(commune_filled: bytes) -> None:
    wb = open_book(commune_filled)
    info, outline, indicators = wb["Thông tin"], wb["Đề cương"], wb["Chỉ số"]
    locations = _read(commune_filled).locations
    assert locations["/header/report_date"] == f"Thông tin!C{info_row(info, 'report_date')}"
    assert locations["/header/recipients/1"] == f"Thông tin!C{info_row(info, 'recipients', 1)}"
    assert locations["/answers/m2"] == f"Đề cương!C{row_of(outline, '2')}"
    assert locations["/answers/m2/proposals"] == f"Đề cương!E{row_of(outline, '2')}"
    row = row_of(indicators, "officials_trained", column=2)
    assert locations["/answers/m3_a_b7/indicators/officials_trained"] == f"Chỉ số!D{row}"
    assert locations["/answers/m3_a_b7/indicators/officials_trained/denominator"] == (
        f"Chỉ số!E{row}"
    )
    assert locations["/answers/m1_b1/figures/0/value"] == "Số liệu!C4"


def test_every_header_field_and_list_has_a_cell(commune_filled: bytes) -> None:
    info = open_book(commune_filled)["Thông tin"]
    locations = _read(commune_filled).locations
    for key in ("place", "signer.authority", "signer.title", "signer.name", "recipients"):
        pointer = "/header/" + key.replace(".", "/")
        assert locations[pointer] == f"Thông tin!C{info_row(info, key)}", pointer
    assert locations["/header"] == locations["/header/unit_code"]
    assert locations["/header/signer"] == f"Thông tin!C{info_row(info, 'signer.authority')}"
    assert locations["/answers"] == "Đề cương!A3"


def test_every_cell_of_a_table_row_has_its_pointer_filled_or_not() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        wb["PL02"]["A4"], wb["PL02"]["B4"] = 1, "Nhiệm vụ riêng"  # no results

    data = edited(blank(DISTRICT), fill)
    locations = _read(data).locations
    assert locations["/appendix_pl02"] == "PL02!A3"
    assert locations["/appendix_pl02/0"] == "PL02!A4"
    assert locations["/appendix_pl02/0/results"] == "PL02!C4"
    assert locations["/appendix_pl03"] == "PL03!A3"
    assert locations["/appendix_pl03/1"] == f"PL03!A{row_of(open_book(data)['PL03'], 'IV.9')}"


def test_an_untouched_template_names_the_empty_required_cells() -> None:
    with pytest.raises(InvalidReportError) as caught:
        _read(blank(COMMUNE))
    ws = open_book(blank(COMMUNE))["Thông tin"]
    assert caught.value.locations["/header/signer/title"] == (
        f"Thông tin!C{info_row(ws, 'signer.title')}"
    )
    assert {"/header/report_number", "/header/report_date"} <= {
        p.pointer for p in caught.value.problems
    }
    findings = {(f.code, f.location) for f in invalid_report(caught.value).findings}
    for key in ("report_number", "report_date", "signer.name"):
        assert ("T002", f"Thông tin!C{info_row(ws, key)}") in findings, key


def test_untouched_template_with_header_gives_empty_answers_for_every_applicable_item() -> None:
    result = _read(with_header(DISTRICT))
    assert result.findings == []
    report = result.report
    assert all(answer.is_empty() for _, answer in report.answers.answered())
    assert len(list(report.answers.answered())) == 16
    assert [r.task_id for r in report.appendix_pl03] == ["II.4", "IV.9"]


# -- tolerance -------------------------------------------------------------------------------


def test_numbers_and_percents_typed_as_text_stray_spaces_and_nfd_are_read() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Chỉ số"]
        row = row_of(ws, "procedures_standardised", column=2)
        ws.cell(row, 4).value = " 85 "
        ws.cell(row, 5).value = "1.000"
        ws.cell(row, 7).value = "8,5 %"
        row = row_of(ws, "dossiers_at_counter", column=2)
        ws.cell(row, 4).value, ws.cell(row, 5).value = 17.0, 20
        ws.cell(row, 7).value = 0.85
        ws.cell(row, 7).number_format = "0%"
        ws.cell(row_of(ws, "interaction_channel", column=2), 8).value = unicodedata.normalize(
            "NFD", " có "
        )
        ws.cell(row_of(ws, "village_teams", column=2), 9).value = "12"
        info = wb["Thông tin"]
        info.cell(info_row(info, "report_date"), 3).value = " 14/8/2023 "
        info.cell(info_row(info, "place"), 3).value = unicodedata.normalize("NFD", "Hưng Đông")
        outline = wb["Đề cương"]
        outline.cell(row_of(outline, "2"), 3).value = 2023

    result = _read(edited(blank(COMMUNE), fill))
    assert result.findings == []
    report = result.report
    ratio = report.answers.get("3.a.b3").indicators.procedures_standardised
    assert (ratio.numerator, ratio.denominator, ratio.percent) == (85, 1000, 8.5)
    ratio = report.answers.get("3.a.b3").indicators.dossiers_at_counter
    assert (ratio.numerator, ratio.denominator, ratio.percent) == (17, 20, 85.0)
    assert report.answers.get("3.a.b5").indicators.interaction_channel is True
    assert report.answers.get("3.c.b3").indicators.village_teams == 12
    assert report.header.report_date == date(2023, 8, 14)
    assert report.header.place == "Hưng Đông"  # NFC
    assert report.answers.get("2").results == "2023"


def test_blank_rows_reordered_rows_and_merged_cells_are_tolerated(
    commune_report: Pl04Report, commune_filled: bytes
) -> None:
    def shuffle(wb: Any) -> None:
        ws = wb["Đề cương"]
        first, last = 4, ws.max_row
        rows = [[ws.cell(r, c).value for c in range(1, 6)] for r in range(first, last + 1)]
        for r in range(first, ws.max_row + 1):
            for c in range(1, 6):
                ws.cell(r, c).value = None
        for offset, values in enumerate(reversed(rows)):
            for c, value in enumerate(values, start=1):
                ws.cell(first + 2 * offset, c).value = value  # a blank row between each
        info = wb["Thông tin"]
        info.merge_cells("C5:D5")  # merged for layout
        pl = wb["Chỉ số"]
        pl.merge_cells(start_row=4, start_column=3, end_row=5, end_column=3)  # label merged

    result = _read(edited(commune_filled, shuffle))
    assert result.findings == []
    assert result.report == commune_report


def test_free_table_rows_keep_their_order_and_skip_blank_rows() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["PL02"]
        ws["A4"], ws["B4"] = 2, "Hai"
        ws["A7"], ws["B7"] = "1", "Một"  # Stt typed as text, after blank rows

    report = _read(edited(blank(DISTRICT), fill)).report
    assert [(r.no, r.task) for r in report.appendix_pl02] == [(2, "Hai"), (1, "Một")]


def test_values_cached_by_a_spreadsheet_program_for_formulas_are_read() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["PL02"]
        ws["A4"], ws["B4"] = "=1+1", "Có công thức"

    data = edited(blank(DISTRICT), fill)
    # openpyxl writes no cached value: the formula cell reads as empty, and the row is reported
    result = _read(data)
    assert result.report.appendix_pl02 == []
    assert ("X007", "PL02!A4") in _codes(result)


# -- refusals: InputError --------------------------------------------------------------------


def test_a_workbook_that_is_not_a_sokets_template_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Báo cáo"
    with pytest.raises(InputError, match="không phải mẫu XLSX của sokets"):
        _read(save(wb))


def test_another_units_template_is_refused_when_a_unit_is_expected() -> None:
    data = with_header(COMMUNE)
    assert _read(data, expected_unit="Xã Hưng Đông").report.header.unit_code == COMMUNE
    with pytest.raises(InputError, match="mẫu của Xã Hưng Đông") as caught:
        _read(data, expected_unit="16663")
    assert caught.value.location == "sokets!B5"


@pytest.mark.parametrize(
    ("row", "value", "message"),
    [
        (2, "0", "bố cục"),
        (4, "0.9.0", "phiên bản"),
        (3, "PL02", "không có mẫu XLSX"),
        (5, "99999", "không có trong danh mục"),
        (5, "SO-YT", "báo cáo theo PL01"),
        (1, "other", "không phải mẫu"),
    ],
)
def test_another_version_form_or_unit_in_the_identity_is_refused(
    row: int, value: str, message: str
) -> None:
    def change(wb: Any) -> None:
        wb[lay.META_SHEET].cell(row, 2).value = value

    with pytest.raises(InputError, match=message) as caught:
        _read(edited(with_header(COMMUNE), change))
    assert caught.value.location == f"sokets!B{row}"


def test_identity_tampered_in_one_place_only_is_refused() -> None:
    def change(wb: Any) -> None:
        wb.defined_names["SOKETS_UNIT"].attr_text = '"16663"'

    with pytest.raises(InputError, match="SOKETS_UNIT"):
        _read(edited(with_header(COMMUNE), change))


def test_a_changed_column_header_or_a_missing_sheet_is_refused() -> None:
    def insert_column(wb: Any) -> None:
        wb["PL03"].insert_cols(4)

    with pytest.raises(InputError, match="tiêu đề cột") as caught:
        _read(edited(with_header(DEPARTMENT), insert_column))
    assert caught.value.location == "PL03!D3"

    def drop_sheet(wb: Any) -> None:
        wb.remove(wb["PL02"])

    with pytest.raises(InputError, match="thiếu trang “PL02”"):
        _read(edited(with_header(DEPARTMENT), drop_sheet))


# -- findings: cells not imported as typed ----------------------------------------------------


def test_wrong_kind_values_are_reported_at_their_cell() -> None:
    def fill(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Chỉ số"]
        row = row_of(ws, "procedures_standardised", column=2)
        ws.cell(row, 4).value, ws.cell(row, 5).value = "tám mươi", 100
        ws.cell(row_of(ws, "interaction_channel", column=2), 8).value = "có lẽ"
        ws.cell(row_of(ws, "commune_teams", column=2), 9).value = 2.5
        figures = wb["Số liệu"]
        figures["A4"], figures["B4"], figures["C4"] = "2", "Văn bản", "nhiều"
        figures["E4"] = "hôm qua"

    data = edited(blank(COMMUNE), fill)
    ws = open_book(data)["Chỉ số"]
    result = _read(data)
    assert _codes(result) == [
        ("X001", f"Chỉ số!D{row_of(ws, 'procedures_standardised', column=2)}"),
        ("X001", f"Chỉ số!H{row_of(ws, 'interaction_channel', column=2)}"),
        ("X001", f"Chỉ số!I{row_of(ws, 'commune_teams', column=2)}"),
        ("X001", "Số liệu!C4"),
        ("X001", "Số liệu!E4"),
    ]
    assert "“tám mươi”" in result.findings[0].message_vi
    indicators = result.report.answers.get("3.a.b3").indicators
    assert indicators.procedures_standardised is None
    assert result.report.answers.get("2").figures == []


def test_an_edited_locked_cell_is_reported_and_the_plan_wording_kept() -> None:
    def edit(wb: Any) -> None:
        ws = wb["PL03"]
        row = row_of(ws, "I.2")
        ws.cell(row, 2).value = "Thuê phần mềm khác"
        ws.cell(row, 4).value = "Đã thuê"

    data = edited(with_header(DEPARTMENT), edit)
    row = row_of(open_book(data)["PL03"], "I.2")
    result = _read(data)
    assert _codes(result) == [("X002", f"PL03!B{row}")]
    assert "“Thuê phần mềm khác”" in result.findings[0].message_vi
    assert result.report.appendix_pl03[1].model_dump() == {
        "task_id": "I.2",
        "results": "Đã thuê",
        "difficulties": "",
        "proposals": "",
    }


def test_a_value_typed_over_the_percent_formula_is_reported() -> None:
    def edit(wb: Any) -> None:
        ws = wb["Chỉ số"]
        row = row_of(ws, "officials_trained", column=2)
        ws.cell(row, 4).value, ws.cell(row, 5).value = 9, 10
        ws.cell(row, 6).value = 95

    data = edited(with_header(COMMUNE), edit)
    row = row_of(open_book(data)["Chỉ số"], "officials_trained", column=2)
    result = _read(data)
    assert _codes(result) == [("X002", f"Chỉ số!F{row}")]
    assert "90" in result.findings[0].message_vi


def test_filled_cells_outside_every_table_are_reported() -> None:
    def edit(wb: Any) -> None:
        wb["Đề cương"]["H10"] = "ghi chú bên lề"
        ws = wb["Chỉ số"]
        ws.cell(row_of(ws, "officials_trained", column=2), 9).value = 5  # count on a ratio row
        extra = wb.create_sheet("Ghi chú")
        extra["A1"] = "nháp"

    result = _read(edited(with_header(COMMUNE), edit))
    codes = _codes(result)
    assert ("X003", "Đề cương!H10") in codes and ("X003", "Ghi chú!A1") in codes
    assert sum(code == "X003" for code, _ in codes) == 3
    assert all(f.severity is Severity.WARNING for f in result.findings)


def test_many_cells_outside_the_tables_are_summarised() -> None:
    def edit(wb: Any) -> None:
        extra = wb.create_sheet("Nháp")
        for row in range(1, 81):
            extra.cell(row, 1).value = row

    codes = [c for c, _ in _codes(_read(edited(with_header(COMMUNE), edit)))]
    assert codes.count("X003") == 50 and codes[-1] == "X008"


def test_unknown_ids_duplicates_incomplete_rows_and_ratios() -> None:
    def edit(wb: Any) -> None:
        pl03 = wb["PL03"]
        last = pl03.max_row
        pl03.cell(last + 1, 1).value, pl03.cell(last + 1, 4).value = "I.99", "x"
        pl03.cell(last + 2, 1).value, pl03.cell(last + 2, 4).value = "I.1", "lần hai"
        pl03.cell(last + 2, 2).value = pl03.cell(row_of(pl03, "I.1"), 2).value
        pl03.cell(last + 2, 3).value = pl03.cell(row_of(pl03, "I.1"), 3).value
        pl02 = wb["PL02"]
        pl02["C4"] = "kết quả không có nội dung công việc"
        figures = wb["Số liệu"]
        figures["A4"], figures["B4"] = "A.I", "thiếu giá trị"
        figures["A5"], figures["B5"], figures["C5"] = "Z.9", "mục lạ", 1
        cases = wb["Điển hình"]
        cases["B4"] = "không có mục"

    data = edited(with_header(DEPARTMENT), edit)
    last = open_book(with_header(DEPARTMENT))["PL03"].max_row
    result = _read(data)
    assert _codes(result) == [
        ("X007", "Số liệu!C4"),
        ("X004", "Số liệu!A5"),
        ("X007", "Điển hình!A4"),
        ("X007", "PL02!A4"),
        ("X004", f"PL03!A{last + 1}"),
        ("X005", f"PL03!A{last + 2}"),
    ]
    assert all(f.severity is Severity.ERROR for f in result.findings)
    assert [r.results for r in result.report.appendix_pl03 if r.task_id == "I.1"] == [""]


def test_incomplete_ratio_is_reported() -> None:
    def edit(wb: Any) -> None:
        ws = wb["Chỉ số"]
        ws.cell(row_of(ws, "officials_trained", column=2), 4).value = 9

    data = edited(with_header(COMMUNE), edit)
    row = row_of(open_book(data)["Chỉ số"], "officials_trained", column=2)
    assert _codes(_read(data)) == [("X006", f"Chỉ số!E{row}")]


def test_wrong_kind_in_a_required_header_cell_names_the_cell() -> None:
    def edit(wb: Any) -> None:
        info = wb["Thông tin"]
        info.cell(info_row(info, "report_date"), 3).value = "sắp tới"

    data = edited(with_header(COMMUNE), edit)
    row = info_row(open_book(data)["Thông tin"], "report_date")
    with pytest.raises(InvalidReportError) as caught:
        _read(data)
    assert caught.value.problems == ()  # the reader said it: the model adds nothing
    (finding,) = caught.value.findings
    assert (finding.code, finding.location) == ("X001", f"Thông tin!C{row}")
    assert [(f.code, f.location) for f in invalid_report(caught.value).findings] == [
        ("X001", f"Thông tin!C{row}")
    ]


def test_a_deleted_row_of_an_applicable_item_becomes_an_empty_answer_and_a_warning() -> None:
    def edit(wb: Any) -> None:
        ws = wb["Đề cương"]
        ws.delete_rows(row_of(ws, "6"))

    result = _read(edited(with_header(COMMUNE), edit))
    assert _codes(result) == [("X009", "Đề cương")]
    assert result.report.answers.get("6") is not None


def test_every_x_code_is_declared_once_with_both_languages() -> None:
    for finding_type in xf.XLSX_CODES:
        assert FINDING_TYPES[finding_type.code] is finding_type
        assert finding_type.code.startswith("X")
        assert " / " in finding_type.title
    assert len({t.code for t in xf.XLSX_CODES}) == len(xf.XLSX_CODES)


# -- through the registry and the CLI --------------------------------------------------------


def test_read_report_uses_the_registered_reader(tmp_path: Path, commune_filled: bytes) -> None:
    path = tmp_path / "xa.xlsx"
    path.write_bytes(commune_filled)
    assert isinstance(read_report(path).report, Pl04Report)


def test_cli_import_writes_the_report(
    tmp_path: Path,
    commune_filled: bytes,
    commune_report: Pl04Report,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    source, out = tmp_path / "xa.xlsx", tmp_path / "xa.json"
    source.write_bytes(commune_filled)
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert json.loads(out.read_bytes()) == json.loads(dump_report(commune_report))


def test_cli_import_exit_codes_and_cell_messages(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Chỉ số"]
        ws.cell(row_of(ws, "commune_teams", column=2), 9).value = "năm"

    source = tmp_path / "sai.xlsx"
    source.write_bytes(edited(with_header(COMMUNE), edit))
    assert main(["import", str(source), "-o", str(tmp_path / "out.json")]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert f"{source}:Chỉ số!I" in err and "X001" in err
    source.write_bytes(b"not a workbook")
    assert main(["import", str(source)]) == 2
    assert "không phải tệp XLSX" in capsysbinary.readouterr().err.decode()
    source.write_bytes(blank(COMMUNE))
    assert main(["import", str(source)]) == 1
    assert "Thông tin!C" in capsysbinary.readouterr().err.decode()
