"""The consolidation as text for a terminal: the reporting rates, who is missing or late, which
files need a look. The register itself is in the JSON and XLSX outputs."""

from __future__ import annotations

import textwrap

from sokets._text import printable, short_date
from sokets.consolidation.model import Consolidation, RateRow, RegisterEntry
from sokets.consolidation.statuses import ROLE_LABELS, STATUS_LABELS, FileRole, Status
from sokets.units import UnitKind

_ATTENTION = (Status.NOT_RECEIVED, Status.WITH_ERRORS, Status.LATE)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")


def _rate_line(row: RateRow, width: int) -> str:
    return (
        f"  {row.label:<{width}} {row.expected:>5} {row.received:>5} {row.on_time:>5} "
        f"{row.late:>5} {row.with_errors:>5} {row.not_received:>5} {_percent(row.rate):>8} "
        f"{_percent(row.rate_on_time):>8}"
    )


def _missing(entries: list[RegisterEntry], consolidation: Consolidation) -> list[str]:
    """Units not received: one line each, but communes grouped by district on wrapped lines."""
    lines = [f"  {e.unit_code:<9} {e.unit_name}" for e in entries if e.kind is not UnitKind.COMMUNE]
    expected = {}
    for row in consolidation.rates:
        if row.district_code is not None:
            expected[row.district_code] = (row.label, row.expected)
    by_district: dict[str, list[RegisterEntry]] = {}
    for entry in entries:
        if entry.kind is UnitKind.COMMUNE:
            by_district.setdefault(entry.district_code or "", []).append(entry)
    for code, communes in by_district.items():
        label, total = expected.get(code, (code, len(communes)))
        names = ", ".join(f"{e.unit_name} ({e.unit_code})" for e in communes)
        lines.extend(
            textwrap.wrap(
                f"{label}, {len(communes)}/{total}: {names}",
                width=100,
                initial_indent="  ",
                subsequent_indent="      ",
            )
        )
    return [printable(line) for line in lines]


class TextRenderer:
    """Plain UTF-8 text, one screen for the rates and one line per unit or file to look at."""

    suffix = ".txt"

    def render(self, consolidation: Consolidation) -> bytes:
        """The text, ending with a newline."""
        header = consolidation.header
        lines = [
            f"TỔNG HỢP BÁO CÁO SƠ KẾT 01 NĂM KẾ HOẠCH 586/KH-UBND — {header.scope.name.upper()}",
            f"Tính đến ngày {short_date(header.as_of)}; hạn gửi {short_date(header.deadline)}",
            "",
            "Tỷ lệ báo cáo / reporting rates",
        ]
        width = max((len(r.label) for r in consolidation.rates), default=10)
        lines.append(
            f"  {'':<{width}} {'phải':>5} {'nhận':>5} {'đúng':>5} {'trễ':>5} {'lỗi':>5} "
            f"{'chưa':>5} {'tỷ lệ':>8} {'đúng hạn':>8}"
        )
        lines.extend(_rate_line(row, width) for row in consolidation.rates)
        for status in _ATTENTION:
            entries = [e for e in consolidation.units if e.status is status]
            if not entries:
                continue
            label = STATUS_LABELS[status]
            lines += ["", f"{label.vi} / {label.en}: {len(entries)}"]
            if status is Status.NOT_RECEIVED:
                lines.extend(_missing(entries, consolidation))
                continue
            for entry in entries:
                sent = short_date(entry.first_sent) if entry.first_sent else "?"
                detail = f" — {entry.source} (gửi {sent}"
                detail += f", {entry.errors} lỗi)" if status is Status.WITH_ERRORS else ")"
                lines.append(printable(f"  {entry.unit_code:<9} {entry.unit_name}{detail}"))
        for role in (FileRole.UNREADABLE, FileRole.OUT_OF_SCOPE, FileRole.SUPERSEDED):
            files = [f for f in consolidation.files if f.role is role]
            if not files:
                continue
            label = ROLE_LABELS[role]
            lines += ["", f"Tệp {label.vi.lower()} / {label.en} files: {len(files)}"]
            for file in files:
                via = f" (qua {file.via})" if file.via else ""
                lines.append(printable(f"  {file.source}{via}: {file.reason}"))
        for note in consolidation.notes:
            lines += ["", printable(f"Ghi chú / note: {note}")]
        counts = consolidation.counts()
        lines += [
            "",
            f"{len(consolidation.files)} tệp / files: {counts['files_current']} hiện hành, "
            f"{counts['files_superseded']} bản cũ, {counts['files_unreadable']} không đọc được, "
            f"{counts['files_out_of_scope']} ngoài phạm vi, {counts['files_consolidation']} bản "
            "tổng hợp",
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")
