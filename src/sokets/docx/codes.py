"""The findings of the DOCX reader: ``D`` codes, declared once (see :mod:`sokets.findings`).

Codes are stable and never reused; ``docs/rules.md`` and ``docs/docx.md`` list them.
"""

from __future__ import annotations

from typing import Any, Protocol

from sokets.findings import FindingType, Severity, finding_type


class Find(Protocol):
    """Where a part of the reader reports a finding: ``find(TEXT_OUTSIDE, "paragraph 3", …)``."""

    def __call__(self, kind: FindingType, location: str, /, **params: Any) -> None: ...


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
    "Nhãn vùng nhập không rõ",
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

FIELD_NAMES = {
    "signer_authority": "thẩm quyền ký",
    "signer_title": "chức vụ người ký",
    "signer_name": "họ tên người ký",
}
