"""Helpers shared by sub-commands: JSON and text output."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any


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
