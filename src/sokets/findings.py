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

#: Findings of one code listed per input; past this they are only counted ("… and N more"), so
#: that a hostile file cannot make a run print millions of lines.
MAX_FINDINGS_PER_CODE = 50


class FindingList:
    """The findings about one input, at most ``limit`` of each code; the rest only counted.

    ``items`` are the findings kept, in the order added; ``omitted`` maps a code to the number
    of its findings left out. A reader about to build an expensive finding can ask
    :meth:`has_room` first and :meth:`skip` it when there is none.
    """

    def __init__(self, limit: int = MAX_FINDINGS_PER_CODE) -> None:
        self.limit = limit
        self.items: list[Finding] = []
        self.omitted: dict[str, int] = {}
        self._kept: dict[str, int] = {}

    def has_room(self, code: str) -> bool:
        """Whether another finding of ``code`` would be kept."""
        return self._kept.get(code, 0) < self.limit

    def skip(self, code: str, count: int = 1) -> None:
        """Count ``count`` findings of ``code`` without keeping them."""
        self.omitted[code] = self.omitted.get(code, 0) + count

    def add(self, finding: Finding) -> None:
        """Keep ``finding`` if its code has room, else count it."""
        if self.has_room(finding.code):
            self._kept[finding.code] = self._kept.get(finding.code, 0) + 1
            self.items.append(finding)
        else:
            self.skip(finding.code)

    def extend(self, findings: Iterable[Finding], omitted: dict[str, int] | None = None) -> None:
        """Add findings (consumed lazily) and the counts another list already left out."""
        for finding in findings:
            self.add(finding)
        for code, count in (omitted or {}).items():
            self.skip(code, count)


def severity_of(code: str) -> Severity:
    """The severity of a declared finding code (:class:`KeyError` for an unknown one)."""
    return FINDING_TYPES[code].severity


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
    """The findings about one input (a file, a byte string or a model).

    ``findings`` lists at most :data:`MAX_FINDINGS_PER_CODE` findings of each code; ``omitted``
    counts, by code, those left out. :attr:`counts` and the verdict include the omitted ones.
    """

    source: str
    form: str | None = None
    unit_code: str | None = None
    findings: list[Finding] = field(default_factory=list)
    omitted: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        capped = FindingList()
        capped.extend(self.findings, self.omitted)
        self.findings, self.omitted = capped.items, capped.omitted

    def extend(self, findings: Iterable[Finding], omitted: dict[str, int] | None = None) -> None:
        """Add findings, keeping the per-code limit."""
        capped = FindingList()
        capped.extend(self.findings, self.omitted)
        capped.extend(findings, omitted)
        self.findings, self.omitted = capped.items, capped.omitted

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
        counts = self.counts
        return not (counts["error"] or (strict and counts["warning"]))

    @property
    def valid(self) -> bool:
        """No errors."""
        return self.is_valid()

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity, the omitted ones included."""
        counts = {s.value: len(self.by_severity(s)) for s in Severity}
        for code, count in self.omitted.items():
            counts[severity_of(code).value] += count
        return counts

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
            "omitted": dict(self.omitted),
        }
