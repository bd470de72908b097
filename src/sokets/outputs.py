"""Writing output files safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sokets.errors import OutputError


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a reader sees the old file or the whole new one.

    The bytes go to a temporary file in the same folder, which is then renamed over ``path``.
    Raises :class:`OutputError` if the folder does not exist or cannot be written.
    """
    target = Path(path)
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
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
