"""A draft of a district's own Phụ lục 01 report, from its communes' consolidation.

The items its communes' figures answer are filled from the roll-up — the community tech teams
and the rate of communes that set them up (A.II.3, the bullet addressed to UBND cấp huyện), the
communes' rates on administrative procedures and e-documents (A.II.2) and on training (A.II.3) —
and everything else is left for the district to write. The draft is a valid PL01 report but for
what is left to write: empty answers (R005), the report number and the signer's name (R006), the
tables of Phụ lục 02 and 03 (R013, R014).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sokets.consolidation.model import Consolidation, IndicatorRollup, RollupRow
from sokets.forms import FORMS
from sokets.models import Pl01Report
from sokets.models.answers import answer_key
from sokets.outline import IndicatorKind, pl01_outline
from sokets.units import Unit, get_registry

#: The Phụ lục 01 items a district's draft takes figures for, and the Phụ lục 04 items whose
#: rates its communes give: procedures and e-documents (A.II.2, third bullet: chuẩn hóa, điện tử
#: hóa quy trình xử lý hồ sơ…) and training (A.II.3, third bullet: đào tạo, tập huấn…).
FIGURES_FROM_COMMUNES: dict[str, tuple[str, ...]] = {
    "A.II.2.b3": ("3.a.b3", "3.a.b4"),
    "A.II.3.b3": ("3.a.b7",),
}

#: The bullet addressed to UBND cấp huyện about the community tech teams, and the commune item
#: that counts them.
TEAMS_ITEM, COMMUNE_TEAMS_ITEM = "A.II.3.b6", "3.c.b3"


def _number(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _district_row(rollup: IndicatorRollup, district: str) -> RollupRow | None:
    return next((r for r in rollup.rows if r.scope_code == district), None)


def _rollups(consolidation: Consolidation, item_id: str) -> list[IndicatorRollup]:
    return [r for r in consolidation.indicators if r.form == "PL04" and r.item_id == item_id]


def _figures(
    consolidation: Consolidation, district: str, items: Sequence[str], as_of: date
) -> list[dict[str, Any]]:
    figures = []
    for item_id in items:
        for rollup in _rollups(consolidation, item_id):
            row = _district_row(rollup, district)
            if rollup.kind is not IndicatorKind.RATIO or row is None or row.rate is None:
                continue
            figures.append(
                {
                    "name": (
                        f"{rollup.label} (tổng hợp báo cáo của {row.reporting_units}/"
                        f"{row.expected_units} xã: {_count(row.numerator or 0)}/"
                        f"{_count(row.denominator or 0)})"
                    ),
                    "value": row.rate,
                    "unit": "%",
                    "as_of": as_of.isoformat(),
                }
            )
    return figures


def _whole(district: Unit) -> str:
    """ "huyện Con Cuông", "thành phố Vinh": the district as the object of "toàn …"."""
    bare = district.aliases[0] if district.aliases else district.name
    return f"{district.subtype} {bare}" if district.subtype else district.name


def _teams(consolidation: Consolidation, district: Unit, as_of: date) -> dict[str, Any] | None:
    """The district's community tech teams, added up from its communes' reports."""
    communes = len(get_registry().children(district.code))
    rows = {
        r.indicator_id: _district_row(r, district.code)
        for r in _rollups(consolidation, COMMUNE_TEAMS_ITEM)
    }
    commune_row, village_row = rows.get("commune_teams"), rows.get("village_teams")
    if commune_row is None or not commune_row.reporting_units:
        return None
    answers = next(
        (
            e.answers
            for e in consolidation.outline
            if e.form == "PL04" and e.item_id == COMMUNE_TEAMS_ITEM
        ),
        [],
    )
    with_teams = 0
    for answer in answers:
        teams = answer.indicators.get("commune_teams")
        with_teams += isinstance(teams, int) and not isinstance(teams, bool) and teams > 0
    reporting = commune_row.reporting_units
    commune_teams = commune_row.total or 0
    village_teams = (village_row.total or 0) if village_row is not None else 0
    percent = round(100 * with_teams / communes, 1)
    results = (
        f"Tổng hợp từ báo cáo của {reporting}/{communes} xã: toàn {_whole(district)} đã "
        f"thành lập {_count(commune_teams)} tổ công nghệ số cộng đồng cấp xã và "
        f"{_count(village_teams)} tổ cấp thôn, bản; {with_teams}/{communes} xã "
        f"({_number(percent)}%) đã thành lập tổ."
    )
    if reporting < communes:
        results += f" Còn {communes - reporting} xã chưa có số liệu (không tính vào tổng)."
    return {
        "results": results,
        "indicators": {
            "commune_teams": commune_teams,
            "village_teams": village_teams,
            "communes_with_teams": {
                "numerator": with_teams,
                "denominator": communes,
                "percent": percent,
            },
        },
    }


def district_draft(consolidation: Consolidation) -> Pl01Report:
    """A draft of the district's Phụ lục 01 report from a consolidation of its communes.

    Raises :class:`ValueError` for a consolidation of the province (the draft is a district's).
    """
    scope = consolidation.header.scope
    if scope.level != "district" or scope.district_code is None:
        raise ValueError("bản dự thảo chỉ lập cho một huyện (--district) / a district's draft only")
    registry = get_registry()
    district = registry.get(scope.district_code)
    as_of = consolidation.header.as_of
    answers: dict[str, Any] = {
        answer_key(leaf.id): {} for leaf in pl01_outline().leaves_for(district)
    }
    for item_id, sources in FIGURES_FROM_COMMUNES.items():
        figures = _figures(consolidation, district.code, sources, as_of)
        if figures and answer_key(item_id) in answers:
            answers[answer_key(item_id)] = {"figures": figures}
    teams = _teams(consolidation, district, as_of)
    if teams is not None:
        answers[answer_key(TEAMS_ITEM)] = teams
    spec = FORMS["PL01"]
    document = {
        "header": {
            "form": "PL01",
            "version": spec.version,
            "unit_code": district.code,
            "report_number": "",
            "report_date": as_of.isoformat(),
            "place": district.aliases[0] if district.aliases else district.name,
            "signer": {"authority": ["TM. ỦY BAN NHÂN DÂN"], "title": "CHỦ TỊCH", "name": ""},
            "recipients": [
                "UBND tỉnh (qua Sở Thông tin và Truyền thông) (b/c);",
                "Lưu: VT.",
            ],
        },
        "answers": answers,
    }
    report = spec.model.model_validate_json(json.dumps(document, ensure_ascii=False))
    assert isinstance(report, Pl01Report)
    return report
