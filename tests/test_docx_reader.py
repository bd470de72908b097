"""Reading a filled outline back (issue 5, deliverable 3).

A blank outline is filled the way a person does in Word — typing over the hint, pressing Enter for
more paragraphs, bold text, a table, rows added to the figures and appendix tables — then imported:
the same text must land in the right items. Whatever cannot be placed is a finding with its place.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from sokets.docx import reader as reader_module
from sokets.docx.outline import render_outline
from sokets.docx.reader import read_docx
from sokets.errors import InputError, InvalidReportError
from sokets.findings import FINDING_TYPES, Severity
from sokets.forms import FORMS
from sokets.units import get_registry
from tests.docx_support import (
    content,
    control,
    insert_table,
    libreoffice,
    open_docx,
    rewrite_member,
    save,
    set_field,
    tables_in,
    text_of,
    type_over_hint,
)
from tests.tools import needs


@cache
def _blank(code: str) -> bytes:
    return render_outline(get_registry().get(code))


def _outline(code: str) -> Any:
    return open_docx(_blank(code))


def _area(document: Any, item_id: str) -> Any:
    return content(control(document, f"sokets:item:{item_id}"))


def _fill_header(document: Any) -> None:
    set_field(document, "report_number", "245/BC-STTTT")
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023", full_date="2023-08-14")
    set_field(document, "recipients", "- UBND tỉnh (b/c);\n- Lưu: VT, CNTT.")
    set_field(document, "signer_authority", "KT. GIÁM ĐỐC")
    set_field(document, "signer_title", "PHÓ GIÁM ĐỐC")
    set_field(document, "signer_name", "Trần Quốc Hưng")


def _paragraph_number(document: Any, text: str) -> int:
    paragraphs = document.element.body.xpath(".//w:p[not(ancestor::w:tbl)]")
    (found,) = [n for n, p in enumerate(paragraphs, start=1) if text_of(p) == text]
    return found


def _table_number(document: Any, table: Any) -> int:
    tables = document.element.body.xpath(".//w:tbl[not(ancestor::w:tbl)]")
    return tables.index(table._tbl) + 1


def _read(document: Any, name: str = "filled.docx") -> Any:
    return read_docx(save(document), name)


def _codes(result: Any) -> list[str]:
    return [f.code for f in result.findings]


# -- the round trip ------------------------------------------------------------------------------


def _filled_department() -> Any:
    document = _outline("SO-TTTT")
    _fill_header(document)
    area = _area(document, "A.I")
    type_over_hint(
        document,
        area,
        "Sở đã tham mưu ban hành 27 văn bản chỉ đạo.",
        "Các phòng được giao nhiệm vụ cụ thể",
        bold=" gắn với tiến độ.",
    )
    figures = tables_in(area)[0]
    figures.rows[1].cells[0].text = "Văn bản chỉ đạo"
    figures.rows[1].cells[1].text = "27"
    figures.rows[1].cells[2].text = "văn bản"
    figures.rows[1].cells[3].text = "31/7/2023"
    figures.rows[2].cells[0].text = "Tỷ lệ hồ sơ trực tuyến"
    figures.rows[2].cells[1].text = "48,6"
    figures.rows[2].cells[2].text = "%"
    extra = figures.add_row()
    for cell, value in zip(
        extra.cells, ("Lượt truy cập", "1.250", "lượt", "05/8/2023"), strict=True
    ):
        cell.text = value

    area = _area(document, "A.II.2.b1")
    type_over_hint(
        document,
        area,
        "Mạng truyền số liệu chuyên dùng đã kết nối 506 điểm.",
        "Trường hợp điển hình:",
        "- Trung tâm dữ liệu tỉnh chuyển lên hạ tầng ảo hóa.",
        "- Xã Hưng Đông kết nối cáp quang.",
        "Tồn tại, vướng mắc, nguyên nhân: thiếu kinh phí nâng cấp.",
        "Kiến nghị, đề xuất: bố trí vốn năm 2024.",
    )
    area = _area(document, "A.II.2.b2")
    (typed,) = type_over_hint(document, area, "Hiện trạng các hệ thống:")
    insert_table(document, typed._p, [["Hệ thống", "Trạng thái"], ["IOC", "Vận hành"]])

    pl03 = next(t for t in tables_in(document.element.body) if t.rows[0].cells[0].text == "TT")
    first_task = next(row for row in pl03.rows if row.cells[0].text == "1")
    first_task.cells[3].text = "Đã hoàn thành Kiến trúc 3.0."
    first_task.cells[4].text = "Thiếu nhân lực."
    pl02 = next(t for t in tables_in(document.element.body) if t.rows[0].cells[0].text == "Stt")
    pl02.rows[1].cells[1].text = "Tham mưu ban hành kế hoạch năm 2023"
    pl02.rows[1].cells[2].text = "Đã ban hành"
    added = pl02.add_row()
    added.cells[0].text = "6"
    added.cells[1].text = "Nhiệm vụ thêm"
    return document


def test_a_filled_outline_reads_back_into_the_right_items() -> None:
    result = _read(_filled_department())
    assert result.findings == []
    report = result.report
    header = report.header
    assert (header.report_number, header.report_date.isoformat()) == ("245/BC-STTTT", "2023-08-14")
    assert header.place == "Nghệ An"
    assert header.recipients == ["UBND tỉnh (b/c);", "Lưu: VT, CNTT."]
    assert (header.signer.authority, header.signer.title, header.signer.name) == (
        ["KT. GIÁM ĐỐC"],
        "PHÓ GIÁM ĐỐC",
        "Trần Quốc Hưng",
    )
    first = report.answers.get("A.I")
    assert first.results == (
        "Sở đã tham mưu ban hành 27 văn bản chỉ đạo.\nCác phòng được giao nhiệm vụ cụ thể gắn với "
        "tiến độ."
    )
    assert [f.model_dump(exclude_none=True) for f in first.figures] == [
        {"name": "Văn bản chỉ đạo", "value": 27.0, "unit": "văn bản", "as_of": _day("2023-07-31")},
        {"name": "Tỷ lệ hồ sơ trực tuyến", "value": 48.6, "unit": "%"},
        {"name": "Lượt truy cập", "value": 1250.0, "unit": "lượt", "as_of": _day("2023-08-05")},
    ]
    infrastructure = report.answers.get("A.II.2.b1")
    assert infrastructure.results == "Mạng truyền số liệu chuyên dùng đã kết nối 506 điểm."
    assert infrastructure.typical_cases == [
        "Trung tâm dữ liệu tỉnh chuyển lên hạ tầng ảo hóa.",
        "Xã Hưng Đông kết nối cáp quang.",
    ]
    assert infrastructure.difficulties == "thiếu kinh phí nâng cấp."
    assert infrastructure.proposals == "bố trí vốn năm 2024."
    assert report.answers.get("A.II.2.b2").results == (
        "Hiện trạng các hệ thống:\nHệ thống | Trạng thái\nIOC | Vận hành"
    )
    untouched = report.answers.get("A.II.2.b3")
    assert untouched is not None and untouched.is_empty()
    assert [r.task_id for r in report.appendix_pl03][:1] == ["I.1"]
    assert len(report.appendix_pl03) == 23
    assert (report.appendix_pl03[0].results, report.appendix_pl03[0].difficulties) == (
        "Đã hoàn thành Kiến trúc 3.0.",
        "Thiếu nhân lực.",
    )
    assert all(not r.results for r in report.appendix_pl03[1:])
    assert [(r.no, r.task, r.results) for r in report.appendix_pl02] == [
        (1, "Tham mưu ban hành kế hoạch năm 2023", "Đã ban hành"),
        (6, "Nhiệm vụ thêm", ""),
    ]


def _day(iso: str) -> Any:
    from datetime import date

    return date.fromisoformat(iso)


def test_a_commune_outline_reads_indicators_back() -> None:
    document = _outline("16705")
    _fill_header(document)
    area = _area(document, "3.a.b3")
    type_over_hint(document, area, "Thủ tục hành chính được chuẩn hóa.")
    indicators = tables_in(area)[0]
    assert indicators.rows[0].cells[0].text == "Chỉ số"
    indicators.rows[1].cells[1].text = "112"
    indicators.rows[1].cells[2].text = "112"
    indicators.rows[1].cells[3].text = "100%"
    indicators.rows[6].cells[1].text = "1.426"
    indicators.rows[6].cells[2].text = "3.128"
    tables_in(_area(document, "3.a.b5"))[0].rows[1].cells[1].text = "Có"
    counts = tables_in(_area(document, "3.c.b3"))[1]
    counts.rows[1].cells[1].text = "1"
    counts.rows[2].cells[1].text = "12"

    result = _read(document)
    assert result.findings == []
    report = result.report
    assert report.header.district_code == "412"
    assert report.header.place == "Hưng Đông"
    procedures = report.answers.get("3.a.b3")
    assert procedures.results == "Thủ tục hành chính được chuẩn hóa."
    given = procedures.indicators.model_dump(exclude_none=True)
    assert given == {
        "procedures_standardised": {"numerator": 112, "denominator": 112, "percent": 100.0},
        "dossiers_received_online": {"numerator": 1426, "denominator": 3128},
    }
    assert report.answers.get("3.a.b5").indicators.interaction_channel is True
    teams = report.answers.get("3.c.b3").indicators
    assert (teams.commune_teams, teams.village_teams) == (1, 12)


def test_a_blank_outline_with_its_header_filled_reads_with_no_findings() -> None:
    for code in ("SO-TTTT", "412", "16705"):
        document = _outline(code)
        _fill_header(document)
        result = _read(document, code)
        assert result.findings == [], code
        answers = dict(result.report.answers.answered())
        unit = get_registry().get(code)
        from sokets.outline import outline_for

        assert set(answers) == {leaf.id for leaf in outline_for(unit).leaves_for(unit)}
        assert all(a.is_empty() for a in answers.values())


def test_a_rendered_outline_has_one_area_per_applicable_item_and_nothing_else() -> None:
    from sokets.outline import outline_for

    for code in ("SO-YT", "412", "16705"):
        unit = get_registry().get(code)
        document = _outline(code)
        tags = [
            t.get(qn("w:val"))
            for t in document.element.body.iter(qn("w:tag"))
            if t.get(qn("w:val")).startswith("sokets:item:")
        ]
        assert tags == [f"sokets:item:{leaf.id}" for leaf in outline_for(unit).leaves_for(unit)]


# -- typing as Word and LibreOffice do ----------------------------------------------------------

_TYPING = [
    pytest.param(False, False, id="word"),
    pytest.param(False, True, id="hint-style-kept"),
    pytest.param(True, False, id="flag-left-on"),
    pytest.param(True, True, id="flag-and-style-left-on"),
]


@pytest.mark.parametrize(("keep_flag", "keep_style"), _TYPING)
@pytest.mark.parametrize("code", ["SO-YT", "412", "16705"])
def test_every_field_and_area_typed_over_its_hint_is_read(
    code: str, keep_flag: bool, keep_style: bool
) -> None:
    """Word keeps a hint's content control and only clears its placeholder state; some editors
    leave the state on. Either way what was typed is read, in every field and every area."""
    from sokets.outline import outline_for

    document = _outline(code)
    typing = {"keep_flag": keep_flag, "keep_style": keep_style}
    set_field(document, "report_number", "12/BC-UBND", **typing)
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023", full_date="2023-08-14", **typing)
    set_field(document, "place", "Nghệ An", **typing)
    set_field(document, "recipients", "- UBND tỉnh (b/c);\n- Lưu: VT.", **typing)
    set_field(document, "signer_authority", "KT. CHỦ TỊCH", **typing)
    set_field(document, "signer_title", "PHÓ CHỦ TỊCH", **typing)
    set_field(document, "signer_name", "Trần Quốc Hưng", **typing)
    unit = get_registry().get(code)
    leaves = outline_for(unit).leaves_for(unit)
    for leaf in leaves:
        type_over_hint(document, _area(document, leaf.id), f"Kết quả mục {leaf.id}.", **typing)
    result = _read(document)
    assert result.findings == []
    header = result.report.header
    assert (header.report_number, header.report_date.isoformat(), header.place) == (
        "12/BC-UBND",
        "2023-08-14",
        "Nghệ An",
    )
    assert header.recipients == ["UBND tỉnh (b/c);", "Lưu: VT."]
    assert (header.signer.authority, header.signer.title, header.signer.name) == (
        ["KT. CHỦ TỊCH"],
        "PHÓ CHỦ TỊCH",
        "Trần Quốc Hưng",
    )
    for leaf in leaves:
        assert result.report.answers.get(leaf.id).results == f"Kết quả mục {leaf.id}.", leaf.id


def test_a_hint_left_as_it_was_is_not_an_answer_with_or_without_its_flag() -> None:
    document = _outline("SO-TTTT")
    _fill_header(document)
    flags = document.element.body.xpath(
        './/w:sdt[w:sdtPr/w:tag/@w:val="sokets:placeholder"]/w:sdtPr/w:showingPlcHdr'
    )
    assert len(flags) > 10
    for flag in flags[::2]:
        flag.getparent().remove(flag)
    result = _read(document)
    assert result.findings == []
    assert all(answer.is_empty() for _, answer in result.report.answers.answered())


@needs("soffice")
def test_an_outline_typed_in_word_then_saved_by_libreoffice_reads_back(tmp_path: Path) -> None:
    resaved = libreoffice(save(_filled_department()), tmp_path)
    result = read_docx(resaved, "resaved.docx")
    assert {f.severity for f in result.findings} == {Severity.WARNING}
    expected = _read(_filled_department())
    assert result.report.header == expected.report.header
    assert result.report.header.signer.title == "PHÓ GIÁM ĐỐC"
    assert dict(result.report.answers.answered()) == dict(expected.report.answers.answered())
    assert result.report.appendix_pl02 == expected.report.appendix_pl02
    assert result.report.appendix_pl03 == expected.report.appendix_pl03


# -- what cannot be placed -----------------------------------------------------------------------


def test_text_typed_outside_every_area_is_reported_with_its_paragraph() -> None:
    document = _filled_department()
    heading = next(
        p for p in document.element.body.iter(qn("w:p")) if text_of(p) == "2. Phát triển hạ tầng số"
    )
    stray = copy.deepcopy(heading)
    for t in stray.iter(qn("w:t")):
        t.text = ""
    next(stray.iter(qn("w:t"))).text = "Đoạn gõ nhầm chỗ."
    heading.addnext(stray)
    saved = open_docx(save(document))
    result = _read(document)
    (finding,) = result.findings
    assert (finding.code, finding.severity) == ("D001", Severity.ERROR)
    assert finding.location == f"paragraph {_paragraph_number(saved, 'Đoạn gõ nhầm chỗ.')}"
    assert "Đoạn gõ nhầm chỗ." in finding.message_vi
    assert "2. Phát triển hạ tầng số" in finding.message_vi


def test_a_deleted_marker_is_reported_and_its_text_placed_by_position() -> None:
    document = _filled_department()
    type_over_hint(document, _area(document, "A.III"), "Tồn tại lớn nhất là nhân lực.")
    for item_id in ("A.III", "A.IV"):
        sdt = control(document, f"sokets:item:{item_id}")
        if item_id == "A.III":  # "Remove content control": the content stays
            for child in list(content(sdt)):
                sdt.addprevious(child)
        sdt.getparent().remove(sdt)  # A.IV: deleted with its content
    saved = open_docx(save(document))
    result = _read(document)
    assert _codes(result) == ["D012", "D002"]
    placed, missing = result.findings
    assert placed.severity is missing.severity is Severity.WARNING
    assert (
        placed.location == f"paragraph {_paragraph_number(saved, 'Tồn tại lớn nhất là nhân lực.')}"
    )
    assert "A.III" in placed.message_vi
    assert result.report.answers.get("A.III").results == "Tồn tại lớn nhất là nhân lực."
    assert "A.IV" in missing.message_vi
    assert missing.location == f"paragraph {_paragraph_number(saved, 'IV. KIẾN NGHỊ, ĐỀ XUẤT')}"
    assert result.report.answers.get("A.IV").is_empty()


def test_text_typed_after_an_area_is_reported_not_guessed() -> None:
    document = _filled_department()
    sdt = control(document, "sokets:item:A.I")
    stray = copy.deepcopy(content(sdt).find(f".//{qn('w:p')}"))
    for t in stray.iter(qn("w:t")):
        t.text = ""
    next(stray.iter(qn("w:t"))).text = "Gõ ngay sau vùng nhập."
    sdt.addnext(stray)
    result = _read(document)
    assert _codes(result) == ["D001"]
    assert "Gõ ngay sau vùng nhập." in result.findings[0].message_vi
    assert "Gõ ngay" not in result.report.answers.get("A.I").results


def _unwrap_every_control(document: Any) -> None:
    """What an editor that drops content controls does: their content stays, the marks go."""
    body = document.element.body
    while (sdt := body.find(f".//{qn('w:sdt')}")) is not None:
        for child in list(content(sdt)):
            sdt.addprevious(child)
        sdt.getparent().remove(sdt)


def test_a_file_that_lost_every_marker_is_read_by_position() -> None:
    document = _filled_department()
    _unwrap_every_control(document)
    result = _read(document, "resaved.docx")
    assert {f.severity for f in result.findings} == {Severity.WARNING}
    codes = _codes(result)
    assert set(codes) == {"D002", "D012", "D013"}
    assert codes.count("D013") == 6  # number, place and date, recipients, authority, title, name
    expected = _read(_filled_department())
    assert result.report.header == expected.report.header
    assert dict(result.report.answers.answered()) == dict(expected.report.answers.answered())
    assert result.report.appendix_pl03 == expected.report.appendix_pl03
    assert result.report.appendix_pl02 == expected.report.appendix_pl02


def test_a_file_saved_by_libreoffice_reads_back_the_same() -> None:
    resaved = Path(__file__).parent / "data" / "docx" / "filled-outline-resaved-by-libreoffice.docx"
    result = read_docx(resaved.read_bytes(), resaved.name)
    assert {f.severity for f in result.findings} == {Severity.WARNING}
    assert {f.code for f in result.findings} == {"D002", "D012", "D013"}
    expected = _read(_filled_department())
    assert result.report.header == expected.report.header
    assert dict(result.report.answers.answered()) == dict(expected.report.answers.answered())
    assert result.report.appendix_pl02 == expected.report.appendix_pl02
    assert result.report.appendix_pl03 == expected.report.appendix_pl03


def test_an_area_found_twice_is_read_once_and_the_copy_reported() -> None:
    document = _filled_department()
    sdt = control(document, "sokets:item:A.II.2.b1")
    sdt.addnext(copy.deepcopy(sdt))
    result = _read(document)
    assert _codes(result) == ["D003"]
    assert "A.II.2.b1" in result.findings[0].message_vi
    assert "Mạng truyền số liệu" in result.findings[0].message_vi
    assert result.report.answers.get("A.II.2.b1").typical_cases == [
        "Trung tâm dữ liệu tỉnh chuyển lên hạ tầng ảo hóa.",
        "Xã Hưng Đông kết nối cáp quang.",
    ]


def test_an_unknown_marker_is_reported() -> None:
    document = _filled_department()
    type_over_hint(document, _area(document, "A.IV"), "Kiến nghị bổ sung.")
    tag = control(document, "sokets:item:A.IV").find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    tag.set(qn("w:val"), "sokets:item:Z.9")
    result = _read(document)
    assert _codes(result) == ["D004", "D012"]
    assert "sokets:item:Z.9" in result.findings[0].message_vi
    assert result.report.answers.get("A.IV").results == "Kiến nghị bổ sung."


def test_figures_and_indicators_that_are_not_numbers_are_reported_by_row() -> None:
    document = _filled_department()
    figures = tables_in(_area(document, "A.I"))[0]
    figures.rows[3].cells[0].text = "Số cuộc họp"
    figures.rows[3].cells[1].text = "khoảng mười"
    result = _read(document)
    (finding,) = result.findings
    assert finding.code == "D005"
    assert finding.location == f"table {_table_number(document, figures)} row 4"
    assert "khoảng mười" in finding.message_vi
    assert len(result.report.answers.get("A.I").figures) == 3

    commune = _outline("16705")
    _fill_header(commune)
    channel = tables_in(_area(commune, "3.a.b5"))[0]
    channel.rows[1].cells[1].text = "Có lẽ"
    ratio = tables_in(_area(commune, "3.a.b7"))[0]
    ratio.rows[1].cells[1].text = "18"
    result = _read(commune)
    assert _codes(result) == ["D006", "D006"]
    assert [f.location for f in result.findings] == [
        f"table {_table_number(commune, channel)} row 2",
        f"table {_table_number(commune, ratio)} row 2",
    ]


def test_an_unknown_task_row_is_reported() -> None:
    document = _filled_department()
    pl03 = next(t for t in tables_in(document.element.body) if t.rows[0].cells[0].text == "TT")
    row_number, row = next((n, r) for n, r in enumerate(pl03.rows, 1) if r.cells[0].text == "2")
    row.cells[0].text = "99"
    row.cells[1].text = "Nhiệm vụ không có trong kế hoạch"
    row.cells[3].text = "Kết quả"
    result = _read(document)
    assert _codes(result) == ["D007"]
    assert result.findings[0].location == f"table {_table_number(document, pl03)} row {row_number}"
    assert "I.2" not in [r.task_id for r in result.report.appendix_pl03]


def test_a_renumbered_task_row_is_placed_by_its_title() -> None:
    document = _filled_department()
    pl03 = next(t for t in tables_in(document.element.body) if t.rows[0].cells[0].text == "TT")
    row = next(r for r in pl03.rows if r.cells[0].text == "2")
    row.cells[0].text = "5"
    row.cells[3].text = "Kết quả nhiệm vụ 2"
    result = _read(document)
    assert _codes(result) == ["D010"]
    results = {r.task_id: r.results for r in result.report.appendix_pl03}
    assert results["I.2"] == "Kết quả nhiệm vụ 2"


def test_the_written_date_wins_over_the_date_picker() -> None:
    document = _filled_department()
    set_field(document, "report_date", "ngày 15 tháng 8 năm 2023", full_date="2023-08-14")
    result = _read(document)
    assert _codes(result) == ["D008"]
    assert result.findings[0].severity is Severity.WARNING
    assert result.report.header.report_date.isoformat() == "2023-08-15"


def test_pictures_are_reported_and_tracked_changes_read_as_accepted() -> None:
    document = _filled_department()
    area = _area(document, "A.IV")
    (typed,) = type_over_hint(document, area, "Kiến nghị")
    run = typed._p.makeelement(qn("w:r"), {})
    run.append(run.makeelement(qn("w:drawing"), {}))
    typed._p.append(run)
    inserted = typed._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "A"})
    new_run = inserted.makeelement(qn("w:r"), {})
    new_text = new_run.makeelement(qn("w:t"), {})
    new_text.text = " mới"
    new_run.append(new_text)
    inserted.append(new_run)
    typed._p.append(inserted)
    deleted = typed._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "A"})
    old_run = deleted.makeelement(qn("w:r"), {})
    old_text = old_run.makeelement(qn("w:delText"), {})
    old_text.text = " cũ"
    old_run.append(old_text)
    deleted.append(old_run)
    typed._p.append(deleted)
    result = _read(document)
    assert _codes(result) == ["D009"]
    assert result.report.answers.get("A.IV").results == "Kiến nghị mới"


def _signed_with_a_stray_note() -> Any:
    """Sở TT&TT's blank outline, signed, with no report number or date, and a paragraph "Ghi chú
    lạc." typed outside the answer areas (before heading B)."""
    document = _outline("SO-TTTT")
    set_field(document, "signer_title", "GIÁM ĐỐC")
    set_field(document, "signer_name", "Nguyễn Văn A")
    heading = next(
        p
        for p in document.element.body.iter(qn("w:p"))
        if text_of(p) == "B. NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI"
    )
    stray = copy.deepcopy(heading)
    next(stray.iter(qn("w:t"))).text = "Ghi chú lạc."
    heading.addprevious(stray)
    return document


def test_a_header_left_blank_is_an_invalid_report_with_the_findings() -> None:
    document = _signed_with_a_stray_note()
    with pytest.raises(InvalidReportError) as caught:
        _read(document)
    pointers = [p.pointer for p in caught.value.problems]
    assert pointers[:2] == ["/header/report_number", "/header/report_date"]
    assert caught.value.problems[2].type == "D001"
    assert re.fullmatch(r"paragraph \d+", pointers[2])


# -- what is not a sokets document ---------------------------------------------------------------


def test_identity_falls_back_to_the_header_marker_when_properties_are_lost() -> None:
    data = save(_filled_department())
    stripped = rewrite_member(
        data,
        "docProps/custom.xml",
        lambda xml: re.sub(r"<property .*?</property>", "", xml),
    )
    assert read_docx(stripped, "x.docx").report.header.unit_code == "SO-TTTT"
    both = rewrite_member(
        stripped,
        "word/document.xml",
        lambda xml: xml.replace(
            f"sokets:document:PL01:{FORMS['PL01'].version}:SO-TTTT:outline", "other"
        ),
    )
    with pytest.raises(InputError, match="not a sokets"):
        read_docx(both, "x.docx")


def test_another_version_of_the_outline_is_refused() -> None:
    data = rewrite_member(
        save(_filled_department()),
        "docProps/custom.xml",
        lambda xml: xml.replace(
            f"<vt:lpwstr>{FORMS['PL01'].version}</vt:lpwstr>", "<vt:lpwstr>9.9.9</vt:lpwstr>"
        ),
    )
    with pytest.raises(InputError, match=r"9\.9\.9"):
        read_docx(data, "x.docx")


