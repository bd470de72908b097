"""The committed JSON Schemas: complete, current, valid 2020-12, and friendly to form builders
(issue 3, items 1–3)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from sokets.catalogue import get_catalogue
from sokets.errors import InputError, InvalidReportError
from sokets.forms import FORMS, load_report
from sokets.models.answers import answer_key
from sokets.outline import outline_for, pl01_outline, pl04_outline
from sokets.schema import VOCABULARY, check_schemas, form_schema, schema_id
from sokets.schema._walk import walk
from sokets.units import PL01_KINDS, UnitKind, get_registry
from tests.schema.support import ROOT, SCHEMAS

SCHEMA_FILES = sorted(SCHEMAS.rglob("*.schema.json"))
CURRENT = {form: SCHEMAS / form / f"{spec.version}.schema.json" for form, spec in FORMS.items()}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_bytes())
    return data


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, Any]]:
    """The committed schema of each form's current version."""
    return {form: _load(path) for form, path in CURRENT.items()}


def test_committed_schemas_are_what_the_models_generate() -> None:
    assert check_schemas(SCHEMAS) == []
    assert set(CURRENT.values()) <= set(SCHEMA_FILES)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.relative_to(SCHEMAS).as_posix())
def test_every_schema_is_valid_2020_12_in_two_validators(path: Path) -> None:
    schema = _load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert jsonschema_rs.meta.is_valid(schema)
    # jsonschema-rs resolves every $ref when it compiles
    assert isinstance(jsonschema_rs.validator_for(schema), jsonschema_rs.Draft202012Validator)


@pytest.mark.parametrize("form", FORMS)
def test_id_names_form_and_version(form: str, schemas: dict[str, dict[str, Any]]) -> None:
    version = FORMS[form].version
    assert schemas[form]["$id"] == schema_id(form, version) == f"urn:sokets:schema:{form}:{version}"
    header = schemas[form]["$defs"][schemas[form]["properties"]["header"]["$ref"].split("/")[-1]]
    assert header["properties"]["form"]["const"] == form
    assert header["properties"]["version"]["const"] == version


@pytest.mark.parametrize("form", FORMS)
def test_refs_resolve_locally_and_defs_have_stable_names(
    form: str, schemas: dict[str, dict[str, Any]]
) -> None:
    schema = schemas[form]
    defs = schema["$defs"]
    assert list(defs) == sorted(defs)
    for name in defs:
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
        assert not name.endswith(("Input", "Output")), name
    used = set()
    for _, node in walk(schema):
        if "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in defs, ref
            used.add(ref.removeprefix("#/$defs/"))
    assert used == set(defs), "every definition is used"


@pytest.mark.parametrize("form", FORMS)
def test_optional_fields_are_plain_optional_properties(
    form: str, schemas: dict[str, dict[str, Any]]
) -> None:
    text = json.dumps(schemas[form])
    assert '"anyOf"' not in text
    assert '"null"' not in text
    for _, node in walk(schemas[form]):
        assert node.get("default", "") is not None
        assert "x-codelist" not in node


@pytest.mark.parametrize("form", FORMS)
def test_every_property_has_a_vietnamese_title(
    form: str, schemas: dict[str, dict[str, Any]]
) -> None:
    vietnamese = re.compile(r"[À-ỹ]|Stt|TT")
    for path, node in walk(schemas[form]):
        if {"allOf", "then", "if", "dependentSchemas"} & set(map(str, path)):  # rules
            continue
        if "properties" in node or "oneOf" in node:
            assert vietnamese.search(node.get("title", "")), (path, node.get("title"))
        for name, prop in node.get("properties", {}).items():
            assert vietnamese.search(prop.get("title", "")), (path, name)
            assert not re.search(r"\b(the|of|and|with)\b", prop.get("description", ""))


