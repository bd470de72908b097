"""Rules on the answers to the outline: filled in, addressed to the unit, quantified, dated."""

from __future__ import annotations

from collections.abc import Iterator

from sokets._text import short_date
from sokets.findings import Finding
from sokets.models.common import Answer, has_content
from sokets.plan import PLAN
from sokets.rules import codes as c
from sokets.rules._engine import REPORT_FORMS, ReportContext, rule, short


def filled_indicators(answer: Answer) -> bool:
    """Whether any indicator of the answer is filled in."""
    return any(v is not None for v in answer.indicator_values().values())


@rule(
    "applicable-items-filled",
    "Mục phải báo cáo có nội dung / applicable items are filled in",
    forms=REPORT_FORMS,
    emits=(c.EMPTY_ANSWER,),
)
def applicable_items_filled(ctx: ReportContext) -> Iterator[Finding]:
    """An applicable item present in answers holds something."""
    for leaf, answer, pointer, applies in ctx.answered:
        if (
            applies
            and not answer.results.strip()
            and not has_content(answer, answer.indicator_values())
        ):
            yield c.EMPTY_ANSWER.at(pointer, item=leaf.id, title=short(leaf.title))


@rule(
    "items-for-the-unit",
    "Chỉ trả lời các mục dành cho đơn vị / answers only to items for the unit",
    forms=REPORT_FORMS,
    emits=(c.ANSWER_NOT_APPLICABLE,),
)
def items_for_the_unit(ctx: ReportContext) -> Iterator[Finding]:
    """An answer to an item addressed to other units is flagged."""
    for leaf, _, pointer, applies in ctx.answered:
        if not applies:
            yield c.ANSWER_NOT_APPLICABLE.at(
                pointer,
                item=leaf.id,
                audience=leaf.applicability.label or "đơn vị khác",
                unit_name=ctx.unit.name,
            )


@rule(
    "results-with-figures",
    "Kết quả có số liệu nơi kế hoạch yêu cầu / figures where the plan asks for them",
    forms=REPORT_FORMS,
    emits=(c.NO_FIGURES,),
)
def results_with_figures(ctx: ReportContext) -> Iterator[Finding]:
    """An item that asks for figures and has results text has a figure or a filled indicator."""
    for leaf, answer, pointer, _ in ctx.answered:
        if (
            leaf.asks_for_figures
            and not answer.figures
            and answer.results.strip()
            and not filled_indicators(answer)
        ):
            with_indicators = bool(leaf.indicators)
            yield c.NO_FIGURES.at(
                pointer,
                item=leaf.id,
                hint_vi=" hoặc điền các chỉ số (indicators)" if with_indicators else "",
                hint_en=" or fill in the indicators" if with_indicators else "",
            )


@rule(
    "figures-and-cases",
    "Số liệu có tên, trong kỳ báo cáo; trường hợp điển hình có nội dung / figures named and "
    "dated within the period, typical cases filled in",
    forms=REPORT_FORMS,
    emits=(c.EMPTY_TEXT, c.FIGURE_BEFORE_PERIOD, c.FIGURE_AFTER_REPORT),
)
def figures_and_cases(ctx: ReportContext) -> Iterator[Finding]:
    """Each figure has a name and a date from 1/8/2022 to the report date; no blank case.

    Figures of items describing the situation before plan 586 (Phụ lục 04, mục 1) may be older.
    """
    report_date = ctx.header.report_date
    start = PLAN.period_start
    for leaf, answer, pointer, _ in ctx.answered:
        if answer.figures:
            for i, figure in enumerate(answer.figures):
                if not figure.name.strip():
                    yield c.EMPTY_TEXT.at(
                        f"{pointer}/figures/{i}/name",
                        label_vi="Tên số liệu",
                        label_en="The figure's name",
                    )
                day = figure.as_of
                if day is None:
                    continue
                if day < start and not leaf.describes_baseline:
                    yield c.FIGURE_BEFORE_PERIOD.at(
                        f"{pointer}/figures/{i}/as_of",
                        date=short_date(day),
                        start=short_date(start),
                    )
                elif day > report_date:
                    yield c.FIGURE_AFTER_REPORT.at(
                        f"{pointer}/figures/{i}/as_of",
                        date=short_date(day),
                        report_date=short_date(report_date),
                    )
        if answer.typical_cases:
            for i, case in enumerate(answer.typical_cases):
                if not case.strip():
                    yield c.EMPTY_TEXT.at(
                        f"{pointer}/typical_cases/{i}",
                        label_vi="Trường hợp điển hình",
                        label_en="A typical case",
                    )
