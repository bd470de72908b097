"""The official format of Nghị định 30/2020/NĐ-CP, Phụ lục I, read back from rendered documents.

Issue 5, deliverable 1 and 5: A4, margins, Times New Roman, body size, alignment, indent, spacing;
the borderless header table; title and subject; the closing table; page numbers from page 2; the
appendix tables on landscape pages with a repeated header row.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Length

from sokets.forms import load_report
from sokets.units import get_registry
from tests.conftest import EXAMPLES
from tests.docx_support import (
    body_text,
    libreoffice,
    libreoffice_all,
    open_docx,
    pdf_lines,
    squash,
    text_of,
)
from tests.tools import needs

_TRUE = {None, "1", "true", "on"}


@cache
def _report(name: str) -> Any:
    return load_report((EXAMPLES / name).read_bytes())


@cache
def _rendered(name: str) -> bytes:
    from sokets.docx.report import render_report

    return render_report(_report(name))


@pytest.fixture(scope="module")
def tttt() -> Any:
    return open_docx(_rendered("so-tttt-pl01.json"))


def _mm(length: Length | int | None) -> float:
    assert length is not None
    return Length(length).mm


class Styles:
    """Effective run and paragraph properties, following styles and document defaults."""

    def __init__(self, document: Any) -> None:
        self.root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in self.root.iterfind(qn("w:style"))}

    def _chain(self, style_id: str | None) -> list[Any]:
        chain = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def run_prop(self, run: Any, paragraph: Any, tag: str) -> Any:
        """The element ``tag`` (``w:b``, ``w:sz``…) that decides a run's property, or None."""
        sources = [run.find(qn("w:rPr"))]
        rstyle = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if rstyle is not None:
            sources += [s.find(qn("w:rPr")) for s in self._chain(rstyle.get(qn("w:val")))]
        sources += [s.find(qn("w:rPr")) for s in self._chain(self.paragraph_style(paragraph))]
        sources.append(self.root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        for rpr in sources:
            if rpr is not None and rpr.find(qn(tag)) is not None:
                return rpr.find(qn(tag))
        return None

    def para_prop(self, paragraph: Any, tag: str) -> Any:
        ppr = paragraph.find(qn("w:pPr"))
        sources = [ppr] + [
            s.find(qn("w:pPr")) for s in self._chain(self.paragraph_style(paragraph))
        ]
        for source in sources:
            if source is not None and source.find(qn(tag)) is not None:
                return source.find(qn(tag))
        return None

    def paragraph_style(self, paragraph: Any) -> str:
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return style.get(qn("w:val")) if style is not None else "Normal"

    def bold(self, run: Any, paragraph: Any) -> bool:
        element = self.run_prop(run, paragraph, "w:b")
        return element is not None and element.get(qn("w:val")) in _TRUE

    def italic(self, run: Any, paragraph: Any) -> bool:
        element = self.run_prop(run, paragraph, "w:i")
        return element is not None and element.get(qn("w:val")) in _TRUE

    def size(self, run: Any, paragraph: Any) -> float:
        return int(self.run_prop(run, paragraph, "w:sz").get(qn("w:val"))) / 2

    def upper(self, run: Any, paragraph: Any) -> bool:
        text = text_of(run)
        caps = self.run_prop(run, paragraph, "w:caps")
        return text == text.upper() or (caps is not None and caps.get(qn("w:val")) in _TRUE)


def _runs(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.iter(qn("w:r")) if text_of(r).strip()]


def _find_paragraph(element: Any, text: str) -> Any:
    for p in element.iter(qn("w:p")):
        if squash(text_of(p)) == text:
            return p
    raise AssertionError(f"no paragraph {text!r}")


def test_page_is_a4_portrait_with_the_official_margins(tttt: Any) -> None:
    section = tttt.sections[0]
    assert round(_mm(section.page_width)) == 210
    assert round(_mm(section.page_height)) == 297
    assert 20 <= round(_mm(section.top_margin), 1) <= 25
    assert 20 <= round(_mm(section.bottom_margin), 1) <= 25
    assert 30 <= round(_mm(section.left_margin), 1) <= 35
    assert 15 <= round(_mm(section.right_margin), 1) <= 20


def test_every_font_is_times_new_roman(tttt: Any) -> None:
    styles = tttt.styles.element
    fonts = list(styles.iter(qn("w:rFonts"))) + list(tttt.element.body.iter(qn("w:rFonts")))
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")) in fonts
    for element in fonts:
        named = {k: v for k, v in element.attrib.items()}
        assert not any("Theme" in k or "theme" in k for k in named), named
        assert set(named.values()) == {"Times New Roman"}, named
    assert tttt.styles["Normal"].font.name == "Times New Roman"


def test_body_text_is_justified_13_to_14_pt_indented_and_spaced(tttt: Any) -> None:
    s = Styles(tttt)
    body = _find_paragraph(
        tttt.element.body, squash(_report("so-tttt-pl01.json").answers.get("A.I").results)
    )
    assert s.paragraph_style(body) == "Normal"
    assert s.para_prop(body, "w:jc").get(qn("w:val")) == "both"
    indent_cm = int(s.para_prop(body, "w:ind").get(qn("w:firstLine"))) / 1440 * 2.54
    assert 1.0 <= indent_cm <= 1.27
    spacing = s.para_prop(body, "w:spacing")
    assert int(spacing.get(qn("w:after"))) + int(spacing.get(qn("w:before"), "0")) >= 120
    assert spacing.get(qn("w:lineRule")) == "auto"
    assert 240 <= int(spacing.get(qn("w:line"))) <= 360
    for run in _runs(body):
        assert 13 <= s.size(run, body) <= 14
        assert not s.bold(run, body)


def test_header_is_a_borderless_two_column_table(tttt: Any) -> None:
    s = Styles(tttt)
    header = tttt.element.body.find(f".//{qn('w:tbl')}")
    borders = header.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert len(header.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")) == 2
    rows = header.findall(qn("w:tr"))
    left, right = rows[0].findall(qn("w:tc"))

    parent = _find_paragraph(left, "UBND TỈNH NGHỆ AN")
    assert all(not s.bold(r, parent) and 12 <= s.size(r, parent) <= 13 for r in _runs(parent))
    unit = _find_paragraph(left, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    assert all(s.bold(r, unit) and s.upper(r, unit) for r in _runs(unit))
    rule = unit.getnext()
    assert rule.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert not text_of(rule).strip()

    nation = _find_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert all(s.bold(r, nation) and 12 <= s.size(r, nation) <= 13 for r in _runs(nation))
    motto = _find_paragraph(right, "Độc lập - Tự do - Hạnh phúc")
    assert all(s.bold(r, motto) and 13 <= s.size(r, motto) <= 14 for r in _runs(motto))
    assert motto.getnext().find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None

    number_cell, date_cell = rows[1].findall(qn("w:tc"))
    assert squash(text_of(number_cell)) == "Số: 245/BC-STTTT"
    dated = _find_paragraph(date_cell, "Nghệ An, ngày 16 tháng 8 năm 2023")
    assert all(s.italic(r, dated) and 13 <= s.size(r, dated) <= 14 for r in _runs(dated))


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2023, 8, 16), "ngày 16 tháng 8 năm 2023"),
        (date(2023, 8, 5), "ngày 05 tháng 8 năm 2023"),
        (date(2024, 2, 9), "ngày 09 tháng 02 năm 2024"),
        (date(2024, 1, 31), "ngày 31 tháng 01 năm 2024"),
        (date(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
    ],
)
def test_dates_pad_days_below_10_and_months_1_and_2(day: date, written: str) -> None:
    from sokets._text import short_date
    from sokets.docx.formats import date_words
    from sokets.docx.report import render_report

    assert date_words(day) == written
    assert short_date(day) == written.replace("ngày ", "").replace(" tháng ", "/").replace(
        " năm ", "/"
    )
    report = _report("xa-hung-dong-pl04.json").model_copy(deep=True)
    report.header.report_date = day
    text = body_text(open_docx(render_report(report)))
    assert f"Hưng Đông, {written}" in text


@pytest.mark.parametrize(
    ("code", "parent", "lines", "place"),
    [
        ("SO-TTTT", "UBND TỈNH NGHỆ AN", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], "Nghệ An"),
        ("VP-UBND", "UBND TỈNH NGHỆ AN", ["VĂN PHÒNG UBND TỈNH"], "Nghệ An"),
        ("412", None, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ VINH"], "Vinh"),
        ("413", None, ["ỦY BAN NHÂN DÂN", "THỊ XÃ CỬA LÒ"], "Cửa Lò"),
        ("16705", None, ["ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐÔNG"], "Hưng Đông"),
    ],
)
def test_issuing_body_and_place_follow_decree_30(
    code: str, parent: str | None, lines: list[str], place: str
) -> None:
    from sokets.docx.outline import render_outline

    document = open_docx(render_outline(get_registry().get(code)))
    s = Styles(document)
    header = document.element.body.find(f".//{qn('w:tbl')}")
    left = header.find(qn("w:tr")).find(qn("w:tc"))
    texts = [squash(text_of(p)) for p in left.iter(qn("w:p")) if text_of(p).strip()]
    assert texts == ([parent] if parent else []) + lines
    for line in lines:
        p = _find_paragraph(left, line)
        assert all(s.bold(r, p) for r in _runs(p))
    assert f"{place}, ngày … tháng … năm 2023" in body_text(document)


def test_title_and_subject_are_bold_and_centred(tttt: Any) -> None:
    s = Styles(tttt)
    for text in (
        "BÁO CÁO",
        "Kết quả sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND ngày 22/8/2022 "
        "của UBND tỉnh về chuyển đổi số tỉnh Nghệ An đến năm 2025",
    ):
        p = _find_paragraph(tttt.element.body, text)
        assert s.para_prop(p, "w:jc").get(qn("w:val")) == "center"
        assert all(s.bold(r, p) and 13 <= s.size(r, p) <= 14 for r in _runs(p))


def test_headings_are_numbered_as_the_outline(tttt: Any) -> None:
    text = body_text(tttt).splitlines()
    for heading in (
        "A. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH SỐ 586/KH-UBND",
        "I. KẾT QUẢ TỔ CHỨC THỰC HIỆN NGHỊ QUYẾT",
        "II. KẾT QUẢ TRIỂN KHAI CÁC NHIỆM VỤ VÀ GIẢI PHÁP THEO KẾ HOẠCH SỐ 586/KH-UBND",
        "2. Phát triển hạ tầng số",
        "6. Bảo đảm an toàn, an ninh thông tin mạng",
        "- Tình hình triển khai hệ thống thông tin báo cáo của tỉnh.",
        "B. NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI",
    ):
        assert heading in text
    assert (
        "+ Triển khai phần mềm dùng chung tại Trạm Y tế xã, phường, thị trấn; Phần mềm "
        "quản lý Hồ sơ sức khỏe điện tử." not in text
    )  # Sở Y tế only
    assert text.index("A. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH SỐ 586/KH-UBND") < text.index(
        "B. NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI"
    )


def test_closing_table_holds_recipients_and_signer(tttt: Any) -> None:
    s = Styles(tttt)
    tables = [t for t in tttt.element.body.iter(qn("w:tbl")) if "Nơi nhận:" in text_of(t)]
    (closing,) = tables
    borders = closing.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = closing.find(qn("w:tr")).findall(qn("w:tc"))
    label = _find_paragraph(left, "Nơi nhận:")
    assert all(
        s.bold(r, label) and s.italic(r, label) and s.size(r, label) == 12 for r in _runs(label)
    )
    recipient = _find_paragraph(left, "- UBND tỉnh (b/c);")
    assert all(s.size(r, recipient) == 11 and not s.bold(r, recipient) for r in _runs(recipient))
    for line in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Hưng"):
        p = _find_paragraph(right, line)
        assert all(s.bold(r, p) for r in _runs(p))
    assert all(s.upper(r, p) for p in (_find_paragraph(right, "PHÓ GIÁM ĐỐC"),) for r in _runs(p))


def test_page_numbers_are_centred_at_the_top_except_on_page_one(tttt: Any) -> None:
    section = tttt.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header._element
    fields = header.findall(f".//{qn('w:fldSimple')}")
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    s = Styles(tttt)
    p = fields[0].getparent()
    assert s.para_prop(p, "w:jc").get(qn("w:val")) == "center"
    assert all(13 <= s.size(r, p) <= 14 for r in p.iter(qn("w:r")))
    assert not any(
        f.get(qn("w:instr")) for f in tttt.sections[0].footer._element.iter(qn("w:fldSimple"))
    )


def test_appendices_are_on_landscape_pages_with_repeated_header_rows(tttt: Any) -> None:
    portrait, landscape = tttt.sections
    assert portrait.page_width < portrait.page_height
    assert landscape.page_width > landscape.page_height
    assert round(_mm(landscape.page_width)) == 297
    assert not landscape.different_first_page_header_footer  # numbered on every landscape page
    body = tttt.element.body
    appendix = [t for t in body.iter(qn("w:tbl")) if "Nội dung công việc" in text_of(t)
                or "Tên nhiệm vụ, dự án" in text_of(t)]  # fmt: skip
    assert len(appendix) == 2
    width = int(landscape.page_width - landscape.left_margin - landscape.right_margin) / 635
    for table in appendix:
        first = table.find(qn("w:tr"))
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
                   for tr in table.findall(qn("w:tr"))[1:])  # fmt: skip
        assert table.find(f".//{qn('w:noWrap')}") is None
        grid = [int(c.get(qn("w:w"))) for c in table.iter(qn("w:gridCol"))]
        assert sum(grid) <= width + 1
        # after the section break
        breaks = [
            p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        ]
        assert breaks and list(body.iter()).index(breaks[0]) < list(body.iter()).index(table)


