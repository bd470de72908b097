"""The layout every sokets document shares: Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body, justified, first line indented
1.27 cm, 6 pt between paragraphs, line spacing 1.15; page numbers centred at the top from page 2.
The first page opens with a borderless two-column header table (issuing body and number on the
left, national title, motto and place-date on the right), then "BÁO CÁO" and the subject line; the
closing is a borderless two-column table ("Nơi nhận:" on the left, the signer on the right).
Appendix tables go to a landscape section.

This module holds the page geometry, how the issuing unit is named, and the blocks built with a
:class:`~sokets.docx.composer.Composer`: header, title, closing and signature, appendix headings.
The styles are in :mod:`sokets.docx.styles`, the package (template, sections, properties) in
:mod:`sokets.docx.package`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sokets._text import short_date
from sokets.docx.composer import (
    CELL_MARGIN,
    ITALIC,
    Composer,
    Element,
    Font,
    mm,
)
from sokets.docx.formats import date_words
from sokets.docx.markers import DOCUMENT_TAG, FIELD_TAG, ITEM_TAG, TABLE_TAG
from sokets.plan import PLAN, PLAN_586
from sokets.units import Unit, UnitKind

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
#: Landscape pages turn the bound (left) edge of the portrait pages to the top.
LANDSCAPE_MARGINS_MM = {"top": 30, "bottom": 20, "left": 20, "right": 20}
TEXT_WIDTH = mm(PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"])
LANDSCAPE_TEXT_WIDTH = mm(
    PAGE_HEIGHT_MM - LANDSCAPE_MARGINS_MM["left"] - LANDSCAPE_MARGINS_MM["right"]
)
HEADER_COLUMNS = (mm(62), TEXT_WIDTH - mm(62))
SIGNATURE_COLUMNS = (mm(80), TEXT_WIDTH - mm(80))


# -- naming the issuing unit -------------------------------------------------------------------

PROVINCE = "Nghệ An"
PROVINCIAL_COMMITTEE = "UBND TỈNH NGHỆ AN"

#: The body directly above a provincial agency that is not under UBND tỉnh.
_AGENCY_PARENTS = {
    "CA-TINH": "BỘ CÔNG AN",
    "DIEN-LUC": "TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC",
    "BAO-NA": "TỈNH ỦY NGHỆ AN",
}
#: Official names a document gives its issuer (header and body alike) where the registry keeps
#: the plan's short name: the plan writes "Điện lực Nghệ An" and "Đài Phát thanh và Truyền hình
#: tỉnh"; the bodies that sign are Công ty Điện lực Nghệ An and Đài Phát thanh và Truyền hình
#: Nghệ An.
_OFFICIAL_NAMES = {
    "DIEN-LUC": "Công ty Điện lực Nghệ An",
    "DAI-PTTH": "Đài Phát thanh và Truyền hình Nghệ An",
}


def _bare_name(unit: Unit) -> str:
    """A district's or commune's name without its kind: ``Thành phố Vinh`` → ``Vinh``."""
    if unit.subtype and unit.name.casefold().startswith(unit.subtype.casefold()):
        bare = unit.name[len(unit.subtype) :].strip()
        if bare and not bare[0].isdigit():
            return bare
    return unit.name


def issuer_lines(unit: Unit) -> tuple[str | None, tuple[str, ...]]:
    """The header's parent body (not bold) and issuing unit lines (bold), in capitals.

    A department names UBND tỉnh above itself; a People's Committee (district, commune) has no
    parent body under Nghị định 30 and writes its own name on two lines.
    """
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return None, ("ỦY BAN NHÂN DÂN", unit.name.upper())
    return _AGENCY_PARENTS.get(unit.code, PROVINCIAL_COMMITTEE), (issuer_name(unit).upper(),)


def issuer_name(unit: Unit) -> str:
    """How the body text names the unit: ``Sở Y tế``, ``UBND thành phố Vinh``, ``UBND xã Hưng Đông``,
    ``Công ty Điện lực Nghệ An`` (the header writes the same name in capitals)."""
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return f"UBND {unit.subtype} {_bare_name(unit)}" if unit.subtype else f"UBND {unit.name}"
    return _OFFICIAL_NAMES.get(unit.code, unit.name)


def default_place(unit: Unit) -> str:
    """Nghị định 30's place name: the province, or the district's or commune's own name."""
    if unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        return _bare_name(unit)
    return PROVINCE


def _text_width(text: str, size_pt: float, *, bold: bool) -> int:
    """Rough printed width of ``text`` in twips (Times New Roman capitals and small letters)."""
    em = 0.0
    for char in text:
        if char == " ":
            em += 0.25
        elif char.isupper():
            em += 0.72 if bold else 0.68
        else:
            em += 0.5
    return round(em * size_pt * 20)


