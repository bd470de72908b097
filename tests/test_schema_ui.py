"""UI schemas for react-jsonschema-form and JSON Forms, and the messages in Vietnamese, shipped
beside the schemas (issue 12, deliverables 3 and 4); checked here without a browser (the browser
tests render them: ``test_forms_browser.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from sokets.forms import FORMS
from sokets.schema import form_schema
from sokets.schema._walk import walk
from sokets.schema.folder import UI_SCHEMAS, ui_schema_path
from sokets.schema.messages import FORMATS, TYPES, messages, unworded
from sokets.schema.ui import (
    CONTROLS_PER_PAGE,
    NARRATIVE,
    PLACEHOLDERS,
    jsonforms_ui_schema,
    rjsf_ui_schema,
)
from sokets.schema.unit import unit_schema
from tests.schema.support import SCHEMAS

#: The forms' schemas, and the unit schemas of a department, a district and a commune.
SCHEMAS_UNDER_TEST: dict[str, dict[str, Any]] = {
    **{form: form_schema(form) for form in FORMS},
    "SO-YT": unit_schema("SO-YT"),
    "412": unit_schema("412"),
    "16705": unit_schema("16705"),
    "SO-TTTT-PL03": unit_schema("SO-TTTT", "PL03"),
}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {
            **schema["$defs"][node["$ref"][8:]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    return node


def _objects(
    schema: dict[str, Any], node: dict[str, Any], ui: dict[str, Any]
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Every object schema of a form with the RJSF uiSchema at the same place."""
    node = _resolve(schema, node)
    if node.get("type") == "object" and "properties" in node:
        yield node, ui
        for name, prop in node["properties"].items():
            yield from _objects(schema, prop, ui.get(name, {}))
    elif node.get("type") == "array" and isinstance(node.get("items"), dict):
        yield from _objects(schema, node["items"], ui.get("items", {}))


@pytest.mark.parametrize("name", SCHEMAS_UNDER_TEST)
def test_rjsf_orders_every_object_and_marks_its_fields(name: str) -> None:
    schema = SCHEMAS_UNDER_TEST[name]
    ui = rjsf_ui_schema(schema)
    seen = 0
    for node, part in _objects(schema, schema, ui):
        seen += 1
        assert sorted(part["ui:order"]) == sorted(node["properties"])  # RJSF refuses a mismatch
        for field, prop in node["properties"].items():
            resolved = _resolve(schema, prop)
            if "const" in prop:
                assert part[field] == {"ui:readonly": True}
            elif "oneOf" in resolved:
                placeholder = PLACEHOLDERS[prop["$ref"][8:]]
                assert part[field] == {"ui:placeholder": placeholder}
            elif field in NARRATIVE and resolved.get("type") == "string":
                assert part[field]["ui:widget"] == "textarea", field
    assert seen >= 3
    assert ui["ui:submitButtonOptions"] == {"submitText": "Gửi báo cáo"}


@pytest.mark.parametrize("name", ["PL01", "PL04", "SO-YT", "16705"])
def test_rjsf_shows_each_heading_with_its_guidance_above_its_first_item(name: str) -> None:
    schema = SCHEMAS_UNDER_TEST[name]
    answers = _resolve(schema, schema["properties"]["answers"])
    ui = rjsf_ui_schema(schema)["answers"]
    text = "\n".join(ui[key]["ui:description"] for key in ui["ui:order"])
    unescaped = text.replace("\\", "")
    positions = [unescaped.index(group["title"]) for group in answers["x-groups"]]
    assert positions == sorted(positions)  # in the plan's order, each once
    for group in answers["x-groups"]:
        assert unescaped.count(group["title"]) == 1
        if "description" in group:
            assert group["description"] in unescaped
    for key, prop in answers["properties"].items():
        item = ui[key]
        assert item["ui:title"] == "" and item["ui:enableMarkdownInDescription"] is True
        assert f"**{prop['title']}**" in item["ui:description"].replace("\\", "")


