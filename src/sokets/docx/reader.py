"""Reading a filled outline (or a rendered report) back into a report.

The reader walks the document body in order. What is inside an item's answer area (a content
control tagged ``sokets:item:<id>``) becomes that item's answer:

* paragraphs → the results text, one line per paragraph (formatting is not kept); a paragraph that
  starts with a part label (``Trường hợp điển hình:``, ``Tồn tại, vướng mắc, nguyên nhân:``,
  ``Kiến nghị, đề xuất:``) starts that part, and ``Số liệu: <name>: <value> <unit> (tính đến ngày
  d/m/yyyy)`` is one figure;
* a table whose first row is "Tên số liệu | Giá trị | Đơn vị tính | Tính đến ngày" → figures;
  one whose first row starts with "Chỉ số" → indicators; any other table → one text line per row,
  cells joined by `` | ``.

Header fields (number, place, date, recipients, signer) are read from their content controls and
the appendix tables from theirs (or, if a marker was lost, recognised by their column headers).
Text the outline itself printed (headings, guidance, hints) is recognised and skipped.

Nothing is dropped silently. Text outside every answer area is an error finding; when an item's
own area is gone (its marker deleted, or the file saved by a program that drops content controls)
what stands under the item's heading is placed into it by position, with a warning; header fields
that lost their markers are read from where they stand, with a warning. Figures, indicators and
rows that cannot be read, copied areas and unknown markers are findings too. Every finding has a
``D…`` code and a location: ``paragraph 12`` (the 12th paragraph outside tables, counting from the
top) or ``table 2 row 3``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sokets._archive import check_office_zip
from sokets.docx.answers import BULLET
from sokets.docx.codes import APPENDIX_MISSING, DATE_DISAGREES, FIELD_EMPTY
from sokets.docx.extract import W_SDT, tag_of
from sokets.docx.formats import parse_date
from sokets.docx.markers import (
    DOCUMENT_TAG,
    PROPERTY_FORM,
    PROPERTY_KIND,
    PROPERTY_UNIT,
    PROPERTY_VERSION,
)
from sokets.docx.opening import WordPackage, open_package
from sokets.docx.walk import Reading, fixed_texts
from sokets.errors import InputError, InvalidReportError, Problem
from sokets.findings import Finding
from sokets.forms import FORMS, load_report
from sokets.inputs import MAX_INPUT_BYTES, ImportResult
from sokets.models.answers import answer_key
from sokets.outline import outline_for
from sokets.schema.versions import supported_versions
from sokets.units import Unit, get_registry

# -- limits --------------------------------------------------------------------------------------

#: Largest DOCX file accepted, in bytes.
MAX_FILE_BYTES = MAX_INPUT_BYTES
#: Most parts a DOCX may have (a filled outline has about 15).
MAX_MEMBERS = 200
#: Largest uncompressed size of one part, in bytes.
MAX_MEMBER_BYTES = 8 * 1024 * 1024
#: Largest total uncompressed size of a DOCX accepted (a filled outline is well under 1 MB).
MAX_TOTAL_BYTES = 24 * 1024 * 1024


# -- opening the file ----------------------------------------------------------------------------


def _open(data: bytes, source: str) -> WordPackage:
    """The main part and custom properties of ``data``, after the archive checks of
    :func:`sokets._archive.check_office_zip`; :class:`InputError` if it cannot be read or its main
    part is not a Word document with a body."""
    contents = check_office_zip(
        data,
        source,
        kind="DOCX",
        max_file=MAX_FILE_BYTES,
        max_members=MAX_MEMBERS,
        max_member_bytes=MAX_MEMBER_BYTES,
        max_total_bytes=MAX_TOTAL_BYTES,
    )
    return open_package(contents, source)


@dataclass(frozen=True)
class Identity:
    """What a sokets document says it is."""

    form: str
    version: str
    unit: Unit
    kind: str


def identify(package: WordPackage, source: str) -> Identity:
    """The form, version, unit and kind a sokets document carries (:class:`InputError` if none).

    Custom properties first; the tag of the header's content control when they were lost.
    """
    props = package.properties
    keys = (PROPERTY_FORM, PROPERTY_VERSION, PROPERTY_UNIT, PROPERTY_KIND)
    values = [props.get(k) or "" for k in keys]
    if not all(values):
        for sdt in package.body.iter(W_SDT):
            tag = tag_of(sdt)
            if tag.startswith(DOCUMENT_TAG):
                values = [*tag[len(DOCUMENT_TAG) :].split(":"), "", "", "", ""][:4]
                break
    form, version, code, kind = values
    if not (form and version and code):
        raise InputError(
            "không phải đề cương hay báo cáo do sokets tạo (thiếu mã biểu mẫu, phiên bản, đơn vị) "
            "/ not a sokets outline or report: form, version and unit are missing",
            source=source,
        )
    spec = FORMS.get(form)
    if spec is None or spec.outline is None:
        raise InputError(
            f"biểu mẫu {form!r} không đọc được từ DOCX / unsupported form", source=source
        )
    readable = supported_versions(form)  # the current one, and those migrated to it
    if version not in readable:
        raise InputError(
            f"đề cương phiên bản {version!r} của {form} không được hỗ trợ (hỗ trợ: "
            f"{', '.join(readable)}); hãy tải đề cương mới / unsupported version",
            source=source,
        )
    unit = get_registry().get(code) if code in get_registry() else None
    if unit is None or unit.form != form:
        raise InputError(
            f"mã đơn vị {code!r} không hợp lệ cho {form} / unknown unit for this form",
            source=source,
        )
    return Identity(form, version, unit, kind)


# -- the reader ----------------------------------------------------------------------------------


def _field_empty(reading: Reading, name: str, pointer: str, what: str, what_en: str) -> Problem:
    """A required header field left empty: a problem carrying its ``D014`` finding, located at
    the field in the document (its JSON pointer if the field is not there at all)."""
    finding = FIELD_EMPTY.at(reading.field_places.get(name, pointer), what_vi=what, what_en=what_en)
    return Problem(pointer, finding.code, finding.message, finding=finding)


def _as_problem(finding: Finding) -> Problem:
    return Problem(finding.location, finding.code, finding.message, finding=finding)


def _model_problems(problems: tuple[Problem, ...], form: str, instance: Any) -> list[Problem]:
    """The model's problems with their findings, quoting the values read from the document."""
    from sokets.rules.model import problem_finding

    return [
        replace(p, finding=problem_finding(p, form, instance)) if p.finding is None else p
        for p in problems
    ]


