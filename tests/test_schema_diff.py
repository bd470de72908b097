"""``diff_schemas`` classifies each change as breaking, compatible or annotation (issue 3, item 6).

Hand-made cases live in ``tests/schema/diff/<case>/`` (``old.json``, ``new.json`` and
``expected.json`` with the bump and the changes); properties are checked on the real schemas.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sokets.forms import FORMS
from sokets.schema import Impact, diff_schemas, required_bump
from sokets.schema.diff import schema_version
from tests.schema.support import SCHEMAS

CASES = sorted((Path(__file__).resolve().parent / "schema" / "diff").iterdir())
REAL = {
    form: json.loads((SCHEMAS / form / f"{spec.version}.schema.json").read_bytes())
    for form, spec in FORMS.items()
}
EXAMPLES = settings(max_examples=30 if os.environ.get("CI") else 10, deadline=None)


def _read(path: Path) -> Any:
    return json.loads(path.read_bytes())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_diff_case(case: Path) -> None:
    expected = _read(case / "expected.json")
    changes = diff_schemas(_read(case / "old.json"), _read(case / "new.json"))
    found = sorted((c.location, c.kind, c.impact.value) for c in changes)
    wanted = sorted((c["location"], c["kind"], c["impact"]) for c in expected["changes"])
    assert found == wanted
    assert required_bump(changes).label == expected["bump"]


def test_cases_cover_every_impact() -> None:
    impacts = {c["impact"] for case in CASES for c in _read(case / "expected.json")["changes"]}
    assert impacts == {i.value for i in Impact}
    assert len(CASES) >= 15


def test_shared_definition_changes_are_reported_once() -> None:
    new = copy.deepcopy(REAL["PL04"])
    del new["$defs"]["Figure"]["properties"]["as_of"]["format"]
    changes = diff_schemas(REAL["PL04"], new)
    assert [(c.kind, c.schema_pointer) for c in changes] == [
        ("format-removed", "/$defs/Figure/properties/as_of")
    ]
    assert changes[0].location.endswith("/figures/*/as_of")


def test_schema_version() -> None:
    assert schema_version(REAL["PL01"]) == FORMS["PL01"].version
    assert schema_version({"type": "object"}) is None


@pytest.mark.parametrize("form", FORMS)
def test_a_schema_has_no_change_against_itself(form: str) -> None:
    assert diff_schemas(REAL[form], copy.deepcopy(REAL[form])) == []


def _objects(schema: dict[str, Any]) -> list[str]:
    return sorted(name for name, d in schema["$defs"].items() if d.get("properties"))


@EXAMPLES
@given(data=st.data(), form=st.sampled_from(sorted(FORMS)))
def test_removing_a_property_is_breaking(data: st.DataObject, form: str) -> None:
    new = copy.deepcopy(REAL[form])
    definition = new["$defs"][data.draw(st.sampled_from(_objects(new)))]
    name = data.draw(st.sampled_from(sorted(definition["properties"])))
    del definition["properties"][name]
    changes = diff_schemas(REAL[form], new)
    assert "property-removed" in {c.kind for c in changes if c.impact is Impact.BREAKING}
    assert required_bump(changes).label == "major"


@EXAMPLES
@given(data=st.data(), form=st.sampled_from(sorted(FORMS)))
def test_adding_an_optional_property_is_compatible(data: st.DataObject, form: str) -> None:
    new = copy.deepcopy(REAL[form])
    definition = new["$defs"][data.draw(st.sampled_from(_objects(new)))]
    definition["properties"]["ghi_chu_moi"] = {"title": "Ghi chú mới", "type": "string"}
    changes = diff_schemas(REAL[form], new)
    assert {(c.kind, c.impact) for c in changes} == {("property-added", Impact.COMPATIBLE)}
    assert required_bump(changes).label == "minor"


@EXAMPLES
@given(data=st.data(), form=st.sampled_from(sorted(FORMS)))
def test_dropping_a_code_is_breaking_and_relabelling_is_a_patch(
    data: st.DataObject, form: str
) -> None:
    lists = sorted(name for name, d in REAL[form]["$defs"].items() if "oneOf" in d)
    name = data.draw(st.sampled_from(lists))
    index = data.draw(st.integers(0, len(REAL[form]["$defs"][name]["oneOf"]) - 1))
    narrowed = copy.deepcopy(REAL[form])
    del narrowed["$defs"][name]["oneOf"][index]
    assert {c.kind for c in diff_schemas(REAL[form], narrowed)} == {"enum-narrowed"}
    relabelled = copy.deepcopy(REAL[form])
    relabelled["$defs"][name]["oneOf"][index]["title"] += " (mới)"
    changes = diff_schemas(REAL[form], relabelled)
    assert required_bump(changes).label == "patch"


def test_rules_under_dependent_schemas_are_compared_rule_by_rule() -> None:
    """The unit rules sit under ``dependentSchemas`` (2.0.0): a definition they refer to changes
    once, where it is defined; a rule dropped is compatible, a new dependent schema breaking."""
    old = REAL["PL01"]
    relaxed = copy.deepcopy(old)
    relaxed["dependentSchemas"]["header"]["allOf"].pop()
    changes = diff_schemas(old, relaxed)
    assert [(c.kind, c.impact) for c in changes] == [("rule-removed", Impact.COMPATIBLE)]
    assert changes[0].schema_pointer == "/dependentSchemas/header/allOf"
    stricter = copy.deepcopy(old)
    stricter["dependentSchemas"]["appendix_pl02"] = {"required": ["appendix_pl03"]}
    changes = diff_schemas(old, stricter)
    assert [(c.kind, c.impact) for c in changes] == [("keyword-added", Impact.BREAKING)]
