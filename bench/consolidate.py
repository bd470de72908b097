"""Benchmark: consolidating a province's round (issue 10).

Targets, each measured as a whole process (start-up included):

1. one round (506 reports as JSON) consolidated to XLSX in under 3 s (best of ``--repeat`` runs),
   and within 2x of ``sokets validate`` on the same files. The two commands run in ``--repeat``
   pairs, one right after the other (in alternating order), and the ratio is the median of the
   pairs' ratios: this machine's speed drifts by 20-50% within a minute, which a ratio of two best
   times, each perhaps from another minute, does not cancel. The ratio of the best times is
   printed too, and with ``--instructions`` the ratio of the instructions both run (valgrind; the
   same on every run);
2. 10 rounds (5,060 files) grow linearly: best of ``--repeat // 3`` runs, at most 12x the time of
   one round;
3. peak memory (resident set) under 200 MB for one round;
4. the same round as filled XLSX workbooks consolidated in under 10 s (best of ``--repeat // 3``).

    .venv/bin/python bench/consolidate.py [--repeat 10] [--to xlsx] [--skip-workbooks]
                                          [--instructions]

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.rounds import generate_round  # noqa: E402 - the repository's own test data

AS_OF = "2023-09-01"


Run = tuple[float, float]
"""Seconds and peak MB of one run."""


def _run(args: list[str]) -> Run:
    """(seconds, peak MB) of one ``python -m sokets ARGS`` in a fresh process."""
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run([sys.executable, '-m', 'sokets', *sys.argv[1:]],"
        " stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "seconds = time.perf_counter() - start\n"
        "if done.returncode not in (0, 1):\n"
        "    sys.exit(done.stderr.decode()[-2000:])\n"
        "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )
    if out.returncode:
        raise SystemExit(f"sokets {' '.join(args)} failed: {out.stderr}")
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def measure(args: list[str], repeat: int) -> tuple[float, float]:
    """(best seconds, peak MB) of ``python -m sokets ARGS`` in fresh processes."""
    runs = [_run(args) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def measure_pairs(first: list[str], second: list[str], repeat: int) -> list[tuple[Run, Run]]:
    """``repeat`` pairs of runs of two commands, one right after the other, in alternating order
    (the second command first in every other pair), each as (``first``'s run, ``second``'s run):
    a ratio within a pair is measured under the same conditions (the machine's load drifts)."""
    pairs = []
    for n in range(repeat):
        if n % 2:
            second_run, first_run = _run(second), _run(first)
        else:
            first_run, second_run = _run(first), _run(second)
        pairs.append((first_run, second_run))
    return pairs


def instructions(commands: list[list[str]]) -> list[int]:
    """Instructions each ``python -m sokets ARGS`` runs, counted by valgrind's callgrind (the same
    count every time, whatever else the machine is doing; about a minute each, run side by side)."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian: apt install valgrind)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    running = [
        subprocess.Popen(
            [*valgrind, sys.executable, "-m", "sokets", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for args in commands
    ]
    counts = []
    for process, args in zip(running, commands, strict=True):
        _, err = process.communicate()
        found = re.search(r"I\s+refs:\s+([\d,]+)", err)
        if found is None:
            raise SystemExit(f"sokets {' '.join(args)} under valgrind: {err[-2000:]}")
        counts.append(int(found.group(1).replace(",", "")))
    return counts


def as_workbooks(reports: list[Path], folder: Path) -> None:
    """Each report written as its unit's filled workbook (the XLSX a clerk sends)."""
    from sokets.forms import load_report
    from sokets.render import report_renderer

    renderer = report_renderer("xlsx")
    folder.mkdir(parents=True, exist_ok=True)
    for path in reports:
        report = load_report(path.read_bytes(), source=str(path))
        (folder / f"{path.stem}.xlsx").write_bytes(renderer.render(report))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--to", default="xlsx")
    parser.add_argument("--skip-workbooks", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one round and of validate, with valgrind",
    )
    args = parser.parse_args()
    suffix = {"xlsx": ".xlsx", "json": ".json", "text": ".txt"}[args.to]
    failed = False

    def report(
        name: str, value: float, peak: float, target: str, ok: bool, unit: str = "s"
    ) -> None:
        nonlocal failed
        failed |= not ok
        verdict = "PASS" if ok else "FAIL"
        shown = f"{value:7.2f} {unit}" if value else " " * 9
        memory = f"{peak:7.0f} MB" if peak else " " * 10
        print(f"{name:44} {shown} {memory}   {target:24} {verdict}")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        round_ = work / "round"
        reports = generate_round(round_)
        print(f"round: {len(reports)} reports in {round_}\n")
        out = work / f"tong-hop{suffix}"
        consolidate = ["consolidate", str(round_), "--as-of", AS_OF, "--to", args.to, "-o"]
        pairs = measure_pairs(
            ["validate", "-q", str(round_)], [*consolidate, str(out)], args.repeat
        )
        validate_s = min(v[0] for v, _ in pairs)
        one_s, one_mb = min(c[0] for _, c in pairs), max(c[1] for _, c in pairs)
        ratio = statistics.median(c[0] / v[0] for v, c in pairs)
        report("sokets validate (one round)", validate_s, max(v[1] for v, _ in pairs), "reference",
               True)  # fmt: skip
        report(f"sokets consolidate --to {args.to} (one round)", one_s, one_mb, "< 3 s", one_s < 3)
        report("  ... / validate, median of pairs", ratio, 0, "<= 2x", ratio <= 2, unit="x")
        print(f"  ... / validate, best / best: {one_s / validate_s:.2f}; pairs: "
              + ", ".join(f"{c[0] / v[0]:.2f}" for v, c in pairs))  # fmt: skip
        if args.instructions:
            counted, validated = instructions(
                [[*consolidate, str(out)], ["validate", "-q", str(round_)]]
            )
            print(f"  ... / validate, instructions: {counted / validated:.2f} "
                  f"({counted / 1e9:.2f} / {validated / 1e9:.2f} billion)")  # fmt: skip
        report("  ... peak memory", 0, one_mb, "< 200 MB", one_mb < 200)
        rounds = work / "rounds"
        for n in range(10):
            shutil.copytree(round_, rounds / f"{n}")
        ten_s, ten_mb = measure(
            ["consolidate", str(rounds), "--as-of", AS_OF, "--to", args.to, "-o", str(out)],
            max(1, args.repeat // 3),
        )
        report(f"10 rounds ({10 * len(reports)} files)", ten_s, ten_mb, "<= 12x one round",
               ten_s <= 12 * one_s)  # fmt: skip
        if not args.skip_workbooks:
            workbooks = work / "workbooks"
            as_workbooks(reports, workbooks)
            book_s, book_mb = measure(
                ["consolidate", str(workbooks), "--as-of", AS_OF, "--to", args.to, "-o", str(out)],
                max(1, args.repeat // 3),
            )
            report("the round as XLSX workbooks", book_s, book_mb, "< 10 s", book_s < 10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
