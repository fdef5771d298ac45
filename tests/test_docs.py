"""Docs kept honest (the reading recipe of docs/format.md: tests/test_format_recipe.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_every_cli_command_is_in_the_readme() -> None:
    from views.cli import COMMANDS  # every command, loaded or not (`cli.commands` is lazy)

    readme = (ROOT / "README.md").read_text()
    for name in COMMANDS:
        assert f"dentelle {name}" in readme, name


def test_no_file_keeps_a_merge_conflict_marker() -> None:
    """A merge resolved in the code but not in a document once left markers on main."""
    import subprocess

    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    marked = []
    for name in listed:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".tcss", ".toml", ".txt", ""} or not path.is_file():
            continue
        lines = path.read_text(errors="replace").splitlines()
        if any(line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "=======" for line in lines):
            marked.append(name)
    assert not marked
