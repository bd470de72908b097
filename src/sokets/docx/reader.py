"""Reading a filled outline (or a rendered report) back into a report.

The reader walks the document body in order. What is inside an item's answer area (a content
control tagged ``sokets:item:<id>``) becomes that item's answer:

* paragraphs → the results text, one line per paragraph (formatting is not kept); a paragraph that
  starts with a part label (``Trường hợp điển hình:``, ``Tồn tại, vướng mắc, nguyên nhân:``,
  ``Kiến nghị, đề xuất:``) starts that part, and ``Số liệu: <name>: <value> <unit> (tính đến ngày
  d/m/yyyy)`` is one figure;
* a table whose first row is "Tên số liệu | Giá trị | Đơn vị tính | Tính đến ngày" → figures;
  one whose first row starts with "Chỉ số" → indicators; any other table → one text line per row,
  cells joined by `` | ``.

Header fields (number, place, date, recipients, signer) are read from their content controls and
the appendix tables from theirs (or, if a marker was lost, recognised by their column headers).
Text the outline itself printed (headings, guidance, hints) is recognised and skipped.

Nothing is dropped silently. Text outside every answer area is an error finding; when an item's
own area is gone (its marker deleted, or the file saved by a program that drops content controls)
what stands under the item's heading is placed into it by position, with a warning; header fields
that lost their markers are read from where they stand, with a warning. Figures, indicators and
rows that cannot be read, copied areas and unknown markers are findings too. Every finding has a
``D…`` code and a location: ``paragraph 12`` (the 12th paragraph outside tables, counting from the
top) or ``table 2 row 3``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from sokets._archive import check_office_zip
from sokets.catalogue import GROUPS, TaskCatalogue, get_catalogue
from sokets.docx.compose import PL02_HEADERS, PL03_HEADERS, compose, heading_text
from sokets.docx.composer import Element, w
from sokets.docx.formats import parse_date, parse_int, parse_number, squash
from sokets.docx.layout import (
    AUTHORITY_PLACEHOLDER,
    DATE_PLACEHOLDER,
    NAME_PLACEHOLDER,
    NUMBER_PLACEHOLDER,
    TITLE_PLACEHOLDER,
)
from sokets.docx.markers import (
    DOCUMENT_TAG,
    FIELD_TAG,
    FIELDS,
    FIGURE_COLUMNS,
    INDICATOR_COLUMNS,
    ITEM_TAG,
    NO,
    PART_LABEL_VARIANTS,
    PLACEHOLDER_TAG,
    PROPERTY_FORM,
    PROPERTY_KIND,
    PROPERTY_UNIT,
    PROPERTY_VERSION,
    TABLE_TAG,
    TAG_PREFIX,
    YES,
)
from sokets.docx.outline import ANSWER_HINT, INDICATOR_HINT, outline_skeleton
from sokets.docx.package import read_custom_properties
from sokets.errors import InputError, InvalidReportError, Problem
from sokets.findings import Finding, FindingType, Severity, finding_type
from sokets.forms import FORMS, load_report
from sokets.inputs import MAX_INPUT_BYTES, ImportResult
from sokets.outline import IndicatorKind, Outline, OutlineItem, outline_for
from sokets.units import Unit, get_registry

# -- finding types -------------------------------------------------------------------------------

TEXT_OUTSIDE = finding_type(
    "D001",
    Severity.ERROR,
    "Nội dung ngoài vùng nhập",
    "nội dung nằm ngoài mọi vùng nhập của đề cương nên chưa được đưa vào báo cáo (sau “{after}”): "
    "“{text}”; hãy chuyển vào vùng nhập của mục tương ứng",
    "content outside every answer area was not imported (after “{after}”): “{text}”; move it "
    "into the answer area of its item",
    "Text or a table row outside every answer area that the outline did not print itself "
    "(headings, guidance): typed after an area, under a heading that has no area of its own, or "
    "in the header or signature table outside their fields.",
)
AREA_MISSING = finding_type(
    "D002",
    Severity.WARNING,
    "Mất vùng nhập của mục",
    "không tìm thấy vùng nhập của mục {item} ({title}) và không có nội dung dưới đề mục; vùng nhập "
    "(content control) có thể đã bị xóa — câu trả lời của mục này để trống",
    "the answer area of item {item} ({title}) is missing and nothing stands under its heading; "
    "its content control may have been deleted — the item's answer is left empty",
    "An item that applies to the unit has no answer area in the document, and no content under "
    "its heading either.",
)
AREA_DUPLICATE = finding_type(
    "D003",
    Severity.ERROR,
    "Vùng nhập lặp lại",
    "vùng nhập {what} xuất hiện lần nữa; nội dung lần này không được đưa vào báo cáo: “{text}”",
    "{what} appears a second time; this copy's content was not imported: “{text}”",
    "An answer area or header field copied in the document; only the first one is read.",
)
UNKNOWN_MARKER = finding_type(
    "D004",
    Severity.ERROR,
    "Dấu đánh dấu không rõ",
    "vùng nhập có nhãn “{tag}” không thuộc đề cương {form}; nội dung của nó được xử lý như nội "
    "dung ngoài vùng nhập",
    "an area tagged “{tag}” is not part of the {form} outline; its content is treated as content "
    "outside every area",
    "A sokets content control whose tag names no item or field of this outline.",
)
FIGURE_UNREADABLE = finding_type(
    "D005",
    Severity.ERROR,
    "Số liệu không đọc được",
    "dòng số liệu không đọc được ({reason}): “{text}”",
    "figure row not understood ({reason}): “{text}”",
    "A row of a figures table without a name, with a value that is not a number, or a date that "
    "is not a date.",
)
INDICATOR_UNREADABLE = finding_type(
    "D006",
    Severity.ERROR,
    "Chỉ số không đọc được",
    "dòng chỉ số không đọc được ({reason}): “{text}”",
    "indicator row not understood ({reason}): “{text}”",
    "A row of an indicators table with an unknown label, a value that is not a whole number, a "
    "rate without both its counts, or a yes/no answer that is neither “Có” nor “Không”.",
)
ROW_UNREADABLE = finding_type(
    "D007",
    Severity.ERROR,
    "Dòng phụ lục không đọc được",
    "dòng {form} không đọc được ({reason}): “{text}”",
    "{form} row not understood ({reason}): “{text}”",
    "A Phụ lục 03 row naming no task of the catalogue, or a Phụ lục 02 row without a number.",
)
DATE_DISAGREES = finding_type(
    "D008",
    Severity.WARNING,
    "Ngày báo cáo không khớp",
    "ngày ghi trong văn bản ({text}) khác ngày của ô chọn ngày ({picked}); dùng ngày ghi trong văn "
    "bản",
    "the date written ({text}) differs from the date picker's ({picked}); the written date is used",
    "The date field's text and its date picker value disagree.",
)
NOT_TEXT = finding_type(
    "D009",
    Severity.WARNING,
    "Nội dung không phải chữ",
    "hình ảnh hoặc đối tượng nhúng trong vùng nhập của mục {item} không được đưa vào báo cáo",
    "an image or embedded object in the answer area of item {item} was not imported",
    "Pictures, charts and embedded objects cannot be stored in a report; describe them in text.",
)
TASK_BY_TITLE = finding_type(
    "D010",
    Severity.WARNING,
    "Số thứ tự nhiệm vụ không khớp",
    "dòng Phụ lục 03 có số “{number}” nhưng tên là nhiệm vụ {task}; dùng nhiệm vụ theo tên",
    "Phụ lục 03 row numbered “{number}” carries the title of task {task}; the title is used",
    "A Phụ lục 03 row whose number does not match its (unchanged) task title.",
)
APPENDIX_MISSING = finding_type(
    "D011",
    Severity.WARNING,
    "Không thấy bảng phụ lục",
    "không tìm thấy bảng {form} trong văn bản",
    "the {form} table was not found in the document",
    "A Phụ lục 01 outline without its Phụ lục 02 or 03 table (deleted, or its header changed).",
)

PLACED_BY_POSITION = finding_type(
    "D012",
    Severity.WARNING,
    "Đặt nội dung theo vị trí",
    "vùng nhập của mục {item} đã mất (có thể do xóa hoặc do phần mềm soạn thảo bỏ đi); nội dung "
    "dưới đề mục được đưa vào mục {item} theo vị trí — hãy kiểm tra lại",
    "the answer area of item {item} is gone (deleted, or dropped by the editor); the content under "
    "its heading was placed into item {item} by position — please check",
    "Content found between an item's heading and the next heading when the item's own answer "
    "area is missing (a deleted content control, or a file saved by a program that drops them).",
)
FIELD_BY_POSITION = finding_type(
    "D013",
    Severity.WARNING,
    "Đọc trường đầu văn bản theo vị trí",
    "ô {field} đã mất dấu đánh dấu; đọc theo vị trí: “{text}” — hãy kiểm tra lại",
    "the {field} field lost its marker and was read by position: “{text}” — please check",
    "A header or signature field read from where it stands because its content control is gone.",
)

FIELD_EMPTY = finding_type(
    "D014",
    Severity.ERROR,
    "Chưa điền ô bắt buộc",
    "chưa điền {what_vi}: hãy điền vào ô này rồi lưu lại",
    "{what_en} is not filled in: fill in the field and save",
    "A field every report needs — number, date, the signer's title and name — still shows its "
    "hint or is empty (a blank outline has every one of them). The report cannot be read until "
    "they are filled in.",
)

_FIELD_NAMES = {
    "signer_authority": "quyền hạn ký",
    "signer_title": "chức vụ người ký",
    "signer_name": "họ tên người ký",
}

# -- limits --------------------------------------------------------------------------------------

#: Largest DOCX file accepted, in bytes.
MAX_FILE_BYTES = MAX_INPUT_BYTES
#: Most parts a DOCX may have (a filled outline has about 15).
MAX_MEMBERS = 200
#: Largest uncompressed size of one part, in bytes.
MAX_MEMBER_BYTES = 8 * 1024 * 1024
#: Largest total uncompressed size of a DOCX accepted (a filled outline is well under 1 MB).
MAX_TOTAL_BYTES = 24 * 1024 * 1024
_SNIPPET = 200

_W_P, _W_TBL, _W_SDT, _W_TR, _W_TC = w("p"), w("tbl"), w("sdt"), w("tr"), w("tc")
_W_BODY = w("body")
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")
_W_T, _W_TAB, _W_BR, _W_CR = w("t"), w("tab"), w("br"), w("cr")
_W_SDT_PR, _W_SDT_CONTENT = w("sdtPr"), w("sdtContent")
_W_TAG, _W_VAL = w("tag"), w("val")
_TRANSPARENT = frozenset(
    {
        w("customXml"),
        w("smartTag"),
        w("ins"),
        w("moveTo"),
        w("hyperlink"),
        w("fldSimple"),
        w("r"),
        w("dir"),
        w("bdo"),
    }
)
_SKIPPED = frozenset(
    {
        w("pPr"),
        w("rPr"),
        w("del"),
        w("moveFrom"),
        w("sdtPr"),
        w("sdtEndPr"),
        w("tcPr"),
        w("trPr"),
        w("tblPr"),
        w("tblGrid"),
    }
)
_OBJECTS = frozenset({w("drawing"), w("pict"), w("object")})
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TXBX = w("txbxContent")
_PLACEHOLDERS = frozenset(
    squash(t)
    for t in (
        NUMBER_PLACEHOLDER,
        DATE_PLACEHOLDER,
        AUTHORITY_PLACEHOLDER,
        TITLE_PLACEHOLDER,
        NAME_PLACEHOLDER,
    )
)
_HINTS = _PLACEHOLDERS | {squash(ANSWER_HINT)}
_HINTS_OR_EMPTY = _HINTS | {""}
_ATTACHED = re.compile(r"^\(Kèm theo Báo cáo\b.*\)$")


def _snippet(text: str) -> str:
    text = squash(text)
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _fold(text: str) -> str:
    return squash(text).casefold()


# -- opening the file ----------------------------------------------------------------------------


def _open(data: bytes, source: str) -> Any:
    """The python-docx document of ``data``, after the archive checks of
    :func:`sokets._archive.check_office_zip`; :class:`InputError` if it cannot be read or its main
    part is not a Word document with a body."""
    import docx
    from lxml import etree  # type: ignore[import-untyped]

    check_office_zip(
        data,
        source,
        kind="DOCX",
        max_file=MAX_FILE_BYTES,
        max_members=MAX_MEMBERS,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_TOTAL_BYTES,
    )
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.LxmlError as exc:
        raise InputError(
            f"XML trong tệp DOCX bị hỏng / malformed XML in DOCX: {exc}", source=source
        ) from None
    except MemoryError:
        raise
    except Exception as exc:  # python-docx raises many kinds of errors on a damaged package
        raise InputError(
            "không đọc được tệp DOCX (không phải văn bản Word .docx?) / cannot read DOCX (not a "
            f"Word document?): {_reason(exc)}",
            source=source,
        ) from None
    element = getattr(document, "element", None)
    if element is None or element.tag != w("document") or element.find(_W_BODY) is None:
        raise InputError(
            "phần chính của tệp không phải văn bản Word có thân (w:document/w:body) / the main "
            "part is not a Word document with a body",
            source=source,
            location="word/document.xml",
        )
    return document


def _reason(exc: Exception) -> str:
    """A one-line reason for ``exc``, without object reprs (``<_io.BytesIO object at 0x…>``)."""
    text = _OBJECT_REPR.sub("", str(exc)).strip(" :'\"")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@dataclass(frozen=True)
class Identity:
    """What a sokets document says it is."""

    form: str
    version: str
    unit: Unit
    kind: str


def identify(document: Any, source: str) -> Identity:
    """The form, version, unit and kind a sokets document carries (:class:`InputError` if none).

    Custom properties first; the tag of the header's content control when they were lost.
    """
    props = read_custom_properties(document)
    keys = (PROPERTY_FORM, PROPERTY_VERSION, PROPERTY_UNIT, PROPERTY_KIND)
    values = [props.get(k) or "" for k in keys]
    if not all(values):
        for sdt in document.element.body.iter(_W_SDT):
            tag = _tag(sdt)
            if tag.startswith(DOCUMENT_TAG):
                values = [*tag[len(DOCUMENT_TAG) :].split(":"), "", "", "", ""][:4]
                break
    form, version, code, kind = values
    if not (form and version and code):
        raise InputError(
            "không phải đề cương hay báo cáo do sokets tạo (thiếu mã biểu mẫu, phiên bản, đơn vị) "
            "/ not a sokets outline or report: form, version and unit are missing",
            source=source,
        )
    spec = FORMS.get(form)
    if spec is None or spec.outline is None:
        raise InputError(
            f"biểu mẫu {form!r} không đọc được từ DOCX / unsupported form", source=source
        )
    if version != spec.version:
        raise InputError(
            f"đề cương phiên bản {version!r} của {form} không được hỗ trợ (hỗ trợ: {spec.version}); "
            f"hãy tải đề cương mới / unsupported version",
            source=source,
        )
    unit = get_registry().get(code) if code in get_registry() else None
    if unit is None or unit.form != form:
        raise InputError(
            f"mã đơn vị {code!r} không hợp lệ cho {form} / unknown unit for this form",
            source=source,
        )
    return Identity(form, version, unit, kind)


def _tag(sdt: Element) -> str:
    pr = sdt.find(_W_SDT_PR)
    if pr is None:
        return ""
    tag = pr.find(_W_TAG)
    return "" if tag is None else tag.get(_W_VAL, "")


def _is_placeholder(sdt: Element) -> bool:
    """Whether ``sdt`` is a hint control or says it shows its placeholder (``w:showingPlcHdr``).

    Neither makes its text a hint: Word keeps a hint's control when text is typed over it (and
    only drops the flag), other editors may keep the flag too. What is read is decided by the
    text (:func:`_shows_hint`).
    """
    pr = sdt.find(_W_SDT_PR)
    return pr is not None and (
        pr.find(w("showingPlcHdr")) is not None or _tag(sdt) == PLACEHOLDER_TAG
    )


def _shows_hint(sdt: Element) -> bool:
    """A placeholder control still holding one of the outline's hints (or nothing)."""
    return _is_placeholder(sdt) and _sdt_text(sdt) in _HINTS_OR_EMPTY


