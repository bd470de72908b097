"""Crafting hostile and damaged office files (XLSX, DOCX are zips of XML parts) for tests."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable


def rewrite_member(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` (a zip) with member ``name`` transformed by ``change``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for info in source.infolist():
            content = source.read(info)
            zf.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def add_member(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a zip) with one more member."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, content)
    return out.getvalue()


def central_entry(data: bytes, name: bytes) -> tuple[bytearray, int]:
    """The zip as a buffer and the offset of ``name``'s central-directory entry."""
    buffer = bytearray(data)
    offset = 0
    while True:
        offset = buffer.find(b"PK\x01\x02", offset)
        assert offset >= 0
        length = struct.unpack_from("<H", buffer, offset + 28)[0]
        if buffer[offset + 46 : offset + 46 + length] == name:
            return buffer, offset
        offset += 4


def set_flags(data: bytes, name: bytes, bits: int) -> bytes:
    """``data`` with general-purpose flag ``bits`` set on member ``name``'s directory entry."""
    buffer, offset = central_entry(data, name)
    flags = struct.unpack_from("<H", buffer, offset + 8)[0]
    struct.pack_into("<H", buffer, offset + 8, flags | bits)
    return bytes(buffer)


def rename_member(
    data: bytes, old: str, new: str, change: Callable[[bytes], bytes] | None = None
) -> bytes:
    """``data`` (a zip) with member ``old`` stored as ``new`` (its content transformed by
    ``change``, if given), in the same place."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == old:
                zf.writestr(new, change(content) if change else content)
            else:
                zf.writestr(info.filename, content)
    return out.getvalue()


def replace_in(data: bytes, name: str, *pairs: tuple[bytes, bytes]) -> bytes:
    """``data`` (a zip) with each ``(old, new)`` replaced in member ``name``; every ``old`` must be
    there."""

    def change(content: bytes) -> bytes:
        for old, new in pairs:
            assert old in content, (name, old)
            content = content.replace(old, new)
        return content

    return rewrite_member(data, name, change)
