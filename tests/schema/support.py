"""Running the Ajv check script (``ajv_check.mjs``) from the tests.

Ajv and ajv-formats come from npm: ``.ci/run`` installs them and names the folder in
``SOKETS_NODE_MODULES``; locally ``.node/node_modules`` is used (see ``docs/schemas.md``). When
they are missing the Ajv tests skip, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.tools import require

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMAS = ROOT / "schemas"
SCRIPT = Path(__file__).resolve().parent / "ajv_check.mjs"


def node_modules() -> Path:
    """Where Ajv is installed."""
    return Path(os.environ.get("SOKETS_NODE_MODULES") or ROOT / ".node" / "node_modules")


def ajv_missing() -> str | None:
    """Why Ajv cannot run here, or ``None`` when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    for package in ("ajv", "ajv-formats"):
        if not (node_modules() / package / "package.json").is_file():
            return f"{package} is not installed in {node_modules()} (see docs/schemas.md)"
    return None


def require_ajv() -> None:
    """Skip the calling test when Ajv is missing, or fail it under CI."""
    require("Ajv", ajv_missing())


def run_ajv(mode: str, directory: Path) -> subprocess.CompletedProcess[str]:
    """Run the script once (``compile`` mode) and return the finished process."""
    return subprocess.run(
        ["node", str(SCRIPT), mode, str(directory)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOKETS_NODE_MODULES": str(node_modules())},
    )


class AjvServer:
    """The script in ``serve`` mode: one long-lived node process validating instances."""

    def __init__(self, directory: Path = SCHEMAS) -> None:
        self.process = subprocess.Popen(
            ["node", str(SCRIPT), "serve", str(directory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "SOKETS_NODE_MODULES": str(node_modules())},
        )

    def validate(self, schema_id: str, text: str) -> tuple[bool, list[str]]:
        """Ajv's verdict on the JSON ``text`` (parsed by node) and its error messages."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"id": schema_id, "text": text}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            raise RuntimeError(f"ajv_check.mjs stopped: {self.process.stderr.read()}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return bool(answer["valid"]), list(answer["errors"])

    def close(self) -> None:
        """Stop the node process."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
