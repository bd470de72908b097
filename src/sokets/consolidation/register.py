"""The submission register: who must report, which file is each unit's current report, each
unit's status, and the reporting rates.

Rules (``docs/consolidation.md`` and ``docs/decisions.md`` say why):

* a file is out of scope when its unit is not expected (a commune of another district, a unit
  left out of the expected list), unknown, or when it was sent after the as-of date;
* of several files of one unit (and one kind: report, Phụ lục 02 table, Phụ lục 03 table), the
  latest wins — latest received, else latest dated; then the later report date; then the file
  name — and the others are listed as superseded; a file read directly beats the same report
  found inside a consolidation;
* a unit with no report is *not received*; one whose current report has errors is *received with
  errors*; otherwise *on time* if it first sent a report on or before the deadline, else *late*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sokets.consolidation.collect import Submission
from sokets.consolidation.model import RateRow, RegisterEntry, Scope, given
from sokets.consolidation.statuses import FileRole, Status
from sokets.errors import InputError
from sokets.units import Unit, UnitKind, UnitRegistry


@dataclass(frozen=True)
class ScopeUnits:
    """The scope of a consolidation and the units it expects, in registry order."""

    scope: Scope
    expected: tuple[Unit, ...]
    codes: frozenset[str] = field(init=False)
    """The codes of the expected units."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", frozenset(u.code for u in self.expected))


def resolve_scope(district: str | None, registry: UnitRegistry) -> ScopeUnits:
    """The province (every unit with a report of its own), or one district's communes.

    Raises :class:`~sokets.errors.UnknownUnitError`, or :class:`~sokets.errors.InputError`
    when ``district`` names a unit that is not a district.
    """
    if district is None:
        units = tuple(u for u in registry if u.form is not None)
        return ScopeUnits(Scope(level="province", name="Tỉnh Nghệ An"), units)
    unit = registry.lookup(district)
    if unit.kind is not UnitKind.DISTRICT:
        raise InputError(
            f"{unit.name} ({unit.code}) không phải UBND cấp huyện / not a district",
            source="--district",
        )
    return ScopeUnits(
        Scope(level="district", district_code=unit.code, name=unit.name),
        registry.children(unit.code),
    )


def _out_of_scope_reason(submission: Submission, scope: ScopeUnits, registry: UnitRegistry) -> str:
    code = submission.unit_code
    if code is None or code not in registry:
        return "không xác định được đơn vị báo cáo / the reporting unit is unknown"
    unit = registry.get(code)
    district = scope.scope.district_code
    if district is not None and unit.kind is UnitKind.COMMUNE and unit.parent != district:
        parent = registry.get(unit.parent or "")
        return f"xã thuộc {parent.name}, ngoài phạm vi / a commune of another district"
    if district is not None and code == district:
        return (
            "báo cáo của chính UBND huyện: gửi lên tỉnh cùng bản tổng hợp / the district's own "
            "report, sent up beside the consolidation"
        )
    return "đơn vị không có trong danh sách phải báo cáo / unit not in the expected list"


def _latest_first(submission: Submission) -> tuple[date, date, bool, str]:
    return (
        submission.sent or date.min,
        submission.report_date or date.min,
        not submission.via,
        submission.source,
    )


def assign_roles(
    submissions: Sequence[Submission], scope: ScopeUnits, as_of: date, registry: UnitRegistry
) -> dict[tuple[str, str], Submission]:
    """Give every submission its role; return the current one by (unit code, slot)."""
    groups: dict[tuple[str, str], list[Submission]] = {}
    for submission in submissions:
        if submission.role is not None:  # unreadable, or a consolidation file itself
            continue
        sent = submission.sent
        if submission.unit_code not in scope.codes:
            submission.role = FileRole.OUT_OF_SCOPE
            submission.reason = _out_of_scope_reason(submission, scope, registry)
        elif sent is not None and sent > as_of:
            submission.role = FileRole.OUT_OF_SCOPE
            submission.reason = (
                f"gửi ngày {sent:%d/%m/%Y}, sau ngày tổng hợp {as_of:%d/%m/%Y} / sent after the "
                "as-of date"
            )
        else:
            groups.setdefault((str(submission.unit_code), submission.slot), []).append(submission)
    current: dict[tuple[str, str], Submission] = {}
    for key, candidates in groups.items():
        ordered = sorted(candidates, key=_latest_first, reverse=True)
        winner = current[key] = ordered[0]
        winner.role = FileRole.CURRENT
        for older in ordered[1:]:
            older.role = FileRole.SUPERSEDED
            where = f" ({winner.via})" if winner.via else ""
            older.reason = f"thay bằng / superseded by {winner.source}{where}"
    return current


