"""Consolidation (issue 10): every input accounted for, statuses, rates, roll-ups from numerators
and denominators, and consolidations that compose without counting anything twice."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sokets.consolidation import Consolidation, FileRole, Status, consolidate
from sokets.consolidation.collect import load_consolidation
from sokets.consolidation.model import dump_consolidation
from sokets.units import UnitKind, get_registry
from tests.conftest import EXAMPLES

AS_OF = date(2023, 9, 1)
COMMUNE = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
DISTRICT = json.loads((EXAMPLES / "ubnd-tp-vinh-pl01.json").read_bytes())
CON_CUONG = "Huyện Con Cuông"


def commune(
    code: str, day: str = "2023-08-15", *, teams: int = 2, online: tuple[int, int] = (45, 100)
) -> dict[str, Any]:
    """A valid commune report of ``code`` (its district set from the registry)."""
    report = copy.deepcopy(COMMUNE)
    unit = get_registry().get(code)
    report["header"].update(unit_code=code, district_code=unit.parent, report_date=day)
    indicators = report["answers"]["m3_a_b3"]["indicators"]
    n, d = online
    indicators["dossiers_received_online"] = {"numerator": n, "denominator": d}
    report["answers"]["m3_c_b3"]["indicators"]["commune_teams"] = teams
    return report


def write(folder: Path, name: str, report: dict[str, Any] | str) -> Path:
    path = folder / name
    path.write_text(report if isinstance(report, str) else json.dumps(report, ensure_ascii=False))
    return path


def communes_of(district: str) -> list[str]:
    registry = get_registry()
    return [u.code for u in registry.children(registry.lookup(district).code)]


def rollup(consolidation: Consolidation, item: str, indicator: str, scope: str) -> Any:
    found = next(
        r for r in consolidation.indicators if (r.item_id, r.indicator_id) == (item, indicator)
    )
    return next(row for row in found.rows if row.scope_code == scope)


# -- the register -------------------------------------------------------------------------------


def test_every_input_file_appears_exactly_once_with_its_role(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "a.json", commune(codes[0]))
    write(tmp_path, "a-v2.json", commune(codes[0], "2023-08-18"))  # supersedes a.json
    write(tmp_path, "b.json", commune(codes[1]))
    write(tmp_path, "other.json", commune("16705"))  # a commune of Thành phố Vinh
    write(tmp_path, "broken.json", "{not json")
    bad = commune(codes[2])
    bad["answers"]["m2"]["results"] = 12
    write(tmp_path, "bad.json", bad)
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    roles = {Path(f.source).name: f.role for f in result.files}
    assert sorted(roles) == sorted(p.name for p in tmp_path.iterdir())
    assert len(result.files) == len(roles)
    assert roles == {
        "a.json": FileRole.SUPERSEDED,
        "a-v2.json": FileRole.CURRENT,
        "b.json": FileRole.CURRENT,
        "other.json": FileRole.OUT_OF_SCOPE,
        "broken.json": FileRole.UNREADABLE,
        "bad.json": FileRole.CURRENT,
    }
    reasons = {Path(f.source).name: f.reason for f in result.files}
    assert "a-v2.json" in reasons["a.json"]
    assert "Thành phố Vinh" in reasons["other.json"]
    assert "malformed JSON" in reasons["broken.json"]


def test_each_expected_unit_has_one_status(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "on-time.json", commune(codes[0], "2023-08-20"))
    write(tmp_path, "late.json", commune(codes[1], "2023-08-21"))
    bad = commune(codes[2])
    bad["answers"]["m3_a_b7"]["indicators"]["officials_trained"]["numerator"] = 99  # R018
    write(tmp_path, "bad.json", bad)
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    statuses = {e.unit_code: e.status for e in result.units}
    assert len(statuses) == len(codes) == 13
    assert statuses[codes[0]] is Status.ON_TIME  # "trước ngày 20/8/2023": 20/8 is on time
    assert statuses[codes[1]] is Status.LATE
    assert statuses[codes[2]] is Status.WITH_ERRORS
    assert all(statuses[c] is Status.NOT_RECEIVED for c in codes[3:])
    (entry,) = [e for e in result.units if e.unit_code == codes[2]]
    assert not entry.in_figures and entry.errors == 1
    (bad_file,) = [f for f in result.files if f.source.endswith("bad.json")]
    assert [f.code for f in bad_file.findings] == ["R018"]


def test_rates_in_the_manner_of_dhis2(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "1.json", commune(codes[0], "2023-08-10"))
    write(tmp_path, "2.json", commune(codes[1], "2023-08-10"))
    write(tmp_path, "3.json", commune(codes[2], "2023-08-25"))
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    total = result.rates[-1]
    assert (total.group, total.expected, total.received, total.on_time, total.late) == (
        "total",
        13,
        3,
        2,
        1,
    )
    assert total.rate == round(100 * 3 / 13, 1) and total.rate_on_time == round(100 * 2 / 13, 1)
    (district_row,) = [r for r in result.rates if r.district_code is not None]
    assert district_row.expected == 13 and district_row.label.endswith("Huyện Con Cuông")


def test_a_receipt_date_decides_timeliness_over_the_report_date(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "a.json", commune(codes[0], "2023-08-18"))  # dated on time, received late
    write(tmp_path, "b.json", commune(codes[1], "2023-08-22"))  # dated late, received on time?
    receipts = tmp_path / "so-nhan.csv"
    receipts.write_text(
        f"unit,received\n{codes[0]},22/8/2023\n{codes[1]},2023-08-19\n{codes[2]},2023-08-19\n"
    )
    result = consolidate([tmp_path / "a.json", tmp_path / "b.json"], scope=CON_CUONG,
                         as_of=AS_OF, received=receipts)  # fmt: skip
    statuses = {e.unit_code: e.status for e in result.units}
    assert statuses[codes[0]] is Status.LATE and statuses[codes[1]] is Status.ON_TIME
    assert len(result.notes) == 1 and codes[2] in result.notes[0]  # a receipt with no report


def test_a_corrected_report_keeps_the_first_sending_date(tmp_path: Path) -> None:
    code = communes_of(CON_CUONG)[0]
    write(tmp_path, "first.json", commune(code, "2023-08-15"))
    write(tmp_path, "fixed.json", commune(code, "2023-08-28"))
    (entry,) = [
        e
        for e in consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF).units
        if e.unit_code == code
    ]
    assert entry.status is Status.ON_TIME and entry.versions == 2
    assert entry.source.endswith("fixed.json") and entry.first_sent == date(2023, 8, 15)


def test_reports_sent_after_the_as_of_date_are_out_of_scope(tmp_path: Path) -> None:
    code = communes_of(CON_CUONG)[0]
    write(tmp_path, "a.json", commune(code, "2023-08-25"))
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=date(2023, 8, 20))
    assert result.files[0].role is FileRole.OUT_OF_SCOPE
    assert "as-of" in result.files[0].reason
    assert result.units[0].status is Status.NOT_RECEIVED


def test_the_expected_list_narrows_and_widens_the_default(tmp_path: Path) -> None:
    expected = tmp_path / "phai-bao-cao.txt"
    expected.write_text("# the Sở decides\n-Báo Nghệ An\n-DIEN-LUC\n")
    result = consolidate([EXAMPLES], expected=expected, as_of=AS_OF)
    codes = {e.unit_code for e in result.units}
    assert "BAO-NA" not in codes and "DIEN-LUC" not in codes and "DAI-PTTH" in codes
    assert len(codes) == 506 - 2
    expected.write_text("SO-TTTT\nSo Y te\n")
    result = consolidate([EXAMPLES], expected=expected, as_of=AS_OF)
    assert [e.unit_code for e in result.units] == ["SO-TTTT", "SO-YT"]
    roles = {Path(f.source).name: f.role for f in result.files}
    assert roles["ubnd-tp-vinh-pl01.json"] is FileRole.OUT_OF_SCOPE


def test_an_unknown_unit_in_the_expected_list_names_the_line(tmp_path: Path) -> None:
    from sokets.errors import InputError

    expected = tmp_path / "list.txt"
    expected.write_text("SO-TTTT\nSở Vũ trụ\n")
    with pytest.raises(InputError) as info:
        consolidate([EXAMPLES], expected=expected)
    assert info.value.location == "2"


# -- what the reports say -----------------------------------------------------------------------


def test_rates_are_sums_of_numerators_over_sums_of_denominators(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    write(tmp_path, "1.json", commune(codes[0], online=(1, 1), teams=0))  # 100 %
    write(tmp_path, "2.json", commune(codes[1], online=(10, 99), teams=3))  # 10.1 %
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    row = rollup(
        result, "3.a.b3", "dossiers_received_online", get_registry().lookup(CON_CUONG).code
    )
    assert (row.numerator, row.denominator, row.reporting_units, row.expected_units) == (
        11,
        100,
        2,
        13,
    )
    assert row.rate == 11.0  # not (100 + 10.1) / 2
    teams = rollup(result, "3.c.b3", "commune_teams", "total")
    assert teams.total == 3
    channel = rollup(result, "3.a.b5", "interaction_channel", "total")
    assert (channel.yes, channel.no, channel.reporting_units) == (2, 0, 2)


def test_a_stated_percent_that_disagrees_is_listed_and_the_computed_rate_used(
    tmp_path: Path,
) -> None:
    code = communes_of(CON_CUONG)[0]
    report = commune(code)
    report["answers"]["m3_a_b3"]["indicators"]["dossiers_received_online"]["percent"] = 80.0
    write(tmp_path, "a.json", report)
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF, include_invalid=True)
    found = next(r for r in result.indicators if r.indicator_id == "dossiers_received_online")
    assert [(m.unit_code, m.stated, m.computed) for m in found.mismatches] == [(code, 80.0, 45.0)]
    assert found.rows[-1].rate == 45.0


def test_pl03_shows_each_lead_units_row_or_not_reported() -> None:
    result = consolidate([EXAMPLES], as_of=AS_OF)
    tasks = {t.task_id: t for t in result.tasks}
    assert len(tasks) == 38
    assert [r.unit_code for r in tasks["I.1"].rows] == ["SO-TTTT"] and not tasks["I.1"].not_reported
    assert tasks["IV.1"].rows == [] and tasks["IV.1"].not_reported == ["SO-GDDT"]
    everyone = tasks["II.4"]
    assert everyone.for_all_units and len(everyone.expected) == 46
    assert {r.unit_code for r in everyone.rows} == {"SO-TTTT", "SO-YT", "412"}
    assert len(everyone.not_reported) == 43


def test_the_outline_gathers_every_answer_in_the_plans_order() -> None:
    result = consolidate([EXAMPLES], as_of=AS_OF)
    ids = [e.item_id for e in result.outline if e.form == "PL01"]
    from sokets.outline import pl01_outline

    assert ids == [item.id for item in pl01_outline().walk()]
    section = next(e for e in result.outline if e.item_id == "A.II.4.b2")
    assert [a.unit_code for a in section.answers] == ["SO-TTTT", "412"]
    assert section.expected == 4  # Sở TT&TT, Vinh, Cửa Lò, Hoàng Mai
    kinds = {i.kind for i in result.issues}
    assert kinds == {"difficulties", "proposals", "tasks_ahead"}
    assert any(i.where == "A.III" and i.kind == "difficulties" for i in result.issues)


def test_invalid_reports_stay_out_of_the_figures_unless_asked(tmp_path: Path) -> None:
    code = communes_of(CON_CUONG)[0]
    report = commune(code, online=(10, 20))
    report["answers"]["m3_a_b7"]["indicators"]["officials_trained"]["numerator"] = 99  # R018
    write(tmp_path, "a.json", report)
    district = get_registry().lookup(CON_CUONG).code
    plain = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    assert rollup(plain, "3.a.b3", "dossiers_received_online", "total").reporting_units == 0
    assert plain.outline[0].answers == []
    included = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF, include_invalid=True)
    assert rollup(included, "3.a.b3", "dossiers_received_online", district).numerator == 10
    assert included.units[0].status is Status.WITH_ERRORS and included.units[0].in_figures


# -- composition -------------------------------------------------------------------------------


def _figures(consolidation: Consolidation) -> tuple[Any, ...]:
    """What must not depend on how the inputs were grouped."""
    units = [
        (e.unit_code, e.status, e.report_date, e.first_sent, e.in_figures)
        for e in consolidation.units
    ]
    indicators = [
        (r.item_id, r.indicator_id, r.rows, r.mismatches) for r in consolidation.indicators
    ]
    return (units, consolidation.rates, indicators, consolidation.tasks)


@pytest.fixture(scope="module")
def vinh_and_con_cuong(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Reports of the communes of two districts, some late, some twice."""
    folder = tmp_path_factory.mktemp("communes")
    paths = []
    for n, code in enumerate([*communes_of("Thành phố Vinh"), *communes_of(CON_CUONG)]):
        day = f"2023-08-{10 + n % 15:02d}"
        report = commune(code, day, teams=n % 4, online=(n, 50 + n))
        paths.append(write(folder, f"{code}.json", report))
        if n % 7 == 0:
            paths.append(write(folder, f"{code}-v2.json", commune(code, "2023-08-27", teams=9)))
    return paths


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_any_partition_of_the_inputs_gives_the_same_figures(
    vinh_and_con_cuong: list[Path], data: st.DataObject
) -> None:
    parts = data.draw(st.integers(1, 4))
    groups = data.draw(
        st.lists(st.integers(0, parts - 1), min_size=len(vinh_and_con_cuong),
                 max_size=len(vinh_and_con_cuong))
    )  # fmt: skip
    direct = consolidate(vinh_and_con_cuong, as_of=AS_OF)
    partial = [
        consolidate([p for p, g in zip(vinh_and_con_cuong, groups, strict=True) if g == part],
                    as_of=AS_OF)
        for part in range(parts)
    ]  # fmt: skip
    assert _figures(consolidate(partial, as_of=AS_OF)) == _figures(direct)


