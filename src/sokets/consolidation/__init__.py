"""Consolidation: from a folder of reports to the district's and the province's review.

Vocabulary:

* a **submission** is one input file (or a file listed in an earlier consolidation);
* the **scope** is the province (every unit with a report of its own) or one district (its
  communes); the **expected** units are the scope's, narrowed or widened by a list;
* the **register** says where each expected unit stands (:class:`Status`), and ``files`` what
  became of every input (:class:`FileRole`): nothing is dropped;
* **roll-ups** add indicators up by district and for the scope.

:func:`consolidate` does the work and returns a :class:`Consolidation` (no printing, no files
written); renderers (:data:`sokets.render.CONSOLIDATION_RENDERERS`) turn it into text, JSON or a
workbook. :func:`summarise` describes single reports (``sokets summary``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sokets._version import __version__
from sokets.consolidation import content, register, rollup
from sokets.consolidation.collect import (
    Submission,
    apply_receipts,
    as_document,
    collect,
    load_consolidation,
    read_expected,
    read_receipts,
)
from sokets.consolidation.model import (
    FORM,
    VERSION,
    Consolidation,
    ConsolidationHeader,
    EmbeddedReport,
    given,
)
from sokets.consolidation.statuses import FileRole, Status
from sokets.consolidation.summary import ReportSummary, summarise
from sokets.models import Pl01Report, Pl02Table, Pl03Table, Pl04Report
from sokets.plan import PLAN
from sokets.units import Unit, get_registry

__all__ = [
    "Consolidation",
    "FileRole",
    "ReportSummary",
    "Status",
    "consolidate",
    "load_consolidation",
    "summarise",
]


def consolidate(
    inputs: Iterable[str | Path | Consolidation],
    *,
    scope: str | None = None,
    as_of: date | None = None,
    expected: str | Path | Iterable[str] | None = None,
    received: str | Path | None = None,
    deadline: date | None = None,
    include_invalid: bool = False,
    keep_reports: bool = True,
    keep_outline: bool = True,
    workers: int = 1,
) -> Consolidation:
    """Consolidate report files, folders and earlier consolidations.

    ``scope`` is ``None`` for the province or a district's code or name; ``as_of`` the date the
    consolidation stands at (default: today; reports sent later are out of scope); ``expected`` a
    file listing the units expected (see :func:`~sokets.consolidation.collect.read_expected`), or
    unit codes/names, instead of every unit of the scope; ``received`` the văn thư's register of
    receipts (CSV); ``deadline`` defaults to the plan's (20/8/2023). Reports with errors are
    listed with their findings and kept out of the figures unless ``include_invalid``. The
    consolidated reports themselves go in ``reports`` (so that the consolidation can be sent up
    and consolidated again) unless ``keep_reports`` is false (a workbook or a text does not show
    them); the answers by outline item go in ``outline`` unless ``keep_outline`` is false (only the
    JSON document, the draft review report and a district's draft show them). ``workers`` above 1
    lets background processes read workbooks and documents when there are many (see
    :func:`~sokets.consolidation.collect.collect`); the result is the same. As with any
    multiprocessing, a script that asks for workers keeps its own work under
    ``if __name__ == "__main__":`` (the processes import the script's main module).

    Raises :class:`~sokets.errors.InputError` for an unreadable expected list or register of
    receipts and :class:`~sokets.errors.UnknownUnitError` for an unknown scope; unreadable
    reports are never an exception: they are listed in ``files``.
    """
    registry = get_registry()
    scoped = register.resolve_scope(scope, registry)
    if expected is not None:
        if isinstance(expected, str | Path):
            units = read_expected(expected, scoped.expected, registry)
        else:
            units = [registry.lookup(name) for name in expected]
        scoped = register.ScopeUnits(scoped.scope, tuple(units))
    as_of = as_of or date.today()
    deadline = deadline or PLAN.report_deadline
    submissions = collect(inputs, workers=workers)
    notes: list[str] = []
    if received is not None:
        notes = apply_receipts(submissions, read_receipts(received, registry))
    return build(
        submissions,
        scoped,
        as_of=as_of,
        deadline=deadline,
        include_invalid=include_invalid,
        keep_reports=keep_reports,
        keep_outline=keep_outline,
        notes=notes,
    )


def _tables(
    current: dict[tuple[str, str], Submission],
) -> content.Tables:
    """Each unit's Phụ lục 02 and 03: from its report when it carries them, else from a table it
    sent on its own."""
    tables: content.Tables = {}
    for (code, _), submission in current.items():
        model = submission.model
        pl02, pl03 = tables.get(code, (None, None))
        if isinstance(model, Pl01Report):
            fields = model.model_fields_set
            pl02 = list(model.appendix_pl02) if "appendix_pl02" in fields else pl02
            pl03 = list(model.appendix_pl03) if "appendix_pl03" in fields else pl03
        elif isinstance(model, Pl02Table) and pl02 is None:
            pl02 = list(model.rows)
        elif isinstance(model, Pl03Table) and pl03 is None:
            pl03 = list(model.rows)
        tables[code] = (pl02, pl03)
    return tables


def build(
    submissions: list[Submission],
    scoped: register.ScopeUnits,
    *,
    as_of: date,
    deadline: date,
    include_invalid: bool = False,
    keep_reports: bool = True,
    keep_outline: bool = True,
    notes: Iterable[str] = (),
) -> Consolidation:
    """The consolidation of submissions already read (see :func:`consolidate`)."""
    registry = get_registry()
    current = register.assign_roles(submissions, scoped, as_of, registry)
    history: dict[str, list[Submission]] = {}
    for submission in submissions:
        if (
            submission.role in (FileRole.CURRENT, FileRole.SUPERSEDED)
            and submission.slot == "report"
        ):
            history.setdefault(str(submission.unit_code), []).append(submission)
    entries = [
        register.register_entry(
            unit,
            current.get((unit.code, "report")),
            history.get(unit.code, ()),
            deadline,
            include_invalid,
        )
        for unit in scoped.expected
    ]
    counted: list[tuple[Unit, Pl01Report | Pl04Report]] = []
    for entry in entries:
        model = current[(entry.unit_code, "report")].model if entry.in_figures else None
        if isinstance(model, Pl01Report | Pl04Report):
            counted.append((registry.get(entry.unit_code), model))
    usable = {
        key: s
        for key, s in current.items()
        if s.model is not None and (not s.errors or include_invalid)
    }
    tables = _tables(usable)
    units = {u.code: u for u in scoped.expected}
    return Consolidation(
        header=ConsolidationHeader(
            form=FORM,
            version=VERSION,
            scope=scoped.scope,
            as_of=as_of,
            deadline=deadline,
            include_invalid=include_invalid,
            generated_by=f"sokets {__version__}",
        ),
        units=entries,
        files=[s.entry() for s in submissions],
        rates=register.rates(entries, registry),
        tasks=content.tasks(tables, scoped.expected, units),
        general_tasks=content.general_tasks(tables, scoped.expected),
        outline=content.outline(counted, scoped.expected) if keep_outline else [],
        issues=content.issues(counted, tables),
        indicators=rollup.indicators(counted, scoped.expected, registry),
        reports=[
            EmbeddedReport(
                **given(received_date=s.received_date), source=s.source, via=s.via, report=document
            )
            for s in submissions
            if keep_reports
            and s.role in (FileRole.CURRENT, FileRole.SUPERSEDED)
            and (document := as_document(s)) is not None
        ],
        notes=list(notes),
    )
