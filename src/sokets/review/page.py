"""The one-page overview of a consolidation: one self-contained HTML file for leaders.

Everything is inline (CSS, SVG, a few lines of script) and a Content-Security-Policy forbids the
page any network access, so it opens the same anywhere, offline, from a USB stick or an e-mail.
It shows the headline rates, who has not reported, the charts and the Phụ lục 03 tasks with their
status (filterable by text, group and status), and prints on A4.

The charts here are drawn as plain SVG by :func:`svg_chart` from the same
:class:`~sokets.review.figures.Chart` data that matplotlib draws for the DOCX: a page of bars
needs no plotting library, keeps its text selectable, and is written in milliseconds.
Every figure shown carries a ``data-figure`` attribute naming what it is, so that tests and other
programs can read the page back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape

from sokets._text import short_date
from sokets.catalogue import GROUPS, get_catalogue
from sokets.consolidation.model import Consolidation, RateRow, TaskEntry
from sokets.consolidation.statuses import Status
from sokets.review.figures import (
    MAIN_RATES,
    Chart,
    charts,
    format_count,
    format_percent,
    main_rate_totals,
    task_status,
)
from sokets.units import UnitKind

#: No network, nothing but what the page carries.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
COLOURS = ("#1f5fa8", "#f0a02c", "#7a7a7a")

#: What a Phụ lục 03 task's status is called, by code (``data-status``).
TASK_STATUSES = {
    "done": "Đã báo cáo đủ",
    "partial": "Còn đơn vị chưa báo cáo",
    "none": "Chưa có đơn vị báo cáo",
}

STYLE = """
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d4da; --accent: #1f5fa8; --warn: #b3261e; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1080px; padding: 24px; line-height: 1.45; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 1.45rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 10px; color: var(--accent); break-after: avoid; }
h3 { font-size: 1rem; margin: 14px 0 6px; break-after: avoid; }
.meta { color: var(--muted); margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.card .value { font-size: 1.7rem; font-weight: 700; color: var(--accent); }
.card .label { font-size: .85rem; color: var(--muted); }
.card.warn .value { color: var(--warn); }
figure { margin: 12px 0 20px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure .note { color: var(--muted); font-size: .85rem; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
svg .axis { stroke: #444; stroke-width: 1; }
svg .grid { stroke: #e3e6ea; stroke-width: 1; }
.legend { display: flex; gap: 16px; font-size: .85rem; margin: 2px 0 6px; }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 12px;
  margin-right: 6px; vertical-align: -2px; background: var(--swatch); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef2f7; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.group-row td { background: #f6f7f9; font-weight: 600; }
.status-done { color: #1e6b2e; } .status-partial { color: #8a5a00; } .status-none { color: var(--warn); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.filters input, .filters select { font: inherit; padding: 4px 6px; }
.filters input { flex: 1 1 260px; }
details summary { cursor: pointer; color: var(--accent); }
.missing li { margin: 2px 0; }
.communes p { margin: 4px 0; }
.unit-text { margin: 4px 0 8px; white-space: pre-line; }
footer { margin-top: 32px; color: var(--muted); font-size: .8rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, .no-print { display: none !important; }
  tr[hidden] { display: table-row !important; }
  h2 { page-break-after: avoid; }
  figure, .card, tr { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

SCRIPT = """
(function () {
  var text = document.getElementById("task-filter");
  var group = document.getElementById("task-group");
  var status = document.getElementById("task-status");
  var count = document.getElementById("task-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#tasks tbody tr.task"));
  function fold(s) {
    return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase();
  }
  rows.forEach(function (row) { row.dataset.search = fold(row.textContent); });
  function apply() {
    var words = fold(text.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!group.value || row.dataset.group === group.value) &&
        (!status.value || row.dataset.status === status.value) &&
        words.every(function (w) { return row.dataset.search.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("#tasks tbody tr.group-row").forEach(function (row) {
      row.hidden = !rows.some(function (r) {
        return !r.hidden && r.dataset.group === row.dataset.group;
      });
    });
    count.textContent = shown + "/" + rows.length;
  }
  [text, group, status].forEach(function (el) { el.addEventListener("input", apply); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  apply();
})();
"""


class ReviewPage:
    """The consolidation renderer ``html``: the one-page overview."""

    suffix = ".html"

    def render(self, consolidation: Consolidation) -> bytes:
        """The page as UTF-8 HTML."""
        return render_page(consolidation).encode("utf-8")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _chart_label(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def svg_chart(chart: Chart) -> str:
    """A chart as inline SVG: horizontal bars, a value at the end of each, a legend above."""
    bars = len(chart.series)
    label_chars = min(34, max((len(c) for c in chart.categories), default=4))
    left = 16 + label_chars * 6.6
    width, right, top = 760.0, 64.0, 6.0
    bar = 13.0
    row = bar * bars + 9.0
    plot = width - left - right
    height = top + row * len(chart.categories) + 26
    values = [v for s in chart.series for v in s.values if v is not None]
    scale = 100.0 if chart.percent else max(1.0, max(values, default=1.0))

    def fmt(v: float) -> str:
        return format_percent(v) if chart.percent else format_count(v)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="100%" aria-label="{_e(chart.title)}">'
    ]
    ticks = 5
    for t in range(ticks + 1):
        x = left + plot * t / ticks
        tick = scale * t / ticks
        parts.append(
            f'<line class="grid" x1="{x:.1f}" y1="{top:.0f}" x2="{x:.1f}" '
            f'y2="{height - 22:.0f}"/><text x="{x:.1f}" y="{height - 6:.0f}" '
            f'text-anchor="middle">{_e(fmt(tick).replace(",0%", "%"))}</text>'
        )
    for n, category in enumerate(chart.categories):
        y0 = top + n * row + 4
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y0 + bar * bars / 2 + 4:.1f}" text-anchor="end">'
            f"<title>{_e(category)}</title>{_e(_chart_label(category, 34))}</text>"
        )
        for k, series in enumerate(chart.series):
            value = series.values[n]
            y = y0 + k * bar
            length = 0.0 if value is None else plot * min(value, scale) / scale
            shown = "—" if value is None else fmt(value)
            parts.append(
                f'<rect x="{left:.1f}" y="{y:.1f}" width="{length:.1f}" height="{bar - 2:.0f}" '
                f'fill="{COLOURS[k % 3]}"><title>{_e(category)} — {_e(series.label)}: '
                f"{_e(shown)}</title></rect>"
                f'<text x="{left + length + 4:.1f}" y="{y + bar - 3:.1f}" '
                f'data-figure="{_e(chart.key)}/{n}/{k}">{_e(shown)}</text>'
            )
    parts.append(
        f'<line class="axis" x1="{left:.1f}" y1="{top:.0f}" x2="{left:.1f}" y2="{height - 22:.0f}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _figure(chart: Chart) -> str:
    legend = ""
    if len(chart.series) > 1:
        legend = (
            '<div class="legend">'
            + "".join(
                f'<span style="--swatch:{COLOURS[k % 3]}">{_e(s.label)}</span>'
                for k, s in enumerate(chart.series)
            )
            + "</div>"
        )
    note = f'<div class="note">{_e(chart.note)}</div>' if chart.note else ""
    return (
        f'<figure id="chart-{_e(chart.key)}"><figcaption>{_e(chart.title)}</figcaption>'
        f"{legend}{svg_chart(chart)}{note}</figure>"
    )


def _card(key: str, value: str, label: str, *, warn: bool = False) -> str:
    css = "card warn" if warn else "card"
    return (
        f'<div class="{css}"><div class="value" data-figure="{_e(key)}">{_e(value)}</div>'
        f'<div class="label">{_e(label)}</div></div>'
    )


def _headline(consolidation: Consolidation) -> str:
    total = next((r for r in consolidation.rates if r.group == "total"), None)
    cards = []
    if total is not None:
        cards += [
            _card(
                "rate",
                format_percent(total.rate),
                f"Tỷ lệ báo cáo: {total.received}/{total.expected} đơn vị đã gửi",
            ),
            _card(
                "rate-on-time",
                format_percent(total.rate_on_time),
                f"Tỷ lệ đúng hạn: {total.on_time} báo cáo đúng hạn, {total.late} trễ hạn",
            ),
            _card(
                "not-received",
                format_count(total.not_received),
                "đơn vị chưa gửi báo cáo",
                warn=total.not_received > 0,
            ),
            _card(
                "with-errors",
                format_count(total.with_errors),
                "báo cáo còn lỗi (chưa tính vào số liệu)",
                warn=total.with_errors > 0,
            ),
        ]
    for n, (rate, (_, _, _, title)) in enumerate(
        zip(main_rate_totals(consolidation), MAIN_RATES, strict=True), start=1
    ):
        if rate is not None:
            cards.append(_card(f"main-rate-{n}", format_percent(rate), f"{title} (toàn phạm vi)"))
    return f'<section id="headline"><div class="cards">{"".join(cards)}</div></section>'


def _rates_table(rows: Sequence[RateRow]) -> str:
    head = (
        "<tr><th>Nhóm đơn vị</th><th>Phải báo cáo</th><th>Đã nhận</th><th>Đúng hạn</th>"
        "<th>Trễ hạn</th><th>Có lỗi</th><th>Chưa nhận</th><th>Tỷ lệ báo cáo</th>"
        "<th>Tỷ lệ đúng hạn</th></tr>"
    )
    body = []
    for r in rows:
        key = r.district_code or r.group
        cells = [
            f"<td>{_e(r.label)}</td>",
            *(
                f'<td class="num" data-figure="rates/{_e(key)}/{name}">{value}</td>'
                for name, value in (
                    ("expected", r.expected),
                    ("received", r.received),
                    ("on_time", r.on_time),
                    ("late", r.late),
                    ("with_errors", r.with_errors),
                    ("not_received", r.not_received),
                    ("rate", format_percent(r.rate)),
                    ("rate_on_time", format_percent(r.rate_on_time)),
                )
            ),
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table id="rates"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def _missing(consolidation: Consolidation) -> str:
    missing = [e for e in consolidation.units if e.status is Status.NOT_RECEIVED]
    if not missing:
        return '<p data-figure="missing-count">0</p><p>Mọi đơn vị đã gửi báo cáo.</p>'
    others = [e for e in missing if e.kind is not UnitKind.COMMUNE]
    communes = [e for e in missing if e.kind is UnitKind.COMMUNE]
    parts = [
        f'<p>Còn <strong data-figure="missing-count">{len(missing)}</strong> đơn vị chưa gửi '
        "báo cáo.</p>"
    ]
    if others:
        parts.append("<h3>Sở, ban, ngành, đơn vị cấp tỉnh và UBND cấp huyện</h3>")
        names = {e.unit_code: e.unit_name for e in others}
        parts.append(_unit_list(names, names))
    if communes:
        names = {e.unit_code: e.unit_name for e in communes}
        by_district: dict[str, list[str]] = {}
        for entry in communes:
            by_district.setdefault(entry.district_code or "", []).append(entry.unit_code)
        districts = {r.district_code: r.label for r in consolidation.rates if r.district_code}
        parts.append('<h3>UBND cấp xã</h3><div class="communes">')
        for district, codes in by_district.items():
            listed = ", ".join(
                f'<span data-unit="{_e(code)}">{_e(names.get(code, code))}</span>' for code in codes
            )
            parts.append(
                f"<p><strong>{_e(districts.get(district, district))} ({len(codes)}):</strong> "
                f"{listed}</p>"
            )
        parts.append("</div>")
    return "".join(parts)


def _unit_list(codes: Iterable[str], names: dict[str, str]) -> str:
    items = "".join(
        f'<li data-unit="{_e(code)}">{_e(names.get(code, code))}</li>' for code in codes
    )
    return f'<ul class="missing">{items}</ul>'


def task_state(entry: TaskEntry) -> str:
    """``done`` (every unit expected reported it), ``partial`` or ``none``."""
    if not entry.rows:
        return "none"
    return "partial" if entry.not_reported else "done"


def _tasks(consolidation: Consolidation) -> str:
    names = {e.unit_code: e.unit_name for e in consolidation.units}
    catalogue = get_catalogue()
    groups = {g.id: g.title for g in GROUPS}
    options = "".join(
        f'<option value="{_e(g)}">{_e(g)}. {_e(t)}</option>' for g, t in groups.items()
    )
    states = "".join(f'<option value="{k}">{_e(v)}</option>' for k, v in TASK_STATUSES.items())
    filters = (
        '<div class="filters"><input id="task-filter" type="search" '
        'placeholder="Lọc theo tên nhiệm vụ, đơn vị, nội dung (gõ có dấu hoặc không dấu)…" '
        'aria-label="Lọc nhiệm vụ">'
        f'<select id="task-group" aria-label="Nhóm"><option value="">Mọi nhóm</option>{options}'
        "</select>"
        f'<select id="task-status" aria-label="Tình trạng"><option value="">Mọi tình trạng'
        f"</option>{states}</select>"
        '<span>Đang hiện <strong id="task-count"></strong> nhiệm vụ</span></div>'
    )
    head = (
        "<tr><th>TT</th><th>Tên nhiệm vụ, dự án</th><th>Đơn vị chủ trì</th>"
        "<th>Đã báo cáo</th><th>Tình trạng</th></tr>"
    )
    body = []
    current = None
    for entry in consolidation.tasks:
        if entry.group != current:
            current = entry.group
            body.append(
                f'<tr class="group-row" data-group="{_e(current)}"><td>{_e(current)}</td>'
                f'<td colspan="4">{_e(groups.get(current, current))}</td></tr>'
            )
        state = task_state(entry)
        reported = "".join(
            f'<div class="unit-text"><strong>{_e(r.unit_name)}:</strong> {_e(r.results)}</div>'
            for r in entry.rows
        )
        missing = ", ".join(names.get(code, code) for code in entry.not_reported)
        detail = ""
        if reported:
            detail += f"<details><summary>Kết quả các đơn vị báo cáo</summary>{reported}</details>"
        if missing:
            detail += f'<div class="status-none">Chưa báo cáo: {_e(missing)}</div>'
        number = catalogue.get(entry.task_id).number
        body.append(
            f'<tr class="task" data-task="{_e(entry.task_id)}" data-group="{_e(entry.group)}" '
            f'data-status="{state}"><td>{_e(number)}</td><td>{_e(entry.title)}{detail}</td>'
            f"<td>{_e(entry.lead)}</td>"
            f'<td class="num" data-figure="task/{_e(entry.task_id)}">'
            f"{len(entry.rows)}/{len(entry.expected)}</td>"
            f'<td class="status-{state}">{_e(TASK_STATUSES[state])}</td></tr>'
        )
    summary = "".join(
        f"<li>{_e(g)}. {_e(title)}: {tasks} nhiệm vụ, {done} dòng đã báo cáo, "
        f"{missing_rows} dòng chưa báo cáo</li>"
        for g, title, tasks, done, missing_rows in task_status(consolidation)
    )
    return (
        f'<ul>{summary}</ul>{filters}<table id="tasks"><thead>{head}</thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def render_page(consolidation: Consolidation, *, today: date | None = None) -> str:
    """The overview of ``consolidation`` as one HTML document."""
    header = consolidation.header
    title = f"Sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND — {header.scope.name}"
    drawn = charts(consolidation)
    rates_charts = "".join(_figure(c) for c in drawn if c.key.startswith("rates-"))
    other_charts = "".join(_figure(c) for c in drawn if not c.key.startswith("rates-"))
    made = short_date(today or date.today())
    counted = (
        "số liệu tính cả báo cáo có lỗi"
        if header.include_invalid
        else "số liệu chỉ gồm các báo cáo không có lỗi"
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{_e(header.generated_by or "sokets")}">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>"
        f'<p class="meta">Tổng hợp đến ngày <span data-figure="as-of">'
        f"{_e(short_date(header.as_of))}</span>; hạn gửi báo cáo "
        f"{_e(short_date(header.deadline))}.</p></header>"
        f"{_headline(consolidation)}"
        f'<h2 id="reporting">Tình hình gửi báo cáo</h2>{_rates_table(consolidation.rates)}'
        f"{rates_charts}"
        f'<h2 id="missing">Đơn vị chưa gửi báo cáo</h2>{_missing(consolidation)}'
        f'<h2 id="charts">Một số chỉ tiêu</h2>{other_charts}'
        f'<h2 id="pl03">Nhiệm vụ cụ thể (Phụ lục 03)</h2>{_tasks(consolidation)}'
        f"<footer>Lập bằng sokets ngày {_e(made)} từ bản tổng hợp báo cáo; {counted}.</footer>"
        f"<script>{SCRIPT}</script></body></html>"
    )
