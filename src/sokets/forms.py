"""The form registry, and reading and writing form instances as JSON.

Every instance names its form and version in ``header.form`` and ``header.version``.
:func:`load_report` reads JSON bytes strictly: it raises :class:`~sokets.errors.InputError` when
the input cannot be read as a form instance at all (not UTF-8, malformed JSON, unknown form or
version) and :class:`~sokets.errors.InvalidReportError` when it is a form instance whose content
does not fit the model (a wrong type, a missing field), with a JSON pointer for every problem.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from sokets.errors import InputError, InvalidReportError, Problem
from sokets.outline import Outline, pl01_outline, pl04_outline


@dataclass(frozen=True)
class FormSpec:
    """A form of the plan: id, current version, title, model and (for reports) outline."""

    id: str
    version: str
    appendix: str
    title: str
    model_path: str
    outline: Callable[[], Outline] | None = None

    @property
    def model(self) -> type[BaseModel]:
        """The Pydantic model of the current version (imported on first use)."""
        return _model(self.model_path)


FORMS: dict[str, FormSpec] = {
    spec.id: spec
    for spec in (
        FormSpec(
            "PL01",
            "2.0.0",
            "Phụ lục 01",
            "Đề cương báo cáo dành cho các sở, ban, ngành cấp tỉnh và UBND cấp huyện",
            "sokets.models.reports:Pl01Report",
            pl01_outline,
        ),
        FormSpec(
            "PL02",
            "1.0.1",
            "Phụ lục 02",
            "Báo cáo tình hình thực hiện các nhiệm vụ chung được giao Kế hoạch số 586/KH-UBND",
            "sokets.models.tables:Pl02Table",
        ),
        FormSpec(
            "PL03",
            "1.0.1",
            "Phụ lục 03",
            "Báo cáo tình hình thực hiện các nhiệm vụ cụ thể được giao Kế hoạch số 586/KH-UBND",
            "sokets.models.tables:Pl03Table",
        ),
        FormSpec(
            "PL04",
            "2.0.0",
            "Phụ lục 04",
            "Đề cương báo cáo cho UBND cấp xã",
            "sokets.models.reports:Pl04Report",
            pl04_outline,
        ),
    )
}


@cache
def _model(path: str) -> type[BaseModel]:
    import importlib

    module, _, name = path.partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), name)
    return model


class _Identity(BaseModel):
    model_config = ConfigDict(extra="ignore")
    form: Any = None
    version: Any = None


class _Envelope(BaseModel):
    model_config = ConfigDict(extra="ignore")
    header: _Identity | None = None


def json_pointer(loc: tuple[int | str, ...]) -> str:
    """RFC 6901 pointer for a Pydantic error location."""
    parts = [str(p) for p in loc]
    joined = "/".join(parts)
    if "~" in joined or joined.count("/") >= len(parts):  # a part to escape (rare)
        return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)
    return "/" + joined if parts else ""


def form_spec(form_id: str, *, source: str = "<input>") -> FormSpec:
    """The spec of a form id; :class:`InputError` for an unknown one."""
    try:
        return FORMS[form_id]
    except KeyError:
        raise InputError(
            f"biểu mẫu {form_id!r} không được hỗ trợ / unknown form; có: {', '.join(FORMS)}",
            source=source,
            location="/header/form",
        ) from None


#: Byte-order marks and the encodings they announce, longest first (UTF-32 LE starts like UTF-16).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when JSON bytes are in one of them (with or without a BOM:
    JSON text starts with an ASCII character, so its zero bytes tell the encoding)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4]
    if len(head) == 4 and head.count(0) == 3:
        return "UTF-32"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    return None


def _decode(data: bytes | str, source: str) -> bytes:
    """The input as UTF-8 bytes; :class:`InputError` for empty input, a BOM or another encoding."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if not raw or raw.isspace():
        raise InputError("tệp rỗng / empty input", source=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError(
            "tệp có BOM UTF-8 ở đầu; hãy lưu dạng UTF-8 không BOM / UTF-8 BOM not allowed",
            source=source,
            location="1:1",
        )
    wide = _wide_encoding(raw)
    if wide is not None:
        raise InputError(
            f"tệp mã hóa {wide}, không phải UTF-8; hãy lưu lại dạng UTF-8 / "
            f"{wide} file, not valid UTF-8: save it as UTF-8",
            source=source,
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"không phải UTF-8 hợp lệ tại byte {exc.start} (dòng {line}, cột {column}); hãy lưu "
            f"tệp dạng UTF-8 / not valid UTF-8 at byte {exc.start} (line {line} column {column}): "
            "save the file as UTF-8",
            source=source,
        ) from None
    return raw


_LINE_COLUMN = re.compile(r"line (\d+) column (\d+)")
#: ``\uD800``–``\uDFFF`` escapes: the stdlib parser accepts lone surrogates, the model's does not.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: A JSON string, or one of the words Python's parser accepts but JSON does not.
_NOT_JSON_WORD = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)')

