"""Benchmark the consolidated workbook: a province's consolidation of 506 reports as XLSX.

Target: the render (``ConsolidationWorkbook().render``) well under 1.5 s, so that ``sokets
consolidate --to xlsx`` on a province's round (reading and checking the files take about 1 s)
stays within 3 s as one process. The consolidation is read from a JSON document (``--from``, as
``sokets consolidate --to json`` writes it) or built from a generated round (``bench/
validate_round.py``: one valid report per unit). Times are the median and the best of
``--repeat`` runs after one warm-up run; importing the XLSX modules is measured apart.

Run from the repository root::

    .venv/bin/python bench/consolidation_xlsx.py [--repeat 5] [--from CONSOLIDATION.json]

Exits 1 if the median misses the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.5
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--from", dest="source", type=Path, help="a consolidation (JSON)")
    args = parser.parse_args()

    from datetime import date

    from sokets.consolidation import consolidate
    from sokets.consolidation.collect import load_consolidation

    if args.source is not None:
        consolidation = load_consolidation(args.source.read_bytes())
    else:
        from validate_round import generate_round

        with tempfile.TemporaryDirectory() as folder:
            paths = generate_round(Path(folder))
            consolidation = consolidate(paths, as_of=date(2023, 9, 1))
    started = time.perf_counter()
    from sokets.xlsx.consolidation import ConsolidationWorkbook

    print(f"import sokets.xlsx: {(time.perf_counter() - started) * 1000:.0f} ms (once)")
    renderer = ConsolidationWorkbook()
    data = renderer.render(consolidation)
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        renderer.render(consolidation)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(
        f"{len(consolidation.units)} units, {len(consolidation.files)} files, "
        f"{len(consolidation.issues)} difficulties/proposals: render median {median:.2f} s, "
        f"best {min(times):.2f} s, {len(data) / 1e6:.1f} MB (target {TARGET_S} s)"
    )
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