def register_entry(
    unit: Unit,
    current: Submission | None,
    history: Iterable[Submission],
    deadline: date,
    include_invalid: bool,
) -> RegisterEntry:
    """The register line of an expected unit, from its current report and every report it sent."""
    district = unit.parent if unit.kind is UnitKind.COMMUNE else None
    if unit.kind is UnitKind.DISTRICT:
        district = unit.code
    if current is None:
        return RegisterEntry(
            **given(district_code=district),
            unit_code=unit.code,
            unit_name=unit.name,
            kind=unit.kind,
            status=Status.NOT_RECEIVED,
        )
    sent = [s.sent for s in history if s.sent is not None]
    first = min(sent) if sent else None
    if current.errors or current.model is None:
        status = Status.WITH_ERRORS
    elif first is not None and first > deadline:
        status = Status.LATE
    else:
        status = Status.ON_TIME
    return RegisterEntry(
        **given(
            district_code=district,
            report_date=current.report_date,
            received_date=current.received_date,
            first_sent=first,
        ),
        unit_code=unit.code,
        unit_name=unit.name,
        kind=unit.kind,
        status=status,
        source=current.source,
        via=current.via,
        report_number=current.report_number,
        versions=len(list(history)),
        errors=current.errors,
        warnings=current.warnings,
        in_figures=current.model is not None and (not current.errors or include_invalid),
    )


_KIND_ROWS = (
    (UnitKind.DEPARTMENT, "Sở, ban, ngành (cơ quan chuyên môn)"),
    (UnitKind.AGENCY, "Cơ quan, đơn vị cấp tỉnh khác"),
    (UnitKind.DISTRICT, "UBND cấp huyện"),
    (UnitKind.COMMUNE, "UBND cấp xã"),
)


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def rate_row(
    group: str, label: str, entries: Sequence[RegisterEntry], district_code: str | None = None
) -> RateRow:
    """Expected, received, on time…, and the two rates of a group of register lines."""
    counts = {status: sum(1 for e in entries if e.status is status) for status in Status}
    received = len(entries) - counts[Status.NOT_RECEIVED]
    return RateRow(
        **given(
            district_code=district_code,
            rate=_rate(received, len(entries)),
            rate_on_time=_rate(counts[Status.ON_TIME], len(entries)),
        ),
        group=group,
        label=label,
        expected=len(entries),
        received=received,
        on_time=counts[Status.ON_TIME],
        late=counts[Status.LATE],
        with_errors=counts[Status.WITH_ERRORS],
        not_received=counts[Status.NOT_RECEIVED],
    )


def rates(register: Sequence[RegisterEntry], registry: UnitRegistry) -> list[RateRow]:
    """Rates per kind of unit, then per district for communes, then for the whole scope.

    "Received" counts every unit that sent a report (with errors or not); "on time" the reports
    without errors first sent by the deadline.
    """
    rows = []
    for kind, label in _KIND_ROWS:
        entries = [e for e in register if e.kind is kind]
        if entries:
            rows.append(rate_row(kind.value, label, entries))
    communes = [e for e in register if e.kind is UnitKind.COMMUNE]
    for district in registry.of_kind(UnitKind.DISTRICT):
        entries = [e for e in communes if e.district_code == district.code]
        if entries:
            rows.append(rate_row("commune", f"Xã thuộc {district.name}", entries, district.code))
    rows.append(rate_row("total", "Tổng cộng", register))
    return rows
