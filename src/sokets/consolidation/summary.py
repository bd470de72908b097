"""Summaries of single reports: what each one covers (``sokets summary``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from sokets.catalogue import get_catalogue
from sokets.models import Pl01Report, Pl02Table, Pl03Table, Pl04Report
from sokets.outline import applicable_leaves
from sokets.plan import is_late
from sokets.units import get_registry


@dataclass(frozen=True)
class ReportSummary:
    """How much of its outline and task table one report answers."""

    form: str
    unit_code: str
    unit_name: str
    report_date: date | None
    items_applicable: int
    items_answered: int
    tasks_assigned: int
    tasks_reported: int
    general_tasks: int
    late: bool


def summarise(report: BaseModel) -> ReportSummary:
    """Summarise one form instance (a report or a standalone table)."""
    registry, catalogue = get_registry(), get_catalogue()
    if isinstance(report, Pl01Report | Pl04Report):
        header = report.header
        unit = registry.get(header.unit_code)
        leaves = applicable_leaves(unit)
        answered = {item_id for item_id, _ in report.answers.answered()}
        pl03 = report.appendix_pl03 if isinstance(report, Pl01Report) else []
        pl02 = report.appendix_pl02 if isinstance(report, Pl01Report) else []
        assigned = catalogue.tasks_for(unit) if isinstance(report, Pl01Report) else ()
        return ReportSummary(
            form=header.form,
            unit_code=unit.code,
            unit_name=unit.name,
            report_date=header.report_date,
            items_applicable=len(leaves),
            items_answered=sum(1 for leaf in leaves if leaf.id in answered),
            tasks_assigned=len(assigned),
            tasks_reported=len({r.task_id for r in pl03} & {t.id for t in assigned}),
            general_tasks=len(pl02),
            late=is_late(header.report_date),
        )
    if isinstance(report, Pl02Table | Pl03Table):
        unit = registry.get(report.header.unit_code)
        assigned = catalogue.tasks_for(unit)
        reported = {r.task_id for r in report.rows} if isinstance(report, Pl03Table) else set()
        return ReportSummary(
            form=report.header.form,
            unit_code=unit.code,
            unit_name=unit.name,
            report_date=None,
            items_applicable=0,
            items_answered=0,
            tasks_assigned=len(assigned) if isinstance(report, Pl03Table) else 0,
            tasks_reported=len(reported & {t.id for t in assigned}),
            general_tasks=len(report.rows) if isinstance(report, Pl02Table) else 0,
            late=False,
        )
    raise TypeError(f"not a sokets form instance: {type(report).__name__}")
