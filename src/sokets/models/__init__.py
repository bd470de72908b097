"""Pydantic v2 models of the forms of plan 403/KH-UBND.

``PL01`` and ``PL04`` are reports (header + answers per outline item); ``PL02`` and ``PL03`` are
the appendix tables, also embedded in a ``PL01`` report. Every instance carries its form id and
version in ``header.form`` and ``header.version``.
"""

from sokets.models.answers import AnswerSet, Indicators
from sokets.models.common import Answer, Figure, Ratio, ReportHeader, Signer, TaskId, UnitCode
from sokets.models.reports import (
    Pl01Answers,
    Pl01Header,
    Pl01Report,
    Pl04Answers,
    Pl04Header,
    Pl04Report,
)
from sokets.models.tables import (
    Pl02Header,
    Pl02Row,
    Pl02Table,
    Pl03Header,
    Pl03Row,
    Pl03Table,
)

Report = Pl01Report | Pl04Report | Pl02Table | Pl03Table
"""Any form instance."""

__all__ = [
    "Answer",
    "AnswerSet",
    "Figure",
    "Indicators",
    "Pl01Answers",
    "Pl01Header",
    "Pl01Report",
    "Pl02Header",
    "Pl02Row",
    "Pl02Table",
    "Pl03Header",
    "Pl03Row",
    "Pl03Table",
    "Pl04Answers",
    "Pl04Header",
    "Pl04Report",
    "Ratio",
    "Report",
    "ReportHeader",
    "Signer",
    "TaskId",
    "UnitCode",
]
