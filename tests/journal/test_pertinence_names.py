"""Names of the people list in a practice note (`journal.pertinence.names`)."""

from __future__ import annotations

import time
import unicodedata

import pytest

from journal.pertinence.names import (
    EVERYDAY,
    Mention,
    advice,
    find_mentions,
    named,
    passages,
)

PEOPLE = [
    "Madeleine Roux",
    "Famille Martin",
    "Élodie Noël",
    "Jeanne Dupré",
    "Karim Benali",
    "Mme Ly",
    "Rosa d'Almeida",
    "Claire Martin-Dupont",
    "DIALLO Aminata",
]


def found(text: str, people: list[str] = PEOPLE) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.matched, m.names) for m in find_mentions(text, people)]


def test_a_full_name_is_found_whatever_its_case_and_accents() -> None:
    text = "Retour sur la visite chez MADELEINE ROUX : j'étais pressé."
    mentions = find_mentions(text, PEOPLE)
    assert mentions == [Mention(26, 40, "MADELEINE ROUX", ("Madeleine Roux",))]
    assert text[mentions[0].start : mentions[0].end] == "MADELEINE ROUX"
    assert found("jeanne dupre m'a appelé") == [("jeanne dupre", ("Jeanne Dupré",))]
    assert found("Dupré Jeanne, puis Diallo Aminata") == [
        ("Dupré Jeanne", ("Jeanne Dupré",)),
        ("Diallo Aminata", ("DIALLO Aminata",)),
    ]


def test_offsets_hold_in_a_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Été difficile avec Jeanne Dupré, encore.")
    [mention] = find_mentions(text, PEOPLE)
    assert text[mention.start : mention.end] == mention.matched
    assert unicodedata.normalize("NFC", mention.matched) == "Jeanne Dupré"


def test_a_surname_alone_names_someone_when_it_is_no_everyday_word() -> None:
    assert found("Benali n'est pas venu.") == [("Benali", ("Karim Benali",))]
    assert found("J'ai pensé à diallo toute la soirée.") == [("diallo", ("DIALLO Aminata",))]
    # "Roux", "Noël" and "Martin-Dupont" read as everyday words or need their whole form.
    assert found("Un pull roux, un sapin de Noël.") == []


def test_a_title_makes_any_surname_a_name() -> None:
    assert found("Mme Roux et M. Noël, puis Mme Ly.") == [
        ("Mme Roux", ("Madeleine Roux",)),
        ("M. Noël", ("Élodie Noël",)),
        ("Mme Ly", ("Mme Ly",)),
    ]
    assert found("Visite à la famille Martin.") == [("famille Martin", ("Famille Martin",))]
    assert found("Chez Mme d’Almeida.") == [("Mme d’Almeida", ("Rosa d'Almeida",))]


def test_short_surnames_never_count_alone() -> None:
    assert found("Le ly du texte.") == []


def test_a_hyphen_joins_words_so_the_kingfisher_is_not_mr_martin() -> None:
    """The choice documented in the module: "martin-pêcheur" and "Saint-Martin" are one
    word each; "Martin-Dupont" is named by its whole form."""
    assert found("Un martin-pêcheur au bord du canal, à la Saint-Martin.") == []
    assert found("Mme Martin-Dupont a rappelé.") == [
        ("Mme Martin-Dupont", ("Claire Martin-Dupont",))
    ]
    assert found("Martin-Dupont a rappelé.") == [("Martin-Dupont", ("Claire Martin-Dupont",))]


def test_whole_words_only() -> None:
    assert found("Les benalités du quotidien ; karimbenali.") == []
    assert found("La Benalia.") == []


def test_a_first_name_alone_is_not_a_mention() -> None:
    assert found("Madeleine, ma collègue, m'a aidé. Jeanne aussi.") == []


def test_the_words_of_a_name_stay_on_one_line() -> None:
    assert found("J'ai vu Jeanne\nDupré") == [("Dupré", ("Jeanne Dupré",))]
    assert found("Karim. Benali") == [("Karim. Benali", ("Karim Benali",))]
    assert found("Karim, Benali") == [("Benali", ("Karim Benali",))]


def test_the_longest_way_of_naming_wins_and_a_shared_surname_names_both() -> None:
    people = ["Paul Benali", "Karim Benali"]
    assert found("Mme Benali", people) == [("Mme Benali", ("Paul Benali", "Karim Benali"))]
    assert found("Karim Benali", people) == [("Karim Benali", ("Karim Benali",))]
    assert named(find_mentions("Benali est venu.", people), "fr") == (
        "Cette note nomme Paul Benali ou Karim Benali, qui a une histoire dans Dentelle."
    )
    # Named in full elsewhere in the note: the shared surname is taken to be theirs.
    assert named(find_mentions("Benali, c'est-à-dire Karim Benali.", people), "fr") == (
        "Cette note nomme Karim Benali, qui a une histoire dans Dentelle."
    )


def test_nothing_is_found_without_people_or_words() -> None:
    assert find_mentions("Madeleine Roux", []) == []
    assert find_mentions("", PEOPLE) == []
    assert find_mentions("Roux", ["", "  ", "…"]) == []


def test_everyday_words_are_folded() -> None:
    assert all(word == word.lower() and word.isascii() for word in EVERYDAY)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "fr",
            "Cette note nomme Madeleine Roux, qui a une histoire dans Dentelle.",
            "Cette note nomme Madeleine Roux et Karim Benali, qui ont une histoire dans Dentelle.",
        ),
        (
            "en",
            "This note names Madeleine Roux, who has a story in Dentelle.",
            "This note names Madeleine Roux and Karim Benali, who have a story in Dentelle.",
        ),
    ],
)
def test_the_notice_in_both_languages(lang: str, one: str, many: str) -> None:
    mentions = find_mentions("Madeleine Roux, puis Mme Roux et Benali.", PEOPLE)
    assert named(mentions[:2], lang) == one
    assert named(mentions, lang) == many
    assert "initial" in advice(lang)


def test_passages_cut_long_lines_around_the_names() -> None:
    text = "Début.\n" + "mot " * 40 + "chez Karim Benali, " + "encore " * 40 + "\nFin."
    mentions = find_mentions(text, PEOPLE)
    [passage] = passages(text, mentions, around=30)
    assert passage.line == 2 and passage.cut_before and passage.cut_after
    assert text[passage.start : passage.start + len(passage.text)] == passage.text
    assert [passage.text[a:b] for a, b in passage.marks()] == ["Karim Benali"]
    assert len(passage.text) <= 30 * 2 + len("Karim Benali")
    assert not passage.text.startswith(" ") and not passage.text.endswith(" ")
    short = passages("Avec Mme Roux.", find_mentions("Avec Mme Roux.", PEOPLE))
    assert [(p.text, p.cut_before, p.cut_after) for p in short] == [
        ("Avec Mme Roux.", False, False)
    ]


def test_a_long_note_and_a_long_list_are_read_quickly() -> None:
    people = [f"Prénom{n} Nomdefamille{n}" for n in range(1000)]
    text = ("Une visite longue où rien ne nomme personne. " * 110)[:5000]
    started = time.perf_counter()
    assert find_mentions(text, people) == []
    assert time.perf_counter() - started < 0.5  # ~10 ms here; generous for a busy CI
