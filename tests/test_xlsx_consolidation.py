"""The consolidated workbook (``sokets consolidate --to xlsx``), read back with openpyxl.

A province round is generated (``tests/rounds.py``); the departments, agencies and
districts and the communes of three districts are consolidated, with a late report, a report
with errors, a superseded one, an unreadable file, a report sent after the as-of date, texts that
look like formulas and an answer too long for one row. Every sheet is checked against the
consolidation's own numbers; LibreOffice prints a workbook to check the long answer is on paper.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sokets.catalogue import GROUPS, get_catalogue
from sokets.consolidation import Consolidation, FileRole, Status, consolidate
from sokets.consolidation.statuses import ROLE_LABELS, STATUS_LABELS
from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS
from sokets.render import consolidation_renderer
from sokets.units import get_registry
from sokets.xlsx import styles as sty
from sokets.xlsx.bulk import Look, Looks, SheetRows
from sokets.xlsx.consolidation import (
    INDICATOR_CHARTS,
    NOT_REPORTED,
    STATUS_COLOURS,
    ConsolidationWorkbook,
)
from sokets.xlsx.package import Stylesheet
from tests.conftest import ROOT
from tests.rounds import generate_round
from tests.tools import needs
from tests.xlsx.helpers import libreoffice, needs_soffice, open_book

AS_OF = date(2023, 9, 1)
DISTRICTS = ("412", "413", "414")
LONG_TASK = "II.4"  # a task every department, agency and district answers
LONG_WORDS = [f"w{n:04d}" for n in range(1400)]
LONG = " ".join(LONG_WORDS[:700]) + "\n" + " ".join(LONG_WORDS[700:])
FORMULAS = {
    "difficulties": '=HYPERLINK("http://example.com","bấm vào đây")',
    "proposals": "+84 912 345 678",
}
PL03_FORMULA = "-5% so với cùng kỳ năm trước"

SHEETS = (
    "Sổ theo dõi",
    "Tỷ lệ báo cáo",
    "Phụ lục 03",
    "Phụ lục 02",
    "Chỉ số",
    "Khó khăn, kiến nghị",
    "Tệp",
)


# -- the round ---------------------------------------------------------------------------------


def _edit(path: Path, target: Path, change: Any) -> Path:
    report = json.loads(path.read_text(encoding="utf-8"))
    change(report)
    target.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Departments, agencies, districts, and the communes of three districts, with oddities."""
    folder = tmp_path_factory.mktemp("round")
    registry = get_registry()
    by_unit = {p.name.split("-", 1)[1].rsplit("-", 1)[0]: p for p in generate_round(folder / "all")}
    pl01 = [p for code, p in by_unit.items() if registry.get(code).form == "PL01"]
    communes = {
        code: p
        for code, p in by_unit.items()
        if registry.get(code).form == "PL04" and registry.get(code).parent in DISTRICTS
    }
    edits = folder / "edited"
    edits.mkdir()
    late = registry.children("413")[0].code
    broken = registry.children("414")[0].code
    formula = registry.children("413")[1].code
    superseded = registry.children("412")[1].code

    def set_date(day: str) -> Any:
        return lambda report: report["header"].update(report_date=day)

    def break_ratio(report: dict[str, Any]) -> None:
        ratio = report["answers"]["m3_a_b3"]["indicators"]["dossiers_received_online"]
        ratio.update(numerator=500, denominator=10, percent=5000)

    def formula_texts(report: dict[str, Any]) -> None:
        report["answers"]["m3_a_b1"].update(FORMULAS)

    communes[late] = _edit(communes[late], edits / "late.json", set_date("2023-08-25"))
    communes[broken] = _edit(communes[broken], edits / "broken.json", break_ratio)
    communes[formula] = _edit(communes[formula], edits / "formula.json", formula_texts)
    earlier = _edit(communes[superseded], edits / "earlier.json", set_date("2023-08-10"))

    def long_answer(report: dict[str, Any]) -> None:
        row = next(r for r in report["appendix_pl03"] if r["task_id"] == LONG_TASK)
        row["results"] = LONG
        other = next(r for r in report["appendix_pl03"] if r["task_id"] != LONG_TASK)
        other["results"] = PL03_FORMULA

    pl01 = [
        p if "-412-" not in p.name else _edit(p, edits / "vinh.json", long_answer) for p in pl01
    ]
    after = next(p for code, p in by_unit.items() if registry.get(code).parent == "415")
    after = _edit(after, edits / "after.json", set_date("2023-09-05"))
    unreadable = edits / "hỏng.json"
    unreadable.write_bytes(b"{ this is not json")
    return [*pl01, *communes.values(), earlier, after, unreadable]


