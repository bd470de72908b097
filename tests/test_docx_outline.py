"""A unit's blank outline (issue 5, deliverable 2): only the items that apply to it, the plan's
guidance under each, its Phụ lục 03 tasks filled in; a commune gets the Phụ lục 04 outline."""

from __future__ import annotations

import re
from typing import Any

import pytest
from docx.oxml.ns import qn

from sokets.catalogue import get_catalogue
from sokets.docx.compose import continues_heading, guided_heading
from sokets.docx.outline import ANSWER_HINT, DocxOutlineRenderer, render_outline
from sokets.docx.package import read_custom_properties
from sokets.forms import FORMS
from sokets.outline import outline_for
from sokets.render import blank_renderer
from sokets.units import PL01_KINDS, UnitKind, get_registry
from tests.docx_support import body_paragraphs, iter_rows, open_docx, squash, tables_in, text_of

PL01_UNITS = [u.code for u in get_registry().of_kind(*PL01_KINDS)]
COMMUNES = ["16705", "16663", *[u.code for u in get_registry().of_kind(UnitKind.COMMUNE)][::150]]


def _lines(document: Any) -> list[str]:
    return [squash(text_of(p)) for p in body_paragraphs(document)]


def _check_items(code: str) -> Any:
    unit = get_registry().get(code)
    outline = outline_for(unit)
    document = open_docx(render_outline(unit))
    lines = _lines(document)
    applicable = [i for i in outline.walk() if i.applies_to(unit)]
    for item in outline.walk():
        present = squash(guided_heading(item)) in lines
        assert present == (item in applicable), (code, item.id)
    for item in applicable:
        where = lines.index(squash(guided_heading(item)))
        if item.guidance and not continues_heading(item):
            assert lines[where + 1] == squash(item.guidance), (code, item.id)
    tags = [
        t.get(qn("w:val"))
        for t in document.element.body.iter(qn("w:tag"))
        if t.get(qn("w:val")).startswith("sokets:item:")
    ]
    assert tags == [f"sokets:item:{leaf.id}" for leaf in outline.leaves_for(unit)]
    assert lines.count(ANSWER_HINT) == len(tags)
    properties = read_custom_properties(document)
    assert properties == {
        "sokets.form": unit.form,
        "sokets.version": FORMS[str(unit.form)].version,
        "sokets.unit_code": code,
        "sokets.document": "outline",
    }
    return document


@pytest.mark.parametrize("code", PL01_UNITS)
def test_pl01_outline_has_the_units_items_and_tasks(code: str) -> None:
    document = _check_items(code)
    tables = tables_in(document.element.body)
    (pl03,) = [t for t in tables if t.rows[0].cells[0].text == "TT"]
    rows = list(iter_rows(pl03))[1:]
    tasks = get_catalogue().tasks_for(code)
    task_rows = [r for r in rows if r[0].isdigit()]
    assert [(r[1], r[2]) for r in task_rows] == [(t.title, t.lead) for t in tasks]
    assert [r[0] for r in task_rows] == [str(t.number) for t in tasks]
    assert all(r[3:] == ["", "", ""] for r in task_rows)
    assert [r[0] for r in rows if not r[0].isdigit()] == list(dict.fromkeys(t.group for t in tasks))
    (pl02,) = [t for t in tables if t.rows[0].cells[0].text == "Stt"]
    assert list(iter_rows(pl02))[1:] == [[str(n), "", "", "", "", ""] for n in range(1, 6)]
    assert len(document.sections) == 2


@pytest.mark.parametrize("code", COMMUNES)
def test_commune_outline_is_phu_luc_04_without_tables_of_tasks(code: str) -> None:
    document = _check_items(code)
    assert len(document.sections) == 1
    headers = {t.rows[0].cells[0].text for t in tables_in(document.element.body)}
    assert not headers & {"TT", "Stt"}
    assert "Chỉ số" in headers


def test_items_that_ask_for_figures_or_indicators_get_their_tables() -> None:
    unit = get_registry().get("412")
    document = open_docx(render_outline(unit))
    for leaf in outline_for(unit).leaves_for(unit):
        (area,) = document.element.body.xpath(
            f'.//w:sdt[w:sdtPr/w:tag/@w:val="sokets:item:{leaf.id}"]/w:sdtContent'
        )
        heads = [t.rows[0].cells[0].text for t in tables_in(area)]
        expected = (["Tên số liệu"] if leaf.asks_for_figures else []) + (
            ["Chỉ số"] if leaf.indicators else []
        )
        assert heads == expected, leaf.id
        if leaf.indicators:
            indicators = next(t for t in tables_in(area) if t.rows[0].cells[0].text == "Chỉ số")
            labels = [row[0] for row in iter_rows(indicators)][1:]
            assert labels == [squash(i.label) for i in leaf.indicators]


def test_the_renderer_is_registered_and_refuses_a_subunit() -> None:
    renderer = blank_renderer("docx")
    assert isinstance(renderer, DocxOutlineRenderer)
    assert renderer.suffix == ".docx"
    with pytest.raises(ValueError, match="parent"):
        renderer.render(get_registry().get("CONG-TTDT"))


