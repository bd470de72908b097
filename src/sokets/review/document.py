"""The province's review report as a draft DOCX (Nghị định 30/2020/NĐ-CP), from a consolidation.

It reuses the layout of the units' reports (page, styles, header and signature tables) and follows
Phụ lục 01's outline. After the opening sentence comes how the reporting went (rates by kind of
unit and by district, who has not reported). Under each item come the figures sokets can add up
(the communes' rates under the items they answer, Phụ lục 03 by group under A.II), then the
answers of the units that gave one, each headed by the unit's name: the material the drafter
edits. Phụ lục 03 consolidated, the communes' other figures and the reporting register follow as
landscape appendices with a repeated header. Table rows never split across pages and a heading
always keeps with what follows. Charts are pictures drawn by matplotlib when ``sokets[charts]``
is installed; without it the tables stay and a line says how to add the charts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sokets._text import short_date
from sokets.catalogue import get_catalogue
from sokets.consolidation.draft import COMMUNE_TEAMS_ITEM, FIGURES_FROM_COMMUNES, TEAMS_ITEM
from sokets.consolidation.model import Consolidation, IndicatorRollup, RollupRow
from sokets.consolidation.statuses import STATUS_LABELS, Status
from sokets.docx.compose import PL03_HEADERS, group_row, heading_text, number_kind
from sokets.docx.composer import ITALIC, PLAIN, Element, sub
from sokets.docx.layout import (
    LANDSCAPE_TEXT_WIDTH,
    PROVINCE,
    TEXT_WIDTH,
    Heading,
    appendix_heading,
    closing,
    default_place,
    header_table,
    issuer_lines,
    issuer_name,
    signature_block,
    title_block,
)
from sokets.docx.package import composer_for, finish, landscape_section, new_document
from sokets.docx.report import write_answer_parts
from sokets.docx.styles import HEADING_STYLES
from sokets.models.common import has_content
from sokets.outline import IndicatorKind, OutlineItem, pl01_outline
from sokets.plan import PLAN
from sokets.review import charts as drawing
from sokets.review.figures import Chart, charts, format_count, format_percent, task_status
from sokets.units import UnitKind, get_registry

#: The style of a unit's name heading its answer, and of a table's title (bold italic, kept with
#: what follows).
LABEL_STYLE = "SoketsLabel"
#: The tag of the draft's header (a province's draft, not a unit's report: never read back).
DOCUMENT_TAG = "sokets:review:draft"
#: What a row says for a unit that has not reported a task.
NOT_REPORTED = "Chưa báo cáo"

#: Items under which figures added up from the reports come first: the communes' rates on
#: procedures, e-documents and training (as in a district's draft), and the community tech teams.
ROLLUPS_UNDER: dict[str, tuple[tuple[str, str], ...]] = {
    **{
        item: tuple(("PL04", s) for s in sources) for item, sources in FIGURES_FROM_COMMUNES.items()
    },
    TEAMS_ITEM: (("PL04", COMMUNE_TEAMS_ITEM), ("PL01", TEAMS_ITEM)),
}
#: Charts shown under an item (by chart key), after its tables; "" is the reporting section.
CHARTS_UNDER: dict[str, tuple[str, ...]] = {
    "": ("rates-by-kind", "rates-by-district"),
    "A.II": ("pl03-by-group",),
    "A.II.2.b3": ("rate-1", "rate-2", "rate-3"),
    TEAMS_ITEM: ("rate-4",),
}
KIND_NAMES = {
    UnitKind.DEPARTMENT: "Sở, ban, ngành",
    UnitKind.AGENCY: "Cơ quan cấp tỉnh",
    UnitKind.SUBUNIT: "Đơn vị trực thuộc",
    UnitKind.DISTRICT: "UBND cấp huyện",
    UnitKind.COMMUNE: "UBND cấp xã",
}
ATTACHED_TO = "Kèm theo Báo cáo sơ kết 01 năm triển khai thực hiện Kế hoạch số 586/KH-UBND"


@dataclass(frozen=True)
class Issuer:
    """Who issues the report: its header lines, how the body names it, where it signs."""

    lines: tuple[str | None, tuple[str, ...]]
    name: str
    place: str

    @classmethod
    def province(cls) -> Issuer:
        """UBND tỉnh Nghệ An, as in plan 403/KH-UBND."""
        return cls((None, ("ỦY BAN NHÂN DÂN", f"TỈNH {PROVINCE.upper()}")), "UBND tỉnh", PROVINCE)

    @classmethod
    def unit(cls, query: str) -> Issuer:
        """A unit of the registry by code or name (Sở TT&TT in its own name, a district…).

        Raises :class:`~sokets.units.UnknownUnitError` when no unit is named so.
        """
        unit = get_registry().lookup(query)
        return cls(issuer_lines(unit), issuer_name(unit), default_place(unit))


@dataclass(frozen=True)
class Options:
    """What the drafter may set; ``None`` leaves a placeholder to type over.

    The defaults are plan 403/KH-UBND's: UBND tỉnh, its signer and its recipients.
    """

    issuer: Issuer = field(default_factory=Issuer.province)
    signer_authority: tuple[str, ...] | None = PLAN.signer.authority
    signer_title: str | None = PLAN.signer.title
    signer_name: str | None = PLAN.signer.name
    recipients: tuple[str, ...] = PLAN.recipients

    @classmethod
    def for_scope(cls, consolidation: Consolidation) -> Options:
        """The defaults for a consolidation: a district's signs its own, signer left blank."""
        code = consolidation.header.scope.district_code
        if code is None:
            return cls()
        return cls(
            issuer=Issuer.unit(code),
            signer_authority=None,
            signer_title=None,
            signer_name=None,
            recipients=("Sở Thông tin và Truyền thông;", "Lưu: VT."),
        )

    def signed_by(
        self, name: str | None = None, title: str | None = None, authority: str | None = None
    ) -> Options:
        """These options with the signer's name, title or authority (lines split on ``|``)."""
        return replace(
            self,
            signer_name=self.signer_name if name is None else name,
            signer_title=self.signer_title if title is None else title,
            signer_authority=(
                self.signer_authority
                if authority is None
                else tuple(line.strip() for line in authority.split("|") if line.strip())
            ),
        )


