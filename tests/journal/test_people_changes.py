"""Renaming a person, removing one added by mistake, and telling namesakes apart."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from journal.errors import Ambiguous, DentelleError
from journal.store import Journal
from journal.store.consultations import consultations, record_consultation
from tests.conftest import GOLDEN_IDENTITY


def count(journal: Journal, sql: str, *args: object) -> int:
    conn = sqlite3.connect(journal.path / "dentelle.db")
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def test_removing_a_person_without_notes_leaves_nothing(journal: Journal) -> None:
    keep = journal.add_person("Reste")
    mistake = journal.add_person("Ajoutée par erreur", "Un profil à effacer aussi.")
    record_consultation(journal, mistake.id, "opened")
    assert consultations(journal, mistake.id)
    journal.remove_person(mistake.id)
    assert [p.id for p in journal.people()] == [keep.id]
    for table, column in (("people", "id"), ("consultations", "person_id")):
        assert count(journal, f"SELECT count(*) FROM {table} WHERE {column}=?", mistake.id) == 0
    assert mistake.id not in journal.meta("person_keys")
    assert journal.tombstones() == [mistake.id]  # a restored older backup drops them too


def test_removing_someone_with_notes_or_a_draft_is_refused(journal: Journal) -> None:
    written = journal.add_person("Avec une note")
    journal.add_entry(written.id, date(2026, 1, 1), "Rencontre.")
    drafted = journal.add_person("Avec un brouillon")
    journal.save_draft(drafted.id, "Commencé.")
    for person in (written, drafted):
        with pytest.raises(DentelleError) as caught:
            journal.remove_person(person.id)
        assert "dentelle forget" in caught.value.message("fr")
    assert len(journal.people()) == 2


def test_namesakes_found_and_ambiguity_carries_what_tells_them_apart(journal: Journal) -> None:
    first = journal.add_person("Mme B", "Rue des Lilas, deux enfants.")
    journal.add_entry(first.id, date(2026, 3, 4), "Rencontre.")
    second = journal.add_person("Mme B")
    assert {s.person.id for s in journal.namesakes("  mme b ")} == {first.id, second.id}
    assert journal.namesakes("Mme C") == []
    with pytest.raises(Ambiguous) as caught:
        journal.find_person("Mme B")
    by_id = {c.person.id: c for c in caught.value.candidates}
    assert by_id[first.id].last_contact == date(2026, 3, 4)
    assert by_id[first.id].person.profile.startswith("Rue des Lilas")
    assert by_id[second.id].last_contact is None


def test_a_note_about_something_planned_is_not_the_last_contact_until_its_day(vault, clock) -> None:
    """A note dated tomorrow ("demain") is accepted; "last contact" stays the last day
    that has happened, for the people list, Soon and the retention review alike."""
    from datetime import timedelta

    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        person = journal.add_person("Awa")
        journal.add_entry(person.id, date(2026, 11, 20), "Rencontre à la permanence.")
        journal.add_entry(person.id, date(2026, 12, 3), "Rendez-vous prévu à la CAF.")
        (summary,) = journal.summaries()
        assert summary.entry_count == 2 and summary.last_contact == date(2026, 11, 20)
    # Recomputed (an edit) and read again: the same.
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        first = journal.entries(person.id)[-1]
        journal.edit_entry(first.id, text="Rencontre à la permanence, avec sa sœur.")
        assert journal.summaries()[0].last_contact == date(2026, 11, 20)
    # Once the planned day has come, it is the last contact.
    clock.now += timedelta(days=6)
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        assert journal.summaries()[0].last_contact == date(2026, 12, 3)
