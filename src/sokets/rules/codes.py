"""The catalogue of validation findings: every code the rules and the model mapping can emit.

Codes are stable and never reused. ``T`` codes are problems of form (a value of the wrong type, a
missing or unknown field), found by the form model; ``R`` codes are rules of the plan, some
enforced by the model (an unknown unit, a missing applicable item) and the rest by
:mod:`sokets.rules`. Each message says what is wrong and how to fix it, in Vietnamese and English.
``docs/rules.md`` is generated from this module (``python -m sokets.rules.docs``).
"""

from __future__ import annotations

from sokets.findings import FindingType, Severity, finding_type

E, W = Severity.ERROR, Severity.WARNING

#: Largest gap, in percentage points, between a stated percent and numerator/denominator.
#: 0.5 accepts a percent rounded to a whole number (95.24 % written as 95).
PERCENT_TOLERANCE = 0.5

# -- T: the form model ----------------------------------------------------------------------

WRONG_TYPE = finding_type(
    "T001",
    E,
    "Sai kiểu dữ liệu / wrong type",
    "Giá trị {got} sai kiểu dữ liệu: cần {expected_vi}. Hãy nhập lại đúng kiểu.",
    "Value {got} has the wrong type: expected {expected_en}. Enter a value of that type.",
    "A value of the wrong JSON type: text where a number is expected, a number in quotes "
    '("85" is not 85), a list where an object is expected… Values are never converted.',
)
MISSING_FIELD = finding_type(
    "T002",
    E,
    "Thiếu trường bắt buộc / missing required field",
    "Thiếu trường bắt buộc '{field}'. Hãy thêm trường này.",
    "Required field '{field}' is missing. Add it.",
    "A field the form requires is absent (for instance the signer's name).",
)
UNKNOWN_FIELD = finding_type(
    "T003",
    E,
    "Trường không có trong biểu mẫu / unknown field",
    "{what_vi} '{field}' không có trong {where_vi} {form}. Hãy xóa hoặc sửa lại (có phân biệt chữ "
    "hoa, chữ thường).{hint_vi}",
    "{what_en} '{field}' is not part of {where_en} {form}. Remove it or correct it (names are "
    "case-sensitive).{hint_en}",
    "A field the form does not define, often a misspelt name or an item id that is not in the "
    "outline. Names are case-sensitive. The message suggests the nearest valid name.",
)
INVALID_DATE = finding_type(
    "T004",
    E,
    "Ngày không hợp lệ / invalid date",
    'Ngày {got} không hợp lệ: cần ngày dạng "YYYY-MM-DD", ví dụ "2023-08-15".',
    'Invalid date {got}: expected "YYYY-MM-DD", for example "2023-08-15".',
    "A date that is not a real calendar date in ISO form (day and month as two digits).",
)
BAD_NUMBER = finding_type(
    "T005",
    E,
    "Số không hợp lệ / number out of range",
    "Số {got} không hợp lệ: cần một số hữu hạn, trong giới hạn cho phép. Hãy sửa lại.",
    "Number {got} is not acceptable: expected a finite number within range. Correct it.",
    "Infinity, NaN, or an integer too large to store.",
)
NOT_ALLOWED = finding_type(
    "T006",
    E,
    "Giá trị không được phép / value not allowed",
    "Giá trị {got} không được phép ở đây. Hãy dùng một giá trị hợp lệ ({detail}).",
    "Value {got} is not allowed here. Use a valid value ({detail}).",
    "A value outside a fixed list (form id, version).",
)
NULL_VALUE = finding_type(
    "T007",
    E,
    "Không dùng null / null not allowed",
    "Không dùng null cho '{field}': nếu không có giá trị, hãy bỏ hẳn trường này.",
    "null is not allowed for '{field}': leave the field out when there is no value.",
    "JSON null is never a value in sokets forms: an optional field is left out instead.",
)
INVALID_VALUE = finding_type(
    "T008",
    E,
    "Giá trị không phù hợp / invalid value",
    "Giá trị {got} không phù hợp với biểu mẫu. Hãy sửa lại ({detail}).",
    "Value {got} does not fit the form. Correct it ({detail}).",
    "Any other problem the form model finds; the message carries the model's own explanation.",
)

