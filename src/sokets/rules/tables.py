"""Rules on the appendix tables: Phụ lục 02 (general tasks) and Phụ lục 03 (named tasks).

The tables travel inside a Phụ lục 01 report (``appendix_pl02``, ``appendix_pl03``) or alone as the
forms PL02 and PL03 (``rows``); the same rules apply to both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sokets.catalogue import get_catalogue
from sokets.findings import Finding
from sokets.models.tables import Pl02Row, Pl03Row
from sokets.rules import codes as c
from sokets.rules._engine import ReportContext, rule, short


def _pl02(ctx: ReportContext) -> tuple[Sequence[Pl02Row], str]:
    if ctx.form == "PL01":
        return ctx.report.appendix_pl02, "/appendix_pl02"  # type: ignore[attr-defined]
    return ctx.report.rows, "/rows"  # type: ignore[attr-defined]


def _pl03(ctx: ReportContext) -> tuple[Sequence[Pl03Row], str, bool]:
    """Rows, their pointer, and whether the table is there at all."""
    if ctx.form == "PL01":
        present = "appendix_pl03" in ctx.report.model_fields_set
        return ctx.report.appendix_pl03, "/appendix_pl03", present  # type: ignore[attr-defined]
    return ctx.report.rows, "/rows", True  # type: ignore[attr-defined]


@rule(
    "pl02-rows",
    "Phụ lục 02 có nhiệm vụ, đánh số 1..n, đủ nội dung / Phụ lục 02 filled and numbered 1..n",
    forms=("PL01", "PL02"),
    emits=(c.PL02_EMPTY, c.ROW_NUMBER_DUPLICATED, c.ROW_NUMBER_OUT_OF_ORDER, c.EMPTY_TEXT),
)
def pl02_rows(ctx: ReportContext) -> Iterator[Finding]:
    """Rows numbered 1..n in order, each number once; task and results not blank."""
    rows, base = _pl02(ctx)
    if not rows:
        inside = ctx.form == "PL01"
        yield c.PL02_EMPTY.at(
            base,
            where_vi=' ("appendix_pl02"), hoặc gửi riêng biểu PL02' if inside else "",
            where_en=' ("appendix_pl02"), or send a separate PL02 table' if inside else "",
        )
        return
    first_row: dict[int, int] = {}
    for position, row in enumerate(rows, start=1):
        pointer = f"{base}/{position - 1}"
        if row.no in first_row:
            yield c.ROW_NUMBER_DUPLICATED.at(f"{pointer}/no", no=row.no, first=first_row[row.no])
        else:
            first_row[row.no] = position
            if row.no != position:
                yield c.ROW_NUMBER_OUT_OF_ORDER.at(f"{pointer}/no", no=row.no, position=position)
        if not row.task.strip():
            yield c.EMPTY_TEXT.at(
                f"{pointer}/task", label_vi="Nội dung công việc", label_en="The task"
            )
        if _unanswered(row):
            yield c.EMPTY_TEXT.at(
                f"{pointer}/results",
                label_vi="Kết quả thực hiện",
                label_en="The results",
            )


def _unanswered(row: Pl02Row | Pl03Row) -> bool:
    """Nothing in the answer columns: a row that only explains difficulties (a task not started
    for lack of funds) is answered, like an outline answer (R005)."""
    return not (row.results.strip() or row.difficulties.strip() or row.proposals.strip())


@rule(
    "pl03-tasks",
    "Phụ lục 03: mỗi nhiệm vụ được giao báo cáo đúng một lần / each assigned task reported once",
    forms=("PL01", "PL03"),
    emits=(
        c.PL03_NOT_ATTACHED,
        c.TASK_NOT_REPORTED,
        c.TASK_DUPLICATED,
        c.TASK_FOREIGN,
        c.EMPTY_TEXT,
    ),
)
def pl03_tasks(ctx: ReportContext) -> Iterator[Finding]:
    """Every assigned task exactly once, no task of another unit, results not blank."""
    rows, base, present = _pl03(ctx)
    assigned = ctx.tasks
    if not present:
        if assigned:
            yield c.PL03_NOT_ATTACHED.at(base, unit_name=ctx.unit.name, count=len(assigned))
        return
    assigned_ids = {task.id for task in assigned}
    catalogue = get_catalogue()
    first_row: dict[str, int] = {}
    for position, row in enumerate(rows, start=1):
        pointer = f"{base}/{position - 1}"
        if row.task_id in first_row:
            yield c.TASK_DUPLICATED.at(
                f"{pointer}/task_id", task=row.task_id, first=first_row[row.task_id]
            )
            continue
        first_row[row.task_id] = position
        if row.task_id not in assigned_ids:
            yield c.TASK_FOREIGN.at(
                f"{pointer}/task_id",
                task=row.task_id,
                unit_name=ctx.unit.name,
                lead=catalogue.get(row.task_id).lead,
            )
        elif _unanswered(row):
            yield c.EMPTY_TEXT.at(
                f"{pointer}/results",
                label_vi=f"Kết quả thực hiện nhiệm vụ {row.task_id}",
                label_en=f"The results of task {row.task_id}",
            )
    for task in assigned:
        if task.id not in first_row:
            yield c.TASK_NOT_REPORTED.at(
                base, task=task.id, title=short(task.title), unit_name=ctx.unit.name
            )
