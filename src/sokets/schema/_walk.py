"""Walking a JSON Schema document: which keyword values are themselves schemas."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: Keywords whose value is one schema.
SINGLE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
#: Keywords whose value is a list of schemas.
LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
#: Keywords whose value maps names to schemas.
MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs")

Path = tuple[str | int, ...]


def children(node: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The direct subschemas of ``node`` with their path below it (boolean schemas skipped)."""
    for key in SINGLE:
        value = node.get(key)
        if isinstance(value, dict):
            yield (key,), value
    for key in LISTS:
        for index, value in enumerate(node.get(key, ())):
            if isinstance(value, dict):
                yield (key, index), value
    for key in MAPS:
        for name, value in node.get(key, {}).items():
            if isinstance(value, dict):
                yield (key, name), value


def walk(node: dict[str, Any], path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """``node`` and every schema below it, depth first, with its path from ``node``."""
    yield path, node
    for sub_path, child in children(node):
        yield from walk(child, path + sub_path)


def pointer(path: Path) -> str:
    """RFC 6901 JSON pointer of a path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)
