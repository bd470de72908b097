"""Validation rules: what plan 403/KH-UBND asks of a report beyond its types.

Vocabulary:

* a **finding type** (:mod:`sokets.rules.codes`) is one kind of problem with a stable code
  (``T001`` …, ``R001`` …), a severity and a bilingual message template saying how to fix it;
* a **rule** (:class:`Rule`) is a check over a report that can emit some finding types; rules are
  registered in :data:`RULES` and run in that order;
* the form model reports its own problems (:class:`~sokets.errors.InvalidReportError`);
  :func:`problem_findings` gives each one its code, so every finding has a code, whether the
  model or a rule found it.

Rules run on a report that fits its model: :func:`check` takes a model instance and returns its
findings. :mod:`sokets.validation` is the entry point for bytes and files.
"""

from __future__ import annotations

import importlib

from pydantic import BaseModel

from sokets.findings import Finding
from sokets.rules._engine import RULES, ReportContext, Rule, rules_for, run_rules
from sokets.rules.codes import CODES, PERCENT_TOLERANCE
from sokets.rules.model import MODEL_CODES, problem_finding, problem_findings

#: The modules that register rules, in the order their rules run.
RULE_MODULES = ("header", "answers", "indicators", "tables", "texts")
for _module in RULE_MODULES:
    importlib.import_module(f"sokets.rules.{_module}")


def check(report: BaseModel) -> list[Finding]:
    """Run every rule that applies to ``report`` (a PL01, PL02, PL03 or PL04 model instance).

    Raises :class:`TypeError` for an object that is not a form instance.
    """
    return list(run_rules(report))


__all__ = [
    "CODES",
    "MODEL_CODES",
    "PERCENT_TOLERANCE",
    "RULES",
    "ReportContext",
    "Rule",
    "check",
    "problem_finding",
    "problem_findings",
    "rules_for",
]
