"""The schemas render as usable forms in react-jsonschema-form and JSON Forms, in Chromium
(issue 12).

Each unit's form (:func:`~sokets.schema.unit.unit_schema`, with the UI schema sokets ships) is
rendered for a department, a district and a commune (PL01, PL04) and for the tables sent on
their own (PL02, PL03), by both libraries, in one headless Chromium:

* an example is shown value by value, and comes back unchanged when submitted (the browser lets
  it through, nothing is added) — and ``sokets validate`` finds nothing in it;
* an empty form filled by typing is sent as typed, and is valid;
* an empty required field, and a rate with one term, are named in Vietnamese; an emptied rate is
  sent as no rate;
* the forms' own schemas (a unit to choose) keep a report as it is through an edit, choose no
  unit in advance, and refuse a commune paired with another district.

The page is bundled once per session (``tests/web``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sokets.catalogue import get_catalogue
from sokets.forms import FORMS
from sokets.schema import form_schema
from sokets.schema.unit import unit_schema
from sokets.validation import validate_bytes
from tests.web.support import LIBRARIES, FormPage, bundle, not_shown, require_web, scalars

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_bytes())
    return data


def _table(form: str, name: str) -> dict[str, Any]:
    """A PL01 example's Phụ lục 02 or 03 as the table a unit sends on its own."""
    report = _example(name)
    key = "appendix_pl02" if form == "PL02" else "appendix_pl03"
    header = {
        "form": form,
        "version": FORMS[form].version,
        "unit_code": report["header"]["unit_code"],
    }
    return {"header": header, "rows": report[key]}


#: (case, document) for every form and kind of unit: the examples, and two of their tables.
DOCUMENTS: dict[str, dict[str, Any]] = {
    "PL01-department": _example("so-tttt-pl01.json"),
    "PL01-department-health": _example("so-yt-pl01.json"),
    "PL01-district": _example("ubnd-tp-vinh-pl01.json"),
    "PL04-commune": _example("xa-hung-dong-pl04.json"),
    "PL02-department": _table("PL02", "so-tttt-pl01.json"),
    "PL03-district": _table("PL03", "ubnd-tp-vinh-pl01.json"),
}


@pytest.fixture(scope="session")
def page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FormPage]:
    """The test page, bundled once, in one tab of the session's Chromium."""
    require_web()
    index = bundle(tmp_path_factory.mktemp("web"))
    tab = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        yield FormPage(tab, index.as_uri())
    finally:
        tab.close()


def _schema_of(document: dict[str, Any]) -> dict[str, Any]:
    header = document["header"]
    return unit_schema(header["unit_code"], header["form"])