def test_district_consolidations_sent_up_give_the_province_figures(
    vinh_and_con_cuong: list[Path],
) -> None:
    districts = [
        consolidate(vinh_and_con_cuong, scope=name, as_of=AS_OF)
        for name in ("Thành phố Vinh", CON_CUONG)
    ]
    sent_up = [load_consolidation(dump_consolidation(d)) for d in districts]  # as files would be
    assert _figures(consolidate(sent_up, as_of=AS_OF)) == _figures(
        consolidate(vinh_and_con_cuong, as_of=AS_OF)
    )


def test_a_commune_given_directly_and_inside_its_districts_consolidation_counts_once(
    vinh_and_con_cuong: list[Path], tmp_path: Path
) -> None:
    district = consolidate(vinh_and_con_cuong, scope=CON_CUONG, as_of=AS_OF)
    path = tmp_path / "con-cuong.json"
    path.write_bytes(dump_consolidation(district))
    one = next(p for p in vinh_and_con_cuong if p.stem in communes_of(CON_CUONG))
    both = consolidate([path, one], scope=CON_CUONG, as_of=AS_OF)
    assert _figures(both) == _figures(district)
    code = one.stem
    copies = [f for f in both.files if f.source == str(one)]
    assert sorted(f.role for f in copies) == [FileRole.CURRENT, FileRole.SUPERSEDED]
    current = next(f for f in copies if f.role is FileRole.CURRENT)
    assert current.via == ""  # the file itself wins over the same report inside the consolidation
    assert next(e for e in both.units if e.unit_code == code).versions == 2


