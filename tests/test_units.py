"""The unit registry (issue: core, deliverable 3)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sokets.errors import UnknownUnitError
from sokets.units import UnitKind, get_registry

CSV = Path(__file__).resolve().parent.parent / "src/sokets/data/administrative-units-2023.csv"


def test_counts_per_kind() -> None:
    registry = get_registry()
    assert len(registry.of_kind(UnitKind.DEPARTMENT)) == 20
    assert len(registry.of_kind(UnitKind.DISTRICT)) == 21
    assert len(registry.of_kind(UnitKind.COMMUNE)) == 460
    assert {u.code for u in registry.of_kind(UnitKind.SUBUNIT)} == {"CONG-TTDT", "TT-CNTT"}
    assert {u.code for u in registry.of_kind(UnitKind.AGENCY)} == {
        "CA-TINH", "DIEN-LUC", "BAO-NA", "DAI-PTTH", "BQL-KKT",
    }  # fmt: skip


def test_gso_codes_and_districts_match_the_official_list() -> None:
    registry = get_registry()
    with CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 460
    for row in rows:
        commune = registry.get(row["ward_code"])
        assert commune.kind is UnitKind.COMMUNE
        assert commune.name == unicodedata.normalize("NFC", row["ward_name"])
        assert commune.parent == row["district_code"]
        assert registry.get(row["district_code"]).kind is UnitKind.DISTRICT
    assert sum(len(registry.children(d.code)) for d in registry.of_kind(UnitKind.DISTRICT)) == 460


def test_subunits_report_through_their_parent() -> None:
    registry = get_registry()
    assert registry.get("CONG-TTDT").reporting_unit == "VP-UBND"
    assert registry.get("TT-CNTT").reporting_unit == "SO-TTTT"
    assert not registry.get("TT-CNTT").reports
    assert registry.get("SO-TTTT").form == "PL01"
    assert registry.get("412").form == "PL01"
    assert registry.get("16663").form == "PL04"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Sở TT&TT", "SO-TTTT"),
        ("Sở Thông tin và Truyền thông", "SO-TTTT"),
        ("  sở   thông tin và truyền THÔNG ", "SO-TTTT"),
        ("so-tttt", "SO-TTTT"),
        ("Văn phòng UBND tỉnh", "VP-UBND"),
        ("Sở Lao động-TB&XH", "SO-LDTBXH"),
        ("Sở Giáo Dục và Đào tạo", "SO-GDDT"),
        ("Trung tâm CNTT-TT", "TT-CNTT"),
        ("Trung tâm CNTT&TT Nghệ An", "TT-CNTT"),
        ("Cổng TTĐT tỉnh", "CONG-TTDT"),
        ("TP Vinh", "412"),
        ("UBND thành phố Vinh", "412"),
        ("Thị xã Thái Hòa", "414"),
        ("Thị xã Thái Hoà", "414"),
        ("TX Hoàng Mai", "432"),
        ("Huyện Kỳ Sơn", "417"),
        ("Phường Hà Huy Tập", "16666"),
        ("16663", "16663"),
    ],
)
def test_lookup_by_code_name_or_alias(query: str, code: str) -> None:
    assert get_registry().lookup(query).code == code


def test_lookup_is_tolerant_of_nfd() -> None:
    registry = get_registry()
    query = unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông")
    assert query != "Sở Thông tin và Truyền thông"
    assert registry.lookup(query).code == "SO-TTTT"


def test_ambiguous_commune_name_lists_candidates_and_can_be_qualified() -> None:
    registry = get_registry()
    with pytest.raises(UnknownUnitError) as info:
        registry.lookup("Xã Nam Sơn")
    assert len(info.value.candidates) == 2
    for code in info.value.candidates:
        commune = registry.get(code)
        district = registry.get(commune.parent or "")
        assert registry.lookup(f"{commune.name}, {district.name}").code == code


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(UnknownUnitError, match="Sở Vũ trụ"):
        get_registry().lookup("Sở Vũ trụ")
    with pytest.raises(UnknownUnitError):
        get_registry().get("XYZ")


def test_codes_unique_and_every_name_resolves_to_its_unit() -> None:
    registry = get_registry()
    codes = [u.code for u in registry]
    assert len(codes) == len(set(codes)) == 508
    for unit in registry:
        for name in (unit.name, *unit.aliases):
            try:
                assert registry.lookup(name).code == unit.code
            except UnknownUnitError as exc:  # shared commune names must list this unit
                assert unit.code in exc.candidates


@given(st.sampled_from(sorted(get_registry().codes)), st.sampled_from(["NFC", "NFD"]))
def test_lookup_of_any_name_in_any_normal_form(code: str, form: str) -> None:
    registry = get_registry()
    unit = registry.get(code)
    name = unicodedata.normalize(form, f"  {unit.name.upper()} ")
    try:
        assert registry.lookup(name).code == code
    except UnknownUnitError as exc:
        assert code in exc.candidates


def test_report_number_example_fits_the_unit() -> None:
    registry = get_registry()
    assert registry.get("412").report_number_example == "52/BC-UBND"
    assert registry.get("16711").report_number_example == "52/BC-UBND"
    assert "STTTT" not in registry.get("SO-YT").report_number_example


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("So Y te", "SO-YT"),
        ("Xa Hung Dong", "16705"),
        ("Hưng Đông", "16705"),
        ("hung dong", "16705"),
        ("Nghi Loc", "429"),
        ("UBND huyen Nghi Loc", "429"),
        ("thanh pho vinh", "412"),
        ("Sở TT&TT", "SO-TTTT"),
    ],
)
def test_names_typed_without_diacritics_or_kind_word(typed: str, code: str) -> None:
    assert get_registry().lookup(typed).code == code


def test_a_loose_name_shared_by_units_is_ambiguous_and_names_them() -> None:
    with pytest.raises(UnknownUnitError) as info:
        get_registry().lookup("Nam Son")
    assert set(info.value.candidates) == {"17086", "17656"}
    assert "Huyện Đô Lương" in str(info.value) and "Huyện Quỳ Hợp" in str(info.value)


def test_an_unknown_name_suggests_the_closest_units() -> None:
    with pytest.raises(UnknownUnitError) as info:
        get_registry().lookup("Hung Dongg")
    assert info.value.suggestions[0] == "Xã Hưng Đông, Thành phố Vinh (16705)"
    assert "16705" in str(info.value)


@given(st.sampled_from(sorted(get_registry().codes)))
def test_every_name_without_diacritics_finds_its_unit_or_lists_it(code: str) -> None:
    from sokets._text import ascii_fold

    registry = get_registry()
    unit = registry.get(code)
    try:
        assert registry.lookup(ascii_fold(unit.name)).code == code
    except UnknownUnitError as exc:
        assert code in exc.candidates
