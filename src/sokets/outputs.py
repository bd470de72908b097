"""Writing output files safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sokets.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a reader sees the old file or the whole new one.

    The bytes go to a temporary file in the same folder, which is then renamed over ``path``; the
    file gets the usual permissions (``0o666`` less the umask), not the temporary file's private
    ones. Raises :class:`OutputError` if the folder does not exist or cannot be written, or if
    ``path`` is a folder.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(
            "đây là thư mục, không phải tệp / is a folder, not a file", source=str(target)
        )
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"không ghi được / cannot write: {exc.strerror}", source=str(target)
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
            f"không ghi được / cannot write: {exc.strerror}", source=str(target)
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
