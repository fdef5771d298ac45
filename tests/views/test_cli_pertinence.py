"""How `dentelle check` and the pause before saving word what the check finds.

Findings are made by hand where the language matters: the core fills `Finding.lang`
per sentence, and the CLI must word the category, the reason, the suggestion and the
question in it, whatever the interface language.
"""

from __future__ import annotations

import unicodedata

import click
import pytest

from journal.pertinence import Checker, Finding
from views.cli.pertinence import render_findings


def english_finding(text: str, word: str, suggestion: str | None = "a difficult exchange"):
    start = text.index(word)
    return Finding(
        start=start,
        end=start + len(word),
        matched=word,
        category="judgment",
        suggestion=suggestion,
        sentence=text,
        sentence_start=0,
        lang="en",
    )


def plain(lines: list[str]) -> list[str]:
    return [click.unstyle(line) for line in lines]


def test_the_language_of_the_finding_words_the_advice_under_a_french_interface() -> None:
    text = "He was aggressive at the desk."
    lines = plain(render_findings(text, [english_finding(text, "aggressive")], "fr"))
    shown = "\n".join(lines)
    assert lines[0] == "À relire (1) :"  # the window's own words: the interface's
    assert "Judgment — A judgment of the person's behaviour or character." in shown
    assert "Instead: a difficult exchange" in shown
    assert "Would this be useful to the person's support?" in shown
    assert "Jugement" not in shown and "Plutôt" not in shown and "Est-ce utile" not in shown


def test_a_french_finding_under_an_english_interface_is_worded_in_french() -> None:
    text = "Il était agressif."
    start = text.index("agressif")
    finding = Finding(start, start + 8, "agressif", "judgment", "échange difficile", text, 0)
    shown = "\n".join(plain(render_findings(text, [finding], "en")))
    assert "Worth a second look (1):" in shown
    assert "Jugement — Un jugement sur le comportement" in shown
    assert "Plutôt : échange difficile" in shown
    assert "Est-ce utile à l'accompagnement ?" in shown


def cells(text: str) -> int:
    """Terminal columns of `text` (accents that combine take none)."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def caret_columns(lines: list[str]) -> list[tuple[int, int, int]]:
    """(column of the marked word in the line above, column of the carets, how many)."""
    found = []
    for above, line in zip(lines, lines[1:], strict=False):
        if line.strip() and set(line.strip()) == {"^"}:
            first = line.index("^")
            found.append((above, first, line.count("^")))
    return found


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "He was aggressive and a liar.", "aggressive"),
        ("fr", "Il était agressif et menteur.", "agressif"),
        ("fr", unicodedata.normalize("NFD", "Il était très agressif et menteur."), "agressif"),
        ("fr", "Il était\tagressif et menteur.", "agressif"),
    ],
)
def test_the_carets_sit_under_the_word_and_not_the_space_after_it(
    lang: str, text: str, word: str
) -> None:
    findings = [f for f in Checker.load().check(text) if f.matched == word]
    lines = plain(render_findings(text, findings, lang))
    [(above, column, count)] = caret_columns(lines)
    assert "\t" not in above  # a tab would move the words, not the carets
    start = above.index(word)
    assert (cells(above[:start]), count) == (column, len(word)), "\n".join(lines)
