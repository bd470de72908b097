"""A unit's blank outline as a DOCX: what a clerk fills in Word (or LibreOffice) and sends back.

Only the items that apply to the unit are there, numbered as in the plan, each with the plan's
guidance and an answer area (a locked content control tagged with the item id) holding a grey
hint to type over; items that ask for figures get an empty figures table, items with indicators
an indicators table listing them. A Phụ lục 01 outline ends with the appendix tables: Phụ lục 02
with empty numbered rows, Phụ lục 03 with the unit's tasks filled in. A commune gets the Phụ lục
04 outline. The header carries the unit code, form and version (custom properties and the
header's content control), and its number, date and signer are fields to fill in. Under the
plan's note, the outline tells the clerk, in words a clerk uses, how to fill it in and where to
send the file: a commune to its district's People's Committee, every other unit to "UBND tỉnh
(qua Sở Thông tin và Truyền thông)" by the plan's deadline (plan II.2.a).
"""

from __future__ import annotations

from sokets._text import short_date
from sokets.catalogue import get_catalogue
from sokets.docx.compose import Pl03Line, Skeleton, compose
from sokets.docx.composer import Composer, Element
from sokets.docx.layout import Heading, default_place, former_texts, issuer_name, item_tag
from sokets.docx.markers import FIGURE_COLUMNS, INDICATOR_COLUMNS, KIND_OUTLINE
from sokets.docx.package import finish, new_document, set_properties
from sokets.docx.report import FIGURE_WIDTHS, INDICATOR_WIDTHS
from sokets.forms import FORMS
from sokets.outline import OutlineItem, outline_for
from sokets.plan import PLAN
from sokets.units import Unit, UnitKind, get_registry

#: Hint shown in every answer area.
ANSWER_HINT = "Nhập nội dung báo cáo của mục này (gõ đè lên dòng gợi ý)."
#: Guidance printed above an indicators table.
INDICATOR_HINT = (
    "Ghi các chỉ số vào bảng: với tỷ lệ, ghi số đạt ở cột “Kết quả”, tổng số ở cột “Tổng số” và "
    "tỷ lệ phần trăm; với số lượng, ghi số ở cột “Kết quả”; với câu hỏi có/không, ghi “Có” hoặc "
    "“Không” ở cột “Kết quả”."
)
FIGURE_ROWS = 3
PL02_ROWS = 5


class DocxOutlineRenderer:
    """Renders a unit's blank outline as DOCX (registered as ``"docx"``)."""

    suffix = ".docx"

    def render(self, unit: Unit) -> bytes:
        """The outline of ``unit`` as DOCX bytes."""
        return render_outline(unit)


def destination(unit: Unit) -> str:
    """Where the unit sends its report: its district's People's Committee for a commune;
    ``UBND tỉnh (qua Sở Thông tin và Truyền thông)`` for the others (plan II.2.a), and UBND tỉnh
    itself for Sở Thông tin và Truyền thông, which gathers the others'."""
    if unit.kind is UnitKind.COMMUNE and unit.parent is not None:
        return issuer_name(get_registry().get(unit.parent))
    if unit.code == PLAN.report_channel:
        return PLAN.report_recipient
    channel = get_registry().get(PLAN.report_channel)
    return f"{PLAN.report_recipient} (qua {issuer_name(channel)})"


def instructions(unit: Unit) -> tuple[str, ...]:
    """How to fill the outline in and send it, printed under the plan's note."""
    deadline = (
        "" if unit.kind is UnitKind.COMMUNE else f" trước ngày {short_date(PLAN.report_deadline)}"
    )
    return (
        "Hướng dẫn: ghi nội dung báo cáo vào vùng nhập dưới mỗi mục (chữ màu xám là gợi ý, gõ "
        "đè lên); thêm đoạn, bảng tùy ý trong vùng nhập; không xóa các vùng nhập. Số liệu ghi vào "
        "bảng số liệu (thêm dòng nếu cần). Có thể bắt đầu một đoạn bằng “Trường hợp điển hình:”, "
        "“Tồn tại, vướng mắc, nguyên nhân:” hoặc “Kiến nghị, đề xuất:”. Nội dung ghi ngoài các "
        "vùng nhập sẽ không được tổng hợp.",
        f"Ghi số, ký hiệu báo cáo theo dạng {unit.report_number_example}, ngày báo cáo, thẩm "
        f"quyền, chức vụ và họ tên người ký; lưu tệp dạng Word (.docx) rồi gửi tệp về "
        f"{destination(unit)}{deadline}.",
    )


