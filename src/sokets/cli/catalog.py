"""``sokets catalog``: the tasks of Phụ lục 03, optionally those one unit must answer."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import FORMAT_CHOICES


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "catalog",
        help="danh mục nhiệm vụ Phụ lục 03 / list the tasks of Phụ lục 03",
        description="Liệt kê nhiệm vụ: mã, nhóm, tên, mã đơn vị chủ trì.",
    )
    parser.add_argument(
        "--unit", metavar="CODE_OR_NAME", help="chỉ các nhiệm vụ đơn vị này phải báo cáo"
    )
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="text")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """List tasks."""
    from sokets.catalogue import get_catalogue
    from sokets.cli._output import write_json, write_table

    catalogue = get_catalogue()
    tasks = catalogue.tasks_for(args.unit) if args.unit else tuple(catalogue)
    if args.format == "json":
        write_json(
            [
                {
                    "id": t.id,
                    "group": t.group,
                    "title": t.title,
                    "lead": t.lead,
                    "lead_units": list(t.lead_units),
                    "reporting_units": list(t.reporting_units),
                }
                for t in tasks
            ]
        )
    else:
        write_table(
            [
                (
                    t.id,
                    t.title,
                    "Các sở, ban, ngành, UBND cấp huyện"
                    if t.for_all_units
                    else ", ".join(t.lead_units),
                )
                for t in tasks
            ],
            ("id", "title", "lead_units"),
        )
    return 0
