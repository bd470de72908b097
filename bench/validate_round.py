"""Benchmark: validating a province's round of reports (issue 4, deliverable 5).

Generates one report per reporting unit of Nghệ An (20 departments, 5 agencies and 21 districts by
Phụ lục 01, 460 communes by Phụ lục 04: 506 files of 20–60 KB) from the texts of ``examples/``,
then measures in one run:

1. the floor: reading every file and ``json.loads`` (nothing else);
2. full sokets validation in-process (``sokets.validation.validate_path``: types and all rules);
3. the ``sokets validate`` command on the folder (one process, start-up included);
4. ``check-jsonschema`` on the same files with the exported schemas (``schemas/``), installed in
   the benchmark's own virtual environment (``bench/.cache/``), not as a project dependency;
5. ``sokets --version``.

Targets: (2) within 2.5x of (1); (3) at least 8x faster than (4); (5) under 150 ms. Each timing is
the best of ``--repeat`` runs on a warm file cache. Exit status 1 when a target is missed.

    .venv/bin/python bench/validate_round.py [--repeat 3] [--out DIR] [--skip-check-jsonschema]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
sys.path.insert(0, str(ROOT))
from tests.rounds import generate_round  # noqa: E402 - the repository's own test data

# -- measuring --------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def check_jsonschema_command() -> list[str]:
    """``check-jsonschema`` from PATH, or from a venv under bench/.cache (created on first use)."""
    found = shutil.which("check-jsonschema")
    if found:
        return [found]
    env = CACHE / "check-jsonschema"
    exe = env / "bin" / "check-jsonschema"
    if not exe.exists():
        print("installing check-jsonschema into bench/.cache/check-jsonschema …", file=sys.stderr)
        venv.create(env, with_pip=True)
        subprocess.run(
            [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "check-jsonschema"],
            check=True,
        )
    return [str(exe)]


def schema_for(form: str, workdir: Path) -> tuple[Path, str]:
    """The exported schema of ``form`` (newest version in schemas/), or a stand-in."""
    exported = sorted((ROOT / "schemas" / form).glob("*.schema.json"))
    if exported:
        return exported[-1], str(exported[-1].relative_to(ROOT))
    from sokets.forms import FORMS

    path = workdir / f"{form}.schema.json"
    path.write_text(json.dumps(FORMS[form].model.model_json_schema()), encoding="utf-8")
    return path, "model_json_schema() stand-in (schemas/ not found)"


def sokets_command() -> list[str]:
    script = Path(sys.executable).with_name("sokets")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sokets"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    parser.add_argument("--out", type=Path, help="keep the generated round in this folder")
    parser.add_argument("--skip-check-jsonschema", action="store_true")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="sokets-bench-"))
    folder = args.out or workdir / "round"
    try:
        paths = generate_round(folder)
        sizes = [p.stat().st_size for p in paths]
        pl01 = [str(p) for p in paths if p.name.endswith("-pl01.json")]
        pl04 = [str(p) for p in paths if p.name.endswith("-pl04.json")]
        print(
            f"round: {len(paths)} reports ({len(pl01)} PL01, {len(pl04)} PL04), "
            f"{min(sizes) // 1000}–{max(sizes) // 1000} KB, mean {statistics.mean(sizes) / 1000:.0f} KB, "
            f"total {sum(sizes) / 1e6:.1f} MB in {folder}"
        )

        from sokets.validation import validate_path

        reports = [validate_path(p) for p in paths]  # warm-up, and a sanity check
        invalid = [r.source for r in reports if not r.valid]
        if invalid:
            print(f"warning: {len(invalid)} generated reports are invalid, e.g. {invalid[0]}")

        def parse_floor() -> None:
            for p in paths:
                json.loads(p.read_bytes())

        def validate_all() -> None:
            for p in paths:
                validate_path(p)

        floor = best_of(args.repeat, parse_floor)
        in_process = best_of(args.repeat, validate_all)
        cli = best_of(
            args.repeat,
            lambda: subprocess.run(
                [*sokets_command(), "validate", str(folder), "--format", "json"],
                stdout=subprocess.DEVNULL,
                check=False,
            ),
        )
        version_runs = []
        for _ in range(11):
            start = time.perf_counter()
            subprocess.run([*sokets_command(), "--version"], stdout=subprocess.DEVNULL, check=True)
            version_runs.append(time.perf_counter() - start)
        version = statistics.median(version_runs)

        rows = [
            ("read + json.loads (floor)", floor),
            ("sokets in-process (types + rules)", in_process),
            ("sokets validate (CLI, one process)", cli),
        ]
        checker = None
        if not args.skip_check_jsonschema:
            command = check_jsonschema_command()
            schemas = {form: schema_for(form, workdir) for form in ("PL01", "PL04")}
            for form, (_, origin) in schemas.items():
                print(f"schema {form}: {origin}")

            def run_checker() -> None:
                for form, files in (("PL01", pl01), ("PL04", pl04)):
                    subprocess.run(
                        [*command, "--schemafile", str(schemas[form][0]), *files],
                        stdout=subprocess.DEVNULL,
                        check=False,
                    )

            checker = best_of(args.repeat, run_checker)
            rows.append(("check-jsonschema (2 processes)", checker))

        n = len(paths)
        print(f"\n{'':38} {'total':>9} {'per file':>10}")
        for label, seconds in rows:
            print(f"{label:38} {seconds * 1000:8.0f}ms {seconds / n * 1e6:8.0f}µs")
        print(f"{'sokets --version (median of 11)':38} {version * 1000:8.0f}ms")

        results = [
            ("in-process / floor", in_process / floor, "<= 2.5", in_process / floor <= 2.5),
            ("sokets --version", version * 1000, "< 150 ms", version < 0.150),
        ]
        if checker is not None:
            results.insert(1, ("check-jsonschema / CLI", checker / cli, ">= 8", checker / cli >= 8))
        print()
        for label, value, target, ok in results:
            print(f"{label:38} {value:8.2f}   target {target:9} {'PASS' if ok else 'FAIL'}")
        return 0 if all(ok for *_, ok in results) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
