"""Hostile workbooks fail cleanly (issue 6, deliverable 3): entity bombs, zip bombs, oversized
files and sheets, macros and external links; text is stored reversibly, never as a formula."""

from __future__ import annotations

import contextlib
import io
import struct
import time
import zipfile
from collections.abc import Callable

import defusedxml
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sokets.errors import InputError, InvalidReportError
from sokets.xlsx import cells, safety
from sokets.xlsx.reader import read_workbook
from tests.xlsx.helpers import COMMUNE, edited, open_book, with_header

BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
        for i in range(1, 10)
    )
    + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
EXTERNAL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t>'
    b"</si></sst>"
)


def _rewrite(
    data: bytes,
    changes: dict[str, bytes | Callable[[bytes], bytes]] | None = None,
    *,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """``data`` (a zip) with members replaced, transformed or added."""
    changes = dict(changes or {})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as zf:
        for info in source.infolist():
            content = source.read(info)
            change = changes.pop(info.filename, None)
            if callable(change):
                content = change(content)
            elif change is not None:
                content = change
            zf.writestr(info.filename, content)
        for name, content in changes.items():
            zf.writestr(name, content if isinstance(content, bytes) else b"")
    return out.getvalue()


def _with_shared_strings(data: bytes, strings: bytes) -> bytes:
    """A workbook whose shared-string part is ``strings`` (declared in the content types)."""

    def types(content: bytes) -> bytes:
        override = (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        return content.replace(b"</Types>", override + b"</Types>")

    def rels(content: bytes) -> bytes:
        rel = (
            b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        )
        return content.replace(b"</Relationships>", rel + b"</Relationships>")

    return _rewrite(
        data,
        {
            "[Content_Types].xml": types,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/sharedStrings.xml": strings,
        },
    )


def _refused(data: bytes, match: str) -> InputError:
    with pytest.raises(InputError, match=match) as caught:
        read_workbook(data, "doc.xlsx")
    assert caught.value.source == "doc.xlsx"
    return caught.value


# -- XML -------------------------------------------------------------------------------------


def test_openpyxl_parses_through_defusedxml() -> None:
    import openpyxl.xml.functions as xml_functions
    from defusedxml.ElementTree import iterparse

    assert openpyxl.DEFUSEDXML is True
    assert xml_functions.iterparse is iterparse


def test_openpyxl_alone_refuses_an_entity_bomb() -> None:
    data = _with_shared_strings(with_header(COMMUNE), BOMB)
    with pytest.raises(ValueError, match="could not read strings") as caught:
        openpyxl.load_workbook(io.BytesIO(data))
    cause = caught.value.__cause__ or caught.value.__context__
    assert isinstance(cause, defusedxml.EntitiesForbidden)


@pytest.mark.parametrize("part", [BOMB, EXTERNAL])
def test_entity_declarations_are_refused_before_parsing(part: bytes) -> None:
    started = time.perf_counter()
    error = _refused(_with_shared_strings(with_header(COMMUNE), part), "DOCTYPE")
    assert error.location == "xl/sharedStrings.xml"
    assert time.perf_counter() - started < 2


def test_entity_declaration_in_utf16_part_is_refused() -> None:
    part = EXTERNAL.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    _refused(_with_shared_strings(with_header(COMMUNE), part.encode("utf-16")), "DOCTYPE")


# -- the zip ---------------------------------------------------------------------------------


def test_not_a_zip_old_xls_truncated_and_empty_files_are_refused() -> None:
    _refused(b"Stt,Nhiem vu\n1,x\n", "không phải tệp XLSX")
    _refused(b"", "không phải tệp XLSX")
    _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xls")
    data = with_header(COMMUNE)
    _refused(data[: len(data) // 2], "bị hỏng")


def test_oversized_file_is_refused_before_reading() -> None:
    _refused(b"PK\x03\x04" + b"\0" * safety.MAX_FILE_BYTES, "quá lớn")


def test_zip_bomb_member_is_refused_by_its_declared_size() -> None:
    bomb = b"\0" * (safety.MAX_MEMBER_BYTES + 1)
    data = _rewrite(with_header(COMMUNE), {"xl/media/image1.png": bomb})
    assert len(data) < 100_000
    error = _refused(data, "quá lớn khi giải nén")
    assert error.location == "xl/media/image1.png"


def test_total_uncompressed_size_is_capped() -> None:
    chunk = b"\0" * (safety.MAX_MEMBER_BYTES - 1)
    parts: dict[str, bytes | Callable[[bytes], bytes]] = {
        f"xl/media/image{i}.png": chunk for i in range(4)
    }
    _refused(_rewrite(with_header(COMMUNE), parts), "quá lớn khi giải nén")


def _patch_central_directory(
    data: bytes, name: bytes, patch: Callable[[bytearray, int], None]
) -> bytes:
    """Apply ``patch(buffer, offset)`` to the central-directory entry of member ``name``."""
    buffer = bytearray(data)
    offset = 0
    while True:
        offset = buffer.find(b"PK\x01\x02", offset)
        assert offset >= 0
        name_length = struct.unpack_from("<H", buffer, offset + 28)[0]
        if buffer[offset + 46 : offset + 46 + name_length] == name:
            patch(buffer, offset)
            return bytes(buffer)
        offset += 4


def test_a_zip_lying_about_its_sizes_cannot_inflate_beyond_them() -> None:
    part = b"xl/worksheets/sheet1.xml"
    big = b"<!-- " + b"a" * 3_000_000 + b" -->"
    data = _rewrite(with_header(COMMUNE), {part.decode(): lambda xml: xml + big})

    def shrink(buffer: bytearray, offset: int) -> None:
        struct.pack_into("<I", buffer, offset + 24, 1000)  # uncompressed size

    _refused(_patch_central_directory(data, part, shrink), "bị hỏng")


def test_encrypted_members_and_too_many_members_are_refused() -> None:
    def encrypt(buffer: bytearray, offset: int) -> None:
        flags = struct.unpack_from("<H", buffer, offset + 8)[0]
        struct.pack_into("<H", buffer, offset + 8, flags | 1)

    data = with_header(COMMUNE)
    _refused(_patch_central_directory(data, b"xl/workbook.xml", encrypt), "mã hóa")
    many: dict[str, bytes | Callable[[bytes], bytes]] = {
        f"xl/extra/{i}.bin": b"" for i in range(safety.MAX_MEMBERS)
    }
    _refused(_rewrite(data, many), "thành phần")


# -- sheets ----------------------------------------------------------------------------------


def test_values_beyond_the_sheet_limits_are_refused_with_their_cell() -> None:
    def far_down(wb: openpyxl.Workbook) -> None:
        wb["Số liệu"].cell(safety.MAX_ROWS + 1, 2).value = "x"

    error = _refused(edited(with_header(COMMUNE), far_down), "giới hạn")
    assert error.location == f"Số liệu!B{safety.MAX_ROWS + 1}"

    def far_right(wb: openpyxl.Workbook) -> None:
        wb["Số liệu"].cell(5, safety.MAX_COLUMNS + 1).value = "x"

    error = _refused(edited(with_header(COMMUNE), far_right), "giới hạn")
    assert error.location == f"Số liệu!{cells.column_letters(safety.MAX_COLUMNS + 1)}5"


@pytest.mark.parametrize(
    "element",
    [
        b'<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>',
        b'<hyperlinks><hyperlink ref="A1:ZZ900000" display="x"/></hyperlinks>',
    ],
)
def test_huge_merged_ranges_and_hyperlinks_are_refused_before_parsing(element: bytes) -> None:
    def add(xml: bytes) -> bytes:
        return xml.replace(b"</worksheet>", element + b"</worksheet>")

    started = time.perf_counter()
    error = _refused(_rewrite(with_header(COMMUNE), {"xl/worksheets/sheet2.xml": add}), "vùng ô")
    assert error.location == "xl/worksheets/sheet2.xml"
    assert time.perf_counter() - started < 2


def test_a_lying_dimension_tag_is_harmless() -> None:
    def lie(xml: bytes) -> bytes:
        start = xml.index(b"<dimension ")
        end = xml.index(b"/>", start) + 2
        return xml[:start] + b'<dimension ref="A1:XFD1048576"/>' + xml[end:]

    data = _rewrite(with_header(COMMUNE), {"xl/worksheets/sheet2.xml": lie})
    started = time.perf_counter()
    assert read_workbook(data, "x.xlsx").findings == []
    assert time.perf_counter() - started < 2


def test_too_many_sheets_are_refused() -> None:
    wb = openpyxl.Workbook()
    for i in range(safety.MAX_SHEETS):
        wb.create_sheet(f"S{i}")
    buffer = io.BytesIO()
    wb.save(buffer)
    _refused(buffer.getvalue(), "trang")


def test_macros_and_external_links_are_ignored() -> None:
    link = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<externalBook r:id="rId1"/></externalLink>'
    )
    link_rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="file:///C:/secret.xlsx" TargetMode="External"/>'
        b"</Relationships>"
    )

    def rels(content: bytes) -> bytes:
        rel = (
            b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>'
            b'<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/'
            b'relationships/vbaProject" Target="vbaProject.bin"/>'
        )
        return content.replace(b"</Relationships>", rel + b"</Relationships>")

    def workbook(content: bytes) -> bytes:
        return content.replace(
            b"</sheets>",
            b"</sheets><externalReferences><externalReference xmlns:r="
            b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdX"/>'
            b"</externalReferences>",
        )

    data = _rewrite(
        with_header(COMMUNE),
        {
            "xl/_rels/workbook.xml.rels": rels,
            "xl/workbook.xml": workbook,
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels,
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro",
        },
    )
    wb = safety.load_workbook(data, "x.xlsm")
    assert wb._external_links == [] and wb.vba_archive is None
    expected = read_workbook(with_header(COMMUNE), "x.xlsx").report
    assert read_workbook(data, "x.xlsm").report == expected


# -- text in cells ---------------------------------------------------------------------------


@given(st.text())
def test_cell_text_encoding_is_reversible_and_xml_safe(text: str) -> None:
    stored = cells.encode_text(text)
    assert cells.decode_text(stored) == text
    assert not any(
        (ord(c) < 0x20 and c not in "\t\n") or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff"
        for c in stored
    )


def test_cell_text_decoding_reads_excels_own_escapes() -> None:
    assert cells.decode_text("a_x000D_b_x0001_") == "a\rb\x01"
    assert cells.decode_text("_x0041_ stays") == "_x0041_ stays"
    assert cells.decode_text("_x005F_x0041_") == "_x0041_"


def test_load_workbook_errors_are_input_errors() -> None:
    def break_workbook(content: bytes) -> bytes:
        return content[: len(content) // 2]

    data = _rewrite(with_header(COMMUNE), {"xl/workbook.xml": break_workbook})
    _refused(data, "không đọc được bảng tính")
    assert open_book(with_header(COMMUNE)).sheetnames[0] == "Thông tin"


_SNIPPETS = [b"<", b">", b'"', b"9999999", b"</c>", b'r="ZZ9"', b't="s"', b't="e"', b"<v>x</v>"]


@settings(max_examples=min(settings.default.max_examples, 40))
@given(
    part=st.sampled_from(
        ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/workbook.xml", "xl/styles.xml"]
    ),
    edits=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(_SNIPPETS), st.booleans()),
        min_size=1,
        max_size=4,
    ),
)
def test_damaged_xml_never_crashes_the_reader(
    part: str, edits: list[tuple[float, bytes, bool]]
) -> None:
    def damage(xml: bytes) -> bytes:
        for where, snippet, replace in edits:
            at = int(where * len(xml))
            xml = xml[:at] + snippet + xml[at + (len(snippet) if replace else 0) :]
        return xml

    data = _rewrite(with_header(COMMUNE), {part: damage})
    with contextlib.suppress(InputError, InvalidReportError):
        assert read_workbook(data, "damaged.xlsx").report.header.unit_code == COMMUNE