DUPLICATE_KEY = finding_type(
    "T009",
    E,
    "Khóa trùng lặp / duplicate key",
    "Khóa '{field}' xuất hiện nhiều lần trong cùng một đối tượng; chương trình khác nhau sẽ đọc "
    "giá trị khác nhau. Hãy giữ một lần và xóa các lần thừa.",
    "Key '{field}' appears more than once in the same object; programs disagree on which value "
    "they read. Keep it once and remove the others.",
    "JSON leaves a repeated key undefined and most parsers silently keep the last value, so the "
    "first would be lost: a report with a repeated key (two unit codes, an answer given twice) "
    "is refused, naming the key. The rest of the report is still checked, as the last value.",
)

# -- R: rules of the plan -------------------------------------------------------------------

UNKNOWN_UNIT = finding_type(
    "R001",
    E,
    "Đơn vị không có trong danh mục / unknown unit",
    "Mã đơn vị {got} không có trong danh mục đơn vị. Hãy tra mã đúng bằng lệnh `sokets units`.",
    "Unit code {got} is not in the unit registry. Look up the right code with `sokets units`.",
    "header.unit_code (and a commune's header.district_code) must be a code of the registry "
    "of 2023: provincial units by short code, districts and communes by GSO code.",
)
WRONG_UNIT_KIND = finding_type(
    "R002",
    E,
    "Đơn vị sai loại cho biểu mẫu / unit of the wrong kind",
    "Đơn vị {got} ({name}) không phải {expected_vi}, nên không dùng được ở đây trong biểu {form}. "
    "Hãy dùng mã đơn vị đúng loại, hoặc đúng biểu mẫu.",
    "Unit {got} ({name}) is not {expected_en}, so it cannot be used here in form {form}. Use the "
    "code of a unit of the right kind, or the right form.",
    "Phụ lục 01, 02 and 03 are for departments, agencies and districts; Phụ lục 04 for "
    "communes, whose district_code must be a district.",
)
COMMUNE_NOT_IN_DISTRICT = finding_type(
    "R003",
    E,
    "Xã không thuộc huyện đã khai / commune outside its declared district",
    "{name} (mã {unit}) thuộc {parent_name} (mã {parent}), không thuộc {declared_name}. "
    'Hãy sửa district_code thành "{parent}".',
    "{name} (code {unit}) belongs to {parent_name} (code {parent}), not to {declared_name}. "
    'Set district_code to "{parent}".',
    "A commune's report names its district; it must be the district the commune belongs to in "
    "the registry.",
)
ANSWER_MISSING = finding_type(
    "R004",
    E,
    "Thiếu mục phải báo cáo / applicable item not answered",
    "Thiếu trả lời mục {item} ({title}) mà {unit_name} phải báo cáo. Hãy thêm mục này vào "
    '"answers" và ghi kết quả thực hiện.',
    'Item {item} must be reported on by {unit_name} but is missing. Add it to "answers" with the '
    "results.",
    "Every outline item that applies to the unit must be present in answers (Phụ lục 01 for "
    "departments, agencies and districts; Phụ lục 04 for communes). Items addressed to named "
    "units apply to those units only.",
)
EMPTY_ANSWER = finding_type(
    "R005",
    E,
    "Mục phải báo cáo để trống / applicable item left empty",
    "Mục {item} ({title}) phải báo cáo nhưng để trống. Hãy ghi kết quả thực hiện (results) và "
    "số liệu.",
    "Item {item} must be reported on but is empty. Write the results (and figures).",
    "An applicable item is present but holds nothing: no text (blank text counts as none), no "
    "figure, no typical case, no indicator.",
)
EMPTY_TEXT = finding_type(
    "R006",
    E,
    "Nội dung bắt buộc để trống / empty required text",
    "{label_vi} không được để trống. Hãy ghi nội dung.",
    "{label_en} must not be empty. Fill it in.",
    "Text the report needs is empty or blank: report number, signer's title and name, a "
    "figure's name, a typical case, a Phụ lục 02 task, and the answer of a Phụ lục 02 or 03 row "
    "(results, difficulties or proposals: a task not started may explain only its difficulties).",
)
ANSWER_NOT_APPLICABLE = finding_type(
    "R007",
    W,
    "Trả lời mục không dành cho đơn vị / answer to an item that does not apply",
    "Mục {item} chỉ dành cho {audience}, không dành cho {unit_name}. Hãy chuyển nội dung sang "
    "mục phù hợp hoặc xóa mục này.",
    "Item {item} is for {audience}, not for {unit_name}. Move the content to an item that "
    "applies, or remove it.",
    "The plan addresses some items to named units (Sở Y tế, UBND cấp huyện…). An answer to an "
    "item addressed to others is kept but flagged.",
)
NO_FIGURES = finding_type(
    "R008",
    W,
    "Kết quả chưa có số liệu / results without figures",
    "Mục {item} yêu cầu cụ thể hóa kết quả bằng số liệu nhưng chưa có số liệu. Hãy thêm số liệu "
    "(figures){hint_vi}.",
    "Item {item} asks for figures but none is given. Add figures{hint_en}.",
    "Items where the plan asks for “số liệu” (all results of Phụ lục 01 section A; the Phụ lục "
    "04 items asking for figures or counts) should carry at least one figure; for items with "
    "indicators a filled indicator counts as a figure.",
)
UNKNOWN_TASK = finding_type(
    "R009",
    E,
    "Nhiệm vụ không có trong Phụ lục 03 / unknown task",
    "Mã nhiệm vụ {got} không có trong Phụ lục 03. Hãy tra mã bằng lệnh `sokets catalog`.",
    "Task id {got} is not in Phụ lục 03. Look up task ids with `sokets catalog`.",
    "A Phụ lục 03 row names its task by catalogue id, I.1 … IV.9.",
)
TASK_NOT_REPORTED = finding_type(
    "R010",
    E,
    "Nhiệm vụ được giao chưa báo cáo / assigned task not reported",
    "Chưa báo cáo nhiệm vụ {task} ({title}) được giao cho {unit_name}. Hãy thêm một dòng Phụ "
    'lục 03 với task_id "{task}".',
    'Task {task} assigned to this unit is not reported. Add a Phụ lục 03 row with task_id "{task}".',
    "Every task of Phụ lục 03 the unit leads (or answers for a subunit, or that is assigned to "
    "all departments and districts) must have a row. Checked when the report carries its Phụ "
    "lục 03 table (appendix_pl03, even empty) and for a standalone PL03 table.",
)
TASK_DUPLICATED = finding_type(
    "R011",
    E,
    "Nhiệm vụ báo cáo nhiều lần / task reported more than once",
    "Nhiệm vụ {task} đã báo cáo ở dòng {first}; mỗi nhiệm vụ chỉ báo cáo một lần. Hãy gộp các "
    "dòng.",
    "Task {task} is already reported in row {first}; report each task once. Merge the rows.",
    "A task id appears in two rows of Phụ lục 03.",
)
TASK_FOREIGN = finding_type(
    "R012",
    E,
    "Nhiệm vụ không giao cho đơn vị / task not assigned to this unit",
    "Nhiệm vụ {task} không giao cho {unit_name} (đơn vị chủ trì: {lead}). Hãy xóa dòng này hoặc "
    "kiểm tra lại mã nhiệm vụ.",
    "Task {task} is not assigned to this unit (lead: {lead}). Remove the row or check the task id.",
    "A unit reports only on its own tasks; the lead unit reports on the others.",
)
PL03_NOT_ATTACHED = finding_type(
    "R013",
    W,
    "Không kèm Phụ lục 03 / Phụ lục 03 not attached",
    "Báo cáo không kèm Phụ lục 03, trong khi {unit_name} được giao {count} nhiệm vụ. Hãy thêm "
    '"appendix_pl03", hoặc gửi riêng biểu PL03.',
    "The report has no Phụ lục 03 although the unit has {count} assigned tasks. Add "
    '"appendix_pl03", or send a separate PL03 table.',
    "A Phụ lục 01 report without the key appendix_pl03 may have its table sent separately as a "
    "PL03 form, so this is a warning; with the key present the table must be complete (R010).",
)
PL02_EMPTY = finding_type(
    "R014",
    W,
    "Phụ lục 02 không có nhiệm vụ / Phụ lục 02 has no rows",
    "Phụ lục 02 chưa có nhiệm vụ nào. Hãy báo cáo đầy đủ các nhiệm vụ chung được giao tại Kế "
    "hoạch số 586/KH-UBND{where_vi}.",
    "Phụ lục 02 has no rows. Report every general task assigned by plan 586/KH-UBND{where_en}.",
    "Phụ lục 02 asks each unit to report all the general tasks plan 586/KH-UBND assigns it; an "
    "empty or missing table is flagged (it may have been sent as a separate PL02 form).",
)
ROW_NUMBER_DUPLICATED = finding_type(
    "R015",
    E,
    "Số thứ tự trùng / duplicate row number",
    "Số thứ tự {no} đã dùng ở dòng {first}. Hãy đánh số lại các dòng 1, 2, 3… theo thứ tự.",
    "Row number {no} is already used in row {first}. Renumber the rows 1, 2, 3… in order.",
    "Phụ lục 02 rows are numbered (Stt) 1 to n, each number once.",
)
ROW_NUMBER_OUT_OF_ORDER = finding_type(
    "R016",
    E,
    "Số thứ tự không liên tục / row number out of sequence",
    "Dòng thứ {position} có số thứ tự {no}, cần {position}. Hãy đánh số lại các dòng 1, 2, 3… "
    "theo thứ tự.",
    "Row {position} is numbered {no}, expected {position}. Renumber the rows 1, 2, 3… in order.",
    "Phụ lục 02 rows are numbered (Stt) 1 to n in order, with no gap.",
)
DENOMINATOR_NOT_POSITIVE = finding_type(
    "R017",
    E,
    "Mẫu số phải lớn hơn 0 / denominator must be positive",
    "Mẫu số của {label_lower} ({indicator}) là {denominator}; mẫu số phải lớn hơn 0. Hãy ghi tổng "
    "số (ví dụ tổng số cán bộ, công chức).",
    "The denominator of ratio {indicator} is {denominator}; it must be greater than 0. Enter "
    "the total (for instance the number of officials).",
    "A rate (tỷ lệ) is numerator over denominator; the denominator is the total and must be "
    "greater than 0.",
)
NUMERATOR_OUT_OF_RANGE = finding_type(
    "R018",
    E,
    "Tử số ngoài khoảng cho phép / numerator out of range",
    "Tử số của {label_lower} ({indicator}) là {numerator}, phải từ 0 đến mẫu số ({denominator}). "
    "Hãy kiểm tra lại hai số.",
    "The numerator of ratio {indicator} is {numerator}; it must be between 0 and the "
    "denominator ({denominator}). Check both numbers.",
    "0 <= numerator <= denominator: a rate cannot be negative or above 100 %.",
)
PERCENT_MISMATCH = finding_type(
    "R019",
    E,
    "Tỷ lệ phần trăm không khớp / stated percent disagrees",
    "{label} ({indicator}) ghi {percent_vi}% nhưng {numerator}/{denominator} = {computed_vi}%. "
    "Hãy sửa tỷ lệ phần trăm hoặc tử số, mẫu số.",
    "Ratio {indicator} states {percent_en}% but {numerator}/{denominator} = {computed_en}%. "
    "Correct the percent or the numbers.",
    "When a percent is stated it must agree with 100 × numerator / denominator within "
    f"{PERCENT_TOLERANCE} percentage points (a percent rounded to a whole number passes).",
)
NEGATIVE_COUNT = finding_type(
    "R020",
    E,
    "Số lượng âm / negative count",
    "{label} ({indicator}) là {value}; số lượng không thể âm. Hãy sửa lại.",
    "Count {indicator} is {value}; a count cannot be negative. Correct it.",
    "Counts (số lượng tổ công nghệ số…) are 0 or more.",
)
REPORT_BEFORE_PERIOD = finding_type(
    "R021",
    E,
    "Ngày báo cáo trước kỳ báo cáo / report dated before the period",
    "Ngày báo cáo {date} trước kỳ báo cáo (từ {start}). Hãy sửa ngày báo cáo.",
    "Report date {date} is before the reporting period (from {start}). Correct the date.",
    "The review covers the period from 1/8/2022 (“từ tháng 8 năm 2022 đến nay”).",
)
FIGURE_BEFORE_PERIOD = finding_type(
    "R022",
    E,
    "Số liệu trước kỳ báo cáo / figure dated before the period",
    "Số liệu tính đến ngày {date}, trước kỳ báo cáo (từ {start}). Hãy dùng số liệu trong kỳ.",
    "Figure dated {date}, before the reporting period (from {start}). Use a figure of the period.",
    "Figures count from 1/8/2022 (“Các số liệu báo cáo tính từ tháng 8 năm 2022 đến nay”).",
)
FIGURE_AFTER_REPORT = finding_type(
    "R023",
    E,
    "Số liệu sau ngày báo cáo / figure dated after the report",
    "Số liệu tính đến ngày {date}, sau ngày báo cáo {report_date}. Hãy sửa ngày của số liệu "
    "hoặc ngày báo cáo.",
    "Figure dated {date}, after the report date {report_date}. Correct one of the dates.",
    "A figure cannot be measured after the report that states it.",
)
LATE_REPORT = finding_type(
    "R024",
    W,
    "Báo cáo trễ hạn / late report",
    "Báo cáo ngày {date}, sau hạn {deadline}. Báo cáo trễ hạn vẫn được tổng hợp; hãy gửi sớm "
    "nhất có thể.",
    "Report dated {date}, after the deadline {deadline}. It is still consolidated; send it as "
    "soon as possible.",
    "Plan 403/KH-UBND asks for reports to Sở TT&TT before 20/8/2023.",
)

