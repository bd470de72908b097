"""The form registry, and reading and writing form instances as JSON.

Every instance names its form and version in ``header.form`` and ``header.version``.
:func:`load_report` reads JSON bytes strictly: it raises :class:`~sokets.errors.InputError` when
the input cannot be read as a form instance at all (not UTF-8, malformed JSON, unknown form or
version) and :class:`~sokets.errors.InvalidReportError` when it is a form instance whose content
does not fit the model (a wrong type, a missing field), with a JSON pointer for every problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


def _decode(data: bytes | str, source: str) -> bytes:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        raise InputError("tệp rỗng / empty input", source=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError(
            "tệp có BOM UTF-8 ở đầu; hãy lưu dạng UTF-8 không BOM / UTF-8 BOM not allowed",
            source=source,
            location="1:1",
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"không phải UTF-8 hợp lệ tại byte {exc.start} / not valid UTF-8", source=source
        ) from None
    return raw


def identify(data: bytes | str, *, source: str = "<input>") -> tuple[str, str]:
    """Read ``(form id, version)`` from JSON input without validating the rest."""
    raw = _decode(data, source)
    try:
        envelope = _Envelope.model_validate_json(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "json_invalid":
            raise InputError(
                f"JSON không hợp lệ / malformed JSON: {error['ctx']['error']}", source=source
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
    form_id, version = identify(data, source=source)
    spec = form_spec(form_id, source=source)
    if version != spec.version:
        raise InputError(
            f"phiên bản {version!r} của {form_id} không được hỗ trợ (hỗ trợ: {spec.version}) / "
            f"unsupported version",
            source=source,
            location="/header/version",
        )
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
