"""``sokets schema``: export the JSON Schemas, check ``schemas/`` is current, diff two schemas.

``export --unit UNIT`` prints the schema of one unit's report instead (or, with ``--ui``, its UI
schema for react-jsonschema-form or JSON Forms).

Exit codes: ``export`` 0; ``check`` 0 up to date, 1 a file is missing, stale or unexpected;
``diff`` 0 no breaking change, 1 breaking changes; 2 unreadable input or bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sokets.cli._output import FORMAT_CHOICES

DEFAULT_DIR = "schemas"


def register(subparsers: Any) -> None:
    """Add the sub-command and its actions."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="lược đồ JSON của các biểu mẫu / JSON Schemas of the forms",
        description="Xuất, kiểm tra và so sánh lược đồ JSON (JSON Schema 2020-12) của các biểu mẫu.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export",
        help="ghi lược đồ sinh từ mô hình / write the schemas generated from the models",
        description=(
            "Ghi lược đồ của phiên bản hiện hành mỗi biểu mẫu, lược đồ giao diện (RJSF, JSON "
            "Forms), thông báo lỗi và index.json vào DIR. Với --unit: in lược đồ báo cáo của một "
            "đơn vị (chỉ các mục, nhiệm vụ của đơn vị; đơn vị là hằng số) ra màn hình hoặc tệp -o. "
            "/ Write the current schemas, UI schemas, messages and index.json to DIR; with "
            "--unit, print the schema of one unit's report."
        ),
    )
    export.add_argument("dir", nargs="?", default=None, metavar="DIR")
    export.add_argument(
        "--unit",
        metavar="UNIT",
        help="mã hoặc tên đơn vị: lược đồ báo cáo của đơn vị đó / one unit's schema (code or name)",
    )
    export.add_argument(
        "--form",
        choices=("PL01", "PL02", "PL03", "PL04"),
        help="với --unit: biểu mẫu (mặc định: báo cáo của đơn vị; PL02, PL03 cho bảng gửi riêng)",
    )
    export.add_argument(
        "--ui",
        choices=("rjsf", "jsonforms"),
        help="với --unit: lược đồ giao diện thay cho lược đồ / the UI schema instead",
    )
    export.add_argument(
        "-o", "--output", metavar="OUT", help="với --unit: ghi vào tệp .json thay vì in ra"
    )
    export.set_defaults(handler=handle_export)

    check = actions.add_parser(
        "check",
        help="kiểm tra DIR khớp với mô hình / check DIR matches the models (exit 1 if not)",
        description=(
            "Thoát 1 và nêu tên tệp khi DIR khác với lược đồ sinh từ mô hình, thiếu lược đồ "
            "của phiên bản đã công bố, hoặc có tệp lạ."
        ),
    )
    check.add_argument("dir", nargs="?", default=DEFAULT_DIR, metavar="DIR")
    check.set_defaults(handler=handle_check)

    diff = actions.add_parser(
        "diff",
        help="phân loại thay đổi giữa hai lược đồ / classify changes between two schemas",
        description=(
            "Liệt kê thay đổi từ OLD sang NEW: breaking (cần tăng phiên bản chính), compatible "
            "(phiên bản phụ), annotation (bản vá). Thoát 1 nếu có thay đổi breaking."
        ),
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=FORMAT_CHOICES, default="text")
    diff.set_defaults(handler=handle_diff)


def handle_export(args: argparse.Namespace) -> int:
    """Write the schemas; list the files that changed on stderr. With ``--unit``, print or write
    one unit's schema (or UI schema)."""
    if args.unit is not None:
        return _export_unit(args)
    extra = [name for name in ("form", "ui", "output") if getattr(args, name) is not None]
    if extra:
        print(
            f"sokets: --{extra[0]} chỉ dùng cùng --unit / --{extra[0]} goes with --unit",
            file=sys.stderr,
        )
        return 2
    from sokets.schema.folder import write_schemas

    directory = args.dir or DEFAULT_DIR
    written = write_schemas(directory)
    for path in written:
        print(f"đã ghi / wrote {path}", file=sys.stderr)
    if not written:
        print(f"{directory}: không có gì thay đổi / up to date", file=sys.stderr)
    return 0