REPORT_BEFORE_PLAN = finding_type(
    "R025",
    E,
    "Ngày báo cáo trước Kế hoạch 403/KH-UBND / report dated before the plan",
    "Ngày báo cáo {date} trước ngày ban hành Kế hoạch số 403/KH-UBND ({plan_date}), văn bản yêu "
    "cầu báo cáo này. Hãy sửa ngày báo cáo.",
    "Report date {date} is before plan 403/KH-UBND ({plan_date}), which asks for this report. "
    "Correct the date.",
    "A review report answers plan 403/KH-UBND of 13/6/2023, so it cannot be dated earlier.",
)

REPORT_AFTER_REVIEW = finding_type(
    "R026",
    E,
    "Ngày báo cáo quá xa sau kỳ sơ kết / report dated long after the review",
    "Ngày báo cáo {date} sau ngày {limit}: báo cáo sơ kết 01 năm (từ tháng 8/2022 đến tháng "
    "8/2023, Hội nghị dự kiến tháng 9/2023) không thể lập muộn như vậy. Hãy sửa ngày báo cáo.",
    "Report date {date} is after {limit}: the one-year review (8/2022 to 8/2023, conference "
    "planned for 9/2023) cannot be reported that late. Correct the date.",
    "A review of August 2022 to August 2023 is reported by 20/8/2023; a report dated after that "
    "is late (R024) but still consolidated, until 31/12/2023. A later date (2024, 2099) is a "
    "typing slip, not a late report (docs/decisions.md).",
)
COMMUNES_DENOMINATOR = finding_type(
    "R027",
    E,
    "Mẫu số khác số xã của huyện / denominator is not the district's number of communes",
    "Mẫu số của {label_lower} ({indicator}) là {denominator}, nhưng {unit_name} có {communes} "
    "đơn vị cấp xã (danh mục năm 2023). Hãy lấy mẫu số là {communes}.",
    "The denominator of {indicator} is {denominator}, but {unit_name} has {communes} communes "
    "(registry of 2023). Use {communes} as the denominator.",
    "A rate of communes in a district (such as the rate of communes that set up community tech "
    "teams, Phụ lục 01 A.II.3) is over all of the district's communes, which the registry knows.",
)
TEXT_TOO_LONG_FOR_CELL = finding_type(
    "R028",
    W,
    "Văn bản quá dài cho một ô bảng tính / text too long for a spreadsheet cell",
    "Văn bản dài {length} ký tự, quá {limit} ký tự mà một ô Excel chứa được: báo cáo hợp lệ "
    "nhưng không ghi ra được tệp XLSX. Hãy tách thành nhiều đoạn (ví dụ nhiều trường hợp điển "
    "hình) hoặc rút gọn.",
    "Text of {length} characters, over the {limit} an Excel cell holds: the report is valid but "
    "cannot be written as XLSX. Split it (several typical cases, for instance) or shorten it.",
    "Excel and LibreOffice hold at most 32,767 characters in a cell; a longer text would be cut "
    "or refused when the report is rendered as a workbook.",
)
CODE_TRIMMED = finding_type(
    "R029",
    W,
    "Mã có khoảng trắng thừa / code with stray spaces",
    "Mã {got} có khoảng trắng thừa ở đầu hoặc cuối; sokets đã bỏ khoảng trắng và đọc thành "
    "{code}. Hãy sửa lại trong tệp.",
    "Code {got} has stray spaces around it; sokets removed them and read {code}. Correct the file.",
    "A unit code or task id typed or pasted with spaces around it is read without them, and "
    "flagged: never an unknown unit, never changed silently.",
)

