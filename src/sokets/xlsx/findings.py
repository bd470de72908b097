"""What the workbook importer reports about cells it could not import as typed (``X`` codes).

Every finding is located at a cell (``PL03!D7``) and says what to fix. Errors mean something the
unit typed was not imported (or a locked cell was changed); warnings mean the report is complete
but something looks off. This module is light (no openpyxl) so that the catalogue of findings can
be built without loading the XLSX code.
"""

from __future__ import annotations

from sokets.findings import Severity, finding_type

E, W = Severity.ERROR, Severity.WARNING

WRONG_KIND = finding_type(
    "X001",
    E,
    "Giá trị sai loại trong ô / value of the wrong kind in a cell",
    "Ô có giá trị {value} nhưng cần {expected_vi}; giá trị không được nhập. Hãy nhập lại.",
    "The cell holds {value} but needs {expected_en}; the value was not imported. Enter it again.",
    "A cell holds something the column cannot take: text in a number column, a fraction where a "
    "whole number is needed, a date that cannot be read, an answer other than Có/Không, or an "
    'error value (#N/A, #DIV/0!…). Numbers typed as text ("85", "85%", "1.234"), dates typed '
    "as text (14/08/2023) and stray spaces are accepted.",
)
LOCKED_CELL_EDITED = finding_type(
    "X002",
    E,
    "Ô khóa của mẫu đã bị sửa / a locked template cell was edited",
    "Ô khóa do sokets ghi sẵn đã bị sửa: cần {expected}, có {value}. Nội dung sửa không được "
    "nhập; hãy trả lại nội dung gốc (hoặc lấy mẫu mới bằng sokets template).",
    "A locked cell written by sokets was edited: expected {expected}, found {value}. The edit was "
    "not imported; restore the original text (or get a fresh template with sokets template).",
    "Task titles, lead units, outline items and labels come from the plan and are locked. A "
    "changed one is reported (the report keeps the plan's wording, identified by the row's id). "
    "Differences of spaces, case and Unicode normalisation are not changes.",
)
OUTSIDE_TABLES = finding_type(
    "X003",
    W,
    "Ô có dữ liệu nằm ngoài các bảng / filled cell outside every table",
    "Ô có dữ liệu {value} nằm ngoài các bảng của mẫu nên không được nhập. Hãy chuyển nội dung "
    "vào đúng ô của bảng.",
    "The cell holds {value} outside every table of the template, so it was not imported. Move it "
    "into the right cell of a table.",
    "Every cell a person filled is either imported or reported: a note beside a table, a value in "
    "a locked column that does not take one, or a sheet added to the workbook is reported here.",
)
UNKNOWN_ID = finding_type(
    "X004",
    E,
    "Mã không có trong kế hoạch / unknown id",
    "Mã {value} không phải {expected_vi}; dòng này không được nhập.",
    "{value} is not {expected_en}; this row was not imported.",
    "A row's id (outline item, task or indicator) is not one of the plan's, or an item chosen in "
    "“Số liệu” or “Điển hình” does not exist.",
)
DUPLICATE_ROW = finding_type(
    "X005",
    E,
    "Dòng trùng / duplicate row",
    "{what} {key} đã có ở dòng {first}; dòng này không được nhập. Hãy gộp hai dòng.",
    "{what_en} {key} already appears on row {first}; this row was not imported. Merge the two.",
    "The same outline item, indicator, task or header field appears twice.",
)
INCOMPLETE_RATIO = finding_type(
    "X006",
    E,
    "Tỷ lệ thiếu tử số hoặc mẫu số / ratio without numerator or denominator",
    "Chỉ số {indicator} cần cả tử số và mẫu số; chỉ số không được nhập. Hãy ghi đủ hai số.",
    "Indicator {indicator} needs both a numerator and a denominator; it was not imported. Enter "
    "both numbers.",
    "A rate is imported as numerator and denominator (and the percent the unit states, if any); "
    "one without the other cannot be imported.",
)
INCOMPLETE_ROW = finding_type(
    "X007",
    E,
    "Dòng thiếu giá trị bắt buộc / row without a required value",
    "Dòng thiếu {missing_vi}; dòng không được nhập. Hãy điền đủ.",
    "The row lacks {missing_en}; it was not imported. Fill it in.",
    "A row of a free table (Số liệu, Điển hình, Phụ lục 02) needs some cells: the item and the "
    "text of a typical case; the item, name and value of a figure; the Stt and task of a "
    "Phụ lục 02 row.",
)
MORE_OUTSIDE = finding_type(
    "X008",
    W,
    "Còn nhiều ô ngoài các bảng / many more cells outside the tables",
    "Còn {count} ô khác có dữ liệu nằm ngoài các bảng (không được nhập), ô cuối ở {last}.",
    "{count} more filled cells lie outside the tables (not imported), the last at {last}.",
    "Reported once, after the first cells outside the tables, so that a sheet of notes does not "
    "bury the other findings.",
)
ROW_MISSING = finding_type(
    "X009",
    W,
    "Thiếu dòng của mẫu / a template row is missing",
    "Thiếu dòng của {what} {key} ({title}); mục được nhập là câu trả lời trống.",
    "The row of {what_en} {key} ({title}) is missing; the item was imported as an empty answer.",
    "A row sokets wrote for an item the unit must answer was deleted (only possible after "
    "removing the sheet protection). The report keeps an empty answer for the item.",
)
UNCACHED_FORMULA = finding_type(
    "X010",
    E,
    "Công thức chưa có giá trị / formula without a value",
    "Ô có công thức nhưng không lưu giá trị đã tính (tệp được ghi bằng chương trình không tính "
    "công thức); ô được nhập là trống. Hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi nhập lại, "
    "hoặc gõ giá trị thay cho công thức.",
    "The cell holds a formula but no computed value (the file was written by a program that does "
    "not calculate formulas); it was imported as empty. Open and save the file in Excel or "
    "LibreOffice and import it again, or type the value instead of the formula.",
    "sokets reads the values spreadsheet programs cache for formulas and never evaluates "
    "formulas itself; a formula with no cached value is a value sokets cannot see. The percent "
    "cells of the indicator table, which sokets writes as formulas and recomputes itself, are "
    "exempt.",
)
PERCENT_SHOWN = finding_type(
    "X011",
    W,
    "Số hiển thị dạng phần trăm / a number shown as a percentage",
    "Ô hiển thị {shown} (định dạng phần trăm) {context_vi}; giá trị được nhập là {value}, đúng "
    "số hiển thị. Hãy kiểm tra lại.",
    "The cell shows {shown} (percentage format) {context_en}; it was imported as {value}, the "
    "number shown. Check it.",
    "Typing 85% makes Excel and LibreOffice store 0.85 in a cell formatted as a percentage. "
    "sokets imports the number the cell shows (85), never the stored fraction. In “Tỷ lệ (%) "
    "đơn vị ghi”, and in a figure's “Giá trị” whose unit is empty (the unit becomes “%”) or “%”, "
    "that is what was meant and nothing is reported; the text “85%” in “Giá trị” is read the same "
    "way. Elsewhere (a figure whose unit is something else, a numerator, a denominator, a count) "
    "the number shown is imported and this warning asks to check it.",
)

#: Every code the importer can emit, for the documentation.
XLSX_CODES = (
    WRONG_KIND,
    LOCKED_CELL_EDITED,
    OUTSIDE_TABLES,
    UNKNOWN_ID,
    DUPLICATE_ROW,
    INCOMPLETE_RATIO,
    INCOMPLETE_ROW,
    MORE_OUTSIDE,
    ROW_MISSING,
    UNCACHED_FORMULA,
    PERCENT_SHOWN,
)
