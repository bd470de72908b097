"""Hypothesis strategies that build valid form instances as JSON-ready dicts.

Text may come in NFD: the models normalise it, so comparisons use :func:`nfc_tree`.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from hypothesis import strategies as st

from sokets.catalogue import get_catalogue
from sokets.forms import FORMS
from sokets.models.answers import answer_key
from sokets.outline import IndicatorKind, Outline, OutlineItem, pl01_outline, pl04_outline
from sokets.units import PL01_KINDS, UnitKind, get_registry

_VIETNAMESE = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@st.composite
def texts(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 40) -> str:
    """Unicode text with plenty of Vietnamese, sometimes decomposed (NFD)."""
    alphabet = st.one_of(
        st.sampled_from(_VIETNAMESE + _VIETNAMESE.upper() + " ,.;:-()%/&"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    )
    text = draw(st.text(alphabet, min_size=min_size, max_size=max_size))
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


def nfc_tree(value: Any) -> Any:
    """``value`` with every string NFC-normalised (dict keys included)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_tree(v) for v in value]
    if isinstance(value, dict):
        return {nfc_tree(k): nfc_tree(v) for k, v in value.items()}
    return value


def contains(full: Any, part: Any) -> bool:
    """Every key and value of ``part`` is in ``full`` (defaults may add keys to ``full``)."""
    if isinstance(part, dict):
        return isinstance(full, dict) and all(
            k in full and contains(full[k], v) for k, v in part.items()
        )
    if isinstance(part, list):
        return isinstance(full, list) and len(full) == len(part) and all(map(contains, full, part))
    if isinstance(part, float) or isinstance(full, float):
        return isinstance(full, int | float) and float(full) == float(part)
    return bool(full == part)


dates = st.dates(min_value=date(2022, 8, 1), max_value=date(2023, 12, 31)).map(date.isoformat)
numbers = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)


@st.composite
def figures(draw: st.DrawFn) -> dict[str, Any]:
    """A figure with optional unit and date."""
    figure: dict[str, Any] = {"name": draw(texts(min_size=1)), "value": draw(numbers)}
    if draw(st.booleans()):
        figure["unit"] = draw(texts())
    if draw(st.booleans()):
        figure["as_of"] = draw(dates)
    return figure


@st.composite
def ratios(draw: st.DrawFn) -> dict[str, Any]:
    """A ratio with numerator <= denominator and, sometimes, a stated percent; now and then a
    percent alone (a rate with no count behind it)."""
    if draw(st.integers(0, 7)) == 0:
        return {"percent": draw(st.integers(0, 1000)) / 10}
    denominator = draw(st.integers(min_value=1, max_value=10**6))
    numerator = draw(st.integers(min_value=0, max_value=denominator))
    ratio: dict[str, Any] = {"numerator": numerator, "denominator": denominator}
    if draw(st.booleans()):
        ratio["percent"] = round(100 * numerator / denominator, 2)
    return ratio


def _indicator_value(kind: IndicatorKind) -> st.SearchStrategy[Any]:
    if kind is IndicatorKind.RATIO:
        return ratios()
    if kind is IndicatorKind.YES_NO:
        return st.booleans()
    return st.integers(min_value=0, max_value=10**5)


@st.composite
def answers(draw: st.DrawFn, item: OutlineItem) -> dict[str, Any]:
    """An answer to one outline item, any of its parts present or not."""
    answer: dict[str, Any] = {}
    if draw(st.booleans()):
        answer["results"] = draw(texts(max_size=200))
    if draw(st.booleans()):
        answer["figures"] = draw(st.lists(figures(), max_size=3))
    if draw(st.booleans()):
        answer["typical_cases"] = draw(st.lists(texts(min_size=1), max_size=2))
    if draw(st.booleans()):
        answer["difficulties"] = draw(texts())
    if draw(st.booleans()):
        answer["proposals"] = draw(texts())
    if item.indicators and draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(item.indicators), unique=True))
        answer["indicators"] = {ind.id: draw(_indicator_value(ind.kind)) for ind in chosen}
    return answer


@st.composite
def answer_sets(draw: st.DrawFn, outline: Outline, unit_code: str) -> dict[str, Any]:
    """Answers to every leaf that applies to the unit, and to some that do not."""
    unit = get_registry().get(unit_code)
    required = set(outline.leaves_for(unit))
    extra = set(draw(st.lists(st.sampled_from(outline.leaves()), max_size=3)))
    return {
        answer_key(leaf.id): draw(answers(leaf))
        for leaf in outline.leaves()
        if leaf in required | extra
    }


