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
            "1.0.0",
            "Phụ lục 01",
            "Đề cương báo cáo dành cho các sở, ban, ngành cấp tỉnh và UBND cấp huyện",
            "sokets.models.reports:Pl01Report",
            pl01_outline,
        ),
        FormSpec(
            "PL02",
            "1.0.0",
            "Phụ lục 02",
            "Báo cáo tình hình thực hiện các nhiệm vụ chung được giao Kế hoạch số 586/KH-UBND",
            "sokets.models.tables:Pl02Table",
        ),
        FormSpec(
            "PL03",
            "1.0.0",
            "Phụ lục 03",
            "Báo cáo tình hình thực hiện các nhiệm vụ cụ thể được giao Kế hoạch số 586/KH-UBND",
            "sokets.models.tables:Pl03Table",
        ),
        FormSpec(
            "PL04",
            "1.0.0",
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
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in loc)


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


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
    if raw.startswith(_UTF16_BOMS):
        raise InputError(
            "tệp mã hóa UTF-16, không phải UTF-8; hãy lưu lại dạng UTF-8 / "
            "UTF-16 file, not valid UTF-8: save it as UTF-8",
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
    into dates first. Returns ``None`` on any doubt (not UTF-8, a BOM, surrogate escapes, an
    unknown form, any validation error); the caller then takes the careful path, whose results
    and errors are the reference. Only success is taken from here, and a success is the same
    model the careful path builds (a property test checks it).
    """
    if not isinstance(data, bytes) or (b"\\" in data and _SURROGATE_ESCAPE.search(data)):
        return None
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    header = document.get("header") if isinstance(document, dict) else None
    form_id = header.get("form") if isinstance(header, dict) else None
    spec = FORMS.get(form_id) if isinstance(form_id, str) else None
    if spec is None:
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


def load_report(data: bytes | str, *, source: str = "<input>") -> BaseModel:
    """Parse JSON bytes into the model of the form they name.

    Raises :class:`InputError` (input unusable) or :class:`InvalidReportError` (content does not
    fit the model). Text is normalised to NFC.
    """
    fast = _load_in_one_pass(data)
    if fast is not None:
        return fast
    form_id, version = identify(data, source=source)
    spec = form_spec(form_id, source=source)
    if version != spec.version:  # an older version is migrated, if a migration path exists
        from sokets.schema.versions import upgrade

        data = upgrade(_decode(data, source), form_id, version, source=source)
    try:
        return spec.model.model_validate_json(data)
    except ValidationError as exc:
        raise InvalidReportError(
            source=source, form=form_id, problems=tuple(problems_of(exc))
        ) from None


def problems_of(exc: ValidationError) -> list[Problem]:
    """Turn a Pydantic ``ValidationError`` into problems located by JSON pointer."""
    return [
        Problem(pointer=json_pointer(tuple(e["loc"])), type=e["type"], message=e["msg"])
        for e in exc.errors(include_url=False, include_input=False)
    ]


def dump_report(report: BaseModel, *, indent: int | None = 2) -> bytes:
    """Serialise a form instance to UTF-8 JSON (unset optional fields left out)."""
    return report.model_dump_json(indent=indent, exclude_none=True).encode("utf-8")
