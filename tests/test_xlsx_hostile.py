"""Hostile or damaged workbooks end in one clean error, never a hang or a traceback: zip failures
of every kind, DOCTYPE in any Unicode encoding, ranges written to slip past a regex, oversized
sheets, chart sheets named like template sheets; and formulas without a cached value are reported
(X010)."""

from __future__ import annotations

import io
import random
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sokets.errors import InputError, SoketsError
from sokets.inputs import read_report
from sokets.xlsx import layout as lay
from sokets.xlsx import safety
from sokets.xlsx.reader import read_workbook
from tests.xlsx.helpers import COMMUNE, DISTRICT, blank, edited, open_book, save, with_header
from tests.zip_tools import (
    add_member,
    central_entry,
    rename_member,
    replace_in,
    rewrite_member,
    set_flags,
)

SHEET = "xl/worksheets/sheet2.xml"


def _refused(data: bytes, match: str, tmp_path: Path) -> InputError:
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=match) as caught:
        read_report(path)
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)
    return caught.value


# -- the zip ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("bits", "match"), [(0x40, "mã hóa"), (0x20, "kiểu nén")])
def test_strong_encryption_and_patched_data_flags_are_refused(
    bits: int, match: str, tmp_path: Path
) -> None:
    data = set_flags(with_header(COMMUNE), b"xl/workbook.xml", bits)
    error = _refused(data, match, tmp_path)
    assert error.location == "xl/workbook.xml"


def test_a_zip_needing_a_newer_version_is_refused(tmp_path: Path) -> None:
    buffer, offset = central_entry(with_header(COMMUNE), b"xl/workbook.xml")
    struct.pack_into("<H", buffer, offset + 6, 99)  # version needed to extract: 9.9
    _refused(bytes(buffer), "bị hỏng", tmp_path)