# -- header, title and closing -----------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """The values of the header and signature; ``None`` leaves a placeholder to fill in."""

    report_number: str | None
    place: str
    report_date: date | None
    recipients: tuple[str, ...]
    signer_authority: tuple[str, ...] | None
    signer_title: str | None
    signer_name: str | None


#: Kế hoạch 586/KH-UBND as the documents cite it.
PLAN_586_CITED = (
    f"Kế hoạch số {PLAN_586.number} ngày {short_date(PLAN_586.date)} của UBND tỉnh "
    f"{PLAN_586.title.removeprefix('Kế hoạch ')}"
)
SUBJECT = f"Kết quả sơ kết 01 năm triển khai thực hiện {PLAN_586_CITED}"
NUMBER_PLACEHOLDER = "…/BC-…"
DATE_PLACEHOLDER = "ngày … tháng … năm 2023"
AUTHORITY_PLACEHOLDER = "(Thẩm quyền ký nếu có: TM., KT., Q., TL.)"
#: The authority hint of outlines made by earlier versions of sokets.
FORMER_AUTHORITY_PLACEHOLDER = "(Quyền hạn ký nếu có: TM., KT., Q., TL.)"
TITLE_PLACEHOLDER = "(Chức vụ người ký)"
NAME_PLACEHOLDER = "(Họ và tên)"
SIGNATURE_SPACE = 4


def lead_in(unit: Unit | str) -> str:
    """The opening sentence of the report of ``unit`` (or of an issuer named in the body so)."""
    name = unit if isinstance(unit, str) else issuer_name(unit)
    return (
        f"Thực hiện Kế hoạch số {PLAN.number} ngày {short_date(PLAN.date)} của UBND tỉnh về tổ "
        f"chức Hội nghị sơ kết 01 năm triển khai thực hiện {PLAN_586_CITED}, {name} "
        "báo cáo kết quả như sau:"
    )


def closing(unit: Unit | str) -> str:
    """The sentence that ends the report's body: the unit first, so that plan 586 is not read
    as the unit's own (“… Kế hoạch số 586/KH-UBND của Sở Y tế”)."""
    name = unit if isinstance(unit, str) else issuer_name(unit)
    return (
        f"Trên đây là báo cáo của {name} về kết quả sơ kết 01 năm triển khai thực hiện "
        f"{PLAN_586_CITED}./."
    )


def former_texts(unit: Unit) -> frozenset[str]:
    """Texts that outlines made by earlier versions of sokets printed where the current ones
    print other words: still recognised as the outline's own when such an outline is read."""
    names = {issuer_name(unit)}
    if unit.kind not in (UnitKind.DISTRICT, UnitKind.COMMUNE):
        names.add(unit.name)  # before the official names of Điện lực and Đài PT-TH
    texts = {FORMER_AUTHORITY_PLACEHOLDER}
    for name in names:
        texts.add(
            "Trên đây là báo cáo kết quả sơ kết 01 năm triển khai thực hiện Kế hoạch số "
            f"586/KH-UBND của {name}./."
        )
        texts.add(lead_in(unit).replace(issuer_name(unit), name))
    return frozenset(texts)


def document_tag(unit: Unit, form: str, version: str, kind: str) -> str:
    """The tag of a unit's document: ``sokets:document:<form>:<version>:<unit>:<kind>``."""
    return f"{DOCUMENT_TAG}{form}:{version}:{unit.code}:{kind}"


