"""Finding and reading input files: reports as JSON, and any format a reader is registered for.

Readers are looked up by file suffix in :data:`READERS`; adding a format means adding one module
and one entry there. ``sokets validate``, ``sokets summary`` and ``sokets import`` all read
through :func:`read_report`.
"""

from __future__ import annotations

import importlib
import os
import stat
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


def _unreadable(path: Path, error: OSError) -> InputError:
    return InputError(
        f"không đọc được tệp / cannot read file: {error.strerror or error}", source=str(path)
    )


def _kind(path: Path) -> str:
    """``"dir"``, ``"file"``, ``"other"`` (FIFO, device, broken link) or ``"missing"``.

    Errors other than "no such file" (no permission on a folder on the way, a name too long)
    are an :class:`InputError` for this path, never an exception that stops a whole run.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "other" if path.is_symlink() else "missing"
    except NotADirectoryError:
        return "missing"
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "other"


def _refuse_kind(path: Path, kind: str) -> InputError:
    if kind == "dir":
        return InputError(
            "đây là thư mục, cần một tệp / is a folder, expected a file", source=str(path)
        )
    if kind == "missing":
        return InputError("không tìm thấy tệp / no such file or folder", source=str(path))
    return InputError("không phải tệp thường / not a regular file", source=str(path))


def _walk(folder: Path, wanted: tuple[str, ...]) -> Iterator[Path | InputError]:
    """Files under ``folder`` with a wanted suffix, sorted, and an :class:`InputError` in their
    place for each folder that cannot be read and each non-regular file with a wanted suffix
    (a FIFO, a broken link): reported, never skipped, and the rest still listed."""
    found: list[tuple[str, Path | InputError]] = []

    def refuse(error: OSError) -> None:
        where = str(error.filename or folder)
        found.append(
            (
                where,
                InputError(
                    f"không đọc được thư mục / cannot read folder: {error.strerror}", source=where
                ),
            )
        )

    for root, _, names in os.walk(folder, onerror=refuse, followlinks=False):
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() not in wanted or _is_lock_file(path):
                continue
            try:
                kind = _kind(path)
            except InputError as exc:
                found.append((str(path), exc))
                continue
            found.append((str(path), path if kind == "file" else _refuse_kind(path, kind)))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def expand_inputs(
    paths: Iterable[str | Path], suffixes: Iterable[str] | None = None
) -> Iterator[Path | InputError]:
    """Expand files and folders (recursively, sorted) into the input files to read.

    A file named explicitly is yielded whatever its suffix; a folder contributes the files with
    one of ``suffixes`` (by default, every suffix a reader is registered for), leaving out the
    lock files of office programs. Whatever cannot be used (a missing path, a folder that cannot
    be read or holds no input file, a FIFO) is yielded as an :class:`InputError` in its place, so
    that one bad input never hides the others.
    """
    wanted = tuple(s.lower() for s in (READERS if suffixes is None else suffixes))
    for entry in paths:
        path = Path(entry)
        try:
            kind = _kind(path)
        except InputError as exc:
            yield exc
            continue
        if kind == "dir":
            empty = True
            for item in _walk(path, wanted):
                empty = False
                yield item
            if empty:
                yield InputError(
                    f"thư mục không có tệp báo cáo ({', '.join(wanted)}) / folder has no reports",
                    source=str(path),
                )
        elif kind == "file":
            yield path
        else:
            yield _refuse_kind(path, kind)


def iter_input_files(
    paths: Iterable[str | Path], suffixes: Iterable[str] | None = None
) -> Iterator[Path]:
    """:func:`expand_inputs`, raising the first :class:`InputError` met."""
    for item in expand_inputs(paths, suffixes):
        if isinstance(item, InputError):
            raise item
        yield item


def require_file(path: Path) -> Path:
    """``path``, if it is a regular file; else the :class:`InputError` that says what it is."""
    kind = _kind(path)
    if kind != "file":
        raise _refuse_kind(path, kind)
    return path


def read_input(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file, refusing one larger than ``limit`` bytes (:class:`InputError`).

    A folder, a missing path, a device or pipe, a file that cannot be read: each is an
    :class:`InputError` naming the path.
    """
    require_file(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"tệp quá lớn ({size} byte, tối đa {limit}) / file too large", source=str(path)
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if len(data) > limit:  # grew while being read
        raise InputError(f"tệp quá lớn (tối đa {limit} byte) / file too large", source=str(path))
    return data


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
    """Reader for ``.json``: a form instance as JSON; what reading changed (a code with stray
    spaces) comes back as findings."""
    from sokets.forms import load_document
    from sokets.rules.model import problem_findings

    report, notes = load_document(data, source=source)
    form = str(getattr(getattr(report, "header", None), "form", ""))
    return ImportResult(report, list(problem_findings(notes, form)))


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
    """Read one report file with the reader for its suffix.

    Raises :class:`InputError` for a path that is not a readable file (checked before its
    suffix, so that a folder is called a folder) or has no reader.
    """
    return reader_for(require_file(path))(read_input(path), str(path))