def test_the_document_round_trips_through_json(vinh_and_con_cuong: list[Path]) -> None:
    result = consolidate(vinh_and_con_cuong, scope=CON_CUONG, as_of=AS_OF)
    assert load_consolidation(dump_consolidation(result)) == result


def test_a_province_scope_expects_every_unit_with_a_report_of_its_own() -> None:
    result = consolidate([EXAMPLES], as_of=AS_OF)
    kinds = [e.kind for e in result.units]
    assert len(kinds) == 506 and UnitKind.SUBUNIT not in kinds


def test_the_document_fits_its_published_schema(vinh_and_con_cuong: list[Path]) -> None:
    from jsonschema import Draft202012Validator

    from tests.schema.support import SCHEMAS

    schema = json.loads((SCHEMAS / "CONSOLIDATION" / "1.0.0.schema.json").read_bytes())
    assert schema["$id"] == "urn:sokets:schema:CONSOLIDATION:1.0.0"
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    document = json.loads(dump_consolidation(consolidate(vinh_and_con_cuong, as_of=AS_OF)))
    assert [e.message for e in validator.iter_errors(document)] == []
    document["units"][0]["status"] = "lost"
    assert not validator.is_valid(document)


def test_the_docs_list_every_status_and_file_role() -> None:
    from sokets.consolidation.statuses import catalogue_markdown

    docs = (Path(__file__).resolve().parent.parent / "docs" / "consolidation.md").read_text()
    assert catalogue_markdown() in docs, "update docs/consolidation.md from catalogue_markdown()"


def test_a_percent_given_alone_is_counted_apart_not_added_up(tmp_path: Path) -> None:
    codes = communes_of(CON_CUONG)
    estimate = commune(codes[0])
    estimate["answers"]["m3_c_b2"]["indicators"]["residents_informed"] = {"percent": 70.0}
    write(tmp_path, "a.json", estimate)
    counted = commune(codes[1])
    counted["answers"]["m3_c_b2"]["indicators"]["residents_informed"] = {
        "numerator": 300,
        "denominator": 1000,
    }
    write(tmp_path, "b.json", counted)
    result = consolidate([tmp_path], scope=CON_CUONG, as_of=AS_OF)
    row = rollup(result, "3.c.b2", "residents_informed", "total")
    assert (row.reporting_units, row.percent_only) == (2, 1)
    assert (row.numerator, row.denominator, row.rate) == (300, 1000, 30.0)
    assert all(e.status is not Status.WITH_ERRORS for e in result.units)  # R030 is a warning
