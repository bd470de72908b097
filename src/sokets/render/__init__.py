"""Renderers: turn a report, or a unit's blank form, into a file format (DOCX, XLSX…).

Two registries, keyed by format name, map to ``"module:factory"`` strings so that nothing heavy
is imported until a format is used:

* :data:`REPORT_RENDERERS` — a filled report (``Pl01Report``, ``Pl04Report``…) to bytes;
* :data:`BLANK_RENDERERS` — what a unit receives to fill in (its outline or template) to bytes;
* :data:`CONSOLIDATION_RENDERERS` — a :class:`~sokets.consolidation.Consolidation` to bytes.

A factory returns an object following :class:`ReportRenderer`, :class:`BlankRenderer` or
:class:`ConsolidationRenderer`. Adding a
format means adding one module and one registry entry.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from sokets.errors import SoketsError
from sokets.outputs import write_atomic
from sokets.units import Unit

if TYPE_CHECKING:
    from sokets.consolidation import Consolidation


class UnknownFormatError(SoketsError):
    """A format name no renderer is registered for."""


class ReportRenderer(Protocol):
    """Renders a filled report."""

    suffix: str

    def render(self, report: BaseModel) -> bytes:
        """The file's bytes."""
        ...


class BlankRenderer(Protocol):
    """Renders what a unit receives to fill in (blank outline, template)."""

    suffix: str

    def render(self, unit: Unit) -> bytes:
        """The file's bytes."""
        ...


class ConsolidationRenderer(Protocol):
    """Renders a consolidation (register, rates, what the reports say put together)."""

    suffix: str

    def render(self, consolidation: Consolidation) -> bytes:
        """The file's bytes."""
        ...


REPORT_RENDERERS: dict[str, str] = {
    "docx": "sokets.docx.report:DocxReportRenderer",
    "xlsx": "sokets.xlsx.template:report_renderer",
}
BLANK_RENDERERS: dict[str, str] = {
    "docx": "sokets.docx.outline:DocxOutlineRenderer",
    "xlsx": "sokets.xlsx.template:blank_renderer",
}
CONSOLIDATION_RENDERERS: dict[str, str] = {
    "text": "sokets.consolidation.text:TextRenderer",
    "json": "sokets.consolidation.model:JsonRenderer",
    "xlsx": "sokets.xlsx.consolidation:ConsolidationWorkbook",
    "docx": "sokets.review.document:ReviewDocument",
    "html": "sokets.review.page:ReviewPage",
}


def _load(registry: dict[str, str], name: str, what: str, **options: object) -> object:
    target = registry.get(name)
    if target is None:
        known = ", ".join(sorted(registry)) or "—"
        raise UnknownFormatError(
            f"không có định dạng {what} {name!r}; có: {known} / unknown format"
        )
    module, _, factory = target.partition(":")
    return getattr(importlib.import_module(module), factory)(**options)


def report_renderer(name: str) -> ReportRenderer:
    """The report renderer registered as ``name``."""
    renderer: ReportRenderer = _load(REPORT_RENDERERS, name, "báo cáo")  # type: ignore[assignment]
    return renderer


def blank_renderer(name: str) -> BlankRenderer:
    """The blank-form renderer registered as ``name``."""
    renderer: BlankRenderer = _load(BLANK_RENDERERS, name, "mẫu trống")  # type: ignore[assignment]
    return renderer


def consolidation_renderer(name: str, **options: object) -> ConsolidationRenderer:
    """The consolidation renderer registered as ``name``, made with ``options`` (the ``docx``
    draft takes an issuer and a signer, see :class:`sokets.review.document.ReviewDocument`)."""
    renderer: ConsolidationRenderer = _load(  # type: ignore[assignment]
        CONSOLIDATION_RENDERERS, name, "tổng hợp", **options
    )
    return renderer


def render_report_to(path: str | Path, report: BaseModel, fmt: str) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``path`` atomically."""
    return write_atomic(path, report_renderer(fmt).render(report))


def render_blank_to(path: str | Path, unit: Unit, fmt: str) -> Path:
    """Render ``unit``'s blank form as ``fmt`` and write it to ``path`` atomically."""
    return write_atomic(path, blank_renderer(fmt).render(unit))