def test_files_that_are_not_sokets_documents_are_refused() -> None:
    import docx

    with pytest.raises(InputError, match="not a DOCX"):
        read_docx(b"not a zip", "x.docx")
    with pytest.raises(InputError, match="not a sokets"):
        read_docx(save(docx.Document()), "plain.docx")
    with pytest.raises(InputError, match="DOCX"):
        read_docx(rewrite_member(_blank("412"), "word/document.xml", lambda _: None), "x.docx")


def test_an_oversized_archive_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(InputError, match="too large when uncompressed"):
        read_docx(_blank("412"), "big.docx")


def test_document_findings_are_declared_once_with_d_codes() -> None:
    codes = [code for code in FINDING_TYPES if code.startswith("D")]
    assert codes == [f"D{n:03d}" for n in range(1, len(codes) + 1)]
    assert len(codes) >= 10
    for code in codes:
        kind = FINDING_TYPES[code]
        assert kind.template_vi and kind.template_en and kind.description


def test_the_docs_list_every_document_finding() -> None:
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "docx.md").read_text(encoding="utf-8")
    for code, kind in FINDING_TYPES.items():
        if code.startswith("D"):
            assert f"| `{code}` | {kind.severity.value} | {kind.title} |" in text, code


# -- what validating a document says ---------------------------------------------------------------


