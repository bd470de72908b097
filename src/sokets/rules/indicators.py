"""Rules on indicators: rates (tỷ lệ) add up, counts are not negative."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sokets.findings import Finding
from sokets.models.common import Ratio
from sokets.outline import Indicator, IndicatorKind
from sokets.rules import codes as c
from sokets.rules._engine import REPORT_FORMS, ReportContext, rule, short
from sokets.units import UnitKind, get_registry

_TOLERANCE = c.PERCENT_TOLERANCE + 1e-9


def _number(value: float) -> str:
    return f"{value:.15g}" if abs(value) < 1e15 else f"{value:g}"


def _percent_alone(percent: float, pointer: str, names: dict[str, str]) -> list[Finding]:
    """A rate given as its percent alone: out of 0–100 an error, else a warning that it cannot be
    added up."""
    stated = _number(percent)
    kind = c.PERCENT_OUT_OF_RANGE if not 0 <= percent <= 100 else c.PERCENT_ONLY
    return [
        kind.at(
            f"{pointer}/percent", percent_vi=stated.replace(".", ","), percent_en=stated, **names
        )
    ]


def ratio_findings(ratio: Ratio, pointer: str, indicator: Indicator) -> list[Finding]:
    """What is wrong with one ratio at ``pointer``: bounds first, then the stated percent; a
    percent given alone is flagged as such."""
    numerator, denominator, percent = ratio.numerator, ratio.denominator, ratio.percent
    label = short(indicator.label, 90)
    names = {
        "indicator": indicator.id,
        "label": label,
        "label_lower": label[:1].lower() + label[1:],
    }
    if numerator is None or denominator is None:
        return [] if percent is None else _percent_alone(percent, pointer, names)
    in_bounds = denominator > 0 and 0 <= numerator <= denominator
    if in_bounds and (
        percent is None or abs(percent - 100 * numerator / denominator) <= _TOLERANCE
    ):
        return []
    if denominator <= 0:
        return [
            c.DENOMINATOR_NOT_POSITIVE.at(
                f"{pointer}/denominator", denominator=denominator, **names
            )
        ]
    if not in_bounds:
        return [
            c.NUMERATOR_OUT_OF_RANGE.at(
                f"{pointer}/numerator", numerator=numerator, denominator=denominator, **names
            )
        ]
    stated, computed = _number(percent or 0.0), f"{100 * numerator / denominator:.2f}"
    return [
        c.PERCENT_MISMATCH.at(
            f"{pointer}/percent",
            percent_vi=stated.replace(".", ","),
            percent_en=stated,
            numerator=numerator,
            denominator=denominator,
            computed_vi=computed.replace(".", ","),
            computed_en=computed,
            **names,
        )
    ]


def _communes_denominator(
    ctx: ReportContext, ratio: Ratio, item_pointer: str, indicator: Indicator
) -> Iterator[Finding]:
    if ctx.unit.kind is not UnitKind.DISTRICT:  # answered by another unit: R007 says so
        return
    communes = len(get_registry().children(ctx.unit.code))
    denominator = ratio.denominator
    if denominator is not None and 0 < denominator != communes:  # not positive: R017
        label = short(indicator.label, 90)
        yield c.COMMUNES_DENOMINATOR.at(
            f"{item_pointer}/indicators/{indicator.id}/denominator",
            indicator=indicator.id,
            label_lower=label[:1].lower() + label[1:],
            denominator=denominator,
            communes=communes,
            unit_name=ctx.unit.name,
        )


@rule(
    "indicators-consistent",
    "Tỷ lệ và số lượng hợp lý / rates and counts are consistent",
    forms=REPORT_FORMS,
    emits=(
        c.DENOMINATOR_NOT_POSITIVE,
        c.NUMERATOR_OUT_OF_RANGE,
        c.PERCENT_MISMATCH,
        c.NEGATIVE_COUNT,
        c.COMMUNES_DENOMINATOR,
        c.PERCENT_ONLY,
        c.PERCENT_OUT_OF_RANGE,
    ),
)
def indicators_consistent(ctx: ReportContext) -> Iterator[Finding]:
    """0 <= numerator <= denominator, denominator > 0, percent agrees; counts >= 0; a rate over
    a district's communes has their number as denominator; a percent alone is flagged."""
    for leaf, answer, item_pointer, _ in ctx.answered:
        if not leaf.indicators:
            continue
        values: Any = answer.indicator_model()
        if values is None:
            continue
        filled = vars(values)
        for indicator in leaf.indicators:
            value = filled.get(indicator.id)
            if value is None:
                continue
            if indicator.kind is IndicatorKind.RATIO:
                n, d, percent = value.numerator, value.denominator, value.percent
                if indicator.over_communes:
                    yield from _communes_denominator(ctx, value, item_pointer, indicator)
                if (
                    n is not None
                    and d is not None
                    and 0 <= n <= d
                    and d > 0
                    and (percent is None or abs(percent - 100 * n / d) <= _TOLERANCE)
                ):
                    continue
                pointer = f"{item_pointer}/indicators/{indicator.id}"
                yield from ratio_findings(value, pointer, indicator)
            elif indicator.kind is IndicatorKind.COUNT and value < 0:
                yield c.NEGATIVE_COUNT.at(
                    f"{item_pointer}/indicators/{indicator.id}",
                    indicator=indicator.id,
                    label=short(indicator.label, 90),
                    value=value,
                )