@st.composite
def signers(draw: st.DrawFn) -> dict[str, Any]:
    """A signer."""
    signer: dict[str, Any] = {"title": draw(texts(min_size=1)), "name": draw(texts(min_size=1))}
    if draw(st.booleans()):
        signer["authority"] = draw(st.lists(texts(min_size=1), max_size=2))
    return signer


def _unit_codes(*kinds: UnitKind) -> list[str]:
    return [u.code for u in get_registry().of_kind(*kinds)]


@st.composite
def report_headers(draw: st.DrawFn, form: str, unit_code: str) -> dict[str, Any]:
    """A report header for ``unit_code``."""
    header: dict[str, Any] = {
        "form": form,
        "version": FORMS[form].version,
        "unit_code": unit_code,
        "report_number": draw(texts(min_size=1, max_size=20)),
        "report_date": draw(dates),
        "signer": draw(signers()),
    }
    if draw(st.booleans()):
        header["place"] = draw(texts())
    if draw(st.booleans()):
        header["recipients"] = draw(st.lists(texts(min_size=1), max_size=3))
    return header


@st.composite
def pl02_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Phụ lục 02 rows numbered 1..n."""
    count = draw(st.integers(min_value=0, max_value=4))
    rows = []
    for no in range(1, count + 1):
        row: dict[str, Any] = {"no": no, "task": draw(texts(min_size=1))}
        for key in ("results", "difficulties", "proposals", "notes"):
            if draw(st.booleans()):
                row[key] = draw(texts(max_size=100))
        rows.append(row)
    return rows


@st.composite
def pl03_rows(draw: st.DrawFn, unit_code: str) -> list[dict[str, Any]]:
    """Phụ lục 03 rows for a subset of the unit's tasks."""
    tasks = get_catalogue().tasks_for(unit_code)
    chosen = draw(st.lists(st.sampled_from(tasks), unique=True)) if tasks else []
    rows = []
    for task in chosen:
        row: dict[str, Any] = {"task_id": task.id}
        for key in ("results", "difficulties", "proposals"):
            if draw(st.booleans()):
                row[key] = draw(texts(max_size=100))
        rows.append(row)
    return rows


@st.composite
def pl01_reports(draw: st.DrawFn) -> dict[str, Any]:
    """A valid Phụ lục 01 report of a department, agency or district."""
    unit_code = draw(st.sampled_from(_unit_codes(*PL01_KINDS)))
    report: dict[str, Any] = {
        "header": draw(report_headers("PL01", unit_code)),
        "answers": draw(answer_sets(pl01_outline(), unit_code)),
    }
    if draw(st.booleans()):
        report["appendix_pl02"] = draw(pl02_rows())
    if draw(st.booleans()):
        report["appendix_pl03"] = draw(pl03_rows(unit_code))
    return report


@st.composite
def pl04_reports(draw: st.DrawFn) -> dict[str, Any]:
    """A valid Phụ lục 04 report of a commune."""
    commune = draw(st.sampled_from(get_registry().of_kind(UnitKind.COMMUNE)))
    header = draw(report_headers("PL04", commune.code))
    header["district_code"] = commune.parent
    return {"header": header, "answers": draw(answer_sets(pl04_outline(), commune.code))}


@st.composite
def pl02_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A valid standalone Phụ lục 02 table."""
    unit_code = draw(st.sampled_from(_unit_codes(*PL01_KINDS)))
    header = {"form": "PL02", "version": FORMS["PL02"].version, "unit_code": unit_code}
    return {"header": header, "rows": draw(pl02_rows())}


@st.composite
def pl03_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A valid standalone Phụ lục 03 table."""
    unit_code = draw(st.sampled_from(_unit_codes(*PL01_KINDS)))
    header = {"form": "PL03", "version": FORMS["PL03"].version, "unit_code": unit_code}
    return {"header": header, "rows": draw(pl03_rows(unit_code))}


#: One strategy per form id.
FORM_STRATEGIES = {
    "PL01": pl01_reports(),
    "PL02": pl02_tables(),
    "PL03": pl03_tables(),
    "PL04": pl04_reports(),
}
