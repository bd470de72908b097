"""A filled report (Phụ lục 01 or 04) as a DOCX in the format of Nghị định 30/2020/NĐ-CP.

Under each outline leaf the unit's answer is written in a fixed order: the results (one paragraph
per line), the figures (a sentence for one, a small table for several), the indicators (a table:
value, total, percent), then "Trường hợp điển hình:", "Tồn tại, vướng mắc, nguyên nhân:" and
"Kiến nghị, đề xuất:". A label that would open the area stands alone (and a single figure there
goes in a table), so that its bold survives LibreOffice. Each answer sits in the item's content
control, so a rendered report can also be read back with :func:`sokets.docx.reader.read_docx`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from sokets._text import short_date
from sokets.catalogue import get_catalogue
from sokets.docx.compose import Pl03Line, Skeleton, compose
from sokets.docx.composer import BOLD_ITALIC, Composer, Element, mm
from sokets.docx.formats import format_number, lines_of_text
from sokets.docx.layout import TEXT_WIDTH, Heading, default_place, issuer_name, item_tag
from sokets.docx.markers import (
    FIGURE_COLUMNS,
    INDICATOR_COLUMNS,
    KIND_REPORT,
    NO,
    PART_LABELS,
    YES,
)
from sokets.docx.package import finish, new_document, set_properties
from sokets.errors import SoketsError
from sokets.forms import FORMS
from sokets.models.common import Answer, AnswerParts, Figure, Ratio
from sokets.models.reports import Pl01Report, Pl04Report
from sokets.outline import IndicatorKind, OutlineItem, outline_for
from sokets.units import get_registry

#: The paragraph style of a label standing alone (bold italic, kept with what follows).
LABEL_STYLE = "SoketsLabel"
FIGURE_WIDTHS = (mm(82), mm(28), mm(25), TEXT_WIDTH - mm(82 + 28 + 25))
INDICATOR_WIDTHS = (mm(95), mm(22), mm(22), TEXT_WIDTH - mm(95 + 22 + 22))


class DocxReportRenderer:
    """Renders PL01 and PL04 reports as DOCX (registered as ``"docx"``)."""

    suffix = ".docx"

    def render(self, report: BaseModel) -> bytes:
        """The report as DOCX bytes."""
        return render_report(report)


def render_report(report: BaseModel) -> bytes:
    """Render a :class:`Pl01Report` (with its appendix tables) or a :class:`Pl04Report`.

    Raises :class:`~sokets.errors.SoketsError` for a standalone PL02/PL03 table, which travels
    inside a PL01 report.
    """
    if not isinstance(report, Pl01Report | Pl04Report):
        raise SoketsError(
            "chỉ kết xuất được báo cáo PL01 hoặc PL04 ra DOCX (bảng PL02, PL03 đi kèm báo cáo PL01) "
            "/ only PL01 and PL04 reports render as DOCX"
        )
    header = report.header
    unit = get_registry().get(header.unit_code)
    outline = outline_for(unit)
    answers = report.answers
    spec = FORMS[header.form]
    values = Heading(
        report_number=header.report_number,
        place=header.place or default_place(unit),
        report_date=header.report_date,
        recipients=tuple(header.recipients),
        signer_authority=tuple(header.signer.authority),
        signer_title=header.signer.title,
        signer_name=header.signer.name,
    )

    def include(item: OutlineItem) -> bool:
        return item.applies_to(unit) or any(
            answers.get(leaf.id) is not None for leaf in item.walk() if leaf.is_answerable
        )

    def write_leaf(c: Composer, parent: Element, item: OutlineItem) -> None:
        write_answer(c, parent, item, answers.get(item.id))

    catalogue = get_catalogue()
    is_pl01 = isinstance(report, Pl01Report)
    pl02 = report.appendix_pl02 if isinstance(report, Pl01Report) else []
    pl03 = report.appendix_pl03 if isinstance(report, Pl01Report) else []
    skeleton = Skeleton(
        unit=unit,
        outline=outline,
        form=header.form,
        version=header.version,
        kind=KIND_REPORT,
        values=values,
        include=include,
        write_leaf=write_leaf,
        guidance=False,
        attached_to=(
            f"Kèm theo Báo cáo số {header.report_number} ngày {short_date(header.report_date)} "
            f"của {issuer_name(unit)}"
        ),
        pl02_rows=tuple(
            (str(r.no), r.task, r.results, r.difficulties, r.proposals, r.notes) for r in pl02
        ),
        pl03_lines=tuple(
            Pl03Line(catalogue.get(r.task_id), r.results, r.difficulties, r.proposals) for r in pl03
        ),
        appendices=is_pl01,
    )
    document = new_document()
    composer = compose(skeleton, document)
    set_properties(
        document,
        unit=unit,
        form=header.form,
        version=header.version,
        kind=KIND_REPORT,
        title=f"Báo cáo {spec.appendix} — {issuer_name(unit)}",
        day=header.report_date,
    )
    return finish(document, composer)


def figure_sentence(figure: Figure) -> str:
    """One figure as a sentence: ``Name: 1.234 unit (tính đến ngày 31/7/2023)``."""
    text = f"{figure.name}: {format_number(figure.value)}"
    if figure.unit:
        text += f" {figure.unit}"
    if figure.as_of:
        text += f" (tính đến ngày {short_date(figure.as_of)})"
    return text


def figure_row(figure: Figure) -> tuple[str, str, str, str]:
    """One figure as a table row."""
    as_of = short_date(figure.as_of) if figure.as_of else ""
    return figure.name, format_number(figure.value), figure.unit, as_of


def percent_text(ratio: Ratio) -> str:
    """The stated percent, else the computed one (two decimals), else empty."""
    if ratio.percent is not None:
        return format_number(ratio.percent)
    computed = ratio.computed_percent
    return "" if computed is None else format_number(round(computed, 2))


def indicator_rows(
    item: OutlineItem, values: Mapping[str, object]
) -> list[tuple[str, str, str, str]]:
    """The rows of an indicators table (indicators left out are not shown)."""
    rows: list[tuple[str, str, str, str]] = []
    for indicator in item.indicators:
        value: Any = values.get(indicator.id)
        if value is None:
            continue
        if indicator.kind is IndicatorKind.RATIO:
            counted = value.numerator is not None and value.denominator is not None
            rows.append(
                (
                    indicator.label,
                    format_number(value.numerator) if counted else "",
                    format_number(value.denominator) if counted else "",
                    percent_text(value),
                )
            )
        elif indicator.kind is IndicatorKind.YES_NO:
            rows.append((indicator.label, YES if value else NO, "", ""))
        else:
            rows.append((indicator.label, format_number(value), "", ""))
    return rows


def is_empty(area: Element) -> bool:
    """Whether nothing was written in ``area`` yet (without counting: lxml's ``len`` walks every
    child, which adds up in a long body)."""
    return next(iter(area), None) is None


def _label(c: Composer, area: Element, part: str) -> None:
    """A part's label standing alone ("Trường hợp điển hình:"), bold italic by its style."""
    c.paragraph(area, f"{PART_LABELS[part]}:", style=LABEL_STYLE)