def _controls(element: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if element.get("type") == "Control":
        yield element
    for child in element.get("elements", []):
        yield from _controls(child)


def _scope_node(schema: dict[str, Any], scope: str) -> dict[str, Any]:
    node = schema
    for token in scope.removeprefix("#/").split("/")[1::2]:
        node = _resolve(schema, node)["properties"][token]
    return _resolve(schema, node)


def _values(schema: dict[str, Any], node: dict[str, Any], scope: str = "#") -> Iterator[str]:
    """The scope of every value a form asks for: each non-object property, recursively."""
    for name, prop in _resolve(schema, node).get("properties", {}).items():
        resolved = _resolve(schema, prop)
        if resolved.get("type") == "object" and "properties" in resolved:
            yield from _values(schema, resolved, f"{scope}/properties/{name}")
        else:
            yield f"{scope}/properties/{name}"


@pytest.mark.parametrize("name", SCHEMAS_UNDER_TEST)
def test_jsonforms_has_one_control_per_value_in_outline_groups(name: str) -> None:
    schema = SCHEMAS_UNDER_TEST[name]
    ui = jsonforms_ui_schema(schema)
    controls = list(_controls(ui))
    scopes = [control["scope"] for control in controls]
    assert sorted(scopes) == sorted(_values(schema, schema))  # every value once, nothing else
    for control in controls:
        node = _scope_node(schema, control["scope"])
        field = control["scope"].rsplit("/", 1)[-1]
        if "const" in node:
            assert control["options"] == {"readonly": True}
        elif field in NARRATIVE and node.get("type") == "string":
            assert control["options"] == {"multi": True}
    if "answers" in schema["properties"]:
        answers = _resolve(schema, schema["properties"]["answers"])
        labels = json.dumps(ui, ensure_ascii=False)
        for group in answers["x-groups"]:
            assert json.dumps(group["title"], ensure_ascii=False) in labels


def test_the_shipped_ui_schemas_are_those_of_the_forms_schemas() -> None:
    index = json.loads((SCHEMAS / "index.json").read_bytes())
    for entry in index["forms"]:
        schema = form_schema(entry["form"])
        for library, (_, generate) in UI_SCHEMAS.items():
            path = ui_schema_path(entry["form"], entry["current"], library)
            assert entry["ui"][library] == path
            assert json.loads((SCHEMAS / path).read_bytes()) == generate(schema)
    assert index["messages"] == "messages.json"
    assert json.loads((SCHEMAS / "messages.json").read_bytes()) == messages()


@pytest.mark.parametrize("name", SCHEMAS_UNDER_TEST)
def test_every_keyword_type_and_format_has_a_message(name: str) -> None:
    schema = SCHEMAS_UNDER_TEST[name]
    assert unworded(schema) == set()
    for _, node in walk(schema):
        if "type" in node:
            assert node["type"] in TYPES
        if "format" in node:
            assert node["format"] in FORMATS
    words = messages()
    for section in ("keywords", "types", "formats", "rjsf", "jsonforms"):
        for entry in words[section].values():
            assert set(entry) == {"vi", "en"} and all(entry.values())


def test_the_command_prints_a_units_ui_schema(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from sokets.cli.main import main

    for library, (_, generate) in UI_SCHEMAS.items():
        assert main(["schema", "export", "--unit", "16705", "--ui", library]) == 0
        out, _ = capsysbinary.readouterr()
        assert json.loads(out) == generate(unit_schema("16705"))
    assert main(["schema", "export", "--ui", "rjsf"]) == 2  # --ui goes with --unit


@pytest.mark.parametrize("name", SCHEMAS_UNDER_TEST)
def test_defaults_are_only_what_a_report_must_hold(name: str) -> None:
    """Form libraries write defaults into the data: only constants (their value) and required
    objects (``{}``) have one, so that nothing optional is invented."""
    schema = SCHEMAS_UNDER_TEST[name]
    for _, node in walk(schema):
        for field, prop in node.get("properties", {}).items():
            if not isinstance(prop, dict) or "default" not in prop:
                continue
            if "const" in prop:
                assert prop["default"] == prop["const"]
            else:
                assert prop["default"] == {} and field in node.get("required", []), field
                assert _resolve(schema, prop)["type"] == "object"
    assert schema["properties"]["header"]["default"] == {}


@pytest.mark.parametrize("name", ["PL01", "PL04", "SO-YT", "412", "16705"])
def test_jsonforms_shows_a_report_a_section_per_page(name: str) -> None:
    """A page for the header, one per section of the outline (split past CONTROLS_PER_PAGE:
    JSON Forms updates every control of the page at each keystroke), one per table; every
    answer on exactly one page, in the plan's order."""
    schema = SCHEMAS_UNDER_TEST[name]
    ui = jsonforms_ui_schema(schema)
    assert ui["type"] == "Categorization"
    pages = ui["elements"]
    assert all(page["type"] == "Category" and page["label"] for page in pages)
    assert pages[0]["label"] == _resolve(schema, schema["properties"]["header"])["title"]
    answers = "#/properties/answers/properties/"
    order = []
    for page in pages:
        scopes = [c["scope"] for c in _controls(page)]
        assert len(scopes) <= CONTROLS_PER_PAGE, page["label"]
        order.extend(
            dict.fromkeys(s[len(answers) :].split("/")[0] for s in scopes if s.startswith(answers))
        )
    assert order == list(_resolve(schema, schema["properties"]["answers"])["properties"])
    tables = [p["label"] for p in pages if p["label"].startswith("Phụ lục")]
    assert tables == (
        ["Phụ lục 02", "Phụ lục 03"] if schema["properties"].get("appendix_pl02") else []
    )
    assert jsonforms_ui_schema(form_schema("PL03"))["type"] == "VerticalLayout"  # a table alone


def test_the_messages_snippet_of_the_docs_is_the_one_the_browser_tests_run() -> None:
    root = SCHEMAS.parent
    snippet = (root / "tests" / "web" / "messages.js").read_text(encoding="utf-8")
    assert f"```js\n{snippet}```" in (root / "docs" / "schemas.md").read_text(encoding="utf-8")
