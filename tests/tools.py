"""What the tests need from the machine: a missing tool skips a test locally, fails it under CI."""

from __future__ import annotations

import os

import pytest


def require(tool: str, missing: str | None) -> None:
    """Skip the calling test when ``missing`` says why ``tool`` cannot run here, or fail it under
    CI (``CI`` set), where ``.ci/run`` has installed every tool."""
    if missing is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is required under CI: {missing}")
    pytest.skip(missing)
