"""Benchmark the XLSX code: one unit's template written, one filled workbook imported.

Target (issue 6): each under 100 ms, for a commune and for Sở TT&TT (the largest template: 18
outline items, 23 Phụ lục 03 tasks). The filled workbooks are the bundled example reports written
into their templates. Times are wall-clock medians over ``--repeat`` runs after one warm-up run;
importing openpyxl itself is measured apart (a process pays it once).

Run from the repository root::

    .venv/bin/python bench/xlsx.py [--repeat 30]

Exits 1 if a median misses the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

TARGET_MS = 100.0
ROOT = Path(__file__).resolve().parent.parent
CASES = (
    ("16705", "xa-hung-dong-pl04.json", "Xã Hưng Đông (PL04)"),
    ("SO-TTTT", "so-tttt-pl01.json", "Sở TT&TT (PL01)"),
)


def _times(action: Callable[[], object], repeat: int) -> list[float]:
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat

    from sokets.forms import load_report
    from sokets.units import get_registry

    registry = get_registry()
    started = time.perf_counter()
    from sokets.xlsx.reader import read_workbook
    from sokets.xlsx.template import build_report_workbook, build_workbook

    print(f"import openpyxl + sokets.xlsx: {(time.perf_counter() - started) * 1000:.0f} ms (once)")
    print(f"{'task':<44} {'median':>8} {'min':>8} {'max':>8}  size")
    slow = False
    for code, example, label in CASES:
        unit = registry.get(code)
        report = load_report((ROOT / "examples" / example).read_bytes())
        blank = build_workbook(unit)
        filled = build_report_workbook(report)
        rows = (
            (f"template, blank: {label}", partial(build_workbook, unit), len(blank)),
            (f"import, filled:  {label}", partial(read_workbook, filled, example), len(filled)),
        )
        for name, action, size in rows:
            times = _times(action, repeat)
            median = statistics.median(times)
            slow |= median > TARGET_MS
            print(
                f"{name:<44} {median:>6.1f}ms {min(times):>6.1f}ms {max(times):>6.1f}ms"
                f"  {size / 1024:.0f} KB{'  SLOW' if median > TARGET_MS else ''}"
            )
    print(f"target: median under {TARGET_MS:.0f} ms each: {'missed' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
