"""Answer models generated from an outline: one optional field per answerable item.

The JSON property of each field is the item id (``"A.II.2.b1"``); the Python attribute is the id
made an identifier (``a_ii_2_b1``). Items with indicators get an answer class with an
``indicators`` object holding one field per indicator (a :class:`Ratio`, a yes/no or a count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import Field, create_model

from sokets.models.base import FormModel, omittable
from sokets.models.common import Answer, Count, Ratio
from sokets.outline import IndicatorKind, Outline, OutlineItem


@cache
def field_name(item_id: str) -> str:
    """The Python attribute for an outline item id: ``"A.II.2.b1"`` → ``"a_ii_2_b1"``."""
    return "item_" + re.sub(r"\W", "_", item_id).lower()


class Indicators(FormModel):
    """Base of generated indicator groups."""


class AnswerSet(FormModel):
    """Base of generated answer sets: one optional :class:`Answer` per outline leaf."""

    def get(self, item_id: str) -> Answer | None:
        """The answer to an item id, or ``None`` when it was not answered."""
        value = getattr(self, field_name(item_id), None)
        return value if isinstance(value, Answer) else None

    def answered(self) -> Iterator[tuple[str, Answer]]:
        """``(item id, answer)`` for every item answered, in outline order."""
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if value is not None:
                yield (info.alias or name), value


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
                alias=item.id,
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
    return model
