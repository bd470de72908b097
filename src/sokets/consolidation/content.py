"""What the reports say, put together: Phụ lục 03 task by task, Phụ lục 02 unit by unit, the
outline item by item, and the difficulties, proposals and tasks ahead gathered.

Each function takes the reports counted in the figures, as ``(unit, report)`` pairs in registry
order, and returns the model parts of :class:`~sokets.consolidation.model.Consolidation`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sokets.catalogue import get_catalogue
from sokets.consolidation.model import (
    GeneralTasks,
    IssueEntry,
    ItemAnswer,
    ItemEntry,
    TaskEntry,
    UnitText,
)
from sokets.models import Pl01Report, Pl04Report
from sokets.models.common import Answer
from sokets.models.tables import Pl02Row, Pl03Row
from sokets.outline import Outline, OutlineItem, pl01_outline, pl04_outline
from sokets.units import Unit

Counted = Sequence[tuple[Unit, Pl01Report | Pl04Report]]
"""The reports in the figures, with their units, in registry order."""

Tables = dict[str, tuple[list[Pl02Row] | None, list[Pl03Row] | None]]
"""Phụ lục 02 and 03 of each unit (by code): from its report, else from a table sent alone."""

#: Outline items whose answers are themselves difficulties, proposals or tasks ahead.
ISSUE_ITEMS: dict[str, dict[str, str]] = {
    "PL01": {"A.III": "difficulties", "A.IV": "proposals", "B": "tasks_ahead"},
    "PL04": {"4": "difficulties", "5": "proposals", "6": "tasks_ahead"},
}


def tasks(tables: Tables, expected: Sequence[Unit], units: dict[str, Unit]) -> list[TaskEntry]:
    """The 38 tasks of Phụ lục 03, each with the rows of the units that answer it.

    A task's ``not_reported`` lists the units that must answer it (among the expected ones) but
    sent no report, or left the task out of their Phụ lục 03.
    """
    expected_codes = {u.code for u in expected}
    entries = []
    for task in get_catalogue():
        must = [code for code in task.reporting_units if code in expected_codes]
        rows: list[UnitText] = []
        for code in must:
            pl03 = tables.get(code, (None, None))[1]
            row = next((r for r in pl03 or () if r.task_id == task.id), None)
            if row is not None:
                rows.append(
                    UnitText(
                        unit_code=code,
                        unit_name=units[code].name,
                        results=row.results,
                        difficulties=row.difficulties,
                        proposals=row.proposals,
                    )
                )
        answered = {r.unit_code for r in rows}
        entries.append(
            TaskEntry(
                task_id=task.id,
                group=task.group,
                title=task.title,
                lead=task.lead,
                for_all_units=task.for_all_units,
                expected=must,
                rows=rows,
                not_reported=[c for c in must if c not in answered],
            )
        )
    return entries


def general_tasks(tables: Tables, expected: Sequence[Unit]) -> list[GeneralTasks]:
    """Every unit's Phụ lục 02 rows, grouped by unit in registry order (units without rows
    left out)."""
    return [
        GeneralTasks(unit_code=unit.code, unit_name=unit.name, rows=list(pl02))
        for unit in expected
        if (pl02 := tables.get(unit.code, (None, None))[0])
    ]


def _indicators(answer: Answer) -> dict[str, Any]:
    values: Any = answer.indicator_model()
    if values is None:
        return {}
    return {k: v for k, v in vars(values).items() if v is not None}


def item_answer(unit: Unit, answer: Answer) -> ItemAnswer:
    """One unit's answer, as the consolidation keeps it (built from parts already validated)."""
    return ItemAnswer.model_construct(
        unit_code=unit.code,
        unit_name=unit.name,
        results=answer.results,
        figures=list(answer.figures),
        typical_cases=list(answer.typical_cases),
        difficulties=answer.difficulties,
        proposals=answer.proposals,
        indicators=_indicators(answer),
    )


def _depth(item: OutlineItem) -> int:
    return item.id.count(".")


def outline(counted: Counted, expected: Sequence[Unit]) -> list[ItemEntry]:
    """Every item of Phụ lục 01 and 04 (headings too, for the structure) with every answer in
    scope, in the plan's order; items no expected unit answers are left out."""
    entries: list[ItemEntry] = []
    for form, tree in (("PL01", pl01_outline()), ("PL04", pl04_outline())):
        reports = [(u, r) for u, r in counted if r.header.form == form]
        audience = [u for u in expected if u.form == form]
        if audience:
            entries.extend(_outline_entries(form, tree, reports, audience))
    return entries


def _outline_entries(
    form: str, tree: Outline, reports: Counted, audience: Sequence[Unit]
) -> Iterator[ItemEntry]:
    for item in tree.walk():
        who = [u for u in audience if item.applies_to(u)]
        if not who:
            continue
        answers = []
        if item.is_answerable:
            for unit, report in reports:
                answer = report.answers.get(item.id)
                if answer is not None and item.applicability.applies_to(unit):
                    answers.append(item_answer(unit, answer))
        yield ItemEntry(
            form=form,  # type: ignore[arg-type]
            item_id=item.id,
            number=item.number,
            title=item.title,
            depth=_depth(item),
            is_heading=not item.is_answerable,
            expected=len(who),
            answers=answers,
        )


def issues(counted: Counted, tables: Tables) -> list[IssueEntry]:
    """Difficulties, proposals and tasks ahead: the sections that are about them (Phụ lục 01
    A.III, A.IV, B; Phụ lục 04 mục 4, 5, 6), then every answer's own difficulties and proposals,
    then those of the Phụ lục 02 and 03 rows — by kind, then unit, in the plan's order."""
    found: list[IssueEntry] = []

    def add(kind: str, unit: Unit, where: str, text: str) -> None:
        if text.strip():
            found.append(
                IssueEntry(
                    kind=kind,  # type: ignore[arg-type]
                    unit_code=unit.code,
                    unit_name=unit.name,
                    where=where,
                    text=text,
                )
            )

    for unit, report in counted:
        sections = ISSUE_ITEMS[report.header.form]
        for item_id, answer in report.answers.answered():
            kind = sections.get(item_id)
            if kind is not None:
                add(kind, unit, item_id, answer.results)
            add("difficulties", unit, item_id, answer.difficulties)
            add("proposals", unit, item_id, answer.proposals)
        pl02, pl03 = tables.get(unit.code, (None, None))
        for row in pl02 or ():
            add("difficulties", unit, f"Phụ lục 02, dòng {row.no}", row.difficulties)
            add("proposals", unit, f"Phụ lục 02, dòng {row.no}", row.proposals)
        for row3 in pl03 or ():
            add("difficulties", unit, f"Phụ lục 03, nhiệm vụ {row3.task_id}", row3.difficulties)
            add("proposals", unit, f"Phụ lục 03, nhiệm vụ {row3.task_id}", row3.proposals)
    order = {"difficulties": 0, "proposals": 1, "tasks_ahead": 2}
    return sorted(found, key=lambda issue: order[issue.kind])
