"""GitHub Actions workflow commands: each finding an annotation on its file (and line).

See "Workflow commands for GitHub Actions" (``::error file=…,line=…,title=…::message``).
Annotations carry the Vietnamese and English messages; the location (JSON pointer) is in the
title, and ``line``/``col`` when the reporter is given a way to locate it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sokets._text import printable
from sokets.findings import severity_of
from sokets.reporters import Locate, fails, omitted_line

if TYPE_CHECKING:
    from sokets.validation import ValidationRun


_LINE_COLUMN = re.compile(r"^(\d+):(\d+)$")
_IN_MESSAGE = re.compile(r"line (\d+) column (\d+)")


def _data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GitHubReporter:
    """``::error``/``::warning`` annotations, then a plain summary line."""

    def __init__(self, *, locate: Locate | None = None) -> None:
        self.locate = locate

    def _command(
        self,
        level: str,
        source: str,
        location: str,
        title: str,
        message: str,
        place: tuple[int, int] | None = None,
    ) -> str:
        props = [f"file={_property(source)}"]
        if place is None and self.locate is not None and location.startswith("/"):
            place = self.locate(source, location)
        if place is not None:
            props.append(f"line={place[0]},col={place[1]}")
        props.append(f"title={_property(title)}")
        return f"::{level} {','.join(props)}::{_data(message)}"

    def render(self, run: ValidationRun, *, strict: bool = False, quiet: bool = False) -> str:
        """One annotation per finding and per unreadable input (with ``quiet``, failing ones
        only, and no summary line)."""
        lines: list[str] = []
        for report in run.reports:
            for f in report.findings:
                if quiet and not fails(f.severity.value, strict=strict):
                    continue
                level = "error" if fails(f.severity.value, strict=strict) else "warning"
                title = f"sokets {f.code} {f.location or '/'}"
                lines.append(self._command(level, report.source, f.location, title, f.message))
            for code, count in report.omitted.items():
                level = "error" if fails(severity_of(code).value, strict=strict) else "warning"
                if quiet and level != "error":
                    continue
                title = f"sokets {code}"
                lines.append(
                    self._command(level, report.source, "", title, omitted_line(code, count))
                )
        for error in run.unreadable:
            title = f"sokets {error.location}".rstrip()
            place = _LINE_COLUMN.search(error.location) or _IN_MESSAGE.search(error.message)
            fixed = (int(place[1]), int(place[2])) if place else None
            lines.append(
                self._command("error", error.source, error.location, title, error.message, fixed)
            )
        if quiet:
            return "".join(line + "\n" for line in lines)
        c = run.tally(strict=strict)
        lines.append(
            f"sokets validate: {c['inputs']} tệp / inputs, {c['valid']} hợp lệ / valid, "
            f"{c['invalid']} có lỗi / with errors, {c['unreadable']} không đọc được / unreadable; "
            f"{c['error']} lỗi / errors, {c['warning']} cảnh báo / warnings"
        )
        return "\n".join(lines) + "\n"
