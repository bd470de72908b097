"""``sokets outline``: a unit's blank outline to fill in (DOCX), read back by ``sokets import``.

``outline`` and ``template`` write the same files (one renderer per format, one default name per
format); they differ only in their default format: the outline in Word, the template in Excel.
"""

from __future__ import annotations

import argparse
from typing import Any

from sokets.cli._blank import add_arguments, write_blank


def register(subparsers: Any) -> None:
    """Add the sub-command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "outline",
        help="đề cương trống của một đơn vị (DOCX) / write a unit's blank outline",
        description=(
            "Ghi đề cương báo cáo dành riêng cho một đơn vị (mã hoặc tên, xem `sokets units`): chỉ "
            "các mục đơn vị phải báo cáo, kèm hướng dẫn của Kế hoạch và các nhiệm vụ Phụ lục 03 "
            "của đơn vị; xã nhận đề cương Phụ lục 04. Điền xong trong Word, nhập lại bằng "
            "`sokets import TỆP.docx`. Cùng một lệnh với `sokets template`, chỉ khác định dạng "
            "mặc định (docx); `--to xlsx` ghi đúng tệp mà `sokets template` ghi. / A unit's "
            "blank outline in Word; same as `sokets template` but for the default format."
        ),
    )
    add_arguments(parser, "docx")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Write the outline; print the path written. Exit 2 for a unit without an outline."""
    return write_blank(args)
