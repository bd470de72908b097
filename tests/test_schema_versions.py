"""Form versions: semver helpers, migrations of older instances, published schema files kept
(issue 3, item 6).

PL02 exists in versions 1.0.0 and 1.0.1 (the same instances), so the migration tests register a
temporary older version — a PL02 0.9.0 whose rows said ``content`` where 1.0.0 says ``task``,
and a 0.8.0 before it whose header said ``unit`` — and remove it afterwards.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from sokets.errors import InputError, InvalidReportError
from sokets.forms import load_report
from sokets.models import Pl02Table
from sokets.models.answers import item_id_of
from sokets.schema import MIGRATIONS, PUBLISHED, check_schemas, supported_versions, write_schemas
from sokets.schema.versions import (
    Bump,
    MigrationStep,
    parse_version,
    published_versions,
    version_bump,
)
from tests.conftest import EXAMPLES
from tests.schema.support import SCHEMAS
from tests.strategies import FORM_STRATEGIES


def test_parse_version() -> None:
    assert parse_version("1.0.0") == (1, 0, 0)
    assert parse_version("12.3.45") == (12, 3, 45)
    for bad in ("1.0", "v1.0.0", "01.0.0", "1.0.0-rc1", " 1.0.0", "1.0.0\n"):
        with pytest.raises(ValueError):
            parse_version(bad)


def test_version_bump() -> None:
    assert version_bump("1.0.0", "2.0.0") is Bump.MAJOR
    assert version_bump("1.4.2", "1.5.0") is Bump.MINOR
    assert version_bump("1.4.2", "1.4.3") is Bump.PATCH
    assert version_bump("1.4.2", "1.4.2") is None
    assert version_bump("2.0.0", "1.9.9") is None
    assert Bump.MAJOR > Bump.MINOR > Bump.PATCH > Bump.NONE


def test_current_versions_are_published_with_the_versions_they_read() -> None:
    for form in ("PL02", "PL03"):  # 1.0.1 only drops the schema's defaults
        assert published_versions(form) == ("1.0.0", "1.0.1")
        assert supported_versions(form) == ("1.0.1", "1.0.0")
    for form in ("PL01", "PL04"):  # 1.1.0 reads 1.0.0 as it is; 2.0.0 renames the answer keys
        assert published_versions(form) == ("1.0.0", "1.1.0", "2.0.0")
        assert supported_versions(form) == ("2.0.0", "1.1.0", "1.0.0")
    assert set(PUBLISHED) == {"PL01", "PL02", "PL03", "PL04"}


def _with_item_ids(report: dict[str, Any], version: str) -> dict[str, Any]:
    """A 2.0.0 report written as in ``version``: answers keyed by item id."""
    old = copy.deepcopy(report)
    old["header"]["version"] = version
    old["answers"] = {item_id_of(key): answer for key, answer in report["answers"].items()}
    return old


@pytest.mark.parametrize("example", ["xa-hung-dong-pl04.json", "ubnd-tp-vinh-pl01.json"])
@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_a_report_of_1_x_reads_as_2_0_0_with_its_answers_keyed(example: str, version: str) -> None:
    data = json.loads((EXAMPLES / example).read_bytes())
    old = _with_item_ids(data, version)
    assert "A.II.3.b6" in old["answers"] or "3.a.b7" in old["answers"]
    report = load_report(json.dumps(old).encode())
    assert report.header.version == "2.0.0"
    assert report == load_report(json.dumps(data).encode())
    assert MIGRATIONS.migrate(old, data["header"]["form"], version, "2.0.0") == data


def test_the_2_0_0_migration_leaves_unknown_keys_and_never_overwrites() -> None:
    data = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    old = _with_item_ids(data, "1.1.0")
    old["answers"]["3.z"] = {"results": "?"}  # no such item: stays, and the model names it
    old["answers"]["m2"] = {"results": "already keyed"}  # "2" must not overwrite it
    with pytest.raises(InvalidReportError) as caught:
        load_report(json.dumps(old).encode())
    pointers = sorted(p.pointer for p in caught.value.problems)
    assert pointers == ["/answers/2", "/answers/3.z"]
    assert caught.value.document["answers"]["m2"] == {"results": "already keyed"}


def _pl02(version: str = "1.0.1", **rows: Any) -> dict[str, Any]:
    return {
        "header": {"form": "PL02", "version": version, "unit_code": "SO-TTTT"},
        "rows": [{"no": 1, **rows}],
    }


@pytest.mark.parametrize("version", ["0.8.0", "0.9.0", "1.1.0", "2.0.0", "latest"])
def test_unsupported_version_names_found_and_supported(version: str) -> None:
    with pytest.raises(InputError) as caught:
        load_report(json.dumps(_pl02(version, task="x")), source="old.json")
    error = caught.value
    assert error.location == "/header/version"
    assert error.source == "old.json"
    assert repr(version) in error.message
    assert "hỗ trợ: 1.0.1, 1.0.0" in error.message
    assert "supported: 1.0.1, 1.0.0" in error.message
    assert ("upgrade sokets" in error.message) is (version == "2.0.0" or version == "1.1.0")


def _rename_content(instance: dict[str, Any]) -> dict[str, Any]:
    for row in instance.get("rows", []):
        row["task"] = row.pop("content")
    return instance


def _rename_unit(instance: dict[str, Any]) -> dict[str, Any]:
    instance["header"]["unit_code"] = instance["header"].pop("unit")
    return instance


@pytest.fixture
def older_pl02() -> Iterator[None]:
    """PL02 0.8.0 → 0.9.0 → 1.0.0, registered for one test."""
    MIGRATIONS.register("PL02", "0.9.0", "1.0.0")(_rename_content)
    MIGRATIONS.register("PL02", "0.8.0", "0.9.0")(_rename_unit)
    try:
        yield
    finally:
        MIGRATIONS.remove("PL02", "0.9.0")
        MIGRATIONS.remove("PL02", "0.8.0")


@pytest.mark.usefixtures("older_pl02")
def test_an_older_version_is_migrated_when_read() -> None:
    assert supported_versions("PL02") == ("1.0.1", "1.0.0", "0.9.0", "0.8.0")
    report = load_report(json.dumps(_pl02("0.9.0", content="Nhiệm vụ 1")))
    assert isinstance(report, Pl02Table)
    assert report.header.version == "1.0.1"
    assert report.rows[0].task == "Nhiệm vụ 1"
    oldest = _pl02("0.8.0", content="Nhiệm vụ 1")
    oldest["header"]["unit"] = oldest["header"].pop("unit_code")
    assert load_report(json.dumps(oldest)) == report


def test_migrations_are_removed_after_the_test() -> None:
    assert supported_versions("PL02") == ("1.0.1", "1.0.0")
    assert MIGRATIONS.path("PL02", "0.9.0", "1.0.1") is None


@pytest.mark.usefixtures("older_pl02")
def test_a_migration_failing_on_bad_input_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        load_report(json.dumps(_pl02("0.9.0", task="already new")), source="bad.json")
    assert caught.value.location == "/header/version"
    assert "0.9.0" in caught.value.message and "1.0.1" in caught.value.message


@pytest.mark.usefixtures("older_pl02")
def test_a_migrated_instance_is_still_validated() -> None:
    with pytest.raises(InvalidReportError) as caught:
        load_report(json.dumps(_pl02("0.9.0", content=12)))
    assert [p.pointer for p in caught.value.problems] == ["/rows/0/task"]


@pytest.mark.usefixtures("older_pl02")
@settings(max_examples=40 if os.environ.get("CI") else 10, deadline=None)
@given(table=FORM_STRATEGIES["PL02"])
def test_migrating_a_downgraded_table_gives_the_same_report(table: dict[str, Any]) -> None:
    old = json.loads(json.dumps(table))
    old["header"]["version"] = "0.9.0"
    for row in old["rows"]:
        row["content"] = row.pop("task")
    assert load_report(json.dumps(old)) == load_report(json.dumps(table))


def test_registry_refuses_bad_steps() -> None:
    step = MigrationStep("PL02", "0.9.0", "1.0.0", _rename_content)
    MIGRATIONS.add(step)
    try:
        with pytest.raises(ValueError, match="exists already"):
            MIGRATIONS.add(step)
    finally:
        MIGRATIONS.remove("PL02", "0.9.0")
    with pytest.raises(ValueError, match="not newer"):
        MIGRATIONS.add(MigrationStep("PL02", "1.0.0", "0.9.0", _rename_content))
    with pytest.raises(ValueError):
        MIGRATIONS.add(MigrationStep("PL02", "0.9", "1.0.0", _rename_content))
    with pytest.raises(KeyError):
        MIGRATIONS.remove("PL02", "0.7.0")


def test_a_published_version_file_may_not_be_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)  # the published versions' files, and the current ones
    assert check_schemas(folder) == []
    monkeypatch.setitem(PUBLISHED, "PL02", ("0.9.0", "1.0.0"))  # as if 0.9.0 had been too
    write_schemas(folder)
    problems = check_schemas(folder)
    assert [p.path for p in problems] == ["PL02/0.9.0.schema.json"]
    assert "published version was deleted" in problems[0].message
    old = folder / "PL02" / "0.9.0.schema.json"
    schema = json.loads((folder / "PL02" / "1.0.1.schema.json").read_bytes())
    old.write_text(json.dumps(schema), encoding="utf-8")
    problems = check_schemas(folder)
    assert [p.path for p in problems] == ["PL02/0.9.0.schema.json"]
    assert "urn:sokets:schema:PL02:0.9.0" in problems[0].message
    schema["$id"] = "urn:sokets:schema:PL02:0.9.0"
    old.write_text(json.dumps(schema), encoding="utf-8")
    assert check_schemas(folder) == []
    assert write_schemas(folder) == []  # an older version's file is never rewritten
    assert json.loads(old.read_bytes()) == schema
    monkeypatch.setitem(PUBLISHED, "PL02", ("1.0.0",))
    problems = check_schemas(folder)
    assert [p.path for p in problems] == ["index.json", "PL02/0.9.0.schema.json"]
    assert "not the schema of a published version" in problems[1].message