def read_docx(data: bytes, source: str) -> ImportResult:
    """Read a filled sokets outline (or a rendered report) into a report.

    Raises :class:`InputError` for a file that is not a readable sokets DOCX and
    :class:`InvalidReportError` when the header lacks what a report needs (number, date, signer) —
    with the document's findings added as further problems. Otherwise returns the report and the
    findings about what could not be placed.
    """
    package = _open(data, source)
    identity = identify(package, source)
    unit = identity.unit
    outline = outline_for(unit)
    reading = Reading(unit, outline, fixed_texts(unit.code))
    reading.walk(package.body)

    reading.settle()
    reading.fallback_fields()
    if identity.form == "PL01":
        for form, rows in (("PL02", reading.pl02), ("PL03", reading.pl03)):
            if rows is None:
                reading.find(APPENDIX_MISSING, "document", form=form)

    header, problems = _header(reading, identity)
    answers = {answer_key(item_id): a.to_json() for item_id, a in reading.answers.items()}
    for leaf in outline.leaves_for(unit):
        answers.setdefault(answer_key(leaf.id), {})
    instance: dict[str, Any] = {"header": header, "answers": answers}
    if identity.form == "PL01":
        instance["appendix_pl02"] = reading.pl02 or []
        instance["appendix_pl03"] = reading.pl03 or []
    findings = reading.findings

    def invalid(problems: list[Problem]) -> InvalidReportError:
        """The report as read is invalid: ``problems``, then the document's own findings."""
        return InvalidReportError(
            source=source,
            form=identity.form,
            problems=(*problems, *(_as_problem(f) for f in findings.items)),
            omitted=findings.omitted,
            document=instance,
        )

    if problems:
        raise invalid(problems)
    try:
        report = load_report(json.dumps(instance, ensure_ascii=False).encode(), source=source)
    except InvalidReportError as exc:
        raise invalid(_model_problems(exc.problems, identity.form, instance)) from None
    return ImportResult(report, findings.items, omitted=findings.omitted)


def _single(reading: Reading, name: str) -> str:
    value = reading.fields.get(name)
    if isinstance(value, tuple):
        return value[0]
    return " ".join(value) if value else ""


def _header(reading: Reading, identity: Identity) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    number = re.sub(r"^\s*Số\s*:\s*", "", _single(reading, "report_number"))
    if not number:
        problems.append(
            _field_empty(
                reading,
                "report_number",
                "/header/report_number",
                "số, ký hiệu báo cáo (ô “Số:”)",
                "the report number (the “Số:” field)",
            )
        )
    day = _report_date(reading)
    if day is None:
        problems.append(
            _field_empty(
                reading,
                "report_date",
                "/header/report_date",
                "ngày báo cáo (ô “ngày … tháng … năm”)",
                "the report date (the “ngày … tháng … năm” field)",
            )
        )
    title = _single(reading, "signer_title")
    name = _single(reading, "signer_name")
    if not title:
        problems.append(
            _field_empty(
                reading,
                "signer_title",
                "/header/signer/title",
                "chức vụ người ký",
                "the signer's title",
            )
        )
    if not name:
        problems.append(
            _field_empty(
                reading,
                "signer_name",
                "/header/signer/name",
                "họ tên người ký",
                "the signer's name",
            )
        )
    authority = reading.fields.get("signer_authority") or []
    recipients = [
        BULLET.sub("", line, count=1).strip()
        for line in (reading.fields.get("recipients") or [])
        if isinstance(line, str)
    ]
    header: dict[str, Any] = {
        "form": identity.form,
        # an outline of an older version sokets still reads has the same layout: read as current
        "version": FORMS[identity.form].version,
        "unit_code": identity.unit.code,
        "report_number": number,
        "report_date": day.isoformat() if day else "",
        "signer": {"authority": list(authority), "title": title, "name": name},
        "recipients": [r for r in recipients if r],
    }
    place = _single(reading, "place")
    if place:
        header["place"] = place
    if identity.form == "PL04":
        header["district_code"] = identity.unit.parent
    return header, problems


def _report_date(reading: Reading) -> date | None:
    value = reading.fields.get("report_date")
    if not isinstance(value, tuple):
        return None
    text, picked = value
    written = parse_date(text) if text else None
    chosen = None
    if picked:
        try:
            chosen = date.fromisoformat(picked)
        except ValueError:
            chosen = None
    if written and chosen and written != chosen:
        reading.find(DATE_DISAGREES, "header", text=text, picked=chosen.isoformat())
    return written or chosen
