"""Plain text for people: one line per finding, naming file and place, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sokets.reporters import Locate, omitted_line

if TYPE_CHECKING:
    from sokets.validation import ValidationRun


class TextReporter:
    """``file:location: severity CODE: message vi / message en``, then one summary line.

    Unreadable inputs are only counted in the summary: ``sokets validate`` prints each of them on
    standard error.
    """

    def __init__(self, *, locate: Locate | None = None) -> None:
        self.locate = locate

    def render(self, run: ValidationRun, *, strict: bool = False) -> str:
        """The findings of every report and a summary of the run."""
        lines: list[str] = []
        for report in run.reports:
            for f in report.findings:
                lines.append(
                    f"{report.source}:{f.location or '/'}: {f.severity.value} {f.code}: "
                    f"{f.message_vi} / {f.message_en}"
                )
            lines.extend(
                f"{report.source}: {omitted_line(code, n)}" for code, n in report.omitted.items()
            )
            if report.is_valid(strict=strict):
                counts = report.counts
                note = f" ({counts['warning']} cảnh báo / warnings)" if counts["warning"] else ""
                lines.append(f"{report.source}: hợp lệ / valid{note}")
        c = run.tally(strict=strict)
        verdict = "HỢP LỆ / VALID" if run.is_valid(strict=strict) else "KHÔNG HỢP LỆ / INVALID"
        lines.append(
            f"{verdict}: {c['inputs']} tệp / inputs, {c['valid']} hợp lệ / valid, "
            f"{c['invalid']} có lỗi / with errors, {c['unreadable']} không đọc được / unreadable; "
            f"{c['error']} lỗi / errors, {c['warning']} cảnh báo / warnings"
            + (" (--strict: cảnh báo tính là lỗi / warnings fail)" if strict else "")
        )
        return "\n".join(lines) + "\n"