# -- text ----------------------------------------------------------------------------------------


@dataclass
class _Text:
    """Text of a paragraph, the sokets inline fields found in it, and whether it had objects."""

    parts: list[str] = field(default_factory=list)
    fields: list[Element] = field(default_factory=list)
    objects: bool = False

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _collect(node: Element, out: _Text, *, fields: bool) -> None:
    for child in node:
        tag = child.tag
        if tag == _W_T:
            out.parts.append(child.text or "")
        elif tag == _W_TAB:
            out.parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            out.parts.append("\n")
        elif tag in _SKIPPED or tag == _MC_FALLBACK or not isinstance(tag, str):
            continue
        elif tag == _W_SDT:
            if fields and _tag(child).startswith(TAG_PREFIX):
                out.fields.append(child)
            elif not (_is_placeholder(child) and _sdt_text(child) in _PLACEHOLDERS):
                _collect(child, out, fields=fields)
        elif tag in _OBJECTS:
            out.objects = True
            for box in child.iter(_TXBX):
                for p in box.iter(_W_P):
                    _collect(p, out, fields=False)
                    out.parts.append("\n")
        else:
            _collect(child, out, fields=fields)


def _sdt_text(sdt: Element) -> str:
    content = sdt.find(_W_SDT_CONTENT)
    out = _Text()
    if content is not None:
        _collect(content, out, fields=False)
    return squash(out.text)


