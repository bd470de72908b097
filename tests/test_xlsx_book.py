"""The cells of a workbook read straight from its XML are the cells openpyxl loads.

:mod:`sokets.xlsx.book` reads workbooks without openpyxl when it recognises their structure, and
falls back to openpyxl otherwise. Here both ways read the same workbooks — generated part by part
(cells of every type, shared and inline strings with runs, number formats, dates in both calendars,
merged ranges, defined names), filled templates, workbooks edited with openpyxl and saved by
LibreOffice — and must agree cell for cell; whatever the direct reader accepts, openpyxl must load
to the same cells.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import numbers as openpyxl_numbers
from openpyxl.utils import datetime as openpyxl_datetime

from sokets.errors import InputError
from sokets.forms import load_report
from sokets.xlsx import book as bk
from sokets.xlsx.reader import read_workbook
from sokets.xlsx.safety import load_checked, open_archive, sheet_parts
from sokets.xlsx.template import build_report_workbook
from tests.conftest import EXAMPLES
from tests.strategies import FORM_STRATEGIES
from tests.xlsx.helpers import (
    COMMUNE,
    DEPARTMENT,
    blank,
    edited,
    fill_header,
    libreoffice,
    needs_soffice,
    row_of,
    with_header,
)
from tests.zip_tools import replace_in, rewrite_member


def _direct(data: bytes) -> bk.Book | None:
    """The book the direct reader reads, or ``None`` when it leaves the workbook to openpyxl."""
    parts = open_archive(data, "t.xlsx")
    try:
        return bk._XmlReader(parts, sheet_parts(parts, "t.xlsx"), "t.xlsx").read()
    except bk._Unusual:
        return None


def _openpyxl(data: bytes) -> bk.Book | None:
    """The book openpyxl loads (after the streaming safety checks), or ``None`` if it refuses."""
    try:
        workbook, scan = load_checked(data, "t.xlsx")
    except InputError:
        return None
    return bk.from_openpyxl(workbook, scan)


def _same(direct: bk.Book, loaded: bk.Book) -> None:
    assert direct == loaded
    # the same types (True == 1, 1 == 1.0) and the cells in the same order
    for mine, theirs in zip(direct.sheets, loaded.sheets, strict=True):
        assert list(mine.cells) == list(theirs.cells)
        assert [type(v) for v, _, _ in mine.cells.values()] == [
            type(v) for v, _, _ in theirs.cells.values()
        ]


def _agree(data: bytes, *, direct: bool = True) -> bk.Book:
    """Both ways read ``data`` to the same book (the direct way taken, unless ``direct`` is
    false); the book."""
    mine, theirs = _direct(data), _openpyxl(data)
    assert theirs is not None
    if direct:
        assert mine is not None, "the direct reader left this workbook to openpyxl"
    if mine is not None:
        _same(mine, theirs)
    assert bk.read_book(data, "t.xlsx") == theirs
    return theirs


# -- what was copied from openpyxl ------------------------------------------------------------


def test_the_builtin_formats_are_openpyxls() -> None:
    assert openpyxl_numbers.BUILTIN_FORMATS == bk.BUILTIN_FORMATS
    assert openpyxl_numbers.BUILTIN_FORMATS_MAX_SIZE == bk._BUILTIN_MAX


FORMAT_PIECES = st.sampled_from(
    ['"', "[", "]", ";", "\\", "_", "h", "m", "s", "d", "y", "0", "%", ".", "[h]", "[mm]",
     ":ss", "AM/PM", "@", "[Red]", '"%"', "E+", "#", "[$-409]", "hh", ":mm", ".0"]
)  # fmt: skip


@given(st.lists(FORMAT_PIECES, max_size=8).map("".join) | st.text(max_size=12))
def test_date_and_duration_formats_are_recognised_as_openpyxl_does(code: str) -> None:
    assert bk.is_date_format(code) == openpyxl_numbers.is_date_format(code)
    assert bk.is_timedelta_format(code) == openpyxl_numbers.is_timedelta_format(code)


@given(
    st.floats(min_value=-1e6, max_value=3e6, allow_nan=False) | st.integers(-1000, 3_000_000),
    st.booleans(),
    st.booleans(),
)
def test_serial_numbers_become_dates_as_openpyxl_makes_them(
    value: float, mac: bool, timedelta: bool
) -> None:
    epoch = openpyxl_datetime.MAC_EPOCH if mac else openpyxl_datetime.WINDOWS_EPOCH
    try:
        expected: Any = openpyxl_datetime.from_excel(value, epoch, timedelta=timedelta)
    except (OverflowError, ValueError) as exc:
        with pytest.raises(type(exc)):
            bk.from_excel(value, epoch, timedelta)
        return
    assert bk.from_excel(value, epoch, timedelta) == expected


# -- workbooks generated part by part ---------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CODES = [
    "0%", "0.00%", "dd/mm/yyyy", "[h]:mm:ss", "mm:ss", "General", '0"%"', "0\\%",
    "yyyy-mm-dd h:mm", "@", "#,##0", "mm-dd-yy", "#,##0.0%;-0%", '"ngày" d', "[mm]:ss",
]  # fmt: skip
BUILTIN_IDS = [0, 1, 2, 9, 10, 14, 21, 22, 45, 46, 49, 5, 99]
TEXT = st.lists(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
    | st.sampled_from(["\n", "\t", " ", "_x000D_", "x005F_", "_x005F_x0041_", "&", "<"]),
    max_size=8,
).map("".join)
NUMBERS = st.sampled_from(
    ["0", "1", "-3", "0.5", "85", "0.85", "1.5", "45000", "45000.75", "1e3", "2.5E-1", "60",
     "59.9", "-0.25", "1e300", "12345678901234567890", "7", " 8", "0.0"]
)  # fmt: skip
GRID = st.tuples(st.sampled_from("ABCDE"), st.integers(1, 7)).map(lambda c: f"{c[0]}{c[1]}")


@st.composite
def rich_text(draw: st.DrawFn) -> str:
    """The children of an ``<si>`` or ``<is>``: a plain text, runs (some with fonts), phonetics."""
    xml = ""
    if draw(st.booleans()):
        xml += f'<t xml:space="preserve">{escape(draw(TEXT))}</t>'
    for text in draw(st.lists(TEXT, max_size=3)):
        font = '<rPr><b/><sz val="11"/></rPr>' if draw(st.booleans()) else ""
        xml += f"<r>{font}<t>{escape(text)}</t></r>"
    if draw(st.booleans()):
        xml += '<rPh sb="0" eb="1"><t>phonetic</t></rPh>'
    if not xml or draw(st.booleans()):
        xml = f"<t>{escape(draw(TEXT))}</t>" + xml
    return xml


@st.composite
def cell(draw: st.DrawFn, styles: int, strings: int) -> str:
    ref = draw(GRID)
    style = draw(st.integers(0, styles - 1))
    s = "" if style == 0 and draw(st.booleans()) else f' s="{style}"'
    kind = draw(st.sampled_from([None, "n", "s", "str", "b", "e", "inlineStr"]))
    t = "" if kind is None else f' t="{kind}"'
    value: str | None
    if kind in (None, "n"):
        value = draw(NUMBERS)
    elif kind == "s":
        value = str(draw(st.integers(0, strings - 1))) if strings else "0"
    elif kind == "b":
        value = draw(st.sampled_from(["0", "1"]))
    elif kind == "e":
        value = draw(st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!"]))
    else:
        value = draw(TEXT)
    children = ""
    if draw(st.booleans()):
        children += f"<f>{escape('SUM(A1:A2)')}</f>"
    if kind == "inlineStr" or draw(st.integers(0, 5)) == 0:
        children += f"<is>{draw(rich_text())}</is>"
    if kind != "inlineStr" or draw(st.booleans()):
        children += f"<v>{escape(value or '')}</v>" if draw(st.integers(0, 6)) else "<v></v>"
    if draw(st.integers(0, 4)) == 0:
        children = ""  # a styled empty cell
    return f'<c r="{ref}"{s}{t}>{children}</c>' if children else f'<c r="{ref}"{s}{t}/>'


def _ref(xml: str) -> str:
    return xml.split('r="', 1)[1].split('"', 1)[0]


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    custom = draw(st.lists(st.sampled_from(CODES), max_size=4))
    formats = "".join(
        f'<numFmt numFmtId="{164 + n}" formatCode={quoteattr(code)}/>'
        for n, code in enumerate(custom)
    )
    ids = BUILTIN_IDS + [164 + n for n in range(len(custom))]
    xfs = [0, *draw(st.lists(st.sampled_from(ids), min_size=1, max_size=6))]
    styles = (
        f'<styleSheet xmlns="{MAIN}"><numFmts count="{len(custom)}">{formats}</numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/>'
        '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
        '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        f'borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">'
        + "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for n in xfs)
        + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    )
    strings = draw(st.lists(rich_text(), max_size=5))
    shared = draw(st.booleans()) or bool(strings)
    table = f'<sst xmlns="{MAIN}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>"
    sheets = []
    for _ in range(2):
        rows: dict[int, list[str]] = {}
        cells = draw(st.lists(cell(len(xfs), len(strings)), max_size=14, unique_by=_ref))
        if cells and draw(st.integers(0, 9)) == 0:
            cells.append(draw(cell(len(xfs), len(strings))))  # maybe a cell given twice
        for xml in cells:
            rows.setdefault(int(_ref(xml).lstrip("ABCDE")), []).append(xml)
        data = "".join(
            f'<row r="{number}">{"".join(cells)}</row>' for number, cells in sorted(rows.items())
        )
        merges = [
            f"{a}{b}:{c}{d}"
            for a, b, c, d in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from("ABC"),
                        st.integers(1, 4),
                        st.sampled_from("CDE"),
                        st.integers(4, 7),
                    ),
                    max_size=2,
                )
            )
        ]
        merged = (
            f'<mergeCells count="{len(merges)}">'
            + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
            + "</mergeCells>"
            if merges
            else ""
        )
        sheets.append(
            f'<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData>{merged}</worksheet>'
        )
    names = "".join(
        f'<definedName name="{name}"{local}>{escape(text)}</definedName>'
        for name, local, text in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["SOKETS_UNIT", "DS_MUC", "_xlnm.Print_Area", "Khác"]),
                    st.sampled_from(["", ' localSheetId="0"', ' localSheetId="1"']),
                    st.sampled_from(['"16705"', "Sheet1!$A$1:$B$2", "", '"x"']),
                ),
                max_size=4,
            )
        )
    )
    date1904 = draw(st.sampled_from(["", ' date1904="1"', ' date1904="false"']))
    book = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr{date1904}/><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="Trang 2" sheetId="2" '
        f'r:id="rId2"/></sheets>{f"<definedNames>{names}</definedNames>" if names else ""}'
        "</workbook>"
    )
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = [
        ("/xl/workbook.xml", f"{kinds}.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", f"{kinds}.worksheet+xml"),
        ("/xl/worksheets/sheet2.xml", f"{kinds}.worksheet+xml"),
        ("/xl/styles.xml", f"{kinds}.styles+xml"),
    ]
    rels = [
        ("rId1", "worksheet", "worksheets/sheet1.xml"),
        ("rId2", "worksheet", "worksheets/sheet2.xml"),
        ("rId3", "styles", "styles.xml"),
    ]
    if shared:
        overrides.append(("/xl/sharedStrings.xml", f"{kinds}.sharedStrings+xml"))
        rels.append(("rId4", "sharedStrings", "sharedStrings.xml"))
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{k}"/>' for p, k in overrides)
        + "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">'
        + "".join(
            f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in rels
        )
        + "</Relationships>",
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheets[0],
        "xl/worksheets/sheet2.xml": sheets[1],
    }
    if shared:
        parts["xl/sharedStrings.xml"] = table
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode())
    return buffer.getvalue()


@settings(max_examples=min(settings.default.max_examples * 4, 200))
@given(workbooks())
def test_the_direct_reader_reads_generated_workbooks_as_openpyxl(data: bytes) -> None:
    """Whatever the direct reader reads, openpyxl loads to the same book; what it leaves to
    openpyxl (a cell given twice, here) is read by openpyxl."""
    mine, theirs = _direct(data), _openpyxl(data)
    if mine is not None:
        assert theirs is not None
        _same(mine, theirs)
    if theirs is None:  # refused by openpyxl (a shared string that is not there…): by sokets too
        with pytest.raises(InputError):
            bk.read_book(data, "t.xlsx")
    else:
        assert bk.read_book(data, "t.xlsx") == theirs


def test_generated_workbooks_mostly_take_the_direct_path() -> None:
    """The property above is not vacuous: most generated workbooks are read directly (the others
    have a cell given twice, or a shared string that is not there)."""
    direct = 0

    @settings(max_examples=60, database=None)
    @given(workbooks())
    def count(data: bytes) -> None:
        nonlocal direct
        direct += _direct(data) is not None

    count()
    assert direct >= 40


# -- workbooks sokets writes, people edit and programs save ------------------------------------


@pytest.mark.parametrize("form", ["PL01", "PL04"])
def test_filled_templates_are_read_directly_as_openpyxl_reads_them(form: str) -> None:
    @settings(max_examples=min(settings.default.max_examples, 40))
    @given(FORM_STRATEGIES[form])
    def agree(document: dict[str, Any]) -> None:
        _agree(build_report_workbook(load_report(json.dumps(document).encode())))

    agree()


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_the_examples_workbooks_are_read_directly(name: str) -> None:
    _agree(build_report_workbook(load_report((EXAMPLES / name).read_bytes())))


def _edits(wb: Any) -> None:
    """What a person does in a spreadsheet program, through openpyxl."""
    fill_header(wb)
    ws = wb["Chỉ số"]
    row = row_of(ws, "dossiers_at_counter", column=2)
    ws.cell(row, 4).value, ws.cell(row, 5).value = 17.0, 20
    ws.cell(row, 7).value = 0.85
    ws.cell(row, 7).number_format = "0%"
    ws.cell(row_of(ws, "interaction_channel", column=2), 8).value = True
    figures = wb["Số liệu"]
    figures["A4"], figures["B4"], figures["C4"] = "2", "Thời gian", datetime.time(1, 30)
    figures["E4"] = datetime.datetime(2023, 8, 1, 12, 0)
    figures["C5"] = datetime.timedelta(hours=30)
    figures["C5"].number_format = "[h]:mm:ss"
    figures["A6"], figures["B6"] = "=1+1", "=A6*2"  # formulas without cached values
    figures.merge_cells("B8:D9")
    figures["B8"], figures["F9"] = "gộp", "ngoài bảng"
    info = wb["Thông tin"]
    info.merge_cells("C5:D5")


def test_workbooks_edited_with_openpyxl_are_read_directly_as_openpyxl_reads_them() -> None:
    book = _agree(edited(blank(COMMUNE), _edits))
    figures = next(s for s in book.sheets if s.title == "Số liệu")
    assert figures.cells[(4, 3)][:2] == (datetime.time(1, 30), "d")
    assert figures.cells[(5, 3)][:2] == (datetime.timedelta(hours=30), "d")
    assert (8, 4) in figures.merged and (8, 2) not in figures.merged
    assert book.uncached_formulas["Số liệu"] == [(6, 1), (6, 2)]


@needs_soffice
def test_workbooks_saved_by_libreoffice_are_read_directly_as_openpyxl_reads_them(
    tmp_path: Path,
) -> None:
    """LibreOffice stores shared strings, its own number formats and cached formula values."""
    data = libreoffice(edited(blank(COMMUNE), _edits), tmp_path)
    assert b"sharedStrings" in data
    book = _agree(data)
    figures = next(s for s in book.sheets if s.title == "Số liệu")
    assert (figures.cells[(6, 1)][0], figures.cells[(6, 2)][0]) == (2, 4)  # cached values
    assert "Số liệu" not in book.uncached_formulas
    result = read_workbook(data, "lo.xlsx")
    assert result.report.header.unit_code == COMMUNE
    assert "X010" not in {f.code for f in result.findings}


def test_unusual_workbooks_are_left_to_openpyxl_and_read_the_same_as_before() -> None:
    """A hyperlink makes openpyxl fill an empty cell with its target; a title given twice makes
    it rename a sheet; a chart sheet: the direct reader leaves these to openpyxl."""

    def link(wb: Any) -> None:
        fill_header(wb)
        ws = wb["Số liệu"]
        ws["A4"], ws["B4"], ws["C4"] = "2", "Trang", 3
        ws["D4"].hyperlink = "https://example.org/"

    data = edited(blank(COMMUNE), link)
    book = _agree(data, direct=False)
    assert _direct(data) is None
    figures = next(s for s in book.sheets if s.title == "Số liệu")
    assert figures.cells[(4, 4)][0] == "https://example.org/"
    result = read_workbook(data, "link.xlsx")
    assert result.report.answers.get("2").figures[0].unit == "https://example.org/"

    def chart_sheet(wb: Any) -> None:
        from openpyxl.chart import BarChart

        wb.create_chartsheet("Biểu đồ").add_chart(BarChart())

    data = edited(with_header(DEPARTMENT), chart_sheet)
    assert _direct(data) is None
    _agree(data, direct=False)


def test_a_workbook_from_openpyxl_itself_is_read_directly() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B2"] = "Báo cáo", 12.5
    buffer = io.BytesIO()
    wb.save(buffer)
    _agree(buffer.getvalue())


# -- what the direct reader must not read its own way -------------------------------------------

R_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LISTED = b'<sheet xmlns:r="%s" name="Only" sheetId="1" r:id="rId1"/>' % R_NS


def _crafted() -> dict[str, bytes]:
    """A filled commune workbook changed in ways openpyxl reads its own way (or refuses)."""
    base = with_header(COMMUNE)
    book, sheet = "xl/workbook.xml", "xl/worksheets/sheet2.xml"

    def declared(encoding: bytes) -> Callable[[bytes], bytes]:
        def change(xml: bytes) -> bytes:
            assert not xml.startswith(b"<?xml")
            return b"<?xml version='1.0' encoding='%s'?>\n" % encoding + xml

        return change

    return {
        # openpyxl takes a plain ``id`` for the relationship when there is no ``r:id``
        "plain id": replace_in(base, book, (b'r:id="rId2"', b'id="rId2"')),
        # openpyxl reads the sheets of the last <sheets>
        "two lists": replace_in(
            base, book, (b"</sheets>", b"</sheets><sheets>%s</sheets>" % LISTED)
        ),
        # a child element of a defined name can change its name
        "name child": replace_in(
            base, book, (b'<definedName name="DS_MUC">', b'<definedName name="DS_MUC"><comment/>')
        ),
        # a line feed inside a cell reference is no separator
        "line feed": replace_in(base, sheet, (b'<c r="A1"', b'<c r="A1&#10;B2"')),
        # another encoding, which two parsers could decode differently
        "latin-1": rewrite_member(base, sheet, declared(b"iso-8859-1")),
        # openpyxl drops the first character of a part name, whatever it is
        "part name": replace_in(
            base,
            "[Content_Types].xml",
            (b'PartName="/xl/workbook.xml"', b'PartName="Xxl/workbook.xml"'),
        ),
        # openpyxl keeps comments: a defined name's text ends at one (the identity check)
        "comment in a name": replace_in(
            base,
            book,
            (
                b'<definedName name="SOKETS_UNIT">"16705"',
                b'<definedName name="SOKETS_UNIT">"16<!--x-->705"',
            ),
        ),
        # a processing instruction among the sheets, or in the relationships, fails openpyxl
        "instruction in the sheets": replace_in(base, book, (b"<sheets>", b"<sheets><?x y?>")),
        "instruction in the relationships": replace_in(
            base, "xl/_rels/workbook.xml.rels", (b"<Relationship ", b"<?x y?><Relationship ")
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "plain id",
        "two lists",
        "name child",
        "line feed",
        "latin-1",
        "part name",
        "comment in a name",
        "instruction in the sheets",
        "instruction in the relationships",
    ],
)
def test_workbooks_openpyxl_reads_its_own_way_are_read_as_openpyxl_reads_them(name: str) -> None:
    data = _crafted()[name]
    theirs = _openpyxl(data)
    try:
        mine = _direct(data)
    except InputError:
        mine = None
    if mine is not None:
        assert theirs is not None
        _same(mine, theirs)
    if theirs is None:
        with pytest.raises(InputError):
            bk.read_book(data, "t.xlsx")
    else:
        assert bk.read_book(data, "t.xlsx") == theirs


def test_a_sheet_named_by_a_plain_id_is_read() -> None:
    """openpyxl loads it: the safety checks and the direct reader see it too."""
    data = _crafted()["plain id"]
    parts = open_archive(data, "t.xlsx")
    assert "xl/worksheets/sheet2.xml" in {s.part for s in sheet_parts(parts, "t.xlsx")}
    assert _direct(data) is not None
