"""Drawing the charts with matplotlib (the optional extra ``pip install 'sokets[charts]'``).

Horizontal bars, one row per category, the value written at the end of each bar in the
Vietnamese way (``85,3%``, ``1.234``), text in DejaVu Sans (shipped with matplotlib, with every
Vietnamese glyph). Without matplotlib, :func:`available` is false and the documents keep their
tables and say how to add the pictures (:data:`INSTALL_HINT`).

Drawing takes a few tenths of a second a chart, and importing matplotlib about a second. A
program that knows it will draw (the command line) calls :func:`warm_up` first: a background
process then imports matplotlib while the reports are read, and :func:`start_drawing` draws
there while the caller composes its document. Without :func:`warm_up`, charts are drawn in the
calling process, and so they are whenever a process cannot be started.
"""

from __future__ import annotations

import importlib.util
import io
import os
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sokets.outputs import write_atomic
from sokets.review.figures import Chart, format_count, format_percent

if TYPE_CHECKING:  # multiprocessing loads when processes are started, not with this module
    from concurrent.futures import Executor

#: What the documents say where a chart would be without matplotlib.
INSTALL_HINT = (
    "Biểu đồ: cài thêm thư viện vẽ biểu đồ bằng lệnh pip install 'sokets[charts]' rồi lập lại "
    "tài liệu / charts: pip install 'sokets[charts]'"
)

#: The resolution of the PNG pictures (sharp across a 16-centimetre column).
PNG_DPI = 130
COLOURS = ("#1f5fa8", "#f0a02c", "#7a7a7a")
FONT = "DejaVu Sans"


def available() -> bool:
    """Whether matplotlib is installed (checked without importing it)."""
    return importlib.util.find_spec("matplotlib") is not None


def _label(value: float, percent: bool) -> str:
    return format_percent(value) if percent else format_count(value)


#: The layout, in inches: figure width, a category row, the title and the axis below.
WIDTH, ROW, BAR, TOP, BOTTOM = 7.2, 0.14, 0.11, 0.45, 0.5
#: The approximate width of a character of the 8-point category labels, in inches.
LABEL_CHAR = 0.062
LABEL_WRAP = 30


