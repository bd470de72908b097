"""Reading form instances: unusable input is an InputError naming the place (core, 6)."""

from __future__ import annotations

import pytest

from sokets.errors import InputError
from sokets.forms import FORMS, identify, json_pointer, load_report


@pytest.mark.parametrize(
    ("data", "location", "words"),
    [
        (b"", "", "empty"),
        (b"   \n", "", "empty"),
        (b"\xef\xbb\xbf{}", "1:1", "BOM"),
        (b"\xff\xfe{", "", "UTF-8"),
        (b'{"header": ', "", "malformed JSON"),
        (b"[1, 2]", "", "not a sokets form"),
        (b'{"header": 5}', "/header", "not a sokets form"),
        (b'{"answers": {}}', "/header", "missing form id"),
        (b'{"header": {"form": "PL09", "version": "1.0.0"}}', "/header/form", "unknown form"),
        (b'{"header": {"form": "PL01", "version": "3.0.0"}}', "/header/version", "3.0.0"),
        (b'{"header": {"form": "PL01"}}', "/header", "missing form id"),
    ],
)
def test_unusable_input(data: bytes, location: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        load_report(data, source="bad.json")
    assert info.value.source == "bad.json"
    assert info.value.location == location
    assert words in str(info.value)
    assert "\n" not in str(info.value)


def test_malformed_json_names_line_and_column() -> None:
    with pytest.raises(InputError, match=r"line 3 column \d+"):
        load_report(b'{\n "header": {\n  "form": PL01}}', source="x.json")


def test_identify_reads_only_form_and_version() -> None:
    assert identify(b'{"header": {"form": "PL04", "version": "1.0.0", "x": [1]}, "y": 2}') == (
        "PL04",
        "1.0.0",
    )


def test_registry_lists_the_four_appendices() -> None:
    assert [(f.id, f.appendix) for f in FORMS.values()] == [
        ("PL01", "Phụ lục 01"),
        ("PL02", "Phụ lục 02"),
        ("PL03", "Phụ lục 03"),
        ("PL04", "Phụ lục 04"),
    ]
    # 2.0.0 of the reports keys answers for form builders (A_II_3_b6); 1.0.1 of the tables only
    # drops the schema's defaults
    assert {f.id: f.version for f in FORMS.values()} == {
        "PL01": "2.0.0",
        "PL02": "1.0.1",
        "PL03": "1.0.1",
        "PL04": "2.0.0",
    }
    assert FORMS["PL01"].model.__name__ == "Pl01Report"


def test_json_pointer_escapes() -> None:
    assert json_pointer(("answers", "a/b", "c~d", 0)) == "/answers/a~1b/c~0d/0"
