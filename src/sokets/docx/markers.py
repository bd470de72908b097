"""The marks a sokets document carries so that the reader can find each thing again.

Word keeps content controls (``w:sdt``) and their tags through editing, copying and saving, so
every place the reader needs is a content control whose tag starts with ``sokets:``:

* ``sokets:item:<item id>`` — the answer area of one outline leaf (block level, locked against
  deletion but not against editing);
* ``sokets:field:<name>`` — a header or signature field (number, place, date, recipients, signer);
* ``sokets:table:PL02`` / ``sokets:table:PL03`` — an appendix table;
* ``sokets:document:<form>:<version>:<unit code>:<kind>`` — around the header table, naming what
  the document is (also in the document's custom properties ``sokets.*``);
* ``sokets:placeholder`` — a hint the unit types over (its text is never read as an answer).

The labels and column headers below are shared by the renderers and the reader: a paragraph that
starts with a part label ("Trường hợp điển hình:") starts that part of an answer, and a table whose
first row holds :data:`FIGURE_COLUMNS` or :data:`INDICATOR_COLUMNS` is read as figures or
indicators. This module imports nothing heavy.
"""

from __future__ import annotations

TAG_PREFIX = "sokets:"
ITEM_TAG = "sokets:item:"
FIELD_TAG = "sokets:field:"
TABLE_TAG = "sokets:table:"
DOCUMENT_TAG = "sokets:document:"
PLACEHOLDER_TAG = "sokets:placeholder"

#: Header and signature fields, in the order they appear.
FIELDS: tuple[str, ...] = (
    "report_number",
    "place",
    "report_date",
    "recipients",
    "signer_authority",
    "signer_title",
    "signer_name",
)

#: Custom document properties (docProps/custom.xml) naming what a document is.
PROPERTY_FORM = "sokets.form"
PROPERTY_VERSION = "sokets.version"
PROPERTY_UNIT = "sokets.unit_code"
PROPERTY_KIND = "sokets.document"
KIND_OUTLINE = "outline"
KIND_REPORT = "report"

#: Labels that start a part of an answer (written by the report renderer, read by the reader).
PART_LABELS: dict[str, str] = {
    "figures": "Số liệu",
    "typical_cases": "Trường hợp điển hình",
    "difficulties": "Tồn tại, vướng mắc, nguyên nhân",
    "proposals": "Kiến nghị, đề xuất",
}

#: Other spellings of the labels that the reader also accepts (compared case-insensitively).
PART_LABEL_VARIANTS: dict[str, tuple[str, ...]] = {
    "results": ("Kết quả thực hiện",),
    "figures": ("Số liệu",),
    "typical_cases": ("Trường hợp điển hình", "Các trường hợp điển hình", "Mô hình điển hình"),
    "difficulties": (
        "Tồn tại, vướng mắc, nguyên nhân",
        "Tồn tại, vướng mắc",
        "Tồn tại, hạn chế",
        "Tồn tại, hạn chế, nguyên nhân",
        "Khó khăn, vướng mắc",
        "Khó khăn, vướng mắc, nguyên nhân",
        "Những tồn tại, vướng mắc, nguyên nhân",
    ),
    "proposals": (
        "Kiến nghị, đề xuất",
        "Đề xuất, kiến nghị",
        "Kiến nghị",
        "Đề xuất",
    ),
}

#: Column headers of a figures table (the titles of :class:`sokets.models.Figure`'s fields).
FIGURE_COLUMNS: tuple[str, ...] = ("Tên số liệu", "Giá trị", "Đơn vị tính", "Tính đến ngày")

#: Column headers of an indicators table.
INDICATOR_COLUMNS: tuple[str, ...] = ("Chỉ số", "Kết quả", "Tổng số", "Tỷ lệ (%)")

YES = "Có"
NO = "Không"
