"""Finding and reading input files: reports as JSON, and any format a reader is registered for.

Readers are looked up by file suffix in :data:`READERS`; adding a format means adding one module
and one entry there. ``sokets validate``, ``sokets summary`` and ``sokets import`` all read
through :func:`read_report`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from sokets.errors import InputError
from sokets.findings import Finding

#: Largest input file accepted, in bytes. A full department report is 20–60 KB.
MAX_INPUT_BYTES = 5 * 1024 * 1024


def _is_lock_file(path: Path) -> bool:
    # "~$name.xlsx" and ".~lock…" are the lock files office programs leave beside open files.
    return path.name.startswith(("~$", ".~lock"))


def _walk(folder: Path, wanted: tuple[str, ...]) -> list[Path]:
    """Files under ``folder`` with a wanted suffix, sorted; unreadable folders and non-regular
    files with a wanted suffix (a FIFO, a broken link) are an :class:`InputError`, never skipped.
    """

    def refuse(error: OSError) -> None:
        raise InputError(
            f"không đọc được thư mục / cannot read folder: {error.strerror}",
            source=str(error.filename or folder),
        )

    found: list[Path] = []
    for root, _, names in os.walk(folder, onerror=refuse, followlinks=False):
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() not in wanted or _is_lock_file(path):
                continue
            if not path.is_file():
                raise InputError("không phải tệp thường / not a regular file", source=str(path))
            found.append(path)
    return sorted(found)


def iter_input_files(
    paths: Iterable[str | Path], suffixes: Iterable[str] | None = None
) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into the input files to read.

    A file named explicitly is yielded whatever its suffix; a folder contributes the files with
    one of ``suffixes`` (by default, every suffix a reader is registered for), leaving out the
    lock files of office programs. Raises :class:`InputError` for a path that does not exist, a
    folder that cannot be read and a folder with no input file.
    """
    wanted = tuple(s.lower() for s in (READERS if suffixes is None else suffixes))
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found = _walk(path, wanted)
            if not found:
                raise InputError(
                    f"thư mục không có tệp báo cáo ({', '.join(wanted)}) / folder has no reports",
                    source=str(path),
                )
            yield from found
        elif path.is_file():
            yield path
        elif path.exists() or path.is_symlink():
            raise InputError("không phải tệp thường / not a regular file", source=str(path))
        else:
            raise InputError("không tìm thấy tệp / no such file or folder", source=str(path))


def read_input(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file, refusing one larger than ``limit`` bytes (:class:`InputError`)."""
    if not path.is_file():
        message = "không phải tệp thường / not a regular file"
        if not (path.exists() or path.is_symlink()):
            message = "không tìm thấy tệp / no such file or folder"
        raise InputError(message, source=str(path))
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"tệp quá lớn ({size} byte, tối đa {limit}) / file too large", source=str(path)
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"không đọc được tệp / cannot read file: {exc.strerror}", source=str(path)
        ) from None


@dataclass
class ImportResult:
    """A form instance read from a file, with what the reader noticed on the way.

    ``findings`` hold what a reader could not place (text outside any item of a DOCX outline, a
    filled cell of a workbook outside every table…): reported, never dropped silently.
    ``locations`` maps JSON pointers of the report to places in the file (``"Sheet!B7"``), where
    the reader knows them, so that findings about the report can name the place to fix.
    ``omitted`` counts, by code, findings a reader left out past
    :data:`~sokets.findings.MAX_FINDINGS_PER_CODE` (see :class:`~sokets.findings.FindingList`).
    """

    report: BaseModel
    findings: list[Finding] = field(default_factory=list)
    locations: dict[str, str] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)


Reader = Callable[[bytes, str], ImportResult]

#: Readers by file suffix, as ``"module:function"`` (imported on first use). A reader takes the
#: file's bytes and its name (for messages) and returns an :class:`ImportResult`; it raises
#: :class:`~sokets.errors.InputError` for unusable input and
#: :class:`~sokets.errors.InvalidReportError` for content that does not fit the model.
READERS: dict[str, str] = {
    ".json": "sokets.inputs:read_json_report",
    ".docx": "sokets.docx.reader:read_docx",
    ".xlsx": "sokets.xlsx.reader:read_xlsx",
}


def read_json_report(data: bytes, source: str) -> ImportResult:
    """Reader for ``.json``: a form instance as JSON."""
    from sokets.forms import load_report

    return ImportResult(load_report(data, source=source))


def reader_for(path: Path) -> Reader:
    """The reader registered for ``path``'s suffix (:class:`InputError` if none)."""
    target = READERS.get(path.suffix.lower())
    if target is None:
        raise InputError(
            f"không đọc được loại tệp {path.suffix or '(không đuôi)'}; hỗ trợ: "
            f"{', '.join(sorted(READERS))} / unsupported file type",
            source=str(path),
        )
    module, _, name = target.partition(":")
    reader: Reader = getattr(importlib.import_module(module), name)
    return reader


def read_report(path: Path) -> ImportResult:
    """Read one report file with the reader for its suffix."""
    return reader_for(path)(read_input(path), str(path))
