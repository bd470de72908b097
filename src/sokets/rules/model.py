"""Findings for the problems the form model reports (:class:`~sokets.errors.InvalidReportError`).

Each Pydantic error type maps to a stable code: type and structure problems to ``T`` codes, the
plan's rules the model enforces (unknown unit, unit of the wrong kind, unknown task, applicable
item missing) to their ``R`` codes. When the parsed document is at hand the messages quote the
offending value and, for an unknown field, suggest the nearest valid name.
"""

from __future__ import annotations

import difflib
import json
import types
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from sokets.errors import Problem
from sokets.findings import Finding, FindingList, FindingType
from sokets.forms import FORMS
from sokets.models.answers import answer_key, item_id_of
from sokets.rules import codes as c
from sokets.rules._engine import short
from sokets.units import get_registry

_MISSING = object()

#: What a type error expected, by Pydantic error type: (Vietnamese, English).
_EXPECTED: dict[str, tuple[str, str]] = {
    "string_type": ("văn bản trong dấu ngoặc kép", "a string"),
    "string_unicode": ("văn bản Unicode hợp lệ", "valid Unicode text"),
    "int_type": ("số nguyên (không có phần thập phân, không trong ngoặc kép)", "an integer"),
    "int_parsing": ("số nguyên", "an integer"),
    "int_from_float": ("số nguyên (không có phần thập phân)", "an integer"),
    "float_type": ("số (không trong ngoặc kép)", "a number"),
    "float_parsing": ("số", "a number"),
    "bool_type": ("true hoặc false", "true or false"),
    "bool_parsing": ("true hoặc false", "true or false"),
    "list_type": ("danh sách (mảng JSON [...])", "a list (JSON array)"),
    "tuple_type": ("danh sách (mảng JSON [...])", "a list (JSON array)"),
    "model_type": ("đối tượng JSON {...}", "an object"),
    "model_attributes_type": ("đối tượng JSON {...}", "an object"),
    "dict_type": ("đối tượng JSON {...}", "an object"),
}
_DATE_TYPES = frozenset(
    {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "date_past",
        "date_future",
    }
)
_NUMBER_TYPES = frozenset({"finite_number", "int_parsing_size"})
_CHOICE_TYPES = frozenset({"literal_error", "enum"})
#: Expected kind of unit for a ``wrong_unit_kind`` at a pointer.
_UNIT_KINDS: dict[str, tuple[str, str]] = {
    "/header/district_code": ("UBND cấp huyện", "a district People's Committee"),
}
_PL04_UNIT = ("UBND cấp xã", "a commune People's Committee")
_PL01_UNIT = (
    "sở, ban, ngành cấp tỉnh hoặc UBND cấp huyện",
    "a provincial department, agency or district People's Committee",
)