def test_pl03_header_is_the_plans(tttt: Any) -> None:
    from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS

    rows = {}
    for table in tttt.element.body.iter(qn("w:tbl")):
        first = [squash(text_of(tc)) for tc in table.find(qn("w:tr")).findall(qn("w:tc"))]
        rows[first[0]] = first
    assert rows["Stt"] == [title for _, title in PL02_COLUMNS]
    assert rows["TT"] == [title for _, title in PL03_COLUMNS]


# -- what LibreOffice shows ------------------------------------------------------------------------


def _label_first_report() -> Any:
    """The Sở TT&TT example with areas that open with a label or a single figure."""
    report = _report("so-tttt-pl01.json").model_copy(deep=True)
    answers = report.answers
    first = answers.get("A.I")
    first.results = ""
    first.figures = first.figures[:1]
    first.typical_cases = []
    second = answers.get("A.II.2.b1")
    second.results, second.figures, second.typical_cases = "", [], []
    third = answers.get("A.II.2.b2")
    third.results, third.figures = "", []
    return report


def _documents() -> dict[str, bytes]:
    from sokets.docx.outline import render_outline
    from sokets.docx.report import render_report

    documents = {name: _rendered(name) for name in EXAMPLES_DOCX}
    documents["label-first"] = render_report(_label_first_report())
    for code in ("SO-TTTT", "412", "16705"):
        documents[f"outline {code}"] = render_outline(get_registry().get(code))
    return documents


