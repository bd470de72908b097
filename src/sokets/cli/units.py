"""``sokets units``: list the registry of reporting units."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._output import FORMAT_CHOICES

KINDS = ("department", "agency", "subunit", "district", "commune")


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "units",
        help="danh mục đơn vị báo cáo / list reporting units",
        description=(
            "Liệt kê đơn vị: mã, tên, loại, loại hành chính (huyện, thị xã, thành phố; xã, "
            "phường, thị trấn), đơn vị cấp trên, tên gọi khác. / List units: code, name, kind, "
            "administrative type, parent, aliases."
        ),
    )
    parser.add_argument("--kind", choices=KINDS, action="append", help="chỉ loại này (lặp được)")
    parser.add_argument("--format", choices=FORMAT_CHOICES, default="text")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """List units."""
    from sokets.cli._output import write_json, write_table
    from sokets.units import UnitKind, get_registry

    registry = get_registry()
    units = registry.of_kind(*(UnitKind(k) for k in args.kind)) if args.kind else tuple(registry)
    if args.format == "json":
        write_json(
            [
                {
                    "code": u.code,
                    "name": u.name,
                    "kind": u.kind.value,
                    "type": u.subtype or None,
                    "parent": u.parent,
                    "aliases": list(u.aliases),
                }
                for u in units
            ]
        )
    else:
        write_table(
            [
                (u.code, u.name, u.kind.value, u.subtype, u.parent or "", "; ".join(u.aliases))
                for u in units
            ],
            ("code", "name", "kind", "type", "parent", "aliases"),
        )
    return 0
