"""Shared fixtures: the plan text (for verbatim checks), the examples, and CLI runners."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from tests.browser import browser  # noqa: F401 - the session's Chromium, for tests that need one

if TYPE_CHECKING:
    from sokets.consolidation import Consolidation

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPEC_PATH = Path(__file__).resolve().parent / "data" / "ke-hoach-403-KH-UBND-2023.txt"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def spec_text() -> str:
    """The plan's text with markdown bold removed and sokets' corrections applied."""
    import unicodedata

    from sokets.plan import ERRATA, ErratumKind

    text = unicodedata.normalize("NFC", SPEC_PATH.read_text(encoding="utf-8")).replace("**", "")
    text = text.replace("*", "")
    for erratum in ERRATA:
        if erratum.kind is ErratumKind.CORRECTED:
            text = text.replace(erratum.original, erratum.corrected)
    return " ".join(text.split())


@pytest.fixture(scope="session")
def raw_spec_text() -> str:
    """The plan's text as shipped (NFC), untouched."""
    import unicodedata

    return unicodedata.normalize("NFC", SPEC_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def review_round(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province's round in progress (see :func:`tests.rounds.round_in_progress`)."""
    from tests.rounds import round_in_progress

    return round_in_progress(tmp_path_factory.mktemp("review-round"))


@pytest.fixture(scope="session")
def review(review_round: Path) -> Iterator[Consolidation]:
    """The consolidation of :func:`review_round` at :data:`tests.rounds.REVIEW_AS_OF`."""
    from sokets.consolidation import consolidate
    from tests.rounds import REVIEW_AS_OF

    yield consolidate([review_round], as_of=REVIEW_AS_OF, keep_reports=False)
