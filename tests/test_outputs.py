"""Atomic writing of output files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sokets.errors import OutputError
from sokets.outputs import write_atomic


def test_writes_whole_file_with_usual_permissions(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "a.json", b"{}")
    assert target.read_bytes() == b"{}"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"old")
    write_atomic(tmp_path / "a.json", b"new")
    assert (tmp_path / "a.json").read_bytes() == b"new"


@pytest.mark.parametrize("where", ["missing/a.json", "."])
def test_unwritable_target_is_an_output_error_and_leaves_nothing(
    tmp_path: Path, where: str
) -> None:
    with pytest.raises(OutputError):
        write_atomic(tmp_path / where, b"x")
    assert not [p for p in tmp_path.rglob("*.tmp")]