EXAMPLES_DOCX = (
    "so-tttt-pl01.json",
    "so-yt-pl01.json",
    "ubnd-tp-vinh-pl01.json",
    "xa-hung-dong-pl04.json",
)


def test_no_content_control_opens_with_direct_run_formatting() -> None:
    """LibreOffice drops the run formatting of the first paragraph inside a block content
    control: what must show there (a bold header line, a label) comes from paragraph styles."""
    for name, data in _documents().items():
        body = open_docx(data).element.body
        for sdt in body.iter(qn("w:sdt")):
            content = sdt.find(qn("w:sdtContent"))
            if content.find(qn("w:p")) is None and content.find(qn("w:tbl")) is None:
                continue  # an inline control
            first = next(content.iter(qn("w:p")))
            for run in _runs(first):
                rpr = run.find(qn("w:rPr"))
                style = None if rpr is None else rpr.find(qn("w:rStyle"))
                hint = style is not None and style.get(qn("w:val")) == "PlaceholderText"
                assert rpr is None or hint, (name, squash(text_of(first)))


def test_a_label_opening_an_area_stands_alone_and_reads_back() -> None:
    from sokets.docx.reader import read_docx
    from sokets.docx.report import render_report

    report = _label_first_report()
    document = open_docx(render_report(report))
    s = Styles(document)
    for text in ("Số liệu:", "Tồn tại, vướng mắc, nguyên nhân:", "Trường hợp điển hình:"):
        p = _find_paragraph(document.element.body, text)
        assert all(s.bold(r, p) and s.italic(r, p) for r in _runs(p)), text
    back = read_docx(render_report(report), "label-first.docx")
    assert back.findings == []
    for item in ("A.I", "A.II.2.b1", "A.II.2.b2"):
        assert back.report.answers.get(item) == report.answers.get(item), item


