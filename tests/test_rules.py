"""The rule catalogue: stable codes, documented from the code, every model problem coded (validation, 1)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sokets.errors import Problem
from sokets.findings import FINDING_TYPES, Severity
from sokets.models.common import Ratio
from sokets.outline import Indicator, IndicatorKind, outline_for
from sokets.rules import CODES, MODEL_CODES, PERCENT_TOLERANCE, RULES, check, problem_finding
from sokets.rules.docs import render
from sokets.rules.indicators import ratio_findings
from sokets.rules.model import fields_at, split_pointer, value_at

ROOT = Path(__file__).resolve().parent.parent


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_codes_are_registered_stable_and_well_formed() -> None:
    codes = [c.code for c in CODES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[TR]\d{3}", code) for code in codes)
    assert all(FINDING_TYPES[code] is c for code, c in zip(codes, CODES, strict=True))
    # numbered without gaps within each family, in catalogue order
    for family in "TR":
        numbers = [int(code[1:]) for code in codes if code[0] == family]
        assert numbers == list(range(1, len(numbers) + 1))
    for c in CODES:
        assert " / " in c.title and c.description
        assert c.template_vi != c.template_en


def test_every_code_is_found_by_the_model_or_a_rule() -> None:
    emitted = {c.code for r in RULES for c in r.emits} | {c.code for c in MODEL_CODES}
    assert emitted == {c.code for c in CODES}
    assert all(c.code.startswith("R") for r in RULES for c in r.emits)


def test_rule_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)


def test_warnings_are_the_issues_warnings() -> None:
    warnings = {c.code for c in CODES if c.severity is Severity.WARNING}
    # answer to a non-applicable item, results without figures, tables not attached, late report,
    # text too long for a spreadsheet cell, a code read without its stray spaces, a percent alone
    assert warnings == {"R007", "R008", "R013", "R014", "R024", "R028", "R029", "R030"}


def test_docs_rules_md_is_generated_from_the_code() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "run: python -m sokets.rules.docs > docs/rules.md"


def test_docs_list_every_code_with_both_messages() -> None:
    text = render()
    for c in CODES:
        assert f"### {c.code}" in text
        assert c.template_vi in text and c.template_en in text
    for r in RULES:
        assert f"`{r.name}`" in text
    assert "5242880 bytes" in text


def test_check_refuses_a_non_form_object() -> None:
    with pytest.raises(TypeError):
        check(Ratio(numerator=1, denominator=2))


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("string_type", "T001"),
        ("int_type", "T001"),
        ("model_type", "T001"),
        ("missing", "T002"),
        ("extra_forbidden", "T003"),
        ("date_parsing", "T004"),
        ("finite_number", "T005"),
        ("literal_error", "T006"),
        ("value_error", "T008"),
        ("something_new", "T008"),
        ("unknown_unit", "R001"),
        ("wrong_unit_kind", "R002"),
        ("answer_required", "R004"),
        ("unknown_task", "R009"),
    ],
)
def test_every_model_problem_gets_a_code(kind: str, code: str) -> None:
    finding = problem_finding(Problem("/header/unit_code", kind, "model says"), "PL01")
    assert finding.code == code
    assert finding.location == "/header/unit_code"
    assert not re.search(r"\{[a-z_]+\}", finding.message_vi + finding.message_en)


def test_null_is_told_apart_when_the_document_is_known() -> None:
    problem = Problem("/answers/A_I", "model_type", "Input should be an object")
    assert problem_finding(problem, "PL01", {"answers": {"A_I": None}}).code == "T007"
    assert problem_finding(problem, "PL01", {"answers": {"A_I": 5}}).code == "T001"
    assert problem_finding(problem, "PL01").code == "T001"


def test_unknown_field_suggests_the_nearest_name() -> None:
    finding = problem_finding(Problem("/header/signer/nmae", "extra_forbidden", ""), "PL04")
    assert "'name'" in finding.message_vi and "Did you mean 'name'?" in finding.message_en
    item = problem_finding(Problem("/answers/m3_a_b8", "extra_forbidden", ""), "PL04")
    assert item.message_vi.startswith("Mục 'm3_a_b8' không có trong đề cương PL04")
    # an item id where 2.0.0 wants its key: the key is suggested
    old = problem_finding(Problem("/answers/3.a.b7", "extra_forbidden", ""), "PL04")
    assert "Did you mean 'm3_a_b7'?" in old.message_en


def test_fields_at_walks_the_model() -> None:
    from sokets.models import Pl01Report

    assert fields_at(Pl01Report, ["header", "signer"]) == ["authority", "title", "name"]
    assert fields_at(Pl01Report, ["appendix_pl03", "0"]) == [
        "task_id",
        "results",
        "difficulties",
        "proposals",
    ]
    assert "indicators" in (fields_at(Pl01Report, ["answers", "A_II_3_b6"]) or [])
    assert fields_at(Pl01Report, ["header", "report_date"]) is None


def test_pointers_are_unescaped() -> None:
    assert split_pointer("/a~1b/c~0d/0") == ["a/b", "c~d", "0"]
    assert value_at({"a/b": {"c~d": [7]}}, "/a~1b/c~0d/0") == 7


_RATE = Indicator("officials_trained", IndicatorKind.RATIO, "Tỷ lệ cán bộ được đào tạo")


@given(
    denominator=st.integers(min_value=1, max_value=10**6),
    data=st.data(),
    offset=st.floats(min_value=-5, max_value=5, allow_nan=False),
)
def test_stated_percent_agrees_within_the_tolerance(
    denominator: int, data: st.DataObject, offset: float
) -> None:
    numerator = data.draw(st.integers(min_value=0, max_value=denominator))
    exact = 100 * numerator / denominator
    stated = exact + offset
    ratio = Ratio(numerator=numerator, denominator=denominator, percent=stated)
    codes = [f.code for f in ratio_findings(ratio, "/x", _RATE)]
    if abs(offset) > PERCENT_TOLERANCE + 1e-6:
        assert codes == ["R019"]
    elif abs(offset) < PERCENT_TOLERANCE - 1e-6:
        assert codes == []


@given(denominator=st.integers(min_value=1, max_value=10**6), data=st.data())
def test_a_percent_rounded_to_a_whole_number_passes(denominator: int, data: st.DataObject) -> None:
    numerator = data.draw(st.integers(min_value=0, max_value=denominator))
    ratio = Ratio(
        numerator=numerator, denominator=denominator, percent=round(100 * numerator / denominator)
    )
    assert list(ratio_findings(ratio, "/x", _RATE)) == []


@given(numerator=st.integers(-(10**9), 10**9), denominator=st.integers(-(10**9), 10**9))
def test_ratio_bounds(numerator: int, denominator: int) -> None:
    codes = [
        f.code
        for f in ratio_findings(Ratio(numerator=numerator, denominator=denominator), "/r", _RATE)
    ]
    if denominator <= 0:
        assert codes == ["R017"]
    elif not 0 <= numerator <= denominator:
        assert codes == ["R018"]
    else:
        assert codes == []


def test_messages_fill_every_placeholder() -> None:
    # every template field of a code is one a rule or the mapping passes (checked by the cases);
    # here: no template uses positional or attribute fields that .format(**params) cannot fill
    for c in CODES:
        for name in _fields(c.template_vi) | _fields(c.template_en):
            assert name.isidentifier(), (c.code, name)


def test_shared_leaf_tables_match_each_units_own_applicability() -> None:
    from sokets.rules._engine import unit_leaves
    from sokets.units import get_registry

    for unit in get_registry().reporting_units():
        table = unit_leaves(unit)
        assert [leaf.id for leaf, *_ in table] == [leaf.id for leaf in outline_for(unit).leaves()]
        assert [applies for *_, applies in table] == [
            leaf.applicability.applies_to(unit) for leaf in outline_for(unit).leaves()
        ]