#: Most values (objects, arrays, strings, numbers…) one JSON report may hold. A full department
#: report holds about 2,000; past the limit a file under the size cap could still cost seconds
#: and gigabytes to check, so it is refused as unreadable, naming where the values pile up.
MAX_JSON_VALUES = 20_000


class _Duplicated(dict[str, Any]):
    """A JSON object in which some keys appear more than once (the last value kept)."""

    duplicates: tuple[str, ...] = ()


def _duplicated(pairs: list[tuple[str, Any]]) -> _Duplicated:
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    duplicated = _Duplicated(pairs)
    duplicated.duplicates = tuple(repeated)
    return duplicated


def _most_values(raw: bytes) -> int:
    """An upper bound of the number of values in JSON bytes: every value but the first follows a
    comma, a colon or an opening bracket (some of those may sit inside strings)."""
    return raw.count(b",") + raw.count(b":") + raw.count(b"[") + 1


def _not_json(word: str) -> float:
    raise ValueError(word)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def parse_document(raw: bytes, *, source: str = "<input>") -> tuple[Any, tuple[Problem, ...]]:
    """Parse JSON bytes (already checked as UTF-8) into Python values, strictly.

    Returns the document and a problem (``duplicate_key``) for each key that appears twice in an
    object: the JSON data model leaves that undefined and parsers silently keep the last value.
    Raises :class:`InputError` for what JSON does not allow (``NaN``, ``Infinity``), for input
    the parser cannot read, and for a document of more than :data:`MAX_JSON_VALUES` values.
    """
    text = raw.decode("utf-8")
    duplicates = False

    def members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicates
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        duplicates = True
        return _duplicated(pairs)

    try:
        document = json.loads(text, object_pairs_hook=members, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}) / malformed JSON: {exc.msg} "
            f"at line {exc.lineno} column {exc.colno}",
            source=source,
        ) from None
    except ValueError as exc:
        found = next((m for m in _NOT_JSON_WORD.finditer(text) if m.group(1)), None)
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            raise InputError(
                f"{found.group(1)} không phải là giá trị JSON; hãy ghi một số / {found.group(1)} "
                "is not JSON: write a number",
                source=source,
                location=f"{line}:{column}",
            ) from None
        raise InputError(f"JSON không đọc được / unreadable JSON: {exc}", source=source) from None
    except RecursionError:
        raise InputError(
            "JSON lồng nhau quá sâu / malformed JSON: nested too deeply", source=source
        ) from None
    if duplicates or _most_values(raw) > MAX_JSON_VALUES:
        return document, _inspect(document, source)
    return document, ()


