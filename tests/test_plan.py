"""The plan as data (issue: core, deliverable 2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sokets.plan import ERRATA, PLAN, ErratumKind, is_late, period_contains

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_identity_and_bases() -> None:
    assert PLAN.number == "403/KH-UBND"
    assert PLAN.date == date(2023, 6, 13)
    assert PLAN.issuer == "UBND tỉnh Nghệ An"
    assert PLAN.signer.name == "Bùi Đình Long"
    assert PLAN.signer.title == "PHÓ CHỦ TỊCH"
    assert [(b.number, b.date) for b in PLAN.bases] == [
        ("09-NQ/TU", date(2022, 8, 5)),
        ("586/KH-UBND", date(2022, 8, 22)),
    ]


def test_period_and_deadlines() -> None:
    assert PLAN.period_start == date(2022, 8, 1)
    assert PLAN.review_deadline == date(2023, 8, 15)
    assert PLAN.report_deadline == date(2023, 8, 20)
    assert PLAN.report_channel == "SO-TTTT"
    assert period_contains(date(2022, 8, 1))
    assert not period_contains(date(2022, 7, 31))
    assert not period_contains(date(2023, 8, 12), report_date=date(2023, 8, 10))
    assert not is_late(date(2023, 8, 20))
    assert is_late(date(2023, 8, 21))


def test_conference(spec_text: str) -> None:
    conference = PLAN.conference
    assert conference.planned_month == (2023, 9)
    assert conference.expected_guests == 200
    assert len(conference.guest_groups) == 7
    for text in (conference.place, conference.chair, *conference.guest_groups):
        assert text in spec_text


def test_duties_quote_section_iv(spec_text: str) -> None:
    assert [d.heading for d in PLAN.duties][:3] == [
        "Sở Thông tin và Truyền thông",
        "Văn phòng UBND tỉnh",
        "Sở Tài chính",
    ]
    assert len(PLAN.duties[0].tasks) == 7
    assert PLAN.duties[-1].applies_to_all_reporting_units
    for duty in PLAN.duties:
        for task in duty.tasks:
            assert " ".join(task.split()) in spec_text, task


def test_every_erratum_is_in_the_plan_and_in_the_docs(raw_spec_text: str) -> None:
    errata_doc = (DOCS / "errata.md").read_text(encoding="utf-8")
    flat = " ".join(raw_spec_text.replace("**", "").split())
    for erratum in ERRATA:
        if erratum.kind in (ErratumKind.CORRECTED, ErratumKind.KEPT):
            assert erratum.original in flat, erratum.original
        assert erratum.original in errata_doc, erratum.original
        assert erratum.corrected in errata_doc, erratum.corrected


def test_short_date_writes_dates_as_the_plan_does() -> None:
    from datetime import date

    from sokets._text import short_date

    assert short_date(date(2023, 6, 13)) == "13/6/2023"
    assert short_date(date(2022, 8, 5)) == "05/8/2022"
    assert short_date(date(2023, 2, 1)) == "01/02/2023"
    assert short_date(date(2018, 12, 28)) == "28/12/2018"
