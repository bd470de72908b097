"""JSON for programs: the run as one document (see :meth:`ValidationRun.to_dict`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sokets.reporters import Locate

if TYPE_CHECKING:
    from sokets.validation import ValidationRun


class JsonReporter:
    """``{"valid", "strict", "counts", "reports": [...], "unreadable": [...]}``, UTF-8."""

    def __init__(self, *, locate: Locate | None = None) -> None:
        self.locate = locate

    def render(self, run: ValidationRun, *, strict: bool = False, quiet: bool = False) -> str:
        """The run as indented JSON, non-ASCII kept (a document: ``quiet`` leaves nothing out)."""
        return json.dumps(run.to_dict(strict=strict), ensure_ascii=False, indent=2) + "\n"
