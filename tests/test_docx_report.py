"""A filled report as DOCX: nothing of the report is lost, and everything is in outline order.

Issue 5, deliverables 1 and 5: every text, figure and table row of a report appears in the
document, read back with python-docx; a hypothesis test renders generated reports.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sokets._text import short_date
from sokets.catalogue import get_catalogue
from sokets.docx.formats import format_number, lines_of_text, xml_text
from sokets.docx.reader import read_docx
from sokets.docx.report import render_report
from sokets.errors import SoketsError
from sokets.forms import dump_report, load_report
from sokets.models.common import Answer
from sokets.outline import IndicatorKind, outline_for
from sokets.units import get_registry
from tests.conftest import EXAMPLES
from tests.docx_support import (
    body_text,
    iter_rows,
    missing_in_order,
    open_docx,
    squash,
    tables_in,
)
from tests.strategies import pl01_reports, pl04_reports

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.json"))


def _lines(text: str) -> list[str]:
    return [squash(line) for line in lines_of_text(text)]


def _answer_fragments(item: Any, answer: Answer) -> list[str]:
    out = []
    for line in _lines(answer.results):
        out.append(line)
    for figure in answer.figures:
        out += [*_lines(figure.name), format_number(figure.value), *_lines(figure.unit)]
        if figure.as_of:
            out.append(short_date(figure.as_of))
    given = getattr(answer, "indicators", None)
    for indicator in item.indicators:
        value = getattr(given, indicator.id, None) if given is not None else None
        if value is None:
            continue
        out.append(squash(indicator.label))
        if indicator.kind is IndicatorKind.RATIO:
            if value.counted:
                out += [format_number(value.numerator), format_number(value.denominator)]
            if value.percent is not None:
                out.append(format_number(value.percent))
        elif indicator.kind is IndicatorKind.YES_NO:
            out.append("Có" if value else "Không")
        else:
            out.append(format_number(value))
    for case in answer.typical_cases:
        out += _lines(case)
    out += _lines(answer.difficulties)
    out += _lines(answer.proposals)
    return out


def expected_fragments(report: Any) -> list[str]:
    """Every text, figure and row of ``report``, in the order the outline puts them."""
    header = report.header
    unit = get_registry().get(header.unit_code)
    fragments = [squash(xml_text(header.report_number))]
    for item in outline_for(unit).walk():
        if not item.is_answerable:
            continue
        answer = report.answers.get(item.id)
        if answer is not None:
            fragments += _answer_fragments(item, answer)
    fragments += [squash(xml_text(r)) for r in header.recipients]
    fragments += [squash(xml_text(a)) for a in header.signer.authority]
    fragments += [squash(xml_text(header.signer.title)), squash(xml_text(header.signer.name))]
    for row in getattr(report, "appendix_pl02", []):
        fragments += [str(row.no), *(_lines(row.task)), *_lines(row.results)]
        fragments += [*_lines(row.difficulties), *_lines(row.proposals), *_lines(row.notes)]
    catalogue = get_catalogue()
    for row in getattr(report, "appendix_pl03", []):
        task = catalogue.get(row.task_id)
        fragments += [task.title, task.lead, *_lines(row.results)]
        fragments += [*_lines(row.difficulties), *_lines(row.proposals)]
    return fragments


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_text_figure_and_row_of_an_example_appears_in_order(name: str) -> None:
    report = load_report((EXAMPLES / name).read_bytes())
    text = body_text(open_docx(render_report(report)))
    fragments = expected_fragments(report)
    assert len(fragments) > 50
    assert missing_in_order(text, fragments) == []


def test_the_check_notices_a_missing_or_misplaced_text() -> None:
    report = load_report((EXAMPLES / "so-tttt-pl01.json").read_bytes())
    text = body_text(open_docx(render_report(report)))
    fragments = expected_fragments(report)
    assert missing_in_order(text, [*fragments, "không có trong văn bản"]) == [
        "không có trong văn bản"
    ]
    swapped = [fragments[-1], *fragments[:-1]]
    assert missing_in_order(text, swapped)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_a_rendered_report_reads_back_unchanged(name: str) -> None:
    data = (EXAMPLES / name).read_bytes()
    report = load_report(data)
    result = read_docx(render_report(report), name)
    assert result.findings == []
    assert json.loads(dump_report(result.report)) == json.loads(dump_report(report))


def test_pl03_rows_carry_the_catalogue_title_and_lead() -> None:
    report = load_report((EXAMPLES / "so-tttt-pl01.json").read_bytes())
    document = open_docx(render_report(report))
    pl03 = [t for t in tables_in(document.element.body) if t.rows[0].cells[0].text == "TT"]
    assert len(pl03) == 1
    rows = list(iter_rows(pl03[0]))
    task_rows = [r for r in rows[1:] if r[0].isdigit()]
    group_rows = [r for r in rows[1:] if not r[0].isdigit()]
    assert [r[0] for r in group_rows] == ["I", "II", "III", "IV"]
    assert len(task_rows) == len(report.appendix_pl03) == 23
    for cells, row in zip(task_rows, report.appendix_pl03, strict=True):
        task = get_catalogue().get(row.task_id)
        assert cells[:3] == [str(task.number), task.title, task.lead]
        assert cells[3] == row.results


def test_standalone_tables_are_refused() -> None:
    from sokets.models.tables import Pl03Table

    table = Pl03Table.model_validate(
        {"header": {"form": "PL03", "version": "1.0.1", "unit_code": "SO-YT"}, "rows": []}
    )
    with pytest.raises(SoketsError, match="PL01"):
        render_report(table)


def test_rendering_is_deterministic() -> None:
    report = load_report((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    first, second = open_docx(render_report(report)), open_docx(render_report(report))
    assert body_text(first) == body_text(second)
    assert first.core_properties.created == second.core_properties.created


@settings(max_examples=min(settings.default.max_examples, 100))  # a DOCX each: 0.17 s
@given(st.one_of(pl01_reports(), pl04_reports()))
def test_generated_reports_lose_nothing(instance: dict[str, Any]) -> None:
    report = load_report(json.dumps(instance))
    document = open_docx(render_report(report))
    assert missing_in_order(body_text(document), expected_fragments(report)) == []
