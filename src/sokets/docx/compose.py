"""The walk shared by a filled report and a blank outline: header, items in order, closing.

Both documents have the same skeleton, so the reader can read either: the header table, "BÁO CÁO"
and the subject, the opening sentence, every heading and bullet of the outline that applies
(numbered as the plan numbers them), an answer area under each leaf, the closing sentence and the
signature table, then — for Phụ lục 01 — the appendix tables on landscape pages. What differs (the
answer areas' content, the plan's guidance, the appendix rows) comes from callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sokets.catalogue import GROUPS, Task
from sokets.docx.composer import Composer, Element, Font, mm
from sokets.docx.layout import (
    LANDSCAPE_TEXT_WIDTH,
    Heading,
    appendix_heading,
    closing,
    document_tag,
    header_table,
    issuer_lines,
    signature_block,
    table_tag,
    title_block,
)
from sokets.docx.package import composer_for, landscape_section
from sokets.docx.styles import HEADING_STYLES
from sokets.forms import FORMS
from sokets.models.tables import PL02_COLUMNS, PL03_COLUMNS
from sokets.outline import Outline, OutlineItem
from sokets.units import Unit

LeafWriter = Callable[[Composer, Element, OutlineItem], None]
ItemFilter = Callable[[OutlineItem], bool]


def number_kind(item: OutlineItem) -> str:
    """``part`` (A.), ``section`` (I.), ``article`` (1.), ``point`` (a)) or ``bullet`` (- and +)."""
    number = item.number
    if number in ("-", "+"):
        return "bullet"
    if number.endswith(")"):
        return "point"
    head = number.rstrip(".")
    if head.isdigit():
        return "article"
    if set(head) <= set("IVXLC"):
        return "section"
    return "part"


def heading_text(item: OutlineItem) -> str:
    """The heading as printed: ``2. Phát triển hạ tầng số``, ``- Tình hình triển khai …``."""
    return f"{item.number} {item.title}"


def continues_heading(item: OutlineItem) -> bool:
    """Whether the plan's guidance of ``item`` continues its heading after a colon, as the plan
    prints it (“2. Công tác chỉ đạo tổ chức triển khai: các văn bản chỉ đạo, …”): it starts in
    lower case."""
    return bool(item.guidance) and item.guidance[0].islower()


def guided_heading(item: OutlineItem) -> str:
    """The heading as a blank outline prints it: with its guidance when that continues it."""
    if continues_heading(item):
        return f"{heading_text(item)}: {item.guidance}"
    return heading_text(item)


#: The guidance continuing a heading: not bold, as the guidance paragraphs.
GUIDANCE_RUN = Font(bold=False, italic=True, color="595959")


def pl02_widths() -> tuple[int, ...]:
    """Column widths of the Phụ lục 02 table, in twips."""
    return _widths((12, 55, 75, 42, 42))


def pl03_widths() -> tuple[int, ...]:
    """Column widths of the Phụ lục 03 table, in twips."""
    return _widths((12, 62, 35, 68, 40))


def _widths(first_mm: Sequence[float]) -> tuple[int, ...]:
    widths = [mm(v) for v in first_mm]
    return (*widths, LANDSCAPE_TEXT_WIDTH - sum(widths))


PL02_HEADERS = tuple(title for _, title in PL02_COLUMNS)
PL03_HEADERS = tuple(title for _, title in PL03_COLUMNS)
GROUP_TITLES = {g.id: g.title for g in GROUPS}


@dataclass(frozen=True)
class Pl03Line:
    """One task row of the Phụ lục 03 table: the task and the unit's three answers."""

    task: Task
    results: str = ""
    difficulties: str = ""
    proposals: str = ""


def group_row(c: Composer, tbl: Element, widths: Sequence[int], group: str) -> None:
    """A Phụ lục 03 group row: "I", then "Chính quyền số" across the other columns."""
    tr = c.row(tbl)
    c.text_cell(tr, widths[0], group, style="SoketsTableHeading")
    c.text_cell(
        tr,
        sum(widths[1:]),
        GROUP_TITLES[group],
        style="SoketsTableHeading",
        align="left",
        span=len(widths) - 1,
    )