@needs("soffice", "pdftohtml", "pdftotext")
def test_libreoffice_prints_bold_where_bold_was_written(tmp_path: Path) -> None:
    from sokets.docx.report import render_report

    data = _rendered("ubnd-tp-vinh-pl01.json")
    lines = pdf_lines(libreoffice(data, tmp_path / "vinh", "pdf"), tmp_path / "vinh")
    assert ("ỦY BAN NHÂN DÂN", True) in [(t, b) for _, t, b, _ in lines]
    data = render_report(_label_first_report())
    lines = pdf_lines(libreoffice(data, tmp_path / "labels", "pdf"), tmp_path / "labels")
    for label in ("Số liệu:", "Tồn tại, vướng mắc, nguyên nhân:", "Trường hợp điển hình:"):
        assert (label, True, True) in [(t, b, i) for _, t, b, i in lines], label


def test_table_rows_never_split_and_header_rows_repeat() -> None:
    for name, data in _documents().items():
        body = open_docx(data).element.body
        for tr in body.iter(qn("w:tr")):
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None, name
        for tbl in body.iter(qn("w:tbl")):
            if "Tên số liệu" in text_of(tbl) or "Chỉ số" in text_of(tbl):
                first = tbl.find(qn("w:tr"))
                assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, name


def test_the_closing_sentence_keeps_with_the_signature(tttt: Any) -> None:
    s = Styles(tttt)
    closing = next(
        p for p in tttt.element.body.iter(qn("w:p")) if text_of(p).startswith("Trên đây là")
    )
    assert s.para_prop(closing, "w:keepNext") is not None
    signature = closing.getnext()
    assert signature.tag == qn("w:tbl") and "Nơi nhận:" in text_of(signature)
    (row,) = signature.findall(qn("w:tr"))
    assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


