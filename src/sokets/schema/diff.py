"""Classifying the changes between two versions of a form's JSON Schema.

A change is **breaking** when an instance valid under the old schema can be invalid under the new
one (a property removed, a new required property, a narrower type or enumeration, a new rule…),
**compatible** when the new schema accepts everything the old one did and more (an optional
property added, a requirement dropped, a wider enumeration…), and an **annotation** when only
titles, descriptions, defaults or ``x-`` layout hints change. Breaking needs a major version,
compatible a minor one, annotations a patch (:func:`required_bump`).

The schemas are compared side by side from the root, following local ``$ref`` (renaming a
``$defs`` entry is not a change); a definition used in many places is compared, and its changes
reported, once. Where the comparison cannot tell, it says *breaking*: it may overstate a change,
never understate one. ``allOf`` rules (the ``if``/``then`` on the unit code) are matched whole: a
rule that is new or different is breaking, a rule that disappeared is compatible; so are the rules
under ``dependentSchemas``, compared property by property.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sokets.schema.versions import Bump

#: Keywords that never change what is valid.
ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "examples",
        "$comment",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$anchor",
        "contentMediaType",
    }
)

# Numeric limits, and whether a larger value accepts more.
_LIMITS = {
    "minLength": False,
    "minItems": False,
    "minProperties": False,
    "minContains": False,
    "minimum": False,
    "exclusiveMinimum": False,
    "maxLength": True,
    "maxItems": True,
    "maxProperties": True,
    "maxContains": True,
    "maximum": True,
    "exclusiveMaximum": True,
}
# Keywords compared by dedicated code ($defs are reached through $ref; $id/$schema at the root).
_HANDLED = frozenset(
    {"$ref", "$defs", "$id", "$schema", "type", "const", "enum", "oneOf", "format"}
    | {"properties", "required", "additionalProperties", "items", "allOf", "then", "else"}
    | {"dependentRequired", "dependentSchemas"}
    | set(_LIMITS)
)


class Impact(StrEnum):
    """What a change means for instances written against the old schema."""

    BREAKING = "breaking"
    COMPATIBLE = "compatible"
    ANNOTATION = "annotation"

    @property
    def bump(self) -> Bump:
        """The version bump this impact needs."""
        return _BUMPS[self]


_BUMPS = {Impact.BREAKING: Bump.MAJOR, Impact.COMPATIBLE: Bump.MINOR, Impact.ANNOTATION: Bump.PATCH}


@dataclass(frozen=True)
class SchemaChange:
    """One difference between two schemas.

    ``location`` is where in an instance it applies (JSON pointer, ``*`` for every array item;
    for a shared definition, the first place it is used); ``schema_pointer`` where in the new
    schema (``/$defs/Figure/properties/as_of``); ``kind`` a stable code (``property-removed``,
    ``required-added``, ``enum-narrowed``…).
    """

    location: str
    schema_pointer: str
    kind: str
    impact: Impact
    detail: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {
            "location": self.location,
            "schema_pointer": self.schema_pointer,
            "kind": self.kind,
            "impact": self.impact.value,
            "detail": self.detail,
        }


def diff_schemas(old: dict[str, Any], new: dict[str, Any]) -> list[SchemaChange]:
    """Every change from ``old`` to ``new`` (see the module docstring)."""
    comparer = _Comparer(old, new)
    if old.get("$id") != new.get("$id"):
        comparer.add(
            _At("", ""),
            "id-changed",
            Impact.ANNOTATION,
            f"$id {_short(old.get('$id'))} → {_short(new.get('$id'))}",
        )
    if old.get("$schema") != new.get("$schema"):
        comparer.add(
            _At("", ""),
            "dialect-changed",
            Impact.BREAKING,
            f"$schema {_short(old.get('$schema'))} → {_short(new.get('$schema'))}",
        )
    comparer.compare(old, new, _At("", ""))
    return comparer.changes


def required_bump(changes: list[SchemaChange]) -> Bump:
    """The least version bump ``changes`` need (a new ``$id`` or version number needs none)."""
    relevant = [c for c in changes if c.kind not in ("id-changed", "version-changed")]
    return max((c.impact.bump for c in relevant), default=Bump.NONE)


def schema_version(schema: dict[str, Any]) -> str | None:
    """The form version a sokets schema describes (its ``header.version`` const), if any."""
    header = _resolve(schema, schema.get("properties", {}).get("header", {}))
    if not isinstance(header, dict):
        return None
    version = header.get("properties", {}).get("version", {}).get("const")
    return version if isinstance(version, str) else None


@dataclass(frozen=True)
class _At:
    location: str
    pointer: str

    def below(self, keyword: str, name: str, instance_part: str | None) -> _At:
        location = self.location if instance_part is None else f"{self.location}/{instance_part}"
        return _At(location, f"{self.pointer}/{keyword}/{_escape(name)}")


def _resolve(root: dict[str, Any], node: Any) -> Any:
    """``node`` with a local ``$ref`` replaced by its target (sibling keywords kept on top)."""
    for _ in range(50):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#"):
            return node
        target: Any = root
        for part in ref[1:].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                return node
            target = target[part]
        if not isinstance(target, dict):
            return node
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


class _Comparer:
    def __init__(self, old_root: dict[str, Any], new_root: dict[str, Any]) -> None:
        self.old_root = old_root
        self.new_root = new_root
        self.changes: list[SchemaChange] = []
        self.compared: set[tuple[str, str]] = set()

    def add(self, at: _At, kind: str, impact: Impact, detail: str) -> None:
        self.changes.append(SchemaChange(at.location, at.pointer, kind, impact, detail))

    def compare(self, old: Any, new: Any, at: _At) -> None:
        old_ref, new_ref = _ref(old), _ref(new)
        if old_ref and new_ref:
            if (old_ref, new_ref) in self.compared:
                return
            self.compared.add((old_ref, new_ref))
        if new_ref.startswith("#"):
            at = _At(at.location, new_ref[1:])
        old = _resolve(self.old_root, old)
        new = _resolve(self.new_root, new)
        if not isinstance(old, dict) or not isinstance(new, dict):
            if old != new:
                impact = Impact.COMPATIBLE if new is True or new == {} else Impact.BREAKING
                self.add(at, "schema-changed", impact, f"{_short(old)} → {_short(new)}")
            return
        self._annotations(old, new, at)
        self._type(old, new, at)
        self._const(old, new, at)
        self._enum(old, new, at)
        self._format(old, new, at)
        self._limits(old, new, at)
        self._properties(old, new, at)
        self._required(old, new, at)
        self._dependencies(old, new, at)
        self._dependent_schemas(old, new, at)
        self._additional(old, new, at)
        self._items(old, new, at)
        self._rules(old, new, at)
        self._consequences(old, new, at)
        self._others(old, new, at)

    def _annotations(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        for key in sorted({*old, *new}):
            if (key in ANNOTATIONS or key.startswith("x-")) and old.get(key) != new.get(key):
                self.add(at, "annotation-changed", Impact.ANNOTATION, f"{key} changed")

    def _type(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        if old.get("type") == new.get("type"):
            return
        before, after = _types(old.get("type")), _types(new.get("type"))
        detail = f"type {_short(old.get('type'))} → {_short(new.get('type'))}"
        if after is None or (before is not None and all(_accepts(after, t) for t in before)):
            self.add(at, "type-widened", Impact.COMPATIBLE, detail)
        else:
            self.add(at, "type-changed", Impact.BREAKING, detail)

    def _const(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        if old.get("const", _MISSING) == new.get("const", _MISSING):
            return
        detail = f"const {_short(old.get('const'))} → {_short(new.get('const'))}"
        if "const" not in new:
            self.add(at, "const-removed", Impact.COMPATIBLE, detail)
        elif "const" not in old:
            self.add(at, "const-added", Impact.BREAKING, detail)
        elif at.location == "/header/version":
            self.add(at, "version-changed", Impact.ANNOTATION, detail)
        else:
            self.add(at, "const-changed", Impact.BREAKING, detail)

    def _enum(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        before, after = _choices(old), _choices(new)
        if before is None and after is None:
            if old.get("oneOf") != new.get("oneOf"):
                self._whole("oneOf", old, new, at)
            return
        if after is None:
            if "oneOf" in new or "enum" in new:
                self.add(at, "keyword-changed", Impact.BREAKING, "enumeration replaced")
            else:
                self.add(at, "enum-removed", Impact.COMPATIBLE, "enumeration removed")
            return
        if before is None:
            self.add(at, "enum-added", Impact.BREAKING, "values restricted to an enumeration")
            return
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        relabelled = [v for v in before if v in after and before[v] != after[v]]
        if removed:
            self.add(at, "enum-narrowed", Impact.BREAKING, f"values removed: {_listing(removed)}")
        if added:
            self.add(at, "enum-widened", Impact.COMPATIBLE, f"values added: {_listing(added)}")
        if relabelled:
            self.add(
                at, "annotation-changed", Impact.ANNOTATION, f"labels of {_listing(relabelled)}"
            )

    def _format(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        if old.get("format") == new.get("format"):
            return
        detail = f"format {_short(old.get('format'))} → {_short(new.get('format'))}"
        if "format" not in new:
            self.add(at, "format-removed", Impact.COMPATIBLE, detail)
        else:
            self.add(at, "format-changed", Impact.BREAKING, detail)

    def _limits(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        for key, larger_accepts_more in _LIMITS.items():
            a, b = old.get(key), new.get(key)
            if a == b:
                continue
            loosened = b is None or (a is not None and (b > a) == larger_accepts_more)
            detail = f"{key} {_short(a)} → {_short(b)}"
            implied = b is not None and b <= len(old.get("required", []))
            if key == "minProperties" and not loosened and implied:
                detail += " (every old instance has the properties it required)"
                loosened = True
            if loosened:
                self.add(at, "constraint-loosened", Impact.COMPATIBLE, detail)
            else:
                self.add(at, "constraint-tightened", Impact.BREAKING, detail)

    def _properties(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        before: dict[str, Any] = old.get("properties", {})
        after: dict[str, Any] = new.get("properties", {})
        for name, schema in before.items():
            where = at.below("properties", name, _escape(name))
            if name in after:
                self.compare(schema, after[name], where)
            elif new.get("additionalProperties", True) is True:
                self.add(where, "property-removed", Impact.COMPATIBLE, f"{name!r} now free")
            else:
                self.add(where, "property-removed", Impact.BREAKING, f"{name!r} removed")
        for name in after:
            if name in before:
                continue
            where = at.below("properties", name, _escape(name))
            if old.get("additionalProperties", True) is False:
                self.add(where, "property-added", Impact.COMPATIBLE, f"{name!r} added")
            else:
                detail = f"{name!r} added where any value was allowed"
                self.add(where, "property-added", Impact.BREAKING, detail)

    def _required(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        before, after = old.get("required", []), new.get("required", [])
        for name in after:
            if name not in before:
                where = _At(f"{at.location}/{_escape(name)}", at.pointer)
                self.add(where, "required-added", Impact.BREAKING, f"{name!r} now required")
        for name in before:
            if name not in after:
                where = _At(f"{at.location}/{_escape(name)}", at.pointer)
                self.add(where, "required-removed", Impact.COMPATIBLE, f"{name!r} now optional")

    def _dependencies(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        """``dependentRequired``: a property newly needed beside another is breaking, unless the
        old schema required it anyway."""
        before: dict[str, list[str]] = old.get("dependentRequired", {})
        after: dict[str, list[str]] = new.get("dependentRequired", {})
        required = set(old.get("required", []))
        for name, needed in after.items():
            where = _At(f"{at.location}/{_escape(name)}", f"{at.pointer}/dependentRequired")
            for other in needed:
                if other in before.get(name, []):
                    continue
                detail = f"{other!r} needed with {name!r}"
                if other in required:
                    detail += " (already required)"
                    self.add(where, "dependency-added", Impact.COMPATIBLE, detail)
                else:
                    self.add(where, "dependency-added", Impact.BREAKING, detail)
        for name, needed in before.items():
            for other in needed:
                if other not in after.get(name, []):
                    where = _At(f"{at.location}/{_escape(name)}", f"{at.pointer}/dependentRequired")
                    detail = f"{other!r} no longer needed with {name!r}"
                    self.add(where, "dependency-removed", Impact.COMPATIBLE, detail)

    def _dependent_schemas(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        """``dependentSchemas`` constrain the object they sit in, like a subschema of it: compare
        those of the same property; a new one is breaking, one that disappeared compatible."""
        before: dict[str, Any] = old.get("dependentSchemas", {})
        after: dict[str, Any] = new.get("dependentSchemas", {})
        for name in sorted({*before, *after}):
            where = _At(at.location, f"{at.pointer}/dependentSchemas/{_escape(name)}")
            if name in before and name in after:
                self.compare(before[name], after[name], where)
            elif name in after:
                self.add(where, "keyword-added", Impact.BREAKING, f"rules with {name!r} added")
            else:
                self.add(
                    where, "keyword-removed", Impact.COMPATIBLE, f"rules with {name!r} removed"
                )

    def _additional(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        a, b = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            self.compare(a, b, _At(f"{at.location}/*", f"{at.pointer}/additionalProperties"))
        elif b is True:
            detail = "unknown properties now allowed"
            self.add(at, "additional-properties-allowed", Impact.COMPATIBLE, detail)
        else:
            detail = "unknown properties now restricted"
            self.add(at, "additional-properties-restricted", Impact.BREAKING, detail)

    def _items(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        where = _At(f"{at.location}/*", f"{at.pointer}/items")
        if "items" in old and "items" in new:
            self.compare(old["items"], new["items"], where)
        elif "items" in new:
            self.add(where, "keyword-added", Impact.BREAKING, "items added")
        elif "items" in old:
            self.add(where, "keyword-removed", Impact.COMPATIBLE, "items removed")

    def _rules(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        """Match ``allOf`` rules by their text (references unexpanded), compare matched ones."""
        before = {self._key(self.old_root, r, expand=False): r for r in old.get("allOf", [])}
        after = {
            self._key(self.new_root, rule, expand=False): (index, rule)
            for index, rule in enumerate(new.get("allOf", []))
        }
        for key, (index, rule) in after.items():
            where = _At(at.location, f"{at.pointer}/allOf/{index}")
            if key in before:
                self.compare(before[key], rule, where)
            else:
                detail = f"new or changed: {_describe(rule)}"
                self.add(where, "rule-added", Impact.BREAKING, detail)
        for key, rule in before.items():
            if key not in after:
                detail = f"removed or changed: {_describe(rule)}"
                where = _At(at.location, f"{at.pointer}/allOf")
                self.add(where, "rule-removed", Impact.COMPATIBLE, detail)

    def _consequences(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        """``then``/``else`` only constrain more or less, like any subschema: compare them.
        (``if`` and ``not`` work the other way round: any change there is breaking.)"""
        for key in ("then", "else"):
            where = _At(at.location, f"{at.pointer}/{key}")
            if key in old and key in new:
                self.compare(old[key], new[key], where)
            elif key in new:
                self.add(where, "keyword-added", Impact.BREAKING, f"{key} added")
            elif key in old:
                self.add(where, "keyword-removed", Impact.COMPATIBLE, f"{key} removed")

    def _others(self, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        for key in sorted({*old, *new}):
            if key not in _HANDLED and key not in ANNOTATIONS and not key.startswith("x-"):
                self._whole(key, old, new, at)

    def _whole(self, key: str, old: dict[str, Any], new: dict[str, Any], at: _At) -> None:
        where = _At(at.location, f"{at.pointer}/{key}")
        if key not in new:
            self.add(where, "keyword-removed", Impact.COMPATIBLE, f"{key} removed")
        elif key not in old:
            self.add(where, "keyword-added", Impact.BREAKING, f"{key} added")
        elif self._key(self.old_root, old[key]) != self._key(self.new_root, new[key]):
            self.add(where, "keyword-changed", Impact.BREAKING, f"{key} changed")

    def _key(self, root: dict[str, Any], value: Any, *, expand: bool = True) -> str:
        """JSON text of ``value`` without annotations, references expanded unless told not."""
        stripped = _strip(root if expand else None, value, 0)
        return json.dumps(stripped, sort_keys=True, ensure_ascii=False)


_MISSING = object()


def _strip(root: dict[str, Any] | None, value: Any, depth: int) -> Any:
    if depth > 64:
        return "…"
    if isinstance(value, list):
        return [_strip(root, v, depth + 1) for v in value]
    if isinstance(value, dict):
        if root is not None:
            value = _resolve(root, value)
        return {
            k: _strip(root, v, depth + 1)
            for k, v in value.items()
            if k not in ANNOTATIONS and not k.startswith("x-")
        }
    return value


def _ref(node: Any) -> str:
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    return ref if isinstance(ref, str) else ""


def _types(value: Any) -> set[str] | None:
    if value is None:
        return None
    return {value} if isinstance(value, str) else set(value)


def _accepts(types: set[str], type_: str) -> bool:
    return type_ in types or (type_ == "integer" and "number" in types)


def _choices(node: dict[str, Any]) -> dict[str, Any] | None:
    """The values an enumeration allows (``enum``, or ``oneOf`` of ``const``), by JSON text,
    with their annotations."""
    if "enum" in node and isinstance(node["enum"], list):
        return {json.dumps(v, sort_keys=True, ensure_ascii=False): None for v in node["enum"]}
    branches = node.get("oneOf")
    if not isinstance(branches, list) or not branches:
        return None
    if not all(isinstance(b, dict) and set(b) - ANNOTATIONS == {"const"} for b in branches):
        return None
    return {
        json.dumps(b["const"], sort_keys=True, ensure_ascii=False): {
            k: v for k, v in b.items() if k != "const"
        }
        for b in branches
    }


def _describe(rule: Any) -> str:
    text = rule.get("description") or rule.get("title") if isinstance(rule, dict) else None
    return str(text) if text else _short(rule)


def _listing(values: list[str], limit: int = 8) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" (+{len(values) - limit})" if len(values) > limit else "")


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")
