"""Reading what a consolidation is made of: report files, folders, earlier consolidations, the
văn thư's register of receipts and the list of units expected to report.

Every input file becomes one :class:`Submission`, whatever it holds (a report, a table sent on
its own, something unreadable); an earlier consolidation becomes one submission for itself and one
for each file it lists, marked with the file it came through (``via``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sokets.consolidation.model import FORM, Consolidation, FileEntry, FindingEntry, given
from sokets.consolidation.statuses import FileRole
from sokets.errors import InputError, InvalidReportError
from sokets.findings import Finding, ValidationReport
from sokets.forms import identify, load_report
from sokets.inputs import MAX_INPUT_BYTES, expand_inputs, read_input, reader_for
from sokets.units import Unit, UnitRegistry, get_registry
from sokets.validation import invalid_report, validate_import

#: Largest consolidation file read back (a province's holds every report: tens of MB).
MAX_CONSOLIDATION_BYTES = 256 * 1024 * 1024

#: Forms whose instance is a unit's report (its outline); the tables complete a report.
REPORT_FORMS = ("PL01", "PL04")


@dataclass
class Submission:
    """One input file: what it is, whose, when, and what validation found in it."""

    source: str
    via: str = ""
    role: FileRole | None = None
    reason: str = ""
    unit_code: str | None = None
    form: str | None = None
    model: BaseModel | None = None
    report_number: str = ""
    report_date: date | None = None
    received_date: date | None = None
    errors: int = 0
    warnings: int = 0
    findings: list[FindingEntry] = field(default_factory=list)
    omitted: dict[str, int] = field(default_factory=dict)
    document: dict[str, Any] | None = None
    """The report as JSON when it came from a consolidation (see :func:`as_document`)."""
    consolidation: Consolidation | None = None

    @property
    def sent(self) -> date | None:
        """The date timeliness is judged by: received, else the report's own date."""
        return self.received_date or self.report_date

    @property
    def slot(self) -> str:
        """``"report"`` for an outline report, else the form of a table sent on its own."""
        return "report" if self.form in REPORT_FORMS else str(self.form)

    def entry(self) -> FileEntry:
        """The file's line in the consolidation."""
        return FileEntry(
            **given(
                unit_code=self.unit_code,
                form=self.form,
                report_date=self.report_date,
                received_date=self.received_date,
            ),
            source=self.source,
            via=self.via,
            role=self.role or FileRole.UNREADABLE,
            reason=self.reason,
            report_number=self.report_number,
            errors=self.errors,
            warnings=self.warnings,
            findings=self.findings,
            omitted=self.omitted,
        )


def _finding(finding: Finding) -> FindingEntry:
    return FindingEntry(
        code=finding.code,
        severity=finding.severity.value,
        location=finding.location,
        message_vi=finding.message_vi,
        message_en=finding.message_en,
    )


def _from_validation(path: Path, report: ValidationReport, model: BaseModel | None) -> Submission:
    header: Any = getattr(model, "header", None)
    counts = report.counts
    return Submission(
        source=str(path),
        unit_code=report.unit_code,
        form=report.form,
        model=model,
        report_number=getattr(header, "report_number", ""),
        report_date=getattr(header, "report_date", None),
        errors=counts["error"],
        warnings=counts["warning"],
        findings=[_finding(f) for f in report.findings],
        omitted=dict(report.omitted),
    )


def as_document(submission: Submission) -> dict[str, Any] | None:
    """The submission's report as JSON (as read from a consolidation, or dumped from the model)."""
    if submission.document is None and submission.model is not None:
        model = submission.model
        unset = set(type(model).model_fields) - model.model_fields_set
        submission.document = model.model_dump(mode="json", exclude_none=True, exclude=unset)
    return submission.document