@needs("soffice", "pdftohtml", "pdftotext")
def test_libreoffice_never_leaves_the_signature_alone_on_a_page(tmp_path: Path) -> None:
    """A report growing line by line moves its closing sentence over the end of a page: the
    closing sentence, "Nơi nhận:" and the signer's name always share a page."""
    from sokets.docx.report import render_report

    report = _report("so-yt-pl01.json")
    name = report.header.signer.name
    variants = {}
    for extra in range(14):
        grown = report.model_copy(deep=True)
        answer = grown.answers.get("B")
        answer.results += "\nNội dung bổ sung của báo cáo." * extra
        variants[f"v{extra:02d}"] = render_report(grown)
    for variant, pdf in libreoffice_all(variants, tmp_path, "pdf").items():
        pages: dict[str, set[int]] = {"closing": set(), "recipients": set(), "name": set()}
        for page, text, _, _ in pdf_lines(pdf, tmp_path / variant):
            if text.startswith("Trên đây là"):
                pages["closing"].add(page)
            if text.startswith("Nơi nhận"):
                pages["recipients"].add(page)
            if text == name:
                pages["name"].add(page)
        assert all(pages.values()), (variant, pages)
        assert len(pages["closing"] | pages["recipients"] | pages["name"]) == 1, (variant, pages)
