"""The rows of the appendix tables: Phụ lục 02 (numbered tasks) and Phụ lục 03 (the catalogue).

A Phụ lục 03 row is named by its group row ("I  Chính quyền số") and number, or by ``I.1``; when
the number does not fit the task's title the title decides. Header rows and empty rows are
skipped; rows that name nothing are findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sokets.catalogue import GROUPS, TaskCatalogue, get_catalogue
from sokets.docx.answers import headers_match
from sokets.docx.codes import ROW_UNREADABLE, TASK_BY_TITLE, Find
from sokets.docx.compose import PL02_HEADERS, PL03_HEADERS
from sokets.docx.composer import Element
from sokets.docx.extract import fold, row_texts, snippet
from sokets.docx.formats import parse_int, squash


def appendix_rows(
    rows: Iterable[Element], form: str, location: str, find: Find
) -> list[dict[str, Any]]:
    """The ``PL02`` or ``PL03`` rows of a table (``location``: ``table 5``), as JSON objects."""
    headers = PL02_HEADERS if form == "PL02" else PL03_HEADERS
    found: list[dict[str, Any]] = []
    group = ""
    catalogue = get_catalogue()
    group_ids = {g.id for g in GROUPS}
    for r, tr in enumerate(rows, start=1):
        cells = row_texts(tr)
        where = f"{location} row {r}"
        if not any(c.strip() for c in cells) or headers_match(cells, headers, 2):
            continue
        text = " | ".join(cells)
        if form == "PL02":
            _pl02_row(cells, where, text, found, find)
            continue
        first = squash(cells[0]) if cells else ""
        if (
            len(cells) >= 2
            and first in group_ids
            and (len(cells) == 2 or not any(c.strip() for c in cells[2:]))
        ):
            group = first
            continue
        values = [*cells, "", "", "", "", "", ""][:6]
        task = _task_of(first, group, values[1], where, catalogue, find)
        if task is None:
            find(
                ROW_UNREADABLE,
                where,
                form="PL03",
                reason="không xác định được nhiệm vụ / no such task",
                text=snippet(text),
            )
            continue
        row: dict[str, Any] = {"task_id": task}
        for key, value in zip(("results", "difficulties", "proposals"), values[3:6], strict=True):
            if value:
                row[key] = value
        found.append(row)
    return found


def _task_of(
    number: str, group: str, title: str, location: str, catalogue: TaskCatalogue, find: Find
) -> str | None:
    candidate = number if "." in number else f"{group}.{number}" if group else number
    by_title = [t.id for t in catalogue if fold(t.title) == fold(title)]
    if candidate in catalogue and (not title or candidate in by_title or not by_title):
        return candidate
    if len(by_title) == 1:
        if candidate in catalogue:
            find(TASK_BY_TITLE, location, number=number, task=by_title[0])
        return by_title[0]
    return None


def _pl02_row(
    cells: list[str], location: str, text: str, rows: list[dict[str, Any]], find: Find
) -> None:
    values = [*cells, "", "", "", "", "", ""][:6]
    if not any(v.strip() for v in values[1:]):
        return
    no = parse_int(values[0])
    if no is None:
        find(
            ROW_UNREADABLE,
            location,
            form="PL02",
            reason="cột Stt phải là số / Stt must be a number",
            text=snippet(text),
        )
        return
    row: dict[str, Any] = {"no": no, "task": values[1]}
    for key, value in zip(
        ("results", "difficulties", "proposals", "notes"), values[2:6], strict=True
    ):
        if value:
            row[key] = value
    rows.append(row)
