"""Validate reports: the library entry points behind ``sokets validate``.

A report is checked in two stages: the form model (types, required fields, unit codes, items the
unit must answer) and then the rules of :mod:`sokets.rules`. Every problem either stage finds is a
:class:`~sokets.findings.Finding` with a stable code; a :class:`~sokets.findings.ValidationReport`
collects them for one input. Nothing here prints or exits.

Input that cannot be read as a report at all (a missing file, malformed JSON, an unknown form or
version, a file over :data:`sokets.inputs.MAX_INPUT_BYTES`) is not a finding: the functions for
one input raise :class:`~sokets.errors.InputError`, and :func:`validate_paths` collects those
errors in :attr:`ValidationRun.unreadable` and carries on with the other inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sokets.errors import InputError, InvalidReportError
from sokets.findings import Severity, ValidationReport
from sokets.forms import load_report
from sokets.inputs import READERS, ImportResult, iter_input_files, read_report
from sokets.rules import check, problem_findings


def validate_report(report: BaseModel, *, source: str = "<report>") -> ValidationReport:
    """Run the rules on a form instance (a model that already fits its form)."""
    header: Any = getattr(report, "header", None)
    return ValidationReport(
        source=source,
        form=getattr(header, "form", None),
        unit_code=getattr(header, "unit_code", None),
        findings=check(report),
    )


def validate_bytes(data: bytes | str, source: str = "<bytes>") -> ValidationReport:
    """Validate a form instance given as JSON bytes: the model's problems, then the rules.

    Raises :class:`InputError` when the bytes are not a form instance at all (empty, not UTF-8,
    malformed JSON, unknown form or version).
    """
    try:
        report = load_report(data, source=source)
    except InvalidReportError as exc:
        return invalid_report(exc, _parse(data))
    return validate_report(report, source=source)


def validate_path(path: str | Path) -> ValidationReport:
    """Validate one file, read by the reader registered for its suffix (JSON, XLSX…).

    What the reader noticed on the way (cells it could not place…) comes first in the findings.
    Raises :class:`InputError` when the file cannot be read as a report.
    """
    path = Path(path)
    try:
        result = read_report(path)
    except InvalidReportError as exc:
        document = _parse(_read_quietly(path)) if path.suffix.lower() == ".json" else None
        return invalid_report(exc, document)
    return validate_import(result, source=str(path))


def validate_import(result: ImportResult, *, source: str) -> ValidationReport:
    """Validate a report read from a file: the reader's findings first, then the rules'.

    Rule findings name the place in the file (``Sheet!B7``) where the reader recorded one.
    """
    report = validate_report(result.report, source=source)
    if result.locations:
        report.findings = [
            replace(f, location=_place(f.location, result.locations)) for f in report.findings
        ]
    merged = ValidationReport(source=report.source, form=report.form, unit_code=report.unit_code)
    merged.extend(result.findings, result.omitted)
    merged.extend(report.findings, report.omitted)
    return merged


def _place(pointer: str, locations: dict[str, str]) -> str:
    """The place in the file (``Sheet!B7``) a JSON pointer came from, or the pointer itself.

    A pointer below a known one (``…/percent`` under a ratio's row) gets its nearest ancestor's
    place, followed by the pointer.
    """
    if pointer in locations:
        return locations[pointer]
    parent = pointer
    while "/" in parent:
        parent = parent.rsplit("/", 1)[0]
        if parent in locations:
            return f"{locations[parent]} ({pointer})"
    return pointer


def invalid_report(error: InvalidReportError, document: Any = None) -> ValidationReport:
    """The validation report of an input that does not fit its model.

    ``document`` is the parsed JSON, when there is one: messages then quote the wrong values. A
    problem that carries its finding (a reader's, see :class:`~sokets.errors.Problem`) is
    reported as it is.
    """
    header = document.get("header") if isinstance(document, dict) else None
    unit_code = header.get("unit_code") if isinstance(header, dict) else None
    plain = [p for p in error.problems if p.finding is None]
    derived = iter(
        problem_findings(plain, error.form, document)
        if document is not None
        else problem_findings(plain, error.form)
    )
    findings = [p.finding if p.finding is not None else next(derived) for p in error.problems]
    return ValidationReport(
        source=error.source,
        form=error.form,
        unit_code=unit_code if isinstance(unit_code, str) else None,
        findings=findings,
        omitted=error.omitted,
    )


def _read_quietly(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _parse(data: bytes | str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


@dataclass
class ValidationRun:
    """The outcome of validating several inputs: a report for each readable one, and the errors
    of those that could not be read."""

    reports: list[ValidationReport] = field(default_factory=list)
    unreadable: list[InputError] = field(default_factory=list)

    def is_valid(self, *, strict: bool = False) -> bool:
        """Every input readable and valid (with ``strict``, without warnings either)."""
        return not self.unreadable and all(r.is_valid(strict=strict) for r in self.reports)

    @property
    def counts(self) -> dict[str, int]:
        """Inputs, valid and invalid reports, unreadable inputs, and findings per severity."""
        return self.tally()

    def tally(self, *, strict: bool = False) -> dict[str, int]:
        """:attr:`counts`, where with ``strict`` a report with warnings counts as invalid."""
        counts = {
            "inputs": len(self.reports) + len(self.unreadable),
            "valid": sum(1 for r in self.reports if r.is_valid(strict=strict)),
            "invalid": sum(1 for r in self.reports if not r.is_valid(strict=strict)),
            "unreadable": len(self.unreadable),
        }
        for severity in Severity:
            counts[severity.value] = sum(len(r.by_severity(severity)) for r in self.reports)
        return counts

    def to_dict(self, *, strict: bool = False) -> dict[str, Any]:
        """A JSON-ready dict: overall verdict, counts, reports and unreadable inputs."""
        return {
            "valid": self.is_valid(strict=strict),
            "strict": strict,
            "counts": self.tally(strict=strict),
            "reports": [{**r.to_dict(), "valid": r.is_valid(strict=strict)} for r in self.reports],
            "unreadable": [
                {"source": e.source, "location": e.location, "message": e.message}
                for e in self.unreadable
            ],
        }


def validate_paths(paths: Iterable[str | Path]) -> ValidationRun:
    """Validate files and folders (recursively: every file with a registered reader's suffix).

    Never stops at a bad input: a missing path, a folder with no report or an unreadable file is
    recorded in :attr:`ValidationRun.unreadable` and the other inputs are still validated.
    """
    run = ValidationRun()
    suffixes = tuple(READERS)
    for entry in paths:
        try:
            files = list(iter_input_files([entry], suffixes))
        except InputError as exc:
            run.unreadable.append(exc)
            continue
        for file in files:
            try:
                run.reports.append(validate_path(file))
            except InputError as exc:
                run.unreadable.append(exc)
    return run
