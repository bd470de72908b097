"""``sokets import``: read a filled file (any registered format) into a JSON report."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import add_quiet


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="đọc tệp đã điền thành báo cáo JSON / read a filled file into a JSON report",
        description=(
            "Đọc một tệp đã điền (định dạng theo đuôi tệp) và ghi báo cáo JSON. Những gì không "
            "đặt được vào báo cáo được liệt kê, không bị bỏ qua."
        ),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "-o", "--output", metavar="REPORT.json", help="tệp JSON ghi ra (mặc định: stdout)"
    )
    add_quiet(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Import one file. Exit 1 when something could not be placed or the content is invalid."""
    import sys
    from pathlib import Path

    from sokets.cli._output import print_findings
    from sokets.errors import InvalidReportError
    from sokets.findings import severity_of
    from sokets.forms import dump_report
    from sokets.inputs import read_report
    from sokets.outputs import check_output, write_atomic
    from sokets.validation import invalid_report

    if args.output:
        check_output(args.output, suffix=".json", inputs=[args.file])
    try:
        result = read_report(Path(args.file))
    except InvalidReportError as exc:
        invalid = invalid_report(exc)
        print_findings(str(exc.source), invalid.findings, invalid.omitted, quiet=args.quiet)
        return 1
    data = dump_report(result.report)
    if args.output:
        write_atomic(args.output, data)
    else:
        sys.stdout.buffer.write(data + b"\n")
    print_findings(args.file, result.findings, result.omitted, quiet=args.quiet)
    errors = any(f.severity.value == "error" for f in result.findings)
    return 1 if errors or any(severity_of(c).value == "error" for c in result.omitted) else 0