def read_submission(path: Path) -> Iterator[Submission]:
    """The submissions one file makes: itself, and, for a consolidation, every file it lists."""
    try:
        data = read_input(path, limit=MAX_CONSOLIDATION_BYTES)
        if path.suffix.lower() == ".json" and _is_consolidation(data, str(path)):
            yield from _from_consolidation(load_consolidation(data, source=str(path)), str(path))
            return
        if len(data) > MAX_INPUT_BYTES:
            read_input(path)  # raises: the report size limit
        try:
            result = reader_for(path)(data, str(path))
        except InvalidReportError as error:
            yield _invalid(path, error)
            return
        report = validate_import(result, source=str(path))
        yield _from_validation(path, report, result.report)
    except InputError as error:
        yield Submission(source=str(path), role=FileRole.UNREADABLE, reason=error.message)


def _invalid(path: Path, error: InvalidReportError) -> Submission:
    report = invalid_report(error)
    header = error.document.get("header") if isinstance(error.document, dict) else None
    submission = _from_validation(path, report, None)
    if isinstance(header, dict):
        submission.report_number = str(header.get("report_number") or "")
        submission.report_date = _date(header.get("report_date"))
        if not isinstance(submission.unit_code, str):
            code = header.get("unit_code")
            submission.unit_code = code.strip() if isinstance(code, str) else None
    return submission


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _is_consolidation(data: bytes, source: str) -> bool:
    """Whether JSON bytes are a consolidation (its header, written first, names the form)."""
    if b'"' + FORM.encode() + b'"' not in data[:2048]:
        return False
    try:
        form, _ = identify(data, source=source)
    except InputError:
        return False
    return form == FORM


def load_consolidation(data: bytes | str, *, source: str = "<input>") -> Consolidation:
    """A consolidation document from JSON (:class:`InputError` when it is not a readable one)."""
    try:
        return Consolidation.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        pointer = "".join(f"/{p}" for p in first["loc"])
        raise InputError(
            f"bản tổng hợp không hợp lệ / invalid consolidation: {first['msg']}",
            source=source,
            location=pointer,
        ) from None


def _from_consolidation(consolidation: Consolidation, source: str) -> Iterator[Submission]:
    """The consolidation file itself, then a submission for each file it lists (with its report,
    when it had one)."""
    yield Submission(source=source, role=FileRole.CONSOLIDATION)
    documents = {(r.source, r.via): r.report for r in consolidation.reports}
    for entry in consolidation.files:
        via = f"{source} › {entry.via}" if entry.via else source
        submission = Submission(
            source=entry.source,
            via=via,
            unit_code=entry.unit_code,
            form=entry.form,
            report_number=entry.report_number,
            report_date=entry.report_date,
            received_date=entry.received_date,
            errors=entry.errors,
            warnings=entry.warnings,
            findings=list(entry.findings),
            omitted=dict(entry.omitted),
        )
        if entry.role in (FileRole.UNREADABLE, FileRole.CONSOLIDATION, FileRole.OUT_OF_SCOPE):
            # out of scope there, it stays so: its content was not kept (send the file itself)
            submission.role, submission.reason = entry.role, entry.reason
        document = documents.get((entry.source, entry.via))
        if document is not None:
            submission.document = document
            submission.model = load_report(
                json.dumps(document, ensure_ascii=False).encode(), source=entry.source
            )
        yield submission


