"""Consolidating with background processes reading the workbooks and documents
(``consolidate(..., workers=2)``, what the command line does): the same consolidation as with one
process, and the submissions a worker sends back are those the caller would have read."""

from __future__ import annotations

import concurrent.futures
import gc
import importlib
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sokets.consolidation import FileRole, consolidate
from sokets.forms import load_report
from sokets.render import report_renderer
from tests.rounds import generate_round

AS_OF = date(2023, 9, 1)
#: The module (the package exports its function ``collect`` under the same name).
collect_module = importlib.import_module("sokets.consolidation.collect")
remote_module = importlib.import_module("sokets.consolidation.remote")


@pytest.fixture(scope="module")
def mixed_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Departments' and communes' reports as workbooks, documents and JSON, and a damaged file."""
    folder = tmp_path_factory.mktemp("workers")
    paths = generate_round(folder / "json")
    picked = paths[:7] + paths[-7:]  # Phụ lục 01 first, Phụ lục 04 last
    round_ = folder / "round"
    round_.mkdir()
    for n, path in enumerate(picked):
        if n % 5 == 4:
            shutil.copy(path, round_ / path.name)
            continue
        kind = "docx" if n % 5 == 3 else "xlsx"
        report = load_report(path.read_bytes(), source=str(path))
        (round_ / f"{path.stem}.{kind}").write_bytes(report_renderer(kind).render(report))
    (round_ / "000-hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    return round_


def test_workers_give_the_same_consolidation(
    mixed_round: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = consolidate([mixed_round], as_of=AS_OF)
    assert {f.role for f in alone.files} >= {FileRole.UNREADABLE}
    assert sum(f.source.endswith(".docx") for f in alone.files) >= 2
    # a small round, in small chunks, so that the workers get some of it
    monkeypatch.setattr(collect_module, "PARALLEL_FROM", 4)
    monkeypatch.setattr(collect_module, "_CHUNK", 2)
    submitted: list[Any] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            submitted.append(args[0])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    shared = consolidate([mixed_round], as_of=AS_OF, workers=2)
    assert submitted
    assert shared == alone


def test_the_submissions_a_worker_sends_are_those_read_here(mixed_round: Path) -> None:
    """The answer models built at run time go through the pickle (nothing falls back to the
    caller unnoticed)."""
    entries = list(enumerate(sorted(mixed_round.iterdir())))
    enabled = gc.isenabled()
    try:
        data = remote_module.read_remote(entries)
    finally:
        if enabled:
            gc.enable()
    assert data
    sent = remote_module.loads(data)
    assert sent == [collect_module.read_one(entry) for entry in entries]
    models = {type(s.model).__name__ for group in sent for s in group if s.model is not None}
    assert {"Pl01Report", "Pl04Report"} <= models, models
