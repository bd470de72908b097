"""Reading report files in background processes for :func:`~sokets.consolidation.collect.collect`:
what a worker does, and how its submissions come back (pickled).

Imported only when workers are used: pickling is not needed otherwise.
"""

from __future__ import annotations

import functools
import gc
import io
import pickle
import sys
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sokets.consolidation.collect import Submission, read_one


def read_remote(entries: list[tuple[int, Path]]) -> bytes:
    """What a background process does: read files, and pickle their submissions (``b""`` when
    they cannot be pickled: the caller reads them again)."""
    gc.disable()  # as the command line does: a short-lived process making many objects
    submissions = [read_one(e) for e in entries]
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(submissions)
    except (pickle.PicklingError, TypeError, AttributeError):
        return b""
    return buffer.getvalue()


def loads(data: bytes) -> list[list[Submission]] | None:
    """The submissions :func:`read_remote` sent, or ``None`` (the caller reads the files)."""
    if not data:
        return None
    result: list[list[Submission]] = pickle.loads(data)
    return result


class _Pickler(pickle.Pickler):
    """Pickles the answer models the forms build at run time (``Pl01Answers``…), which cannot be
    found by their names, as a look-up of the form models' classes."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, type):
            name = obj.__name__
            if _built_models().get(name) is obj:
                return _built_model, (name,)
        return NotImplemented


def _built_model(name: str) -> type[BaseModel]:
    return _built_models()[name]


@functools.cache
def _built_models() -> dict[str, type[BaseModel]]:
    """The model classes the report models use that their module does not hold by name, by name
    (a name two of them share is left out: such a class cannot be pickled, and its files are read
    by the caller)."""
    from sokets.forms import FORMS

    found: dict[str, type[BaseModel]] = {}
    shared: set[str] = set()
    seen: set[int] = set()  # by id: an annotation need not be hashable

    def walk(annotation: Any) -> None:
        if id(annotation) in seen:
            return
        seen.add(id(annotation))
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            module = sys.modules.get(annotation.__module__)
            if getattr(module, annotation.__qualname__, None) is not annotation:
                name = annotation.__name__
                if found.setdefault(name, annotation) is not annotation:
                    shared.add(name)
            for info in annotation.model_fields.values():
                walk(info.annotation)
            return
        for argument in typing.get_args(annotation):
            walk(argument)

    for spec in FORMS.values():
        walk(spec.model)
    return {name: model for name, model in found.items() if name not in shared}