def collect(inputs: Iterable[str | Path | Consolidation], *, workers: int = 1) -> list[Submission]:
    """Every submission of the inputs, in the order given (folders sorted).

    With ``workers`` above 1 and at least :data:`PARALLEL_FROM` workbooks or documents to read,
    up to ``workers - 1`` background processes read some of them
    (:func:`sokets._workers.ordered_map`) while this one reads the others: the submissions are the
    same, in the same order. A worker that dies, or cannot be started, leaves its files to this
    process.
    """
    found: list[list[Submission] | Path] = []
    for item in inputs:
        if isinstance(item, Consolidation):
            found.append(list(_from_consolidation(item, "<consolidation>")))
            continue
        for path in expand_inputs([item]):
            if isinstance(path, InputError):
                found.append(
                    [Submission(source=path.source, role=FileRole.UNREADABLE, reason=path.message)]
                )
            else:
                found.append(path)
    files = [(n, entry) for n, entry in enumerate(found) if isinstance(entry, Path)]
    slow = [(n, path) for n, path in files if path.suffix.lower() in SLOW_SUFFIXES]
    if workers > 1 and len(slow) >= PARALLEL_FROM:
        from sokets._workers import ordered_map
        from sokets.consolidation import remote

        # the quick files first: the caller reads them while the workers start
        slow_files = {n for n, _ in slow}
        ordered = [entry for entry in files if entry[0] not in slow_files] + slow
        read = ordered_map(
            read_one,
            ordered,
            remote=remote.read_remote,
            decode=remote.loads,
            workers=workers,
            chunk=_CHUNK,
        )
        for (n, _), submissions in zip(ordered, read, strict=True):
            found[n] = submissions
    return [
        submission
        for entry in found
        for submission in (read_submission(entry) if isinstance(entry, Path) else entry)
    ]


#: Files worth reading in a background process: a workbook or a document takes 10–20 ms to read
#: and check, a JSON report about 1 ms (less than sending its model back from another process).
SLOW_SUFFIXES = (".xlsx", ".docx")
#: Fewer slow files than this are read by the caller alone: a process takes about half a second to
#: start.
PARALLEL_FROM = 32
#: Files a background process reads at a time.
_CHUNK = 8


def read_one(entry: tuple[int, Path]) -> list[Submission]:
    """The submissions of one numbered file (see :func:`collect`)."""
    return list(read_submission(entry[1]))


# -- the văn thư's register of receipts, and the list of expected units --------------------------


@dataclass(frozen=True)
class Receipt:
    """One line of the register of receipts: a unit's report received on a day."""

    unit_code: str
    received: date
    file: str = ""
    report_number: str = ""
    line: int = 0


_UNIT_COLUMNS = ("unit", "unit_code", "don_vi", "đơn vị", "ma_don_vi", "mã đơn vị")
_DATE_COLUMNS = ("received", "received_date", "ngay_nhan", "ngày nhận")
_FILE_COLUMNS = ("file", "tep", "tệp")
_NUMBER_COLUMNS = ("report_number", "so_bao_cao", "số báo cáo")


def _column(names: list[str], wanted: tuple[str, ...]) -> str | None:
    folded = {name.strip().casefold(): name for name in names}
    return next((folded[w] for w in wanted if w in folded), None)


def parse_day(text: str) -> date:
    """``2023-08-18``, ``18/8/2023`` or ``18/08/2023`` as a date (:class:`ValueError` else)."""
    text = text.strip()
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    return date.fromisoformat(text)


def read_receipts(path: str | Path, registry: UnitRegistry | None = None) -> list[Receipt]:
    """The register of receipts, a CSV file with a header line: ``unit`` (code or name) and
    ``received`` (date), optionally ``file`` and ``report_number`` to tie a receipt to one report.

    Raises :class:`InputError` naming the file and line for a missing column, an unknown unit or a
    date that cannot be read.
    """
    registry = registry or get_registry()
    source = str(path)
    text = _text(read_input(Path(path)), source)
    reader = csv.DictReader(io.StringIO(text))
    names = list(reader.fieldnames or [])
    unit_column, date_column = _column(names, _UNIT_COLUMNS), _column(names, _DATE_COLUMNS)
    if unit_column is None or date_column is None:
        raise InputError(
            "sổ nhận báo cáo cần cột 'unit' (đơn vị) và 'received' (ngày nhận) / the register "
            "of receipts needs the columns 'unit' and 'received'",
            source=source,
            location="1",
        )
    file_column, number_column = _column(names, _FILE_COLUMNS), _column(names, _NUMBER_COLUMNS)
    receipts = []
    for line, row in enumerate(reader, start=2):
        unit_text, day_text = (row.get(unit_column) or "").strip(), row.get(date_column) or ""
        if not unit_text and not day_text.strip():
            continue
        try:
            unit = registry.lookup(unit_text)
        except LookupError as exc:
            raise InputError(str(exc), source=source, location=str(line)) from None
        try:
            received = parse_day(day_text)
        except ValueError:
            raise InputError(
                f"ngày nhận không đọc được {day_text!r} (cần 18/8/2023 hoặc 2023-08-18) / "
                "unreadable date",
                source=source,
                location=str(line),
            ) from None
        receipts.append(
            Receipt(
                unit.code,
                received,
                (row.get(file_column) or "").strip() if file_column else "",
                (row.get(number_column) or "").strip() if number_column else "",
                line,
            )
        )
    return receipts


