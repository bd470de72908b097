"""A unit's blank outline (issue 5, deliverable 2): only the items that apply to it, the plan's
guidance under each, its Phụ lục 03 tasks filled in; a commune gets the Phụ lục 04 outline."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml.ns import qn

from sokets.catalogue import get_catalogue
from sokets.docx.compose import heading_text
from sokets.docx.outline import ANSWER_HINT, DocxOutlineRenderer, render_outline
from sokets.docx.package import read_custom_properties
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
        present = squash(heading_text(item)) in lines
        assert present == (item in applicable), (code, item.id)
    for item in applicable:
        where = lines.index(squash(heading_text(item)))
        if item.guidance:
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
        "sokets.version": "1.0.0",
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