def paragraph_text(p: Element) -> str:
    """The text of a paragraph: tabs as ``\\t``, line breaks as ``\\n``, deleted text left out."""
    out = _Text()
    _collect(p, out, fields=False)
    return out.text


def _paragraphs(container: Element) -> Iterator[Element]:
    """Paragraphs of a container in order, skipping placeholders showing their hint."""
    for child in container:
        tag = child.tag
        if tag == _W_P:
            yield child
        elif tag == _W_SDT:
            if _shows_hint(child):
                continue
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _paragraphs(content)
        elif tag in _TRANSPARENT or tag == _W_TBL:
            if tag == _W_TBL:
                for tr in _rows(child):
                    for tc in _cells(tr):
                        yield from _paragraphs(tc)
            else:
                yield from _paragraphs(child)


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """Children of ``parent`` with ``tag``, looking through content controls and wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _W_SDT or child.tag in _TRANSPARENT:
            inner = child.find(_W_SDT_CONTENT) if child.tag == _W_SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _rows(tbl: Element) -> Iterator[Element]:
    return _children(tbl, _W_TR)


def _cells(tr: Element) -> Iterator[Element]:
    return _children(tr, _W_TC)


def cell_text(tc: Element) -> str:
    """A cell's paragraphs joined by line breaks, ends stripped."""
    lines = [paragraph_text(p).strip() for p in _paragraphs(tc)]
    return "\n".join(line for line in lines if line)


