"""Benchmark: rendering the full Sở TT&TT report as DOCX (issue 5, deliverable 6).

Renders ``examples/so-tttt-pl01.json`` (18 answers, 5 rows of Phụ lục 02, the 23 tasks of Phụ lục
03) to DOCX bytes, in-process and warm (python-docx already imported, the example already
parsed): ``--repeat`` runs, reporting the median and the best. Also measured, for information: the
first render in a fresh process (imports included), the blank outline of Sở TT&TT, and reading the
rendered report back.

Target: the warm median under 150 ms. Exit status 1 when it is missed.

    .venv/bin/python bench/render_docx.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "so-tttt-pl01.json"
TARGET_MS = 150.0

_COLD = f"""
import time
start = time.perf_counter()
from sokets.forms import load_report
from sokets.docx.report import render_report
report = load_report(open({str(EXAMPLE)!r}, "rb").read())
render_report(report)
print((time.perf_counter() - start) * 1000)
"""


def _times(action: Callable[[], object], repeat: int) -> list[float]:
    action()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _line(label: str, times: list[float]) -> str:
    return f"{label:<44} median {statistics.median(times):7.1f} ms   best {min(times):7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures; 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)

    from sokets.docx.outline import render_outline
    from sokets.docx.reader import read_docx
    from sokets.docx.report import render_report
    from sokets.forms import load_report
    from sokets.units import get_registry

    report = load_report(EXAMPLE.read_bytes())
    rows = (len(report.appendix_pl02), len(report.appendix_pl03))
    data = render_report(report)
    print(
        f"report: {EXAMPLE.relative_to(ROOT)} — {len(list(report.answers.answered()))} answers, "
        f"Phụ lục 02: {rows[0]} rows, Phụ lục 03: {rows[1]} rows; DOCX {len(data):,} bytes"
    )

    render = _times(lambda: render_report(report), args.repeat)
    unit = get_registry().get("SO-TTTT")
    outline = _times(lambda: render_outline(unit), args.repeat)
    read = _times(lambda: read_docx(data, "so-tttt.docx"), max(5, args.repeat // 3))
    cold = [
        float(
            subprocess.run(
                [sys.executable, "-c", _COLD], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    print(_line("render report (warm, in-process)", render))
    print(_line("render blank outline of Sở TT&TT (warm)", outline))
    print(_line("read the rendered report back (warm)", read))
    print(_line("first render in a new process (with imports)", cold))
    ok = statistics.median(render) < TARGET_MS
    verdict = "ĐẠT / PASS" if ok else "KHÔNG ĐẠT / FAIL"
    print(f"target: render under {TARGET_MS:.0f} ms — {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
