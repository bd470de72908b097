"""Helpers for the XLSX tests: templates of a few units, and editing a workbook like a person."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl

from sokets.units import get_registry
from sokets.xlsx import layout as lay
from sokets.xlsx.template import build_workbook
from tests.tools import needs

#: A department (Phụ lục 01 with 23 tasks), a district (PL01 with indicators) and a commune.
DEPARTMENT, DISTRICT, COMMUNE = "SO-TTTT", "412", "16705"


@cache
def blank(code: str) -> bytes:
    """The blank template of a unit."""
    return build_workbook(get_registry().get(code))


def open_book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def save(wb: Any) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def row_of(ws: Any, key: str, column: int = 1) -> int:
    """The first row whose ``column`` holds ``key``."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, column).value == key:
            return row
    raise KeyError(key)


def info_row(ws: Any, key: str, nth: int = 0) -> int:
    """The row of a header field on "Thông tin" (the ``nth`` one for a repeated field)."""
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key]
    return rows[nth]


def fill_header(wb: Any) -> None:
    """Fill the required header cells the way a person would."""
    ws = wb[lay.INFO.sheet]
    ws.cell(info_row(ws, "report_number"), 3).value = "12/BC-UBND"
    ws.cell(info_row(ws, "report_date"), 3).value = date(2023, 8, 14)
    ws.cell(info_row(ws, "signer.title"), 3).value = "CHỦ TỊCH"
    ws.cell(info_row(ws, "signer.name"), 3).value = "Nguyễn Văn A"


def edited(data: bytes, *changes: Callable[[Any], None]) -> bytes:
    """``data`` opened, changed by each function in turn, and saved."""
    wb = open_book(data)
    for change in changes:
        change(wb)
    return save(wb)


@cache
def with_header(code: str) -> bytes:
    """The blank template of a unit with its required header cells filled."""
    return edited(blank(code), fill_header)


#: LibreOffice, when installed (Debian ``libreoffice-calc-nogui``; CI installs it).
SOFFICE = shutil.which("soffice")
needs_soffice = needs("soffice")


def libreoffice(data: bytes, folder: Path, to: str = "xlsx") -> bytes:
    """``data`` (a workbook) opened and saved by LibreOffice as ``to`` (``"xlsx"``, ``"pdf"``),
    with a profile of its own in ``folder``."""
    assert SOFFICE is not None
    source = folder / "in" / "book.xlsx"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    out = folder / "out"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (out / f"book.{to}").read_bytes()
