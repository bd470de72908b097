"""The one-page HTML overview: self-contained, and checked in a real browser (Debian's Chromium)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from sokets.consolidation import Consolidation
from sokets.consolidation.statuses import Status
from sokets.review.figures import charts, main_rate_totals
from sokets.review.page import TASK_STATUSES, render_page, task_state


def percent(value: float | None) -> str:
    """A percent as the page must show it (written here independently of sokets)."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + "%"


@pytest.fixture(scope="module")
def html(review: Consolidation) -> str:
    return render_page(review)


@pytest.fixture(scope="module")
def page_file(html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "tong-quan.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, page_file: Path) -> Any:
    """The overview open in Chromium; every request but the file itself is refused and noted,
    every console error and page error noted."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    opened.requests_out = []  # type: ignore[attr-defined]
    opened.errors = []  # type: ignore[attr-defined]

    def refuse(route: Any) -> None:
        if route.request.url == page_file.as_uri():
            route.continue_()
        else:
            opened.requests_out.append(route.request.url)
            route.abort()

    opened.route("**/*", refuse)
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.goto(page_file.as_uri())
    yield opened
    context.close()


def _figures(page: Any) -> dict[str, str]:
    return dict(
        page.eval_on_selector_all(
            "[data-figure]", "els => els.map(e => [e.dataset.figure, e.textContent.trim()])"
        )
    )


def _visible_tasks(page: Any) -> list[tuple[str, str, str]]:
    return [
        tuple(row)
        for row in page.eval_on_selector_all(
            "#tasks tbody tr.task",
            "rows => rows.filter(r => !r.hidden && r.offsetParent !== null)"
            ".map(r => [r.dataset.task, r.dataset.group, r.dataset.status])",
        )
    ]


# -- without a browser ----------------------------------------------------------------------------


def test_the_page_carries_everything_and_forbids_the_network(html: str) -> None:
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    for link in re.findall(r"https?://[^\s\"'<>]+", html):
        assert link == "http://www.w3.org/2000/svg", link


def test_markup_written_by_a_unit_is_shown_as_text(html: str) -> None:
    assert "<script>window.hacked" not in html
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in html


def test_the_page_is_nfc_utf8(review: Consolidation) -> None:
    data = render_page(review).encode("utf-8")
    text = data.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert '<meta charset="utf-8">' in text


# -- in Chromium ----------------------------------------------------------------------------------


def test_no_console_error_and_no_request_leaves_the_page(page: Any) -> None:
    page.wait_for_load_state("load")
    assert page.errors == []
    assert page.requests_out == []
    assert page.evaluate("typeof window.hacked") == "undefined"
    assert page.title().startswith("Sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND")


def test_the_figures_on_the_page_are_the_consolidations(page: Any, review: Consolidation) -> None:
    shown = _figures(page)
    total = review.rates[-1]
    assert shown["rate"] == percent(total.rate)
    assert shown["rate-on-time"] == percent(total.rate_on_time)
    assert shown["not-received"] == str(total.not_received)
    assert shown["with-errors"] == str(total.with_errors)
    assert shown["missing-count"] == str(total.not_received)
    for n, rate in enumerate(main_rate_totals(review), start=1):
        assert shown[f"main-rate-{n}"] == percent(rate)
    for row in review.rates:
        key = row.district_code or row.group
        assert shown[f"rates/{key}/received"] == str(row.received)
        assert shown[f"rates/{key}/rate"] == percent(row.rate)
        assert shown[f"rates/{key}/rate_on_time"] == percent(row.rate_on_time)
    for task in review.tasks:
        assert shown[f"task/{task.task_id}"] == f"{len(task.rows)}/{len(task.expected)}"
    for chart in charts(review):
        for n in range(len(chart.categories)):
            for k, series in enumerate(chart.series):
                value = series.values[n]
                written = percent(value) if chart.percent else f"{value:.0f}"
                assert shown[f"{chart.key}/{n}/{k}"] == written, (chart.key, n, k)


def test_every_unit_not_reported_is_listed(page: Any, review: Consolidation) -> None:
    listed = set(page.eval_on_selector_all("[data-unit]", "els => els.map(e => e.dataset.unit)"))
    missing = {e.unit_code for e in review.units if e.status is Status.NOT_RECEIVED}
    assert missing and listed == missing


def test_the_charts_are_inline_svg_with_a_bar_per_value(page: Any, review: Consolidation) -> None:
    drawn = charts(review)
    figures = page.eval_on_selector_all(
        "figure[id^=chart-]", "fs => fs.map(f => [f.id, f.querySelectorAll('svg rect').length])"
    )
    assert [(f"chart-{c.key}", len(c.categories) * len(c.series)) for c in drawn] == [
        tuple(f) for f in figures
    ]
    assert page.locator("img").count() == 0


def test_tasks_filter_by_group_status_and_text_without_diacritics(
    page: Any, review: Consolidation
) -> None:
    every = _visible_tasks(page)
    assert len(every) == len(review.tasks)
    assert page.text_content("#task-count") == f"{len(every)}/{len(every)}"
    page.select_option("#task-group", "II")
    shown = _visible_tasks(page)
    assert shown and {group for _, group, _ in shown} == {"II"}
    assert len(shown) == sum(1 for t in review.tasks if t.group == "II")
    assert page.is_hidden("#tasks tr.group-row[data-group='I']")
    page.select_option("#task-group", "")
    states = {task_state(t) for t in review.tasks}
    for state in TASK_STATUSES:
        page.select_option("#task-status", state)
        shown = _visible_tasks(page)
        assert len(shown) == sum(1 for t in review.tasks if task_state(t) == state)
        assert all(s == state for _, _, s in shown)
    assert "partial" in states or "none" in states
    page.select_option("#task-status", "")
    task = review.tasks[5]
    folded = "".join(
        c for c in unicodedata.normalize("NFD", task.title) if not unicodedata.combining(c)
    ).replace("đ", "d")
    page.fill("#task-filter", folded.upper())
    assert task.task_id in [t for t, _, _ in _visible_tasks(page)]
    page.fill("#task-filter", "không có nhiệm vụ nào như thế này")
    assert _visible_tasks(page) == []
    assert page.text_content("#task-count") == f"0/{len(review.tasks)}"


def test_it_prints_on_a4_without_the_filters_and_without_overflow(page: Any) -> None:
    page.emulate_media(media="print")
    assert page.is_hidden(".filters")
    page.set_viewport_size({"width": 720, "height": 1000})  # A4 less the print margins
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 2 <= pages <= 40
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("details", "ds => ds.every(d => d.open)")


def test_a_screenshot_of_the_page(page: Any, tmp_path: Path) -> None:
    from docs.screenshots import screenshot_page

    out = screenshot_page(page, tmp_path / "overview.png")
    from PIL import Image

    with Image.open(out) as image:
        assert image.width == 1100 and image.height >= 900
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50  # not a blank page
