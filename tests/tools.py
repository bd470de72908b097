"""What the tests need from the machine: a missing tool skips a test locally, fails it under CI."""

from __future__ import annotations

import os
import shutil

import pytest


def require(tool: str, missing: str | None) -> None:
    """Skip the calling test when ``missing`` says why ``tool`` cannot run here, or fail it under
    CI (``CI`` set), where ``.ci/run`` has installed every tool."""
    if missing is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is required under CI: {missing}")
    pytest.skip(missing)


def needs(*programs: str) -> pytest.MarkDecorator:
    """Mark a test that runs ``programs`` (LibreOffice's ``soffice``, poppler's ``pdftotext``…):
    skipped locally when one is not installed; under CI it runs, and fails without them."""
    absent = [program for program in programs if shutil.which(program) is None]
    return pytest.mark.skipif(
        bool(absent) and not os.environ.get("CI"),
        reason=f"{', '.join(absent)} not installed (CI installs it)",
    )