def _validate(document: Any, tmp_path: Path, name: str = "outline.docx") -> Any:
    from sokets.validation import validate_path

    path = tmp_path / name
    path.write_bytes(save(document))
    return validate_path(path)


def _one_language_each(finding: Any) -> None:
    vi, en = finding.message_vi, finding.message_en
    assert "(?)" not in vi + en, finding
    assert " / " not in vi and " / " not in en, finding
    assert en not in vi and vi not in en, finding
    assert "chưa" not in en and "not filled" not in vi, finding


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        ("SO-YT", ["report number", "report date", "signer's title", "signer's name"]),
        ("16705", ["report number", "report date", "signer's name"]),  # "CHỦ TỊCH" pre-filled
    ],
)
def test_a_blank_outline_validates_to_one_clean_finding_per_empty_field(
    code: str, fields: list[str], tmp_path: Path
) -> None:
    report = _validate(_outline(code), tmp_path)
    assert not report.valid
    assert report.codes == ["D014"] * len(fields)
    for finding, field in zip(report.findings, fields, strict=True):
        _one_language_each(finding)
        assert field in finding.message_en
        assert re.fullmatch(r"table \d+ row \d+", finding.location)


def test_document_findings_of_an_invalid_report_keep_their_codes_and_messages(
    tmp_path: Path,
) -> None:
    document = _signed_with_a_stray_note()
    report = _validate(document, tmp_path)
    assert report.codes == ["D014", "D014", "D001"]
    stray_finding = report.findings[2]
    assert "Ghi chú lạc." in stray_finding.message_vi
    assert re.fullmatch(r"paragraph \d+", stray_finding.location)
    for finding in report.findings:
        _one_language_each(finding)


