"""The rules engine: a rule is a function from a report's context to findings, registered once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from pydantic import BaseModel

from sokets.catalogue import Task, get_catalogue
from sokets.findings import Finding, FindingType
from sokets.models.answers import answer_key, field_name
from sokets.models.common import Answer
from sokets.outline import OutlineItem, applicable_leaves, named_units, outline_for
from sokets.units import Unit, UnitKind, get_registry

REPORT_FORMS = frozenset({"PL01", "PL04"})
"""Forms with outline answers."""

ALL_FORMS = frozenset({"PL01", "PL02", "PL03", "PL04"})

Check = Callable[["ReportContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A validation rule: name, what it checks, the forms it applies to and what it can emit."""

    name: str
    title: str
    forms: frozenset[str]
    emits: tuple[FindingType, ...]
    check: Check


#: Every rule, in the order they run (and are documented).
RULES: list[Rule] = []


def rule(
    name: str, title: str, *, forms: Iterable[str], emits: Iterable[FindingType]
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule."""

    def register(check: Check) -> Check:
        if any(r.name == name for r in RULES):
            raise ValueError(f"rule {name} is already registered")
        RULES.append(Rule(name, title, frozenset(forms), tuple(emits), check))
        _rules_by_form.cache_clear()
        return check

    return register


def short(text: str, limit: int = 70) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters (for messages)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


AnsweredItem = tuple[OutlineItem, Answer, str, bool]
"""An outline leaf the report answers: (leaf, answer, JSON pointer, applies to the unit)."""


Leaves = tuple[tuple[OutlineItem, str, str, bool], ...]
"""Every leaf of an outline: (leaf, model field name, JSON pointer, applies to the unit)."""


_LEAVES: dict[tuple[UnitKind, str | None], Leaves] = {}


def unit_leaves(unit: Unit) -> Leaves:
    """The leaves of ``unit``'s outline and whether each applies to it.

    Computed once per kind and per named unit, like :func:`sokets.outline.applicable_leaves`.
    """
    if unit.form is None:
        return ()
    key = (unit.kind, unit.code if unit.code in named_units() else None)
    found = _LEAVES.get(key)
    if found is None:
        applicable = set(applicable_leaves(unit))
        found = _LEAVES[key] = tuple(
            (leaf, field_name(leaf.id), "/answers/" + answer_key(leaf.id), leaf in applicable)
            for leaf in outline_for(unit).leaves()
        )
    return found


@cache
def unit_tasks(code: str) -> tuple[Task, ...]:
    """The Phụ lục 03 tasks the unit with this code must report on."""
    return get_catalogue().tasks_for(code)


class ReportContext:
    """A form instance under validation, with what the rules need to know about it."""

    def __init__(self, report: BaseModel) -> None:
        header: Any = getattr(report, "header", None)
        if header is None or getattr(header, "form", None) not in ALL_FORMS:
            raise TypeError(f"not a sokets form instance: {type(report).__name__}")
        self.report = report
        self.header = header
        self.form: str = header.form
        self.unit: Unit = get_registry().get(header.unit_code)

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        """The Phụ lục 03 tasks the unit must report on."""
        return unit_tasks(self.unit.code)

    @cached_property
    def answered(self) -> tuple[AnsweredItem, ...]:
        """The items answered, in outline order (empty for the standalone tables)."""
        answers = getattr(self.report, "answers", None)
        if answers is None:
            return ()
        values = vars(answers)
        return tuple(
            (leaf, answer, pointer, applies)
            for leaf, name, pointer, applies in unit_leaves(self.unit)
            if (answer := values.get(name)) is not None
        )


def rules_for(form: str) -> tuple[Rule, ...]:
    """The rules that apply to a form, in order."""
    return tuple(r for r in RULES if form in r.forms)


def run_rules(report: BaseModel) -> Iterator[Finding]:
    """Every finding of every rule that applies to ``report`` (a form model instance)."""
    context = ReportContext(report)
    for each in _rules_by_form().get(context.form, ()):
        yield from each.check(context)


@cache
def _rules_by_form() -> dict[str, tuple[Rule, ...]]:
    return {form: rules_for(form) for form in ALL_FORMS}