def _figure(chart: Chart) -> Any:
    """The chart as a matplotlib figure, laid out by hand (no layout engine: twice as fast)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rows = len(chart.categories)
    bars = len(chart.series)
    labels = [textwrap.fill(c, LABEL_WRAP) for c in chart.categories]
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    row = max(ROW + BAR * bars, 0.15 * lines)
    bottom = BOTTOM + (0.15 if chart.note else 0.0)
    height = TOP + bottom + rows * row
    left = 0.15 + LABEL_CHAR * max(
        (len(line) for lb in labels for line in lb.split("\n")), default=4
    )
    figure = Figure(figsize=(WIDTH, height), dpi=100)
    figure.subplots_adjust(
        left=left / WIDTH, right=1 - 0.2 / WIDTH, top=1 - TOP / height, bottom=bottom / height
    )
    axes = figure.add_subplot()
    thickness = 0.8 / bars
    positions = range(rows)
    top = max((v for s in chart.series for v in s.values if v is not None), default=0.0)
    for n, series in enumerate(chart.series):
        offsets = [p + (n - (bars - 1) / 2) * thickness for p in positions]
        values = [0.0 if v is None else v for v in series.values]
        drawn = axes.barh(
            offsets, values, height=thickness * 0.92, color=COLOURS[n % 3], label=series.label
        )
        axes.bar_label(
            drawn,
            labels=["" if v is None else _label(v, chart.percent) for v in series.values],
            padding=2,
            fontsize=7,
            family=FONT,
        )
    axes.set_yticks(list(positions), labels, fontsize=8, family=FONT)
    axes.set_ylim(rows - 0.5, -0.5)
    limit = 100.0 if chart.percent else max(1.0, top)
    axes.set_xlim(0, limit * 1.12)
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: _label(x, chart.percent).replace(",0%", "%"))
    )
    axes.tick_params(axis="x", labelsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.text(
        0.2 / WIDTH,
        1 - 0.12 / height,
        chart.title,
        fontsize=10,
        family=FONT,
        va="top",
        weight="bold",
    )
    if bars > 1:
        axes.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1),
            ncols=bars,
            frameon=False,
            prop={"family": FONT, "size": 7},
            borderaxespad=0.1,
        )
    if chart.note:
        axes.set_xlabel(chart.note, fontsize=7, family=FONT)
    return figure


def draw(chart: Chart, fmt: str) -> bytes:
    """The chart as ``png`` (130 dpi, for documents) or ``svg`` (text kept as text, for pages).

    Raises :class:`ImportError` when matplotlib is not installed.
    """
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "sokets"  # the same chart, the same file
    out = io.BytesIO()
    figure = _figure(chart)
    metadata = {"Date": None} if fmt == "svg" else {}
    figure.savefig(out, format=fmt, dpi=PNG_DPI if fmt == "png" else 100, metadata=metadata)
    return out.getvalue()


Drawn = dict[str, bytes]
"""Pictures by file name: ``rates-by-district.png``."""


def draw_many(charts: Sequence[Chart], formats: Sequence[str]) -> Drawn:
    """Every chart in every format, by file name."""
    return {f"{chart.key}.{fmt}": draw(chart, fmt) for chart in charts for fmt in formats}


_POOL: Executor | None = None
#: Background processes to draw in: two, so that a two-core machine draws on both cores once
#: the document is composed.
WORKERS = 2


def _import_matplotlib() -> None:
    import matplotlib.figure  # noqa: F401

    import sokets.review.figures  # noqa: F401 - what the charts to draw unpickle into


def warm_up() -> None:
    """Start background processes that import matplotlib, for :func:`start_drawing` to draw in
    (nothing happens without matplotlib, or where a process cannot be started)."""
    global _POOL
    if _POOL is not None or not available():
        return
    from concurrent.futures import ProcessPoolExecutor

    from sokets._workers import context

    workers = max(1, min(WORKERS, os.cpu_count() or 1))
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context())
        for _ in range(workers):
            pool.submit(_import_matplotlib)
    except (OSError, RuntimeError, NotImplementedError):
        return
    _POOL = pool


def _shares(charts: Sequence[Chart], count: int) -> list[list[Chart]]:
    """``charts`` in ``count`` shares of about the same work (a bar and its label each)."""
    shares: list[list[Chart]] = [[] for _ in range(count)]
    work = [0] * count
    for chart in sorted(charts, key=lambda c: -len(c.categories) * len(c.series)):
        n = work.index(min(work))
        shares[n].append(chart)
        work[n] += len(chart.categories) * (len(chart.series) + 1)
    return [share for share in shares if share]


def start_drawing(charts: Sequence[Chart], formats: Sequence[str]) -> Callable[[], Drawn]:
    """Start drawing ``charts`` (in the background processes if :func:`warm_up` started them);
    the function returned waits for the pictures, drawing them here if a process failed."""
    charts = list(charts)
    formats = tuple(formats)
    if _POOL is not None and charts:
        from concurrent.futures.process import BrokenProcessPool

        try:
            futures = [
                _POOL.submit(draw_many, share, formats) for share in _shares(charts, WORKERS)
            ]
        except (OSError, RuntimeError, BrokenProcessPool):
            pass
        else:

            def wait() -> Drawn:
                drawn: Drawn = {}
                try:
                    for future in futures:
                        drawn.update(future.result())
                except (OSError, BrokenProcessPool):
                    return draw_many(charts, formats)
                return drawn

            return wait
    return lambda: draw_many(charts, formats)


def write_charts(charts: Sequence[Chart], folder: str | Path) -> list[Path]:
    """Every chart as ``KEY.png`` and ``KEY.svg`` in ``folder`` (created if needed)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    drawn = start_drawing(charts, ("png", "svg"))()
    return [write_atomic(target / name, data) for name, data in drawn.items()]