@pytest.fixture(scope="module")
def consolidation(inputs: list[Path]) -> Consolidation:
    return consolidate(inputs, as_of=AS_OF)


@pytest.fixture(scope="module")
def workbook(consolidation: Consolidation) -> bytes:
    return consolidation_renderer("xlsx").render(consolidation)


@pytest.fixture(scope="module")
def book(workbook: bytes) -> Any:
    return open_book(workbook)


def _header_row(ws: Any) -> int:
    """The row of the column headers (the one printed on every page)."""
    match = re.fullmatch(r"\$?(\d+):\$?(\d+)", str(ws.print_title_rows))
    assert match is not None, ws.print_title_rows
    return int(match.group(1))


def _table(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The rows below the header row, with their numbers."""
    first = _header_row(ws) + 1
    yield from enumerate(ws.iter_rows(min_row=first, values_only=True), start=first)


# -- the workbook as a whole -------------------------------------------------------------------


def test_the_renderer_is_registered_and_writes_the_seven_sheets(book: Any) -> None:
    renderer = consolidation_renderer("xlsx")
    assert isinstance(renderer, ConsolidationWorkbook)
    assert renderer.suffix == ".xlsx"
    assert book.sheetnames == list(SHEETS)


def test_every_sheet_has_its_title_block(book: Any, consolidation: Consolidation) -> None:
    for ws in book.worksheets:
        assert "TỈNH NGHỆ AN" in str(ws["A1"].value), ws.title
        assert "Tính đến ngày 01/9/2023" in str(ws["A2"].value), ws.title
        assert "Hạn gửi báo cáo: 20/8/2023" in str(ws["A2"].value), ws.title
        assert consolidation.header.scope.name in str(ws["A2"].value)


def test_every_sheet_prints_landscape_a4_fitted_to_the_width_with_its_header_row(
    book: Any,
) -> None:
    for ws in book.worksheets:
        header = _header_row(ws)
        assert ws.cell(header, 1).value in ("STT", "Nhóm đơn vị", "TT", "Stt", "Phạm vi"), ws.title
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.freeze_panes.endswith(str(header + 1))


def test_every_cell_is_set_in_times_new_roman_with_borders_on_the_tables(book: Any) -> None:
    for ws in book.worksheets:
        header = _header_row(ws)
        for row in ws.iter_rows():
            for cell in row:
                assert cell.font.name == sty.FONT, (ws.title, cell.coordinate)
                if cell.row >= header and cell.value is not None and cell.style != "sk_note":
                    assert cell.border.left.style == "thin", (ws.title, cell.coordinate)


def test_rows_are_as_tall_as_their_wrapped_text(book: Any) -> None:
    for ws in book.worksheets:
        widths = {letter: d.width for letter, d in ws.column_dimensions.items()}
        merged = {r.min_row for r in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=_header_row(ws)):
            if row[0].row in merged:
                continue
            height = ws.row_dimensions[row[0].row].height or sty.DEFAULT_HEIGHT
            assert height <= sty.MAX_HEIGHT
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text:
                    lines = sty.text_lines(
                        cell.value, widths[cell.column_letter], cell.font.size, cell.font.b
                    )
                    if lines == 1 and cell.font.size <= sty.SIZE:
                        continue  # the default height
                    assert height >= sty.row_height(lines, cell.font.size), (
                        ws.title,
                        cell.coordinate,
                    )


# -- 1. Sổ theo dõi ----------------------------------------------------------------------------


def test_every_expected_unit_appears_once_with_its_status_coloured(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Sổ theo dõi"]
    header = [c.value for c in ws[_header_row(ws)]]
    assert header[:6] == ["STT", "Mã", "Đơn vị", "Loại", "Huyện", "Tình trạng"]
    code_col, status_col = header.index("Mã") + 1, header.index("Tình trạng") + 1
    rows = [
        (ws.cell(n, code_col).value, ws.cell(n, status_col))
        for n, values in _table(ws)
        if values[1] is not None
    ]
    assert [code for code, _ in rows] == [e.unit_code for e in consolidation.units]
    assert len(rows) == 506
    for (code, cell), entry in zip(rows, consolidation.units, strict=True):
        assert cell.value == STATUS_LABELS[entry.status].vi, code
        assert cell.fill.fgColor.rgb.endswith(STATUS_COLOURS[entry.status][0]), code
    statuses = {e.status for e in consolidation.units}
    assert statuses == set(Status)  # the fixture has every status


def test_the_register_shows_dates_files_and_counts(book: Any, consolidation: Consolidation) -> None:
    ws = book["Sổ theo dõi"]
    header = [c.value for c in ws[_header_row(ws)]]
    column = {name: header.index(name) for name in header}
    by_code = {values[1]: values for _, values in _table(ws) if values[1] is not None}
    late = next(e for e in consolidation.units if e.status is Status.LATE)
    values = by_code[late.unit_code]
    assert values[column["Ngày báo cáo"]].date() == late.report_date == date(2023, 8, 25)
    assert values[column["Tệp"]] == late.source
    assert values[column["Tính vào số liệu"]] == "Có"
    broken = next(e for e in consolidation.units if e.status is Status.WITH_ERRORS)
    values = by_code[broken.unit_code]
    assert values[column["Số lỗi"]] == broken.errors > 0
    assert values[column["Tính vào số liệu"]] == "Không"
    commune = next(e for e in consolidation.units if e.unit_code == broken.unit_code)
    assert values[column["Huyện"]] == get_registry().get(str(commune.district_code)).name


def test_the_register_has_a_legend_a_filter_and_frozen_names(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Sổ theo dõi"]
    header = _header_row(ws)
    legend = {
        ws.cell(row, 2).value: (ws.cell(row, 2).fill.fgColor.rgb, ws.cell(row, 3).value)
        for row in range(1, header)
        if ws.cell(row, 2).value
    }
    counts = consolidation.counts()
    for status in Status:
        colour, text = legend[STATUS_LABELS[status].vi]
        assert colour.endswith(STATUS_COLOURS[status][0])
        assert text.startswith(f"{counts[status.value]} đơn vị")
    assert ws.auto_filter.ref == f"A{header}:N{header + 506}"
    assert ws.freeze_panes == f"D{header + 1}"


# -- 2. Tỷ lệ báo cáo --------------------------------------------------------------------------


def test_rates_are_the_consolidations_numbers_with_percent_cells(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Tỷ lệ báo cáo"]
    rows = {values[0]: number for number, values in _table(ws) if values[1] is not None}
    for rate in consolidation.rates:
        row = rows[rate.label]
        numbers = [ws.cell(row, n).value for n in range(2, 8)]
        assert numbers == [
            rate.expected,
            rate.received,
            rate.on_time,
            rate.late,
            rate.with_errors,
            rate.not_received,
        ]
        for column, value in ((8, rate.rate), (9, rate.rate_on_time)):
            cell = ws.cell(row, column)
            assert cell.number_format == "0.0%"
            assert value is not None and cell.value == pytest.approx(value / 100)
    total = next(r for r in consolidation.rates if r.group == "total")
    assert total.expected == 506 and 0 < total.received < 506


def test_the_rate_charts_plot_both_rates_by_kind_and_by_district(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Tỷ lệ báo cáo"]
    rows = {values[0]: number for number, values in _table(ws) if values[1] is not None}
    kinds = [r.label for r in consolidation.rates if r.group != "total" and not r.district_code]
    districts = [r.label for r in consolidation.rates if r.district_code]
    assert len(districts) == 21
    charts = ws._charts
    assert len(charts) == 2
    for chart, labels in zip(charts, (kinds, districts), strict=True):
        first, last = rows[labels[0]], rows[labels[-1]]
        assert last - first + 1 == len(labels)
        assert [s.val.numRef.f for s in chart.series] == [
            f"'Tỷ lệ báo cáo'!$H${first}:$H${last}",
            f"'Tỷ lệ báo cáo'!$I${first}:$I${last}",
        ]
        assert {s.cat.strRef.f for s in chart.series} == {f"'Tỷ lệ báo cáo'!$A${first}:$A${last}"}
        assert chart.type == "bar"
    assert len(ws.row_breaks.brk) == 2  # each chart on a page of its own


# -- 3. Phụ lục 03 -----------------------------------------------------------------------------


def test_every_task_appears_in_the_plans_order_under_its_group(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Phụ lục 03"]
    header = [c.value for c in ws[_header_row(ws)]]
    headers = dict(PL03_COLUMNS)
    assert header == [
        headers["task_id"],
        headers["title"],
        headers["lead"],
        "Đơn vị báo cáo",
        headers["results"],
        headers["difficulties"],
        headers["proposals"],
    ]
    seen: list[str] = []
    groups: list[str] = []
    for _, values in _table(ws):
        if values[0] in {g.id for g in GROUPS}:
            groups.append(values[0])
            assert values[1] == next(g.title for g in GROUPS if g.id == values[0])
        elif values[0] and values[0] not in seen:
            seen.append(values[0])
    assert seen == [task.id for task in get_catalogue()]
    assert groups == [g.id for g in GROUPS]


def test_tasks_show_each_unit_and_who_has_not_reported(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Phụ lục 03"]
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for _, values in _table(ws):
        if values[0] and "." in str(values[0]):
            rows.setdefault(values[0], []).append(values)
    unit = get_registry()
    for task in consolidation.tasks:
        lines = rows[task.task_id]
        assert lines[0][1] == task.title and lines[0][2] == task.lead
        shown = [v for v in lines if v[3] and "(" in str(v[3])]
        answered = [v for v in shown if v[4] != NOT_REPORTED]
        missing = [v for v in shown if v[4] == NOT_REPORTED]
        assert len(missing) == len(task.not_reported), task.task_id
        assert [v[3] for v in missing] == [
            f"{unit.get(code).name} ({code})" for code in task.not_reported
        ]
        assert len({v[3] for v in answered}) == len(task.rows), task.task_id
        if task.for_all_units:
            assert lines[0][3] == f"{len(task.rows)}/{len(task.expected)} đơn vị đã báo cáo"
            assert len(task.expected) == 46
    nobody = [t for t in consolidation.tasks if t.expected and not t.rows]
    for task in nobody:
        assert any(v[4] == NOT_REPORTED for v in rows[task.task_id])


def test_a_long_answer_is_continued_in_the_rows_below(book: Any) -> None:
    ws = book["Phụ lục 03"]
    first = next(
        n
        for n, values in _table(ws)
        if isinstance(values[4], str) and values[4].startswith("w0000")
    )
    pieces = []
    row = first
    while True:
        text = ws.cell(row, 5).value
        if not text or (row > first and ws.cell(row, 4).value):
            break
        pieces.append(text)
        row += 1
    assert len(pieces) > 1
    assert " ".join(" ".join(pieces).split()) == " ".join(LONG_WORDS)
    for n, piece in enumerate(pieces):
        width = ws.column_dimensions["E"].width
        assert sty.text_lines(piece, width) <= sty.max_lines()
        assert ws.row_dimensions[first + n].height <= sty.MAX_HEIGHT


# -- 4. Phụ lục 02 -----------------------------------------------------------------------------


def test_pl02_rows_are_grouped_under_each_unit(book: Any, consolidation: Consolidation) -> None:
    ws = book["Phụ lục 02"]
    assert [c.value for c in ws[_header_row(ws)]] == [h for _, h in PL02_COLUMNS]
    headings: list[str] = []
    rows: dict[str, list[Any]] = {}
    for _, values in _table(ws):
        if isinstance(values[0], str):
            headings.append(values[0])
        elif isinstance(values[0], int):
            rows.setdefault(headings[-1], []).append(values)
    expected = [f"{g.unit_name} ({g.unit_code})" for g in consolidation.general_tasks]
    assert headings[: len(expected)] == expected
    for unit in consolidation.general_tasks:
        got = rows[f"{unit.unit_name} ({unit.unit_code})"]
        assert [(v[0], v[1]) for v in got] == [(r.no, r.task) for r in unit.rows]


# -- 5. Chỉ số ---------------------------------------------------------------------------------


def test_indicator_cells_are_the_rollups_numbers(book: Any, consolidation: Consolidation) -> None:
    ws = book["Chỉ số"]
    table = list(_table(ws))
    position = 0
    for rollup in consolidation.indicators:
        while not str(table[position][1][0]).endswith(f"mục {rollup.item_id}: {rollup.label}"):
            position += 1
        for offset, row in enumerate(rollup.rows, start=1):
            number, values = table[position + offset]
            assert values[0] == row.name
            assert values[1] == row.numerator and values[2] == row.denominator
            if row.rate is None:
                assert values[3] is None
            else:
                assert values[3] == pytest.approx(row.rate / 100)
                assert ws.cell(number, 4).number_format == "0.0%"
            assert values[4] == row.total
            if row.yes is not None and row.no is not None:
                assert values[5] == f"{row.yes}/{row.yes + row.no}"
            assert values[6] == row.reporting_units and values[7] == row.expected_units
        position += 1


def test_indicator_charts_rank_the_districts_highest_first(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Chỉ số"]
    charts = ws._charts
    assert len(charts) == len(INDICATOR_CHARTS)
    for chart, (form, item, indicator) in zip(charts, INDICATOR_CHARTS, strict=True):
        rollup = next(
            r
            for r in consolidation.indicators
            if (r.form, r.item_id, r.indicator_id) == (form, item, indicator)
        )
        (series,) = chart.series
        match = re.fullmatch(r"'Chỉ số'!\$([A-Z])\$(\d+):\$\1\$(\d+)", series.val.numRef.f)
        assert match is not None
        column, first, last = match.group(1), int(match.group(2)), int(match.group(3))
        values = [ws[f"{column}{row}"].value for row in range(first, last + 1)]
        names = [ws[f"A{row}"].value for row in range(first, last + 1)]
        assert values == sorted(values, reverse=True)
        expected = {
            r.name: (r.rate / 100 if r.rate is not None else r.total)
            for r in rollup.rows
            if r.scope_code not in ("total", "province-units")
        }
        assert dict(zip(names, values, strict=True)) == pytest.approx(
            {n: v for n, v in expected.items() if v is not None}
        )
        assert column == ("E" if indicator == "commune_teams" else "D")
    assert len(charts[0].series[0].val.numRef.f) > 0


def test_stated_percentages_that_disagree_are_listed_below_their_indicator() -> None:
    from sokets.consolidation.model import IndicatorRollup, Mismatch, RollupRow
    from sokets.outline import IndicatorKind

    rollup = IndicatorRollup(
        form="PL04",
        item_id="3.a.b3",
        indicator_id="dossiers_received_online",
        label="Tỷ lệ hồ sơ trực tuyến",
        kind=IndicatorKind.RATIO,
        rows=[
            RollupRow(
                scope_code="total",
                name="Tổng cộng",
                expected_units=1,
                reporting_units=1,
                numerator=1,
                denominator=4,
                rate=25.0,
            )
        ],
        mismatches=[
            Mismatch(unit_code="16705", unit_name="Xã Hưng Đông", stated=85.5, computed=25.0)
        ],
    )
    document = _empty().model_copy(update={"indicators": [rollup]})
    ws = open_book(ConsolidationWorkbook().render(document))["Chỉ số"]
    texts = [values[0] for _, values in _table(ws)]
    at = texts.index("Tổng cộng")
    assert "không khớp" in texts[at + 1]
    assert (
        texts[at + 2] == "Xã Hưng Đông (16705): đơn vị ghi 85,5%, tính từ tử số và mẫu số được 25%"
    )


# -- 6. Khó khăn, kiến nghị --------------------------------------------------------------------


def test_issues_are_grouped_by_kind_with_unit_and_place(
    book: Any, consolidation: Consolidation
) -> None:
    ws = book["Khó khăn, kiến nghị"]
    kinds = {"Khó khăn, vướng mắc": "difficulties", "Kiến nghị, đề xuất": "proposals"}
    kinds["Nhiệm vụ thời gian tới"] = "tasks_ahead"
    found: dict[str, list[tuple[Any, ...]]] = {}
    kind = ""
    for _, values in _table(ws):
        if isinstance(values[0], str):
            name, count = re.fullmatch(r"(.*) \(([\d.]+)\)", values[0]).groups()  # type: ignore[union-attr]
            kind = kinds[name]
            assert int(count.replace(".", "")) == sum(
                1 for i in consolidation.issues if i.kind == kind
            )
            found[kind] = []
        elif isinstance(values[0], int):
            found[kind].append(values)
    for kind in kinds.values():
        issues = [i for i in consolidation.issues if i.kind == kind]
        rows = found[kind]
        assert [v[0] for v in rows] == list(range(1, len(issues) + 1))
        for values, issue in zip(rows, issues, strict=True):
            assert values[1] == f"{issue.unit_name} ({issue.unit_code})"
            assert values[2] == (
                issue.where if issue.where.startswith("Phụ lục") else f"Mục {issue.where}"
            )
            if len(issue.text) < 1000:
                assert values[3] == issue.text


# -- 7. Tệp ------------------------------------------------------------------------------------


def test_every_file_appears_once_with_its_role(book: Any, consolidation: Consolidation) -> None:
    ws = book["Tệp"]
    rows = [values for _, values in _table(ws) if isinstance(values[0], int)]
    assert [v[1] for v in rows] == [f.source for f in consolidation.files]
    assert [v[3] for v in rows] == [ROLE_LABELS[f.role].vi for f in consolidation.files]
    roles = {f.role for f in consolidation.files}
    assert {
        FileRole.CURRENT,
        FileRole.SUPERSEDED,
        FileRole.UNREADABLE,
        FileRole.OUT_OF_SCOPE,
    } <= roles
    broken = next(v for v, f in zip(rows, consolidation.files, strict=True) if f.errors)
    assert "R018" in broken[12]
    unreadable = next(
        v for v, f in zip(rows, consolidation.files, strict=True) if f.role is FileRole.UNREADABLE
    )
    assert unreadable[4]  # the reason


# -- text is text ------------------------------------------------------------------------------


def test_a_text_that_looks_like_a_formula_stays_text(book: Any, workbook: bytes) -> None:
    texts = [*FORMULAS.values(), PL03_FORMULA]
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in texts:
                    found[cell.value] = cell
    assert set(found) == set(texts)
    for cell in found.values():
        assert cell.data_type == "s"
        assert cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)


def test_a_text_longer_than_a_cell_holds_is_cut_with_a_mark() -> None:
    rows = SheetRows(Looks(Stylesheet()), [20, 20])
    rows.append([("x" * 40_000, Look(wrap=False)), ("ngắn", Look())])
    assert rows.cuts == [("A1", 40_000)]
    xml = rows.xml()
    text = re.search(r"<t>(x+[^<]*)</t>", xml)
    assert text is not None and len(text.group(1)) <= 32767
    assert text.group(1).endswith("(cắt bớt: văn bản dài 40.000 ký tự)")


def test_a_cut_text_is_noted_on_its_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    from sokets.xlsx import consolidation as module

    monkeypatch.setattr(module, "TEXT", Look(wrap=False))  # as if a column did not wrap
    document = _empty()
    document.notes.append("x" * 40_000)
    ws = open_book(ConsolidationWorkbook().render(document))["Tệp"]
    texts = [values[0] for _, values in _table(ws) if values[0]]
    assert any(str(t).startswith("Lưu ý: ô A") and "40.000 ký tự" in str(t) for t in texts)


def _empty() -> Consolidation:
    """A consolidation of no inputs (every unit not received)."""
    return consolidate([], as_of=AS_OF, expected=["SO-TTTT", "16705"])


def test_a_district_consolidation_renders(tmp_path: Path) -> None:
    document = consolidate([ROOT / "examples" / "xa-hung-dong-pl04.json"], scope="412", as_of=AS_OF)
    wb = open_book(ConsolidationWorkbook().render(document))
    assert "THÀNH PHỐ VINH" in wb["Sổ theo dõi"]["A1"].value
    assert wb["Tỷ lệ báo cáo"]._charts == []  # one district, one kind: nothing to compare


def test_a_report_that_came_through_a_districts_consolidation_says_so() -> None:
    commune = ROOT / "examples" / "xa-hung-dong-pl04.json"
    district = consolidate([commune], scope="412", as_of=AS_OF)
    province = consolidate([district, ROOT / "examples" / "so-tttt-pl01.json"], as_of=AS_OF)
    via = str(province.entry("16705").via)  # type: ignore[union-attr]
    assert via
    wb = open_book(ConsolidationWorkbook().render(province))
    register = wb["Sổ theo dõi"]
    row = next(values for _, values in _table(register) if values[1] == "16705")
    assert row[10] == f"{commune}\nqua {via}"
    files = [values for _, values in _table(wb["Tệp"]) if isinstance(values[0], int)]
    assert [(v[1], v[2] or "", v[3]) for v in files] == [
        (f.source, f.via, ROLE_LABELS[f.role].vi) for f in province.files
    ]
    assert ROLE_LABELS[FileRole.CONSOLIDATION].vi in {v[3] for v in files}


# -- printed -----------------------------------------------------------------------------------

needs_pdftotext = needs("pdftotext")


@needs_soffice
@needs_pdftotext
def test_a_long_answer_is_printed_whole(inputs: list[Path], tmp_path: Path) -> None:
    vinh = next(p for p in inputs if p.name == "vinh.json")
    document = consolidate([vinh], as_of=AS_OF, expected=["412"])
    pdf = libreoffice(ConsolidationWorkbook().render(document), tmp_path, to="pdf")
    (tmp_path / "book.pdf").write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "book.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert re.findall(r"w\d{4}", text) == LONG_WORDS


# -- the package -------------------------------------------------------------------------------


def test_only_text_that_looks_like_a_formula_has_the_quote_prefix(book: Any) -> None:
    quoted = [
        (ws.title, cell.coordinate, cell.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.quotePrefix
    ]
    assert quoted
    assert all(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for *_, v in quoted)


def test_every_part_is_well_formed_xml_named_in_the_content_types(workbook: bytes) -> None:
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml"
        parts = {name: ElementTree.fromstring(archive.read(name)) for name in names}
    types = parts["[Content_Types].xml"]
    overrides = {e.get("PartName") for e in types if e.tag.endswith("Override")}
    for name in names:
        if not name.endswith((".rels", "[Content_Types].xml")):
            assert f"/{name}" in overrides, name
    for name, root in parts.items():
        if name.endswith(".rels"):  # every relationship leads to a part of the package
            base = posixpath.dirname(posixpath.dirname(name))
            for relation in root:
                target = str(relation.get("Target"))
                resolved = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
                assert resolved in parts, (name, target)


def test_the_workbook_is_written_without_openpyxl_or_the_readers_modules() -> None:
    # the templates' layout, the reader's checks and the worker processes' pickling are not
    # needed to write the workbook: each costs milliseconds of every consolidation's start-up
    unneeded = (
        "openpyxl",
        "numpy",
        "sokets.xlsx.layout",
        "sokets.xlsx.safety",
        "sokets._archive",
        "pickle",
    )
    script = (
        "import sys\n"
        "from sokets.consolidation import consolidate\n"
        "from sokets.render import consolidation_renderer\n"
        "data = consolidation_renderer('xlsx').render(consolidate([], expected=['SO-TTTT']))\n"
        "assert data.startswith(b'PK')\n"
        f"print(sorted(m for m in sys.modules if m.startswith({unneeded!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_the_theme_is_the_one_spreadsheet_programs_write() -> None:
    from importlib import resources

    from openpyxl.writer.theme import theme_xml

    ours = resources.files("sokets").joinpath("data", "xlsx-theme.xml").read_text("utf-8")
    assert ours == theme_xml


@needs_soffice
def test_libreoffice_keeps_the_charts_print_titles_and_cells(
    workbook: bytes, tmp_path: Path
) -> None:
    ours = open_book(workbook)
    saved = open_book(libreoffice(workbook, tmp_path))
    assert saved.sheetnames == ours.sheetnames
    for name in ours.sheetnames:
        before, after = ours[name], saved[name]
        assert len(after._charts) == len(before._charts), name
        assert after.print_title_rows == before.print_title_rows, name
        assert after.page_setup.orientation == "landscape", name
        for row_before, row_after in zip(before.iter_rows(), after.iter_rows(), strict=False):
            for cell_before, cell_after in zip(row_before, row_after, strict=False):
                if isinstance(cell_before.value, str | int | float):
                    assert cell_after.value == cell_before.value, (name, cell_before.coordinate)
