from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from journal.errors import NotFound
from journal.store import Journal
from journal.store.practice import (
    PRACTICE,
    add_practice_note,
    delete_practice_note,
    practice_notes,
    prompts,
    without_empty_prompts,
)
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY


def test_practice_notes_are_sealed_and_ordered(vault: Vault, journal: Journal) -> None:
    add_practice_note(
        journal, date(2026, 11, 20), "Réunion d'équipe difficile, je me suis senti seul."
    )
    add_practice_note(journal, date(2026, 11, 2), "Supervision : reprendre la visite chez M. R.")
    notes = practice_notes(journal)
    assert [n.occurred_on for n in notes] == [date(2026, 11, 2), date(2026, 11, 20)]
    assert all(n.person_id == PRACTICE for n in notes)
    journal.close()
    data = b"".join(p.read_bytes() for p in vault.path.iterdir() if p.is_file())
    assert b"Supervision" not in data and b"seul" not in data
    with vault.open(GOLDEN_IDENTITY) as again:
        assert len(practice_notes(again)) == 2


def test_practice_note_cannot_be_moved(journal: Journal) -> None:
    a = add_practice_note(journal, date(2026, 1, 1), "a")
    b = add_practice_note(journal, date(2026, 1, 2), "b")
    journal._db.execute(
        "UPDATE practice SET sealed=(SELECT sealed FROM practice WHERE id=?) WHERE id=?",
        [a.id, b.id],
    )
    journal._db.conn.commit()
    from journal.errors import VaultDamaged

    with pytest.raises(VaultDamaged):
        practice_notes(journal)


def test_delete_practice_note(journal: Journal) -> None:
    note = add_practice_note(journal, date(2026, 1, 1), "a")
    delete_practice_note(journal, note.id)
    assert practice_notes(journal) == []
    with pytest.raises(NotFound):
        delete_practice_note(journal, note.id)


def test_prompts_follow_gibbs_in_both_languages() -> None:
    assert prompts("fr").startswith("Ce qui s'est passé")
    assert "What I will try next time" in prompts("en")


def test_an_older_vault_gains_the_practice_journal(tmp_path, keywrap) -> None:
    """Schema 1 vaults (like the golden one) are migrated on open."""
    import shutil

    from tests.conftest import GOLDEN

    shutil.copytree(GOLDEN, tmp_path / "v")
    conn = sqlite3.connect(tmp_path / "v" / "dentelle.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Vault(tmp_path / "v", keywrap=keywrap).open(GOLDEN_IDENTITY) as journal:
        add_practice_note(journal, date(2026, 1, 1), "après migration")
        assert journal._db.execute("PRAGMA user_version").fetchone()[0] >= 2


def test_unanswered_questions_are_dropped_and_answers_kept() -> None:
    felt = "Ce que j'ai ressenti :\n"
    text = prompts("fr").replace(felt, felt + "De la colère.")
    text = "Visite chez M. R.\n\n" + text
    assert without_empty_prompts(text) == (
        "Visite chez M. R.\n\nCe que j'ai ressenti :\nDe la colère."
    )
    assert without_empty_prompts(prompts("en")) == ""
    assert without_empty_prompts(prompts("fr")) == ""
    written = "Ce qui s'est passé :\nRien de grave.\n\n\nEt après ?\n"
    assert without_empty_prompts(written) == written  # nothing to drop: unchanged
