"""``sokets validate``: check reports (files and folders) for CI pipelines and people."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import add_quiet

FORMATS = ("text", "json", "github")


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="kiểm tra báo cáo / validate reports",
        description=(
            "Kiểm tra các báo cáo (tệp hoặc thư mục): kiểu dữ liệu, các mục phải trả lời, nhiệm "
            "vụ Phụ lục 03, tỷ lệ, ngày tháng. Mã thoát: 0 hợp lệ, 1 có lỗi (hoặc cảnh báo với "
            "--strict), 2 không đọc được tệp hoặc sai tham số. / Validate reports. Exit 0 valid, "
            "1 a report has errors (or warnings with --strict), 2 unreadable input or bad "
            "arguments."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục / file or folder"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (mặc định), json, github (chú thích GitHub Actions / annotations)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="cảnh báo cũng tính là lỗi / warnings fail too",
    )
    add_quiet(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Validate every input (even after a bad one); exit with the worst outcome."""
    import gc
    import sys

    from sokets.cli._output import warn
    from sokets.cli.main import EXIT_INVALID, EXIT_OK, EXIT_USAGE
    from sokets.reporters import get_reporter
    from sokets.reporters._locate import JsonLocator
    from sokets.units import get_registry
    from sokets.validation import validate_paths

    get_registry()
    gc.freeze()  # a short-lived process: spare the collector the models and the registry
    run = validate_paths(args.paths)
    for error in run.unreadable:
        warn(f"sokets: {error}")
    locate = JsonLocator() if args.format == "github" else None
    reporter = get_reporter(args.format, locate=locate)
    output = reporter.render(run, strict=args.strict, quiet=args.quiet)
    if run.unreadable:
        verdict = EXIT_USAGE
    else:
        verdict = EXIT_OK if run.is_valid(strict=args.strict) else EXIT_INVALID
    try:
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader went away: the verdict still stands
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return verdict
