"""``sokets validate``: formats, exit codes, one clear line per unreadable input (validation, 3-4)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sokets.cli.main import build_parser, main
from sokets.inputs import MAX_INPUT_BYTES, READERS
from sokets.reporters import REPORTER_BY_NAME, get_reporter
from sokets.reporters._locate import JsonLocator, value_offsets
from sokets.validation import validate_paths

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
VALID = CASES / "PL04" / "valid" / "commune-nghi-tan.json"
WRONG_DISTRICT = CASES / "PL04" / "invalid" / "r003-wrong-district.json"
LATE = CASES / "PL01" / "invalid" / "r024-late.json"
MISSING_NAME = CASES / "PL01" / "invalid" / "t002-signer-name-missing.json"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_listed_in_help() -> None:
    assert "validate" in build_parser().format_help()
    assert set(REPORTER_BY_NAME) == {"text", "json", "github"}


@pytest.mark.parametrize(
    ("paths", "strict", "code"),
    [
        ([VALID], False, 0),
        ([LATE], False, 0),
        ([LATE], True, 1),
        ([VALID, WRONG_DISTRICT], False, 1),
        ([WRONG_DISTRICT, Path("no/such/file.json"), VALID], False, 2),
        ([CASES / "unreadable" / "utf8-bom.json", WRONG_DISTRICT], True, 2),
    ],
)
def test_exit_code_is_the_worst_outcome(
    capsys: pytest.CaptureFixture[str], paths: list[Path], strict: bool, code: int
) -> None:
    args = [*map(str, paths), *(["--strict"] if strict else [])]
    assert _run(capsys, *args)[0] == code


def test_every_input_is_processed_after_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "no-such.json", str(WRONG_DISTRICT), str(VALID))
    assert code == 2
    assert err == "sokets: no-such.json: không tìm thấy tệp / no such file or folder\n"
    assert f"{WRONG_DISTRICT}:/header/district_code: error R003: " in out
    assert f"{VALID}: hợp lệ / valid" in out
    assert "3 tệp / inputs, 1 hợp lệ / valid, 1 có lỗi / with errors, 1 không đọc được" in out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json", str(WRONG_DISTRICT), str(LATE), "gone.json")
    assert code == 2
    document = json.loads(out)
    assert document["valid"] is False
    assert document["counts"] == {
        "inputs": 3,
        "valid": 1,
        "invalid": 1,
        "unreadable": 1,
        "error": 1,
        "warning": 1,
    }
    first, second = document["reports"]
    assert first["source"] == str(WRONG_DISTRICT) and first["valid"] is False
    assert first["findings"][0]["code"] == "R003"
    assert first["findings"][0]["location"] == "/header/district_code"
    assert "413" in first["findings"][0]["message_vi"]
    assert second["valid"] is True and second["counts"] == {"error": 0, "warning": 1}
    assert document["unreadable"] == [
        {
            "source": "gone.json",
            "location": "",
            "message": "không tìm thấy tệp / no such file or folder",
        }
    ]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_github_annotations_point_at_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    bom = CASES / "unreadable" / "utf8-bom.json"
    comma = CASES / "unreadable" / "trailing-comma.json"
    code, out, _ = _run(
        capsys, "--format", "github", str(WRONG_DISTRICT), str(MISSING_NAME), str(bom), str(comma)
    )
    assert code == 2
    lines = out.splitlines()
    district = _line_of(WRONG_DISTRICT, '"district_code"')
    assert lines[0].startswith(
        f"::error file={WRONG_DISTRICT},line={district},col=5,title=sokets R003 /header/district_code::"
    )
    # a missing field is placed at its parent object
    signer = _line_of(MISSING_NAME, '"signer"')
    assert lines[1].startswith(f"::error file={MISSING_NAME},line={signer},col=5,title=sokets T002")
    assert lines[2].startswith(f"::error file={bom},line=1,col=1,title=sokets 1%3A1::")
    assert lines[3].startswith(f"::error file={comma},line=4,col=3,")
    assert lines[-1].startswith("sokets validate: 4 tệp / inputs")


def test_github_warnings_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--format", "github", str(LATE))
    assert out.startswith("::warning file=")
    _, out, _ = _run(capsys, "--format", "github", "--strict", str(LATE))
    assert out.startswith("::error file=")


def test_github_escapes_properties_and_data() -> None:
    run = validate_paths([WRONG_DISTRICT])
    run.reports[0].source = "a,b:c%.json"
    text = get_reporter("github").render(run)
    assert text.startswith(
        "::error file=a%2Cb%3Ac%25.json,title=sokets R003 /header/district_code::"
    )


def test_value_offsets_follow_json_structure() -> None:
    text = '{\n "a": [1, {"b/c": "x"}],\n "d": {"e": null}\n}'
    offsets = value_offsets(text)
    assert text[offsets["/a"] :].startswith('"a"')
    assert text[offsets["/a/1"] :].startswith('{"b/c"')
    assert text[offsets["/a/1/b~1c"] :].startswith('"b/c"')
    assert text[offsets["/d/e"] :].startswith('"e"')


def test_locator_gives_one_based_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{\n  "header": {\n    "form": "PL01"\n  }\n}\n', encoding="utf-8")
    locate = JsonLocator()
    assert locate(str(path), "/header/form") == (3, 5)
    assert locate(str(path), "/header/version") == (2, 3)
    assert locate(str(tmp_path / "r.xlsx"), "/header") is None


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["validate"], ["validate", "--format", "xml", str(VALID)]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_unreadable_inputs_in_a_real_process_never_show_a_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    empty_folder = tmp_path / "nothing-here"
    empty_folder.mkdir()
    unreadable = sorted(str(p) for p in (CASES / "unreadable").iterdir() if p.suffix != ".expected")
    inputs = [*unreadable, str(big), str(empty_folder), str(tmp_path / "missing.json")]
    result = subprocess.run(
        [sys.executable, "-m", "sokets", "validate", *inputs],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(inputs)
    for path, line in zip(inputs, lines, strict=True):
        assert re.match(rf"sokets: {re.escape(path)}(:[^ ]+)?: \S", line), line
    assert any("file too large" in line and str(big) in line for line in lines)
    assert any("folder has no reports" in line for line in lines)


def test_pre_commit_hook_runs_sokets_validate() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(
        line.strip().lstrip("- ").split(": ", 1)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    assert fields["id"] == "sokets-validate"
    assert fields["entry"] == "sokets validate"
    assert fields["language"] == "python"
    files, exclude = re.compile(fields["files"]), re.compile(fields["exclude"])
    for suffix in READERS:  # every format validate reads (issue 13, point 1)
        assert files.search(f"reports/so-tttt-pl01{suffix}"), suffix
    assert not files.search("README.md")
    assert exclude.search("reports/~$xa.docx") and exclude.search(".~lock.xa.xlsx#")
    assert not exclude.search("reports/xa.docx")
