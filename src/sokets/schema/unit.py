"""The schema of one unit's report: the form's schema narrowed to what that unit fills in.

A form's schema (:func:`~sokets.schema.export.form_schema`) serves every unit of the form: a
drop-down of units, every outline item, ``if``/``then`` rules saying which items a unit must
answer. A web form for one unit needs none of that. :func:`unit_schema` derives, from the same
schema, the one of a unit's report:

* ``header.unit_code`` (and a commune's ``district_code``) a constant, its value as default;
* the answers to the items the unit must answer, all required, and no others;
* the Phụ lục 03 rows limited to the unit's tasks;
* no rules on the unit code (``allOf``, ``if``/``then``), and only the ``$defs`` still referenced.

Every instance it accepts is accepted by the form's schema (it only narrows); its ``$id`` is the
form's followed by ``:unit:<code>``.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from sokets.catalogue import get_catalogue
from sokets.forms import form_spec
from sokets.models.answers import answer_key
from sokets.outline import applicable_leaves
from sokets.schema._walk import walk
from sokets.schema.export import form_builder_defaults, form_schema
from sokets.units import Unit, get_registry

#: Forms a unit of each report form may fill in on their own (PL01 units send their tables too).
_FORMS_OF: dict[str, tuple[str, ...]] = {"PL01": ("PL01", "PL02", "PL03"), "PL04": ("PL04",)}


def unit_forms(unit: Unit) -> tuple[str, ...]:
    """The forms ``unit`` fills in: its report's, then the tables it may send on their own."""
    return _FORMS_OF.get(unit.form or "", ())


def unit_schema(unit: Unit | str, form: str | None = None) -> dict[str, Any]:
    """The JSON Schema of ``unit``'s ``form`` (by default the form of its report).

    ``unit`` is a :class:`~sokets.units.Unit`, or a code or name the registry resolves. Raises
    :class:`KeyError` for a name that names no unit (the registry's ``lookup``), and
    :class:`ValueError` for a unit without a report of its own (a subunit) or a form the unit
    does not fill in (a commune has no Phụ lục 03).
    """
    if isinstance(unit, str):
        unit = get_registry().lookup(unit)
    forms = unit_forms(unit)
    if not forms:
        raise ValueError(
            f"{unit.name} ({unit.code}) không có báo cáo riêng / reports through its parent unit"
        )
    form = form or forms[0]
    if form not in forms:
        raise ValueError(
            f"{unit.name} ({unit.code}) không báo cáo theo {form} / does not fill in {form}; "
            f"its forms: {', '.join(forms)}"
        )
    return _narrowed(unit.code, form)


@cache
def _full(form: str) -> dict[str, Any]:
    return form_schema(form)


@cache
def _narrowed_cached(code: str, form: str) -> dict[str, Any]:
    unit = get_registry().get(code)
    spec = form_spec(form)
    schema = copy.deepcopy(_full(form))
    defs: dict[str, Any] = schema["$defs"]
    schema["$id"] = f"{schema['$id']}:unit:{unit.code}"
    schema["title"] = f"{schema['title']} — {get_registry().display_name(unit)}"
    schema.pop("dependentSchemas", None)  # the rules on the unit code
    header = defs[_ref_name(schema["properties"]["header"])]
    header.pop("dependentSchemas", None)
    _constant(header["properties"], "unit_code", unit.code, unit.name)
    if "district_code" in header["properties"] and unit.parent is not None:
        _constant(
            header["properties"], "district_code", unit.parent, get_registry().get(unit.parent).name
        )
    if spec.outline is not None:
        answers = defs[_ref_name(schema["properties"]["answers"])]
        keys = [answer_key(leaf.id) for leaf in applicable_leaves(unit)]
        _keep_answers(answers, keys)
        if "answers" not in schema["required"]:
            schema["required"].append("answers")
    if "TaskId" in defs:
        tasks = {task.id for task in get_catalogue().tasks_for(unit)}
        defs["TaskId"]["oneOf"] = [o for o in defs["TaskId"]["oneOf"] if o["const"] in tasks]
    _prune_defs(schema)
    form_builder_defaults(schema)
    return schema


def _narrowed(code: str, form: str) -> dict[str, Any]:
    return copy.deepcopy(_narrowed_cached(code, form))


def _ref_name(prop: dict[str, Any]) -> str:
    ref: str = prop["$ref"]
    return ref.removeprefix("#/$defs/")


def _constant(properties: dict[str, Any], name: str, code: str, label: str) -> None:
    """Make ``properties[name]`` the constant ``code``, labelled with the unit's name."""
    old = properties[name]
    properties[name] = {
        "const": code,
        "title": old["title"],
        "description": label,
        "type": "string",
        "default": code,
    }


def _keep_answers(answers: dict[str, Any], keys: list[str]) -> None:
    """Keep only ``keys`` (in outline order) in an answer set's schema, all of them required,
    and only the headings above them."""
    properties = answers["properties"]
    answers["properties"] = {key: properties[key] for key in keys}
    answers["required"] = list(keys)
    answers["x-order"] = list(keys)
    groups = answers.get("x-groups", [])
    used = {prop["x-group"] for prop in answers["properties"].values() if "x-group" in prop}
    parents = {group["id"]: group.get("parent") for group in groups}
    for group_id in list(used):
        parent = parents.get(group_id)
        while parent is not None:
            used.add(parent)
            parent = parents.get(parent)
    answers["x-groups"] = [group for group in groups if group["id"] in used]


def _prune_defs(schema: dict[str, Any]) -> None:
    """Drop the ``$defs`` no longer referenced from the schema's own properties."""
    defs: dict[str, Any] = schema["$defs"]
    reached: set[str] = set()
    pending = [{k: v for k, v in schema.items() if k != "$defs"}]
    while pending:
        for _, node in walk(pending.pop()):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in reached:
                    reached.add(name)
                    pending.append(defs[name])
    schema["$defs"] = {name: value for name, value in defs.items() if name in reached}