def split_pointer(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 pointer."""
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def value_at(document: Any, pointer: str) -> Any:
    """The value at ``pointer`` in a parsed JSON document, or a sentinel when there is none."""
    value = document
    for token in split_pointer(pointer):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return _MISSING
    return value


def show(value: Any) -> str:
    """A short JSON rendering of a value for a message."""
    if value is _MISSING:
        return "(?)"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = "…"
    return text if len(text) <= 60 else text[:57] + "…"


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin is Union or origin is types.UnionType:
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def fields_at(model: type[BaseModel], tokens: list[str]) -> list[str] | None:
    """The JSON field names of the object the model expects at ``tokens``, if it is an object."""
    current: Any = model
    for token in tokens:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            found = next(
                (f for n, f in current.model_fields.items() if (f.alias or n) == token), None
            )
            if found is None:
                return None
            current = found.annotation
        elif get_origin(current) is list:
            current = get_args(current)[0]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return None


#: Unknown fields of one input that get a "did you mean" hint; past this the hint is left out, so
#: that a hostile file with hundreds of thousands of unknown keys costs no fuzzy matching each.
MAX_HINTS = 50


def _unknown_field(pointer: str, form: str, tokens: list[str], *, hint: bool = True) -> Finding:
    spec = FORMS.get(form)
    allowed = fields_at(spec.model, tokens[:-1]) if spec is not None and hint else None
    hint_vi = hint_en = ""
    is_item = tokens[:-1] == ["answers"]
    close = difflib.get_close_matches(tokens[-1], allowed or [], n=1, cutoff=0.6)
    key = _key_of_item(tokens[-1]) if is_item else None
    if key is not None and key in (allowed or ()):  # an item id, where 2.0.0 wants its key
        close = [key]
    if close:
        hint_vi, hint_en = f" Có phải ý bạn là '{close[0]}'?", f" Did you mean '{close[0]}'?"
    elif allowed and len(allowed) <= 10:
        names = ", ".join(allowed)
        hint_vi, hint_en = f" Các trường hợp lệ: {names}.", f" Valid fields: {names}."
    return c.UNKNOWN_FIELD.at(
        pointer,
        field=tokens[-1],
        form=form,
        what_vi="Mục" if is_item else "Trường",
        what_en="Item" if is_item else "Field",
        where_vi="đề cương" if is_item else "biểu mẫu",
        where_en="the outline of" if is_item else "form",
        hint_vi=hint_vi,
        hint_en=hint_en,
    )


def _key_of_item(text: str) -> str | None:
    try:
        return answer_key(text)
    except ValueError:
        return None


def _item_title(form: str, item_id: str) -> str:
    spec = FORMS.get(form)
    if spec is None or spec.outline is None:
        return ""
    try:
        return short(spec.outline().get(item_id).title)
    except KeyError:
        return ""


def _unit_name(code: Any) -> str:
    registry = get_registry()
    return registry.get(code).name if isinstance(code, str) and code in registry else "?"


#: The finding type of a problem type that maps to one whatever the value.
_BY_KIND: dict[str, FindingType] = {
    "missing": c.MISSING_FIELD,
    "duplicate_key": c.DUPLICATE_KEY,
    "code_trimmed": c.CODE_TRIMMED,
    "extra_forbidden": c.UNKNOWN_FIELD,
    "answer_required": c.ANSWER_MISSING,
    "unknown_unit": c.UNKNOWN_UNIT,
    "wrong_unit_kind": c.WRONG_UNIT_KIND,
    "unknown_task": c.UNKNOWN_TASK,
}


def finding_type_of(problem: Problem, value: Any = _MISSING) -> FindingType:
    """The finding type a model problem maps to (``value``: the value at its pointer, if known).

    Cheap: a caller with no room left for a code counts the problem without building its finding.
    """
    kind = problem.type
    found = _BY_KIND.get(kind)
    if found is not None and (kind != "extra_forbidden" or problem.pointer):
        return found
    if value is None and (kind in _EXPECTED or kind in _DATE_TYPES):
        return c.NULL_VALUE
    if kind in _EXPECTED:
        return c.WRONG_TYPE
    if kind in _DATE_TYPES:
        return c.INVALID_DATE
    if kind in _NUMBER_TYPES:
        return c.BAD_NUMBER
    if kind in _CHOICE_TYPES:
        return c.NOT_ALLOWED
    return c.INVALID_VALUE


def problem_finding(
    problem: Problem, form: str, document: Any = _MISSING, *, hint: bool = True
) -> Finding:
    """The finding for one model problem; ``document`` (parsed JSON) enriches the message."""
    pointer = problem.pointer
    tokens = split_pointer(pointer)
    field = tokens[-1] if tokens else "/"
    value = value_at(document, pointer)
    kind = finding_type_of(problem, value)
    got = show(value)
    if kind in (c.MISSING_FIELD, c.DUPLICATE_KEY, c.NULL_VALUE):
        return kind.at(pointer, field=field)
    if kind is c.CODE_TRIMMED:
        return kind.at(pointer, got=show(problem.value), code=got)
    if kind is c.UNKNOWN_FIELD:
        return _unknown_field(pointer, form, tokens, hint=hint)
    if kind is c.ANSWER_MISSING:
        unit = value_at(document, "/header/unit_code")
        item = item_id_of(field) or field
        return kind.at(
            pointer,
            item=item,
            title=_item_title(form, item),
            unit_name=_unit_name(unit) if _unit_name(unit) != "?" else "đơn vị / the unit",
        )
    if kind is c.WRONG_UNIT_KIND:
        expected = _UNIT_KINDS.get(pointer) or (_PL04_UNIT if form == "PL04" else _PL01_UNIT)
        return kind.at(
            pointer,
            got=got,
            name=_unit_name(value),
            form=form,
            expected_vi=expected[0],
            expected_en=expected[1],
        )
    if kind is c.WRONG_TYPE:
        expected_vi, expected_en = _EXPECTED[problem.type]
        return kind.at(pointer, got=got, expected_vi=expected_vi, expected_en=expected_en)
    if kind in (c.UNKNOWN_UNIT, c.UNKNOWN_TASK, c.INVALID_DATE, c.BAD_NUMBER):
        return kind.at(pointer, got=got)
    return kind.at(pointer, got=got, detail=problem.message)


def problem_findings(
    problems: Iterable[Problem], form: str, document: Any = _MISSING
) -> Iterator[Finding]:
    """Findings for every model problem, in the model's order (hints for the first
    :data:`MAX_HINTS` unknown fields only)."""
    unknown = 0
    for problem in problems:
        if problem.finding is not None:  # a reader's own finding: as it is
            yield problem.finding
            continue
        unknown += problem.type == "extra_forbidden"
        yield problem_finding(problem, form, document, hint=unknown <= MAX_HINTS)


def collect_problems(
    problems: Iterable[Problem], form: str, into: FindingList, document: Any = _MISSING
) -> None:
    """:func:`problem_findings` into a capped list, building only the findings it keeps."""
    unknown = 0
    for problem in problems:
        if problem.finding is not None:  # a reader's own finding: as it is
            into.add(problem.finding)
            continue
        unknown += problem.type == "extra_forbidden"
        code = finding_type_of(problem, value_at(document, problem.pointer)).code
        if into.has_room(code):
            into.add(problem_finding(problem, form, document, hint=unknown <= MAX_HINTS))
        else:
            into.skip(code)


_ALL = ("PL01", "PL02", "PL03", "PL04")

#: The codes :func:`problem_finding` gives: code → (Pydantic error types, forms), for the docs.
MODEL_SOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    c.WRONG_TYPE.code: (tuple(sorted(_EXPECTED)), _ALL),
    c.MISSING_FIELD.code: (("missing",), _ALL),
    c.UNKNOWN_FIELD.code: (("extra_forbidden",), _ALL),
    c.INVALID_DATE.code: (tuple(sorted(_DATE_TYPES)), ("PL01", "PL04")),
    c.BAD_NUMBER.code: (tuple(sorted(_NUMBER_TYPES)), ("PL01", "PL04")),
    c.NOT_ALLOWED.code: (tuple(sorted(_CHOICE_TYPES)), _ALL),
    c.NULL_VALUE.code: (("any type error on a null value",), _ALL),
    c.INVALID_VALUE.code: (("any other error type",), _ALL),
    c.UNKNOWN_UNIT.code: (("unknown_unit",), _ALL),
    c.WRONG_UNIT_KIND.code: (("wrong_unit_kind",), _ALL),
    c.ANSWER_MISSING.code: (("answer_required",), ("PL01", "PL04")),
    c.DUPLICATE_KEY.code: (("duplicate_key (a key repeated in an object)",), _ALL),
    c.CODE_TRIMMED.code: (("code_trimmed (a code read without its stray spaces)",), _ALL),
    c.UNKNOWN_TASK.code: (("unknown_task",), ("PL01", "PL03")),
}
MODEL_CODES: tuple[FindingType, ...] = tuple(code for code in c.CODES if code.code in MODEL_SOURCES)
