"""Helpers shared by sub-commands: JSON and text output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sokets.errors import InvalidReportError
    from sokets.findings import Finding


def write_json(value: Any) -> None:
    """Write ``value`` as UTF-8 JSON (non-ASCII kept) with a final newline to stdout."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def write_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    """Write rows as tab-separated UTF-8 text with a header line."""
    out = ["\t".join(headers), *("\t".join(row) for row in rows)]
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
    sys.stdout.buffer.flush()


FORMAT_CHOICES = ("text", "json")


def print_problems(error: InvalidReportError) -> None:
    """One line per place where a file does not fit its form, on stderr."""
    for problem in error.problems:
        print(f"{error.source}:{problem.pointer or '/'}: {problem.message}", file=sys.stderr)


def print_findings(source: str, findings: Iterable[Finding]) -> None:
    """One line per finding (``FILE:PLACE: severity CODE: message``), on stderr."""
    for finding in findings:
        print(
            f"{source}:{finding.location}: {finding.severity.value} {finding.code}: "
            f"{finding.message}",
            file=sys.stderr,
        )