def _inspect(document: Any, source: str) -> tuple[Problem, ...]:
    """The duplicate keys of a document, with their pointers; :class:`InputError` at the
    container where the values pass :data:`MAX_JSON_VALUES`.

    A container's members are counted before they are visited, so that a hostile file is refused
    at the first oversized list, without building anything for its items.
    """
    duplicates: list[Problem] = []
    count = 1
    stack: list[tuple[Any, str]] = [(document, "")]  # (value, its JSON pointer)
    while stack:
        value, pointer = stack.pop()
        if not isinstance(value, dict | list):
            continue
        count += len(value)
        if count > MAX_JSON_VALUES:
            limit = f"{MAX_JSON_VALUES:,}"
            raise InputError(
                f"báo cáo có hơn {limit.replace(',', '.')} giá trị JSON (dồn nhiều nhất ở đây); một "
                f"báo cáo đầy đủ có khoảng 2.000 / more than {limit} JSON values, most of them "
                "here",
                source=source,
                location=pointer,
            )
        if isinstance(value, list):
            stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(value))
            continue
        if type(value) is _Duplicated:
            duplicates.extend(
                Problem(
                    f"{pointer}/{_escape(key)}",
                    "duplicate_key",
                    f"khóa '{key}' xuất hiện nhiều lần / key given more than once",
                )
                for key in value.duplicates
            )
        stack.extend((v, f"{pointer}/{_escape(k)}") for k, v in value.items())
    return tuple(sorted(duplicates, key=lambda p: p.pointer))


def _as_date(container: dict[str, Any], key: str) -> None:
    value = container.get(key)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            container[key] = date.fromisoformat(value)


def _python_dates(document: dict[str, Any]) -> None:
    """Turn the ISO date strings of a report (report date, figure dates) into dates, in place."""
    header = document.get("header")
    if isinstance(header, dict):
        _as_date(header, "report_date")
    answers = document.get("answers")
    if isinstance(answers, dict):
        for answer in answers.values():
            figures = answer.get("figures") if isinstance(answer, dict) else None
            if isinstance(figures, list):
                for figure in figures:
                    if isinstance(figure, dict):
                        _as_date(figure, "as_of")


def _load_in_one_pass(data: bytes | str) -> BaseModel | None:
    """The report, if the input is a valid instance of the current version of its form.

    The fast path for valid reports: the stdlib JSON parser (quicker than the model's own on
    long Vietnamese text), then the strict model in Python mode, with the two date fields turned
    into dates first. Returns ``None`` on any doubt (not UTF-8, a BOM, surrogate escapes, a
    duplicate key, too many values, an unknown form, a code with stray spaces, any validation
    error); the caller then takes the careful path, whose results and errors are the reference.
    Only success is taken from here, and a success is the same model the careful path builds (a
    property test checks it).
    """
    if not isinstance(data, bytes) or (b"\\" in data and _SURROGATE_ESCAPE.search(data)):
        return None
    try:
        document, duplicates = parse_document(data)
    except (InputError, UnicodeDecodeError):
        return None
    header = document.get("header") if isinstance(document, dict) else None
    form_id = header.get("form") if isinstance(header, dict) else None
    spec = FORMS.get(form_id) if isinstance(form_id, str) else None
    if spec is None or duplicates:
        return None
    _python_dates(document)
    try:
        return spec.model.model_validate(document)
    except ValidationError:
        return None


