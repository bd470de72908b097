"""Findings: what a check says about a report, as data.

A :class:`Finding` has a stable code, a severity, a location (a JSON pointer into the report, or
``Sheet!B7`` in a workbook, or ``paragraph 12`` in a document) and a message in Vietnamese and
English. A :class:`ValidationReport` collects the findings about one input. Findings describe the
content; exceptions (:mod:`sokets.errors`) mean the input could not be processed at all.

Every kind of finding is declared once as a :class:`FindingType` with :func:`finding_type`; the
registry :data:`FINDING_TYPES` is the catalogue the docs are built from. Codes are never reused.
Code families by first letter: ``T`` the form model (types, required fields), ``R`` validation
rules, ``X`` workbook import, ``D`` document import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is: errors make a report invalid, warnings do not (unless strict)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing a check found, where, and how to fix it."""

    code: str
    severity: Severity
    location: str
    message_vi: str
    message_en: str

    @property
    def message(self) -> str:
        """Both messages on one line."""
        return f"{self.message_vi} / {self.message_en}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "location": self.location,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class FindingType:
    """A kind of finding: stable code, severity, title and message templates (``str.format``)."""

    code: str
    severity: Severity
    title: str
    template_vi: str
    template_en: str
    description: str = ""

    def at(self, location: str, **params: Any) -> Finding:
        """A finding of this type at ``location``, its messages filled with ``params``."""
        return Finding(
            self.code,
            self.severity,
            location,
            self.template_vi.format(**params),
            self.template_en.format(**params),
        )


#: Every finding type, by code.
FINDING_TYPES: dict[str, FindingType] = {}


def finding_type(
    code: str,
    severity: Severity,
    title: str,
    template_vi: str,
    template_en: str,
    description: str = "",
) -> FindingType:
    """Declare and register a finding type; a code declared twice is a programming error."""
    if code in FINDING_TYPES:
        raise ValueError(f"finding code {code} is already declared")
    declared = FindingType(code, severity, title, template_vi, template_en, description)
    FINDING_TYPES[code] = declared
    return declared


@dataclass
class ValidationReport:
    """The findings about one input (a file, a byte string or a model)."""

    source: str
    form: str | None = None
    unit_code: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        self.findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def errors(self) -> list[Finding]:
        """The findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def warnings(self) -> list[Finding]:
        """The findings of severity warning."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def by_severity(self, severity: Severity) -> list[Finding]:
        """The findings of one severity."""
        return [f for f in self.findings if f.severity is severity]

    def is_valid(self, *, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        return not (self.findings if strict else self.errors())

    @property
    def valid(self) -> bool:
        """No errors."""
        return self.is_valid()

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        return {s.value: len(self.by_severity(s)) for s in Severity}

    @property
    def codes(self) -> list[str]:
        """The codes found, in order (handy in tests)."""
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "source": self.source,
            "form": self.form,
            "unit_code": self.unit_code,
            "valid": self.valid,
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }
