"""``sokets summary``: what each report answers (items, tasks), one line per file."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import FORMAT_CHOICES


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "summary",
        help="tóm tắt báo cáo / summarise reports",
        description=(
            "Đọc các báo cáo (tệp hoặc thư mục) và cho biết mỗi báo cáo trả lời bao nhiêu mục "
            "đề cương và nhiệm vụ Phụ lục 03."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="text")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Summarise every readable report; exit 1 if one does not fit its model, 2 if one cannot
    be read (the worst wins)."""
    import dataclasses
    from pathlib import Path

    from sokets.cli._output import warn, write_json, write_table
    from sokets.consolidation import summarise
    from sokets.errors import InputError, InvalidReportError
    from sokets.inputs import iter_input_files, read_report

    rows: list[dict[str, Any]] = []
    status = 0
    paths: list[Path] = []
    for entry in args.paths:  # a bad path is reported; the others are still summarised
        try:
            paths.extend(iter_input_files([entry]))
        except InputError as exc:
            warn(f"sokets: {exc}")
            status = 2
    for path in paths:
        try:
            report = read_report(path).report
        except InvalidReportError as exc:
            warn(f"sokets: {exc}")
            status = max(status, 1)
            continue
        except InputError as exc:
            warn(f"sokets: {exc}")
            status = 2
            continue
        summary = dataclasses.asdict(summarise(report))
        summary["report_date"] = str(summary["report_date"] or "")
        rows.append({"source": str(path), **summary})
    if args.format == "json":
        write_json(rows)
    else:
        write_table(
            [
                (
                    r["source"],
                    r["form"],
                    r["unit_code"],
                    r["unit_name"],
                    r["report_date"],
                    f"{r['items_answered']}/{r['items_applicable']}",
                    f"{r['tasks_reported']}/{r['tasks_assigned']}",
                    "trễ hạn" if r["late"] else "",
                )
                for r in rows
            ],
            ("source", "form", "unit", "name", "date", "items", "pl03_tasks", "late"),
        )
    return status
