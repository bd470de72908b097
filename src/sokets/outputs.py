"""Writing output files safely: never over an input, never a device replaced by a file.

:func:`check_output` is the one guard every command that writes a file goes through (an output
that would overwrite one of its inputs, or whose suffix says another format, is refused);
:func:`write_atomic` then writes it so that a reader sees the old file or the whole new one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sokets.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _status(path: Path) -> os.stat_result | None:
    """``os.stat`` of ``path`` (links followed), ``None`` if nothing is there."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(
            f"không ghi được / cannot write: {exc.strerror}", source=str(path)
        ) from None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(
    path: str | Path, *, suffix: str | None = None, inputs: Iterable[str | Path] = ()
) -> Path:
    """Refuse an output that cannot be right, before any work is done.

    Raises :class:`OutputError` when ``path`` is (or links to) one of ``inputs``, when it is a
    folder, or when its suffix is not ``suffix`` (``".docx"``…; case-insensitive) — a Word file
    named ``x.xlsx`` would fool whoever opens it. A device or pipe (``/dev/null``,
    ``/dev/stdout``) is accepted whatever its name: it is written into, never replaced.
    """
    target = Path(path)
    status = _status(target)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(
            "đây là thư mục, không phải tệp / is a folder, not a file", source=str(target)
        )
    if status is not None:
        for entry in inputs:
            other = Path(entry)
            try:
                other_status = other.stat()
            except OSError:
                continue
            if _same_file(status, other_status):
                raise OutputError(
                    f"tệp ghi ra chính là tệp đầu vào {other}; hãy chọn tên khác bằng -o / "
                    "the output would overwrite the input: choose another name with -o",
                    source=str(target),
                )
    regular = status is None or stat.S_ISREG(status.st_mode)
    if suffix is not None and regular and target.suffix.lower() != suffix.lower():
        raise OutputError(
            f"tên tệp ghi ra phải có đuôi {suffix} (định dạng được ghi), không phải "
            f"{target.suffix or '(không đuôi)'} / the output name must end in {suffix}, the "
            "format written",
            source=str(target),
        )
    return target


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a reader sees the old file or the whole new one.

    The bytes go to a temporary file in the same folder, which is then renamed over ``path``; the
    file gets the usual permissions (``0o666`` less the umask), not the temporary file's private
    ones. A symbolic link is followed (the file it points to is replaced, the link kept). Something
    that is not a regular file — a device such as ``/dev/null``, a pipe — is written into, never
    replaced by a file. Raises :class:`OutputError` if the folder does not exist or cannot be
    written, or if ``path`` is a folder.
    """
    target = Path(path)
    status = _status(target)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(
            "đây là thư mục, không phải tệp / is a folder, not a file", source=str(target)
        )
    if status is not None and not stat.S_ISREG(status.st_mode):
        return _write_into(target, data)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"không ghi được / cannot write: {exc.strerror}", source=str(path)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(
            f"không ghi được / cannot write: {exc.strerror}", source=str(path)
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(path)


def _write_into(target: Path, data: bytes) -> Path:
    """Write into a device or pipe in place (no temporary file, no rename)."""
    try:
        with target.open("wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(
            f"không ghi được / cannot write: {exc.strerror}", source=str(target)
        ) from None
    return target
