"""The passphrase rule: an estimate of the guesses it would take, not a count of words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journal.demo.vault import DEMO_PASSPHRASES
from journal.errors import WeakPassphrase
from journal.passphrase import MIN_BITS, check_strength, is_strong, verdict
from journal.passphrase.estimate import estimate
from tests.conftest import GOLDEN_PASSPHRASE

GOOD = [
    "lace is made one stitch after another",  # the English demo
    "la dentelle se fait maille après maille",  # the French demo
    GOLDEN_PASSPHRASE,
    "une phrase de passe pour la famille, sept mots",
    "le chat dort sur le vieux tapis",
    "Jardin tortue violon cerise planète brouillard",  # diceware-like, six words
    "correct horse battery staple glacier",
    "xK9#mQ2$vL7pW4nZ",  # a long random string
    "h7gt2klp9qwz4xmv8nb3yrcd",
    "Xq3-Lm8-Pz4-Rt7-Vn2-Kw9",
]
WEAK = [
    "a a a a a a a",
    "1 2 3 4 5 6 7",
    "a b c d e f g",
    "je suis je suis je suis je suis",
    "un deux trois quatre cinq six sept",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "le chat dort sur le tapis",  # six common words in a common sentence
    "il était une fois dans la ville",
    "motdepasse",
    "azertyuiop",
    "P@ssw0rd2024!",
    "Abcdef12345!",  # passed the CNIL character rule
    "Abcdefghij1234",
    "",
]


@pytest.mark.parametrize("passphrase", GOOD)
def test_good_passphrases_are_accepted(passphrase: str) -> None:
    assert is_strong(passphrase), estimate(passphrase)
    check_strength(passphrase)


@pytest.mark.parametrize("passphrase", WEAK)
def test_weak_passphrases_are_refused(passphrase: str) -> None:
    assert not is_strong(passphrase), estimate(passphrase)
    with pytest.raises(WeakPassphrase):
        check_strength(passphrase)


def test_the_demo_passphrases_are_accepted() -> None:
    for passphrase in DEMO_PASSPHRASES.values():
        check_strength(passphrase)


def test_accents_and_capitals_do_not_hide_a_common_word() -> None:
    assert estimate("APRES").bits < estimate("zqxjw").bits
    assert estimate("après").bits == estimate("apres").bits


@pytest.mark.parametrize(
    ("passphrase", "fr", "en"),
    [
        ("a a a a a a a", "trop de mots répétés", "too many repeated words"),
        (
            "1 2 3 4 5 6 7",
            "ces mots ne sont pas des mots courants ou sont trop prévisibles",
            "these are not common words, or they are too predictable",
        ),
        ("le chat dort sur le tapis", "trop peu de mots", "too few words"),
    ],
)
def test_the_reason_is_said_in_both_languages(passphrase: str, fr: str, en: str) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        check_strength(passphrase)
    assert fr in caught.value.message("fr")
    assert en in caught.value.message("en")


def test_the_estimate_is_said_in_words() -> None:
    with pytest.raises(WeakPassphrase) as caught:
        check_strength("a a a a a a a")
    assert "moins d'une seconde" in caught.value.message("fr")
    assert "less than a second" in caught.value.message("en")
    with pytest.raises(WeakPassphrase) as caught:
        check_strength("le chat dort sur le tapis")
    assert " ans" in caught.value.message("fr") and "un siècle" in caught.value.message("fr")
    assert " years" in caught.value.message("en") and "a century" in caught.value.message("en")


def test_the_verdict_of_a_good_one_says_how_long_too() -> None:
    strong, sentence = verdict("la dentelle se fait maille après maille", "fr")
    assert strong and " ans" in sentence
    strong, sentence = verdict("a a a a a a a", "en")
    assert not strong and "repeated" in sentence


def test_the_threshold_is_a_century_at_a_hundred_thousand_guesses_a_second() -> None:
    years = 2**MIN_BITS / 100_000 / (365.25 * 86400)
    assert years == pytest.approx(100, rel=0.01)


def test_importing_the_rule_does_not_load_the_word_lists() -> None:
    """`dentelle --help` and every command import the vault: the lists load on use."""
    code = (
        "import sys, journal.vault, journal.passphrase\n"
        "from journal.passphrase import estimate\n"
        "assert estimate.ranks.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