# -- wording (review 13.7, 13.8) ---------------------------------------------------------------


_POINT = re.compile(r"^[a-zđ]\d*\) ")  # a point of the outline: "a) Về chính quyền số:"


def _text(code: str) -> str:
    return "\n".join(_lines(open_docx(render_outline(get_registry().get(code)))))


def test_the_signers_authority_is_named_as_in_the_model() -> None:
    from sokets.docx.layout import AUTHORITY_PLACEHOLDER
    from sokets.models.common import Signer

    title = Signer.model_fields["authority"].title
    assert title == "Thẩm quyền ký"
    document = open_docx(render_outline(get_registry().get("SO-YT")))
    (alias,) = document.element.body.xpath(
        './/w:sdt[w:sdtPr/w:tag/@w:val="sokets:field:signer_authority"]/w:sdtPr/w:alias/@w:val'
    )
    assert alias == title
    assert AUTHORITY_PLACEHOLDER.startswith(f"({title} ")
    assert AUTHORITY_PLACEHOLDER in _text("SO-YT")
    assert "quyền hạn" not in _text("SO-YT").casefold()


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("SO-YT", "Sở Y tế"),
        ("16705", "UBND xã Hưng Đông"),
        ("DIEN-LUC", "Công ty Điện lực Nghệ An"),
    ],
)
def test_the_closing_sentence_names_the_unit_first(code: str, name: str) -> None:
    closing = next(line for line in _text(code).splitlines() if line.startswith("Trên đây là"))
    assert closing.startswith(f"Trên đây là báo cáo của {name} về kết quả sơ kết 01 năm")
    assert closing.endswith("Kế hoạch số 586/KH-UBND ngày 22/8/2022 của UBND tỉnh về chuyển đổi số "
                            "tỉnh Nghệ An đến năm 2025./.")  # fmt: skip


def test_guidance_that_continues_a_heading_stays_on_its_line() -> None:
    """Phụ lục 04 items 2 and 4, as the plan prints them: “2. Công tác chỉ đạo tổ chức triển
    khai: các văn bản chỉ đạo, …”; no paragraph of an outline starts in lower case."""
    for code in ("16705", "SO-TTTT", "412"):
        lines = _text(code).splitlines()
        lower = [line for line in lines if line[:1].islower() and not _POINT.match(line)]
        assert not lower, code
    lines = _text("16705").splitlines()
    assert any(
        line.startswith("2. Công tác chỉ đạo tổ chức triển khai: các văn bản chỉ đạo")
        for line in lines
    )
    assert any(line.startswith("4. Đánh giá kết quả triển khai") and ": tập trung" in line
               for line in lines)  # fmt: skip


@pytest.mark.parametrize("code", PL01_UNITS)
def test_the_header_and_the_body_give_the_issuer_one_name(code: str) -> None:
    from sokets.docx.layout import issuer_lines, issuer_name

    unit = get_registry().get(code)
    _, lines = issuer_lines(unit)
    if unit.kind is not UnitKind.DISTRICT:
        assert lines == (issuer_name(unit).upper(),)
    text = _text(code)
    assert f", {issuer_name(unit)} báo cáo kết quả như sau:" in text
    assert f"Trên đây là báo cáo của {issuer_name(unit)} về" in text


def test_dien_luc_is_the_company_everywhere() -> None:
    text = _text("DIEN-LUC")
    assert "CÔNG TY ĐIỆN LỰC NGHỆ AN" in text.splitlines()
    assert "Công ty Điện lực Nghệ An báo cáo kết quả như sau:" in text


@pytest.mark.parametrize(
    ("code", "recipient", "send_to"),
    [
        (
            "SO-YT",
            "- UBND tỉnh (qua Sở Thông tin và Truyền thông);",
            "gửi tệp về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 20/8/2023.",
        ),
        (
            "412",
            "- UBND tỉnh (qua Sở Thông tin và Truyền thông);",
            "gửi tệp về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 20/8/2023.",
        ),
        ("SO-TTTT", "- UBND tỉnh (b/c);", "gửi tệp về UBND tỉnh trước ngày 20/8/2023."),
        ("16705", "- UBND thành phố Vinh (b/c);", "gửi tệp về UBND thành phố Vinh."),
    ],
)
def test_the_outline_tells_the_clerk_where_to_send_it(
    code: str, recipient: str, send_to: str
) -> None:
    """Plan II.2.a: reports go “về UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày
    20/8/2023”; a commune's to its district. The clerk is told what to do, not a command."""
    unit = get_registry().get(code)
    lines = _text(code).splitlines()
    assert recipient in lines
    (how,) = [line for line in lines if line.startswith("Ghi số, ký hiệu báo cáo")]
    assert unit.report_number_example in how
    assert how.endswith(send_to)
    assert "sokets" not in "\n".join(lines).casefold()
