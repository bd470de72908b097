"""A real browser for the tests: Debian's Chromium driven by Playwright (never a downloaded one).

``.ci/run`` installs the ``chromium`` package; :func:`chromium` finds it (``SOKETS_CHROMIUM``
names another binary). Without it the browser tests skip with the reason, except under CI (``CI``
set), where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.tools import require

#: Flags for a headless Chromium on a machine without a network beyond the package registries,
#: as root: no sandbox, no background connections, a throw-away profile.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def chromium() -> str | None:
    """The Chromium binary, or ``None`` when there is none."""
    named = os.environ.get("SOKETS_CHROMIUM")
    if named:
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str | None:
    """Why no browser test can run here, or ``None``."""
    if chromium() is None:
        return "Chromium is not installed (apt install chromium; see README, Contributing)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install '.[test]')"
    return None


def require_browser() -> None:
    """Skip the calling test when no browser can run, or fail it under CI."""
    require("a browser", missing())


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), shared by the session's tests."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=list(FLAGS))
        try:
            yield launched
        finally:
            launched.close()
