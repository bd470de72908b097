"""The task catalogue of Phụ lục 03 (issue: core, deliverable 4)."""

from __future__ import annotations

import re

import pytest

from sokets.catalogue import GROUPS, get_catalogue
from sokets.units import UnitKind, get_registry


def test_38_tasks_in_four_groups() -> None:
    catalogue = get_catalogue()
    assert len(catalogue) == 38
    assert [len(catalogue.in_group(g.id)) for g in GROUPS] == [18, 6, 5, 9]
    assert catalogue.ids[0] == "I.1"
    assert catalogue.ids[-1] == "IV.9"
    assert all(re.fullmatch(r"(I|II|III|IV)\.\d+", i) for i in catalogue.ids)


def test_titles_and_leads_are_the_plan_rows(spec_text: str, raw_spec_text: str) -> None:
    rows = {}
    group = ""
    for line in raw_spec_text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"I|II|III|IV", cells[0]):
            group = cells[0]
        elif len(cells) == 6 and cells[0].isdigit() and group:
            rows[f"{group}.{cells[0]}"] = cells[2]
    catalogue = get_catalogue()
    assert set(rows) == set(catalogue.ids)
    for task in catalogue:
        assert task.title in spec_text, task.id
        assert task.lead == rows[task.id], task.id


def test_group_titles_are_verbatim(spec_text: str) -> None:
    for group in GROUPS:
        assert f"| {group.id} | {group.title} |" in spec_text


@pytest.mark.parametrize(
    ("unit", "count"),
    [("SO-TTTT", 23), ("VP-UBND", 7), ("SO-YT", 3), ("SO-DL", 3), ("SO-NGV", 2), ("16663", 0)],
)
def test_tasks_per_unit(unit: str, count: int) -> None:
    assert len(get_catalogue().tasks_for(unit)) == count


def test_every_district_answers_exactly_the_two_all_unit_tasks() -> None:
    catalogue = get_catalogue()
    for district in get_registry().of_kind(UnitKind.DISTRICT):
        assert [t.id for t in catalogue.tasks_for(district)] == ["II.4", "IV.9"]


def test_subunit_tasks_are_answered_by_the_parent() -> None:
    catalogue = get_catalogue()
    assert catalogue.get("I.13").lead_units == ("TT-CNTT",)
    assert catalogue.get("I.13").reporting_units == ("SO-TTTT",)
    assert catalogue.get("I.3").reporting_units == ("VP-UBND",)
    assert catalogue.tasks_for("CONG-TTDT") == ()
    vp = {t.id for t in catalogue.tasks_for("Văn phòng UBND tỉnh")}
    assert vp == {"I.3", "I.6", "I.7", "I.8", "I.14", "II.4", "IV.9"}


def test_every_task_has_a_reporting_unit_and_tasks_per_unit_add_up() -> None:
    catalogue, registry = get_catalogue(), get_registry()
    total = sum(len(catalogue.tasks_for(u)) for u in registry.reporting_units())
    assert total == sum(len(t.reporting_units) for t in catalogue)
    assert all(t.reporting_units for t in catalogue)


def test_corrected_titles_are_listed_in_errata() -> None:
    from sokets.plan import ERRATA

    corrected = {e.corrected for e in ERRATA}
    titles = " ".join(t.title for t in get_catalogue())
    for fix in ("Hệ thống thư công vụ", "phục vụ họp không giấy tờ", "công cụ dò quét"):
        assert fix in titles
        assert fix in corrected
