"""``sokets template``: the file a unit fills in (its XLSX template, or another blank format)."""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._blank import add_arguments, write_blank


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "template",
        help="mẫu để một đơn vị điền / write a unit's template to fill in",
        description=(
            "Ghi mẫu báo cáo dành riêng cho một đơn vị (mã hoặc tên, xem `sokets units`). Mẫu "
            "XLSX có các trang Thông tin, Đề cương, Số liệu, Điển hình, Chỉ số (xã) và Phụ lục "
            "02, 03 (sở, ngành, huyện); điền xong, nhập lại bằng `sokets import TỆP.xlsx`. Cùng "
            "một lệnh với `sokets outline`, chỉ khác định dạng mặc định (xlsx). / A unit's "
            "template in Excel; same as `sokets outline` but for the default format."
        ),
    )
    add_arguments(parser, "xlsx")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Write the template; print the path written. Exit 2 for a unit without one."""
    return write_blank(args)