PERCENT_ONLY = finding_type(
    "R030",
    W,
    "Tỷ lệ chỉ ghi phần trăm / rate given as a percent alone",
    "{label} chỉ ghi {percent_vi}%, không có tử số và mẫu số: tỷ lệ được ghi nhận nhưng không "
    "cộng dồn được khi tổng hợp. Nếu có số đếm, hãy ghi tử số và mẫu số.",
    "Rate {indicator} is given as {percent_en}% alone, without numerator and denominator: it is "
    "kept but cannot be added up in a consolidation. Give both numbers if you have the counts.",
    "Some rates the plan asks for have no count behind them (the share of residents who know of "
    "digital transformation is an estimate), so a percent alone is accepted; roll-ups add up "
    "numerators and denominators only, and count the units that gave a percent alone.",
)
PERCENT_OUT_OF_RANGE = finding_type(
    "R031",
    E,
    "Tỷ lệ phần trăm ngoài 0–100 / percent out of range",
    "{label} ghi {percent_vi}%; tỷ lệ phải từ 0 đến 100%. Hãy sửa lại.",
    "Rate {indicator} is {percent_en}%; a rate lies between 0 and 100%. Correct it.",
    "A rate given as its percent alone must lie between 0 and 100.",
)

#: The codes of this catalogue, in order.
CODES: tuple[FindingType, ...] = (
    WRONG_TYPE,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    INVALID_DATE,
    BAD_NUMBER,
    NOT_ALLOWED,
    NULL_VALUE,
    INVALID_VALUE,
    DUPLICATE_KEY,
    UNKNOWN_UNIT,
    WRONG_UNIT_KIND,
    COMMUNE_NOT_IN_DISTRICT,
    ANSWER_MISSING,
    EMPTY_ANSWER,
    EMPTY_TEXT,
    ANSWER_NOT_APPLICABLE,
    NO_FIGURES,
    UNKNOWN_TASK,
    TASK_NOT_REPORTED,
    TASK_DUPLICATED,
    TASK_FOREIGN,
    PL03_NOT_ATTACHED,
    PL02_EMPTY,
    ROW_NUMBER_DUPLICATED,
    ROW_NUMBER_OUT_OF_ORDER,
    DENOMINATOR_NOT_POSITIVE,
    NUMERATOR_OUT_OF_RANGE,
    PERCENT_MISMATCH,
    NEGATIVE_COUNT,
    REPORT_BEFORE_PERIOD,
    FIGURE_BEFORE_PERIOD,
    FIGURE_AFTER_REPORT,
    LATE_REPORT,
    REPORT_BEFORE_PLAN,
    REPORT_AFTER_REVIEW,
    COMMUNES_DENOMINATOR,
    TEXT_TOO_LONG_FOR_CELL,
    CODE_TRIMMED,
    PERCENT_ONLY,
    PERCENT_OUT_OF_RANGE,
)
