"""Benchmark a unit's PL04 form in headless Chromium: first render, and latency while typing.

Target (issue 12): the form of a commune (``sokets schema export --unit 16705``, with the UI
schema sokets ships) first renders in under 500 ms and a keystroke is handled in under 50 ms,
in react-jsonschema-form and in JSON Forms, on this machine. The page is the browser tests' own
(``tests/web``), React in production mode, bundled once.

- **first render**: a fresh page, then from the call that mounts the form (with the example
  report of Xã Hưng Đông, or empty) to the next animation frame; it includes compiling the
  schema (Ajv) and computing the form's defaults. Median and worst of ``--repeat`` page loads.
- **keystroke**: from a key's ``keydown`` to the next animation frame after the form handled it,
  for ``--keys`` keys typed (30 ms apart) into a narrative answer and into two rates' numerators
  of the loaded report (in JSON Forms, on the pages holding the most controls). Median, 95th
  percentile (the target) and worst.

Needs Chromium and the packages of ``tests/web/package.json`` (``SOKETS_NODE_MODULES``). Run from
the repository root::

    .venv/bin/python bench/forms_browser.py [--repeat 10] [--keys 60]

Exits 1 if a first-render median or a keystroke 95th percentile misses its target.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import FLAGS, chromium  # noqa: E402 - the repository's own test page
from tests.web.support import LIBRARIES, FormPage, bundle, web_missing  # noqa: E402

RENDER_MS, KEY_MS = 500.0, 50.0
UNIT = "16705"
EXAMPLE = ROOT / "examples" / "xa-hung-dong-pl04.json"
FIELDS = {  # JSON Forms shows one page at a time: a short one (item 2), the two halves of 3.a)
    "text, item 2": "/answers/m2/results",
    "number, 3.a.b3": "/answers/m3_a_b3/indicators/procedures_standardised/numerator",
    "number, 3.a.b7": "/answers/m3_a_b7/indicators/officials_trained/numerator",
}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _first_render(page: FormPage, url: str, library: str, data: Any, repeat: int) -> list[float]:
    from sokets.schema.unit import unit_schema

    schema = unit_schema(UNIT)
    times = []
    for _ in range(repeat + 1):  # the first load warms the browser's caches
        page.page.goto(url)
        times.append(page.mount(library, schema, json.loads(json.dumps(data))))
    return times[1:]


def _typing(page: FormPage, library: str, field: str, keys: int) -> list[float]:
    from sokets.schema.unit import unit_schema

    page.mount(library, unit_schema(UNIT), json.loads(EXAMPLE.read_bytes()))
    target = page.field(field)
    target.click()
    target.press("End")
    page.call("latencies")  # forget the click
    text = "1" * keys if "indicators" in field else ("da trien khai " * keys)[:keys]
    page.page.keyboard.type(text, delay=30)
    page.page.wait_for_timeout(100)
    latencies: list[float] = page.call("latencies")
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    missing = web_missing() or (None if chromium() else "Chromium is not installed")
    if missing:
        print(f"cannot run: {missing}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    example = json.loads(EXAMPLE.read_bytes())
    slow = False
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        url = bundle(Path(folder)).as_uri()
        browser = playwright.chromium.launch(executable_path=chromium(), args=list(FLAGS))
        tab = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page = FormPage(tab, url)
        print(f"PL04 form of {UNIT} (Xã Hưng Đông), Chromium {browser.version}, headless")
        print(f"{'library':<10} {'measure':<30} {'median':>8} {'p95':>8} {'worst':>8}  n")
        for library in LIBRARIES:
            for label, data in (("first render, example", example), ("first render, empty", {})):
                times = _first_render(page, url, library, data, args.repeat)
                median = statistics.median(times)
                slow |= median > RENDER_MS
                print(
                    f"{library:<10} {label:<30} {median:7.0f}ms {'':>8} {max(times):7.0f}ms"
                    f"  {len(times)}"
                )
            for kind, field in FIELDS.items():
                times = _typing(page, library, field, args.keys)
                p95 = _percentile(times, 0.95)
                slow |= p95 > KEY_MS
                print(
                    f"{library:<10} {'keystroke, ' + kind:<30} {statistics.median(times):7.1f}ms"
                    f" {p95:7.1f}ms {max(times):7.1f}ms  {len(times)}"
                )
        if page.problems:
            print(f"page errors: {page.problems}", file=sys.stderr)
            return 1
        browser.close()
    print(f"targets: first render < {RENDER_MS:.0f} ms (median), keystroke < {KEY_MS:.0f} ms (p95)")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
