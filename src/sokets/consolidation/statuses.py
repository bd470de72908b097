"""The catalogue of consolidation statuses and file roles: stable codes with bilingual labels.

Every expected unit gets one :class:`Status`; every input file one :class:`FileRole`. Codes are
stable (other systems read them from the JSON document) and never reused; ``docs/consolidation.md``
shows this catalogue (a test keeps it current).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Where an expected unit's report stands."""

    ON_TIME = "on_time"
    LATE = "late"
    WITH_ERRORS = "received_with_errors"
    NOT_RECEIVED = "not_received"


class FileRole(StrEnum):
    """What became of one input file."""

    CURRENT = "current"
    SUPERSEDED = "superseded"
    UNREADABLE = "unreadable"
    OUT_OF_SCOPE = "out_of_scope"
    CONSOLIDATION = "consolidation"


@dataclass(frozen=True)
class Label:
    """How a code is shown: Vietnamese, English, and what it means."""

    vi: str
    en: str
    meaning: str


STATUS_LABELS: dict[Status, Label] = {
    Status.ON_TIME: Label(
        "Đúng hạn",
        "on time",
        "Received, without errors, first sent on or before the deadline.",
    ),
    Status.LATE: Label(
        "Trễ hạn",
        "late",
        "Received, without errors, first sent after the deadline. Still consolidated.",
    ),
    Status.WITH_ERRORS: Label(
        "Có lỗi",
        "received with errors",
        "The unit's current report has errors: it is listed with its findings and kept out of "
        "the figures (unless --include-invalid, for reports that fit their form).",
    ),
    Status.NOT_RECEIVED: Label(
        "Chưa nhận",
        "not received",
        "No report of the unit among the inputs (or none received by the as-of date).",
    ),
}

ROLE_LABELS: dict[FileRole, Label] = {
    FileRole.CURRENT: Label(
        "Báo cáo hiện hành",
        "current report",
        "The unit's report that is consolidated: its latest (see docs/decisions.md).",
    ),
    FileRole.SUPERSEDED: Label(
        "Bản cũ",
        "superseded",
        "An earlier report of a unit that sent a later one: listed, never dropped, not counted.",
    ),
    FileRole.UNREADABLE: Label(
        "Không đọc được",
        "unreadable",
        "Not a report sokets can read (malformed, unknown form, no permission…), with its error.",
    ),
    FileRole.OUT_OF_SCOPE: Label(
        "Ngoài phạm vi",
        "out of scope",
        "A report of a unit outside the consolidation (a commune of another district, a unit "
        "not in the expected list, a report dated after the as-of date), with the reason.",
    ),
    FileRole.CONSOLIDATION: Label(
        "Bản tổng hợp",
        "consolidation",
        "An earlier consolidation (a district's): its units' reports are taken from it, each "
        "listed with the file it came through.",
    ),
}


def catalogue_markdown() -> str:
    """The two tables of ``docs/consolidation.md`` that list the codes (kept current by a test)."""
    lines = [
        "| Tình trạng / status | Mã / code | Nghĩa / meaning |",
        "|---|---|---|",
        *(f"| {v.vi} / {v.en} | `{k.value}` | {v.meaning} |" for k, v in STATUS_LABELS.items()),
        "",
        "| Vai trò tệp / file role | Mã / code | Nghĩa / meaning |",
        "|---|---|---|",
        *(f"| {v.vi} / {v.en} | `{k.value}` | {v.meaning} |" for k, v in ROLE_LABELS.items()),
    ]
    return "\n".join(lines) + "\n"