def _export_unit(args: argparse.Namespace) -> int:
    from sokets.schema.export import dumps
    from sokets.schema.folder import UI_SCHEMAS
    from sokets.schema.unit import unit_schema
    from sokets.units import get_registry

    if args.dir is not None:
        print(
            "sokets: --unit in ra màn hình hoặc tệp -o, không ghi vào thư mục / --unit prints "
            "one schema: use -o FILE, not DIR",
            file=sys.stderr,
        )
        return 2
    unit = get_registry().lookup(args.unit)
    try:
        schema = unit_schema(unit, args.form)
    except ValueError as exc:
        print(f"sokets: {exc}", file=sys.stderr)
        return 2
    document = UI_SCHEMAS[args.ui][1](schema) if args.ui else schema
    content = dumps(document)
    if args.output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return 0
    from sokets.outputs import check_output, write_atomic

    written = write_atomic(check_output(args.output, suffix=".json"), content)
    print(f"đã ghi / wrote {written}", file=sys.stderr)
    return 0


def handle_check(args: argparse.Namespace) -> int:
    """Check the schemas folder; one line per problem on stderr."""
    from sokets.schema.folder import check_schemas

    problems = check_schemas(args.dir)
    for problem in problems:
        print(f"{Path(args.dir) / problem.path}: {problem.message}", file=sys.stderr)
    return 1 if problems else 0


def handle_diff(args: argparse.Namespace) -> int:
    """Print the changes from OLD to NEW and the version bump they need."""
    from sokets.cli._output import write_json, write_table
    from sokets.schema.diff import Impact, diff_schemas, required_bump, schema_version
    from sokets.schema.versions import Bump, version_bump

    old, new = _read_schema(args.old), _read_schema(args.new)
    changes = diff_schemas(old, new)
    needed = required_bump(changes)
    versions = (schema_version(old), schema_version(new))
    found = None
    if versions[0] is not None and versions[1] is not None:
        try:
            found = version_bump(versions[0], versions[1])
        except ValueError:
            found = None
    if not all(versions):
        sufficient = None
    elif needed is Bump.NONE:  # nothing changed that needs a bump: the same version is fine
        sufficient = found is not None or versions[0] == versions[1]
    else:
        sufficient = found is not None and found >= needed
    breaking = any(c.impact is Impact.BREAKING for c in changes)
    if args.format == "json":
        write_json(
            {
                "old": args.old,
                "new": args.new,
                "old_version": versions[0],
                "new_version": versions[1],
                "required_bump": needed.label,
                "version_bump": found.label if found is not None else None,
                "bump_sufficient": sufficient,
                "breaking": breaking,
                "changes": [c.to_dict() for c in changes],
            }
        )
    else:
        write_table(
            [
                (c.impact.value, c.location or "/", c.kind, c.detail, c.schema_pointer or "/")
                for c in changes
            ],
            ("impact", "location", "kind", "detail", "schema"),
        )
        summary = f"cần tăng phiên bản / required version bump: {needed.label}"
        if sufficient is not None:
            verdict = "đủ / sufficient" if sufficient else "KHÔNG đủ / NOT sufficient"
            summary += f"; {versions[0]} → {versions[1]}: {verdict}"
        print(summary, file=sys.stderr)
    return 1 if breaking else 0


def _read_schema(path: str) -> dict[str, Any]:
    import json

    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    from sokets.errors import InputError
    from sokets.inputs import read_input

    data = read_input(Path(path))
    try:
        schema = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"JSON không hợp lệ / malformed JSON: {exc}", source=path) from None
    if not isinstance(schema, dict):
        raise InputError(
            "lược đồ phải là một đối tượng JSON / a schema must be a JSON object", source=path
        )
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/" + "/".join(str(p) for p in exc.path)
        raise InputError(
            f"không phải lược đồ JSON 2020-12 hợp lệ / not a valid 2020-12 schema: {exc.message}",
            source=path,
            location=where,
        ) from None
    except RecursionError:
        raise InputError("lược đồ lồng quá sâu / schema nested too deeply", source=path) from None
    return schema