def _node(schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    """The schema of the value at ``pointer`` (``$ref`` followed)."""
    node = schema
    for token in [*pointer.strip("/").split("/"), None]:
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        if token is None:
            return node
        node = node["items"] if token.isdigit() else node["properties"][token]
    return node


def _expected(schema: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    """What the fields should show: each value (but empty texts), or the title of a code
    chosen from a list."""
    shown = []
    for pointer, value in scalars(document):
        if value == "":
            continue
        choices = _node(schema, pointer).get("oneOf")
        titles = {c["const"]: c["title"] for c in choices or ()}
        shown.append(titles.get(value, value))
    return shown


def _findings(document: Any) -> list[tuple[str, str]]:
    report = validate_bytes(json.dumps(document, ensure_ascii=False).encode(), source="web.json")
    return [(f.code, f.location) for f in report.findings]


# -- an example, shown and sent back ------------------------------------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("case", DOCUMENTS)
def test_an_example_is_shown_and_submitted_unchanged(
    page: FormPage, library: str, case: str
) -> None:
    document = DOCUMENTS[case]
    schema = _schema_of(document)
    page.mount(library, schema, copy.deepcopy(document))
    assert page.problems == []
    assert page.data() == document  # nothing invented on loading
    assert not_shown(_expected(schema, document), page.shown()) == []
    submitted = page.submit()
    assert submitted == document  # the browser let it through, and nothing was added
    assert _findings(submitted) == []


# -- an empty form, filled by typing ------------------------------------------------------------


def _type_header(page: FormPage) -> dict[str, Any]:
    """Type the header's texts and date; what the header then holds besides its constants."""
    typed = {
        "/header/report_number": "27/BC-UBND",
        "/header/place": "Nghệ An",
        "/header/signer/title": "CHỦ TỊCH",
        "/header/signer/name": "Nguyễn Văn An",
    }
    for pointer, text in typed.items():
        page.field(pointer).press_sequentially(text)
    page.field("/header/report_date").fill("2023-08-15")
    return {
        "report_number": "27/BC-UBND",
        "report_date": "2023-08-15",
        "place": "Nghệ An",
        "signer": {"title": "CHỦ TỊCH", "name": "Nguyễn Văn An"},
    }


def _constants(schema: dict[str, Any]) -> dict[str, Any]:
    header = _node(schema, "/header")["properties"]
    return {name: prop["const"] for name, prop in header.items() if "const" in prop}


def _errors(document: Any) -> list[tuple[str, str]]:
    report = validate_bytes(json.dumps(document, ensure_ascii=False).encode(), source="web.json")
    return [(f.code, f.location) for f in report.errors()]


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize(
    "unit", ["SO-YT", "412", "16705"], ids=["department", "district", "commune"]
)
def test_an_empty_report_filled_by_typing_is_sent_as_typed(
    page: FormPage, library: str, unit: str
) -> None:
    schema = unit_schema(unit)
    page.mount(library, schema, {})
    header = {**_constants(schema), **_type_header(page)}
    answers = {}
    for key in _node(schema, "/answers")["properties"]:
        text = f"Kết quả thực hiện mục {key}."
        page.field(f"/answers/{key}/results").fill(text)
        answers[key] = {"results": text}
    submitted = page.submit()
    assert submitted == {"header": header, "answers": answers}
    tables = ("R010", "R014")  # a PL01 report's tables come with it, or separately (PL02, PL03)
    assert [e for e in _errors(submitted) if e[0] not in tables] == []


TASKS = [task.id for task in get_catalogue().tasks_for("SO-YT")]
ROWS = {  # a row of each table, as typed (SO-YT's tasks: I.1, II.4 and II.7)
    "PL02": [[("no", 1), ("task", "Số hóa hồ sơ bệnh án"), ("results", "Đã số hóa 12.000 hồ sơ.")]],
    "PL03": [[("task_id", task), ("results", f"Đã triển khai {task}.")] for task in TASKS],
}


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("form", ["PL02", "PL03"])
def test_an_empty_table_filled_by_typing_is_sent_as_typed(
    page: FormPage, library: str, form: str
) -> None:
    schema = unit_schema("SO-YT", form)
    page.mount(library, schema, {})
    rows = []
    for n, cells in enumerate(ROWS[form]):
        page.add_row()
        for name, value in cells:
            field = page.row_field(f"/rows/{n}/{name}")
            choices = _node(schema, f"/rows/{n}/{name}").get("oneOf")
            if choices:
                field.select_option(label=next(c["title"] for c in choices if c["const"] == value))
            else:
                field.fill(str(value))
        rows.append(dict(cells))
    submitted = page.submit()
    assert submitted == {"header": _constants(schema), "rows": rows}
    assert _errors(submitted) == []


# -- what a clerk is told, in Vietnamese --------------------------------------------------------


def _commune(page: FormPage, library: str) -> None:
    document = DOCUMENTS["PL04-commune"]
    page.mount(library, _schema_of(document), copy.deepcopy(document))


@pytest.mark.parametrize("library", LIBRARIES)
def test_an_empty_required_field_is_named_in_vietnamese(page: FormPage, library: str) -> None:
    _commune(page, library)
    page.field("/header/report_number").fill("")
    assert page.submit() is None
    page.show_errors()
    assert "Chưa điền “Số báo cáo”: đây là thông tin bắt buộc." in page.text()
    assert "must have" not in page.text()


RATE = "/answers/m3_a_b7/indicators/officials_trained"


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_rate_needs_both_of_its_terms(page: FormPage, library: str) -> None:
    _commune(page, library)
    page.field(f"{RATE}/denominator").fill("")
    assert page.submit() is None
    page.show_errors()
    assert "Chưa điền “Mẫu số”: đây là thông tin bắt buộc." in page.text()


@pytest.mark.parametrize("library", LIBRARIES)
def test_an_emptied_rate_is_sent_as_no_rate(page: FormPage, library: str) -> None:
    _commune(page, library)
    for term in ("numerator", "denominator", "percent"):
        page.field(f"{RATE}/{term}").fill("")
    submitted = page.submit()
    assert submitted is not None
    expected = copy.deepcopy(DOCUMENTS["PL04-commune"])
    del expected["answers"]["m3_a_b7"]["indicators"]["officials_trained"]
    indicators = submitted["answers"]["m3_a_b7"]["indicators"]
    assert indicators in ({}, {"officials_trained": {}})  # JSON Forms drops it, RJSF empties it
    submitted["answers"]["m3_a_b7"]["indicators"] = {}
    assert submitted == expected
    assert _findings(submitted) == []


# -- the forms' own schemas (a unit to choose) --------------------------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("case", ["PL01-department-health", "PL04-commune"])
def test_the_forms_schema_keeps_a_report_as_it_is(page: FormPage, library: str, case: str) -> None:
    """The full schema too: an example shown and sent back unchanged, and an edit of one field
    changes that field only (react-jsonschema-form added a district-only answer to any unit's
    report on the first edit)."""
    document = DOCUMENTS[case]
    schema = form_schema(document["header"]["form"])
    page.mount(library, schema, copy.deepcopy(document))
    assert page.data() == document
    assert not_shown(_expected(schema, document), page.shown()) == []
    place = page.field("/header/place")
    place.press("End")
    place.press_sequentially(" (sửa)")
    edited = copy.deepcopy(document)
    edited["header"]["place"] += " (sửa)"
    assert page.submit() == edited


@pytest.mark.parametrize("library", LIBRARIES)
def test_no_unit_is_chosen_in_advance_and_a_commune_keeps_its_district(
    page: FormPage, library: str
) -> None:
    page.mount(library, form_schema("PL04"), {})
    header = page.data()["header"]
    assert "unit_code" not in header and "district_code" not in header  # placeholders only
    unit, district = page.field("/header/unit_code"), page.field("/header/district_code")
    assert unit.evaluate("e => e.selectedOptions[0].label").startswith("— Chọn")
    unit.select_option(label="Xã Hưng Đông, Thành phố Vinh")
    district.select_option(label="Thị xã Cửa Lò")  # not its district
    assert page.data()["header"]["district_code"] == "413"
    assert page.submit() is None
    page.show_errors()
    assert "Giá trị phải là 412." in page.text()
    district.select_option(label="Thành phố Vinh")
    assert page.data()["header"]["district_code"] == "412"
    page.show_errors()
    assert "Giá trị phải là 412." not in page.text()
