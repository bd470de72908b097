"""Make the pictures of the review report in docs/images/ (the README shows them).

    python docs/screenshots.py

consolidates a generated round in progress (about 470 of the 506 reports, some late), writes the
HTML overview and the draft DOCX, then takes a screenshot of the overview in Debian's Chromium
(through Playwright) and of the draft's first pages as LibreOffice prints them. Needs the test
extras (``pip install '.[test]'``), ``chromium``, ``libreoffice-writer-nogui`` and
``poppler-utils``; the tests use the same functions.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def screenshot_page(page: Any, out: Path) -> Path:
    """The first screen of a Playwright page, as PNG."""
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    return out


def docx_pages(docx: bytes, out: Path, *, pages: int = 3, dpi: int = 60) -> Path:
    """The first ``pages`` pages of a DOCX as LibreOffice prints them, side by side, as PNG."""
    from PIL import Image

    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs LibreOffice (soffice) and poppler (pdftoppm)")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "draft.docx").write_bytes(docx)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(folder / "draft.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            [
                *("pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", str(pages)),
                *(str(folder / "draft.pdf"), str(folder / "page")),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shots = [Image.open(p) for p in sorted(folder.glob("page-*.png"))]
        width, height = shots[0].size
        gap = 12
        sheet = Image.new("RGB", (len(shots) * (width + gap) + gap, height + 2 * gap), "#d9dde3")
        for n, shot in enumerate(shots):
            sheet.paste(shot, (gap + n * (width + gap), gap))
        out.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(out, optimize=True)
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.browser import FLAGS, chromium
    from tests.rounds import REVIEW_AS_OF, round_in_progress

    from sokets.consolidation import consolidate
    from sokets.review.document import render_review
    from sokets.review.page import render_page

    with tempfile.TemporaryDirectory() as work:
        folder = round_in_progress(Path(work) / "round")
        consolidation = consolidate([folder], as_of=REVIEW_AS_OF, keep_reports=False)
        page_file = Path(work) / "tong-quan.html"
        page_file.write_text(render_page(consolidation), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=list(FLAGS))
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(page_file.as_uri())
            print(screenshot_page(page, IMAGES / "review-overview.png"))
            browser.close()
        print(docx_pages(render_review(consolidation), IMAGES / "review-draft.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
