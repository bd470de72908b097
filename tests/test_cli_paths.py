"""Inputs and outputs of the commands: nothing overwritten, nothing replaced, every path reported
(hardening issue 9, points 1, 12 and 13)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sokets.cli.main import main
from sokets.errors import OutputError
from sokets.outputs import check_output, write_atomic
from tests.conftest import EXAMPLES


def _run(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture(params=["xlsx", "docx"])
def filled(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A unit's blank form, as a clerk would have it (the bytes must survive every test)."""
    from sokets.render import blank_renderer
    from sokets.units import get_registry

    path = tmp_path / f"filled.{request.param}"
    path.write_bytes(blank_renderer(request.param).render(get_registry().get("16705")))
    return path


def test_import_never_overwrites_its_input(
    filled: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    before = filled.read_bytes()
    code, _, err = _run(capsysbinary, "import", str(filled), "-o", str(filled))
    assert code == 2
    assert "overwrite the input" in err
    assert filled.read_bytes() == before


def test_import_never_overwrites_its_input_through_a_link(
    filled: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    before = filled.read_bytes()
    link = filled.with_name("link.json")
    link.symlink_to(filled)
    code, _, err = _run(capsysbinary, "import", str(filled), "-o", str(link))
    assert code == 2 and "overwrite the input" in err
    assert filled.read_bytes() == before


def test_import_output_must_be_named_json(
    filled: Path, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    code, _, err = _run(capsysbinary, "import", str(filled), "-o", str(tmp_path / "r.xlsx"))
    assert code == 2 and ".json" in err
    assert not (tmp_path / "r.xlsx").exists()


@pytest.mark.parametrize(
    ("command", "unit", "name"),
    [("outline", "SO-YT", "x.xlsx"), ("template", "SO-YT", "x.docx"), ("outline", "412", "x")],
)
def test_blank_form_output_suffix_must_match_its_format(
    command: str,
    unit: str,
    name: str,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, _, err = _run(capsysbinary, command, unit, "-o", str(tmp_path / name))
    assert code == 2
    assert "must end in" in err
    assert list(tmp_path.iterdir()) == []


def test_render_output_suffix_must_match(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / "bao-cao.pdf"
    code, _, err = _run(capsysbinary, "render", str(EXAMPLES / "so-yt-pl01.json"), "-o", str(out))
    assert code == 2 and "must end in .docx" in err
    assert not out.exists()


def test_a_device_is_written_into_never_replaced(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, _, _ = _run(
        capsysbinary, "import", str(EXAMPLES / "xa-hung-dong-pl04.json"), "-o", os.devnull
    )
    assert code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert write_atomic(os.devnull, b"x") == Path(os.devnull)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_writing_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_check_output_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder"):
        check_output(tmp_path, suffix=".json")


@pytest.mark.parametrize("command", ["render", "import"])
def test_a_folder_given_as_the_file_is_called_a_folder(
    command: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, _, err = _run(capsysbinary, command, str(tmp_path))
    assert code == 2
    assert "is a folder" in err
    assert "unsupported" not in err
    assert "Traceback" not in err


def test_render_dot_is_a_folder_not_an_internal_error(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsysbinary, "render", ".")
    assert code == 2 and "is a folder" in err


def test_an_over_long_name_is_one_unreadable_input_and_the_rest_are_checked(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    long_name = str(tmp_path / ("a" * 300 + ".json"))
    code, out, err = _run(
        capsysbinary, "validate", long_name, str(EXAMPLES / "xa-hung-dong-pl04.json")
    )
    assert code == 2
    assert "xa-hung-dong-pl04.json: hợp lệ / valid" in out
    assert "cannot read file" in err and "Traceback" not in err


def test_a_permission_error_on_one_input_does_not_stop_the_run(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.json"
    locked.write_bytes((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    real_stat = Path.stat

    def stat_denied(self: Path, **kwargs: bool) -> os.stat_result:
        if self.name == "locked.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat_denied)
    code, out, err = _run(
        capsysbinary, "validate", str(locked), str(EXAMPLES / "xa-hung-dong-pl04.json")
    )
    assert code == 2
    assert "Permission denied" in err and "locked.json" in err
    assert "xa-hung-dong-pl04.json: hợp lệ / valid" in out


def test_a_fifo_in_a_folder_is_reported_and_the_other_files_checked(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    (tmp_path / "good.json").write_bytes((EXAMPLES / "xa-hung-dong-pl04.json").read_bytes())
    os.mkfifo(tmp_path / "pipe.json")
    code, out, err = _run(capsysbinary, "validate", str(tmp_path))
    assert code == 2
    assert "pipe.json" in err and "not a regular file" in err
    assert "good.json: hợp lệ / valid" in out