def _row_texts(tr: Element) -> list[str]:
    return [cell_text(tc) for tc in _cells(tr)]


# -- answers -------------------------------------------------------------------------------------

_LABELS = [
    (re.compile(rf"^\s*(?:{'|'.join(re.escape(v) for v in variants)})\s*:\s*", re.IGNORECASE), part)
    for part, variants in PART_LABEL_VARIANTS.items()
]
_FIGURE_SENTENCE = re.compile(
    r"^(?P<name>.+):\s+(?P<value>[-+−]?\d(?:[\d.,]*\d)?(?:[eE][-+]?\d+)?)"
    r"(?:\s+(?P<unit>[^()]*?))?"
    r"(?:\s*\(tính đến ngày\s+(?P<as_of>[^)]*)\))?\s*[.;]?$"
)
_BULLET = re.compile(r"^\s*[-+•–]\s?")


def _label(text: str) -> tuple[str, str] | None:
    for pattern, part in _LABELS:
        match = pattern.match(text)
        if match:
            return part, text[match.end() :]
    return None


def _figure_from_sentence(text: str) -> dict[str, Any] | None:
    match = _FIGURE_SENTENCE.match(squash(text))
    if not match:
        return None
    value = parse_number(match["value"])
    if value is None:
        return None
    figure: dict[str, Any] = {"name": match["name"].strip(), "value": value}
    if match["unit"]:
        figure["unit"] = match["unit"].strip()
    if match["as_of"]:
        day = parse_date(match["as_of"])
        if day is None:
            return None
        figure["as_of"] = day.isoformat()
    return figure


@dataclass
class _Answer:
    """What was read in one answer area."""

    item: OutlineItem
    results: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    typical_cases: list[str] = field(default_factory=list)
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    indicators: dict[str, Any] = field(default_factory=dict)
    part: str = "results"

    def add_text(self, text: str) -> None:
        text = text.strip()
        if not text or squash(text) in _HINTS:
            return
        labelled = _label(text)
        if labelled is not None:
            part, rest = labelled
            if part == "figures":
                figure = _figure_from_sentence(rest) if rest.strip() else None
                if figure is not None:
                    self.figures.append(figure)
                elif rest.strip():
                    self._append(text)
                return
            self.part = part
            text = rest.strip()
            if not text:
                return
        self._append(text)

    def _append(self, text: str) -> None:
        if self.part == "typical_cases":
            self.typical_cases.append(_BULLET.sub("", text, count=1).strip())
        else:
            target: list[str] = getattr(self, self.part)
            target.append(text)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.results:
            out["results"] = "\n".join(self.results)
        if self.figures:
            out["figures"] = self.figures
        if self.typical_cases:
            out["typical_cases"] = [c for c in self.typical_cases if c]
        if self.difficulties:
            out["difficulties"] = "\n".join(self.difficulties)
        if self.proposals:
            out["proposals"] = "\n".join(self.proposals)
        if self.indicators:
            out["indicators"] = self.indicators
        return out


def _headers_match(row: list[str], expected: tuple[str, ...], at_least: int) -> bool:
    if len(row) < at_least:
        return False
    return all(_fold(a) == _fold(b) for a, b in zip(row[:at_least], expected, strict=False))


# -- the walk ------------------------------------------------------------------------------------


_KEEP = "keep"
_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_RECIPIENTS = "Nơi nhận:"


@dataclass
class _Loose:
    """Content outside every answer area, settled once the whole body has been read."""

    location: str
    leaf: OutlineItem | None
    after: str
    text: str = ""
    table: Element | None = None


