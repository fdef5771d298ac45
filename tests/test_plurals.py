"""Every count shown to the worker goes through the plural rules of its language.

Two checks: the catalogues (a count followed by a word is a plural family, `key` and
`key.one`, with one count `{n}`) and the call sites (a plural family is only ever
worded with `plural`, which asks Babel for the category).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import journal
from journal.i18n import MESSAGES, plural

ROOT = Path(__file__).parents[1]

# Placeholders that are never counts: names, dates, paths, ordinal numbers, sizes,
# phrases already worded with their plural (`journal.i18n.count`), named `…_text`.
NOT_COUNTS = {
    "name", "names", "path", "day", "when", "written", "number", "free", "needed",
    "drives", "code", "detail", "month", "year", "ordinal", "quantity", "text", "rhythm",
    "ago", "limit", "what",
    "shown", "done",  # "3 sur 14 notes", "the newest 50": part of a count worded elsewhere
}  # fmt: skip
# Word lists are another engineer's part (journal/pertinence/ is left alone here).
# click's own messages keep click's fields ({value!r}, {nargs}): click picks the form
# with its ngettext (`views.cli.group.click_speaks`), a count of 2 or more for nargs.
SKIPPED_PREFIXES = ("pertinence.warning.", "cli.click.")
_COUNT_BEFORE_WORD = re.compile(r"\{(\w+)[^}]*\}\s+(?=[^\W\d_])")


def _load_every_catalogue() -> None:
    for info in pkgutil.walk_packages(journal.__path__, "journal."):
        importlib.import_module(info.name)
    import views

    for info in pkgutil.walk_packages(views.__path__, "views."):
        if info.name != "views.__main__":
            importlib.import_module(info.name)


def _families() -> set[str]:
    return {key.removesuffix(".one") for key in MESSAGES if key.endswith(".one")}


def test_a_count_before_a_word_is_a_plural_family() -> None:
    _load_every_catalogue()
    families = _families()
    bad = []
    for key, texts in MESSAGES.items():
        if key.startswith(SKIPPED_PREFIXES):
            continue
        for lang, text in texts.items():
            counts = [
                m.group(1)
                for m in _COUNT_BEFORE_WORD.finditer(text)
                if m.group(1) not in NOT_COUNTS and not m.group(1).endswith("_text")
            ]
            family = key.removesuffix(".one") in families
            if counts and (not family or counts != ["n"]):
                bad.append((key, lang, text))
    assert not bad, "\n".join(f"{k} {lang}: {t}" for k, lang, t in bad)


def test_plural_families_are_only_worded_with_plural() -> None:
    _load_every_catalogue()
    families = _families()
    misuse = []
    for folder in ("journal", "views"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                keys = [
                    a.value
                    for a in ast.walk(node)
                    if isinstance(a, ast.Constant)
                    and isinstance(a.value, str)
                    and a.value.removesuffix(".one") in families
                ]
                direct = [
                    a.value
                    for first in node.args[:1]
                    for a in ast.walk(first)
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                if name in ("t", "translate") and any(k in keys for k in direct):
                    misuse.append((str(path.relative_to(ROOT)), node.lineno, direct))
            # A singular chosen by hand ("x.one" if n == 1 else "x") skips the rules.
            for node in ast.walk(tree):
                if isinstance(node, ast.Dict):
                    continue
                for child in ast.iter_child_nodes(node):
                    if (
                        isinstance(child, ast.Constant)
                        and isinstance(child.value, str)
                        and child.value.endswith(".one")
                        and child.value.removesuffix(".one") in families
                    ):
                        misuse.append((str(path.relative_to(ROOT)), child.lineno, child.value))
    assert not misuse, misuse


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("fr", 0, "0 note"), ("fr", 1, "1 note"), ("fr", 2, "2 notes"),
     ("en", 0, "0 entries"), ("en", 1, "1 entry"), ("en", 2, "2 entries")],
)  # fmt: skip
def test_plural_follows_babel(lang: str, n: int, expected: str) -> None:
    _load_every_catalogue()
    assert plural("people.count", n, lang) == expected


def test_the_passphrase_estimate_counts_each_unit_in_its_number() -> None:
    from journal.passphrase import time_in_words

    assert time_in_words(1.5, "fr") == "1 seconde"
    assert time_in_words(1.5, "en") == "1 second"
    assert time_in_words(7200, "fr") == "2 heures"
    assert time_in_words(3600, "en") == "1 hour"
    assert time_in_words(400 * 86400, "fr") == "1 an"
    assert time_in_words(0.2, "en") == "less than a second"
