"""What ``sokets outline`` and ``sokets template`` share: write a unit's blank form."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sokets.units import Unit


#: Default file name of a unit's blank form, by format: the same for ``outline`` and
#: ``template``, which differ only in their default format.
DEFAULT_NAMES: dict[str, tuple[str, Callable[[Unit], str]]] = {
    "docx": ("MÃ-ĐƠN-VỊ-de-cuong.docx", lambda unit: f"{unit.code}-de-cuong"),
    "xlsx": (
        "MÃ-ĐƠN-VỊ-pl01.xlsx hoặc MÃ-ĐƠN-VỊ-pl04.xlsx",
        lambda unit: f"{unit.code}-{(unit.form or 'mau').lower()}",
    ),
}


def output_help(default_format: str) -> str:
    """Help for ``-o``: the default names the command really writes, its own format first."""
    formats = sorted(DEFAULT_NAMES, key=lambda fmt: fmt != default_format)
    names = "; ".join(f"--to {fmt}: {DEFAULT_NAMES[fmt][0]}" for fmt in formats)
    return f"tệp ghi ra, đuôi đúng định dạng (mặc định, trong thư mục hiện tại: {names})"


def add_arguments(parser: argparse.ArgumentParser, default_format: str) -> None:
    """The arguments of a blank-form command: UNIT, --to FORMAT, -o OUT."""
    parser.add_argument("unit", metavar="UNIT", help="mã hoặc tên đơn vị, ví dụ SO-TTTT, 412")
    parser.add_argument(
        "--to",
        default=default_format,
        metavar="FORMAT",
        help=f"định dạng tệp (mặc định: {default_format})",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help=output_help(default_format))
    parser.add_argument(
        "--force",
        action="store_true",
        help="ghi đè tệp mặc định đã có (có thể đã được điền) / overwrite the default file",
    )


def write_blank(args: argparse.Namespace) -> int:
    """Write ``args.unit``'s blank form as ``args.to``; print the path. Exit 2 for a subunit."""
    import sys

    from sokets.errors import OutputError
    from sokets.outputs import check_output, write_atomic
    from sokets.render import blank_renderer
    from sokets.units import get_registry

    unit = get_registry().lookup(args.unit)
    if unit.form is None:
        print(
            f"sokets: {unit.code} ({unit.name}) báo cáo qua đơn vị chủ quản {unit.parent}, không "
            "có mẫu riêng / reports through its parent unit, has no form of its own",
            file=sys.stderr,
        )
        return 2
    renderer = blank_renderer(args.to)
    default_stem = DEFAULT_NAMES.get(args.to, ("", lambda unit: f"{unit.code}-mau"))[1]
    output = check_output(
        args.output or f"{default_stem(unit)}{renderer.suffix}", suffix=renderer.suffix
    )
    if args.output is None and output.exists() and not args.force:
        raise OutputError(
            "tệp đã có (có thể đã được điền); dùng -o để chọn tên khác hoặc --force để ghi đè / "
            "file exists (it may be filled in already): use -o or --force",
            source=str(output),
        )
    written = write_atomic(output, renderer.render(unit))
    sys.stdout.write(f"{written}\n")
    return 0