class ReviewDocument:
    """The consolidation renderer ``docx``: the draft review report.

    ``issuer`` names a unit of the registry that issues it instead of the default (UBND tỉnh, or
    the district of a district's consolidation); the signer's name, title and authority lines
    (split on ``|``) replace the default's. An unknown issuer raises
    :class:`~sokets.units.UnknownUnitError` at once, before any work is done.
    """

    suffix = ".docx"

    def __init__(
        self,
        *,
        issuer: str | None = None,
        signer_name: str | None = None,
        signer_title: str | None = None,
        signer_authority: str | None = None,
    ) -> None:
        self.issuer = Issuer.unit(issuer) if issuer else None
        self.signer = (signer_name, signer_title, signer_authority)

    def options(self, consolidation: Consolidation) -> Options:
        """The options for ``consolidation``: its defaults, then what was given."""
        options = Options.for_scope(consolidation)
        if self.issuer is not None:
            options = replace(options, issuer=self.issuer)
        return options.signed_by(*self.signer)

    def render(self, consolidation: Consolidation) -> bytes:
        """The draft as DOCX bytes."""
        return render_review(consolidation, self.options(consolidation))


def render_review(consolidation: Consolidation, options: Options | None = None) -> bytes:
    """The draft review report of ``consolidation`` as DOCX bytes."""
    return _Draft(consolidation, options or Options.for_scope(consolidation)).compose()


def _widths(columns: Sequence[tuple[str, float]], width: int) -> list[int]:
    share = sum(w for _, w in columns)
    widths = [round(width * w / share) for _, w in columns]
    widths[-1] = width - sum(widths[:-1])
    return widths


def rollup_rows(rollup: IndicatorRollup) -> list[tuple[str, ...]]:
    """An indicator's table rows, by district then in total (the columns of :func:`rollup_columns`)."""

    def units(row: RollupRow) -> str:
        return f"{row.reporting_units}/{row.expected_units}"

    if rollup.kind is IndicatorKind.RATIO:
        return [
            (
                r.name,
                units(r),
                format_count(r.numerator),
                format_count(r.denominator),
                format_percent(r.rate),
            )
            for r in rollup.rows
        ]
    if rollup.kind is IndicatorKind.YES_NO:
        return [(r.name, units(r), format_count(r.yes), format_count(r.no)) for r in rollup.rows]
    return [(r.name, units(r), format_count(r.total)) for r in rollup.rows]


#: Whose reports an indicator's figures add up, by form.
SOURCES = {"PL01": "báo cáo của các sở, ngành, UBND cấp huyện", "PL04": "báo cáo của UBND cấp xã"}


def rollup_title(rollup: IndicatorRollup) -> str:
    """An indicator's table title: its label and whose reports it adds up."""
    return f"{rollup.label} (theo {SOURCES[rollup.form]})"