def identify(data: bytes | str, *, source: str = "<input>") -> tuple[str, str]:
    """Read ``(form id, version)`` from JSON input without validating the rest."""
    raw = _decode(data, source)
    try:
        envelope = _Envelope.model_validate_json(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "json_invalid":
            detail = str(error.get("ctx", {}).get("error", ""))
            place = _LINE_COLUMN.search(detail)
            where = f" (dòng {place[1]}, cột {place[2]})" if place else ""
            raise InputError(
                f"JSON không hợp lệ{where} / malformed JSON: {detail}", source=source
            ) from None
        raise InputError(
            "không phải báo cáo sokets: cần một đối tượng JSON có 'header' / "
            "not a sokets form instance: expected a JSON object with a 'header'",
            source=source,
            location=json_pointer(tuple(error["loc"])),
        ) from None
    header = envelope.header
    if header is None or not isinstance(header.form, str) or not isinstance(header.version, str):
        raise InputError(
            "thiếu mã biểu mẫu hoặc phiên bản (header.form, header.version) / "
            "missing form id or version",
            source=source,
            location="/header",
        )
    return header.form, header.version


def _trim_codes(document: dict[str, Any]) -> list[Problem]:
    """Strip stray spaces around unit codes and task ids, in place; a note for each one.

    ``"17263 "`` is clearly the code ``17263``, typed or pasted with a space; a clerk should not
    see "unknown unit" for it. The change is never silent: each is a ``code_trimmed`` note.
    """
    notes: list[Problem] = []

    def trim(container: Any, key: str, pointer: str) -> None:
        value = container.get(key) if isinstance(container, dict) else None
        if isinstance(value, str) and value.strip() and value != value.strip():
            container[key] = value.strip()
            notes.append(
                Problem(
                    pointer,
                    "code_trimmed",
                    f"đã bỏ khoảng trắng thừa quanh mã {value!r} / stray spaces removed",
                    value,
                )
            )

    header = document.get("header")
    for key in ("unit_code", "district_code"):
        trim(header, key, f"/header/{key}")
    for table in ("appendix_pl03", "rows"):
        rows = document.get(table)
        if isinstance(rows, list):
            for i, row in enumerate(rows):
                trim(row, "task_id", f"/{table}/{i}/task_id")
    return notes


def load_document(data: bytes | str, *, source: str = "<input>") -> tuple[BaseModel, list[Problem]]:
    """:func:`load_report`, also returning the notes about what reading changed on the way.

    A note is a :class:`~sokets.errors.Problem` that does not make the report invalid: a code
    written with stray spaces (``code_trimmed``), now trimmed. The validation functions turn
    notes into warnings; :func:`load_report` drops them.
    """
    fast = _load_in_one_pass(data)
    if fast is not None:
        return fast, []
    raw = _decode(data, source)
    form_id, version = identify(raw, source=source)
    spec = form_spec(form_id, source=source)
    document, duplicates = parse_document(raw, source=source)
    changed = bool(duplicates)
    if version != spec.version:  # an older version is migrated, if a migration path exists
        from sokets.schema.versions import migrate_document

        document = migrate_document(document, form_id, version, source=source)
        changed = True
    notes = _trim_codes(document) if isinstance(document, dict) else []
    changed = changed or bool(notes)
    text = json.dumps(document, ensure_ascii=False).encode("utf-8") if changed else raw
    try:
        model = spec.model.model_validate_json(text)
    except ValidationError as exc:
        raise InvalidReportError(
            source=source,
            form=form_id,
            problems=(*duplicates, *problems_of(exc)),
            document=document,
            notes=tuple(notes),
        ) from None
    if duplicates:
        raise InvalidReportError(
            source=source, form=form_id, problems=duplicates, document=document, notes=tuple(notes)
        )
    return model, notes


def load_report(data: bytes | str, *, source: str = "<input>") -> BaseModel:
    """Parse JSON bytes into the model of the form they name.

    Raises :class:`InputError` (input unusable: not UTF-8, malformed JSON, ``NaN``, more than
    :data:`MAX_JSON_VALUES` values, unknown form or version) or :class:`InvalidReportError`
    (content does not fit the model, a key given twice). Text is normalised to NFC; unit codes
    and task ids are stripped of stray spaces (:func:`load_document` says where).
    """
    return load_document(data, source=source)[0]


def problems_of(exc: ValidationError) -> list[Problem]:
    """Turn a Pydantic ``ValidationError`` into problems located by JSON pointer."""
    return [
        Problem(pointer=json_pointer(tuple(e["loc"])), type=e["type"], message=e["msg"])
        for e in exc.errors(include_url=False, include_input=False)
    ]


def dump_report(report: BaseModel, *, indent: int | None = 2) -> bytes:
    """Serialise a form instance to UTF-8 JSON.

    Optional values that are absent stay absent, and so do the report's parts that were not
    given: a report without ``appendix_pl03`` (its table sent separately, R013) must not come back
    with an empty one (every task missing, R010).
    """
    unset = set(type(report).model_fields) - report.model_fields_set
    return report.model_dump_json(indent=indent, exclude_none=True, exclude=unset).encode("utf-8")