def _text(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            "tệp không phải UTF-8; hãy lưu dạng CSV UTF-8 / not UTF-8: save it as CSV UTF-8",
            source=source,
        ) from None


def apply_receipts(submissions: list[Submission], receipts: Iterable[Receipt]) -> list[str]:
    """Give the direct submissions their received dates; return what could not be matched.

    A receipt naming a file or a report number goes to that submission; the other receipts of a
    unit go, earliest first, to its reports in the order of their dates. A receipt left over is
    reported, never ignored silently.
    """
    unmatched: list[str] = []
    direct = [s for s in submissions if not s.via and s.unit_code and s.role is None]
    free: dict[str, list[Receipt]] = {}
    for receipt in receipts:
        named = [
            s
            for s in direct
            if s.unit_code == receipt.unit_code
            and (
                (receipt.file and Path(s.source).name == Path(receipt.file).name)
                or (receipt.report_number and s.report_number == receipt.report_number)
            )
        ]
        if receipt.file or receipt.report_number:
            if named:
                for submission in named:
                    submission.received_date = receipt.received
            else:
                unmatched.append(_unmatched(receipt))
            continue
        free.setdefault(receipt.unit_code, []).append(receipt)
    for code, unit_receipts in free.items():
        reports = sorted(
            (s for s in direct if s.unit_code == code and s.received_date is None),
            key=lambda s: (s.report_date or date.max, s.source),
        )
        ordered = sorted(unit_receipts, key=lambda r: r.received)
        for submission, receipt in zip(reports, ordered, strict=False):
            submission.received_date = receipt.received
        unmatched.extend(_unmatched(r) for r in ordered[len(reports) :])
    return unmatched


def _unmatched(receipt: Receipt) -> str:
    return (
        f"dòng {receipt.line}: không có báo cáo nào của {receipt.unit_code} khớp với ngày nhận "
        f"{receipt.received:%d/%m/%Y} / line {receipt.line}: no report matches this receipt"
    )


def read_expected(path: str | Path, default: Iterable[Unit], registry: UnitRegistry) -> list[Unit]:
    """The units expected to report, from a text file: one unit (code or name) per line.

    Lines starting ``+`` add a unit to the default set, ``-`` remove one; plain lines name the
    whole set (then ``+``/``-`` lines adjust it); ``#`` starts a comment. Raises
    :class:`InputError` naming the line of a unit the registry does not know.
    """
    source = str(path)
    text = _text(read_input(Path(path)), source)
    plain: list[Unit] = []
    added: list[Unit] = []
    removed: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sign, name = (line[0], line[1:].strip()) if line[0] in "+-" else ("", line)
        try:
            unit = registry.lookup(name)
        except LookupError as exc:
            raise InputError(str(exc), source=source, location=str(number)) from None
        if unit.form is None:
            raise InputError(
                f"{unit.name} báo cáo qua đơn vị chủ quản, không có báo cáo riêng / reports "
                "through its parent unit",
                source=source,
                location=str(number),
            )
        if sign == "-":
            removed.add(unit.code)
        elif sign == "+":
            added.append(unit)
        else:
            plain.append(unit)
    base = plain if plain else list(default)
    units = {u.code: u for u in [*base, *added] if u.code not in removed}
    return list(units.values())
