"""Rules on text: it fits wherever the report may have to be written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel

from sokets.findings import Finding
from sokets.forms import json_pointer
from sokets.rules import codes as c
from sokets.rules._engine import ALL_FORMS, ReportContext, rule

#: Most characters a cell of Excel or LibreOffice Calc holds.
MAX_CELL_TEXT = 32_767


def _long_texts(value: Any, tokens: tuple[str | int, ...]) -> Iterator[tuple[str, int]]:
    """``(JSON pointer, length)`` of every string in a model longer than :data:`MAX_CELL_TEXT`."""
    if isinstance(value, str):
        if len(value) > MAX_CELL_TEXT:
            yield json_pointer(tokens), len(value)
    elif isinstance(value, BaseModel):
        fields = type(value).model_fields
        for name, item in vars(value).items():
            if isinstance(item, str | list | BaseModel):
                info = fields.get(name)
                yield from _long_texts(item, (*tokens, (info.alias if info else None) or name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _long_texts(item, (*tokens, i))


def _has_long_text(report: BaseModel) -> bool:
    """Whether any string of the model is longer than a cell holds (a quick scan, no pointers)."""
    stack: list[Any] = [report]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str:
            if len(value) > MAX_CELL_TEXT:
                return True
        elif kind is list:
            stack.extend(value)
        elif kind not in _SCALARS and isinstance(value, BaseModel):
            stack.extend(value.__dict__.values())
    return False


_SCALARS = frozenset({type(None), int, float, bool, date})


@rule(
    "text-fits-a-cell",
    "Văn bản vừa một ô bảng tính / text fits a spreadsheet cell",
    forms=ALL_FORMS,
    emits=(c.TEXT_TOO_LONG_FOR_CELL,),
)
def text_fits_a_cell(ctx: ReportContext) -> Iterator[Finding]:
    """No text longer than a spreadsheet cell holds (the report could not be written as XLSX)."""
    if not _has_long_text(ctx.report):
        return
    for pointer, length in _long_texts(ctx.report, ()):
        yield c.TEXT_TOO_LONG_FOR_CELL.at(pointer, length=length, limit=MAX_CELL_TEXT)
