"""Vietnamese (and English) messages for the errors a JSON Schema validator reports in a form.

Web form libraries validate with Ajv and show its English messages ("must have required
property 'report_number'"). ``schemas/messages.json`` (:func:`messages`) maps every keyword the
schemas use to a template in Vietnamese and in English; a template's ``{name}`` is Ajv's error
parameter of that name (``params.missingProperty``…), a ``{type}`` or ``{format}`` is worded by
the ``types`` and ``formats`` maps, and a property name is best shown by its ``title``. Beside
them, the words the two form libraries put on their own buttons (``rjsf``, ``jsonforms``). The
snippet in ``docs/schemas.md`` plugs it into Ajv, react-jsonschema-form and JSON Forms.
"""

from __future__ import annotations

from typing import Any

#: Message templates by JSON Schema keyword: (Vietnamese, English).
KEYWORDS: dict[str, tuple[str, str]] = {
    "required": (
        "Chưa điền {missingProperty}: đây là thông tin bắt buộc.",
        "{missingProperty} is required.",
    ),
    "type": ("Cần nhập {type}.", "Must be {type}."),
    "format": ("Cần nhập {format}.", "Must be {format}."),
    "const": ("Giá trị phải là {allowedValue}.", "Must be {allowedValue}."),
    "enum": (
        "Giá trị phải là một trong: {allowedValues}.",
        "Must be one of: {allowedValues}.",
    ),
    "oneOf": ("Hãy chọn một giá trị trong danh sách.", "Choose a value from the list."),
    "anyOf": ("Giá trị không đúng dạng cho phép.", "Not of an allowed shape."),
    "additionalProperties": (
        "{additionalProperty} không có trong biểu mẫu: hãy xóa.",
        "{additionalProperty} is not part of the form: remove it.",
    ),
    "minimum": ("Giá trị phải {comparison} {limit}.", "Must be {comparison} {limit}."),
    "maximum": ("Giá trị phải {comparison} {limit}.", "Must be {comparison} {limit}."),
    "minProperties": (
        "Hãy điền ít nhất {limit} giá trị, hoặc để trống cả mục.",
        "Fill in at least {limit} value(s), or leave the whole entry out.",
    ),
    "dependentRequired": (
        "Đã điền {property} thì phải điền cả {missingProperty}.",
        "{property} needs {missingProperty} too.",
    ),
    "if": (
        "Chưa đúng quy định của biểu mẫu (xem lỗi đi kèm).",
        "A rule of the form is not met (see the error beside it).",
    ),
}

#: JSON types as a message names them (``{type}``).
TYPES: dict[str, tuple[str, str]] = {
    "string": ("văn bản", "text"),
    "number": ("một số", "a number"),
    "integer": ("một số nguyên", "a whole number"),
    "boolean": ("có hoặc không", "yes or no"),
    "object": ("một nhóm thông tin", "a group of values"),
    "array": ("một danh sách", "a list"),
}

#: Formats as a message names them (``{format}``).
FORMATS: dict[str, tuple[str, str]] = {
    "date": (
        "một ngày có thật, dạng năm-tháng-ngày (ví dụ 2023-08-15)",
        "a real date as year-month-day (for example 2023-08-15)",
    ),
}

#: The words react-jsonschema-form puts on its own buttons and lists, by its English string (the
#: ``TranslatableString`` its ``translateString`` receives).
RJSF_STRINGS: dict[str, tuple[str, str]] = {
    "Add Item": ("Thêm", "Add Item"),
    "Add": ("Thêm", "Add"),
    "Copy": ("Sao chép", "Copy"),
    "Move down": ("Chuyển xuống", "Move down"),
    "Move up": ("Chuyển lên", "Move up"),
    "Remove": ("Xóa", "Remove"),
    "Errors": ("Lỗi cần sửa", "Errors"),
    "Item": ("Mục", "Item"),
    "No items yet. Use the button below to add some.": (
        "Chưa có. Bấm nút bên dưới để thêm.",
        "No items yet. Use the button below to add some.",
    ),
    "Yes": ("Có", "Yes"),
    "No": ("Không", "No"),
    "clear input": ("xóa nội dung", "clear input"),
}

#: The words JSON Forms' renderers put on their buttons and lists, by the end of the i18n key
#: its ``translate`` receives (``enum.none``, ``….addTooltip``).
JSONFORMS_STRINGS: dict[str, tuple[str, str]] = {
    "enum.none": ("— Chọn —", "None"),
    "addTooltip": ("Thêm", "Add"),
    "addAriaLabel": ("Thêm", "Add"),
    "removeTooltip": ("Xóa", "Delete"),
    "removeAriaLabel": ("Xóa", "Delete"),
    "up": ("Lên", "Up"),
    "upAriaLabel": ("Chuyển lên", "Move item up"),
    "down": ("Xuống", "Down"),
    "downAriaLabel": ("Chuyển xuống", "Move item down"),
    "noDataMessage": ("Chưa có", "No data"),
    "noSelection": ("Chưa chọn", "No selection"),
    "deleteDialogTitle": ("Xác nhận xóa", "Confirm Deletion"),
    "deleteDialogMessage": (
        "Xóa mục đã chọn?",
        "Are you sure you want to delete the selected entry?",
    ),
    "deleteDialogAccept": ("Có", "Yes"),
    "deleteDialogDecline": ("Không", "No"),
}

#: Keywords that never fail on their own: annotations, references and containers of subschemas
#: (their subschemas' keywords report), and the ``x-`` vocabulary.
SILENT = frozenset(
    {
        "$schema",
        "$id",
        "$ref",
        "$defs",
        "$comment",
        "title",
        "description",
        "default",
        "examples",
        "properties",
        "items",
        "allOf",
        "dependentSchemas",
        "then",
        "else",
    }
)


def _pair(texts: tuple[str, str]) -> dict[str, str]:
    return {"vi": texts[0], "en": texts[1]}


def messages() -> dict[str, Any]:
    """The content of ``schemas/messages.json``."""
    return {
        "title": "Thông báo lỗi khi kiểm tra biểu mẫu, bằng tiếng Việt và tiếng Anh",
        "description": (
            "keywords: one template per JSON Schema keyword; {name} is the Ajv error's "
            "params.name; a property name is shown by its title (parentSchema, with Ajv's "
            "verbose option); {type} and {format} are worded by the types and formats maps. rjsf "
            "and jsonforms: the libraries' own button and list words. See docs/schemas.md for the "
            "snippet that plugs this into Ajv, react-jsonschema-form and JSON Forms."
        ),
        "keywords": {name: _pair(texts) for name, texts in KEYWORDS.items()},
        "types": {name: _pair(texts) for name, texts in TYPES.items()},
        "formats": {name: _pair(texts) for name, texts in FORMATS.items()},
        "rjsf": {name: _pair(texts) for name, texts in RJSF_STRINGS.items()},
        "jsonforms": {name: _pair(texts) for name, texts in JSONFORMS_STRINGS.items()},
    }


def unworded(schema: dict[str, Any]) -> set[str]:
    """The keywords of ``schema`` that may fail and have no message (none, when complete)."""
    from sokets.schema._walk import walk

    used = {key for _, node in walk(schema) for key in node}
    return {
        key
        for key in used
        if key not in SILENT and not key.startswith("x-") and key not in KEYWORDS
    }
