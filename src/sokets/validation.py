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

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel, ValidationError

from sokets.errors import InputError, InvalidReportError, Problem
from sokets.findings import Finding, FindingList, Severity, ValidationReport
from sokets.forms import FORMS, json_pointer, load_document
from sokets.inputs import READERS, ImportResult, expand_inputs, read_report
from sokets.models.answers import answer_key
from sokets.models.reports import PARTIAL, OutlineReport
from sokets.rules import check, problem_findings
from sokets.rules.model import collect_problems, problem_finding, split_pointer


def validate_report(report: BaseModel, *, source: str = "<report>") -> ValidationReport:
    """Run the rules on a form instance (a model that already fits its form)."""
    header: Any = getattr(report, "header", None)
    return ValidationReport(
        source=source,
        form=getattr(header, "form", None),
        unit_code=getattr(header, "unit_code", None),
        findings=check(report),
    )


def _as_bytes(data: object) -> bytes | str:
    """JSON input as bytes or text; :class:`TypeError`, saying what to call, for anything else."""
    if isinstance(data, bytes | str):
        return data
    if isinstance(data, bytearray | memoryview):
        return bytes(data)
    if isinstance(data, PurePath):
        hint = "use validate_path() for a file"
    elif isinstance(data, BaseModel):
        hint = "use validate_report() for a model"
    elif isinstance(data, dict | list):
        hint = "serialise it with json.dumps() first, or build the model and use validate_report()"
    else:
        hint = "pass the JSON bytes of a report"
    raise TypeError(f"validate_bytes() takes JSON bytes or text, not {type(data).__name__}: {hint}")


def validate_bytes(data: bytes | str, source: str = "<bytes>") -> ValidationReport:
    """Validate a form instance given as JSON bytes: the model's problems, then the rules.

    Raises :class:`InputError` when the bytes are not a form instance at all (empty, not UTF-8,
    malformed JSON, unknown form or version), :class:`TypeError` when ``data`` is not bytes or
    text (a path, a dict, a model: the message names the function to use).
    """
    try:
        report, notes = load_document(_as_bytes(data), source=source)
    except InvalidReportError as exc:
        return invalid_report(exc)
    result = validate_report(report, source=source)
    if notes:
        result.findings[:0] = problem_findings(notes, result.form or "")
    return result


def validate_path(path: str | Path) -> ValidationReport:
    """Validate one file, read by the reader registered for its suffix (JSON, XLSX…).

    What the reader noticed on the way (cells it could not place…) comes first in the findings.
    Raises :class:`InputError` when the file cannot be read as a report.
    """
    path = Path(path)
    try:
        result = read_report(path)
    except InvalidReportError as exc:
        return invalid_report(exc)
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

    ``document`` is the parsed JSON (by default the one the error carries): messages then quote
    the wrong values, and the rules still check whatever part of the report fits (see
    :func:`check_the_rest`), so that one run shows everything that can be checked. The reader's
    own findings, and problems that carry their finding (see :class:`~sokets.errors.Problem`),
    are reported as they are; findings name the place in the file (``Sheet!B7``) where the reader
    recorded one.
    """
    if document is None:
        document = error.document
    header = document.get("header") if isinstance(document, dict) else None
    unit_code = header.get("unit_code") if isinstance(header, dict) else None
    found = FindingList()
    found.extend(error.findings, error.omitted)
    context = {} if document is None else {"document": document}
    collect_problems(error.notes, error.form, found, **context)
    collect_problems(error.problems, error.form, found, **context)
    if document is not None:
        found.extend(check_the_rest(error.form, error.problems, document))
    if error.locations:
        found.items = [
            replace(f, location=_place(f.location, error.locations)) for f in found.items
        ]
    return ValidationReport(
        source=error.source,
        form=error.form,
        unit_code=unit_code if isinstance(unit_code, str) else None,
        findings=found.items,
        omitted=found.omitted,
    )


def _iso_date(value: object) -> str:
    """Dates a reader put in the document (a workbook's cells) as JSON writes them."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


#: Rule findings about a whole table, which cannot be judged once some of its rows are set
#: aside: an assigned task "not reported" may be in a row that did not fit the model.
_WHOLE_TABLE = frozenset({"R010", "R013", "R014", "R015", "R016"})


def check_the_rest(form: str, problems: Iterable[Problem], document: Any) -> list[Finding]:
    """Rule findings about the parts of a report that fit the model.

    The answers and table rows with a model problem are set aside, items the unit must answer
    may be missing (they are reported already, R004), and the rules run on what remains;
    findings keep the pointers of the original document. Nothing is returned when the rules
    cannot run: a problem in the header (the rules need the unit and the date), or in the
    structure itself (``answers`` not an object…).
    """
    spec = FORMS.get(form)
    if spec is None or not isinstance(document, dict):
        return []
    rest = copy.deepcopy(document)
    set_aside: dict[str, set[int]] = {}
    for problem in problems:
        tokens = split_pointer(problem.pointer)
        if problem.type in ("answer_required", "duplicate_key"):  # reported; the rest is sound
            continue
        if len(tokens) >= 2 and tokens[0] == "answers" and isinstance(rest.get("answers"), dict):
            rest["answers"].pop(tokens[1], None)
        elif len(tokens) >= 2 and tokens[1].isdigit() and isinstance(rest.get(tokens[0]), list):
            set_aside.setdefault(tokens[0], set()).add(int(tokens[1]))
        elif len(tokens) == 1 and problem.type == "extra_forbidden":
            rest.pop(tokens[0], None)
        else:
            return []
    kept: dict[str, list[int]] = {}
    for table, rows in set_aside.items():
        kept[table] = [i for i in range(len(rest[table])) if i not in rows]
        rest[table] = [rest[table][i] for i in kept[table]]
    try:
        text = json.dumps(rest, ensure_ascii=False, default=_iso_date)
        model = spec.model.model_validate_json(text, context={PARTIAL: True})
    except (ValidationError, TypeError, ValueError):  # what remains is not sound enough
        return []
    findings = []
    answers = document.get("answers")
    if isinstance(model, OutlineReport) and isinstance(answers, dict):
        reported = {p.pointer for p in problems if p.type == "answer_required"}
        for leaf in model.missing_items():  # absent, not set aside, and not yet reported
            key = answer_key(leaf.id)
            pointer = "/answers/" + key
            if key not in answers and pointer not in reported:
                missing = Problem(pointer, "answer_required", "")
                findings.append(problem_finding(missing, form, document))
    for finding in check(model):
        tokens = split_pointer(finding.location)
        table = tokens[0] if tokens else ""
        if table in kept:
            if finding.code in _WHOLE_TABLE:
                continue
            if len(tokens) >= 2 and tokens[1].isdigit():
                tokens[1] = str(kept[table][int(tokens[1])])
                finding = replace(finding, location=json_pointer(tuple(tokens)))
        findings.append(finding)
    return findings


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
        for severity in Severity:  # the findings left out of a long list count too
            counts[severity.value] = sum(r.counts[severity.value] for r in self.reports)
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

    Never stops at a bad input: a missing path, a folder with no report, a file that cannot be
    read (no permission, a name too long, a FIFO) is recorded in
    :attr:`ValidationRun.unreadable` and the other inputs are still validated.
    """
    run = ValidationRun()
    for item in expand_inputs(paths, tuple(READERS)):
        if isinstance(item, InputError):
            run.unreadable.append(item)
            continue
        try:
            run.reports.append(validate_path(item))
        except InputError as exc:
            run.unreadable.append(exc)
    return run