def test_a_corrupt_deflate_stream_is_refused(tmp_path: Path) -> None:
    data = with_header(COMMUNE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("docProps/app.xml")
    buffer = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    buffer[start : start + 8] = b"\xff" * 8  # an invalid deflate block type
    error = _refused(bytes(buffer), "bị hỏng", tmp_path)
    assert error.location == "docProps/app.xml"


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_doctype_is_found_in_every_unicode_encoding(encoding: str, tmp_path: Path) -> None:
    label = encoding.upper().replace("-LE", "").replace("-BE", "")
    xml = (
        f'<?xml version="1.0" encoding="{label}"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    )
    data = rewrite_member(with_header(COMMUNE), SHEET, lambda _: xml.encode(encoding))
    assert _refused(data, "DOCTYPE", tmp_path).location == SHEET


def test_an_encoding_that_could_hide_a_doctype_is_refused(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0" encoding="UTF-7"?>\n+ADw-!DOCTYPE x+AD4-<worksheet/>'
    _refused(rewrite_member(with_header(COMMUNE), SHEET, lambda _: xml), "UTF-7", tmp_path)


# -- ranges and sizes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        b"<mergeCells count=\"1\"><mergeCell ref='A10:XFD1048576'/></mergeCells>",
        b'<mergeCells count="1"><mergeCell ref="A10:XFD&#49;048576"/></mergeCells>',
        b'<mergeCells count="1"><mergeCell ref="A10:&#x58;FD1048576"/></mergeCells>',
        b'<mergeCells count="1"><mergeCell ref="1:1048576"/></mergeCells>',
        b"<hyperlinks><hyperlink ref='A1:ZZ900000' display='x'/></hyperlinks>",
    ],
)
def test_ranges_written_to_slip_past_a_pattern_are_refused_quickly(
    element: bytes, tmp_path: Path
) -> None:
    def add(xml: bytes) -> bytes:
        return xml.replace(b"</worksheet>", element + b"</worksheet>")

    started = time.perf_counter()
    error = _refused(rewrite_member(with_header(COMMUNE), SHEET, add), "vùng ô", tmp_path)
    assert error.location == SHEET
    assert time.perf_counter() - started < 2


def test_a_sheet_with_too_many_cells_is_refused_before_openpyxl_builds_them(
    tmp_path: Path,
) -> None:
    cells = b'<c r="A1" s="0"/>' * (safety.MAX_CELLS + 1)

    def add(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b'<sheetData><row r="1">' + cells + b"</row>", 1)

    data = rewrite_member(with_header(COMMUNE), SHEET, add)
    assert b"<sheetData>" in zipfile.ZipFile(io.BytesIO(data)).read(SHEET)
    error = _refused(data, "too many cells", tmp_path)
    assert error.location == SHEET


def test_a_value_beyond_the_limits_is_refused_without_an_r_attribute(tmp_path: Path) -> None:
    far = b'<row r="%d"><c t="inlineStr"><is><t>x</t></is></c></row>' % (safety.MAX_ROWS + 1)

    def add(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", far + b"</sheetData>", 1)

    error = _refused(rewrite_member(with_header(COMMUNE), SHEET, add), "giới hạn", tmp_path)
    assert error.location.endswith(f"!A{safety.MAX_ROWS + 1}")


# -- the parts openpyxl reads, wherever they are -----------------------------------------------

RELS = "xl/_rels/workbook.xml.rels"


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


MOVED = "xl/other/sheet7.xml"
R_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if openpyxl is asked to load the workbook: the refusal must come first."""
    import openpyxl

    def reached(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl.load_workbook was reached")

    monkeypatch.setattr(openpyxl, "load_workbook", reached)


def _merge(ref: bytes) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        return xml.replace(b"</mergeCells>", b'<mergeCell ref="%s"/></mergeCells>' % ref, 1)

    return change


def _sheet_moved(target: bytes, change: Callable[[bytes], bytes] | None = None) -> bytes:
    """The commune's workbook with "Đề cương" stored at :data:`MOVED`, named by ``target``."""
    data = rename_member(with_header(COMMUNE), SHEET, MOVED, change)
    data = replace_in(data, RELS, (b'"/xl/worksheets/sheet2.xml"', b'"%s"' % target))
    return replace_in(data, "[Content_Types].xml", (b"/" + SHEET.encode(), b"/" + MOVED.encode()))


TARGETS = [
    b"other/sheet7.xml",
    b"/xl/other/sheet7.xml",
    b"../xl/other/sheet7.xml",
    b"worksheets/../other/./sheet7.xml",
]


@pytest.mark.parametrize("target", TARGETS)
def test_a_sheet_stored_outside_xl_worksheets_is_the_sheet_openpyxl_reads(target: bytes) -> None:
    result = read_workbook(_sheet_moved(target), "moved.xlsx")
    assert result.report.header.unit_code == COMMUNE
    assert result.locations["/header/report_number"].startswith("Thông tin!")


@pytest.mark.parametrize("target", TARGETS)
def test_a_20_kb_merged_range_bomb_outside_xl_worksheets_is_refused_before_parsing(
    target: bytes, tmp_path: Path, no_parsing: None
) -> None:
    data = _sheet_moved(target, _merge(b"B1:XFD1048576"))
    assert len(data) < 25_000  # openpyxl would build 17 billion cells (MemoryError)
    error = _refused(data, "vùng ô", tmp_path)
    assert error.location == MOVED


def test_a_workbook_part_stored_elsewhere_is_followed_like_openpyxl(
    tmp_path: Path, no_parsing: None
) -> None:
    data = rename_member(with_header(COMMUNE), "xl/workbook.xml", "book/main.xml")
    data = rename_member(data, RELS, "book/_rels/main.xml.rels")
    data = replace_in(data, "[Content_Types].xml", (b'"/xl/workbook.xml"', b'"/book/main.xml"'))
    data = replace_in(
        data,
        "book/_rels/main.xml.rels",
        (b'"/xl/worksheets/sheet2.xml"', b'"../%s"' % MOVED.encode()),
    )
    data = rename_member(data, SHEET, MOVED, _merge(b"A1:ZZ9"))
    assert _refused(data, "vùng ô", tmp_path).location == MOVED


def test_a_missing_sheet_part_is_refused(tmp_path: Path) -> None:
    data = replace_in(
        with_header(COMMUNE), RELS, (b'"/xl/worksheets/sheet2.xml"', b'"other/missing.xml"')
    )
    error = _refused(data, "thiếu phần", tmp_path)
    assert error.location == "xl/other/missing.xml"


def test_a_sheet_relationship_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    data = replace_in(with_header(COMMUNE), "xl/workbook.xml", (b'r:id="rId2"', b'r:id="rId99"'))
    assert _refused(data, "thiếu phần", tmp_path).location == RELS


def test_a_part_named_by_two_sheets_counts_twice(tmp_path: Path, no_parsing: None) -> None:
    cells = b'<c r="A1"/>' * (safety.MAX_CELLS // 2 + 1)
    data = rewrite_member(
        with_header(COMMUNE),
        SHEET,
        lambda xml: xml.replace(b"<sheetData>", b'<sheetData><row r="1">' + cells + b"</row>", 1),
    )
    safety.check_archive(data, "once.xlsx")  # one load of the part is within the limit
    twice = b'<sheet xmlns:r="%s" name="Again" sheetId="99" r:id="rId2"/></sheets>' % R_NS
    data = replace_in(data, "xl/workbook.xml", (b"</sheets>", twice))
    error = _refused(data, "too many cells", tmp_path)
    assert error.location == SHEET


@pytest.mark.parametrize(
    "listing",
    [
        (b'r:id="rId2"', b'id="rId2"'),  # openpyxl takes a plain id when there is no r:id
        (b"<sheet ", b"<tab "),  # openpyxl takes every child of <sheets>, whatever its name
    ],
)
def test_a_sheet_listed_the_way_openpyxl_reads_it_is_checked(
    listing: tuple[bytes, bytes], tmp_path: Path, no_parsing: None
) -> None:
    """The safety checks find the sheets where openpyxl finds them: a merged range bomb in a sheet
    named by a plain ``id``, or listed by an element of another name, is refused before
    parsing."""
    data = rewrite_member(blank(COMMUNE), SHEET, _merge(b"B1:XFD1048576"))
    data = replace_in(data, "xl/workbook.xml", listing)
    assert _refused(data, "vùng ô", tmp_path).location == SHEET


def test_a_relationship_openpyxl_reads_under_another_name_is_followed(
    tmp_path: Path, no_parsing: None
) -> None:
    """openpyxl takes every child of the relationships' root for a relationship, the last of an
    id winning: the sheet it names is the one checked."""
    bomb = "xl/worksheets/bomb.xml"
    data = rewrite_member(blank(COMMUNE), SHEET, _merge(b"B1:XFD1048576"))
    data = rename_member(data, SHEET, bomb)
    data = add_member(data, SHEET, _member(blank(COMMUNE), SHEET))
    other = b'<Other Id="rId2" Type="%s/worksheet" Target="/%s"/>' % (R_NS, bomb.encode())
    data = replace_in(data, RELS, (b"</Relationships>", other + b"</Relationships>"))
    assert _refused(data, "vùng ô", tmp_path).location == bomb


def test_merged_ranges_within_the_limits_cannot_add_up_to_a_hang(
    tmp_path: Path, no_parsing: None
) -> None:
    # openpyxl takes about 6 s to build the 250,000 cells of one such range
    refs = [b"A%d:AX5000" % (10 + i) for i in range(8)]
    data = rewrite_member(
        with_header(COMMUNE),
        SHEET,
        lambda xml: xml.replace(
            b"</mergeCells>",
            b"".join(b'<mergeCell ref="%s"/>' % r for r in refs) + b"</mergeCells>",
        ),
    )
    assert len(data) < 25_000
    assert _refused(data, "too many cells", tmp_path).location == SHEET


COMMENT_RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/comments" Target="../comments1.xml"/></Relationships>'
)
COMMENTS = (
    b'<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>'
    b'<author>x</author></authors><commentList><comment ref="%s" authorId="0"><text><t>x</t>'
    b"</text></comment></commentList></comments>"
)


def _commented(ref: bytes) -> bytes:
    data = add_member(with_header(COMMUNE), "xl/worksheets/_rels/sheet4.xml.rels", COMMENT_RELS)
    return add_member(data, "xl/comments1.xml", COMMENTS % ref)


def test_a_comment_on_a_cell_is_harmless() -> None:
    assert read_workbook(_commented(b"B5"), "c.xlsx").report.header.unit_code == COMMUNE


def test_a_comment_on_the_whole_sheet_is_refused_before_parsing(
    tmp_path: Path, no_parsing: None
) -> None:
    # openpyxl looks up ws[ref] for a comment: a range creates every cell in it (MemoryError)
    error = _refused(_commented(b"A1:XFD1048576"), "vùng ô", tmp_path)
    assert error.location == "xl/comments1.xml"


def test_a_doctype_in_a_sheet_part_not_named_xml_is_refused(tmp_path: Path) -> None:
    def doctype(xml: bytes) -> bytes:
        return b'<!DOCTYPE worksheet [<!ENTITY a "b">]>' + xml

    data = rename_member(with_header(COMMUNE), SHEET, "xl/worksheets/sheet2.bin", doctype)
    data = replace_in(data, RELS, (b"/xl/worksheets/sheet2.xml", b"/xl/worksheets/sheet2.bin"))
    assert _refused(data, "DOCTYPE", tmp_path).location == "xl/worksheets/sheet2.bin"


# -- chart sheets ----------------------------------------------------------------------------


def _chart_sheet_instead_of(name: str) -> bytes:
    from openpyxl.chart import BarChart

    wb = open_book(with_header(COMMUNE))
    index = wb.sheetnames.index(name)
    wb.remove(wb[name])
    chart = wb.create_chartsheet(name, index)
    chart.add_chart(BarChart())
    return save(wb)


@pytest.mark.parametrize(
    ("sheet", "match"), [(lay.META_SHEET, "not a sokets"), (lay.OUTLINE.sheet, "thiếu trang")]
)
def test_a_chart_sheet_named_like_a_template_sheet_is_a_missing_sheet(
    sheet: str, match: str, tmp_path: Path
) -> None:
    data = _chart_sheet_instead_of(sheet)
    assert sheet in open_book(data).sheetnames
    _refused(data, match, tmp_path)


# -- formulas without a cached value ---------------------------------------------------------


def test_a_formula_without_a_cached_value_is_reported_at_its_cell() -> None:
    table = lay.FIGURES

    def formula(wb: object) -> None:
        wb[table.sheet].cell(table.first_row, 3).value = "=1+1"  # type: ignore[index]

    result = read_workbook(edited(with_header(COMMUNE), formula), "f.xlsx")
    found = [f for f in result.findings if f.code == "X010"]
    assert [f.location for f in found] == [f"{table.sheet}!C{table.first_row}"]
    assert found[0].severity.value == "error"


def test_the_templates_own_percent_formulas_are_not_reported() -> None:
    data = with_header(DISTRICT)
    assert b"<f>" in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n)
        for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if n.startswith("xl/worksheets/")
    )
    result = read_workbook(data, "district.xlsx")
    assert [f for f in result.findings if f.code == "X010"] == []


# -- fuzz ------------------------------------------------------------------------------------


def _mutants(data: bytes, seed: int, count: int) -> list[bytes]:
    """``count`` copies of ``data`` with a few random bytes changed: half in the raw file, half
    inside one member's uncompressed content (re-zipped)."""
    rng = random.Random(seed)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
    out: list[bytes] = []
    for i in range(count):
        if i % 2:
            buffer = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            out.append(bytes(buffer))
        else:

            def flip(content: bytes) -> bytes:
                buffer = bytearray(content)
                for _ in range(rng.randint(1, 4)):
                    buffer[rng.randrange(len(buffer))] = rng.randrange(256)
                return bytes(buffer)

            out.append(rewrite_member(data, rng.choice(names), flip))
    return out


def test_random_byte_flips_raise_only_sokets_errors(tmp_path: Path) -> None:
    path = tmp_path / "fuzz.xlsx"
    outcomes: set[str] = set()
    for mutant in _mutants(with_header(COMMUNE), 0, 300):
        path.write_bytes(mutant)
        try:
            read_report(path)
            outcomes.add("read")
        except SoketsError as exc:
            outcomes.add(type(exc).__name__)
    assert "InputError" in outcomes