#: The instructions of outlines made by earlier versions of sokets.
FORMER_INSTRUCTIONS = (
    "Hướng dẫn: ghi nội dung báo cáo vào vùng nhập dưới mỗi mục (chữ màu xám là gợi ý, gõ đè lên); "
    "thêm đoạn, bảng tùy ý trong vùng nhập; không xóa các vùng nhập. Số liệu ghi vào bảng số liệu "
    "(thêm dòng nếu cần). Có thể bắt đầu một đoạn bằng “Trường hợp điển hình:”, “Tồn tại, vướng "
    "mắc, nguyên nhân:” hoặc “Kiến nghị, đề xuất:”. Nội dung ngoài các vùng nhập không được đọc "
    "vào báo cáo (sokets import báo lại vị trí)."
)


def former_outline_texts(unit: Unit) -> frozenset[str]:
    """What outlines of ``unit`` made by earlier versions of sokets printed and these do not."""
    return former_texts(unit) | {FORMER_INSTRUCTIONS}


def default_heading(unit: Unit) -> Heading:
    """The header and signature of a blank outline: fields to fill, sensible defaults."""
    committee = unit.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE)
    if unit.kind is UnitKind.COMMUNE:
        recipients: tuple[str, ...] = (f"{destination(unit)} (b/c);", "Lưu: VP.")
    elif unit.code == PLAN.report_channel:
        recipients = (f"{destination(unit)} (b/c);", "Lưu: VT.")
    else:
        recipients = (f"{destination(unit)};", "Lưu: VT.")
    return Heading(
        report_number=None,
        place=default_place(unit),
        report_date=None,
        recipients=recipients,
        signer_authority=("TM. ỦY BAN NHÂN DÂN",) if committee else None,
        signer_title="CHỦ TỊCH" if committee else None,
        signer_name=None,
    )


def write_blank_area(c: Composer, parent: Element, item: OutlineItem) -> None:
    """The answer area of ``item``: a hint, and empty figures and indicators tables."""
    if item.indicators:
        c.paragraph(parent, INDICATOR_HINT, style="SoketsGuidance")
    area = c.block_control(parent, item_tag(item.id), f"Mục {item.id}")
    c.placeholder(area, ANSWER_HINT)
    if item.asks_for_figures:
        c.data_table(
            area,
            tuple(zip(FIGURE_COLUMNS, FIGURE_WIDTHS, strict=True)),
            [("", "", "", "")] * FIGURE_ROWS,
            caption="Số liệu",
            centred_columns=(1, 3),
        )
        c.gap(area)
    if item.indicators:
        c.data_table(
            area,
            tuple(zip(INDICATOR_COLUMNS, INDICATOR_WIDTHS, strict=True)),
            [(ind.label, "", "", "") for ind in item.indicators],
            caption="Chỉ số",
            centred_columns=(1, 2, 3),
        )
        c.gap(area)


def outline_skeleton(unit: Unit) -> Skeleton:
    """What the blank outline of ``unit`` consists of (raises ``ValueError`` for a subunit)."""
    outline = outline_for(unit)
    spec = FORMS[outline.form]
    is_pl01 = outline.form == "PL01"
    return Skeleton(
        unit=unit,
        outline=outline,
        form=spec.id,
        version=spec.version,
        kind=KIND_OUTLINE,
        values=default_heading(unit),
        include=lambda item: item.applies_to(unit),
        write_leaf=write_blank_area,
        guidance=True,
        attached_to=f"Kèm theo Báo cáo của {issuer_name(unit)}",
        instructions=instructions(unit),
        pl02_rows=tuple((str(n), "", "", "", "", "") for n in range(1, PL02_ROWS + 1)),
        pl03_lines=tuple(Pl03Line(task) for task in get_catalogue().tasks_for(unit))
        if is_pl01
        else (),
        appendices=is_pl01,
    )


def render_outline(unit: Unit) -> bytes:
    """The blank outline of ``unit`` as DOCX bytes (``ValueError`` for a subunit)."""
    skeleton = outline_skeleton(unit)
    document = new_document()
    composer = compose(skeleton, document)
    set_properties(
        document,
        unit=unit,
        form=skeleton.form,
        version=skeleton.version,
        kind=KIND_OUTLINE,
        title=f"Đề cương báo cáo {FORMS[skeleton.form].appendix} — {issuer_name(unit)}",
        day=None,
    )
    return finish(document, composer)
