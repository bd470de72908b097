"""Reporters: turn a :class:`~sokets.validation.ValidationRun` into text for people or machines.

:data:`REPORTER_BY_NAME` maps a format name to ``"module:class"`` (imported on first use); each
class follows :class:`Reporter`. ``sokets validate --format NAME`` picks one. Adding a format means
adding one module and one entry here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from sokets.errors import SoketsError

if TYPE_CHECKING:
    from sokets.validation import ValidationRun

Locate = Callable[[str, str], "tuple[int, int] | None"]
"""``locate(source, location)`` → ``(line, column)`` of a finding in its file, when known."""


def omitted_line(code: str, count: int) -> str:
    """The line saying that ``count`` more findings of ``code`` were left out."""
    return (
        f"… và {count} phát hiện {code} khác (không liệt kê) / … and {count} more {code} "
        "findings (not listed)"
    )


def fails(severity: str, *, strict: bool) -> bool:
    """Whether a finding of ``severity`` fails the run (warnings do with ``strict``)."""
    return severity == "error" or strict


class Reporter(Protocol):
    """Renders the outcome of a validation run."""

    def render(self, run: ValidationRun, *, strict: bool = False, quiet: bool = False) -> str:
        """The whole output, ending with a newline (with ``quiet``, what fails the run only,
        where the format allows leaving things out)."""
        ...


#: Reporters by format name.
REPORTER_BY_NAME: dict[str, str] = {
    "text": "sokets.reporters.text:TextReporter",
    "json": "sokets.reporters.jsondoc:JsonReporter",
    "github": "sokets.reporters.github:GitHubReporter",
}


class UnknownReporterError(SoketsError):
    """A format name no reporter is registered for."""


def get_reporter(name: str, *, locate: Locate | None = None) -> Reporter:
    """A reporter for format ``name``; ``locate`` gives line numbers where a format uses them."""
    target = REPORTER_BY_NAME.get(name)
    if target is None:
        raise UnknownReporterError(
            f"không có định dạng báo cáo {name!r}; có: {', '.join(REPORTER_BY_NAME)} / "
            "unknown output format"
        )
    module, _, factory = target.partition(":")
    reporter: Reporter = getattr(importlib.import_module(module), factory)(locate=locate)
    return reporter
