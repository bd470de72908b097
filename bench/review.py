"""Benchmark: the province's review report from a full round (issue 11).

Targets, each measured as a whole process (start-up, reading and consolidating the 506 reports
included), best of ``--repeat`` runs:

1. ``sokets consolidate ROUND --to docx`` (the draft, charts included) in under 5 s;
2. ``sokets consolidate ROUND --to html`` (the overview) in under 2 s.

Also shown, for reference: ``--to text`` (consolidation alone) and ``--charts DIR`` (every chart
as PNG and SVG files).

    .venv/bin/python bench/review.py [--repeat 3]

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.consolidate import AS_OF, measure  # noqa: E402 - whole-process timing
from tests.rounds import generate_round  # noqa: E402 - the repository's own test data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    failed = False

    def report(name: str, seconds: float, peak: float, target: str, ok: bool | None) -> None:
        nonlocal failed
        failed |= ok is False
        verdict = "" if ok is None else "PASS" if ok else "FAIL"
        print(f"{name:44} {seconds:7.2f} s {peak:7.0f} MB   {target:12} {verdict}")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        round_ = work / "round"
        reports = generate_round(round_)
        print(f"round: {len(reports)} reports\n")
        base = ["consolidate", str(round_), "--as-of", AS_OF]
        seconds, peak = measure([*base, "--to", "text", "-q"], args.repeat)
        report("consolidate --to text (reference)", seconds, peak, "", None)
        seconds, peak = measure([*base, "--to", "docx", "-o", str(work / "r.docx")], args.repeat)
        report("consolidate --to docx (charts included)", seconds, peak, "< 5 s", seconds < 5)
        seconds, peak = measure([*base, "--to", "html", "-o", str(work / "r.html")], args.repeat)
        report("consolidate --to html", seconds, peak, "< 2 s", seconds < 2)
        seconds, peak = measure(
            [*base, "--to", "html", "-o", str(work / "r.html"), "--charts", str(work / "charts")],
            args.repeat,
        )
        report("consolidate --to html --charts DIR", seconds, peak, "", None)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
