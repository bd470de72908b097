"""Answer models generated from an outline: one optional field per answerable item.

Three names for one item: its **id** in the outline (``"A.II.2.b1"``, ``"3.a.b7"``, ``"2"``: the
plan's numbering, used in messages, DOCX tags, XLSX rows and consolidation), its **key** in JSON
(:func:`answer_key`: ``"A_II_2_b1"``, ``"m3_a_b7"``, ``"m2"``, from form version 2.0.0 of PL01
and PL04) and its Python attribute (:func:`field_name`). Items with indicators get an answer
class with an ``indicators`` object holding one field per indicator (a :class:`Ratio`, a yes/no
or a count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from pydantic import Field, create_model, model_validator

from sokets.models.base import FormModel, omittable
from sokets.models.common import Answer, Count, Ratio
from sokets.outline import IndicatorKind, Outline, OutlineItem

#: What an item id may contain: letters and digits joined by dots (``"A.II.7.b3.p1"``).
_ITEM_ID = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*")


@cache
def answer_key(item_id: str) -> str:
    """The JSON key of the answer to an outline item: ``"A.II.3.b6"`` → ``"A_II_3_b6"``,
    ``"3.a.b7"`` → ``"m3_a_b7"``, ``"2"`` → ``"m2"``.

    The dots become underscores and an id that begins with a digit gets ``m`` (*mục*) in front,
    so that every key is an identifier (``[A-Za-z][A-Za-z0-9_]*``): form libraries that read
    ``"."`` as a path separator (JSON Forms, lodash paths) bind it, JavaScript keeps it in
    document order (an integer-like key such as ``"2"`` would come first), and it is a valid
    HTML id and CSS name. Item ids never contain ``_``, so the key leads back to one id.
    Raises :class:`ValueError` for a string that is not an item id.
    """
    if not _ITEM_ID.fullmatch(item_id):
        raise ValueError(f"not an outline item id: {item_id!r}")
    key = item_id.replace(".", "_")
    return "m" + key if key[0].isdigit() else key


_KEY = re.compile(r"(?:m(?=[0-9])|(?=[A-Za-z]))([A-Za-z0-9]+(?:_[A-Za-z0-9]+)*)")


def item_id_of(key: str) -> str | None:
    """The outline item id a JSON key stands for (:func:`answer_key` undone), or ``None`` when
    ``key`` is not shaped like one. Whether the item exists is the outline's business."""
    match = _KEY.fullmatch(key)
    return match[1].replace("_", ".") if match else None


@cache
def field_name(item_id: str) -> str:
    """The Python attribute for an outline item id: ``"A.II.2.b1"`` → ``"a_ii_2_b1"``."""
    return "item_" + re.sub(r"\W", "_", item_id).lower()


class Indicators(FormModel):
    """Base of generated indicator groups."""

    rates: ClassVar[frozenset[str]] = frozenset()
    """The fields that are rates (set by the generated classes)."""

    @model_validator(mode="before")
    @classmethod
    def _empty_rate_not_given(cls, data: Any) -> Any:
        """A rate with nothing in it (``{}``) is a rate not given, as if left out: what a web
        form leaves when a clerk clears the numbers of a rate (an emptied input's value is
        ``undefined``, gone from the JSON sent)."""
        if isinstance(data, dict) and any(data.get(name) == {} for name in cls.rates):
            return {k: v for k, v in data.items() if not (k in cls.rates and v == {})}
        return data


class AnswerSet(FormModel):
    """Base of generated answer sets: one optional :class:`Answer` per outline leaf.

    Items are named by their outline id here (:meth:`get`, :meth:`answered`); the JSON keys
    (:func:`answer_key`) are the fields' aliases.
    """

    item_ids: ClassVar[dict[str, str]] = {}
    """Outline item id of each field, by JSON key (set by :func:`build_answer_set`)."""

    def get(self, item_id: str) -> Answer | None:
        """The answer to an item id, or ``None`` when it was not answered."""
        value = getattr(self, field_name(item_id), None)
        return value if isinstance(value, Answer) else None

    def answered(self) -> Iterator[tuple[str, Answer]]:
        """``(item id, answer)`` for every item answered, in outline order."""
        item_ids = type(self).item_ids
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if value is not None:
                yield item_ids[info.alias or name], value


_INDICATOR_TYPES: dict[IndicatorKind, Any] = {
    IndicatorKind.RATIO: omittable(Ratio),
    IndicatorKind.YES_NO: omittable(bool),
    IndicatorKind.COUNT: omittable(Count),
}


def _camel(item_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"\W", item_id) if part)


def _answer_type(prefix: str, item: OutlineItem) -> type[Answer]:
    if not item.indicators:
        return Answer
    fields: dict[str, Any] = {
        ind.id: (_INDICATOR_TYPES[ind.kind], Field(default=None, title=ind.label))
        for ind in item.indicators
    }
    indicators = create_model(
        f"{prefix}Indicators{_camel(item.id)}",
        __base__=Indicators,
        __doc__=f"Chỉ số của mục {item.id}",
        **fields,
    )
    indicators.rates = frozenset(i.id for i in item.indicators if i.kind is IndicatorKind.RATIO)
    model: type[Answer] = create_model(
        f"{prefix}Answer{_camel(item.id)}",
        __base__=Answer,
        __doc__=f"Trả lời mục {item.id}, kèm chỉ số",
        indicators=(indicators, Field(default_factory=indicators, title="Chỉ số")),
    )
    return model


def build_answer_set(prefix: str, outline: Outline) -> type[AnswerSet]:
    """Create the answer-set model of ``outline``, named ``<prefix>Answers``."""
    fields: dict[str, Any] = {}
    for item in outline.leaves():
        fields[field_name(item.id)] = (
            omittable(_answer_type(prefix, item)),
            Field(
                default=None,
                alias=answer_key(item.id),
                title=f"{item.number} {item.title}" if item.number not in "-+" else item.title,
                description=item.guidance or None,
            ),
        )
    model: type[AnswerSet] = create_model(
        f"{prefix}Answers",
        __base__=AnswerSet,
        __doc__=f"Các mục trả lời theo {outline.appendix}",
        **fields,
    )
    model.item_ids = {answer_key(item.id): item.id for item in outline.leaves()}
    if len(model.item_ids) != len(fields):
        raise ValueError(f"two items of {outline.appendix} have the same JSON key")
    return model
