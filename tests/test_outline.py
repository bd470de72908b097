"""The outlines of Phụ lục 01 and 04 (issue: core, deliverable 5)."""

from __future__ import annotations

import pytest

from sokets.outline import IndicatorKind, outline_for, pl01_outline, pl04_outline
from sokets.units import UnitKind, get_registry


def _leaf_ids_for(code: str) -> set[str]:
    unit = get_registry().get(code)
    return {i.id for i in outline_for(unit).leaves_for(unit)}


@pytest.mark.parametrize("outline", [pl01_outline(), pl04_outline()], ids=["PL01", "PL04"])
def test_titles_and_guidance_are_verbatim(outline, spec_text: str) -> None:  # type: ignore[no-untyped-def]
    assert outline.title in spec_text
    for item in outline.walk():
        assert item.title in spec_text, item.id
        assert item.guidance in spec_text, item.id
    assert outline.note.rstrip(".") in spec_text


@pytest.mark.parametrize("outline", [pl01_outline(), pl04_outline()], ids=["PL01", "PL04"])
def test_ids_are_unique_and_numbers_follow_the_plan(outline) -> None:  # type: ignore[no-untyped-def]
    ids = [i.id for i in outline.walk()]
    assert len(ids) == len(set(ids))
    for item in outline.walk():
        if item.number in ("-", "+"):
            assert item.id.rsplit(".", 1)[-1][0] in "bp"


def test_pl01_structure() -> None:
    outline = pl01_outline()
    assert [i.id for i in outline.items] == ["A", "B"]
    assert [i.id for i in outline.get("A").children] == ["A.I", "A.II", "A.III", "A.IV"]
    assert [i.number for i in outline.get("A.II").children] == [f"{n}." for n in range(1, 8)]
    assert len(outline.get("A.II.7").children) == 10
    assert [c.id for c in outline.get("A.II.7.b3").children] == [
        "A.II.7.b3.p1", "A.II.7.b3.p2", "A.II.7.b3.p3",
    ]  # fmt: skip
    assert len(outline.leaves()) == 35


def test_pl04_structure_and_indicators() -> None:
    outline = pl04_outline()
    assert [i.number for i in outline.items] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [c.number for c in outline.get("3").children] == ["a)", "b)", "c)"]
    assert len(outline.leaves()) == 18
    kinds = [ind.kind for leaf in outline.leaves() for ind in leaf.indicators]
    assert kinds.count(IndicatorKind.RATIO) == 12
    assert kinds.count(IndicatorKind.YES_NO) == 1
    assert kinds.count(IndicatorKind.COUNT) == 2
    for leaf in outline.leaves():
        for indicator in leaf.indicators:
            if indicator.kind is IndicatorKind.RATIO:
                assert indicator.label.startswith("Tỷ lệ ")
                quoted = indicator.label.removeprefix("Tỷ lệ ").lower()
                if indicator.id == "procedures_configured":  # one "tỷ lệ" split in two
                    quoted = quoted.removeprefix("thủ tục hành chính ")
                assert quoted in leaf.title.lower(), indicator.id


def test_health_bullets_only_for_so_y_te() -> None:
    health = {"A.II.7.b3.p1", "A.II.7.b3.p2", "A.II.7.b3.p3"}
    assert health <= _leaf_ids_for("SO-YT")
    for unit in get_registry().reporting_units():
        if unit.code != "SO-YT" and unit.form == "PL01":
            assert not health & _leaf_ids_for(unit.code), unit.code


def test_ioc_bullet_for_tttt_vinh_cua_lo_hoang_mai_only() -> None:
    registry = get_registry()
    who = {u.code for u in registry.reporting_units() if "A.II.4.b2" in _leaf_ids_for(u.code)}
    assert who == {"SO-TTTT", "412", "413", "432"}
    assert {registry.get(c).name for c in who - {"SO-TTTT"}} == {
        "Thành phố Vinh", "Thị xã Cửa Lò", "Thị xã Hoàng Mai",
    }  # fmt: skip


def test_community_tech_teams_only_for_districts() -> None:
    registry = get_registry()
    for unit in registry.reporting_units():
        expected = unit.kind is UnitKind.DISTRICT
        assert ("A.II.3.b6" in _leaf_ids_for(unit.code)) is expected, unit.code


def test_common_items_apply_to_every_pl01_unit() -> None:
    common = {
        "A.I",
        "A.II.1",
        "A.II.2.b1",
        "A.II.4.b1",
        "A.II.5.b6",
        "A.II.7.b1",
        "A.III",
        "A.IV",
        "B",
    }
    for unit in get_registry().reporting_units():
        if unit.form == "PL01":
            assert common <= _leaf_ids_for(unit.code)


def test_commune_answers_every_pl04_leaf() -> None:
    unit = get_registry().get("16663")
    assert outline_for(unit) is pl04_outline()
    assert _leaf_ids_for("16663") == {i.id for i in pl04_outline().leaves()}


def test_headings_apply_when_a_leaf_below_applies() -> None:
    registry = get_registry()
    outline = pl01_outline()
    section6 = outline.get("A.II.6")
    assert section6.applies_to(registry.get("SO-TTTT"))
    assert not section6.applies_to(registry.get("SO-YT"))
    ids = [i.id for i in outline.items_for(registry.get("SO-YT"))]
    assert "A.II.6" not in ids and "A.II.7.b3" in ids


def test_subunit_has_no_outline() -> None:
    with pytest.raises(ValueError, match="parent"):
        outline_for(get_registry().get("TT-CNTT"))