def _labelled(c: Composer, area: Element, part: str, text: str) -> None:
    """``Label: first line`` then the other lines; the label alone first in an area.

    LibreOffice drops the run formatting of the first paragraph of a content control, so a
    label that opens an area stands in a paragraph of its own, bold italic by its style.
    """
    lines = [line for line in lines_of_text(text) if line.strip()]
    if not lines:
        return
    if is_empty(area):
        _label(c, area, part)
    else:
        p = c.paragraph(area)
        c.run(p, f"{PART_LABELS[part]}:", BOLD_ITALIC)
        c.run(p, f" {lines.pop(0)}")
    for line in lines:
        c.paragraph(area, line)


def write_answer(c: Composer, parent: Element, item: OutlineItem, answer: Answer | None) -> None:
    """Write ``answer`` in ``item``'s answer area (an empty area when there is none)."""
    area = c.block_control(parent, item_tag(item.id), f"Mục {item.id}")
    indicators = answer.indicator_values() if answer is not None else {}
    if answer is None or (answer.is_empty() and not indicator_rows(item, indicators)):
        c.paragraph(area)
        return
    write_answer_parts(c, area, item, answer, indicators)


def write_answer_parts(
    c: Composer,
    area: Element,
    item: OutlineItem,
    answer: AnswerParts,
    indicators: Mapping[str, object],
) -> None:
    """The parts of an answer, in order, into ``area`` (an answer area, or any container)."""
    for line in lines_of_text(answer.results):
        if line.strip():
            c.paragraph(area, line)
    if len(answer.figures) == 1 and not is_empty(area):
        p = c.paragraph(area)
        c.run(p, f"{PART_LABELS['figures']}:", BOLD_ITALIC)
        c.run(p, f" {figure_sentence(answer.figures[0])}")
    elif answer.figures:
        _label(c, area, "figures")
        c.data_table(
            area,
            tuple(zip(FIGURE_COLUMNS, FIGURE_WIDTHS, strict=True)),
            (figure_row(f) for f in answer.figures),
            caption="Số liệu",
            centred_columns=(1, 3),
        )
        c.gap(area)
    rows = indicator_rows(item, indicators)
    if rows:
        c.data_table(
            area,
            tuple(zip(INDICATOR_COLUMNS, INDICATOR_WIDTHS, strict=True)),
            rows,
            caption="Chỉ số",
            centred_columns=(1, 2, 3),
        )
        c.gap(area)
    if answer.typical_cases:
        _label(c, area, "typical_cases")
        for case in answer.typical_cases:
            lines = [line for line in lines_of_text(case) if line.strip()] or [""]
            c.paragraph(area, f"- {lines[0]}")
            for line in lines[1:]:
                c.paragraph(area, line)
    _labelled(c, area, "difficulties", answer.difficulties)
    _labelled(c, area, "proposals", answer.proposals)
