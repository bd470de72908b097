"""``import sokets`` and ``sokets --help`` stay light: no heavy libraries at import."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "docx", "jsonschema", "lxml", "matplotlib")


def _imported(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_import_sokets_is_light() -> None:
    imported = _imported("import sokets")
    assert "sokets" in imported
    assert not imported & set(HEAVY), imported & set(HEAVY)
    assert "pydantic" not in imported


def test_cli_help_is_light() -> None:
    imported = _imported("from sokets.cli.main import build_parser; build_parser().format_help()")
    assert not imported & {*HEAVY, "pydantic"}


def test_models_do_not_pull_renderers() -> None:
    imported = _imported("import sokets.models, sokets.forms; sokets.forms.FORMS['PL01'].model")
    assert "pydantic" in imported
    assert not imported & set(HEAVY)


def test_the_html_overview_needs_no_document_or_plotting_library() -> None:
    imported = _imported(
        "from sokets.render import consolidation_renderer; consolidation_renderer('html')"
    )
    assert "sokets" in imported
    assert not imported & {"openpyxl", "docx", "matplotlib"}


def test_the_docx_draft_loads_matplotlib_only_to_draw() -> None:
    imported = _imported(
        "from sokets.render import consolidation_renderer; consolidation_renderer('docx')"
    )
    assert "docx" in imported
    assert "matplotlib" not in imported
