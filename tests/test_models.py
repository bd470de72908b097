"""Report models: strict parsing, NFC, versions, and lossless JSON round trips (core, 6)."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given

from sokets.errors import InputError, InvalidReportError
from sokets.forms import FORMS, dump_report, load_report
from sokets.models import Pl01Report, Pl04Report
from sokets.models.answers import answer_key
from sokets.outline import pl04_outline
from tests.strategies import FORM_STRATEGIES, contains, nfc_tree

HEADER = {
    "form": "PL04",
    "version": FORMS["PL04"].version,
    "unit_code": "16663",
    "district_code": "412",
    "report_number": "15/BC-UBND",
    "report_date": "2023-08-14",
    "signer": {"title": "CHỦ TỊCH", "name": "Nguyễn Văn An"},
}


def _pl04(answers: dict[str, Any] | None = None, **header: Any) -> bytes:
    """A commune report answering every item (with ``answers`` overriding some)."""
    every = {answer_key(leaf.id): {} for leaf in pl04_outline().leaves()}
    return json.dumps(
        {"header": {**HEADER, **header}, "answers": {**every, **(answers or {})}}
    ).encode()


def _problems(data: bytes) -> list[tuple[str, str]]:
    with pytest.raises(InvalidReportError) as info:
        load_report(data)
    return [(p.pointer, p.type) for p in info.value.problems]


def test_a_number_as_text_is_not_silently_converted() -> None:
    ratio = {"numerator": "85", "denominator": 100}
    data = _pl04({"m3_a_b7": {"indicators": {"officials_trained": ratio}}})
    assert _problems(data) == [
        ("/answers/m3_a_b7/indicators/officials_trained/numerator", "int_type")
    ]


def test_figure_value_must_be_a_number() -> None:
    data = _pl04({"m3_a_b6": {"figures": [{"name": "Tin bài", "value": "85"}]}})
    assert _problems(data) == [("/answers/m3_a_b6/figures/0/value", "float_type")]


def test_yes_no_is_a_boolean() -> None:
    data = _pl04({"m3_a_b5": {"indicators": {"interaction_channel": "có"}}})
    assert _problems(data) == [("/answers/m3_a_b5/indicators/interaction_channel", "bool_type")]


def test_null_is_refused_with_its_place() -> None:
    data = _pl04({"m3_a_b7": {"indicators": {"officials_trained": None}}})
    assert _problems(data) == [("/answers/m3_a_b7/indicators/officials_trained", "model_type")]


def test_unknown_fields_items_and_units_are_refused() -> None:
    assert _problems(_pl04({"9.z": {}})) == [("/answers/9.z", "extra_forbidden")]
    assert _problems(_pl04(unit_code="99999")) == [("/header/unit_code", "unknown_unit")]
    assert _problems(_pl04({"m1_b1": {"result": "x"}})) == [
        ("/answers/m1_b1/result", "extra_forbidden")
    ]


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(word: str) -> None:
    data = _pl04({"m3_a_b6": {"figures": [{"name": "x", "value": 1.5}]}}).replace(
        b"1.5", word.encode()
    )
    with pytest.raises(InputError) as info:  # unreadable (exit 2), as docs/schemas.md says
        load_report(data)
    line = data.decode().splitlines()[int(info.value.location.split(":")[0]) - 1]
    assert word in line and "not JSON" in info.value.message


def test_nan_is_not_a_number_for_the_model_either() -> None:
    document = json.loads(_pl04({"m3_a_b6": {"figures": [{"name": "x", "value": 1.5}]}}))
    document["answers"]["m3_a_b6"]["figures"][0]["value"] = float("nan")
    with pytest.raises(ValueError, match="finite_number"):
        FORMS["PL04"].model.model_validate(document)


def test_nfd_text_is_normalised_not_rejected() -> None:
    text = "Xã đã triển khai phần mềm một cửa điện tử"
    nfd = unicodedata.normalize("NFD", text)
    report = load_report(_pl04({"m2": {"results": nfd}}, report_number="15/BC-UBND"))
    assert isinstance(report, Pl04Report)
    answer = report.answers.get("2")
    assert answer is not None and answer.results == text


def test_form_and_version_are_carried_and_checked() -> None:
    report = load_report(_pl04())
    assert json.loads(dump_report(report))["header"]["version"] == FORMS["PL04"].version
    with pytest.raises(InputError, match=r"0\.9\.0") as info:
        load_report(_pl04(version="0.9.0"))
    assert info.value.location == "/header/version"
    assert "2.0.0, 1.1.0, 1.0.0" in str(info.value)  # the versions it reads


def test_answers_follow_outline_order_and_answered_iterates_them() -> None:
    leaves = pl04_outline().leaves()
    shuffled = {answer_key(leaf.id): {"results": leaf.id} for leaf in reversed(leaves)}
    report = load_report(_pl04(shuffled))
    assert isinstance(report, Pl04Report)
    assert [item for item, _ in report.answers.answered()] == [leaf.id for leaf in leaves]
    keys = [answer_key(leaf.id) for leaf in leaves]
    assert list(json.loads(dump_report(report))["answers"]) == keys


def test_every_applicable_item_must_be_present() -> None:
    data = json.loads(_pl04())
    del data["answers"]["m3_a_b3"], data["answers"]["m6"]
    assert _problems(json.dumps(data).encode()) == [
        ("/answers/m3_a_b3", "answer_required"),
        ("/answers/m6", "answer_required"),
    ]


def test_unit_must_be_of_the_form_s_kind() -> None:
    assert _problems(_pl04(unit_code="SO-TTTT")) == [("/header/unit_code", "wrong_unit_kind")]
    assert _problems(_pl04(district_code="16663")) == [("/header/district_code", "wrong_unit_kind")]


def test_every_pl01_leaf_is_a_property() -> None:
    from sokets.outline import pl01_outline

    aliases = [f.alias for f in Pl01Report.model_fields["answers"].annotation.model_fields.values()]  # type: ignore[union-attr]
    assert aliases == [answer_key(leaf.id) for leaf in pl01_outline().leaves()]


def test_answer_keys_are_identifiers_that_lead_back_to_the_item() -> None:
    """2.0.0 keys bind in every form library: no dot (JSON Forms splits paths on it), not
    integer-like (JavaScript puts such keys first), an identifier (HTML ids, CSS)."""
    from sokets.models.answers import item_id_of
    from sokets.outline import pl01_outline

    assert answer_key("A.II.3.b6") == "A_II_3_b6"
    assert answer_key("3.a.b7") == "m3_a_b7"
    assert answer_key("2") == "m2"
    for outline in (pl01_outline(), pl04_outline()):
        for leaf in outline.leaves():
            key = answer_key(leaf.id)
            assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key), key
            assert item_id_of(key) == leaf.id
    with pytest.raises(ValueError):
        answer_key("A_II")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_round_trip_loses_nothing(form: str) -> None:
    @given(FORM_STRATEGIES[form])
    def check(instance: dict[str, Any]) -> None:
        original = copy.deepcopy(instance)
        report = load_report(json.dumps(instance).encode())
        assert report.model_dump()["header"]["form"] == form
        dumped = json.loads(dump_report(report))
        again = load_report(dump_report(report))
        assert again == report
        assert contains(dumped, nfc_tree(original)), (dumped, original)

    check()


def test_an_emptied_rate_is_a_rate_not_given() -> None:
    """A web form whose clerk clears a rate's three numbers sends ``{}``: read as no rate, by
    the model and the schema alike; ``{}`` for a count or a yes/no is still a wrong type."""
    from jsonschema import Draft202012Validator

    from tests.schema.support import SCHEMAS

    data = _pl04({"m3_a_b7": {"indicators": {"officials_trained": {}}}})
    report = load_report(data)
    answer = report.answers.get("3.a.b7")  # type: ignore[attr-defined]
    assert answer is not None and answer.indicators.officials_trained is None
    assert json.loads(dump_report(report))["answers"]["m3_a_b7"]["indicators"] == {}
    path = SCHEMAS / "PL04" / f"{FORMS['PL04'].version}.schema.json"
    schema = Draft202012Validator(json.loads(path.read_bytes()))
    assert schema.is_valid(json.loads(data))
    count = _pl04({"m3_c_b3": {"indicators": {"commune_teams": {}}}})
    assert _problems(count) == [("/answers/m3_c_b3/indicators/commune_teams", "int_type")]
    assert not schema.is_valid(json.loads(count))
