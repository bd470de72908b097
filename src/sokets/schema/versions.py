"""Form versions: the semver policy, the versions published, and migrations of older instances.

Every instance names its form version in ``header.version`` (``MAJOR.MINOR.PATCH``). A change to
a form that makes some instance valid under the old schema invalid under the new one is
*breaking* and needs a new major version; a change that only accepts more is a minor version; a
change of titles, descriptions or layout hints only is a patch (``docs/schemas.md``;
:func:`sokets.schema.diff.diff_schemas` classifies changes).

Published versions keep their schema file in ``schemas/`` for good (:data:`PUBLISHED`). An
instance of an older version is read by migrating it, step by step, through functions registered
in :data:`MIGRATIONS`: ``(form, from_version) → function(dict) -> dict``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sokets.errors import InputError

#: Versions of each form published before the current one (whose schema files must be kept).
#: The current version (:attr:`sokets.forms.FormSpec.version`) is always published too.
PUBLISHED: dict[str, tuple[str, ...]] = {
    "PL01": ("1.0.0", "1.1.0"),
    "PL02": ("1.0.0",),
    "PL03": ("1.0.0",),
    "PL04": ("1.0.0", "1.1.0"),
}

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns an instance (a JSON object as a dict) of one version into the next version's shape."""

_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


class Bump(IntEnum):
    """How much a version number must grow for a change (ordered: ``MAJOR`` is the most)."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        """Lower-case name: ``"major"``, ``"minor"``, ``"patch"``, ``"none"``."""
        return self.name.lower()


def parse_version(text: str) -> tuple[int, int, int]:
    """``"1.2.3"`` → ``(1, 2, 3)``; :class:`ValueError` for anything but ``MAJOR.MINOR.PATCH``."""
    match = _SEMVER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {text!r}")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def version_bump(old: str, new: str) -> Bump | None:
    """The bump from ``old`` to ``new``, or ``None`` when ``new`` is not greater than ``old``."""
    a, b = parse_version(old), parse_version(new)
    if b <= a:
        return None
    if b[0] > a[0]:
        return Bump.MAJOR
    if b[1] > a[1]:
        return Bump.MINOR
    return Bump.PATCH


def published_versions(form_id: str) -> tuple[str, ...]:
    """Every published version of a form, oldest first, the current one last."""
    from sokets.forms import form_spec

    current = form_spec(form_id).version
    return (*sorted(PUBLISHED.get(form_id, ()), key=parse_version), current)


@dataclass(frozen=True)
class MigrationStep:
    """One registered migration: instances of ``form`` at ``from_version`` become ``to_version``."""

    form: str
    from_version: str
    to_version: str
    function: Migration


class MigrationRegistry:
    """Migrations by ``(form, from_version)``; each step leads to a newer version."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, str], MigrationStep] = {}

    def register(
        self, form: str, from_version: str, to_version: str
    ) -> Callable[[Migration], Migration]:
        """Decorator registering ``function`` as the step ``from_version`` → ``to_version``.

        Raises :class:`ValueError` if the versions are not semver, ``to_version`` is not newer,
        or a step from ``from_version`` is already registered for ``form``.
        """

        def decorate(function: Migration) -> Migration:
            self.add(MigrationStep(form, from_version, to_version, function))
            return function

        return decorate

    def add(self, step: MigrationStep) -> None:
        """Register a step (see :meth:`register`)."""
        if version_bump(step.from_version, step.to_version) is None:
            raise ValueError(f"{step.to_version} is not newer than {step.from_version}")
        key = (step.form, step.from_version)
        if key in self._steps:
            raise ValueError(f"a migration of {step.form} from {step.from_version} exists already")
        self._steps[key] = step

    def remove(self, form: str, from_version: str) -> None:
        """Unregister the step from ``from_version`` (:class:`KeyError` if there is none)."""
        del self._steps[(form, from_version)]

    def path(
        self, form: str, from_version: str, to_version: str
    ) -> tuple[MigrationStep, ...] | None:
        """The steps leading from ``from_version`` to ``to_version``, or ``None`` if none do."""
        steps: list[MigrationStep] = []
        version = from_version
        while version != to_version:
            step = self._steps.get((form, version))
            if step is None or len(steps) > len(self._steps):
                return None
            steps.append(step)
            version = step.to_version
        return tuple(steps)

    def readable_versions(self, form: str, current: str) -> tuple[str, ...]:
        """``current`` and every version with a migration path to it, newest first."""
        older = {
            version
            for (step_form, version) in self._steps
            if step_form == form and self.path(form, version, current) is not None
        }
        return (current, *sorted(older, key=parse_version, reverse=True))

    def migrate(
        self, instance: dict[str, Any], form: str, from_version: str, to_version: str
    ) -> dict[str, Any]:
        """Apply the steps from ``from_version`` to ``to_version``; each step's result gets the
        step's ``to_version`` in ``header.version``. :class:`LookupError` if no path exists."""
        steps = self.path(form, from_version, to_version)
        if steps is None:
            raise LookupError(f"no migration of {form} from {from_version} to {to_version}")
        for step in steps:
            instance = step.function(instance)
            instance["header"]["version"] = step.to_version
        return instance


