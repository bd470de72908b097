"""Rules on the report header: who reports, and when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sokets._text import short_date
from sokets.findings import Finding
from sokets.plan import PLAN, is_late
from sokets.rules import codes as c
from sokets.rules._engine import REPORT_FORMS, ReportContext, rule
from sokets.units import get_registry


def _day(value: date) -> str:
    return short_date(value)


@rule(
    "commune-in-district",
    "Xã thuộc đúng huyện đã khai / a commune belongs to the district it declares",
    forms=("PL04",),
    emits=(c.COMMUNE_NOT_IN_DISTRICT,),
)
def commune_in_district(ctx: ReportContext) -> Iterator[Finding]:
    """A commune's ``district_code`` is its parent in the registry."""
    declared, parent = ctx.header.district_code, ctx.unit.parent
    if parent is not None and declared != parent:
        registry = get_registry()
        yield c.COMMUNE_NOT_IN_DISTRICT.at(
            "/header/district_code",
            unit=ctx.unit.code,
            name=ctx.unit.name,
            parent=parent,
            parent_name=registry.get(parent).name,
            declared_name=registry.get(declared).name,
        )


_HEADER_TEXTS = (
    ("/header/report_number", ("report_number",), "Số báo cáo", "The report number"),
    ("/header/signer/title", ("signer", "title"), "Chức vụ người ký", "The signer's title"),
    ("/header/signer/name", ("signer", "name"), "Họ và tên người ký", "The signer's name"),
)


@rule(
    "header-texts",
    "Số báo cáo và người ký không để trống / report number and signer filled in",
    forms=REPORT_FORMS,
    emits=(c.EMPTY_TEXT,),
)
def header_texts(ctx: ReportContext) -> Iterator[Finding]:
    """Report number, signer's title and name are not blank."""
    for pointer, path, label_vi, label_en in _HEADER_TEXTS:
        value = ctx.header
        for name in path:
            value = getattr(value, name)
        if not value.strip():
            yield c.EMPTY_TEXT.at(pointer, label_vi=label_vi, label_en=label_en)


@rule(
    "report-date",
    "Ngày báo cáo trong kỳ và đúng hạn / report dated in the period and on time",
    forms=REPORT_FORMS,
    emits=(c.REPORT_BEFORE_PERIOD, c.REPORT_BEFORE_PLAN, c.REPORT_AFTER_REVIEW, c.LATE_REPORT),
)
def report_date(ctx: ReportContext) -> Iterator[Finding]:
    """The report date is not before 1/8/2022 nor the plan (13/6/2023), nor after 31/12/2023;
    after 20/8/2023 it is late."""
    day = ctx.header.report_date
    if day < PLAN.period_start:
        yield c.REPORT_BEFORE_PERIOD.at(
            "/header/report_date", date=_day(day), start=_day(PLAN.period_start)
        )
    elif day < PLAN.date:
        yield c.REPORT_BEFORE_PLAN.at(
            "/header/report_date", date=_day(day), plan_date=_day(PLAN.date)
        )
    elif day > PLAN.last_report_date:
        yield c.REPORT_AFTER_REVIEW.at(
            "/header/report_date", date=_day(day), limit=_day(PLAN.last_report_date)
        )
    elif is_late(day):
        yield c.LATE_REPORT.at(
            "/header/report_date", date=_day(day), deadline=_day(PLAN.report_deadline)
        )
