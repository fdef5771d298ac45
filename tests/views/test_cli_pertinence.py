"""How `dentelle check` and the pause before saving word what the check finds.

Findings are made by hand where the language matters: the core fills `Finding.lang`
per sentence, and the CLI must word the category, the reason, the suggestion and the
question in it, whatever the interface language.
"""

from __future__ import annotations

import json
import unicodedata

import click
import pytest

from journal.pertinence import Checker, Finding, question
from tests.views.conftest import Dentelle
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
    assert question("en", "judgment") in shown
    assert "Jugement" not in shown and "Plutôt" not in shown
    assert question("fr", "judgment") not in shown


def test_a_french_finding_under_an_english_interface_is_worded_in_french() -> None:
    text = "Il était agressif."
    start = text.index("agressif")
    finding = Finding(start, start + 8, "agressif", "judgment", "échange difficile", text, 0)
    shown = "\n".join(plain(render_findings(text, [finding], "en")))
    assert "Worth a second look (1):" in shown
    assert "Jugement — Un jugement sur le comportement" in shown
    assert "Plutôt : échange difficile" in shown
    assert question("fr", "judgment") in shown


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


# -- every field a person can read ---------------------------------------------------


def people(dentelle: Dentelle) -> list[dict]:
    return json.loads(dentelle("people", "--json").output)


def test_person_add_shows_what_the_profile_holds_and_saves_without_a_terminal(
    dentelle: Dentelle,
) -> None:
    added = dentelle("person", "add", "X", "--profile", "Alcoolique, agressif.")
    assert added.exit_code == 0, added.output
    assert "À relire" in added.stderr and "Profil" in added.stderr
    assert "agressif" in added.stderr and "Jugement" in added.stderr
    assert "Personne ajoutée : X" in added.stdout
    assert [p["profile"] for p in people(dentelle)] == ["Alcoolique, agressif."]
    # Nothing found: nothing said.
    quiet = dentelle("person", "add", "Y", "--profile", "Deux enfants.")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_person_add_asks_on_a_terminal_and_enter_saves(dentelle: Dentelle) -> None:
    dentelle.tty = True
    kept = dentelle("person", "add", "X", "--profile", "Alcoolique, agressif.", input="n\n")
    assert kept.exit_code == 1
    assert "Enregistrer tel quel ? (n pour reformuler) [O/n]" in kept.output
    assert "Rien n'a été enregistré" in kept.output
    saved = dentelle("person", "add", "X", "--profile", "Alcoolique, agressif.", input="\n")
    assert saved.exit_code == 0, saved.output
    dentelle.tty = False
    assert [p["name"] for p in people(dentelle)] == ["X"]


def test_person_add_checks_the_name_too(dentelle: Dentelle) -> None:
    added = dentelle("person", "add", "Le menteur")
    assert added.exit_code == 0
    assert "Nom" in added.stderr and "menteur" in added.stderr
    empty = dentelle("person", "add", "  ", "--profile", "agressif")
    assert empty.exit_code == 1 and "À relire" not in empty.output  # refused before


def test_a_practice_note_that_names_someone_gets_a_notice(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Madeleine Roux")
    dentelle("person", "add", "Karim Benali")
    text = "Visite chez Mme Roux : je suis arrivé tendu. Benali m'a dit merci."
    added = dentelle("practice", "add", text)
    assert added.exit_code == 0, added.output
    notice = click.unstyle(added.stderr)
    assert (
        "Cette note nomme Madeleine Roux et Karim Benali, qui ont une histoire dans Dentelle."
        in notice
    )
    assert "une initiale suffit" in notice
    assert "« Visite chez Mme Roux : je suis arrivé tendu. Benali m'a dit merci. »" in notice
    assert len(json.loads(dentelle("practice", "show", "--json").output)) == 1
    dentelle.tty = True
    declined = dentelle("practice", "add", "Revoir Karim Benali.", input="n\n")
    assert declined.exit_code == 1 and "Rien n'a été enregistré" in declined.output
    dentelle.tty = False
    english = dentelle("practice", "add", "Madeleine Roux again.", lang="en")
    assert "This note names Madeleine Roux, who has a story in Dentelle." in english.stderr
    assert len(json.loads(dentelle("practice", "show", "--json").output)) == 2


def test_the_practice_journal_is_not_read_against_the_word_lists(dentelle: Dentelle) -> None:
    """The worker's own reflection: strong words about a visit are the point of it."""
    added = dentelle("practice", "add", "Je me suis senti agressif et menteur envers moi-même.")
    assert added.exit_code == 0 and added.stderr == ""


def test_check_json_says_the_language_of_each_finding(dentelle: Dentelle) -> None:
    rows = json.loads(dentelle("check", "-", "--json", input="Il est menteur.", lang="en").output)
    assert rows[0]["lang"] == "fr"
    assert rows[0]["reason"].startswith("Un jugement")


def test_check_answers_in_the_language_of_the_text_whatever_the_interface(
    dentelle: Dentelle,
) -> None:
    french = click.unstyle(dentelle("check", "-", input="Mme est dépressive.", lang="en").output)
    assert "Worth a second look (1):" in french  # the frame: the interface's
    assert "Santé — Une donnée de santé" in french and "Plutôt :" in french
    assert "Health" not in french and "Instead:" not in french
    english = click.unstyle(
        dentelle("check", "-", input="He was aggressive at the desk.", lang="fr").output
    )
    assert "À relire (1) :" in english
    assert "Judgment — A judgment of the person's behaviour" in english
    assert question("en", "judgment") in english and "Jugement" not in english
