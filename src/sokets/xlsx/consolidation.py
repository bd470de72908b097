"""The consolidated workbook: a consolidation as sheets to read, filter, chart and print.

:class:`ConsolidationWorkbook` is the ``"xlsx"`` entry of
:data:`sokets.render.CONSOLIDATION_RENDERERS` (``sokets consolidate --to xlsx``). Each sheet has a
title block — what it shows and for which scope, "Tính đến ngày …", "Hạn gửi báo cáo …" — above
one table, whose header row is frozen and printed on every page:

1. **Sổ theo dõi** — the register: one row per expected unit, in the registry's order, its
   status coloured (a legend with the counts above the table), filterable;
2. **Tỷ lệ báo cáo** — the reporting rates by kind of unit and, for communes, by district, as
   percentages, with bar charts of the reporting and on-time rates;
3. **Phụ lục 03** — the 38 tasks in the plan's order under their group headings, with every
   answering unit's row, and a "Chưa báo cáo" row for each unit that must answer and did not;
4. **Phụ lục 02** — every unit's general tasks, under a heading row per unit;
5. **Chỉ số** — every indicator rolled up by district and in total, the stated percentages that
   disagree with their numerators listed below it, then bar charts of the main commune rates by
   district, highest first;
6. **Khó khăn, kiến nghị** — difficulties, proposals and tasks ahead, by kind, with the unit and
   the place each was written;
7. **Tệp** — every input file, once, with its role, the reason, the unit, dates and findings.

The workbook is written straight as XML (:mod:`sokets.xlsx.package`, the cells by
:mod:`sokets.xlsx.bulk`), without openpyxl: a province's 506 reports render in half a second. Pages are A4
landscape, fitted to the width; rows are as tall as their wrapped text, and a text taller than a
row can be is continued in the rows below, so that everything prints whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sokets._text import short_date
from sokets.catalogue import GROUPS
from sokets.consolidation.model import (
    Consolidation,
    FileEntry,
    IndicatorRollup,
    RollupRow,
    TaskEntry,
    UnitText,
)
from sokets.consolidation.statuses import ROLE_LABELS, STATUS_LABELS, FileRole, Status
from sokets.forms import FORMS
from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS
from sokets.outline import IndicatorKind
from sokets.plan import PLAN, PLAN_586
from sokets.units import PL01_KINDS, UnitKind, get_registry
from sokets.xlsx.bulk import Cell, Look, Looks
from sokets.xlsx.cells import GENERATOR
from sokets.xlsx.charts import bar_chart, chart_height, rows_covered
from sokets.xlsx.package import Stylesheet, Workbook
from sokets.xlsx.sheets import (
    BOLD,
    BOLD_CENTER,
    BOLD_NUMBER,
    BOLD_PERCENT,
    CENTER,
    DATE,
    HEADING,
    NOTE,
    NUMBER,
    PERCENT,
    TEXT,
    Column,
    TableSheet,
    grouped,
)

# -- looks and words ----------------------------------------------------------------------

#: Background and font colours of each status (Excel's “Good”, “Neutral”, “Bad”, and grey).
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.ON_TIME: ("C6EFCE", "006100"),
    Status.LATE: ("FFEB9C", "9C5700"),
    Status.WITH_ERRORS: ("FFC7CE", "9C0006"),
    Status.NOT_RECEIVED: ("D9D9D9", "404040"),
}
_STATUS_LOOKS = {
    status: Look(fill=fill, color=color, horizontal="center")
    for status, (fill, color) in STATUS_COLOURS.items()
}
_NOT_REPORTED = Look(fill=STATUS_COLOURS[Status.NOT_RECEIVED][0], italic=True, color="404040")
_ROLE_LOOKS = {
    FileRole.SUPERSEDED: _STATUS_LOOKS[Status.NOT_RECEIVED],
    FileRole.UNREADABLE: _STATUS_LOOKS[Status.WITH_ERRORS],
    FileRole.OUT_OF_SCOPE: _STATUS_LOOKS[Status.LATE],
}

#: The kinds of unit as the register shows them (shorter than :attr:`UnitKind.label`).
KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: "Sở, ban, ngành",
    UnitKind.AGENCY: "Cơ quan cấp tỉnh khác",
    UnitKind.DISTRICT: "UBND cấp huyện",
    UnitKind.COMMUNE: "UBND cấp xã",
}
#: What a unit that must answer a task and did not shows in Phụ lục 03.
NOT_REPORTED = "Chưa báo cáo"
_ISSUE_KINDS = (
    ("difficulties", "Khó khăn, vướng mắc"),
    ("proposals", "Kiến nghị, đề xuất"),
    ("tasks_ahead", "Nhiệm vụ thời gian tới"),
)
#: The charts of "Chỉ số": main commune rates by district, as (form, item, indicator).
INDICATOR_CHARTS: tuple[tuple[str, str, str], ...] = (
    ("PL04", "3.a.b3", "dossiers_received_online"),
    ("PL04", "3.a.b4", "outgoing_documents_electronic"),
    ("PL01", "A.II.3.b6", "communes_with_teams"),
    ("PL01", "A.II.3.b6", "commune_teams"),
)
#: Findings listed in a file's row of "Tệp" at most (the rest are counted).
_FINDINGS_SHOWN = 10

_SHEETS = (
    "Sổ theo dõi",
    "Tỷ lệ báo cáo",
    "Phụ lục 03",
    "Phụ lục 02",
    "Chỉ số",
    "Khó khăn, kiến nghị",
    "Tệp",
)


def _percent(value: float) -> str:
    """``85.5`` → ``"85,5%"``."""
    return f"{value:g}%".replace(".", ",")


def _share(value: float | None) -> float | None:
    """A percentage as the fraction a cell formatted ``0.0%`` holds (85.3 → 0.853)."""
    return None if value is None else round(value / 100, 12)


def _label(name: str, code: str) -> str:
    return f"{name} ({code})"


# -- the workbook ----------------------------------------------------------------------------


class _Book:
    def __init__(self, consolidation: Consolidation) -> None:
        self.consolidation = consolidation
        self.wb = Workbook(Stylesheet())
        self.looks = Looks(self.wb.styles)
        self.sheets: list[TableSheet] = []
        self.registry = get_registry()
        self.names = {e.unit_code: e.unit_name for e in consolidation.units}

    def unit(self, code: str | None) -> str:
        """A unit as "Name (code)", by the register or the registry."""
        if code is None:
            return ""
        name = self.names.get(code)
        if name is None and code in self.registry:
            name = self.registry.get(code).name
        return code if name is None else _label(name, code)

    def sheet(self, name: str, columns: Sequence[Column]) -> TableSheet:
        sheet = TableSheet(self.wb, self.looks, name, columns)
        self.sheets.append(sheet)
        return sheet

    def title(self, sheet: TableSheet, title: str, note: str) -> None:
        """A sheet's title block: what and for which scope; the plan, the dates; ``note``."""
        header = self.consolidation.header
        scope = header.scope.name
        sheet.title(
            f"{title} — {scope.upper()}",
            f"Tổng hợp báo cáo sơ kết 01 năm thực hiện Kế hoạch số {PLAN_586.number} (theo Kế "
            f"hoạch số {PLAN.number} ngày {short_date(PLAN.date)} của UBND tỉnh). Phạm vi: "
            f"{scope}. Tính đến ngày {short_date(header.as_of)}. Hạn gửi báo cáo: "
            f"{short_date(header.deadline)}.",
            note,
        )

    def build(self) -> bytes:
        for write in (
            self._register,
            self._rates,
            self._pl03,
            self._pl02,
            self._indicators,
            self._issues,
            self._files,
        ):
            write()
        self.wb.creator = GENERATOR
        self.wb.title = (
            f"Tổng hợp báo cáo sơ kết Kế hoạch {PLAN_586.number} – "
            f"{self.consolidation.header.scope.name}"
        )
        return self.wb.save()

    # -- 1. the register ---------------------------------------------------------------------

    def _register(self) -> None:
        c = self.consolidation
        sheet = self.sheet(
            _SHEETS[0],
            (
                Column("STT", 6),
                Column("Mã", 10),
                Column("Đơn vị", 30),
                Column("Loại", 18, label=True),
                Column("Huyện", 18, label=True),
                Column("Tình trạng", 11, label=True),
                Column("Ngày báo cáo", 11),
                Column("Ngày nhận", 11),
                Column("Ngày gửi lần đầu", 11),
                Column("Số báo cáo", 14),
                Column("Tệp", 30),
                Column("Số lỗi", 7),
                Column("Số cảnh báo", 8),
                Column("Tính vào số liệu", 9),
            ),
        )
        self.title(
            sheet,
            "SỔ THEO DÕI BÁO CÁO",
            "Mỗi đơn vị phải báo cáo một dòng, theo thứ tự danh mục đơn vị. Ngày gửi lần đầu là "
            "ngày xét đúng hạn: ngày nhận nếu có sổ văn thư, không thì ngày báo cáo. Báo cáo có "
            "lỗi không được tính vào số liệu (xem lỗi ở trang “Tệp”). Lọc theo cột bằng nút ở "
            "dòng tiêu đề.",
        )
        counts = c.counts()
        total = len(c.units)
        for status in Status:
            count = counts[status.value]
            share = f" ({_percent(round(100 * count / total, 1))})" if total else ""
            sheet.row(
                [
                    None,
                    (STATUS_LABELS[status].vi, _STATUS_LOOKS[status]),
                    (f"{grouped(count)} đơn vị{share}", Look("sk_note", wrap=False)),
                ]
            )
        sheet.header()
        districts = {u.code: u.name for u in self.registry.of_kind(UnitKind.DISTRICT)}
        last = sheet.header_row
        for number, entry in enumerate(c.units, start=1):
            received = entry.status is not Status.NOT_RECEIVED
            source = entry.source + (f"\nqua {entry.via}" if entry.via else "")
            district = ""
            if entry.kind is UnitKind.COMMUNE and entry.district_code:
                district = districts.get(entry.district_code, entry.district_code)
            last = sheet.row(
                [
                    (number, CENTER),
                    (entry.unit_code, TEXT),
                    (entry.unit_name, TEXT),
                    (KIND_LABELS.get(entry.kind, entry.kind.label), TEXT),
                    (district, TEXT),
                    (STATUS_LABELS[entry.status].vi, _STATUS_LOOKS[entry.status]),
                    (entry.report_date, DATE),
                    (entry.received_date, DATE),
                    (entry.first_sent, DATE),
                    (entry.report_number, TEXT),
                    (source, TEXT),
                    (entry.errors if received else None, NUMBER),
                    (entry.warnings if received else None, NUMBER),
                    (entry.in_figures if received else None, CENTER),
                ]
            )
            last = sheet.rows.last_row
        sheet.finish(freeze="D", filter_to=last)

    # -- 2. the rates ------------------------------------------------------------------------

    def _rates(self) -> None:
        c = self.consolidation
        sheet = self.sheet(
            _SHEETS[1],
            (
                Column("Nhóm đơn vị", 34),
                Column("Phải báo cáo", 10),
                Column("Đã nhận", 9),
                Column("Đúng hạn", 9),
                Column("Trễ hạn", 9),
                Column("Có lỗi", 9),
                Column("Chưa nhận", 9),
                Column("Tỷ lệ báo cáo (%)", 11),
                Column("Tỷ lệ đúng hạn (%)", 11),
            ),
        )
        self.title(
            sheet,
            "TỶ LỆ BÁO CÁO",
            "“Đã nhận” gồm mọi đơn vị đã gửi báo cáo (kể cả báo cáo có lỗi); “đúng hạn”: báo cáo "
            "không có lỗi, gửi lần đầu không muộn hơn hạn gửi. Tỷ lệ báo cáo = đã nhận / phải báo "
            "cáo; tỷ lệ đúng hạn = đúng hạn / phải báo cáo. Biểu đồ ở dưới bảng.",
        )
        sheet.header()
        kinds = [r for r in c.rates if r.group != "total" and r.district_code is None]
        districts = [r for r in c.rates if r.district_code is not None]
        totals = [r for r in c.rates if r.group == "total"]
        blocks: list[tuple[str, int, int]] = []
        for heading, rows in (
            ("Theo loại đơn vị", kinds),
            ("UBND cấp xã, theo huyện", districts),
            ("", totals),
        ):
            if not rows:
                continue
            if heading:
                sheet.line(heading, HEADING)
            start = sheet.rows.last_row + 1
            for rate in rows:
                bold = rate.group == "total"
                number = BOLD_NUMBER if bold else NUMBER
                percent = BOLD_PERCENT if bold else PERCENT
                sheet.row(
                    [
                        (rate.label, BOLD if bold else TEXT),
                        (rate.expected, number),
                        (rate.received, number),
                        (rate.on_time, number),
                        (rate.late, number),
                        (rate.with_errors, number),
                        (rate.not_received, number),
                        (_share(rate.rate), percent),
                        (_share(rate.rate_on_time), percent),
                    ]
                )
            if heading:
                blocks.append((heading, start, sheet.rows.last_row))
        for heading, start, stop in blocks:
            if stop == start:  # one bar: nothing to compare
                continue
            chart = bar_chart(
                f"Tỷ lệ báo cáo và tỷ lệ đúng hạn — {heading[0].lower()}{heading[1:]}",
                [
                    (name, sheet.cells(col, start, stop))
                    for name, col in (("Tỷ lệ báo cáo", 8), ("Tỷ lệ đúng hạn", 9))
                ],
                sheet.cells(1, start, stop),
                percent=True,
                width=sheet.width,
            )
            sheet.chart(chart)
        sheet.finish()

    # -- 3. Phụ lục 03 -----------------------------------------------------------------------

    def _pl03(self) -> None:
        c = self.consolidation
        headers = dict(PL03_COLUMNS)
        sheet = self.sheet(
            _SHEETS[2],
            (
                Column(headers["task_id"], 7),
                Column(headers["title"], 32, label=True),
                Column(headers["lead"], 18, label=True),
                Column("Đơn vị báo cáo", 22, label=True),
                Column(headers["results"], 50),
                Column(headers["difficulties"], 34),
                Column(headers["proposals"], 34),
            ),
        )
        spec = FORMS["PL03"]
        self.title(
            sheet,
            f"{spec.appendix.upper()}: {spec.title.upper()}",
            "Các nhiệm vụ theo thứ tự của Phụ lục 03, mỗi đơn vị báo cáo một dòng. Đơn vị phải "
            f"báo cáo một nhiệm vụ mà chưa gửi báo cáo hoặc bỏ sót nhiệm vụ: “{NOT_REPORTED}”. "
            "Nhiệm vụ giao cho mọi sở, ngành, huyện có thêm dòng đếm số đơn vị đã báo cáo.",
        )
        sheet.header()
        groups = {g.id: g.title for g in GROUPS}
        group = None
        for task in c.tasks:
            if task.group != group:
                group = task.group
                sheet.row(
                    [(group, HEADING), (groups.get(group, group), HEADING)],
                    spans={1: len(sheet.columns) - 1},
                )
            self._task(sheet, task)
        sheet.finish(freeze="C")

    def _task(self, sheet: TableSheet, task: TaskEntry) -> None:
        answers: list[tuple[str, UnitText | None]] = [(r.unit_code, r) for r in task.rows]
        answers += [(code, None) for code in task.not_reported]
        head: list[Cell | None] = [
            (task.task_id, CENTER),
            (task.title, TEXT),
            (task.lead, TEXT),
        ]
        blank: list[Cell | None] = [(task.task_id, CENTER), ("", TEXT), ("", TEXT)]
        if len(task.expected) > 1 or task.for_all_units:
            count = f"{len(task.rows)}/{len(task.expected)} đơn vị đã báo cáo"
            sheet.row([*head, (count, BOLD), ("", TEXT), ("", TEXT), ("", TEXT)])
            head = blank
        if not answers:
            sheet.row(
                [
                    *head,
                    ("—", CENTER),
                    ("Không có đơn vị phải báo cáo nhiệm vụ này trong phạm vi tổng hợp", TEXT),
                    ("", TEXT),
                    ("", TEXT),
                ]
            )
        for code, text in answers:
            unit: list[Cell | None] = [(self.unit(code), TEXT)]
            if text is None:
                unit += [(NOT_REPORTED, _NOT_REPORTED), ("", TEXT), ("", TEXT)]
            else:
                unit += [
                    (text.results, TEXT),
                    (text.difficulties, TEXT),
                    (text.proposals, TEXT),
                ]
            sheet.row([*head, *unit])
            head = blank

    # -- 4. Phụ lục 02 -----------------------------------------------------------------------

    def _pl02(self) -> None:
        c = self.consolidation
        widths = {"no": 6, "task": 36, "results": 50, "difficulties": 34, "proposals": 34}
        sheet = self.sheet(
            _SHEETS[3],
            [Column(header, widths.get(key, 26)) for key, header in PL02_COLUMNS],
        )
        spec = FORMS["PL02"]
        self.title(
            sheet,
            f"{spec.appendix.upper()}: {spec.title.upper()}",
            "Phụ lục 02 của từng đơn vị, theo thứ tự danh mục đơn vị, dưới một dòng tên đơn vị. "
            "Đơn vị chưa có Phụ lục 02 được kể ở cuối trang.",
        )
        sheet.header()
        for unit in c.general_tasks:
            sheet.line(_label(unit.unit_name, unit.unit_code), HEADING)
            for row in unit.rows:
                sheet.row(
                    [
                        (row.no, CENTER),
                        (row.task, TEXT),
                        (row.results, TEXT),
                        (row.difficulties, TEXT),
                        (row.proposals, TEXT),
                        (row.notes, TEXT),
                    ]
                )
        present = {unit.unit_code for unit in c.general_tasks}
        missing = [e for e in c.units if e.kind in PL01_KINDS and e.unit_code not in present]
        if missing:
            sheet.line(f"Chưa có Phụ lục 02 ({grouped(len(missing))} đơn vị)", HEADING)
            sheet.line("; ".join(_label(e.unit_name, e.unit_code) for e in missing), TEXT)
        sheet.finish()

    # -- 5. indicators -----------------------------------------------------------------------

    _INDICATOR_COLUMNS = (
        Column("Phạm vi", 30, label=True),
        Column("Tử số", 11),
        Column("Mẫu số", 11),
        Column("Tỷ lệ (%)", 10),
        Column("Số lượng", 10),
        Column("Có (số đơn vị có/ số đơn vị trả lời)", 12),
        Column("Số đơn vị có số liệu", 10),
        Column("Số đơn vị phải báo cáo", 10),
        Column("Số đơn vị chỉ ghi tỷ lệ %", 10),
    )

    def _indicators(self) -> None:
        c = self.consolidation
        sheet = self.sheet(_SHEETS[4], self._INDICATOR_COLUMNS)
        self.title(
            sheet,
            "CHỈ SỐ TỔNG HỢP THEO HUYỆN",
            "Mỗi chỉ số: một dòng cho mỗi huyện (các xã của huyện, hoặc chính UBND huyện) và "
            "dòng tổng. Tỷ lệ = tổng tử số / tổng mẫu số (không lấy trung bình các tỷ lệ); đơn vị "
            "chỉ ghi tỷ lệ % không được cộng vào tử số, mẫu số. Số lượng: tổng. Có/Không: số đơn "
            "vị trả lời Có trên số đơn vị trả lời. Tỷ lệ đơn vị ghi không khớp với tử số, mẫu số "
            "được kể dưới chỉ số. Biểu đồ ở cuối trang.",
        )
        sheet.header()
        for rollup in c.indicators:
            form = FORMS[rollup.form].appendix
            sheet.line(f"{form}, mục {rollup.item_id}: {rollup.label}", HEADING)
            for row in rollup.rows:
                sheet.row(self._rollup_cells(rollup.kind, row, bold=row.scope_code == "total"))
            if rollup.mismatches:
                sheet.line(
                    "Tỷ lệ đơn vị ghi không khớp với tử số, mẫu số (dùng tỷ lệ tính được):", NOTE
                )
                for m in rollup.mismatches:
                    sheet.line(
                        f"{_label(m.unit_name, m.unit_code)}: đơn vị ghi {_percent(m.stated)}, "
                        f"tính từ tử số và mẫu số được {_percent(m.computed)}",
                        TEXT,
                    )
        self._indicator_charts(sheet)
        sheet.finish()

    @staticmethod
    def _rollup_cells(kind: IndicatorKind, row: RollupRow, *, bold: bool) -> list[Cell | None]:
        number = BOLD_NUMBER if bold else NUMBER
        yes_no = None
        if kind is IndicatorKind.YES_NO and row.yes is not None and row.no is not None:
            yes_no = f"{row.yes}/{row.yes + row.no}"
        return [
            (row.name, BOLD if bold else TEXT),
            (row.numerator, number),
            (row.denominator, number),
            (_share(row.rate), BOLD_PERCENT if bold else PERCENT),
            (row.total, number),
            (yes_no, BOLD_CENTER if bold else CENTER),
            (row.reporting_units, number),
            (row.expected_units, number),
            (row.percent_only if kind is IndicatorKind.RATIO else None, number),
        ]

    def _indicator_charts(self, sheet: TableSheet) -> None:
        found = {(r.form, r.item_id, r.indicator_id): r for r in self.consolidation.indicators}
        charts = [found[key] for key in INDICATOR_CHARTS if key in found]
        drawn = 0
        for rollup in charts:
            ratio = rollup.kind is IndicatorKind.RATIO
            column = 4 if ratio else 5

            def value(row: RollupRow, ratio: bool = ratio) -> float | int | None:
                return row.rate if ratio else row.total

            rows = sorted(
                (r for r in _district_rows(rollup) if value(r) is not None),
                key=lambda r: (-(value(r) or 0), r.name),
            )
            if len(rows) < 2:
                continue
            drawn += 1
            what = "theo huyện, xếp từ cao xuống thấp"
            title = f"Biểu đồ {drawn}. {rollup.label} — {what}"
            sheet.page_break()
            sheet.line(title, HEADING)
            anchor = sheet.rows.last_row + 1
            sheet.rows.skip(rows_covered(chart_height(len(rows))))
            start = sheet.rows.last_row + 1
            for row in rows:
                sheet.row(self._rollup_cells(rollup.kind, row, bold=False))
            stop = sheet.rows.last_row
            chart = bar_chart(
                f"{rollup.label} — {what}",
                [(sheet.columns[column - 1].header, sheet.cells(column, start, stop))],
                sheet.cells(1, start, stop),
                percent=ratio,
                width=sheet.width,
            )
            sheet.chart(chart, row=anchor)

    # -- 6. difficulties and proposals -------------------------------------------------------

    def _issues(self) -> None:
        c = self.consolidation
        sheet = self.sheet(
            _SHEETS[5],
            (
                Column("STT", 6),
                Column("Đơn vị", 28, label=True),
                Column("Nơi ghi", 16, label=True),
                Column("Nội dung", 100),
            ),
        )
        self.title(
            sheet,
            "KHÓ KHĂN, VƯỚNG MẮC; KIẾN NGHỊ, ĐỀ XUẤT; NHIỆM VỤ THỜI GIAN TỚI",
            "Từ các mục của đề cương về khó khăn, kiến nghị và nhiệm vụ thời gian tới, từ ô "
            "“tồn tại, vướng mắc” và “kiến nghị, đề xuất” của mọi mục, và từ các dòng Phụ lục 02, "
            "03; theo loại, rồi theo đơn vị. “Nơi ghi” là mục đề cương hoặc dòng phụ lục.",
        )
        sheet.header()
        for kind, heading in _ISSUE_KINDS:
            issues = [i for i in c.issues if i.kind == kind]
            sheet.line(f"{heading} ({grouped(len(issues))})", HEADING)
            for number, issue in enumerate(issues, start=1):
                where = issue.where
                if not where.startswith("Phụ lục"):
                    where = f"Mục {where}"
                sheet.row(
                    [
                        (number, CENTER),
                        (_label(issue.unit_name, issue.unit_code), TEXT),
                        (where, TEXT),
                        (issue.text, TEXT),
                    ]
                )
        sheet.finish(freeze="C")

    # -- 7. files ----------------------------------------------------------------------------

    def _files(self) -> None:
        c = self.consolidation
        sheet = self.sheet(
            _SHEETS[6],
            (
                Column("STT", 6),
                Column("Tệp", 32),
                Column("Qua bản tổng hợp", 18),
                Column("Vai trò", 16, label=True),
                Column("Lý do", 28),
                Column("Đơn vị", 26, label=True),
                Column("Biểu mẫu", 8, label=True),
                Column("Số báo cáo", 14),
                Column("Ngày báo cáo", 11),
                Column("Ngày nhận", 11),
                Column("Số lỗi", 7),
                Column("Số cảnh báo", 8),
                Column("Lỗi và cảnh báo", 60),
            ),
        )
        counts = c.counts()
        roles = ", ".join(
            f"{ROLE_LABELS[role].vi.lower()}: {grouped(counts[f'files_{role.value}'])}"
            for role in FileRole
        )
        self.title(
            sheet,
            "CÁC TỆP ĐÃ ĐỌC",
            f"Mỗi tệp đầu vào một dòng ({grouped(len(c.files))} tệp — {roles}). Tệp có trong một "
            "bản tổng hợp trước (của huyện) ghi tên bản tổng hợp ở cột “Qua bản tổng hợp”. Mã lỗi "
            "xem trong tài liệu docs/rules.md.",
        )
        sheet.header()
        for number, file in enumerate(c.files, start=1):
            sheet.row(
                [
                    (number, CENTER),
                    (file.source, TEXT),
                    (file.via, TEXT),
                    (ROLE_LABELS[file.role].vi, _ROLE_LOOKS.get(file.role, CENTER)),
                    (file.reason, TEXT),
                    (self.unit(file.unit_code), TEXT),
                    (file.form, CENTER),
                    (file.report_number, TEXT),
                    (file.report_date, DATE),
                    (file.received_date, DATE),
                    (file.errors, NUMBER),
                    (file.warnings, NUMBER),
                    ("\n".join(_findings(file)), TEXT),
                ]
            )
        last = sheet.rows.last_row
        if c.notes:
            sheet.rows.skip()
            sheet.line("Ghi chú", HEADING)
            for note in c.notes:
                sheet.line(note, TEXT)
        sheet.finish(freeze="C", filter_to=last)


def _district_rows(rollup: IndicatorRollup) -> Iterable[RollupRow]:
    return (r for r in rollup.rows if r.scope_code not in ("total", "province-units"))


def _findings(file: FileEntry) -> list[str]:
    """A file's findings, one a line, the first ones only."""
    lines = [
        f"{'Lỗi' if f.severity == 'error' else 'Cảnh báo'} {f.code}"
        + (f" ({f.location})" if f.location else "")
        + f": {f.message_vi}"
        for f in file.findings[:_FINDINGS_SHOWN]
    ]
    more = len(file.findings) - _FINDINGS_SHOWN + sum(file.omitted.values())
    if more > 0:
        lines.append(f"… và {grouped(more)} phát hiện khác")
    return lines


def build_consolidation_workbook(consolidation: Consolidation) -> bytes:
    """The consolidated workbook's bytes (see the module's docstring). No files written."""
    return _Book(consolidation).build()


class ConsolidationWorkbook:
    """Consolidation renderer ``"xlsx"``: the consolidated workbook."""

    suffix = ".xlsx"

    def render(self, consolidation: Consolidation) -> bytes:
        """The workbook's bytes."""
        return build_consolidation_workbook(consolidation)
