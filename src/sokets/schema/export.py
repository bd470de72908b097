"""JSON Schemas (draft 2020-12) of the forms, generated from the Pydantic models.

Each form version gets one self-contained schema: its parts are ``$defs`` of the same document,
named after the models (``Answer``, ``Figure``, ``Pl01Header``…, never ``-Input``/``-Output``:
the schemas are generated in validation mode only), and its ``$id`` is
``urn:sokets:schema:<form>:<version>``. Titles and descriptions are Vietnamese, in the plan's words.

What the schema says is what the model enforces: strict types, no unknown properties, no
``null``, unit codes of the form's kind and task ids as enumerations (``oneOf`` of ``const`` and
``title``), ``format: date`` for dates, and — with ``if``/``then`` on the unit code — which outline
items each unit's report must contain (and, for a commune, which district it names: stricter
than the model, which leaves that to the rule R003). Rules the model does not enforce stay out
of the schema.

Layout hints for form builders are annotations (they never change validation), listed in
:data:`VOCABULARY`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from sokets.forms import FORMS, FormSpec, form_spec
from sokets.models.answers import answer_key
from sokets.outline import Outline, OutlineItem
from sokets.plan import PLAN
from sokets.schema._walk import walk
from sokets.units import Unit, UnitKind, get_registry

#: The JSON Schema dialect of every exported schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Prefix of every schema ``$id``.
ID_PREFIX = "urn:sokets:schema"

#: The ``x-`` keywords of sokets schemas and what they mean. All are annotations.
VOCABULARY: dict[str, str] = {
    "x-order": (
        "On an object schema: its property names in display order (the plan's order), for "
        "libraries and languages whose JSON objects do not keep member order."
    ),
    "x-item": (
        "On an answer property: the id of the outline item it answers, in the plan's numbering "
        "(A.II.3.b6, 3.a.b7); the property name is that id as a JSON key (A_II_3_b6, m3_a_b7)."
    ),
    "x-group": (
        "On an answer property: the id of the outline heading it sits under (an id in the "
        "enclosing schema's x-groups); absent for an item at the top of the outline."
    ),
    "x-groups": (
        "On an answer set: the outline headings in the plan's order, each {id, title, "
        "description?, parent?}, for rendering the answers as nested sections."
    ),
    "x-applies-to": (
        "On an answer property: the plan's words for who must answer the item (the rule itself "
        "is an if/then under the schema's dependentSchemas/header)."
    ),
}

_PROPERTY_PARTS = (
    "$schema",
    "$id",
    "$ref",
    "const",
    "title",
    "description",
    "$comment",
    "type",
    "enum",
    "oneOf",
    "format",
    "default",
    "x-item",
    "x-group",
    "x-applies-to",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "x-order",
    "x-groups",
    "if",
    "then",
    "allOf",
    "dependentSchemas",
    "$defs",
)

# Vietnamese title and description of each hand-written model, by $defs name.
_DEF_TEXT: dict[str, tuple[str, str]] = {
    "Answer": (
        "Trả lời một mục của đề cương",
        "Kết quả thực hiện, cụ thể hóa bằng các số liệu, trường hợp điển hình; những tồn tại, "
        "vướng mắc, nguyên nhân; kiến nghị, đề xuất.",
    ),
    "Figure": ("Số liệu", "Một số liệu: tên, giá trị, đơn vị tính và ngày tính đến."),
    "Ratio": (
        "Tỷ lệ",
        "Tử số, mẫu số và tỷ lệ (%) do đơn vị ghi trong báo cáo; tỷ lệ không có số đếm (ước tính) "
        "có thể chỉ ghi tỷ lệ (%); để trống cả ba là chưa ghi tỷ lệ.",
    ),
    "Signer": ("Người ký", "Thẩm quyền ký (TM., KT.), chức vụ và họ và tên người ký."),
    "Pl01Header": (
        "Thông tin chung của báo cáo theo Phụ lục 01",
        "Mã biểu mẫu, phiên bản, đơn vị báo cáo, số và ngày báo cáo, địa danh, người ký, nơi nhận.",
    ),
    "Pl04Header": (
        "Thông tin chung của báo cáo theo Phụ lục 04",
        "Mã biểu mẫu, phiên bản, UBND cấp xã báo cáo và UBND cấp huyện, số và ngày báo cáo, "
        "địa danh, người ký, nơi nhận.",
    ),
    "Pl02Header": ("Thông tin chung của Phụ lục 02", "Mã biểu mẫu, phiên bản, đơn vị báo cáo."),
    "Pl03Header": ("Thông tin chung của Phụ lục 03", "Mã biểu mẫu, phiên bản, đơn vị báo cáo."),
    "Pl02Row": (
        "Một nhiệm vụ chung được giao (một dòng của Phụ lục 02)",
        "Nội dung công việc, kết quả thực hiện từ tháng 8 năm 2022 đến nay, khó khăn, vướng "
        "mắc, nguyên nhân, đề xuất phương hướng khắc phục.",
    ),
    "Pl03Row": (
        "Một nhiệm vụ cụ thể được giao (một dòng của Phụ lục 03)",
        "Mã nhiệm vụ trong Phụ lục 03 (tên nhiệm vụ và đơn vị chủ trì lấy theo danh mục), kết "
        "quả thực hiện từ tháng 8 năm 2022 đến nay, khó khăn, vướng mắc, nguyên nhân, đề xuất "
        "phương hướng khắc phục.",
    ),
    "Pl01Answers": (
        "Trả lời đề cương Phụ lục 01",
        "Trả lời từng mục của đề cương, theo thứ tự của Kế hoạch.",
    ),
    "Pl04Answers": (
        "Trả lời đề cương Phụ lục 04",
        "Trả lời từng mục của đề cương, theo thứ tự của Kế hoạch.",
    ),
}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator without ``"default": null``: an omitted field is not ``null``."""

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if "default" in json_schema and json_schema["default"] is None:
            del json_schema["default"]
        return json_schema


