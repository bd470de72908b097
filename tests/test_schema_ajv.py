"""The schemas compile in Ajv, the validator web form builders use: 2020-12 dialect, strict mode,
ajv-formats, the ``x-`` vocabulary registered from ``index.json`` (issue 3, item 5).

Skipped when node or Ajv is missing locally; under CI (``CI`` set) a missing Ajv fails.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.schema.support import SCHEMAS, require_ajv, run_ajv


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, target)
    return target


def test_committed_schemas_compile_in_ajv_strict_mode() -> None:
    require_ajv()
    result = run_ajv("compile", SCHEMAS)
    assert result.returncode == 0, result.stderr
    index = json.loads((SCHEMAS / "index.json").read_bytes())
    paths = [v["path"] for form in index["forms"] for v in form["versions"]]
    assert result.stdout.split() == [word for path in paths for word in ("ok", path)]


def test_strict_mode_refuses_an_undeclared_keyword(tmp_path: Path) -> None:
    """Proof that the check is strict: without the vocabulary note, x-order is an error."""
    require_ajv()
    folder = _copy(tmp_path)
    index = json.loads((folder / "index.json").read_bytes())
    del index["vocabulary"]["x-order"]
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    result = run_ajv("compile", folder)
    assert result.returncode == 1
    assert 'unknown keyword: "x-order"' in result.stderr


def test_an_unresolvable_ref_fails(tmp_path: Path) -> None:
    require_ajv()
    folder = _copy(tmp_path)
    path = folder / "PL02" / "1.0.0.schema.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace("#/$defs/Pl02Row", "#/$defs/Pl02Line"),
        encoding="utf-8",
    )
    result = run_ajv("compile", folder)
    assert result.returncode == 1
    assert "PL02/1.0.0.schema.json" in result.stderr
    assert "Pl02Line" in result.stderr
