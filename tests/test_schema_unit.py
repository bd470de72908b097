"""The schema of one unit's report (issue 12, deliverable 2): only the items the unit answers,
its tasks, its unit and district as constants, no ``allOf``; never more than the form's schema
accepts, and every valid report of the unit that keeps to its own items and tasks accepted.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sokets.catalogue import get_catalogue
from sokets.cli.main import main
from sokets.forms import FORMS, load_report
from sokets.models.answers import answer_key
from sokets.outline import applicable_leaves
from sokets.schema import form_schema
from sokets.schema._walk import walk
from sokets.schema.unit import unit_schema
from sokets.units import PL01_KINDS, UnitKind, get_registry
from tests.conftest import EXAMPLES
from tests.strategies import FORM_STRATEGIES

REGISTRY = get_registry()
PL01_UNITS = [u.code for u in REGISTRY.of_kind(*PL01_KINDS)]
COMMUNES = [u.code for u in REGISTRY.of_kind(UnitKind.COMMUNE)]


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _answers(schema: dict[str, Any]) -> dict[str, Any]:
    definition: dict[str, Any] = schema["$defs"][schema["properties"]["answers"]["$ref"][8:]]
    return definition


@pytest.mark.parametrize("code", [*PL01_UNITS, *COMMUNES[::23]])
def test_a_units_schema_is_its_items_its_tasks_and_its_unit(code: str) -> None:
    unit = REGISTRY.get(code)
    schema = unit_schema(code)
    _validator(schema)
    assert (
        schema["$id"]
        == f"urn:sokets:schema:{unit.form}:{FORMS[unit.form or ''].version}:unit:{code}"
    )
    definition = schema["$defs"][schema["properties"]["header"]["$ref"][8:]]
    for node in (schema, definition):  # no rules on the unit
        assert not {"allOf", "if", "dependentSchemas"} & set(node)
    header = definition["properties"]
    assert header["unit_code"]["const"] == header["unit_code"]["default"] == code
    if unit.kind is UnitKind.COMMUNE:
        assert header["district_code"]["const"] == unit.parent
    answers = _answers(schema)
    keys = [answer_key(leaf.id) for leaf in applicable_leaves(unit)]
    assert list(answers["properties"]) == answers["required"] == answers["x-order"] == keys
    used = {prop.get("x-group") for prop in answers["properties"].values()} - {None}
    assert used <= {group["id"] for group in answers["x-groups"]}
    assert "answers" in schema["required"]
    if unit.form == "PL01":
        tasks = [o["const"] for o in schema["$defs"]["TaskId"]["oneOf"]]
        assert tasks == [task.id for task in get_catalogue().tasks_for(unit)]
    referenced = {
        node["$ref"][8:] for _, node in walk({**schema, "$defs": {}}) if "$ref" in node
    } | {
        node["$ref"][8:]
        for definition in schema["$defs"].values()
        for _, node in walk(definition)
        if "$ref" in node
    }
    assert set(schema["$defs"]) == referenced  # nothing left over


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_each_example_fits_its_units_schema_and_another_units_does_not(path: Path) -> None:
    example = json.loads(path.read_bytes())
    code = example["header"]["unit_code"]
    assert _validator(unit_schema(code)).is_valid(example)
    kind = REGISTRY.get(code).kind
    other = next(u.code for u in REGISTRY.of_kind(kind) if u.code != code)
    assert not _validator(unit_schema(other)).is_valid(example)


def test_the_tables_of_a_unit() -> None:
    example = json.loads((EXAMPLES / "so-tttt-pl01.json").read_bytes())
    for form, key in (("PL02", "appendix_pl02"), ("PL03", "appendix_pl03")):
        schema = unit_schema("SO-TTTT", form)
        header = {"form": form, "version": FORMS[form].version, "unit_code": "SO-TTTT"}
        table = {"header": header, "rows": example[key]}
        assert _validator(schema).is_valid(table)
        assert _validator(form_schema(form)).is_valid(table)
    foreign = next(t.id for t in get_catalogue() if t not in get_catalogue().tasks_for("SO-YT"))
    header = {"form": "PL03", "version": FORMS["PL03"].version, "unit_code": "SO-YT"}
    table = {"header": header, "rows": [{"task_id": foreign}]}
    assert _validator(form_schema("PL03")).is_valid(table)
    assert not _validator(unit_schema("SO-YT", "PL03")).is_valid(table)


def test_units_and_forms_it_refuses() -> None:
    with pytest.raises(ValueError, match="PL03"):
        unit_schema("16705", "PL03")  # a commune has no task table
    subunit = next(u for u in REGISTRY if u.kind is UnitKind.SUBUNIT)
    with pytest.raises(ValueError, match="parent"):
        unit_schema(subunit.code)
    assert unit_schema("Xã Hưng Đông") == unit_schema("16705")  # a name, as everywhere


def _own(instance: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The instance without what its unit's schema leaves out: answers to items that do not
    apply to the unit (a warning for the model) and tasks that are not the unit's."""
    own = copy.deepcopy(instance)
    keys = set(_answers(schema)["properties"]) if "answers" in schema["properties"] else set()
    if "answers" in own:
        own["answers"] = {k: v for k, v in own["answers"].items() if k in keys}
    tasks = {o["const"] for o in schema["$defs"].get("TaskId", {}).get("oneOf", [])}
    for table in ("appendix_pl03", "rows"):
        if own.get(table) and own["header"]["form"] in ("PL01", "PL03"):
            own[table] = [row for row in own[table] if row["task_id"] in tasks]
    return own


@pytest.mark.parametrize("form", sorted(FORMS))
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_a_units_schema_narrows_the_forms(form: str, data: st.DataObject) -> None:
    """A valid report that keeps to its unit's items and tasks fits the unit's schema; what the
    unit's schema accepts, the form's schema and the model accept too."""
    instance = data.draw(FORM_STRATEGIES[form])
    schema = unit_schema(instance["header"]["unit_code"], form)
    own = _own(instance, schema)
    assert _validator(schema).is_valid(own), list(_validator(schema).iter_errors(own))[:3]
    assert _validator(form_schema(form)).is_valid(own)
    load_report(json.dumps(own).encode())


def test_the_command_prints_or_writes_a_units_schema(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["schema", "export", "--unit", "Hưng Đông"]) == 0
    out, err = capsysbinary.readouterr()
    assert json.loads(out) == unit_schema("16705") and err == b""
    target = tmp_path / "so-tttt-pl03.json"
    assert main(["schema", "export", "--unit", "SO-TTTT", "--form", "PL03", "-o", str(target)]) == 0
    assert json.loads(target.read_bytes()) == unit_schema("SO-TTTT", "PL03")
    capsysbinary.readouterr()
    assert main(["schema", "export", "--unit", "16705", "--form", "PL03"]) == 2
    assert b"PL03" in capsysbinary.readouterr().err
    assert main(["schema", "export", "--unit", "16705", str(tmp_path)]) == 2
    assert main(["schema", "export", "--form", "PL03"]) == 2
    assert main(["schema", "export", "--unit", "no such unit"]) == 2
