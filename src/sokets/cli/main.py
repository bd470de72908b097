"""Entry point of the ``sokets`` command.

Each sub-command lives in its own module of this package with a ``register(subparsers)``
function; registering must stay cheap (no heavy imports) so that ``sokets --help`` is fast. A
handler returns the exit code: 0 success, 1 a report has errors, 2 input could not be read or
arguments are wrong. A :class:`~sokets.errors.SoketsError` escaping a handler becomes one line on
stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from sokets._version import __version__

#: Sub-command modules, in the order ``sokets --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "sokets.cli.units",
    "sokets.cli.catalog",
    "sokets.cli.validate",
    "sokets.cli.summary",
    "sokets.cli.consolidate",
    "sokets.cli.schema",
    "sokets.cli.outline",
    "sokets.cli.template",
    "sokets.cli.import_cmd",
    "sokets.cli.render",
)

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    from sokets.cli import _argparse

    _argparse.install()
    parser = argparse.ArgumentParser(
        prog="sokets",
        description=(
            "Kế hoạch 403/KH-UBND (Nghệ An, 2023): biểu mẫu báo cáo sơ kết 01 năm chuyển đổi số. "
            "Report forms, schemas, validation, DOCX/XLSX for plan 403/KH-UBND."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sokets {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from sokets.cli._output import warn
    from sokets.errors import SoketsError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except SoketsError as exc:
        warn(f"sokets: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("SOKETS_DEBUG"):
            raise
        warn(
            f"sokets: lỗi nội bộ / internal error: {type(exc).__name__}: {exc} — hãy báo lỗi "
            "kèm tệp đầu vào / please report it with the input (SOKETS_DEBUG=1 shows details)"
        )
        return EXIT_INTERNAL
    return code


def run() -> None:
    """Console-script entry point.

    The command needs no third-party pydantic plugins; not discovering them (a scan of every
    installed distribution's entry points) saves about 15 ms on each run. A user who sets
    ``PYDANTIC_DISABLE_PLUGINS`` keeps their own value.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _tolerant_streams()
    sys.exit(main())


def _tolerant_streams() -> None:
    """Text a terminal's encoding cannot show (Vietnamese under cp1252) is escaped, never a crash.

    Machine output (JSON) is written as UTF-8 bytes whatever the terminal.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    run()
