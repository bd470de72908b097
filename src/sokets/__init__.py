"""sokets: plan 403/KH-UBND of Nghệ An (2023) as software.

The plan's content lives in :mod:`sokets.plan` (identity, dates, duties, errata),
:mod:`sokets.units` (who reports), :mod:`sokets.catalogue` (the 38 tasks of Phụ lục 03) and
:mod:`sokets.outline` (the outlines of Phụ lục 01 and 04). The filled forms are Pydantic models in
:mod:`sokets.models`; :mod:`sokets.forms` reads and writes them as JSON, :mod:`sokets.validation`
checks them against the plan's rules, :mod:`sokets.schema` exports their JSON Schemas, and
:mod:`sokets.docx` and :mod:`sokets.xlsx` turn them into documents and workbooks and back.

``import sokets`` is cheap: names below are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sokets._version import __version__

_LAZY: dict[str, str] = {
    "PLAN": "sokets.plan",
    "ERRATA": "sokets.plan",
    "Unit": "sokets.units",
    "UnitKind": "sokets.units",
    "UnitRegistry": "sokets.units",
    "get_registry": "sokets.units",
    "Task": "sokets.catalogue",
    "TaskCatalogue": "sokets.catalogue",
    "get_catalogue": "sokets.catalogue",
    "Outline": "sokets.outline",
    "OutlineItem": "sokets.outline",
    "pl01_outline": "sokets.outline",
    "pl04_outline": "sokets.outline",
    "outline_for": "sokets.outline",
    "FORMS": "sokets.forms",
    "load_report": "sokets.forms",
    "dump_report": "sokets.forms",
    "validate_report": "sokets.validation",
    "validate_bytes": "sokets.validation",
    "validate_path": "sokets.validation",
    "Finding": "sokets.findings",
    "Severity": "sokets.findings",
    "ValidationReport": "sokets.findings",
    "SoketsError": "sokets.errors",
    "InputError": "sokets.errors",
    "InvalidReportError": "sokets.errors",
    "UnknownUnitError": "sokets.errors",
}

__all__ = [
    "ERRATA",
    "FORMS",
    "PLAN",
    "Finding",
    "InputError",
    "InvalidReportError",
    "Outline",
    "OutlineItem",
    "Severity",
    "SoketsError",
    "Task",
    "TaskCatalogue",
    "Unit",
    "UnitKind",
    "UnitRegistry",
    "UnknownUnitError",
    "ValidationReport",
    "__version__",
    "dump_report",
    "get_catalogue",
    "get_registry",
    "load_report",
    "outline_for",
    "pl01_outline",
    "pl04_outline",
    "validate_bytes",
    "validate_path",
    "validate_report",
]

if TYPE_CHECKING:
    from sokets.catalogue import Task, TaskCatalogue, get_catalogue
    from sokets.errors import InputError, InvalidReportError, SoketsError, UnknownUnitError
    from sokets.findings import Finding, Severity, ValidationReport
    from sokets.forms import FORMS, dump_report, load_report
    from sokets.outline import Outline, OutlineItem, outline_for, pl01_outline, pl04_outline
    from sokets.plan import ERRATA, PLAN
    from sokets.units import Unit, UnitKind, UnitRegistry, get_registry
    from sokets.validation import validate_bytes, validate_path, validate_report


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sokets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
