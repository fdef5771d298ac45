"""click's own words (Usage, Options, its errors) in the worker's language (issue 13).

click reads them with gettext, which follows the environment and not `--lang`: these
tests ask for the other language than the environment's, both ways round.
"""

from __future__ import annotations

import re

import pytest

from tests.views.conftest import Dentelle

CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "Try '", "Error:")


def _said(result) -> str:
    return result.output  # standard output and error, as a terminal shows them


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("add", "--help"),
        ("person", "--help"),
        ("person", "add", "--help"),
        ("practice", "--help"),
        ("search", "--help"),
        ("backup", "--help"),
    ],
)
def test_help_is_french_with_lang_fr_in_an_english_environment(
    dentelle: Dentelle, args: tuple[str, ...]
) -> None:
    result = dentelle("--lang", "fr", *args, lang="en")
    assert result.exit_code == 0, result.output
    text = _said(result)
    assert "Utilisation : " in text
    assert "Afficher ce message et quitter." in text
    for english in CLICK_ENGLISH:
        assert english not in text
    assert not re.search(r"\b(TEXT|PERSON|PATH|FILE|NAME|COMMAND)\b", text)


def test_root_help_in_french_names_its_sections(dentelle: Dentelle) -> None:
    text = _said(dentelle("--help", lang="fr"))
    assert "Options\u00a0:" in text and "Commandes\u00a0:" in text
    assert "[COMMANDE] [ARGUMENTS]" in text


def test_help_is_english_with_lang_en_in_a_french_environment(dentelle: Dentelle) -> None:
    text = _said(dentelle("--lang", "en", "add", "--help", lang="fr"))
    assert " add [OPTIONS] PERSON [TEXT]" in text
    assert text.startswith("Usage: ")
    assert "Show this message and exit." in text
    assert "Options:" in text and "Utilisation" not in text


@pytest.mark.parametrize(
    ("args", "french", "english"),
    [
        (("add",), "Argument manquant « PERSONNE »", "Missing argument 'PERSON'"),
        (("--bogus",), "Option inconnue : « --bogus »", "No such option '--bogus'"),
        (("people", "extra"), "Argument en trop : extra", "Got unexpected extra argument (extra)"),
        (("nosuch",), "Commande inconnue : « nosuch »", "No such command 'nosuch'"),
        (("add", "x", "--date"), "L'option « --date » demande une valeur", "requires an argument"),
        (("--lang", "de", "people"), "« de » n'est pas l'une des valeurs", "is not one of"),
    ],
)
def test_click_errors_in_both_languages(
    dentelle: Dentelle, args: tuple[str, ...], french: str, english: str
) -> None:
    lang_args = ["--lang", "fr", *args] if args[0] != "--lang" else list(args)
    # `--lang de` is refused before it counts: the environment's language speaks then.
    fr = dentelle(*lang_args, lang="en" if args[0] != "--lang" else "fr")
    assert fr.exit_code == 2
    text = _said(fr)
    assert french in text, text
    assert "Erreur : " in text and "Voir « " in text
    for word in CLICK_ENGLISH:
        assert word not in text, text

    en_args = ["--lang", "en", *args] if args[0] != "--lang" else list(args)
    en = dentelle(*en_args, lang="fr" if args[0] != "--lang" else "en")
    assert en.exit_code == 2
    text = _said(en)
    assert english in text, text
    assert "Error: " in text and "Try '" in text


def test_a_family_without_its_subcommand_shows_its_help_without_an_error_prefix(
    dentelle: Dentelle,
) -> None:
    result = dentelle("--lang", "fr", "person", lang="en")
    assert result.exit_code == 2
    text = _said(result)
    assert text.startswith("Utilisation : ")
    assert "Commandes\u00a0:" in text and "Erreur" not in text
