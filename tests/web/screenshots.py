"""The screenshots of docs/schemas.md: a commune's form, filled with the example report, in
react-jsonschema-form and in JSON Forms, as the browser tests render it.

Run from the repository root, with the test page's packages installed (``SOKETS_NODE_MODULES``)::

    .venv/bin/python -m tests.web.screenshots docs/images
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from tests.browser import FLAGS, chromium
from tests.web.support import LIBRARIES, FormPage, bundle

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "xa-hung-dong-pl04.json"
SIZE = {"width": 1100, "height": 1400}


def main(folder: str) -> int:
    from playwright.sync_api import sync_playwright

    from sokets.schema.unit import unit_schema

    target = Path(folder)
    example = json.loads(EXAMPLE.read_bytes())
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        url = bundle(Path(work)).as_uri()
        browser = playwright.chromium.launch(executable_path=chromium(), args=list(FLAGS))
        page = FormPage(browser.new_page(viewport=SIZE, locale="vi-VN"), url)
        for library in LIBRARIES:
            page.mount(library, unit_schema(example["header"]["unit_code"]), example)
            if library == "jsonforms":
                page.open_page(3)  # 3. a) Về chính quyền số (1/2): answers with their rates
            else:  # the same items: section 3 opens above its first one
                page.page.locator("#root_answers_m3_a_b1").evaluate(
                    "e => e.scrollIntoView({block: 'start'})"
                )
            path = target / f"form-commune-{library}.png"
            page.page.screenshot(path=str(path))
            print(path)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))
