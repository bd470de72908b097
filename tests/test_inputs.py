"""Finding input files: nothing under a folder is skipped silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sokets.errors import InputError
from sokets.inputs import iter_input_files, read_input


def test_fifo_and_broken_link_in_a_folder_are_errors_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(InputError, match="not a regular file") as info:
        list(iter_input_files([tmp_path]))
    assert info.value.source.endswith("pipe.json")
    (tmp_path / "pipe.json").unlink()
    (tmp_path / "gone.json").symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(InputError, match="not a regular file"):
        list(iter_input_files([tmp_path]))


def test_unreadable_subfolder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_text("{}")
    real_walk = os.walk

    def walk(top: str, onerror: object = None, followlinks: bool = False) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "sub")))
        return real_walk(top)

    monkeypatch.setattr(os, "walk", walk)
    with pytest.raises(InputError, match="cannot read folder") as info:
        list(iter_input_files([tmp_path]))
    assert info.value.source.endswith("sub")


def test_read_input_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(InputError, match="not a regular file"):
        read_input(tmp_path / "pipe.json")
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "missing.json")
