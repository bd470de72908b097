"""``python -m sokets``."""

from sokets.cli.main import run

run()
