"""Plain text for people: one line per finding, naming file and place, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sokets._text import printable
from sokets.findings import severity_of
from sokets.reporters import Locate, fails, omitted_line

if TYPE_CHECKING:
    from sokets.validation import ValidationRun


class TextReporter:
    """``file:location: severity CODE: message vi / message en``, then one summary line.

    Unreadable inputs are only counted in the summary: ``sokets validate`` prints each of them on
    standard error.
    """

    def __init__(self, *, locate: Locate | None = None) -> None:
        self.locate = locate

    def render(self, run: ValidationRun, *, strict: bool = False, quiet: bool = False) -> str:
        """The findings of every report and a summary of the run (with ``quiet``, only the
        findings that fail the run)."""
        lines: list[str] = []
        for report in run.reports:
            source = printable(report.source)
            for f in report.findings:
                if quiet and not fails(f.severity.value, strict=strict):
                    continue
                lines.append(
                    printable(
                        f"{source}:{f.location or '/'}: {f.severity.value} {f.code}: "
                        f"{f.message_vi} / {f.message_en}"
                    )
                )
            lines.extend(
                f"{source}: {omitted_line(code, count)}"
                for code, count in report.omitted.items()
                if not quiet or fails(severity_of(code).value, strict=strict)
            )
            if report.is_valid(strict=strict) and not quiet:
                counts = report.counts
                note = f" ({counts['warning']} cảnh báo / warnings)" if counts["warning"] else ""
                lines.append(f"{source}: hợp lệ / valid{note}")
        if quiet:
            return "".join(line + "\n" for line in lines)
        c = run.tally(strict=strict)
        verdict = "HỢP LỆ / VALID" if run.is_valid(strict=strict) else "KHÔNG HỢP LỆ / INVALID"
        lines.append(
            f"{verdict}: {c['inputs']} tệp / inputs, {c['valid']} hợp lệ / valid, "
            f"{c['invalid']} có lỗi / with errors, {c['unreadable']} không đọc được / unreadable; "
            f"{c['error']} lỗi / errors, {c['warning']} cảnh báo / warnings"
            + (" (--strict: cảnh báo tính là lỗi / warnings fail)" if strict else "")
        )
        return "\n".join(lines) + "\n"
