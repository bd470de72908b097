"""Find where a JSON pointer's value starts in a JSON text (line and column), for annotations."""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def value_offsets(text: str) -> dict[str, int]:
    """Offset of every value of a JSON text by JSON pointer (a member: where its key starts).

    Tolerant: on malformed text it returns what it found before getting lost.
    """
    offsets: dict[str, int] = {"": 0}
    # frames: [is_object, pointer of the container, pending member pointer or array index]
    stack: list[list[object]] = []
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if not stack:
            if token in "{[":
                stack.append([token == "{", "", None if token == "{" else 0])
            continue
        frame = stack[-1]
        is_object, base = frame[0], str(frame[1])
        if token in "}]":
            stack.pop()
            continue
        if token == ":":
            continue
        if is_object:
            if token == ",":
                frame[2] = None
                continue
            if frame[2] is None:
                try:
                    key = json.loads(token)
                except ValueError:
                    return offsets
                pointer = f"{base}/{_escape(str(key))}"
                offsets.setdefault(pointer, start)
                frame[2] = pointer
                continue
            pointer = str(frame[2])
        else:
            if token == ",":
                frame[2] = int(str(frame[2])) + 1
                continue
            pointer = f"{base}/{frame[2]}"
            offsets.setdefault(pointer, start)
        if token in "{[":
            stack.append([token == "{", pointer, None if token == "{" else 0])
    return offsets


class JsonLocator:
    """``locator(path, pointer)`` → ``(line, column)`` in the file, 1-based; ``None`` if unknown.

    A pointer to a missing member (a required field left out) gives the place of its nearest
    parent. Files are read once, on first use; non-JSON files are not located.
    """

    def __init__(self) -> None:
        self._path: str | None = None
        self._offsets: dict[str, int] = {}
        self._lines: list[int] = []

    def _load(self, path: str) -> None:
        self._path, self._offsets, self._lines = path, {}, []
        if not path.lower().endswith(".json"):
            return
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, ValueError):
            return
        self._offsets = value_offsets(text)
        self._lines = [m.end() for m in re.finditer("\n", text)]

    def __call__(self, path: str, pointer: str) -> tuple[int, int] | None:
        if path != self._path:
            self._load(path)
        if not self._offsets:
            return None
        while pointer not in self._offsets and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        offset = self._offsets.get(pointer)
        if offset is None:
            return None
        line = bisect.bisect_right(self._lines, offset)
        start = self._lines[line - 1] if line else 0
        return line + 1, offset - start + 1
