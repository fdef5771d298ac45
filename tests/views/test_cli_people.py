"""`dentelle person rename`, `person remove`, and two people of the same name."""

from __future__ import annotations

import json

from tests.views.conftest import Dentelle


def names(dentelle: Dentelle) -> list[str]:
    tty, dentelle.tty = dentelle.tty, False  # on a terminal, "Déverrouillage…" comes first
    try:
        return [row["name"] for row in json.loads(dentelle("people", "--json").output)]
    finally:
        dentelle.tty = tty


def test_adding_a_namesake_warns_and_asks_on_a_terminal(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B", "--profile", "Rue des Lilas.")
    quiet = dentelle("person", "add", "mme b")  # no terminal: a warning, then added
    assert quiet.exit_code == 0, quiet.output
    assert "Mme B" in quiet.output and "déjà" in quiet.output
    assert names(dentelle) == ["Mme B", "mme b"]
    dentelle.tty = True
    refused = dentelle("person", "add", "Mme B", input="n\n")
    assert refused.exit_code != 0
    assert "Rue des Lilas" in refused.output
    assert len(names(dentelle)) == 2
    accepted = dentelle("person", "add", "Mme B", input="o\n")
    assert accepted.exit_code == 0, accepted.output
    assert len(names(dentelle)) == 3


def test_the_ambiguity_message_shows_what_tells_people_apart(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B", "--profile", "Rue des Lilas, deux enfants.")
    dentelle("person", "add", "Mme B")
    first_id = json.loads(dentelle("people", "--json").output)[0]["id"]
    dentelle("add", first_id, "--date", "04/03/2026", "Rencontre.")
    result = dentelle("add", "Mme B", "Une note")
    assert result.exit_code == 1
    assert "Rue des Lilas" in result.output
    assert "4 mars 2026" in result.output
    assert "pas encore de note" in result.output
    assert first_id in result.output
    assert "identifiant" in result.output
    by_id = dentelle("add", first_id, "Une note")  # what the hint says works
    assert by_id.exit_code == 0, by_id.output


def test_rename_goes_through_the_check_and_keeps_the_person(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B")
    dentelle("add", "mme b", "Rencontre.")
    renamed = dentelle("person", "rename", "mme b", "Mme Bernard")
    assert renamed.exit_code == 0, renamed.output
    assert "Mme Bernard" in renamed.output
    rows = json.loads(dentelle("people", "--json").output)
    assert [(r["name"], r["entries"]) for r in rows] == [("Mme Bernard", 1)]
    empty = dentelle("person", "rename", "bernard", "  ")
    assert empty.exit_code != 0 and "Traceback" not in empty.output
    dentelle.tty = True
    judged = dentelle("person", "rename", "bernard", "Mme Bernard la menteuse", input="n\n")
    assert judged.exit_code != 0
    assert names(dentelle) == ["Mme Bernard"]


def test_remove_only_someone_without_notes(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Erreur de frappe")
    dentelle("person", "add", "Mme B")
    dentelle("add", "mme b", "Rencontre.")
    refused = dentelle("person", "remove", "mme b")
    assert refused.exit_code != 0
    assert "dentelle forget" in refused.output and "Traceback" not in refused.output
    removed = dentelle("person", "remove", "erreur")
    assert removed.exit_code == 0, removed.output
    assert "Erreur de frappe" in removed.output
    assert names(dentelle) == ["Mme B"]


def test_remove_asks_on_a_terminal(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Erreur de frappe")
    dentelle.tty = True
    kept = dentelle("person", "remove", "erreur", input="n\n")
    assert names(dentelle) == ["Erreur de frappe"], kept.output
    dentelle("person", "remove", "erreur", input="o\n")
    assert names(dentelle) == []


def test_rename_and_remove_in_english(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mr A")
    assert "Mr Abel" in dentelle("person", "rename", "mr a", "Mr Abel", lang="en").output
    assert "removed" in dentelle("person", "remove", "abel", lang="en").output


def test_review_and_soon_tell_two_people_of_the_same_name_apart(dentelle: Dentelle) -> None:
    """The id the commands take is shown beside a name someone else also has (issue 13)."""
    for profile in ("Rue des Lilas", "Quartier nord"):
        dentelle("person", "add", "Yvette Ancienne", "--profile", profile, input="o\n")
    dentelle("person", "add", "Paul Lointain")
    people = json.loads(dentelle("people", "--json").output)
    ids = [p["id"] for p in people if p["name"] == "Yvette Ancienne"]
    assert len(ids) == 2
    for person_id in ids:
        dentelle("add", person_id, "--date", "12/03/2023", "Une visite.")
        dentelle("rhythm", person_id, "tous les mois")
    dentelle("add", "paul", "--date", "12/03/2023", "Une visite.")
    review = dentelle("review").output
    for person_id in ids:
        assert f"Yvette Ancienne ({person_id})" in review
    assert "  Paul Lointain — " in review  # no namesake: the name alone
    soon = dentelle("soon").output
    for person_id in ids:
        assert f"Yvette Ancienne ({person_id})" in soon
