"""UI schemas for the two common web form libraries, derived from a form's JSON Schema.

A JSON Schema says what a report holds; a form library also needs to know how to lay it out. The
two UI schemas here are computed from the schema itself — its ``x-order``, the outline headings
of ``x-groups``/``x-group``, titles and descriptions, constants and code lists — so a form's
schema and a unit's (:func:`~sokets.schema.unit.unit_schema`) get theirs the same way, and the
plan's words are never written twice:

* :func:`rjsf_ui_schema` — the ``uiSchema`` of react-jsonschema-form: order, multi-line text
  areas for narrative answers, read-only constants (form, version, a unit's own code), a
  placeholder in every drop-down (no unit or task chosen in advance), each outline heading,
  with the plan's guidance, above the first item under it (markdown descriptions), and no
  description of a shared definition (a rate, a figure) repeated at each use;
* :func:`jsonforms_ui_schema` — the ``uischema`` of JSON Forms: a page per section of the
  outline (and for the header, and each table), nested groups following the outline inside, a
  label with the plan's guidance, multi-line controls, read-only constants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: Text fields that hold a narrative (results, difficulties, proposals…): multi-line inputs.
NARRATIVE = frozenset({"results", "difficulties", "proposals", "typical_cases", "task", "notes"})

#: Lines shown in an empty narrative text area.
TEXT_AREA_ROWS = 4

#: What a drop-down of each code list asks for before anything is chosen.
PLACEHOLDERS: dict[str, str] = {
    "Pl01UnitCode": "— Chọn đơn vị báo cáo —",
    "CommuneCode": "— Chọn UBND cấp xã —",
    "DistrictCode": "— Chọn UBND cấp huyện —",
    "TaskId": "— Chọn nhiệm vụ —",
}
_PLACEHOLDER = "— Chọn —"

#: Label of the button that submits the form.
SUBMIT_TEXT = "Gửi báo cáo"


# -- reading a schema --------------------------------------------------------------------------


class _Schema:
    """A form's schema, with ``$ref`` into its own ``$defs`` followed."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})

    def ref_name(self, node: dict[str, Any]) -> str | None:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return ref.removeprefix("#/$defs/")
        return None

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """``node`` with its ``$ref`` followed (the property's own keywords win)."""
        name = self.ref_name(node)
        if name is None:
            return node
        target = self.resolve(self.defs[name])
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}

    def properties(self, node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """The properties of an object schema, in ``x-order``."""
        properties: dict[str, Any] = node.get("properties", {})
        order = node.get("x-order", list(properties))
        return [(name, properties[name]) for name in _with_district_after_unit(order)]


def _with_district_after_unit(order: list[str]) -> list[str]:
    """A commune's district right after the commune, where a clerk looks for it."""
    if "district_code" not in order or "unit_code" not in order:
        return list(order)
    rest = [name for name in order if name != "district_code"]
    at = rest.index("unit_code") + 1
    return [*rest[:at], "district_code", *rest[at:]]


def _is_constant(node: dict[str, Any]) -> bool:
    return "const" in node and node.get("type") == "string"


def _code_list(schema: _Schema, node: dict[str, Any]) -> str | None:
    """The ``$defs`` name of the code list ``node`` chooses from, if it is a drop-down."""
    name = schema.ref_name(node)
    if name is not None and "oneOf" in schema.defs[name]:
        return name
    return None


def _is_narrative(name: str, node: dict[str, Any]) -> bool:
    if name not in NARRATIVE:
        return False
    items = node.get("items")
    return node.get("type") == "string" or (
        isinstance(items, dict) and items.get("type") == "string"
    )


def _headings(answers: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """The outline headings of an answer set (by id), and each answer's chain of headings from
    the top of the outline down to its own (by answer key)."""
    groups = {group["id"]: group for group in answers.get("x-groups", [])}
    chains: dict[str, list[str]] = {}
    for key, prop in answers.get("properties", {}).items():
        chain: list[str] = []
        group_id = prop.get("x-group")
        while group_id is not None and group_id in groups:
            chain.insert(0, group_id)
            group_id = groups[group_id].get("parent")
        chains[key] = chain
    return groups, chains


# -- react-jsonschema-form ---------------------------------------------------------------------

#: Characters markdown gives a meaning to, escaped in the plan's words.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def _markdown(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def rjsf_ui_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The react-jsonschema-form ``uiSchema`` of a form's (or a unit's) schema.

    Pass it with the schema: ``<Form schema={schema} uiSchema={uiSchema} …/>``. Outline headings
    are markdown descriptions (``ui:enableMarkdownInDescription``), so that each heading and its
    guidance stand above the first item under it.
    """
    reader = _Schema(schema)
    ui = _rjsf_object(reader, schema)
    ui["ui:submitButtonOptions"] = {"submitText": SUBMIT_TEXT}
    return ui


def _rjsf_object(reader: _Schema, node: dict[str, Any]) -> dict[str, Any]:
    properties = reader.properties(node)
    ui: dict[str, Any] = {"ui:order": [name for name, _ in properties]}
    answers = "x-groups" in node
    if answers:
        groups, chains = _headings(node)
        shown: set[str] = set()
    for name, prop in properties:
        child = _rjsf_node(reader, name, prop)
        if answers:
            headings = [groups[g] for g in chains.get(name, []) if g not in shown]
            shown.update(group["id"] for group in headings)
            child = {**child, **_rjsf_item(headings, prop)}
        if child:
            ui[name] = child
    return ui


def _rjsf_item(headings: list[dict[str, Any]], prop: dict[str, Any]) -> dict[str, Any]:
    """An outline item's answer: the headings it opens, then its own title and guidance, as one
    markdown description in place of the title."""
    blocks = []
    for depth, group in enumerate(headings):
        blocks.append(f"{'#' * min(3 + depth, 6)} {_markdown(group['title'])}")
        if group.get("description"):
            blocks.append(f"*{_markdown(group['description'])}*")
    blocks.append(f"**{_markdown(prop['title'])}**")
    if prop.get("description"):
        blocks.append(_markdown(prop["description"]))
    return {
        "ui:title": "",
        "ui:description": "\n\n".join(blocks),
        "ui:enableMarkdownInDescription": True,
    }


def _rjsf_node(reader: _Schema, name: str, prop: dict[str, Any]) -> dict[str, Any]:
    if _is_constant(prop):
        return {"ui:readonly": True}
    code_list = _code_list(reader, prop)
    if code_list is not None:
        return {"ui:placeholder": PLACEHOLDERS.get(code_list, _PLACEHOLDER)}
    node = reader.resolve(prop)
    kind = node.get("type")
    if kind == "object":
        ui = _rjsf_object(reader, node)
        if "$ref" in prop and "description" not in prop and node.get("description"):
            ui["ui:description"] = ""  # a shared definition's, repeated at every use
        return ui
    if kind == "array" and isinstance(node.get("items"), dict):
        items = node["items"]
        if _is_narrative(name, node):
            return {"items": _text_area()}
        child = _rjsf_node(reader, name, items)
        return {"items": child} if child else {}
    if _is_narrative(name, node):
        return _text_area()
    return {}


def _text_area() -> dict[str, Any]:
    return {"ui:widget": "textarea", "ui:options": {"rows": TEXT_AREA_ROWS}}


# -- JSON Forms --------------------------------------------------------------------------------


#: Most controls on one page of a report in JSON Forms: a section with more is split into its
#: subsections, grouped into pages up to this size. JSON Forms updates every control of the page
#: shown at each keystroke (about 0.4 ms each on two cores): 40 keep a keystroke near 25 ms.
CONTROLS_PER_PAGE = 40


def jsonforms_ui_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON Forms ``uischema`` of a form's (or a unit's) schema.

    A report is a ``Categorization``: one page for its header, one per section of the outline
    (split into its subsections past :data:`CONTROLS_PER_PAGE` controls), one per appended
    table; inside a page, nested groups follow the outline, with the plan's guidance as labels. A table alone
    (PL02, PL03) is one vertical layout. Every value has its own control (vanilla renderers have
    no renderer for a whole object); a list of objects (figures, table rows) is one control.
    Pass it with the schema: ``<JsonForms schema={schema} uischema={uischema} …/>``.
    """
    reader = _Schema(schema)
    if "answers" not in schema.get("properties", {}):
        return {"type": "VerticalLayout", "elements": _jf_members(reader, schema, "#")}
    pages: list[dict[str, Any]] = []
    for name, prop in reader.properties(schema):
        scope = f"#/properties/{name}"
        node = reader.resolve(prop)
        if "x-groups" in node:
            pages.extend(_jf_pages(_jf_sections(reader, node, scope)))
            continue
        elements = _jf_node(reader, name, prop, scope)
        if len(elements) == 1 and elements[0]["type"] == "Group":  # the page's label says it
            elements = elements[0]["elements"]
        pages.append({"type": "Category", "label": node.get("title", name), "elements": elements})
    return {"type": "Categorization", "elements": pages}


def _jf_members(reader: _Schema, node: dict[str, Any], scope: str) -> list[dict[str, Any]]:
    elements = []
    for name, prop in reader.properties(node):
        elements.extend(_jf_node(reader, name, prop, f"{scope}/properties/{name}"))
    return elements


def _jf_node(reader: _Schema, name: str, prop: dict[str, Any], scope: str) -> list[dict[str, Any]]:
    control: dict[str, Any] = {"type": "Control", "scope": scope}
    if _is_constant(prop):
        return [{**control, "options": {"readonly": True}}]
    node = reader.resolve(prop)
    if node.get("type") == "object" and "properties" in node:
        members = _jf_members(reader, node, scope)
        return [{"type": "Group", "label": node.get("title", name), "elements": members}]
    if _is_narrative(name, node) and node.get("type") == "string":
        return [{**control, "options": {"multi": True}}]
    return [control]


_BULLET = re.compile(r"[bp][0-9]+")


@dataclass
class _Section:
    """A heading or an item of the outline, as a JSON Forms group."""

    heading: dict[str, Any]  # the x-groups entry, or the answer property
    group: dict[str, Any]
    children: list[_Section] = field(default_factory=list)

    @property
    def controls(self) -> int:
        return sum(1 for _ in _controls(self.group))

    @property
    def number(self) -> str:
        """``"3."``, ``"a)"``, ``"II."``: how the title starts; ``""`` for a bullet (``b1``,
        ``p1`` in its outline id), whose title is its text."""
        ident = self.heading.get("x-item") or self.heading.get("id", "")
        if _BULLET.fullmatch(ident.rsplit(".", 1)[-1]):
            return ""
        return str(self.heading["title"].split(" ", 1)[0])


def _controls(element: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if element.get("type") == "Control":
        yield element
    for child in element.get("elements", []):
        yield from _controls(child)


def _jf_sections(reader: _Schema, answers: dict[str, Any], scope: str) -> list[_Section]:
    """The answers as nested sections, one per outline heading, in the plan's order."""
    groups, chains = _headings(answers)
    top: list[_Section] = []
    opened: dict[str, _Section] = {}
    for key, prop in reader.properties(answers):
        parent: _Section | None = None
        for group_id in chains.get(key, []):
            if group_id not in opened:
                heading = groups[group_id]
                group = {"type": "Group", "label": heading["title"], "elements": _guidance(heading)}
                opened[group_id] = _Section(heading, group)
                _attach(top, parent, opened[group_id])
            parent = opened[group_id]
        elements = _guidance(prop)
        node = reader.resolve(prop)
        for name, member in reader.properties(node):
            elements.extend(
                _jf_node(reader, name, member, f"{scope}/properties/{key}/properties/{name}")
            )
        _attach(
            top,
            parent,
            _Section(prop, {"type": "Group", "label": prop["title"], "elements": elements}),
        )
    return top


def _attach(top: list[_Section], parent: _Section | None, section: _Section) -> None:
    if parent is None:
        top.append(section)
    else:
        parent.children.append(section)
        parent.group["elements"].append(section.group)


@dataclass
class _Run:
    """Consecutive subsections of a split section, shown on one page."""

    sections: list[_Section]

    @property
    def controls(self) -> int:
        return sum(section.controls for section in self.sections)


def _jf_pages(
    sections: list[_Section], parent: tuple[str, _Section] | None = None
) -> list[dict[str, Any]]:
    """A page per section of the outline; a section of more than :data:`CONTROLS_PER_PAGE`
    controls is split: its subsections are grouped, in order, into pages up to that size.

    ``parent`` is the split section with its page label. A page of numbered subsections is
    labelled with the parent's number and their titles (``3. b) Về kinh tế số:; c) Về xã hội
    số:``), a page of bullets with the parent's label and its place (``… (1/2)``); the first page
    of a split section shows the section's title and guidance above its subsections.
    """
    blocks: list[_Run | list[dict[str, Any]]] = []  # a run of sections, or a split one's pages
    for section in sections:
        last = blocks[-1] if blocks else None
        if section.controls > CONTROLS_PER_PAGE and section.children:
            label = section.heading["title"]
            if parent is not None:
                label = f"{parent[1].number} {label}".strip()
            blocks.append(_jf_pages(section.children, (label, section)))
        elif (
            parent is not None
            and isinstance(last, _Run)
            and last.controls + section.controls <= CONTROLS_PER_PAGE
        ):
            last.sections.append(section)
        else:
            blocks.append(_Run([section]))
    count = sum(isinstance(block, _Run) for block in blocks)
    pages: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, _Run):
            number = sum(isinstance(p, _Run) for p in blocks[: blocks.index(block) + 1])
            pages.append(_jf_page(block, number, count, parent))
        else:
            pages.extend(block)
    if parent is not None and pages:
        heading = parent[1].heading
        title = [{"type": "Label", "text": heading["title"]}, *_guidance(heading)]
        pages[0]["elements"] = [*title, *pages[0]["elements"]]
    return pages


def _jf_page(
    run: _Run, number: int, count: int, parent: tuple[str, _Section] | None
) -> dict[str, Any]:
    titles = [section.heading["title"] for section in run.sections]
    if parent is None:
        label = titles[0]
    elif all(section.number for section in run.sections):
        # "b) Về kinh tế số:" and "c) Về xã hội số:" → "3. b) Về kinh tế số; c) Về xã hội số"
        joined = "; ".join(title.rstrip(":").rstrip() for title in titles)
        label = f"{parent[1].number} {joined}".strip()
    else:
        label = f"{parent[0]} ({number}/{count})" if count > 1 else parent[0]
    return {"type": "Category", "label": label, "elements": [s.group for s in run.sections]}


def _guidance(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"type": "Label", "text": node["description"]}] if node.get("description") else []