#: The migrations sokets applies when it reads an older form version.
MIGRATIONS = MigrationRegistry()


@MIGRATIONS.register("PL01", "1.0.0", "1.1.0")
@MIGRATIONS.register("PL04", "1.0.0", "1.1.0")
def _a_rate_may_be_a_percent_alone(instance: dict[str, Any]) -> dict[str, Any]:
    """1.1.0 accepts more (a rate given as its stated percent alone) and words two titles
    better: every 1.0.0 instance is a 1.1.0 instance as it is."""
    return instance


def _answers_keyed_for_form_builders(instance: dict[str, Any]) -> dict[str, Any]:
    """2.0.0 keys each answer by :func:`~sokets.models.answers.answer_key` (``"A_II_3_b6"``,
    ``"m3_a_b7"``, ``"m2"``) instead of the item id (``"A.II.3.b6"``, ``"3.a.b7"``, ``"2"``), which
    form libraries split on the dots or reorder. Keys that are not items of the form's outline
    stay as they are (the model then names them as written), and an answer is never written over
    one already under its new key."""
    from sokets.forms import form_spec
    from sokets.models.answers import answer_key

    answers = instance.get("answers")
    outline = form_spec(instance["header"]["form"]).outline
    if not isinstance(answers, dict) or outline is None:
        return instance
    leaves = {leaf.id for leaf in outline().leaves()}
    renamed: dict[str, Any] = {}
    for key, answer in answers.items():
        new = answer_key(key) if key in leaves else key
        renamed[key if new in answers or new in renamed else new] = answer
    instance["answers"] = renamed
    return instance


@MIGRATIONS.register("PL02", "1.0.0", "1.0.1")
@MIGRATIONS.register("PL03", "1.0.0", "1.0.1")
def _no_defaults_in_the_schema(instance: dict[str, Any]) -> dict[str, Any]:
    """1.0.1 only drops the ``default`` annotations form libraries wrote into the data: every
    1.0.0 instance is a 1.0.1 instance as it is."""
    return instance


MIGRATIONS.register("PL01", "1.1.0", "2.0.0")(_answers_keyed_for_form_builders)
MIGRATIONS.register("PL04", "1.1.0", "2.0.0")(_answers_keyed_for_form_builders)


def supported_versions(form_id: str) -> tuple[str, ...]:
    """Versions of a form that :func:`sokets.forms.load_report` reads, the current one first."""
    from sokets.forms import form_spec

    return MIGRATIONS.readable_versions(form_id, form_spec(form_id).version)


def migrate_document(
    instance: Any, form_id: str, version: str, *, source: str = "<input>"
) -> dict[str, Any]:
    """An instance (parsed JSON) of an older ``version`` of a form, migrated to the current one.

    Raises :class:`InputError` at ``/header/version`` naming the version found and the versions
    supported when no migration path exists, or when a migration step fails on this input.
    """
    from sokets.forms import form_spec

    current = form_spec(form_id).version
    steps = MIGRATIONS.path(form_id, version, current)
    if steps is None:
        supported = ", ".join(supported_versions(form_id))
        newer = ""
        try:
            if parse_version(version) > parse_version(current):
                newer = " — mới hơn phiên bản sokets này đọc được, hãy cập nhật sokets / newer than this sokets reads, upgrade sokets"
        except ValueError:
            pass
        raise InputError(
            f"phiên bản {version!r} của {form_id} không được hỗ trợ (hỗ trợ: {supported}) / "
            f"unsupported version {version!r} of {form_id} (supported: {supported}){newer}",
            source=source,
            location="/header/version",
        )
    try:
        return MIGRATIONS.migrate(instance, form_id, version, current)
    except Exception as exc:  # a migration meeting input it cannot handle is bad input
        raise InputError(
            f"không chuyển được {form_id} từ phiên bản {version} lên {current}: {exc!r} / "
            f"cannot migrate {form_id} {version} to {current}",
            source=source,
            location="/header/version",
        ) from None


def upgrade(data: bytes, form_id: str, version: str, *, source: str = "<input>") -> bytes:
    """JSON bytes of an instance of an older ``version``, migrated (see :func:`migrate_document`)."""
    migrated = migrate_document(json.loads(data), form_id, version, source=source)
    return json.dumps(migrated, ensure_ascii=False).encode("utf-8")
