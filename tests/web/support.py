"""The web form test page (``tests/web``): bundled once per session, driven through Playwright.

The page renders one form at a time with react-jsonschema-form or JSON Forms, exactly as
``docs/schemas.md`` shows a web developer (``harness.js``), and answers through
``window.sokets``. Its packages (``package.json``) are installed by ``.ci/run`` into the folder
named by ``SOKETS_NODE_MODULES``, beside Ajv; esbuild bundles the page into a temporary folder.
Without them the browser tests skip with the reason locally, and fail under CI (``CI`` set).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from tests.schema.support import node_modules
from tests.tools import require

from sokets.schema.folder import UI_SCHEMAS
from sokets.schema.messages import messages

WEB = Path(__file__).resolve().parent
PACKAGES = tuple(json.loads((WEB / "package.json").read_bytes())["dependencies"])
LIBRARIES = ("rjsf", "jsonforms")


def web_missing() -> str | None:
    """Why the test page cannot be built here, or ``None``."""
    if shutil.which("node") is None:
        return "node is not installed"
    for package in PACKAGES:
        if not (node_modules() / package / "package.json").is_file():
            return (
                f"{package} is not installed in {node_modules()} (npm install --prefix .node "
                "--no-package-lock, with tests/web/package.json copied there; see docs/schemas.md)"
            )
    return None


def require_web() -> None:
    """Skip the calling test when the page cannot be built, or fail it under CI."""
    require("the web test page", web_missing())


def bundle(folder: Path) -> Path:
    """Bundle the page into ``folder``; return its ``index.html``."""
    subprocess.run(
        ["node", str(WEB / "build.mjs"), str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "SOKETS_NODE_MODULES": str(node_modules())},
    )
    return folder / "index.html"


def ui_schema(library: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The UI schema sokets ships for ``library``, for this schema."""
    return UI_SCHEMAS[library][1](schema)


class FormPage:
    """The test page in a browser tab, one form mounted at a time."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on(
            "console",
            lambda message: message.type == "error" and self.problems.append(message.text),
        )
        page.goto(url)
        self.library = ""
        self.schema: dict[str, Any] = {}
        self.uischema: dict[str, Any] = {}

    def mount(
        self,
        library: str,
        schema: dict[str, Any],
        data: Any = None,
        uischema: dict[str, Any] | None = None,
    ) -> float:
        """Render a form with the shipped UI schema (unless given); milliseconds to first paint."""
        self.library = library
        self.schema = schema
        self.uischema = uischema if uischema is not None else ui_schema(library, schema)
        self.problems.clear()
        props = {
            "schema": schema,
            "uischema": self.uischema,
            "data": data,
            "messages": messages(),
        }
        elapsed: float = self.page.evaluate(
            "([library, props]) => window.sokets.mount(library, props)", [library, props]
        )
        return elapsed

    def call(self, name: str) -> Any:
        return self.page.evaluate(f"() => window.sokets.{name}()")

    def data(self) -> Any:
        """The form's data now."""
        return self.call("data")

    def pages(self) -> list[dict[str, Any]]:
        """The pages of a JSON Forms categorization (none for one page)."""
        if self.uischema.get("type") != "Categorization":
            return []
        pages: list[dict[str, Any]] = self.uischema["elements"]
        return pages

    def open_page(self, index: int) -> None:
        """Show a page of a JSON Forms categorization (its entry in the list of pages)."""
        self.page.locator("#app .category-subcategories > li").nth(index).click()

    def shown(self) -> list[str]:
        """The values the form's fields show (texts, numbers, dates, chosen labels), on every
        page."""
        if not self.pages():
            shown: list[str] = self.call("shown")
            return shown
        values = []
        for index in range(len(self.pages())):
            self.open_page(index)
            values.extend(self.call("shown"))
        return values

    def submit(self) -> Any:
        """Press the submit button; the data submitted, or ``None`` when the form refused."""
        self.page.locator("#app button[type=submit]").click()
        return self.call("submitted")

    def field(self, pointer: str) -> Any:
        """The input, text area or select of the value at ``pointer`` (``/header/place``), its
        page shown first."""
        tokens = pointer.strip("/").split("/")
        if self.library == "rjsf":
            return self.page.locator(f'[id="root_{"_".join(tokens)}"]')
        scope = "#" + "".join(f"/properties/{t}" for t in tokens)
        self._show(scope)
        return self.page.locator(f'[id="{scope}-input"]')

    def _show(self, scope: str) -> None:
        for index, page in enumerate(self.pages()):
            if f'"{scope}"' in json.dumps(page) or f'"{scope}/' in json.dumps(page):
                self.open_page(index)
                return

    def add_row(self) -> None:
        """Press the first "add" button (of a table form: a row of the table)."""
        self.page.locator('#app button.btn-add, #app button:text-is("Thêm")').first.click()

    def row_field(self, pointer: str) -> Any:
        """The field of a table row's value (``/rows/0/task``): JSON Forms shows a list of
        objects as a table whose cells have no id, one column per property in order."""
        if self.library == "rjsf":
            return self.field(pointer)
        table, row, name = pointer.strip("/").split("/")
        node = self.schema["properties"][table]["items"]
        while "$ref" in node:
            node = self.schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        column = node["x-order"].index(name)
        self._show(f"#/properties/{table}")
        cells = self.page.locator("#app tbody tr").nth(int(row)).locator("td")
        return cells.nth(column).locator("input, select, textarea")

    def show_errors(self) -> None:
        """Have the form show its errors (react-jsonschema-form shows them on validation;
        JSON Forms as soon as the data changes)."""
        if self.library == "rjsf":
            self.call("validate")

    def text(self) -> str:
        """The page's text (labels, messages)."""
        text: str = self.page.locator("#app").inner_text()
        return text


def scalars(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    """``(pointer, value)`` of every string, number and boolean in a JSON value."""
    if isinstance(value, dict):
        return [pair for key, child in value.items() for pair in scalars(child, f"{pointer}/{key}")]
    if isinstance(value, list):
        return [pair for i, child in enumerate(value) for pair in scalars(child, f"{pointer}/{i}")]
    return [(pointer, value)]


def _normal(value: Any) -> str:
    """A value as compared: a number whatever its notation (``98,2`` is how a browser in
    Vietnamese shows 98.2)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"number:{float(value)!r}"
    text = str(value)
    if re.fullmatch(r"-?[0-9]+,[0-9]+", text):
        text = text.replace(",", ".")
    try:
        return f"number:{float(text)!r}"
    except ValueError:
        return str(value)


def not_shown(expected: list[str | int | float | bool], shown: list[str]) -> list[str]:
    """What of ``expected`` (values, or the labels of chosen codes) the fields do not show."""
    missing = Counter(_normal(v) for v in expected) - Counter(_normal(v) for v in shown)
    return sorted(missing.elements())
