"""Building blocks shared by every form model: the strict base class and the common field types.

Every form model is strict: JSON ``"85"`` is not accepted where a number is expected, unknown
fields are rejected, and ``null`` is never a value (leave an optional field out instead). Text is
normalised to Unicode NFC on input, never rejected for being NFD.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from sokets._text import nfc

T = TypeVar("T")


class _NotNull:
    """Validate ``X | None`` as ``X``: the ``None`` is only the Python default for "absent"."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        (inner,) = (arg for arg in get_args(source) if arg is not type(None))
        return handler.generate_schema(inner)


Text = Annotated[str, AfterValidator(nfc)]
"""A string, normalised to NFC."""

Omittable = Annotated[T | None, _NotNull()]
"""An optional field: absent means "not given" (``None`` in Python); JSON ``null`` is refused.

Its JSON Schema is the plain type, with no ``anyOf [X, null]`` for form builders to trip on.
"""


@dataclass(frozen=True)
class CodeList:
    """Marks a code type (``Annotated[str, …, CodeList(…)]``) with the codes it accepts.

    Only the JSON Schema uses it: the type's schema lists the codes as ``oneOf`` of
    ``{"const": code, "title": Vietnamese name}`` and names the list in ``x-codelist``, which the
    schema export (:mod:`sokets.schema`) turns into a ``$defs`` entry. ``entries`` is called only
    when a schema is generated; it yields ``(code, title, description)`` (description may be "").
    """

    name: str
    title: str
    entries: Callable[[], Iterable[tuple[str, str, str]]]

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["oneOf"] = [
            {"const": code, "title": title, **({"description": note} if note else {})}
            for code, title, note in self.entries()
        ]
        json_schema["x-codelist"] = {"name": self.name, "title": self.title}
        return json_schema


def omittable(type_: Any) -> Any:
    """``Omittable[type_]`` for a type known only at run time (generated models)."""
    return Annotated[type_ | None, _NotNull()]


class FormModel(BaseModel):
    """Base of every form model: strict types, no unknown fields, ids as JSON property names."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        validate_by_name=False,
        validate_by_alias=True,
        serialize_by_alias=True,
        ser_json_inf_nan="strings",
        use_enum_values=True,
    )