def schema_id(form_id: str, version: str) -> str:
    """The ``$id`` of a form version's schema: ``urn:sokets:schema:PL01:1.0.0``."""
    return f"{ID_PREFIX}:{form_id}:{version}"


def schema_path(form_id: str, version: str) -> str:
    """The schema's path inside the schemas folder: ``PL01/1.0.0.schema.json``."""
    return f"{form_id}/{version}.schema.json"


def form_schema(form_id: str) -> dict[str, Any]:
    """The JSON Schema of the current version of a form.

    Raises :class:`~sokets.errors.InputError` for an unknown form id, and :class:`LookupError`
    when a model has no Vietnamese title here (a new model needs one in ``_DEF_TEXT``).
    """
    spec = form_spec(form_id)
    raw = spec.model.model_json_schema(mode="validation", schema_generator=_Generator)
    defs: dict[str, Any] = raw.pop("$defs", {})
    for node in [raw, *defs.values()]:
        _hoist_codelists(node, defs)
    _retitle(defs, spec)
    _describe_columns(defs)
    if "Ratio" in defs:
        _rate_for_forms(defs["Ratio"])
    outline = spec.outline() if spec.outline is not None else None
    rules: list[dict[str, Any]] = []
    required = list(raw.get("required", []))
    if outline is not None:
        answer_set = defs[_answer_set(spec).__name__]
        always, rules, every_unit_answers = _answer_rules(spec, outline, answer_set)
        _annotate_answers(answer_set, outline, always)
        if every_unit_answers:
            required.append("answers")
        else:
            for rule in rules:
                rule["then"]["required"] = ["answers"]
    properties = raw["properties"]
    for name, prop in properties.items():
        _title_from_ref(prop, defs, name)
    for definition in defs.values():
        for name, prop in definition.get("properties", {}).items():
            _title_from_ref(prop, defs, name)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(spec.id, spec.version),
        "title": f"{spec.appendix}: {spec.title}",
        "description": _form_description(outline),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": raw.get("additionalProperties", True),
    }
    # Rules on the unit code sit under dependentSchemas of a property every report has: for a
    # validator the same as allOf (the property is required), and left alone by
    # react-jsonschema-form, which merges a root allOf into the form and then writes an empty
    # answer for every item of every rule on the first edit.
    if rules:
        schema["dependentSchemas"] = {"header": {"allOf": rules}}
    if spec.id == "PL04":
        defs["Pl04Header"]["dependentSchemas"] = {"unit_code": {"allOf": _district_rules()}}
    schema["$defs"] = {name: defs[name] for name in sorted(defs)}
    form_builder_defaults(schema)
    _add_order(schema)
    ordered: dict[str, Any] = _ordered(schema)
    return ordered


