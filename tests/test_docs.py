"""Docs kept honest: the reading recipe in docs/format.md works on the golden vault."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import DATA, GOLDEN

ROOT = Path(__file__).parents[1]


def test_format_recipe_reads_the_golden_vault(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "format.md").read_text()
    code = re.search(r"```python\n(.*?)```", doc, re.S).group(1)
    namespace: dict = {"__name__": "recipe"}
    exec(compile(code, "format.md", "exec"), namespace)
    master = (DATA / "golden-identity.txt").read_text()
    copy = tmp_path / "dentelle.db"  # SQLite would add -wal/-shm files beside the golden one
    shutil.copyfile(GOLDEN / "dentelle.db", copy)
    stories = namespace["read_vault"](str(copy), master)
    expected = json.loads((DATA / "golden-expected.json").read_text())
    texts = [e["text"] for e in stories[expected["person"]["name"]]]
    assert texts == [e["versions"][-1]["text"] for e in expected["entries"]]


def test_every_cli_command_is_in_the_readme() -> None:
    from views.cli import cli

    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert f"dentelle {name}" in readme, name