def pl03_table(c: Composer, parent: Element, lines: Sequence[Pl03Line]) -> Element:
    """The Phụ lục 03 table: a group row ("I", "Chính quyền số") before each group's tasks."""
    widths = pl03_widths()
    content = c.block_control(parent, table_tag("PL03"), "Phụ lục 03")
    tbl = c.table(content, widths, caption="Phụ lục 03")
    head = c.row(tbl, header=True)
    for title, width in zip(PL03_HEADERS, widths, strict=True):
        c.text_cell(head, width, title, style="SoketsTableHeading")
    current = None
    for line in lines:
        task = line.task
        if task.group != current:
            current = task.group
            group_row(c, tbl, widths, task.group)
        tr = c.row(tbl)
        values = (
            str(task.number),
            task.title,
            task.lead,
            line.results,
            line.difficulties,
            line.proposals,
        )
        for n, (value, width) in enumerate(zip(values, widths, strict=True)):
            c.text_cell(tr, width, value, align="center" if n == 0 else None)
    c.gap(content)
    return tbl


def pl02_table(c: Composer, parent: Element, rows: Sequence[Sequence[str]]) -> Element:
    """The Phụ lục 02 table with ``rows`` (six texts each).

    The last header, "Ghi chú (Đề nghị …)", is printed as in the plan: its note in italics.
    """
    widths = pl02_widths()
    content = c.block_control(parent, table_tag("PL02"), "Phụ lục 02")
    tbl = c.table(content, widths, caption="Phụ lục 02")
    head = c.row(tbl, header=True)
    for title, width in zip(PL02_HEADERS, widths, strict=True):
        label, _, note = title.partition(" (")
        cell = c.text_cell(head, width, label, style="SoketsTableHeading")
        if note:
            c.run(cell[-1], f" ({note}", Font(bold=False, italic=True))
    for values in rows:
        tr = c.row(tbl)
        for n, (value, width) in enumerate(zip(values, widths, strict=True)):
            c.text_cell(tr, width, value, align="center" if n == 0 else None)
    c.gap(content)
    return tbl


@dataclass(frozen=True)
class Skeleton:
    """What a document of one unit consists of, whatever fills its answer areas."""

    unit: Unit
    outline: Outline
    form: str
    version: str
    kind: str
    values: Heading
    include: ItemFilter
    write_leaf: LeafWriter
    guidance: bool
    attached_to: str
    instructions: Sequence[str] = ()
    pl02_rows: Sequence[Sequence[str]] = ()
    pl03_lines: Sequence[Pl03Line] = ()
    appendices: bool = False


def compose(skeleton: Skeleton, document: object | None = None) -> Composer:
    """Compose the body of ``skeleton``'s document.

    With a python-docx ``document``, the landscape appendix section is set up in it (the body
    stays in the composer until :func:`~sokets.docx.package.finish`); without one (the reader
    collecting the outline's fixed texts) the section break is left out.
    """
    c = composer_for(document) if document is not None else Composer()
    body = c.body
    s = skeleton
    tag = document_tag(s.unit, s.form, s.version, s.kind)
    header_table(c, body, tag, issuer_lines(s.unit), s.values)
    title_block(c, body, s.unit)
    if s.guidance:
        guidance_intro(c, body, s.outline, s.instructions)
    for item in s.outline.walk():
        if not s.include(item):
            continue
        style = HEADING_STYLES[number_kind(item)]
        p = c.paragraph(body, heading_text(item), style=style)
        if s.guidance and item.guidance:
            if continues_heading(item):
                c.run(p, f": {item.guidance}", GUIDANCE_RUN)
            else:
                c.paragraph(body, item.guidance, style="SoketsGuidance")
        if item.is_answerable:
            s.write_leaf(c, body, item)
    c.paragraph(body, closing(s.unit), keep_next=True)  # never apart from the signature
    signature_block(c, body, s.values)
    if s.appendices:
        if document is not None:
            landscape_section(c, body, document)
        appendix_heading(c, body, "02", FORMS["PL02"].title, s.attached_to, new_page=False)
        pl02_table(c, body, s.pl02_rows)
        appendix_heading(c, body, "03", FORMS["PL03"].title, s.attached_to, new_page=True)
        pl03_table(c, body, s.pl03_lines)
    return c


def guidance_intro(c: Composer, parent: Element, outline: Outline, lines: Sequence[str]) -> None:
    """The note of the plan ("Lưu ý…") and how to fill the outline in and send it."""
    c.paragraph(parent, outline.note, style="SoketsGuidance")
    for line in lines:
        c.paragraph(parent, line, style="SoketsGuidance")