def header_table(
    c: Composer,
    parent: Element,
    tag: str,
    issuer: tuple[str | None, tuple[str, ...]],
    values: Heading,
) -> Element:
    """The first page's header: issuing body (``issuer``: the parent body, if any, and the
    issuer's own lines, see :func:`issuer_lines`), number, national title, motto, place and date.

    Wrapped in a content control tagged ``tag`` (see :func:`document_tag`).
    """
    content = c.block_control(parent, tag, "sokets", lock=True)
    left, right = HEADER_COLUMNS
    tbl = c.table(content, HEADER_COLUMNS, borders=False, caption="Thể thức văn bản")
    top = c.row(tbl)
    cell = c.cell(top, left)
    parent_body, unit_lines = issuer
    if parent_body:
        c.paragraph(cell, parent_body, style="SoketsHeader")
    for line in unit_lines:
        c.paragraph(cell, line, style="SoketsHeaderBold")
    inner = left - 2 * CELL_MARGIN
    longest = min(inner, max(_text_width(line, 13, bold=True) for line in unit_lines))
    c.rule(cell, max(mm(15), round(longest * 0.4)), inner)
    cell = c.cell(top, right)
    c.paragraph(cell, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style="SoketsHeaderBold")
    motto = "Độc lập - Tự do - Hạnh phúc"
    c.paragraph(cell, motto, style="SoketsMotto")
    c.rule(cell, _text_width(motto, 14, bold=True), right - 2 * CELL_MARGIN)
    bottom = c.row(tbl)
    cell = c.cell(bottom, left)
    p = c.paragraph(cell, "Số: ", style="SoketsHeader", space_before=120)
    number = values.report_number
    c.inline_control(
        p,
        FIELD_TAG + "report_number",
        "Số, ký hiệu",
        number or NUMBER_PLACEHOLDER,
        placeholder=number is None,
    )
    cell = c.cell(bottom, right)
    p = c.paragraph(cell, style="SoketsPlaceDate", space_before=120)
    c.inline_control(p, FIELD_TAG + "place", "Địa danh", values.place)
    c.run(p, ", ")
    day = values.report_date
    c.inline_control(
        p,
        FIELD_TAG + "report_date",
        "Ngày báo cáo",
        date_words(day) if day else DATE_PLACEHOLDER,
        placeholder=day is None,
        day=day,
    )
    return tbl


def title_block(c: Composer, parent: Element, issuer: Unit | str) -> None:
    """ "BÁO CÁO", the subject line with a rule under it, and the opening sentence."""
    c.paragraph(parent, "BÁO CÁO", style="SoketsTitle")
    c.paragraph(parent, SUBJECT, style="SoketsSubject")
    c.rule(parent, mm(50), TEXT_WIDTH, space_after=240)
    c.paragraph(parent, lead_in(issuer))


def signature_block(c: Composer, parent: Element, values: Heading) -> Element:
    """The closing table: "Nơi nhận:" and its list on the left; the signer on the right."""
    left, right = SIGNATURE_COLUMNS
    tbl = c.table(parent, SIGNATURE_COLUMNS, borders=False, caption="Nơi nhận, chữ ký")
    tr = c.row(tbl)
    cell = c.cell(tr, left)
    c.paragraph(
        cell,
        "Nơi nhận:",
        style="SoketsRecipients",
        font=Font(bold=True, italic=True, size=12),
        space_before=120,
    )
    box = c.block_control(cell, FIELD_TAG + "recipients", "Nơi nhận")
    for recipient in values.recipients or ("",):
        c.paragraph(box, f"- {recipient}" if recipient else "", style="SoketsRecipients")
    cell = c.cell(tr, right)
    box = c.block_control(cell, FIELD_TAG + "signer_authority", "Thẩm quyền ký")
    if values.signer_authority is None:
        c.placeholder(box, AUTHORITY_PLACEHOLDER, style="SoketsSignerCaps", caps=False)
    else:
        for line in values.signer_authority or ("",):
            c.paragraph(box, line, style="SoketsSignerCaps", space_before=120)
    box = c.block_control(cell, FIELD_TAG + "signer_title", "Chức vụ")
    if values.signer_title is None:
        c.placeholder(box, TITLE_PLACEHOLDER, style="SoketsSignerCaps", caps=False)
    else:
        c.paragraph(box, values.signer_title, style="SoketsSignerCaps")
    for _ in range(SIGNATURE_SPACE):
        c.paragraph(cell, style="SoketsSigner")
    box = c.block_control(cell, FIELD_TAG + "signer_name", "Họ và tên")
    if values.signer_name is None:
        c.placeholder(box, NAME_PLACEHOLDER, style="SoketsSigner")
    else:
        c.paragraph(box, values.signer_name, style="SoketsSigner")
    return tbl


def appendix_heading(
    c: Composer, parent: Element, number: str, title: str, attached_to: str, *, new_page: bool
) -> None:
    """ "Phụ lục 02", its title in capitals, and what it is attached to, with a rule under."""
    c.paragraph(parent, f"Phụ lục {number}", style="SoketsSubject", page_break_before=new_page)
    c.paragraph(parent, title.upper(), style="SoketsSubject")
    c.paragraph(parent, f"({attached_to})", style="SoketsCentered", font=ITALIC)
    c.rule(parent, mm(50), LANDSCAPE_TEXT_WIDTH, space_after=240)


def item_tag(item_id: str) -> str:
    """The content-control tag of an item's answer area."""
    return ITEM_TAG + item_id


def table_tag(form: str) -> str:
    """The content-control tag of an appendix table."""
    return TABLE_TAG + form
