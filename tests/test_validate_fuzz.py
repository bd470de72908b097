"""Nothing crashes: random bytes, random JSON and broken real reports (validation, 4).

The library may only return a ValidationReport or raise InputError; the CLI may only exit 0, 1 or
2, with one line per unreadable input. The one-pass loader gives exactly the results and errors
of the careful path (identify, then the model).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import event, given, settings
from hypothesis import strategies as st

from sokets import forms
from sokets.cli.main import main
from sokets.errors import InputError, InvalidReportError
from sokets.findings import FINDING_TYPES, ValidationReport
from sokets.forms import dump_report, load_report
from sokets.validation import validate_bytes

CASES = Path(__file__).resolve().parent / "cases"
BASES: list[Any] = [
    json.loads(p.read_bytes()) for p in sorted(CASES.glob("*/valid/*.json")) if "nfd" not in p.name
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


def _tweaks(value: Any) -> st.SearchStrategy[Any]:
    """Plausible values of the same type: what the rules (not the model) must catch."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-3, max_value=40)
    if isinstance(value, float):
        return st.floats(min_value=-10, max_value=200)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return st.dates(min_value=date(2022, 6, 1), max_value=date(2023, 10, 1)).map(str)
    if isinstance(value, str):
        return st.sampled_from(["", "  ", value.upper(), "IV.9", "I.1", "412", "16717"])
    return st.just(value)


@st.composite
def broken_reports(draw: st.DrawFn) -> Any:
    """A real valid report with one to three structural mutations."""
    document = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(document)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(document, path), path[-1]
        operation = draw(
            st.sampled_from(
                ["delete", "replace", "null", "retype", "insert", "duplicate", "nfd", "tweak"]
            )
        )
        value = parent[last]
        if operation == "delete":
            del parent[last]
        elif operation == "replace":
            parent[last] = draw(json_values)
        elif operation == "null":
            parent[last] = None
        elif operation == "retype":
            parent[last] = str(value) if not isinstance(value, str) else draw(st.integers())
        elif operation == "insert" and isinstance(value, dict):
            value[draw(st.text(max_size=12))] = draw(json_values)
        elif operation == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(value))
        elif operation == "nfd" and isinstance(value, str):
            parent[last] = unicodedata.normalize("NFD", value)
        elif operation == "tweak":
            parent[last] = draw(_tweaks(value))
    return document


def _check_report(report: ValidationReport) -> None:
    for finding in report.findings:
        assert finding.code in FINDING_TYPES, finding
        assert finding.location == "" or finding.location.startswith("/")
        assert finding.message_vi and finding.message_en
        assert not re.search(r"\{[a-z_]+\}", finding.message)
    json.dumps(report.to_dict())


def _validate(data: bytes) -> None:
    try:
        report = validate_bytes(data, "fuzz.json")
    except InputError as exc:
        event("unreadable")
        assert exc.source == "fuzz.json" and "\n" not in str(exc)
    else:
        event("valid" if report.valid else f"invalid, first code {report.codes[0][0]}")
        _check_report(report)


def _outcome(data: bytes) -> tuple[str, Any]:
    try:
        return "ok", dump_report(load_report(data, source="f"))
    except InvalidReportError as exc:
        return "invalid", (exc.form, exc.problems)
    except InputError as exc:
        return "input", str(exc)


def _cli(*args: str) -> tuple[int, str, str]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", *args])
        out.flush()
    raw = out.buffer.getvalue()  # type: ignore[attr-defined]
    return code, raw.decode("utf-8"), err.getvalue()


@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    _validate(data)


@given(json_values)
def test_random_json(value: Any) -> None:
    _validate(json.dumps(value).encode())


@given(st.sampled_from(sorted(forms.FORMS)), st.dictionaries(st.text(max_size=10), json_values))
def test_random_json_behind_a_real_header(form: str, rest: dict[str, Any]) -> None:
    header = {"form": form, "version": forms.FORMS[form].version, "unit_code": "SO-TP"}
    _validate(json.dumps({**rest, "header": header}).encode())


