"""``sokets render``: a filled report as a document (DOCX in the official format…)."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import add_quiet


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "render",
        help="kết xuất báo cáo ra văn bản (DOCX) / render a report as a document",
        description=(
            "Kết xuất một báo cáo (JSON, hoặc tệp đã điền mà sokets đọc được) thành văn bản theo "
            "thể thức Nghị định 30/2020/NĐ-CP, kèm Phụ lục 02, 03. Báo cáo có lỗi thì không kết "
            "xuất (mã thoát 1) trừ khi dùng --allow-errors."
        ),
    )
    parser.add_argument("report", metavar="REPORT", help="tệp báo cáo, ví dụ REPORT.json")
    parser.add_argument(
        "--to", default="docx", metavar="FORMAT", help="định dạng tệp (mặc định: docx)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="tệp ghi ra (mặc định: TÊN-bao-cao.docx cạnh tệp báo cáo)",
    )
    parser.add_argument(
        "--allow-errors",
        action="store_true",
        help="vẫn kết xuất khi báo cáo còn lỗi theo quy tắc kiểm tra / render despite rule errors",
    )
    add_quiet(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Render one report; exit 1 (nothing written) when it does not fit its form or has errors."""
    import sys
    from pathlib import Path

    from sokets.cli._output import print_findings, warn
    from sokets.errors import InvalidReportError
    from sokets.inputs import read_report, require_file
    from sokets.outputs import check_output
    from sokets.render import render_report_to, report_renderer
    from sokets.validation import invalid_report, validate_import

    source = require_file(Path(args.report))
    renderer = report_renderer(args.to)
    output = Path(args.output or source.with_name(f"{source.stem}-bao-cao{renderer.suffix}"))
    check_output(output, suffix=renderer.suffix, inputs=[source])
    try:
        result = read_report(source)
    except InvalidReportError as exc:
        invalid = invalid_report(exc)
        print_findings(str(exc.source), invalid.findings, invalid.omitted, quiet=args.quiet)
        return 1
    checked = validate_import(result, source=str(source))
    print_findings(str(source), checked.findings, checked.omitted, quiet=args.quiet)
    if not checked.valid and not args.allow_errors:
        warn(
            f"sokets: {source}: báo cáo còn lỗi, không kết xuất (dùng --allow-errors để vẫn kết "
            "xuất) / the report has errors, nothing written"
        )
        return 1
    written = render_report_to(output, result.report, args.to)
    sys.stdout.write(f"{written}\n")
    return 0