def rollup_columns(kind: IndicatorKind) -> tuple[tuple[str, float], ...]:
    """The column titles (and relative widths) of an indicator's table."""
    if kind is IndicatorKind.RATIO:
        return (
            ("Phạm vi", 40),
            ("Đơn vị có số liệu", 16),
            ("Tử số", 14),
            ("Mẫu số", 14),
            ("Tỷ lệ", 12),
        )
    if kind is IndicatorKind.YES_NO:
        return (("Phạm vi", 50), ("Đơn vị có số liệu", 20), ("Có", 15), ("Không", 15))
    return (("Phạm vi", 55), ("Đơn vị có số liệu", 25), ("Tổng số", 20))


class _Draft:
    """Composes the draft: one composer, and the python-docx document for the pictures."""

    def __init__(self, consolidation: Consolidation, options: Options) -> None:
        self.consolidation = consolidation
        self.options = options
        self.document = new_document()
        self.c = composer_for(self.document)
        self.charts = {chart.key: chart for chart in charts(consolidation)}
        self.pictures: Callable[[], drawing.Drawn] | None = None
        if drawing.available():
            shown = [
                self.charts[k] for keys in CHARTS_UNDER.values() for k in keys if k in self.charts
            ]
            self.pictures = drawing.start_drawing(shown, ("png",))
        self.places: list[tuple[Element, str]] = []
        self.placed: set[tuple[str, str]] = set()

    # -- building blocks -------------------------------------------------------------------

    def note(self, parent: Element, text: str) -> None:
        self.c.paragraph(parent, text, style="SoketsGuidance")

    def table(
        self,
        parent: Element,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str]],
        title: str,
        *,
        width: int = TEXT_WIDTH,
        labelled: bool = True,
        centred: Sequence[int] | None = None,
    ) -> None:
        """A table captioned ``title`` (and titled so above it when ``labelled``), its columns
        sharing ``width`` in proportion; figures centred (all but the first column by default)."""
        if labelled:
            self.c.paragraph(parent, title, style=LABEL_STYLE)
        widths = _widths(columns, width)
        self.c.data_table(
            parent,
            [(name, w) for (name, _), w in zip(columns, widths, strict=True)],
            rows,
            caption=title,
            centred_columns=tuple(range(1, len(columns))) if centred is None else centred,
        )
        self.c.gap(parent)

    def picture(self, parent: Element, chart: Chart) -> None:
        """A place for the chart's picture (see :meth:`place_pictures`), or the line saying how
        to add the charts."""
        if self.pictures is None:
            self.note(parent, f"{chart.title}. {drawing.INSTALL_HINT}")
            return
        p = self.c.paragraph(parent, style="SoketsCentered")
        self.places.append((p, f"{chart.key}.png"))

    def place_pictures(self) -> None:
        """Put each chart's picture, drawn meanwhile, in its place, across the text width."""
        if self.pictures is None:
            return
        drawn = self.pictures()
        for p, name in self.places:
            picture = io.BytesIO(drawn[name])
            inline = self.document.part.new_pic_inline(picture, width=TEXT_WIDTH * 635)
            sub(sub(p, "r"), "drawing").append(inline)

    def rollup_table(self, parent: Element, rollup: IndicatorRollup, width: int) -> None:
        """One indicator added up by district and in total, with what the sums leave out."""
        self.table(
            parent,
            rollup_columns(rollup.kind),
            rollup_rows(rollup),
            rollup_title(rollup),
            width=width,
        )
        total = next((r for r in rollup.rows if r.scope_code == "total"), None)
        if total is not None and total.percent_only:
            self.note(
                parent,
                f"({total.percent_only} đơn vị chỉ ghi tỷ lệ %, không tính vào tử số và mẫu số.)",
            )
        if rollup.mismatches:
            self.note(
                parent,
                f"({len(rollup.mismatches)} đơn vị ghi tỷ lệ không khớp với tử số và mẫu số; "
                "xem bản tổng hợp.)",
            )

    # -- the body --------------------------------------------------------------------------

    def reporting(self, parent: Element) -> None:
        """How the reporting went: the rates by kind and district, who is still missing."""
        c, cons = self.c, self.consolidation
        total = next((r for r in cons.rates if r.group == "total"), None)
        if total is not None:
            c.paragraph(
                parent,
                f"Tính đến ngày {short_date(cons.header.as_of)}, đã nhận báo cáo của "
                f"{total.received}/{total.expected} đơn vị ({format_percent(total.rate)}), trong "
                f"đó {total.on_time} báo cáo đúng hạn ({format_percent(total.rate_on_time)}), "
                f"{total.late} báo cáo trễ hạn, {total.with_errors} báo cáo còn lỗi; "
                f"{total.not_received} đơn vị chưa gửi báo cáo. Sổ theo dõi chi tiết tại Phụ lục "
                "03 kèm theo.",
            )
        self.table(
            parent,
            (
                ("Nhóm đơn vị", 34),
                ("Phải báo cáo", 9),
                ("Đã nhận", 9),
                ("Đúng hạn", 9),
                ("Trễ hạn", 9),
                ("Có lỗi", 9),
                ("Chưa nhận", 9),
                ("Tỷ lệ báo cáo", 11),
                ("Tỷ lệ đúng hạn", 11),
            ),
            [
                (
                    r.label,
                    str(r.expected),
                    str(r.received),
                    str(r.on_time),
                    str(r.late),
                    str(r.with_errors),
                    str(r.not_received),
                    format_percent(r.rate),
                    format_percent(r.rate_on_time),
                )
                for r in cons.rates
            ],
            "Tình hình gửi báo cáo sơ kết",
        )
        missing = [
            e.unit_name
            for e in cons.units
            if e.status is Status.NOT_RECEIVED and e.kind is not UnitKind.COMMUNE
        ]
        if missing:
            c.paragraph(
                parent,
                f"Các sở, ban, ngành, đơn vị và UBND cấp huyện chưa gửi báo cáo: {'; '.join(missing)}.",
            )

    def tasks_by_group(self, parent: Element) -> None:
        """Phụ lục 03 by group: tasks, rows reported, rows not reported."""
        self.table(
            parent,
            (("Nhóm nhiệm vụ", 52), ("Số nhiệm vụ", 16), ("Đã báo cáo", 16), ("Chưa báo cáo", 16)),
            [
                (f"{g}. {title}", str(tasks), str(done), str(missing))
                for g, title, tasks, done, missing in task_status(self.consolidation)
            ],
            "Tình hình thực hiện các nhiệm vụ cụ thể (Phụ lục 03), theo nhóm",
        )

    def figures(self, parent: Element, key: str) -> None:
        """The tables and charts sokets adds up under an item (``""``: the reporting section)."""
        if key == "":
            self.reporting(parent)
        if key == "A.II":
            self.tasks_by_group(parent)
        for form, source in ROLLUPS_UNDER.get(key, ()):
            for rollup in self.consolidation.indicators:
                if (rollup.form, rollup.item_id) == (form, source):
                    self.rollup_table(parent, rollup, TEXT_WIDTH)
                    self.placed.add((rollup.form, rollup.item_id))
        for name in CHARTS_UNDER.get(key, ()):
            chart = self.charts.get(name)
            if chart is not None:
                self.picture(parent, chart)

    def answers(self, parent: Element, item: OutlineItem) -> None:
        """Every unit's answer to ``item``, each headed by the unit's name."""
        entry = next(
            (e for e in self.consolidation.outline if e.form == "PL01" and e.item_id == item.id),
            None,
        )
        if entry is None or not entry.answers:
            self.note(parent, "(Chưa có đơn vị nào báo cáo nội dung này.)")
            return
        for answer in entry.answers:
            self.c.paragraph(parent, f"{answer.unit_name}:", style=LABEL_STYLE)
            if has_content(answer, answer.indicators):
                write_answer_parts(self.c, parent, item, answer, answer.indicators)
            else:
                self.note(parent, "(Không có nội dung.)")

    # -- the appendices --------------------------------------------------------------------

    def pl03_appendix(self, parent: Element) -> None:
        """Phụ lục 03 consolidated: each task, then every unit's row or "Chưa báo cáo"."""
        c = self.c
        catalogue = get_catalogue()
        names = {e.unit_code: e.unit_name for e in self.consolidation.units}
        headers = (*PL03_HEADERS[:3], "Đơn vị báo cáo", *PL03_HEADERS[3:])
        shares = (5, 22, 12, 12, 22, 14, 13)
        widths = _widths(tuple(zip(headers, shares, strict=True)), LANDSCAPE_TEXT_WIDTH)
        tbl = c.table(parent, widths, caption="Phụ lục 03 tổng hợp")
        head = c.row(tbl, header=True)
        for title, width in zip(headers, widths, strict=True):
            c.text_cell(head, width, title, style="SoketsTableHeading")
        current = None
        for entry in self.consolidation.tasks:
            task = catalogue.get(entry.task_id)
            if task.group != current:
                current = task.group
                group_row(c, tbl, widths, task.group)
            title = task.title
            if entry.for_all_units:
                title += f" ({len(entry.rows)}/{len(entry.expected)} đơn vị đã báo cáo)"
            lines = [(r.unit_name, r.results, r.difficulties, r.proposals) for r in entry.rows]
            lines += [(names.get(code, code), NOT_REPORTED, "", "") for code in entry.not_reported]
            for n, (unit, results, difficulties, proposals) in enumerate(
                lines or [("", NOT_REPORTED, "", "")]
            ):
                first = n == 0
                values = (
                    str(task.number) if first else "",
                    title if first else "",
                    task.lead if first else "",
                    unit,
                    results,
                    difficulties,
                    proposals,
                )
                tr = c.row(tbl)
                for k, (value, width) in enumerate(zip(values, widths, strict=True)):
                    c.text_cell(
                        tr,
                        width,
                        value,
                        align="center" if k == 0 else None,
                        font=ITALIC if k == 4 and value == NOT_REPORTED else PLAIN,
                    )
        c.gap(parent)

    def communes_appendix(self, parent: Element) -> bool:
        """The indicators added up that the body has not shown; whether there were any."""
        rest = [r for r in self.consolidation.indicators if (r.form, r.item_id) not in self.placed]
        for rollup in rest:
            self.rollup_table(parent, rollup, LANDSCAPE_TEXT_WIDTH)
        return bool(rest)

    def register_appendix(self, parent: Element) -> None:
        """The reporting register: every expected unit and where its report stands."""
        rows = [
            (
                str(n),
                e.unit_name,
                KIND_NAMES.get(e.kind, e.kind.value),
                STATUS_LABELS[e.status].vi,
                e.report_number,
                short_date(e.report_date) if e.report_date else "",
                short_date(e.received_date) if e.received_date else "",
            )
            for n, e in enumerate(self.consolidation.units, start=1)
        ]
        self.table(
            parent,
            (
                ("STT", 5),
                ("Đơn vị", 34),
                ("Loại", 14),
                ("Tình trạng", 12),
                ("Số báo cáo", 12),
                ("Ngày báo cáo", 11),
                ("Ngày nhận", 11),
            ),
            rows,
            "Sổ theo dõi báo cáo",
            width=LANDSCAPE_TEXT_WIDTH,
            labelled=False,
            centred=(0, 3, 5, 6),
        )

    # -- the whole -------------------------------------------------------------------------

    def compose(self) -> bytes:
        c, body = self.c, self.c.body
        cons, options = self.consolidation, self.options
        values = Heading(
            report_number=None,
            place=options.issuer.place,
            report_date=None,
            recipients=options.recipients,
            signer_authority=options.signer_authority,
            signer_title=options.signer_title,
            signer_name=options.signer_name,
        )
        header_table(c, body, DOCUMENT_TAG, options.issuer.lines, values)
        title_block(c, body, options.issuer.name)
        self.note(
            body,
            f"(Dự thảo do sokets lập ngày {short_date(date.today())} từ bản tổng hợp báo cáo của "
            f"{cons.header.scope.name}, tính đến ngày {short_date(cons.header.as_of)}: dưới mỗi "
            "mục là số liệu tổng hợp và nội dung báo cáo của các đơn vị, để biên tập.)",
        )
        self.figures(body, "")
        for item in pl01_outline().walk():
            c.paragraph(body, heading_text(item), style=HEADING_STYLES[number_kind(item)])
            self.figures(body, item.id)
            if item.is_answerable:
                self.answers(body, item)
        c.paragraph(body, closing(options.issuer.name), keep_next=True)
        signature_block(c, body, values)
        landscape_section(c, body, self.document)
        pl03_title = "Tình hình thực hiện các nhiệm vụ cụ thể (tổng hợp Phụ lục 03)"
        appendix_heading(c, body, "01", pl03_title, ATTACHED_TO, new_page=False)
        self.pl03_appendix(body)
        appendix_heading(
            c, body, "02", "Số liệu tổng hợp từ báo cáo của các đơn vị", ATTACHED_TO, new_page=True
        )
        if not self.communes_appendix(body):
            self.note(body, "(Không có số liệu khác.)")
        appendix_heading(c, body, "03", "Sổ theo dõi báo cáo", ATTACHED_TO, new_page=True)
        self.register_appendix(body)
        self.place_pictures()
        props = self.document.core_properties
        props.title = "Báo cáo sơ kết 01 năm thực hiện Kế hoạch số 586/KH-UBND (dự thảo)"
        props.author = options.issuer.name
        return finish(self.document, c)