@pytest.mark.parametrize("form", FORMS)
def test_x_order_is_the_property_order(form: str, schemas: dict[str, dict[str, Any]]) -> None:
    seen = 0
    for path, node in walk(schemas[form]):
        if "properties" in node and not {"allOf", "if", "then", "dependentSchemas"} & set(
            map(str, path)
        ):
            assert node["x-order"] == list(node["properties"]), path
            seen += 1
    assert seen >= 3


@pytest.mark.parametrize("outline", [pl01_outline(), pl04_outline()], ids=["PL01", "PL04"])
def test_answers_follow_the_outline_in_the_plans_words(
    outline: Any, schemas: dict[str, dict[str, Any]], spec_text: str
) -> None:
    schema = schemas[outline.form]
    answers = schema["$defs"][schema["properties"]["answers"]["$ref"].split("/")[-1]]
    leaves = outline.leaves()
    assert list(answers["properties"]) == [answer_key(leaf.id) for leaf in leaves]
    for leaf in leaves:
        prop = answers["properties"][answer_key(leaf.id)]
        assert prop["x-item"] == leaf.id
        assert prop["title"].endswith(leaf.title)
        assert leaf.title in spec_text
        if leaf.guidance:
            assert prop["description"] == leaf.guidance
        assert prop["x-applies-to"] == leaf.applicability.label
    groups = answers["x-groups"]
    headings = [item for item in outline.walk() if item.children]
    assert [g["id"] for g in groups] == [h.id for h in headings]
    ids = {g["id"] for g in groups}
    for leaf in leaves:
        group = answers["properties"][answer_key(leaf.id)].get("x-group")
        assert group is None or group in ids
    for group, heading in zip(groups, headings, strict=True):
        assert heading.title in spec_text
        assert group["title"].endswith(heading.title)
        assert group.get("parent") is None or group["parent"] in ids


def _codelist(schema: dict[str, Any], name: str) -> list[tuple[str, str]]:
    return [(entry["const"], entry["title"]) for entry in schema["$defs"][name]["oneOf"]]


def test_unit_codes_are_enumerations_of_the_forms_kind(schemas: dict[str, dict[str, Any]]) -> None:
    registry = get_registry()
    pl01 = [(u.code, u.name) for u in registry.of_kind(*PL01_KINDS)]
    for form in ("PL01", "PL02", "PL03"):
        assert _codelist(schemas[form], "Pl01UnitCode") == pl01
    districts = [(u.code, u.name) for u in registry.of_kind(UnitKind.DISTRICT)]
    assert _codelist(schemas["PL04"], "DistrictCode") == districts
    communes = _codelist(schemas["PL04"], "CommuneCode")
    assert [code for code, _ in communes] == [u.code for u in registry.of_kind(UnitKind.COMMUNE)]
    for code, title in communes:
        unit = registry.get(code)
        assert title == f"{unit.name}, {registry.get(unit.parent or '').name}"
    header = schemas["PL04"]["$defs"]["Pl04Header"]["properties"]
    assert header["unit_code"]["$ref"] == "#/$defs/CommuneCode"
    assert header["district_code"]["$ref"] == "#/$defs/DistrictCode"


def test_task_ids_are_an_enumeration_with_the_plans_titles(
    schemas: dict[str, dict[str, Any]], spec_text: str
) -> None:
    catalogue = get_catalogue()
    for form in ("PL01", "PL03"):
        entries = schemas[form]["$defs"]["TaskId"]["oneOf"]
        assert [(e["const"], e["title"]) for e in entries] == [(t.id, t.title) for t in catalogue]
        for entry, task in zip(entries, catalogue, strict=True):
            assert task.title in spec_text
            assert entry["description"].endswith(task.lead)


