"""The bundled examples are complete, valid reports (core, deliverable 7)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from sokets.catalogue import get_catalogue
from sokets.forms import dump_report, load_report
from sokets.models import Pl01Report, Pl04Report
from sokets.outline import outline_for
from sokets.units import get_registry
from tests.strategies import contains

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


def test_one_example_per_kind_of_reporting_unit() -> None:
    units = {json.loads(p.read_bytes())["header"]["unit_code"] for p in EXAMPLES}
    assert {"SO-TTTT", "SO-YT", "412"} <= units
    kinds = {get_registry().get(code).kind.value for code in units}
    assert kinds == {"department", "district", "commune"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_is_complete(path: Path) -> None:
    raw = path.read_bytes()
    assert raw.decode("utf-8") == unicodedata.normalize("NFC", raw.decode("utf-8"))
    report = load_report(raw, source=path.name)
    assert isinstance(report, Pl01Report | Pl04Report)
    unit = get_registry().get(report.header.unit_code)
    for leaf in outline_for(unit).leaves_for(unit):
        answer = report.answers.get(leaf.id)
        assert answer is not None and answer.results.strip(), leaf.id
    if isinstance(report, Pl01Report):
        assigned = [t.id for t in get_catalogue().tasks_for(unit)]
        assert [row.task_id for row in report.appendix_pl03] == assigned
        assert [row.no for row in report.appendix_pl02] == list(
            range(1, len(report.appendix_pl02) + 1)
        )
    assert contains(json.loads(dump_report(report)), json.loads(raw))
    assert load_report(dump_report(report)) == report
