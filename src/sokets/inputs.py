"""Finding and reading input files: reports as JSON, and any format a reader is registered for.

Readers are looked up by file suffix in :data:`READERS`; adding a format means adding one module
and one entry there. ``sokets validate``, ``sokets summary`` and ``sokets import`` all read
through :func:`read_report`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from sokets.errors import InputError
from sokets.findings import Finding

#: Largest input file accepted, in bytes. A full department report is 20–60 KB.
MAX_INPUT_BYTES = 5 * 1024 * 1024


def _is_report_file(path: Path, wanted: tuple[str, ...]) -> bool:
    # "~$name.xlsx" and ".~lock…" are the lock files office programs leave beside open files.
    return (
        path.is_file()
        and path.suffix.lower() in wanted
        and not path.name.startswith(("~$", ".~lock"))
    )


def iter_input_files(
    paths: Iterable[str | Path], suffixes: Iterable[str] | None = None
) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into the input files to read.

    A file named explicitly is yielded whatever its suffix; a folder contributes the files with
    one of ``suffixes`` (by default, every suffix a reader is registered for), leaving out the
    lock files of office programs. Raises :class:`InputError` for a path that does not exist and
    for a folder with no input file.
    """
    wanted = tuple(s.lower() for s in (READERS if suffixes is None else suffixes))
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_report_file(p, wanted))
            if not found:
                raise InputError(
                    f"thư mục không có tệp báo cáo ({', '.join(wanted)}) / folder has no reports",
                    source=str(path),
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            raise InputError("không tìm thấy tệp / no such file or folder", source=str(path))


def read_input(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file, refusing one larger than ``limit`` bytes (:class:`InputError`)."""
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
    """

    report: BaseModel
    findings: list[Finding] = field(default_factory=list)
    locations: dict[str, str] = field(default_factory=dict)


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