#: Documents sokets writes that are not a unit's form: id → (version, model, title).
DOCUMENTS: dict[str, tuple[str, str, str]] = {
    "CONSOLIDATION": (
        "1.0.0",
        "sokets.consolidation.model:Consolidation",
        "Tổng hợp báo cáo sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND",
    ),
}


def document_schema(document_id: str) -> dict[str, Any]:
    """The JSON Schema of a document sokets writes (:data:`DOCUMENTS`: the consolidation).

    Generated like the forms' (validation mode, no ``"default": null``, ``x-order``), with the
    models' own titles and descriptions.
    """
    import importlib

    version, path, title = DOCUMENTS[document_id]
    module, _, name = path.partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), name)
    raw = model.model_json_schema(mode="validation", schema_generator=_Generator)
    defs: dict[str, Any] = raw.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(document_id, version),
        "title": title,
        "description": (model.__doc__ or "").strip(),
        "type": "object",
        "properties": raw["properties"],
        "required": raw.get("required", []),
        "additionalProperties": raw.get("additionalProperties", True),
        "$defs": {key: defs[key] for key in sorted(defs)},
    }
    _add_order(schema)
    ordered: dict[str, Any] = _ordered(schema)
    return ordered


def form_schemas(forms: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The current schema of each form (all forms by default), by form id."""
    return {form_id: form_schema(form_id) for form_id in (forms or FORMS)}


def dumps(schema: dict[str, Any]) -> bytes:
    """A schema as committed: UTF-8 JSON, 2-space indent, non-ASCII kept, final newline."""
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- helpers -------------------------------------------------------------------------------


def _hoist_codelists(root: dict[str, Any], defs: dict[str, Any]) -> None:
    """Move each inline code list (marked ``x-codelist`` by the models) to ``$defs``."""
    for _, node in list(walk(root)):
        meta = node.pop("x-codelist", None)
        if meta is None:
            continue
        definition = {"title": meta["title"], "type": node.pop("type"), "oneOf": node.pop("oneOf")}
        name = meta["name"]
        if defs.setdefault(name, definition) != definition:
            raise ValueError(f"two different code lists are both named {name!r}")
        node["$ref"] = f"#/$defs/{name}"


def _answer_set(spec: FormSpec) -> type[BaseModel]:
    (model,) = _models_in(spec.model.model_fields["answers"].annotation)
    return model


def _generated_texts(spec: FormSpec) -> dict[str, str]:
    """Titles of the models generated from the outline (their docstrings are Vietnamese)."""
    texts: dict[str, str] = {}
    if spec.outline is None:
        return texts
    for info in _answer_set(spec).model_fields.values():
        for answer in _models_in(info.annotation):
            indicators = answer.model_fields.get("indicators")
            if indicators is None:
                continue
            texts[answer.__name__] = (answer.__doc__ or "").strip()
            for group in _models_in(indicators.annotation):
                texts[group.__name__] = (group.__doc__ or "").strip()
    return texts


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    candidates = [annotation, *get_args(annotation)]
    return [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]


def _retitle(defs: dict[str, Any], spec: FormSpec) -> None:
    generated = _generated_texts(spec)
    for name, definition in defs.items():
        if name in _DEF_TEXT:
            definition["title"], definition["description"] = _DEF_TEXT[name]
        elif name in generated:
            definition["title"] = generated[name]
            definition.pop("description", None)
        elif "oneOf" not in definition:  # code lists carry their own title
            raise LookupError(f"no Vietnamese title for $defs/{name}: add one to _DEF_TEXT")


def _describe_columns(defs: dict[str, Any]) -> None:
    """Give table columns whose printed header says more than the field title that header."""
    from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS

    for name, columns in (("Pl02Row", PL02_COLUMNS), ("Pl03Row", PL03_COLUMNS)):
        properties = defs.get(name, {}).get("properties", {})
        for field, header in columns:
            prop = properties.get(field)
            if prop is not None and prop.get("title") != header and "description" not in prop:
                prop["description"] = header


def _title_from_ref(prop: dict[str, Any], defs: dict[str, Any], name: str) -> None:
    if "title" in prop:
        return
    ref = prop.get("$ref", "")
    target = defs.get(ref.removeprefix("#/$defs/")) if ref.startswith("#/$defs/") else None
    if target is None or "title" not in target:
        raise LookupError(f"property {name!r} has no title")
    prop["title"] = target["title"]


def _form_description(outline: Outline | None) -> str:
    day = PLAN.date
    parts = [
        f"Kèm theo Kế hoạch số {PLAN.number} ngày {day.day}/{day.month}/{day.year} của "
        f"{PLAN.issuer}."
    ]
    if outline is not None and outline.note:
        parts.append(outline.note)
    return " ".join(parts)


def _form_units(spec: FormSpec) -> list[Unit]:
    return [unit for unit in get_registry() if unit.form == spec.id]


def _answer_rules(
    spec: FormSpec, outline: Outline, answer_set: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]], bool]:
    """Which leaves every unit must answer, the ``if``/``then`` rules for the others, and
    whether every unit of the form must answer at least one leaf.

    A rule's ``then`` repeats the ``$ref`` and title of each item it requires: Ajv's strict mode
    wants a required property defined next to ``required``, and a message about a missing item
    names it by its title.
    """
    units = _form_units(spec)
    codes = [unit.code for unit in units]
    always: list[str] = []
    groups: dict[tuple[str, ...], list[OutlineItem]] = {}
    for leaf in outline.leaves():
        who = tuple(u.code for u in units if leaf.applicability.applies_to(u))
        if who == tuple(codes):
            always.append(answer_key(leaf.id))
        elif who:
            groups.setdefault(who, []).append(leaf)
    rules = []
    for who, leaves in groups.items():
        labels = list(dict.fromkeys(leaf.applicability.label for leaf in leaves))
        rules.append(
            {
                "description": (
                    f"{'; '.join(labels)} phải trả lời các mục: "
                    f"{', '.join(leaf.id for leaf in leaves)}"
                ),
                "if": {
                    "type": "object",
                    "required": ["header"],
                    "properties": {
                        "header": {
                            "type": "object",
                            "required": ["unit_code"],
                            "properties": {"unit_code": {"enum": list(who)}},
                        }
                    },
                },
                "then": {
                    "type": "object",
                    "properties": {
                        "answers": {
                            "type": "object",
                            "properties": {
                                answer_key(leaf.id): {
                                    key: answer_set["properties"][answer_key(leaf.id)][key]
                                    for key in ("$ref", "title")
                                }
                                for leaf in leaves
                            },
                            "required": [answer_key(leaf.id) for leaf in leaves],
                        }
                    },
                },
            }
        )
    covered = set().union(*groups) if groups else set()
    every_unit_answers = bool(always) or covered == set(codes)
    return always, rules, every_unit_answers


_ANSWER_KEYS = (
    "One property per outline item, keyed by the item id with '_' for '.' and 'm' before an id "
    "that starts with a digit (A.II.2.b1: A_II_2_b1; 3.a.b3: m3_a_b3; 2: m2); x-item gives the id."
)


def _annotate_answers(definition: dict[str, Any], outline: Outline, always: list[str]) -> None:
    """Add the outline's headings, each item's heading and who answers it, and the items every
    unit must answer, to an answer-set schema."""
    parents: dict[str, str] = {}
    groups: list[dict[str, Any]] = []
    for item in outline.walk():
        for child in item.children:
            parents[child.id] = item.id
        if item.children:
            group: dict[str, Any] = {"id": item.id, "title": _item_title(item)}
            if item.guidance:
                group["description"] = item.guidance
            if item.id in parents:
                group["parent"] = parents[item.id]
            groups.append(group)
    properties = definition["properties"]
    for leaf in outline.leaves():
        prop = properties[answer_key(leaf.id)]
        prop["x-item"] = leaf.id
        if leaf.id in parents:
            prop["x-group"] = parents[leaf.id]
        prop["x-applies-to"] = leaf.applicability.label
    if always:
        definition["required"] = always
    definition["x-groups"] = groups
    definition["$comment"] = _ANSWER_KEYS


def _rate_for_forms(ratio: dict[str, Any]) -> None:
    """The rate of a form's schema, as form libraries can show it (the model's semantics).

    ``{}`` is a rate not given (the indicators drop it: what a form leaves when a clerk clears
    the numbers), so no ``minProperties``. Numerator and denominator come together: said with
    ``dependentSchemas`` (each term requires the other) rather than ``dependentRequired``, so
    that a missing term is a ``required`` error at that term, which react-jsonschema-form and
    JSON Forms show beside its field (JSON Forms shows a ``dependentRequired`` error nowhere);
    the subschema repeats the term's title for the message to name it. Not ``if``/``then``:
    react-jsonschema-form then writes an empty rate into every answer on the first edit.
    """
    ratio.pop("minProperties", None)
    together: dict[str, list[str]] = ratio.pop("dependentRequired")
    ratio["dependentSchemas"] = {
        term: {
            "type": "object",
            "required": together[term],
            "properties": {
                other: {"title": ratio["properties"][other]["title"]} for other in together[term]
            },
        }
        for term in ("numerator", "denominator")
    }


def _district_rules() -> list[dict[str, Any]]:
    """A commune's report names the commune's own district: one ``if``/``then`` per district
    (``if`` the unit is one of its communes, ``then`` ``district_code`` is that district).

    Stricter than the model, which reads such a report and leaves the pairing to the rule R003
    (an error): a form must not let a clerk pair a commune with another district.
    """
    registry = get_registry()
    rules = []
    for district in registry.of_kind(UnitKind.DISTRICT):
        communes = [unit.code for unit in registry.children(district.code)]
        if not communes:
            continue
        rules.append(
            {
                "description": f"Xã thuộc {district.name}: mã UBND cấp huyện là {district.code}",
                "if": {
                    "type": "object",
                    "required": ["unit_code"],
                    "properties": {"unit_code": {"enum": communes}},
                },
                "then": {
                    "type": "object",
                    "properties": {"district_code": {"const": district.code}},
                },
            }
        )
    return rules


def form_builder_defaults(schema: dict[str, Any]) -> None:
    """Set the ``default``s of a form's schema (in place) for what form libraries do with them.

    Form libraries write defaults into the data: react-jsonschema-form as soon as a form is
    shown, JSON Forms through Ajv's ``useDefaults``. The models' defaults (``""`` for a text,
    ``[]`` for a list) only say what an omitted field means; as schema defaults, they made every
    optional answer appear (answers to items that do not apply, R007) and changed reports read
    from a file. So they are dropped, and only what a report must hold anyway gets a default: a
    constant its value (``header.form``, ``header.version``, a unit's own code), a required
    object ``{}`` (the header, the answers a unit must give), so that a form that starts empty
    creates them as a clerk types and sends a complete report.
    """
    for _, node in walk(schema):
        node.pop("default", None)
        if "const" in node and "type" in node:
            node["default"] = node["const"]
    defs = schema.get("$defs", {})
    for node in _shown(schema):  # not in the rules' if/then: their defaults are ignored
        for name in node.get("required", ()):
            prop = node.get("properties", {}).get(name)
            target = prop
            while isinstance(target, dict) and "$ref" in target:
                target = defs.get(target["$ref"].removeprefix("#/$defs/"))
            if isinstance(target, dict) and target.get("type") == "object":
                prop["default"] = {}


def _shown(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The object schemas a form shows: the root, its definitions, their properties and items
    (not the subschemas of rules)."""
    yield node
    subschemas = [*node.get("properties", {}).values(), *node.get("$defs", {}).values()]
    if isinstance(node.get("items"), dict):
        subschemas.append(node["items"])
    for sub in subschemas:
        yield from _shown(sub)


def _add_order(node: dict[str, Any]) -> None:
    """``x-order`` on every object schema of the form (not on the rules' ``if``/``then``)."""
    for shown in _shown(node):
        if "properties" in shown:
            shown["x-order"] = list(shown["properties"])


def _item_title(item: OutlineItem) -> str:
    return item.title if item.number in ("-", "+") else f"{item.number} {item.title}"


def _ordered(node: Any) -> Any:
    """Keys of every schema object in a fixed, readable order (property names untouched)."""
    if isinstance(node, list):
        return [_ordered(value) for value in node]
    if not isinstance(node, dict):
        return node
    rank = {key: i for i, key in enumerate(_PROPERTY_PARTS)}
    keys = sorted(node, key=lambda k: rank.get(k, len(rank)))
    out: dict[str, Any] = {}
    for key in keys:
        value = node[key]
        if key in ("properties", "$defs"):
            out[key] = {name: _ordered(sub) for name, sub in value.items()}
        elif key in ("x-groups", "x-order", "required", "enum", "const", "default"):
            out[key] = value
        else:
            out[key] = _ordered(value)
    return out