class _Reading:
    """One pass over a document body.

    With ``fixed`` = None the pass only collects the texts printed outside answer areas (to learn
    an outline's fixed text); otherwise it reads answers, fields and appendix tables, and keeps
    what lies outside every area as loose content: under the heading of an item whose area is
    missing it is placed into that item by position, anywhere else it is reported.
    """

    def __init__(self, unit: Unit, outline: Outline, fixed: frozenset[str] | None) -> None:
        self.unit = unit
        self.outline = outline
        self.leaves = {leaf.id: leaf for leaf in outline.leaves()}
        self.fixed = fixed
        self.collected: set[str] = set()
        self.findings: list[Finding] = []
        self.answers: dict[str, _Answer] = {}
        self.areas: set[str] = set()
        self.fields: dict[str, list[str] | tuple[str, str | None]] = {}
        self.field_places: dict[str, str] = {}
        self.pl02: list[dict[str, Any]] | None = None
        self.pl03: list[dict[str, Any]] | None = None
        self.area: _Answer | None = None
        self.after = "đầu văn bản"
        self.context: OutlineItem | None = None
        self.loose: list[_Loose] = []
        self.special: dict[str, Element] = {}
        self.special_kind: str | None = None
        self.special_texts: list[tuple[str, str, str]] = []
        self.heading_places: dict[str, str] = {}
        self.paragraph_no: dict[Element, int] = {}
        self.table_no: dict[Element, int] = {}
        self.roles: dict[str, OutlineItem | str | None] = {}
        for item in outline.walk():
            self.roles[squash(heading_text(item))] = item if item.is_answerable else None
            if item.guidance:
                self.roles[squash(item.guidance)] = _KEEP
        for hint in (*_HINTS, squash(INDICATOR_HINT)):
            self.roles[hint] = _KEEP

    # numbering
    def number(self, body: Element) -> None:
        n_p = n_t = 0
        for element in body.iter(_W_P, _W_TBL):
            if element.tag == _W_TBL:
                if not any(a.tag == _W_TBL for a in element.iterancestors()):
                    n_t += 1
                    self.table_no[element] = n_t
            elif not any(a.tag == _W_TBL for a in element.iterancestors()):
                n_p += 1
                self.paragraph_no[element] = n_p

    def find(self, kind: FindingType, location: str, **params: Any) -> None:
        self.findings.append(kind.at(location, **params))

    # blocks
    def walk(self, container: Element, place: str | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == _W_P:
                self.paragraph(child, place)
            elif tag == _W_TBL:
                self.table(child, place)
            elif tag == _W_SDT:
                self.sdt(child, place)
            elif tag in _TRANSPARENT:
                self.walk(child, place)

    def where(self, p: Element, place: str | None) -> str:
        return place or f"paragraph {self.paragraph_no.get(p, 0)}"

    def paragraph(self, p: Element, place: str | None) -> None:
        location = self.where(p, place)
        if self.area is not None:
            collected = _Text()
            _collect(p, collected, fields=False)
            if collected.objects:
                self.find(NOT_TEXT, location, item=self.area.item.id)
            for line in collected.text.split("\n"):
                self.area.add_text(line)
            return
        collected = _Text()
        _collect(p, collected, fields=True)
        for sdt in collected.fields:
            self.inline_field(sdt, location)
        text = squash(collected.text)
        if not text:
            return
        if self.fixed is None:
            self.collected.add(text)
            return
        if text in self.fixed or _ATTACHED.match(text):
            if self.special_kind is None:
                self.after = text[:60] + ("…" if len(text) > 60 else "")
                self.heading_places.setdefault(text, location)
                role = self.roles.get(text)
                if role != _KEEP:
                    self.context = role if isinstance(role, OutlineItem) else None
            return
        if self.special_kind is not None:
            self.special_texts.append((self.special_kind, location, text))
            return
        self.loose.append(_Loose(location, self.context, self.after, text=collected.text))

    def sdt(self, sdt: Element, place: str | None) -> None:
        tag = _tag(sdt)
        content = sdt.find(_W_SDT_CONTENT)
        if content is None:
            return
        if tag.startswith(ITEM_TAG):
            self.item(tag[len(ITEM_TAG) :], content, sdt, place)
        elif tag.startswith(FIELD_TAG):
            self.block_field(tag[len(FIELD_TAG) :], content, sdt, place)
        elif tag.startswith(TABLE_TAG):
            form = tag[len(TABLE_TAG) :]
            for child in content:
                if child.tag == _W_TBL and form in ("PL02", "PL03"):
                    self.appendix(child, form)
                else:
                    self.walk_one(child, place)
        elif tag == PLACEHOLDER_TAG or _is_placeholder(sdt):
            for child in content:
                if child.tag == _W_P and squash(paragraph_text(child)) in _HINTS:
                    continue
                self.walk_one(child, place)
        elif tag.startswith(DOCUMENT_TAG) or not tag.startswith(TAG_PREFIX):
            self.walk(content, place)
        else:
            self.unknown(tag, content, sdt, place)

    def walk_one(self, child: Element, place: str | None) -> None:
        holder = [child]
        self.walk(holder, place)

    def location_of(self, sdt: Element, place: str | None) -> str:
        if place:
            return place
        for p in sdt.iter(_W_P):
            if p in self.paragraph_no:
                return f"paragraph {self.paragraph_no[p]}"
        for tbl in sdt.iter(_W_TBL):
            if tbl in self.table_no:
                return f"table {self.table_no[tbl]}"
        return "document"

    def unknown(self, tag: str, content: Element, sdt: Element, place: str | None) -> None:
        self.find(UNKNOWN_MARKER, self.location_of(sdt, place), tag=tag, form=self.outline.form)
        outer, self.area = self.area, None
        self.walk(content, place)
        self.area = outer

    def item(self, item_id: str, content: Element, sdt: Element, place: str | None) -> None:
        leaf = self.leaves.get(item_id)
        if leaf is None:
            self.unknown(ITEM_TAG + item_id, content, sdt, place)
            return
        if item_id in self.answers:
            copy = _Answer(leaf)
            outer, self.area = self.area, copy
            self.walk(content, place)
            self.area = outer
            text = " ".join(
                [*copy.results, *copy.typical_cases, *copy.difficulties, *copy.proposals]
            )
            self.find(
                AREA_DUPLICATE,
                self.location_of(sdt, place),
                what=f"mục {item_id}",
                text=_snippet(text),
            )
            return
        answer = self.answers[item_id] = _Answer(leaf)
        self.areas.add(item_id)
        outer, self.area = self.area, answer
        self.walk(content, place)
        self.area = outer
        self.after = f"mục {item_id}"
        self.context = leaf

    # fields
    def store_field(
        self,
        name: str,
        value: list[str],
        sdt: Element,
        place: str | None,
        picked: str | None = None,
    ) -> None:
        if name not in FIELDS:
            self.find(
                UNKNOWN_MARKER,
                self.location_of(sdt, place),
                tag=FIELD_TAG + name,
                form=self.outline.form,
            )
            return
        self.field_places.setdefault(name, self.location_of(sdt, place))
        if name in self.fields:
            self.find(
                AREA_DUPLICATE,
                self.location_of(sdt, place),
                what=name,
                text=_snippet(" ".join(value)),
            )
            return
        self.fields[name] = value if picked is None else (" ".join(value), picked)

    def inline_field(self, sdt: Element, location: str) -> None:
        name = _tag(sdt)[len(FIELD_TAG) :] if _tag(sdt).startswith(FIELD_TAG) else _tag(sdt)
        text = "" if _is_placeholder(sdt) and _sdt_text(sdt) in _PLACEHOLDERS else _sdt_text(sdt)
        picked = None
        pr = sdt.find(_W_SDT_PR)
        picker = pr.find(w("date")) if pr is not None else None
        if picker is not None:
            picked = (picker.get(w("fullDate")) or "")[:10]
        if self.area is None and self.fixed is not None:
            self.store_field(name, [text] if text else [], sdt, location, picked)

    def block_field(self, name: str, content: Element, sdt: Element, place: str | None) -> None:
        if self.area is not None:
            self.walk(content, place)
            return
        lines = []
        for p in _paragraphs(content):
            text = squash(paragraph_text(p))
            if text and text not in _PLACEHOLDERS:
                lines.append(text)
        if self.fixed is not None:
            self.store_field(name, lines, sdt, place)

    # tables
    def table(self, tbl: Element, place: str | None) -> None:
        number = self.table_no.get(tbl)
        rows = list(_rows(tbl))
        if self.area is not None:
            self.area_table(rows, place or f"table {number}")
            return
        texts = [_row_texts(tr) for tr in rows]
        first = texts[0] if texts else []
        if self.fixed is not None and self.special_kind is None:
            if _headers_match(first, PL03_HEADERS, 3):
                self.appendix(tbl, "PL03")
                return
            if _headers_match(first, PL02_HEADERS, 3):
                self.appendix(tbl, "PL02")
                return
            cells = [squash(cell) for row in texts for cell in row]
            if any(_NATION in cell for cell in cells):
                self.special_table("header", tbl, rows, number)
                return
            if any(cell.startswith(_RECIPIENTS) for cell in cells):
                self.special_table("signature", tbl, rows, number)
                return
            self.loose.append(_Loose(f"table {number}", self.context, self.after, table=tbl))
            return
        for r, tr in enumerate(rows, start=1):
            for tc in _cells(tr):
                self.walk(tc, place or f"table {number} row {r}")

    def special_table(
        self, kind: str, tbl: Element, rows: list[Element], number: int | None
    ) -> None:
        """The header or the signature table: fields by marker, the rest fixed or kept aside."""
        self.special.setdefault(kind, tbl)
        outer, self.special_kind = self.special_kind, kind
        for r, tr in enumerate(rows, start=1):
            for tc in _cells(tr):
                self.walk(tc, f"table {number} row {r}")
        self.special_kind = outer

    def area_table(self, rows: list[Element], location: str) -> None:
        """A table in an answer area: figures, indicators or text rows, by its header rows.

        A header row may also stand inside a table (two tables joined by an editor): the rows
        after it are read the way it says.
        """
        assert self.area is not None
        mode = "text"
        for r, tr in enumerate(rows, start=1):
            row = _row_texts(tr)
            if _headers_match(row, FIGURE_COLUMNS, 2):
                mode = "figures"
            elif row and _fold(row[0]) == _fold(INDICATOR_COLUMNS[0]):
                mode = "indicators"
            elif mode == "figures":
                self.figure_row(row, f"{location} row {r}")
            elif mode == "indicators":
                self.indicator_row(row, f"{location} row {r}")
            elif any(cell.strip() for cell in row):
                self.area._append(" | ".join(cell.replace("\n", " ") for cell in row))

    def figure_row(self, row: list[str], location: str) -> None:
        assert self.area is not None
        cells = [*row, "", "", "", ""][:4]
        if not any(c.strip() for c in row):
            return
        text = " | ".join(row)
        name, value_text, unit, as_of = (squash(c) for c in cells)
        value = parse_number(value_text)
        if not name:
            self.find(FIGURE_UNREADABLE, location, reason="thiếu tên số liệu / no name", text=text)
            return
        if value is None:
            self.find(
                FIGURE_UNREADABLE,
                location,
                reason="giá trị không phải số / value is not a number",
                text=text,
            )
            return
        figure: dict[str, Any] = {"name": name, "value": value}
        if unit:
            figure["unit"] = unit
        if as_of:
            day = parse_date(as_of)
            if day is None:
                self.find(
                    FIGURE_UNREADABLE,
                    location,
                    reason="ngày không đúng dạng ngày/tháng/năm / bad date",
                    text=text,
                )
                return
            figure["as_of"] = day.isoformat()
        self.area.figures.append(figure)

    def indicator_row(self, row: list[str], location: str) -> None:
        assert self.area is not None
        label, value, total, percent = (squash(c) for c in [*row, "", "", "", ""][:4])
        if not (value or total or percent):
            return
        text = " | ".join(row)
        wanted = _fold(label)
        indicator = next((i for i in self.area.item.indicators if _fold(i.label) == wanted), None)
        if indicator is None:
            self.find(
                INDICATOR_UNREADABLE,
                location,
                reason="không có chỉ số này ở mục / unknown indicator",
                text=text,
            )
            return
        if indicator.kind is IndicatorKind.RATIO:
            numerator, denominator = parse_int(value), parse_int(total)
            stated = parse_number(percent) if percent else None
            if numerator is None or denominator is None or (percent and stated is None):
                self.find(
                    INDICATOR_UNREADABLE,
                    location,
                    reason="tỷ lệ cần số đạt và tổng số là số nguyên / a rate needs two "
                    "whole numbers",
                    text=text,
                )
                return
            ratio: dict[str, Any] = {"numerator": numerator, "denominator": denominator}
            if stated is not None:
                ratio["percent"] = stated
            self.area.indicators[indicator.id] = ratio
            return
        if total or percent:
            self.find(
                INDICATOR_UNREADABLE,
                location,
                reason="chỉ ghi ở cột “Kết quả” / only the “Kết quả” column is used",
                text=text,
            )
            return
        if indicator.kind is IndicatorKind.YES_NO:
            answer = {
                _fold(YES): True,
                "co": True,
                "x": True,
                _fold(NO): False,
                "khong": False,
            }.get(_fold(value))
            if answer is None:
                self.find(
                    INDICATOR_UNREADABLE,
                    location,
                    reason="ghi “Có” hoặc “Không” / write Có or Không",
                    text=text,
                )
                return
            self.area.indicators[indicator.id] = answer
            return
        count = parse_int(value)
        if count is None:
            self.find(
                INDICATOR_UNREADABLE,
                location,
                reason="số lượng phải là số nguyên / a count is a whole number",
                text=text,
            )
            return
        self.area.indicators[indicator.id] = count

    def appendix(self, tbl: Element, form: str) -> None:
        if self.fixed is None:
            return
        number = self.table_no.get(tbl)
        headers = PL02_HEADERS if form == "PL02" else PL03_HEADERS
        rows: list[dict[str, Any]] = []
        group = ""
        catalogue = get_catalogue()
        group_titles = {_fold(g.title): g.id for g in GROUPS}
        for r, tr in enumerate(_rows(tbl), start=1):
            cells = _row_texts(tr)
            location = f"table {number} row {r}"
            if not any(c.strip() for c in cells) or _headers_match(cells, headers, 2):
                continue
            text = " | ".join(cells)
            if form == "PL02":
                self.pl02_row(cells, location, text, rows)
                continue
            first = squash(cells[0]) if cells else ""
            if (
                len(cells) >= 2
                and first in group_titles.values()
                and (len(cells) == 2 or not any(c.strip() for c in cells[2:]))
            ):
                group = first
                continue
            values = [*cells, "", "", "", "", "", ""][:6]
            task = self.task_of(first, group, values[1], location, catalogue)
            if task is None:
                self.find(
                    ROW_UNREADABLE,
                    location,
                    form="PL03",
                    reason="không xác định được nhiệm vụ / no such task",
                    text=_snippet(text),
                )
                continue
            row: dict[str, Any] = {"task_id": task}
            for key, value in zip(
                ("results", "difficulties", "proposals"), values[3:6], strict=True
            ):
                if value:
                    row[key] = value
            rows.append(row)
        if form == "PL02":
            self.pl02 = (self.pl02 or []) + rows
        else:
            self.pl03 = (self.pl03 or []) + rows

    def task_of(
        self, number: str, group: str, title: str, location: str, catalogue: TaskCatalogue
    ) -> str | None:
        candidate = number if "." in number else f"{group}.{number}" if group else number
        by_title = [t.id for t in catalogue if _fold(t.title) == _fold(title)]
        if candidate in catalogue and (not title or candidate in by_title or not by_title):
            return candidate
        if len(by_title) == 1:
            if candidate in catalogue:
                self.find(TASK_BY_TITLE, location, number=number, task=by_title[0])
            return by_title[0]
        return None

    def pl02_row(
        self, cells: list[str], location: str, text: str, rows: list[dict[str, Any]]
    ) -> None:
        values = [*cells, "", "", "", "", "", ""][:6]
        if not any(v.strip() for v in values[1:]):
            return
        no = parse_int(values[0])
        if no is None:
            self.find(
                ROW_UNREADABLE,
                location,
                form="PL02",
                reason="cột Stt phải là số / Stt must be a number",
                text=_snippet(text),
            )
            return
        row: dict[str, Any] = {"no": no, "task": values[1]}
        for key, value in zip(
            ("results", "difficulties", "proposals", "notes"), values[2:6], strict=True
        ):
            if value:
                row[key] = value
        rows.append(row)

    # after the walk
    def settle(self) -> None:
        """Place or report the loose content; note the areas that are missing."""
        placed: dict[str, str] = {}
        for loose in self.loose:
            leaf = loose.leaf
            if leaf is not None and leaf.id not in self.areas:
                answer = self.answers.setdefault(leaf.id, _Answer(leaf))
                outer, self.area = self.area, answer
                if loose.table is not None:
                    self.area_table(list(_rows(loose.table)), loose.location)
                else:
                    for line in loose.text.split("\n"):
                        answer.add_text(line)
                self.area = outer
                if answer.to_json():
                    placed.setdefault(leaf.id, loose.location)
            elif loose.table is not None:
                for r, tr in enumerate(_rows(loose.table), start=1):
                    cells = _row_texts(tr)
                    if any(cell.strip() for cell in cells):
                        self.find(
                            TEXT_OUTSIDE,
                            f"{loose.location} row {r}",
                            after=loose.after,
                            text=_snippet(" | ".join(cells)),
                        )
            else:
                self.find(
                    TEXT_OUTSIDE, loose.location, after=loose.after, text=_snippet(loose.text)
                )
        for item_id, location in placed.items():
            self.find(PLACED_BY_POSITION, location, item=item_id)
        for leaf in self.outline.leaves_for(self.unit):
            if leaf.id not in self.areas and leaf.id not in placed:
                where = self.heading_places.get(squash(heading_text(leaf)), "document")
                self.find(AREA_MISSING, where, item=leaf.id, title=_snippet(leaf.title)[:80])

    def fallback_fields(self) -> None:
        """Read by position the header and signature fields whose markers were lost."""
        used: set[str] = set()
        header = [(loc, text) for kind, loc, text in self.special_texts if kind == "header"]
        if "report_number" not in self.fields:
            for location, text in header:
                match = re.match(r"^Số\s*:\s*(.*)$", text)
                if match and match[1].strip() and squash(match[1]) not in _PLACEHOLDERS:
                    self.fields["report_number"] = [match[1].strip()]
                    self.find(FIELD_BY_POSITION, location, field="số, ký hiệu", text=text)
                    used.add(text)
                    break
        if "report_date" not in self.fields:
            for location, text in header:
                match = re.match(r"^(?P<place>[^,]*),\s*(?P<day>ngày\b.*)$", text, re.IGNORECASE)
                if match and parse_date(match["day"]):
                    self.fields["report_date"] = (match["day"], None)
                    self.fields.setdefault("place", [match["place"].strip()])
                    self.find(FIELD_BY_POSITION, location, field="địa danh, ngày", text=text)
                    used.add(text)
                    break
        signature = self.special.get("signature")
        wanted = ("recipients", "signer_authority", "signer_title", "signer_name")
        if signature is not None and not all(name in self.fields for name in wanted):
            used |= self.signature_by_position(signature)
        for kind, location, text in self.special_texts:
            if text not in used:
                self.find(TEXT_OUTSIDE, location, after=kind, text=_snippet(text))

    def signature_by_position(self, tbl: Element) -> set[str]:
        rows = list(_rows(tbl))
        cells = list(_cells(rows[0])) if rows else []
        if len(cells) < 2:
            return set()
        location = f"table {self.table_no.get(tbl)} row 1"
        used: set[str] = set()
        left = [squash(paragraph_text(p)) for p in _paragraphs(cells[0])]
        left = [t for t in left if t and t not in _HINTS]
        if "recipients" not in self.fields and _RECIPIENTS in left:
            lines = left[left.index(_RECIPIENTS) + 1 :]
            self.fields["recipients"] = lines
            used |= set(lines)
            if lines:
                self.find(FIELD_BY_POSITION, location, field="nơi nhận", text=" ".join(lines))
        groups: list[list[str]] = [[]]
        for p in _paragraphs(cells[1]):
            text = squash(paragraph_text(p))
            if text and text not in _HINTS:
                groups[-1].append(text)
            elif groups[-1]:
                groups.append([])
        groups = [g for g in groups if g]
        if not groups:
            return used
        found: dict[str, list[str]] = {}
        if len(groups) >= 2:
            found["signer_name"] = [" ".join(groups[-1])]
        found["signer_title"] = groups[0][-1:]
        found["signer_authority"] = groups[0][:-1]
        for name, value in found.items():
            if name not in self.fields:
                self.fields[name] = value
                used |= set(value)
                if value:
                    self.find(
                        FIELD_BY_POSITION, location, field=_FIELD_NAMES[name], text=" ".join(value)
                    )
        return used


# -- fixed text of an outline --------------------------------------------------------------------


@cache
def fixed_texts(unit_code: str) -> frozenset[str]:
    """Every text the outline of a unit prints outside its answer areas (headings, guidance…)."""
    unit = get_registry().get(unit_code)
    skeleton = outline_skeleton(unit)
    composer = compose(skeleton)
    reading = _Reading(unit, skeleton.outline, None)
    reading.walk(composer.body)
    texts = set(reading.collected) | _HINTS
    for item in skeleton.outline.walk():
        texts.add(squash(heading_text(item)))
        if item.guidance:
            texts.add(squash(item.guidance))
    return frozenset(texts)


# -- the reader ----------------------------------------------------------------------------------


def _field_empty(reading: _Reading, name: str, pointer: str, what: str, what_en: str) -> Problem:
    """A required header field left empty: a problem carrying its ``D014`` finding, located at
    the field in the document (its JSON pointer if the field is not there at all)."""
    finding = FIELD_EMPTY.at(reading.field_places.get(name, pointer), what_vi=what, what_en=what_en)
    return Problem(pointer, finding.code, finding.message, finding)


def _as_problem(finding: Finding) -> Problem:
    return Problem(finding.location, finding.code, finding.message, finding)


def _model_problems(problems: tuple[Problem, ...], form: str, instance: Any) -> list[Problem]:
    """The model's problems with their findings, quoting the values read from the document."""
    from sokets.rules.model import problem_finding

    return [
        replace(p, finding=problem_finding(p, form, instance)) if p.finding is None else p
        for p in problems
    ]


def read_docx(data: bytes, source: str) -> ImportResult:
    """Read a filled sokets outline (or a rendered report) into a report.

    Raises :class:`InputError` for a file that is not a readable sokets DOCX and
    :class:`InvalidReportError` when the header lacks what a report needs (number, date, signer) —
    with the document's findings added as further problems. Otherwise returns the report and the
    findings about what could not be placed.
    """
    document = _open(data, source)
    identity = identify(document, source)
    unit = identity.unit
    outline = outline_for(unit)
    reading = _Reading(unit, outline, fixed_texts(unit.code))
    body = document.element.body
    reading.number(body)
    reading.walk(body)

    reading.settle()
    reading.fallback_fields()
    if identity.form == "PL01":
        for form, rows in (("PL02", reading.pl02), ("PL03", reading.pl03)):
            if rows is None:
                reading.find(APPENDIX_MISSING, "document", form=form)

    header, problems = _header(reading, identity)
    answers = {item_id: a.to_json() for item_id, a in reading.answers.items()}
    for leaf in outline.leaves_for(unit):
        answers.setdefault(leaf.id, {})
    instance: dict[str, Any] = {"header": header, "answers": answers}
    if identity.form == "PL01":
        instance["appendix_pl02"] = reading.pl02 or []
        instance["appendix_pl03"] = reading.pl03 or []
    extra = tuple(_as_problem(f) for f in reading.findings)
    if problems:
        raise InvalidReportError(source=source, form=identity.form, problems=(*problems, *extra))
    try:
        report = load_report(json.dumps(instance, ensure_ascii=False).encode(), source=source)
    except InvalidReportError as exc:
        found = _model_problems(exc.problems, identity.form, instance)
        raise InvalidReportError(
            source=source, form=identity.form, problems=(*found, *extra)
        ) from None
    return ImportResult(report, reading.findings)


def _single(reading: _Reading, name: str) -> str:
    value = reading.fields.get(name)
    if isinstance(value, tuple):
        return value[0]
    return " ".join(value) if value else ""


def _header(reading: _Reading, identity: Identity) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    number = re.sub(r"^\s*Số\s*:\s*", "", _single(reading, "report_number"))
    if not number:
        problems.append(
            _field_empty(
                reading,
                "report_number",
                "/header/report_number",
                "số, ký hiệu báo cáo (ô “Số:”)",
                "the report number (the “Số:” field)",
            )
        )
    day = _report_date(reading)
    if day is None:
        problems.append(
            _field_empty(
                reading,
                "report_date",
                "/header/report_date",
                "ngày báo cáo (ô “ngày … tháng … năm”)",
                "the report date (the “ngày … tháng … năm” field)",
            )
        )
    title = _single(reading, "signer_title")
    name = _single(reading, "signer_name")
    if not title:
        problems.append(
            _field_empty(
                reading,
                "signer_title",
                "/header/signer/title",
                "chức vụ người ký",
                "the signer's title",
            )
        )
    if not name:
        problems.append(
            _field_empty(
                reading,
                "signer_name",
                "/header/signer/name",
                "họ tên người ký",
                "the signer's name",
            )
        )
    authority = reading.fields.get("signer_authority") or []
    recipients = [
        _BULLET.sub("", line, count=1).strip()
        for line in (reading.fields.get("recipients") or [])
        if isinstance(line, str)
    ]
    header: dict[str, Any] = {
        "form": identity.form,
        "version": identity.version,
        "unit_code": identity.unit.code,
        "report_number": number,
        "report_date": day.isoformat() if day else "",
        "signer": {"authority": list(authority), "title": title, "name": name},
        "recipients": [r for r in recipients if r],
    }
    place = _single(reading, "place")
    if place:
        header["place"] = place
    if identity.form == "PL04":
        header["district_code"] = identity.unit.parent
    return header, problems


def _report_date(reading: _Reading) -> date | None:
    value = reading.fields.get("report_date")
    if not isinstance(value, tuple):
        return None
    text, picked = value
    written = parse_date(text) if text else None
    chosen = None
    if picked:
        try:
            chosen = date.fromisoformat(picked)
        except ValueError:
            chosen = None
    if written and chosen and written != chosen:
        reading.find(DATE_DISAGREES, "header", text=text, picked=chosen.isoformat())
    return written or chosen
