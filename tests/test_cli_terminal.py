"""What reaches the terminal: any encoding, no raw control characters, both languages, -q
(hardening issue 9, points 16 and 17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sokets.cli.main import main
from tests.conftest import EXAMPLES


def _sokets(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sokets", *args],
        capture_output=True,
        env={**os.environ, **env},
        check=False,
    )


def _commune() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    return data


def test_help_in_a_terminal_that_cannot_show_vietnamese() -> None:
    done = _sokets("--help", PYTHONIOENCODING="cp1252")
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr
    assert b"\\u1ebf" in done.stdout  # "ế" escaped, not a crash
    done = _sokets("units", "--kind", "planet", PYTHONIOENCODING="cp1252")
    assert done.returncode == 2 and b"Traceback" not in done.stderr


def test_help_and_argument_errors_speak_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "cách dùng / usage:" in out and "tùy chọn / options" in out
    assert "hiện hướng dẫn này rồi thoát / show this help and exit" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    assert "thiếu tham số bắt buộc / missing arguments: PATH" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["units", "--kind", "planet"])
    assert "lựa chọn không hợp lệ / invalid choice" in capsys.readouterr().err


def test_control_characters_from_input_are_escaped(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = _commune()
    data["answers"]["\x1b[2J\rx\ny"] = {}
    path = tmp_path / "bad\x1bname.json"
    path.write_text(json.dumps(data))
    assert main(["validate", str(path)]) == 1
    out = capsysbinary.readouterr().out
    assert b"\x1b" not in out and b"\r" not in out
    assert b"\\x1b[2J\\rx\\ny" in out and b"bad\\x1bname.json" in out
    for line in out.decode().splitlines()[:-1]:
        assert line.startswith(str(tmp_path)), line  # one finding, one line
    assert main(["validate", "--format", "github", str(path)]) == 1
    assert b"\x1b" not in capsysbinary.readouterr().out


def test_quiet_prints_errors_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = _commune()
    late["header"]["report_date"] = "2023-08-25"
    (tmp_path / "late.json").write_text(json.dumps(late))
    assert main(["validate", "-q", str(tmp_path / "late.json")]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", "--quiet", "--strict", str(tmp_path / "late.json")]) == 1
    assert capsys.readouterr().out.count("R024") == 1
    wrong = _commune()
    wrong["header"]["report_date"] = "2023-08-25"
    wrong["answers"]["m2"]["results"] = 12
    (tmp_path / "wrong.json").write_text(json.dumps(wrong))
    assert main(["validate", "-q", str(tmp_path / "wrong.json")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split()[-1] for line in lines] == ["T001"]
