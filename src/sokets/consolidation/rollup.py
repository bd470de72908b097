"""Indicators rolled up by district and for the whole scope.

The rules (``docs/consolidation.md``): a rate is the sum of the numerators over the sum of the
denominators — never an average of percentages — with the number of units that gave it; counts
are summed; a yes/no becomes "n of N"; a stated percentage that disagrees with its numerator and
denominator is listed, and the computed rate is used. Sums compose: adding up districts' roll-ups
gives the province's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sokets.consolidation.content import Counted
from sokets.consolidation.model import IndicatorRollup, Mismatch, RollupRow
from sokets.models.common import Ratio
from sokets.outline import Indicator, IndicatorKind, OutlineItem, pl01_outline, pl04_outline
from sokets.rules.codes import PERCENT_TOLERANCE
from sokets.units import Unit, UnitKind, UnitRegistry


@dataclass
class _Sum:
    """Running totals of one indicator over a group of units."""

    expected: int = 0
    reporting: int = 0
    numerator: int = 0
    denominator: int = 0
    percent_only: int = 0
    total: int = 0
    yes: int = 0
    no: int = 0

    def add(self, kind: IndicatorKind, value: object) -> None:
        self.reporting += 1
        if kind is IndicatorKind.RATIO and isinstance(value, Ratio):
            if value.numerator is None or value.denominator is None:
                self.percent_only += 1
            else:
                self.numerator += value.numerator
                self.denominator += value.denominator
        elif kind is IndicatorKind.YES_NO:
            self.yes += value is True
            self.no += value is False
        elif isinstance(value, int):
            self.total += value

    def merge(self, other: _Sum) -> None:
        """Add ``other``'s totals to these."""
        for name in _SUMS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, kind: IndicatorKind, code: str, name: str) -> RollupRow:
        row = RollupRow(
            scope_code=code,
            name=name,
            expected_units=self.expected,
            reporting_units=self.reporting,
        )
        if kind is IndicatorKind.RATIO:
            row.numerator, row.denominator = self.numerator, self.denominator
            row.percent_only = self.percent_only
            if self.denominator > 0:
                row.rate = round(100 * self.numerator / self.denominator, 1)
        elif kind is IndicatorKind.YES_NO:
            row.yes, row.no = self.yes, self.no
        else:
            row.total = self.total
        return row


_SUMS = tuple(_Sum.__dataclass_fields__)


def _district_of(unit: Unit) -> str | None:
    if unit.kind is UnitKind.COMMUNE:
        return unit.parent
    return unit.code if unit.kind is UnitKind.DISTRICT else None


def _mismatch(unit: Unit, ratio: Ratio) -> Mismatch | None:
    if ratio.percent is None or ratio.numerator is None or not ratio.denominator:
        return None
    computed = 100 * ratio.numerator / ratio.denominator
    if abs(ratio.percent - computed) <= PERCENT_TOLERANCE + 1e-9:
        return None
    return Mismatch(
        unit_code=unit.code, unit_name=unit.name, stated=ratio.percent, computed=round(computed, 2)
    )


def rollup(
    form: str,
    leaf: OutlineItem,
    indicator: Indicator,
    audience: Sequence[tuple[Unit, str]],
    given: Sequence[tuple[Unit, str, object]],
    registry: UnitRegistry,
) -> IndicatorRollup:
    """One indicator of one outline leaf, by district (in registry order) and in total:
    ``audience`` are the expected units that must give it and ``given`` the counted units'
    indicator values for the leaf, each with its district (``""`` for a provincial unit)."""
    by_district: dict[str, _Sum] = {}
    for _, district in audience:
        sums = by_district.get(district)
        if sums is None:
            sums = by_district[district] = _Sum()
        sums.expected += 1
    mismatches = []
    for unit, district, values in given:
        value = getattr(values, indicator.id, None)
        if value is None:
            continue
        sums = by_district.get(district)
        if sums is None:
            sums = by_district[district] = _Sum()
        sums.add(indicator.kind, value)
        if isinstance(value, Ratio) and (found := _mismatch(unit, value)) is not None:
            mismatches.append(found)
    total = _Sum()  # the districts' sums added up: the same as adding up every unit
    for sums in by_district.values():
        total.merge(sums)
    rows = [
        by_district[d.code].row(indicator.kind, d.code, d.name)
        for d in registry.of_kind(UnitKind.DISTRICT)
        if d.code in by_district
    ]
    if "" in by_district:  # provincial units (no district)
        rows.append(by_district[""].row(indicator.kind, "province-units", "Cấp tỉnh"))
    rows.append(total.row(indicator.kind, "total", "Tổng cộng"))
    return IndicatorRollup(
        form=form,  # type: ignore[arg-type]
        item_id=leaf.id,
        indicator_id=indicator.id,
        label=indicator.label,
        kind=indicator.kind,
        rows=rows,
        mismatches=mismatches,
    )


def indicators(
    counted: Counted, expected: Sequence[Unit], registry: UnitRegistry
) -> list[IndicatorRollup]:
    """Every indicator some expected unit must give, rolled up."""
    found = []
    for form, tree in (("PL01", pl01_outline()), ("PL04", pl04_outline())):
        units = [(u, _district_of(u) or "") for u in expected if u.form == form]
        reports = [(u, _district_of(u) or "", r) for u, r in counted if r.header.form == form]
        for leaf in tree.leaves():
            if not leaf.indicators:
                continue
            applies = leaf.applicability.applies_to
            audience = [(u, d) for u, d in units if applies(u)]
            if not audience:
                continue
            given = []
            for unit, district, report in reports:
                answer = report.answers.get(leaf.id) if applies(unit) else None
                values = answer.indicator_model() if answer is not None else None
                if values is not None:
                    given.append((unit, district, values))
            for indicator in leaf.indicators:
                found.append(rollup(form, leaf, indicator, audience, given, registry))
    return found
