"""Exceptions: something could not be done (as opposed to findings about a report's content)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sokets.findings import Finding


class SoketsError(Exception):
    """Base class of every error sokets raises on purpose."""


class UnknownUnitError(SoketsError, LookupError):
    """A unit code or name that the registry does not know, or that names several units.

    ``candidates`` are the codes of the units an ambiguous name matches; ``suggestions`` their
    names, or the closest names when nothing matched (``"Xã Hưng Đông, Thành phố Vinh (16705)"``).
    """

    def __init__(
        self, query: str, candidates: tuple[str, ...] = (), suggestions: tuple[str, ...] = ()
    ) -> None:
        self.query = query
        self.candidates = candidates
        self.suggestions = suggestions
        if candidates:
            message = (
                f"tên đơn vị {query!r} không rõ ràng, trùng với: "
                f"{'; '.join(suggestions or candidates)}; hãy dùng mã đơn vị / ambiguous unit "
                "name, use a code"
            )
        elif suggestions:
            message = (
                f"không tìm thấy đơn vị {query!r}; có phải: {'; '.join(suggestions)}? / "
                "unknown unit; did you mean one of these?"
            )
        else:
            message = (
                f"không tìm thấy đơn vị {query!r} / unknown unit; xem `sokets units` để tra mã"
            )
        super().__init__(message)


class UnknownTaskError(SoketsError, LookupError):
    """A task id that is not in the catalogue of Phụ lục 03."""

    def __init__(self, task_id: str) -> None:
        self.task_id = task_id
        super().__init__(f"không có nhiệm vụ {task_id!r} trong Phụ lục 03 / unknown task id")


class InputError(SoketsError):
    """Input that cannot be read as a report: unreadable file, malformed JSON, wrong form or version.

    ``source`` names the file (or ``"<bytes>"``) and ``location`` the place in it: a JSON pointer,
    ``line:column``, or ``Sheet!B7`` for workbooks.
    """

    def __init__(self, message: str, *, source: str = "<input>", location: str = "") -> None:
        self.message = message
        self.source = source
        self.location = location
        where = f"{source}:{location}" if location else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Problem:
    """One place where a form instance does not fit its model (or, as a note, where reading it
    changed something: ``value`` then holds what was found).

    ``finding``, when a reader already knows the problem as a finding (a document's ``D`` code,
    a value it quotes), is reported as it is instead of being derived from ``type``.
    """

    pointer: str
    type: str
    message: str
    value: Any = None
    finding: Finding | None = None


class InvalidReportError(SoketsError):
    """A form instance whose content does not fit the model (types, required fields).

    ``document`` is the parsed instance, when there is one (so that the rest of it can still be
    checked); ``notes`` are what reading changed on the way (see :func:`sokets.forms.load_document`).
    ``locations`` maps JSON pointers to places in the file (``"Thông tin!C6"``) where the reader
    knows them, and ``findings`` are what the reader itself noticed (a cell it could not read), as
    :class:`sokets.inputs.ImportResult` has them for a report that fits; ``omitted`` counts, by
    code, the findings a reader left out past its per-code limit (see
    :class:`~sokets.findings.FindingList`).
    """

    def __init__(
        self,
        *,
        source: str,
        form: str,
        problems: tuple[Problem, ...],
        document: Any = None,
        notes: tuple[Problem, ...] = (),
        locations: dict[str, str] | None = None,
        findings: tuple[Finding, ...] = (),
        omitted: dict[str, int] | None = None,
    ) -> None:
        self.source = source
        self.form = form
        self.problems = problems
        self.document = document
        self.notes = notes
        self.locations = dict(locations or {})
        self.findings = findings
        self.omitted = dict(omitted or {})
        first = problems[0] if problems else Problem("", "", "invalid")
        if not problems and findings:
            first = Problem(findings[0].location, findings[0].code, findings[0].message)
        more = f" (+{len(problems) - 1})" if len(problems) > 1 else ""
        super().__init__(f"{source}:{first.pointer or '/'}: {first.message}{more}")


class OutputError(InputError):
    """An output file could not be written (missing folder, no permission, disk full)."""
