"""Benchmark: hostile inputs under the size cap are checked in bounded time and memory.

Target (hardening issue, point 3): any input under the 5 MiB cap is checked by ``sokets validate``
in under 2 s and 300 MB, printing at most 50 findings per code. Each case is written to a temporary
folder and validated by the command in a fresh process; the figures are wall time, peak resident
memory of the child (``ru_maxrss``), exit code and the number of output lines.

    .venv/bin/python bench/hostile_inputs.py [--repeat 3]

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LIMIT_SECONDS, LIMIT_MB = 2.0, 300.0


def _commune() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    return data


def list_bomb() -> bytes:
    """4.96 MB: 1.65 million wrong-type items in one list (refused: too many values)."""
    data = _commune()
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * 1_650_000
    return json.dumps(data, separators=(",", ":")).encode()


def wrong_items_under_the_limit() -> bytes:
    """19,000 wrong-type items, just under the 20,000-value limit (checked, findings capped)."""
    data = _commune()
    data["answers"]["m3_a_b1"]["typical_cases"] = [1] * 19_000
    return json.dumps(data, separators=(",", ":")).encode()


def unknown_keys() -> bytes:
    """9,900 unknown answer keys (checked, findings capped)."""
    data = _commune()
    for n in range(9_900):
        data["answers"][f"x{n}"] = 0
    return json.dumps(data, separators=(",", ":")).encode()


def long_text() -> bytes:
    """One answer of 4.8 MB of text (valid, one warning: too long for a spreadsheet cell)."""
    data = _commune()
    data["answers"]["m2"]["results"] = "Văn bản chỉ đạo. " * 200_000
    return json.dumps(data, ensure_ascii=False).encode()


def docx_paragraphs() -> bytes:
    """A 48 KB DOCX outline with 200,000 paragraphs outside the answer areas."""
    from sokets.render import blank_renderer
    from sokets.units import get_registry

    blank = blank_renderer("docx").render(get_registry().get("16705"))
    source = zipfile.ZipFile(io.BytesIO(blank))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                extra = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_000
                content = content.replace(b"<w:sectPr", extra + b"<w:sectPr", 1)
            target.writestr(info, content)
    return out.getvalue()


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "list-bomb": ("json", list_bomb),
    "wrong-items": ("json", wrong_items_under_the_limit),
    "unknown-keys": ("json", unknown_keys),
    "long-text": ("json", long_text),
    "docx-paragraphs": ("docx", docx_paragraphs),
}


def run_case(path: Path) -> tuple[float, float, int, int]:
    """(seconds, peak MB, exit code, output lines) of ``sokets validate PATH`` in a new process."""
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run([sys.executable, '-m', 'sokets', 'validate', sys.argv[1]],"
        " capture_output=True)\n"
        "seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "lines = done.stdout.count(b'\\n') + done.stderr.count(b'\\n')\n"
        "print(seconds, peak, done.returncode, lines)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    failed = False
    print(f"{'case':18} {'size':>9} {'seconds':>8} {'peak MB':>8} {'exit':>4} {'lines':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, make) in CASES.items():
            path = Path(tmp, f"{name}.{suffix}")
            path.write_bytes(make())
            runs = [run_case(path) for _ in range(args.repeat)]
            seconds = min(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            code, lines = runs[0][2], runs[0][3]
            ok = seconds < LIMIT_SECONDS and peak < LIMIT_MB
            failed |= not ok
            size = path.stat().st_size
            print(
                f"{name:18} {size:>9} {seconds:>8.2f} {peak:>8.0f} {code:>4} {lines:>6}"
                + ("" if ok else "  MISSED")
            )
    print(f"targets: < {LIMIT_SECONDS} s and < {LIMIT_MB:.0f} MB per input, whole process")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
