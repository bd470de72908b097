"""``sokets schema export|check|diff`` (issue 3, items 4 and 6).

``check`` passes on the committed ``schemas/`` and fails, naming the file, when a model changes
without a new export (simulated by a changed model, and by an altered file).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import Field

from sokets.cli.main import main
from sokets.forms import FORMS
from sokets.models import tables
from sokets.schema.export import DOCUMENTS
from tests.schema.support import SCHEMAS

PL01 = f"PL01/{FORMS['PL01'].version}.schema.json"
PL02 = f"PL02/{FORMS['PL02'].version}.schema.json"


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_check_passes_on_the_committed_schemas(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert _run(capsysbinary, "schema", "check", str(SCHEMAS)) == (0, "", "")


def test_export_then_check(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    folder = tmp_path / "out"
    code, _, err = _run(capsysbinary, "schema", "export", str(folder))
    assert code == 0
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))
    documents = [f"{d}/{version}.schema.json" for d, (version, _, _) in DOCUMENTS.items()]
    current = [
        f"{f}/{spec.version}.{kind}.json"
        for f, spec in FORMS.items()
        for kind in ("schema", "rjsf.uischema", "jsonforms.uischema")
    ]
    assert written == sorted([*current, *documents, "index.json", "messages.json"])
    assert all(name in err for name in written)
    for path in folder.rglob("*.json"):
        assert path.read_bytes() == (SCHEMAS / path.relative_to(folder)).read_bytes()
    # export writes the current versions; the published older ones are kept, never regenerated
    code, _, err = _run(capsysbinary, "schema", "check", str(folder))
    older = sorted(
        p.relative_to(SCHEMAS).as_posix()
        for p in SCHEMAS.rglob("*.json")
        if not (folder / p.relative_to(SCHEMAS)).exists()
    )
    assert code == 1 and older == [
        "PL01/1.0.0.schema.json",
        "PL01/1.1.0.schema.json",
        "PL02/1.0.0.schema.json",
        "PL03/1.0.0.schema.json",
        "PL04/1.0.0.schema.json",
        "PL04/1.1.0.schema.json",
    ]
    assert all(f"{name}: " in err and "published version was deleted" in err for name in older)
    for name in older:
        shutil.copy(SCHEMAS / name, folder / name)
    assert _run(capsysbinary, "schema", "check", str(folder)) == (0, "", "")
    code, _, err = _run(capsysbinary, "schema", "export", str(folder))
    assert (code, "up to date" in err) == (0, True)


def test_check_fails_on_an_altered_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    path = folder / PL01
    schema = json.loads(path.read_bytes())
    del schema["$defs"]["Figure"]["properties"]["unit"]
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    code, out, err = _run(capsysbinary, "schema", "check", str(folder))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder / PL01}: ")
    assert "differs from what the models generate" in lines[0]
    assert "minor version bump" in lines[0]  # restoring a property only accepts more


def test_check_fails_when_a_file_is_missing(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    (folder / PL02).unlink()
    (folder / "PL02" / "0.1.0.schema.json").write_text("{}", encoding="utf-8")
    code, _, err = _run(capsysbinary, "schema", "check", str(folder))
    assert code == 1
    assert [line.split(": ")[0] for line in err.splitlines()] == [
        str(folder / PL02),
        str(folder / "PL02" / "0.1.0.schema.json"),
    ]
    assert "missing" in err and "not the schema of a published version" in err


class Pl02Row(tables.Pl02Row):
    """A Phụ lục 02 row with one more column: a model change not yet exported."""

    unit_in_charge: str = Field(default="", title="Đơn vị thực hiện")


class Pl02Table(tables.Pl02Table):
    rows: list[Pl02Row] = Field(default_factory=list, title="Các nhiệm vụ")  # type: ignore[assignment]


def test_check_fails_after_a_model_change_without_export(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    spec = FORMS["PL02"]
    monkeypatch.setattr(type(spec), "model", property(lambda self: _model_of(self)))
    code, _, err = _run(capsysbinary, "schema", "check", str(SCHEMAS))
    assert code == 1
    lines = err.splitlines()
    version = FORMS["PL02"].version
    assert [line.split(": ")[0] for line in lines] == [
        str(SCHEMAS / PL02),
        str(SCHEMAS / f"PL02/{version}.rjsf.uischema.json"),  # the new column in ui:order
    ]
    assert "needing a minor version bump" in lines[0]  # an optional column only accepts more
    assert "differs from what the models generate: run" in lines[1]  # a UI schema: no bump


def _model_of(spec: Any) -> Any:
    from sokets.forms import _model

    return Pl02Table if spec.id == "PL02" else _model(spec.model_path)


def _write(path: Path, schema: dict[str, Any]) -> str:
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_diff_exit_codes_and_output(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    current = json.loads((SCHEMAS / "PL02" / "1.0.0.schema.json").read_bytes())  # published
    old = _write(tmp_path / "old.json", current)
    code, out, err = _run(capsysbinary, "schema", "diff", old, old)
    assert code == 0
    assert "required version bump: none" in err
    assert "NOT sufficient" not in err and "1.0.0 → 1.0.0: đủ / sufficient" in err

    wider = json.loads(json.dumps(current))
    wider["$defs"]["Pl02Row"]["properties"]["unit_in_charge"] = {
        "title": "Đơn vị",
        "type": "string",
    }
    wider["$defs"]["Pl02Header"]["properties"]["version"]["const"] = "1.1.0"
    wider["$id"] = "urn:sokets:schema:PL02:1.1.0"
    code, out, err = _run(capsysbinary, "schema", "diff", old, _write(tmp_path / "w.json", wider))
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["impact", "location", "kind", "detail", "schema"]
    assert ["compatible", "/rows/*/unit_in_charge", "property-added"] in [r[:3] for r in rows]
    assert "required version bump: minor" in err and "1.0.0 → 1.1.0" in err
    assert "NOT sufficient" not in err

    narrower = json.loads(json.dumps(current))
    del narrower["$defs"]["Pl02Row"]["properties"]["notes"]
    path = _write(tmp_path / "n.json", narrower)
    code, out, err = _run(capsysbinary, "schema", "diff", old, path, "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["breaking"] is True
    assert result["required_bump"] == "major"
    assert result["bump_sufficient"] is False
    assert result["changes"] == [
        {
            "location": "/rows/*/notes",
            "schema_pointer": "/$defs/Pl02Row/properties/notes",
            "kind": "property-removed",
            "impact": "breaking",
            "detail": "'notes' removed",
        }
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "malformed JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (None, "no such file"),
    ],
)
def test_diff_of_unreadable_input_is_one_line_exit_2(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsysbinary, "schema", "diff", str(SCHEMAS / PL02), str(path))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert str(path) in err and message in err


def test_export_into_a_file_path_is_exit_2(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = _run(capsysbinary, "schema", "export", str(blocker / "schemas"))
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("sokets: ")


def test_schema_needs_an_action(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["schema"])
    assert caught.value.code == 2