def test_dates_are_format_checked(schemas: dict[str, dict[str, Any]]) -> None:
    validator = Draft202012Validator(
        schemas["PL02"], format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    figure = schemas["PL01"]["$defs"]["Figure"]["properties"]["as_of"]
    assert figure["format"] == "date"
    header = {"form": "PL02", "version": "1.0.1", "unit_code": "SO-TTTT"}
    assert validator.is_valid({"header": header})
    pl01 = Draft202012Validator(schemas["PL01"], format_checker=Draft202012Validator.FORMAT_CHECKER)
    date_schema = {"$ref": "#/$defs/Figure", "$defs": schemas["PL01"]["$defs"]}
    figures = Draft202012Validator(date_schema, format_checker=pl01.format_checker)
    assert figures.is_valid({"name": "x", "value": 1, "as_of": "2024-02-29"})
    assert not figures.is_valid({"name": "x", "value": 1, "as_of": "2023-02-29"})
    assert not figures.is_valid({"name": "x", "value": 1, "as_of": "29/02/2024"})


def _verdicts(form: str, schema: dict[str, Any], instance: dict[str, Any]) -> tuple[bool, bool]:
    data = json.dumps(instance).encode()
    try:
        load_report(data)
        model = True
    except (InvalidReportError, InputError):
        model = False
    return model, Draft202012Validator(schema).is_valid(instance)


@pytest.mark.parametrize("form", ["PL01", "PL04"])
def test_each_unit_must_answer_exactly_its_items(
    form: str, schemas: dict[str, dict[str, Any]]
) -> None:
    """For every PL01 unit (and a sample of communes) the schema's if/then requires exactly the
    leaves the model requires: all present is valid, any one missing is invalid, in both."""
    registry = get_registry()
    kinds = PL01_KINDS if form == "PL01" else {UnitKind.COMMUNE}
    units = registry.of_kind(*kinds)
    if form == "PL04":
        units = units[:: len(units) // 12]
    schema = schemas[form]
    for unit in units:
        header: dict[str, Any] = {
            "form": form,
            "version": FORMS[form].version,
            "unit_code": unit.code,
            "report_number": "1/BC",
            "report_date": "2023-08-14",
            "signer": {"title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
        }
        if form == "PL04":
            header["district_code"] = unit.parent
        required = [answer_key(leaf.id) for leaf in outline_for(unit).leaves_for(unit)]
        complete = {"header": header, "answers": {item: {} for item in required}}
        assert _verdicts(form, schema, complete) == (True, True), unit.code
        for item in required:
            answers = {i: {} for i in required if i != item}
            assert _verdicts(form, schema, {"header": header, "answers": answers}) == (
                False,
                False,
            ), (unit.code, item)


def test_vocabulary_is_the_x_keywords_used_and_documented(
    schemas: dict[str, dict[str, Any]],
) -> None:
    used = set()
    for schema in schemas.values():
        for _, node in walk(schema):
            used |= {key for key in node if key.startswith("x-")}
    assert used == set(VOCABULARY)
    docs = (ROOT / "docs" / "schemas.md").read_text(encoding="utf-8")
    for keyword in VOCABULARY:
        assert f"`{keyword}`" in docs
    index = json.loads((SCHEMAS / "index.json").read_bytes())
    assert index["vocabulary"] == VOCABULARY


def test_index_lists_every_published_schema() -> None:
    index = json.loads((SCHEMAS / "index.json").read_bytes())
    listed = {
        v["path"]: v["$id"]
        for entry in (*index["forms"], *index["documents"])
        for v in entry["versions"]
    }
    assert {SCHEMAS / path for path in listed} == set(SCHEMA_FILES)
    assert [d["document"] for d in index["documents"]] == ["CONSOLIDATION"]
    for path, id_ in listed.items():
        assert _load(SCHEMAS / path)["$id"] == id_
    assert [f["form"] for f in index["forms"]] == list(FORMS)


def test_generation_is_deterministic() -> None:
    assert form_schema("PL04") == form_schema("PL04")
    assert json.dumps(form_schema("PL01")) == json.dumps(_load(CURRENT["PL01"]))