def test_a_value_the_model_refuses_is_quoted_from_the_document(tmp_path: Path) -> None:
    document = _outline("16705")
    _fill_header(document)
    teams = tables_in(_area(document, "3.c.b3"))[1]
    teams.rows[1].cells[1].text = "9.999.999.999.999"
    report = _validate(document, tmp_path)
    (finding,) = [f for f in report.findings if f.code.startswith("T")]
    assert report.findings[0] == finding  # then what the rules find in the rest of the outline
    assert "9999999999999" in finding.message_vi and "9999999999999" in finding.message_en
    assert "(?)" not in finding.message_vi + finding.message_en


# -- outlines made by earlier versions ------------------------------------------------------------


def _retext(document: Any, old: str, new: str | None) -> None:
    """Give the paragraph reading ``old`` the text ``new`` (``None``: remove the paragraph)."""
    (p,) = [p for p in document.element.body.iter(qn("w:p")) if text_of(p).startswith(old)]
    if new is None:
        p.getparent().remove(p)
        return
    texts = list(p.iter(qn("w:t")))
    texts[0].text = new
    for t in texts[1:]:
        t.getparent().remove(t)


@pytest.mark.parametrize("code", ["SO-TTTT", "16705", "DIEN-LUC"])
def test_an_outline_worded_as_earlier_versions_did_reads_without_findings(code: str) -> None:
    """Outlines already sent out print the former closing sentence, authority hint, instructions
    and names: they are still the outline's own words, and the old hint is still a hint."""
    from sokets.docx.layout import FORMER_AUTHORITY_PLACEHOLDER
    from sokets.docx.outline import FORMER_INSTRUCTIONS

    unit = get_registry().get(code)
    document = _outline(code)
    set_field(document, "report_number", "12/BC")
    set_field(document, "report_date", "ngày 14 tháng 8 năm 2023", full_date="2023-08-14")
    set_field(document, "signer_name", "Trần Quốc Hưng")
    if code != "16705":
        set_field(document, "signer_title", "GIÁM ĐỐC")
        _retext(document, "(Thẩm quyền ký", FORMER_AUTHORITY_PLACEHOLDER)
    _retext(
        document,
        "Trên đây là",
        "Trên đây là báo cáo kết quả sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND "
        f"của {'UBND xã Hưng Đông' if code == '16705' else unit.name}./.",
    )
    _retext(document, "Hướng dẫn:", FORMER_INSTRUCTIONS)
    _retext(document, "Ghi số, ký hiệu báo cáo", None)
    lead = next(
        text_of(p)
        for p in document.element.body.iter(qn("w:p"))
        if text_of(p).startswith("Thực hiện Kế hoạch")
    )
    _retext(document, "Thực hiện Kế hoạch", lead.replace("Công ty Điện lực Nghệ An", unit.name))
    if code == "16705":  # the guidance of item 2 on a line of its own
        heading = next(
            p
            for p in document.element.body.iter(qn("w:p"))
            if text_of(p).startswith("2. Công tác chỉ đạo")
        )
        guidance = copy.deepcopy(heading)
        heading.remove(list(heading.iter(qn("w:r")))[-1])
        guidance.remove(next(guidance.iter(qn("w:r"))))
        first = next(guidance.iter(qn("w:t")))
        first.text = first.text.removeprefix(": ")
        heading.addnext(guidance)
    result = _read(document, code)
    assert result.findings == []
    if code != "16705":
        assert result.report.header.signer.authority == []
