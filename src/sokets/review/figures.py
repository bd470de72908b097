"""What the leaders look at, as data: the charts and headline figures of a consolidation.

Nothing here draws: :func:`charts` returns :class:`Chart` values (categories, series, whether they
are percentages), which :mod:`sokets.review.charts` draws and the DOCX and HTML outputs show, as
pictures or as tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sokets.catalogue import GROUPS
from sokets.consolidation.model import Consolidation, IndicatorRollup, RateRow
from sokets.units import UnitKind

#: The commune rates a province's leaders follow, by district: (form, item, indicator, short name).
MAIN_RATES: tuple[tuple[str, str, str, str], ...] = (
    ("PL04", "3.a.b3", "dossiers_received_online", "Hồ sơ TTHC tiếp nhận trực tuyến"),
    ("PL04", "3.a.b3", "dossiers_routed_electronically", "Hồ sơ TTHC luân chuyển điện tử"),
    ("PL04", "3.a.b4", "outgoing_documents_electronic", "Văn bản đi điện tử, ký số"),
    ("PL01", "A.II.3.b6", "communes_with_teams", "Xã đã thành lập tổ công nghệ số cộng đồng"),
)


@dataclass(frozen=True)
class Series:
    """One set of bars: its label and a value per category (``None``: no figure)."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """The data of one chart: horizontal bars, one group per category."""

    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool = True
    note: str = ""

    @property
    def empty(self) -> bool:
        """Whether there is nothing to draw (no category, or no value at all)."""
        return not self.categories or all(v is None for s in self.series for v in s.values)


def _short_district(label: str) -> str:
    """``Xã thuộc Huyện Con Cuông`` → ``Con Cuông``; ``Thành phố Vinh`` → ``TP Vinh``."""
    name = label.removeprefix("Xã thuộc ")
    for long, short in (("Thành phố ", "TP "), ("Thị xã ", "TX "), ("Huyện ", "")):
        if name.startswith(long):
            return short + name[len(long) :]
    return name


def _rates_chart(key: str, title: str, rows: Sequence[RateRow], labels: Sequence[str]) -> Chart:
    return Chart(
        key=key,
        title=title,
        categories=tuple(labels),
        series=(
            Series("Tỷ lệ báo cáo", tuple(r.rate for r in rows)),
            Series("Tỷ lệ đúng hạn", tuple(r.rate_on_time for r in rows)),
        ),
    )


def _rollup(
    consolidation: Consolidation, form: str, item: str, indicator: str
) -> IndicatorRollup | None:
    return next(
        (
            r
            for r in consolidation.indicators
            if (r.form, r.item_id, r.indicator_id) == (form, item, indicator)
        ),
        None,
    )


def _sorted_by_district(rollup: IndicatorRollup, key: str, title: str) -> Chart:
    rows = sorted(
        (
            r
            for r in rollup.rows
            if r.scope_code not in ("total", "province-units") and r.rate is not None
        ),
        key=lambda r: (-(r.rate or 0.0), r.name),
    )
    total = next((r for r in rollup.rows if r.scope_code == "total"), None)
    note = ""
    if total is not None and total.rate is not None:
        note = f"{total.name}: {format_percent(total.rate)} ({total.reporting_units}/{total.expected_units} đơn vị có số liệu)"
    return Chart(
        key=key,
        title=title,
        categories=tuple(_short_district(r.name) for r in rows),
        series=(Series(rollup.label, tuple(r.rate for r in rows)),),
        note=note,
    )


def main_rate_totals(consolidation: Consolidation) -> list[float | None]:
    """The rate of each of :data:`MAIN_RATES` over the whole scope (``None``: no figure)."""
    found: list[float | None] = []
    for form, item, indicator, _ in MAIN_RATES:
        rollup = _rollup(consolidation, form, item, indicator)
        total = (
            None
            if rollup is None
            else next((r for r in rollup.rows if r.scope_code == "total"), None)
        )
        found.append(None if total is None else total.rate)
    return found


def task_status(consolidation: Consolidation) -> list[tuple[str, str, int, int, int]]:
    """Phụ lục 03 by group: (group id, title, tasks, rows reported, rows not reported)."""
    found = []
    for group in GROUPS:
        tasks = [t for t in consolidation.tasks if t.group == group.id]
        found.append(
            (
                group.id,
                group.title,
                len(tasks),
                sum(len(t.rows) for t in tasks),
                sum(len(t.not_reported) for t in tasks),
            )
        )
    return found


def charts(consolidation: Consolidation) -> list[Chart]:
    """The charts of a consolidation, in the order the report shows them (empty ones left out)."""
    rates = consolidation.rates
    kinds = [r for r in rates if r.group in {k.value for k in UnitKind} and r.district_code is None]
    districts = sorted(
        (r for r in rates if r.district_code is not None),
        key=lambda r: (-(r.rate or 0.0), -(r.rate_on_time or 0.0), r.label),
    )
    found = [
        _rates_chart(
            "rates-by-kind", "Tỷ lệ báo cáo theo loại đơn vị", kinds, [r.label for r in kinds]
        ),
        _rates_chart(
            "rates-by-district",
            "Tỷ lệ báo cáo của UBND cấp xã, theo huyện",
            districts,
            [_short_district(r.label) for r in districts],
        ),
    ]
    for n, (form, item, indicator, title) in enumerate(MAIN_RATES, start=1):
        rollup = _rollup(consolidation, form, item, indicator)
        if rollup is not None:
            found.append(_sorted_by_district(rollup, f"rate-{n}", f"{title}, theo huyện"))
    status = task_status(consolidation)
    found.append(
        Chart(
            key="pl03-by-group",
            title="Nhiệm vụ cụ thể (Phụ lục 03): số dòng đã báo cáo và chưa báo cáo, theo nhóm",
            categories=tuple(f"{g}. {title}" for g, title, *_ in status),
            series=(
                Series("Đã báo cáo", tuple(float(done) for *_, done, _ in status)),
                Series("Chưa báo cáo", tuple(float(missing) for *_, missing in status)),
            ),
            percent=False,
        )
    )
    return [chart for chart in found if not chart.empty]


def format_percent(value: float | None) -> str:
    """``85,3%`` (one decimal, Vietnamese comma); ``—`` for no value."""
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")


def format_count(value: float | None) -> str:
    """``1.234`` (Vietnamese thousands); ``—`` for no value."""
    return "—" if value is None else f"{round(value):,}".replace(",", ".")
