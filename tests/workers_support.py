"""Jobs for the tests of :mod:`sokets._workers`, in a module a background process imports by name
(light: no test framework)."""

from __future__ import annotations

import os
import pickle


def square(item: int) -> int:
    """The job the caller runs."""
    if item < 0:
        raise ValueError(f"negative: {item}")
    return item * item


def squares(items: list[int]) -> bytes:
    """The job a background process runs: each item squared, with the process that did it."""
    return pickle.dumps([(square(item), os.getpid()) for item in items])


def decode(data: bytes) -> list[int]:
    return [value for value, _ in pickle.loads(data)]


def dying(items: list[int]) -> bytes:
    """A background process that dies at its first chunk, as one killed for its memory would."""
    os._exit(9)


def unsendable(items: list[int]) -> bytes:
    """A background process that cannot send its results back (the caller does the chunk)."""
    return b""


def decode_or_none(data: bytes) -> list[int] | None:
    return decode(data) if data else None
