"""The core never imports the UI: each journal module is importable without Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import journal

ROOT = Path(__file__).parents[1]


def test_core_modules_do_not_import_textual_or_rich() -> None:
    modules = [m.name for m in pkgutil.walk_packages(journal.__path__, "journal.")]
    assert "journal.store.entries" in modules  # subpackages walked, not only the top
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _import_every_catalogue() -> None:
    """Every module that registers messages: the core's, the CLI's and the app's."""
    import importlib

    import views
    import views.cli

    for package in (views, views.cli):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name.endswith("strings"):
                importlib.import_module(info.name)
    importlib.import_module("views.cli")  # each family of commands registers its own


def test_every_message_exists_in_french_and_english() -> None:
    import importlib

    for info in pkgutil.walk_packages(journal.__path__, "journal."):
        importlib.import_module(info.name)
    _import_every_catalogue()
    from journal.i18n import MESSAGES

    assert len(MESSAGES) > 50
    for key, texts in MESSAGES.items():
        assert texts.get("fr") and texts.get("en"), key


def test_forbidden_words_never_appear_in_messages() -> None:
    """The words of management that workers rejected."""
    import importlib

    for info in pkgutil.walk_packages(journal.__path__, "journal."):
        importlib.import_module(info.name)
    _import_every_catalogue()
    from journal.i18n import MESSAGES
    from journal.text import fold

    forbidden = [
        "usager",
        "beneficiaire",
        "dossier clos",
        "mode d'intervention",
        "parcours",
        "objectif atteint",
        "en retard",
    ]
    for key, texts in MESSAGES.items():
        for text in texts.values():
            for word in forbidden:
                assert word not in fold(text), (key, word)


# Keys built at run time: a binding's tooltip (key + ".tip", `views.ui`), a palette
# entry's help (key + ".help", `views.commands`), plural forms (key + ".one"…), and the
# families read with an f-string (`soon.{kind}`, `export.app.{fmt}`).
_BUILT_SUFFIXES = (".tip", ".help", ".one", ".other", ".many")


def test_every_message_of_the_views_catalogues_is_used() -> None:
    """A key no code reads is a sentence no one maintains (issue 13: `timeline.strip_legend`)."""
    import re

    sources = [p for part in ("journal", "views") for p in (ROOT / part).rglob("*.py")]
    catalogues = sorted((ROOT / "views").glob("*strings.py")) + [ROOT / "views/cli/strings.py"]
    code = "\n".join(p.read_text() for p in sources if p not in catalogues)
    unused = []
    for catalogue in catalogues:
        for key in re.findall(r'^\s+"([a-z_0-9.]+)": \{', catalogue.read_text(), re.M):
            base = next((key[: -len(s)] for s in _BUILT_SUFFIXES if key.endswith(s)), key)
            family = key.rsplit(".", 1)[0] + ".{"
            # A family found by its prefix (`views.cli.group`: "cli.click.").
            prefixes = [key[: i + 1] for i, c in enumerate(key) if c == "."]
            if any(f'"{prefix}"' in code for prefix in prefixes):
                continue
            quoted = {f"{q}{k}{q}" for q in "\"'" for k in (key, base)}
            if not any(q in code for q in quoted) and family not in code:
                unused.append(f"{catalogue.name}: {key}")
    assert not unused
