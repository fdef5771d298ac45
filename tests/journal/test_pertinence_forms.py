"""The second generation of the pertinence check: word forms from one list line, the
language of each sentence deciding the advice, and the categories the CNIL names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from journal.i18n import LANGUAGES
from journal.pertinence import Checker, category_label, question, reason
from journal.pertinence.forms import compute, dictionary, english_rules, file_name, french_rules
from journal.pertinence.language import decide, score
from journal.pertinence.make_forms import list_words, table_text


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.load()


def found(checker: Checker, text: str) -> list[tuple[str, str]]:
    return [(finding.matched, finding.category) for finding in checker.check(text)]


# --- One line, every form ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matched", "category"),
    [
        # gender and number from the base form, by rule where the dictionary lacks it
        ("Mme est agressive.", "agressive", "judgment"),
        ("Les fils sont agressifs.", "agressifs", "judgment"),
        # conjugation, from simplemma's dictionary
        ("Monsieur picole depuis son départ.", "picole", "addiction"),
        ("Mme picolait beaucoup.", "picolait", "addiction"),
        # a multi-word pattern, each word through its lemma
        ("Monsieur ne faisait aucun effort.", "ne faisait aucun effort", "judgment"),
        ("Il ne se donnait pas les moyens.", "ne se donnait pas les moyens", "judgment"),
        ("He never made any effort.", "never made any effort", "judgment"),
        ("He relapses every winter.", "relapses", "addiction"),
    ],
)
def test_one_line_covers_gender_number_and_conjugation(
    checker: Checker, text: str, matched: str, category: str
) -> None:
    assert (matched, category) in found(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mme a reçu l'aide au logement.",  # "aïd" + e is "aide": no rule there
        "Le placard est bourré de papiers.",  # a trap, in every form of the word
        "Le jeune s'est inscrit à un stage de voile.",
        "Le couple a assisté à la réunion de l'école.",
        "He was drinking a can of Coke.",
        "Il est à la bourre pour le rendez-vous.",  # "bourré" alone does not bring "bourrer"
    ],
)
def test_forms_do_not_reach_other_words(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_rules_of_gender_and_number() -> None:
    assert french_rules("agressif") == {"agressif", "agressive", "agressifs", "agressives"}
    assert {"menteuse", "menteuses"} <= french_rules("menteur")
    assert french_rules("con") == set()  # too short: written out in the list
    assert english_rules("liar") == {"liar", "liars"}
    assert english_rules("junky") == {"junky", "junkies"}


def test_a_trap_holds_across_quotation_marks(checker: Checker) -> None:
    assert found(checker, "Son patron l'appelait « le fainéant ».") == []
    assert found(checker, 'Her landlord called her a "scrounger".') == []
    assert found(checker, "Monsieur est un « fainéant ».") == [("fainéant", "judgment")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_forms_match_the_shipped_lists(lang: str) -> None:
    """A list changed without `python -m journal.pertinence.make_forms` fails here."""
    shipped = (resources.files("journal") / "wordlists" / file_name(lang)).read_text("utf-8")
    assert shipped == table_text(lang, list_words(lang))


def test_a_workers_own_word_gets_its_forms_too(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "jugements.txt").write_text("chafouin | rapporter les faits\n")
    custom = Checker.load(extra_dirs=[tmp_path])
    assert found(custom, "Des enfants chafouins.") == [("chafouins", "judgment")]
    # and a verb of the worker's list, through the dictionary
    (tmp_path / "fr" / "addictions.txt").write_text("chiquer\n")
    custom = Checker.load(extra_dirs=[tmp_path])
    assert ("chiquait", "addiction") in found(custom, "Il chiquait du tabac.")


def test_compute_without_the_dictionary_keeps_the_rules() -> None:
    assert compute("agressif", "fr", multi=False, dictionary=None) >= {"agressive"}
    assert dictionary("xx") is None  # no such language: rules only, never an error


# --- The language of the sentence decides the advice ------------------------------------------


def test_a_french_sentence_gets_french_advice(checker: Checker) -> None:
    [finding] = checker.check("Mme est dépressive.")
    assert finding.lang == "fr"
    assert finding.suggestion is not None and "if needed" not in finding.suggestion
    assert reason(finding.category, finding.lang).startswith("Une donnée de santé")


def test_an_english_sentence_gets_english_advice_whatever_the_interface() -> None:
    french_ui = Checker.load(ui_lang="fr")
    [finding] = french_ui.check("She is depressive.")
    assert finding.lang == "en"
    assert finding.suggestion and finding.suggestion.startswith("if needed")


def test_each_sentence_of_a_mixed_note_has_its_language(checker: Checker) -> None:
    text = "Mme est agressive. The report says he is aggressive."
    assert [(f.matched, f.lang) for f in checker.check(text)] == [
        ("agressive", "fr"),
        ("aggressive", "en"),
    ]


def test_a_quoted_word_of_the_other_language_keeps_the_sentence_language(
    checker: Checker,
) -> None:
    [finding] = checker.check("Le rapport anglais dit « hysterical ».")
    assert finding.lang == "fr"
    assert finding.suggestion is None  # the English suggestion would not fit


def test_a_sentence_without_telling_words_takes_the_note_then_the_interface() -> None:
    assert decide(score(["x", "agressive"]), "en") == "en"
    assert decide(score(["le", "est", "the"]), "en") == "fr"
    english_ui = Checker.load(ui_lang="en")
    [finding] = english_ui.check("Agressif.")
    assert finding.lang == "en"
    [finding] = english_ui.check("Il est venu. Agressif.")
    assert finding.lang == "fr"


# --- The categories the CNIL names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Quelle pétasse.", "insult"),
        ("Total nutjob.", "insult"),
        ("Il se met des mines le samedi.", "addiction"),
        ("Dad was on the sauce again.", "addiction"),
        ("D'après la voisine, il travaille.", "hearsay"),
        ("Il paraît que Mme a déménagé.", "hearsay"),
        ("Rumour has it he moved out.", "hearsay"),
    ],
)
def test_the_new_categories(checker: Checker, text: str, category: str) -> None:
    assert category in {finding.category for finding in checker.check(text)}


def test_each_category_has_a_question_in_both_languages() -> None:
    assert question("fr", "hearsay").startswith("Qui l'a constaté ?")
    assert question("en", "hearsay").startswith("Who saw it?")
    assert question("fr", "health") == question("fr")
    assert category_label("hearsay", "fr") == "Ouï-dire"


# --- A gap of a few words; reported speech -------------------------------------------------


def test_a_gap_spans_a_few_words_of_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "oui_dire.txt").write_text("voisin … affirme | dire qui l'a dit\n… seul\n")
    custom = Checker.load("fr", extra_dirs=[tmp_path])
    assert [problem.key for problem in custom.problems] == ["pertinence.warning.line_gap"]
    assert ("voisine du dessous affirme", "hearsay") in found(
        custom, "La voisine du dessous affirme que Mme sort."
    )
    assert found(custom, "La voisine. Mme affirme qu'elle sort.") == []  # not across sentences
    far = "Le voisin est venu hier avec ses deux enfants et il affirme tout."
    assert ("voisin", "hearsay") not in found(custom, far)


def test_judgments_inside_reported_speech_are_facts_of_the_conversation(
    checker: Checker,
) -> None:
    assert found(checker, "« Sale clocharde », lui a crié un passant.") == []
    assert found(checker, "Monsieur dit : « je sais que je suis têtu ».") == []
    # a single word in quotes is the writer keeping a distance: still theirs
    assert found(checker, "Monsieur est un « fainéant ».") == [("fainéant", "judgment")]
    # and what is not a judgment stays pointed at, quoted or not
    assert found(checker, "Mme dit : « je picole depuis l'hiver ».") != []


def test_the_questions_of_a_warning_each_once() -> None:
    from journal.pertinence import questions

    general_fr = question("fr")
    assert questions([("fr", "judgment"), ("fr", "health"), ("fr", "judgment")]) == [
        question("fr", "judgment"),
        general_fr,
    ]
    assert questions([("fr", "hearsay")]) == [question("fr", "hearsay")]  # says all
    assert questions([("fr", "health"), ("en", "health")]) == [general_fr, question("en")]
