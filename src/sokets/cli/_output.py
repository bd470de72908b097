"""Helpers shared by sub-commands: JSON and text output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sokets._text import printable

if TYPE_CHECKING:
    from sokets.findings import Finding


def warn(message: str) -> None:
    """One line on stderr, control characters escaped (input never drives the terminal)."""
    print(printable(message), file=sys.stderr)


def write_json(value: Any) -> None:
    """Write ``value`` as UTF-8 JSON (non-ASCII kept) with a final newline to stdout."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def write_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    """Write rows as tab-separated UTF-8 text with a header line (control characters and tabs
    inside a cell escaped, so that a row stays one line of the right number of columns)."""
    out = ["\t".join(headers), *("\t".join(printable(cell) for cell in row) for row in rows)]
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()


FORMAT_CHOICES = ("text", "json")


def print_findings(
    source: str,
    findings: Iterable[Finding],
    omitted: dict[str, int] | None = None,
    *,
    quiet: bool = False,
) -> None:
    """One line per finding (``FILE:PLACE: severity CODE: message``), on stderr, and one per
    code whose findings were capped; with ``quiet``, errors only."""
    from sokets.findings import Severity, severity_of
    from sokets.reporters import omitted_line

    for finding in findings:
        if quiet and finding.severity is not Severity.ERROR:
            continue
        warn(
            f"{source}:{finding.location}: {finding.severity.value} {finding.code}: "
            f"{finding.message}"
        )
    for code, count in (omitted or {}).items():
        if not quiet or severity_of(code) is Severity.ERROR:
            warn(f"{source}: {omitted_line(code, count)}")


def add_quiet(parser: Any) -> None:
    """The ``-q/--quiet`` option: print errors only."""
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="chỉ in lỗi, không in cảnh báo và dòng tổng kết / print errors only",
    )
