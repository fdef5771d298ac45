"""Docs kept honest (the reading recipe of docs/format.md: tests/test_format_recipe.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_every_cli_command_is_in_the_readme() -> None:
    from views.cli import COMMANDS  # every command, loaded or not (`cli.commands` is lazy)

    readme = (ROOT / "README.md").read_text()
    for name in COMMANDS:
        assert f"dentelle {name}" in readme, name