@settings(max_examples=500)
@given(broken_reports())
def test_broken_real_reports(document: Any) -> None:
    _validate(json.dumps(document, ensure_ascii=False).encode())


@given(broken_reports(), st.integers(min_value=0, max_value=400))
def test_truncated_real_reports(document: Any, cut: int) -> None:
    data = json.dumps(document, ensure_ascii=False).encode()
    _validate(data[: max(0, len(data) - cut)])


@settings(max_examples=500)
@given(broken_reports())
def test_one_pass_loading_changes_no_result_and_no_error(document: Any) -> None:
    data = json.dumps(document, ensure_ascii=False).encode()
    fast = _outcome(data)
    with mock.patch.object(forms, "_load_in_one_pass", return_value=None):
        careful = _outcome(data)
    assert fast == careful


@settings(max_examples=100)
@given(
    st.one_of(
        st.binary(max_size=500),
        broken_reports().map(lambda d: json.dumps(d, ensure_ascii=False).encode()),
    ),
    st.sampled_from(["text", "json", "github"]),
    st.booleans(),
)
def test_cli_never_crashes(data: bytes, fmt: str, strict: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.json"
        path.write_bytes(data)
        code, out, err = _cli(str(path), "--format", fmt, *(["--strict"] if strict else []))
    assert code in (0, 1, 2)
    if code == 2:
        assert err.startswith(f"sokets: {path}") and err.count("\n") == 1
    else:
        assert err == ""
    if fmt == "json":
        assert json.loads(out)["valid"] is (code == 0)


def _edge_cases() -> list[bytes]:
    base = (CASES / "PL04" / "valid" / "commune-nghi-tan.json").read_bytes()
    text = base.decode("utf-8")
    swaps = [
        ('"Trần Thị Bình"', '"Tr\\ud800n"'),  # lone surrogate escape
        ('"Trần Thị Bình"', '"\\ud83d\\ude00"'),  # a valid surrogate pair
        ('"report_date": "2023-08-15"', '"report_date": "2023-8-15"'),
        ('"report_date": "2023-08-15"', '"report_date": "2023-08-15T00:00:00"'),
        ('"report_date": "2023-08-15"', '"report_date": "٢٠٢٣-٠٨-١٥"'),
        ('"report_date": "2023-08-15"', '"report_date": "2023-02-29"'),
        ('"report_date": "2023-08-15"', '"report_date": 20230815'),
        ('"as_of": "2023-07-31"', '"as_of": "2023-07-31 "'),
        ('"value": 4', '"value": NaN'),
        ('"value": 4', '"value": 1e400'),
        ('"value": 4', '"value": 1' + "0" * 400),
        ('"value": 4', '"value": true'),
        ('"numerator": 18', '"numerator": 18.0'),
        ('"numerator": 18', '"numerator": 1' + "0" * 300),
        ('"numerator": 18', '"numerator": 1' + "0" * 5000),
        ('"version": "2.0.0"', '"version": "0.9.0"'),
        ('"version": "2.0.0"', '"version": "1.1.0"'),  # migrated; 2.0.0 keys stay as they are
        ('"form": "PL04"', '"form": "PL01"'),
        ('"header": {', '"header": {"form": "PL01", '),
        ("{", '{"header": null, ', 1),
    ]
    cases = [base, b"\xef\xbb\xbf" + base, text.encode("utf-16"), text.encode("utf-32")]
    for old, new, *count in swaps:
        changed = text.replace(old, new, *count)
        assert changed != text, old
        cases.append(changed.encode("utf-8"))
    return cases


def test_one_pass_loading_on_edge_cases() -> None:
    outcomes = set()
    for data in _edge_cases():
        fast = _outcome(data)
        with mock.patch.object(forms, "_load_in_one_pass", return_value=None):
            careful = _outcome(data)
        assert fast == careful, data[:200]
        outcomes.add(fast[0])
    assert outcomes == {"ok", "invalid", "input"}
