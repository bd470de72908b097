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
    """List tasks; for a unit without tasks of its own, say why on stderr."""

    from sokets.catalogue import ALL_PL01_UNITS, get_catalogue
    from sokets.cli._output import warn, write_json, write_table
    from sokets.units import UnitKind, get_registry

    catalogue = get_catalogue()
    tasks = tuple(catalogue)
    if args.unit:
        unit = get_registry().lookup(args.unit)
        tasks = catalogue.tasks_for(unit)
        note = ""
        if unit.kind is UnitKind.SUBUNIT:
            tasks = tuple(t for t in catalogue if unit.code in t.lead_units)
            parent = get_registry().get(unit.reporting_unit)
            note = (
                f"{unit.name} chủ trì {len(tasks)} nhiệm vụ dưới đây, báo cáo trong Phụ lục 03 của "
                f"{parent.name} ({parent.code}) / these tasks are reported by the parent unit"
            )
        elif not tasks:
            note = (
                f"{unit.name} ({unit.kind.label}) không có nhiệm vụ Phụ lục 03: UBND cấp xã báo "
                "cáo theo Phụ lục 04, không kèm Phụ lục 02, 03 / communes report no Phụ lục 03 "
                "task"
            )
        if note:
            warn(f"sokets: {note}")
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
                (t.id, t.title, ALL_PL01_UNITS if t.for_all_units else ", ".join(t.lead_units))
                for t in tasks
            ],
            ("id", "title", "lead_units"),
        )
    return 0
