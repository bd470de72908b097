"""The workbook package sokets writes itself (``sokets.xlsx.package``), read back by openpyxl."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl

from sokets.xlsx.bulk import Look, Looks, SheetRows
from sokets.xlsx.charts import Range, bar_chart
from sokets.xlsx.package import Stylesheet, Workbook, Worksheet
from sokets.xlsx.sheets import CENTER, DATE, HEADER, PERCENT, TEXT

NAME = "Xã 'Hưng' & <Đông>"  # a sheet name to quote in formulas and escape in XML


def _book() -> bytes:
    styles = Stylesheet()
    looks = Looks(styles)
    rows = SheetRows(looks, [8, 30, 12, 12], labels=[1])
    sheet = Worksheet(NAME, (8, 30, 12, 12), rows)
    rows.append([("STT", HEADER), ("Đơn vị", HEADER), ("Tỷ lệ", HEADER), ("Ngày", HEADER)])
    for number, (unit, rate) in enumerate((("Hưng Đông", 0.853), ("Hưng Lộc & Hưng Hòa", 0.5)), 1):
        rows.append([(number, CENTER), (unit, TEXT), (rate, PERCENT), (date(2023, 8, 18), DATE)])
    rows.append([("=1+1", TEXT), None, (None, TEXT), ("  lề  ", TEXT)])
    sheet.freeze = "B2"
    sheet.filter = "A1:D3"
    sheet.print_title_row = 1
    sheet.footer = "&A – trang &P/&N"
    sheet.breaks.append(3)
    chart = bar_chart(
        "Tỷ lệ — theo xã",
        [("Tỷ lệ", Range(NAME, 3, 2, 3))],
        Range(NAME, 2, 2, 3),
        percent=True,
        width=15,
    )
    sheet.charts.append((6, chart))
    return Workbook(styles, [sheet], creator="sokets", title="Thử & xem").save()


def test_openpyxl_reads_the_cells_their_looks_and_the_sheet_settings() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(_book()))
    ws = wb[NAME]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["STT", "Đơn vị", "Tỷ lệ", "Ngày"],
        [1, "Hưng Đông", 0.853, datetime(2023, 8, 18)],  # a date cell reads as a datetime
        [2, "Hưng Lộc & Hưng Hòa", 0.5, datetime(2023, 8, 18)],
        ["=1+1", None, None, "  lề  "],
    ]
    assert ws["A4"].data_type == "s" and ws["A4"].quotePrefix
    assert not ws["A2"].quotePrefix and not ws["B2"].quotePrefix
    assert ws["C2"].number_format == "0.0%" and ws["D2"].number_format == "dd/mm/yyyy"
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert ws["B2"].font.name == "Times New Roman" and ws["B2"].alignment.wrap_text
    assert ws["B2"].border.left.style == "thin"
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:D3"
    assert ws.print_title_rows == "$1:$1"
    assert [b.id for b in ws.row_breaks.brk] == [3]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.oddFooter.center.text == "&A – trang &P/&N"
    assert ws.column_dimensions["B"].width == 30
    assert wb.properties.title == "Thử & xem" and wb.properties.creator == "sokets"
    (chart,) = ws._charts
    quoted = "'Xã ''Hưng'' & <Đông>'"
    assert chart.series[0].val.numRef.f == f"{quoted}!$C$2:$C$3"
    assert chart.series[0].cat.strRef.f == f"{quoted}!$B$2:$B$3"
    assert chart.anchor._from.row == 5


def test_a_look_is_one_cell_format_however_often_it_is_used() -> None:
    styles = Stylesheet()
    looks = Looks(styles)
    first = looks(TEXT)
    assert looks(Look()) == first  # an equal look, another object
    assert looks(Look(bold=True)).id not in (first.id, first.quoted)
    assert first.quoted != first.id


def test_a_text_of_a_str_subclass_taller_than_a_row_is_continued_too() -> None:
    from enum import StrEnum

    class Long(StrEnum):
        TEXT = " ".join(["Chuyển đổi số"] * 700)

    written = []
    for value in (str(Long.TEXT), Long.TEXT):
        rows = SheetRows(Looks(Stylesheet()), [40])
        rows.append([(value, TEXT)])
        written.append((rows.continued, rows.xml()))
    assert written[0][0] > 0
    assert written[1] == written[0]
