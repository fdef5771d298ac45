"""People, entries, versions, drafts and erasure, on a real SQLite file with real keys."""

from __future__ import annotations

import base64
import sqlite3
from datetime import date, time

import pytest

from journal.errors import Ambiguous, DentelleError, NotFound, VaultDamaged
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY


def raw(journal: Journal, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(journal.path / "dentelle.db")
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_a_story_in_the_order_things_happened(journal: Journal) -> None:
    person = journal.add_person("Famille Martin", "Deux enfants, à Lille.")
    journal.add_entry(person.id, date(2026, 3, 1), "Deuxième écrite, plus ancienne.")
    journal.add_entry(person.id, date(2026, 1, 10), "Première rencontre.")
    journal.add_entry(person.id, date(2026, 3, 1), "Même jour, à 18 h.", entry_time=time(18, 0))
    journal.add_entry(person.id, date(2026, 3, 1), "Même jour, à 9 h.", entry_time=time(9, 0))
    story = journal.entries(person.id)
    # Without a time, an entry stands at the start of its day; with one, in time order.
    assert [e.text for e in story] == [
        "Première rencontre.",
        "Deuxième écrite, plus ancienne.",
        "Même jour, à 9 h.",
        "Même jour, à 18 h.",
    ]
    assert story[2].time == time(9, 0)
    assert journal.person(person.id).profile == "Deux enfants, à Lille."


def test_text_is_kept_exactly(journal: Journal) -> None:
    person = journal.add_person("X")
    weird = "  ligne 1\n\tligne 2 \u200b émoji 🧶 [/red] \x1b]0;t\x07 \ud800 fin\r\n"
    entry = journal.add_entry(person.id, date(2026, 1, 1), weird)
    assert journal.entry(entry.id).text == weird


def test_a_text_of_several_megabytes(journal: Journal) -> None:
    person = journal.add_person("X")
    big = "é" * 3_000_000
    entry = journal.add_entry(person.id, date(2026, 1, 1), big)
    assert journal.entry(entry.id).text == big


def test_empty_text_is_refused(journal: Journal) -> None:
    person = journal.add_person("X")
    with pytest.raises(DentelleError) as caught:
        journal.add_entry(person.id, date(2026, 1, 1), "  \n ")
    assert caught.value.key == "store.empty_text"


def test_editing_keeps_every_version(journal: Journal) -> None:
    person = journal.add_person("X")
    entry = journal.add_entry(person.id, date(2026, 1, 1), "v1")
    journal.edit_entry(entry.id, text="v2")
    edited = journal.edit_entry(entry.id, text="v3", occurred_on=date(2026, 1, 2))
    assert edited.versions == 3
    assert edited.occurred_on == date(2026, 1, 2)
    history = journal.history(entry.id)
    assert [v.text for v in history] == ["v1", "v2", "v3"]
    assert [v.current for v in history] == [False, False, True]
    assert history[0].written_at < history[1].written_at < history[2].written_at
    assert history[0].occurred_on == date(2026, 1, 1)


def test_deleting_an_entry_erases_its_versions(journal: Journal) -> None:
    person = journal.add_person("X")
    entry = journal.add_entry(person.id, date(2026, 1, 1), "v1")
    journal.edit_entry(entry.id, text="v2")
    journal.delete_entry(entry.id[:8])
    assert journal.entries(person.id) == []
    assert raw(journal, "SELECT count(*) FROM revisions") == [(0,)]
    with pytest.raises(NotFound):
        journal.entry(entry.id)


def test_entry_ids_can_be_shortened_when_unique(journal: Journal) -> None:
    person = journal.add_person("X")
    entry = journal.add_entry(person.id, date(2026, 1, 1), "v1")
    assert journal.entry(entry.id[:6].upper()).id == entry.id
    with pytest.raises(NotFound):
        journal.entry("zz")


def test_find_person_by_part_of_the_name(journal: Journal) -> None:
    berenice = journal.add_person("Mme Bérénice Dupont")
    journal.add_person("M. Jean Dupont")
    assert journal.find_person("BERENICE").id == berenice.id
    assert journal.find_person(berenice.id).id == berenice.id
    with pytest.raises(Ambiguous) as caught:
        journal.find_person("dupont")
    assert len(caught.value.candidates) == 2
    with pytest.raises(NotFound):
        journal.find_person("personne")


def test_exact_name_wins_over_longer_ones(journal: Journal) -> None:
    mme = journal.add_person("Mme B")
    journal.add_person("Mme Bérénice")
    assert journal.find_person("mme b").id == mme.id


def test_summaries_count_and_last_contact(journal: Journal) -> None:
    a = journal.add_person("A")
    b = journal.add_person("B")
    journal.add_entry(a.id, date(2025, 5, 1), "x")
    journal.add_entry(a.id, date(2026, 2, 1), "y")
    by_name = {s.person.name: s for s in journal.summaries()}
    assert (by_name["A"].entry_count, by_name["A"].last_contact) == (2, date(2026, 2, 1))
    assert (by_name["B"].entry_count, by_name["B"].last_contact) == (0, None)
    assert b.id in {s.person.id for s in journal.summaries()}


def test_drafts_save_list_resume_discard(journal: Journal) -> None:
    person = journal.add_person("X")
    first = journal.save_draft(person.id, "en cours", "hier")
    journal.save_draft(person.id, "en cours, suite", "hier", draft_id=first.id)
    other = journal.save_draft(person.id, "autre", "")
    drafts = journal.drafts()
    assert [d.id for d in drafts] == [other.id, first.id]
    assert journal.draft(first.id).text == "en cours, suite"
    journal.discard_draft(first.id)
    assert [d.id for d in journal.drafts()] == [other.id]


def test_a_ciphertext_moved_to_another_row_does_not_open(journal: Journal) -> None:
    person = journal.add_person("X")
    a = journal.add_entry(person.id, date(2026, 1, 1), "a")
    b = journal.add_entry(person.id, date(2026, 1, 2), "b")
    journal._db.execute(
        "UPDATE entries SET sealed=(SELECT sealed FROM entries WHERE id=?) WHERE id=?",
        [a.id, b.id],
    )
    journal._db.conn.commit()
    assert journal.entry(a.id).text == "a"
    with pytest.raises(VaultDamaged):
        journal.entry(b.id)


def test_a_ciphertext_moved_to_another_person_does_not_open(journal: Journal) -> None:
    x = journal.add_person("X")
    y = journal.add_person("Y")
    entry = journal.add_entry(x.id, date(2026, 1, 1), "secret de X")
    journal._db.execute("UPDATE entries SET person_id=? WHERE id=?", [y.id, entry.id])
    journal._db.conn.commit()
    with pytest.raises(VaultDamaged):
        journal.entries(y.id)


def test_a_flipped_bit_is_detected(journal: Journal) -> None:
    person = journal.add_person("X")
    entry = journal.add_entry(person.id, date(2026, 1, 1), "intact")
    sealed = bytearray(raw(journal, "SELECT sealed FROM entries")[0][0])
    sealed[20] ^= 1
    journal._db.execute("UPDATE entries SET sealed=? WHERE id=?", [bytes(sealed), entry.id])
    journal._db.conn.commit()
    with pytest.raises(VaultDamaged) as caught:
        journal.entry(entry.id)
    assert "modifiées" in caught.value.message("fr")


def test_keys_are_dropped_on_close(vault: Vault, journal: Journal) -> None:
    person = journal.add_person("X")
    journal.person_key(person.id)
    journal.close()
    assert journal.keys.ciphers == {}
    assert not journal.is_open
    with pytest.raises(RuntimeError):
        _ = journal.identity


def test_forget_person_leaves_only_a_tombstone(journal: Journal) -> None:
    keep = journal.add_person("Reste")
    gone = journal.add_person("Oublié")
    journal.add_entry(gone.id, date(2026, 1, 1), "à oublier")
    journal.add_entry(keep.id, date(2026, 1, 1), "à garder")
    journal.save_draft(gone.id, "brouillon")
    sealed = raw(journal, "SELECT sealed FROM entries WHERE person_id=?", gone.id)[0][0]
    journal.forget_person(gone.id)
    assert [p.name for p in journal.people()] == ["Reste"]
    assert journal.tombstones() == [gone.id]
    for table in ("people", "entries", "revisions", "drafts"):
        column = "id" if table == "people" else "person_id"
        assert raw(journal, f"SELECT count(*) FROM {table} WHERE {column}=?", gone.id) == [(0,)]
    data = (journal.path / "dentelle.db").read_bytes()
    assert sealed[12:40] not in data  # vacuumed: no page keeps the ciphertext
    assert journal.entries(keep.id)[0].text == "à garder"


def test_reopening_finds_everything(vault: Vault, journal: Journal) -> None:
    person = journal.add_person("Persistante")
    journal.add_entry(person.id, date(2026, 1, 1), "durable")
    journal.close()
    with vault.open(GOLDEN_IDENTITY) as again:
        assert [e.text for e in again.entries(person.id)] == ["durable"]


def test_summaries_follow_edits_and_deletions(journal: Journal) -> None:
    person = journal.add_person("A")
    old = journal.add_entry(person.id, date(2025, 5, 1), "x")
    recent = journal.add_entry(person.id, date(2026, 2, 1), "y")

    def summary() -> tuple[int, date | None]:
        (found,) = journal.summaries()
        return found.entry_count, found.last_contact

    assert summary() == (2, date(2026, 2, 1))
    journal.edit_entry(old.id, occurred_on=date(2026, 6, 1))
    assert summary() == (2, date(2026, 6, 1))
    journal.delete_entry(old.id)
    assert summary() == (1, date(2026, 2, 1))
    journal.delete_entry(recent.id)
    assert summary() == (0, None)


def test_a_missing_summary_is_rebuilt(journal: Journal) -> None:
    person = journal.add_person("A")
    journal.add_entry(person.id, date(2025, 5, 1), "x")
    journal._db.execute("UPDATE people SET summary=NULL")
    journal._db.conn.commit()
    assert journal.summaries()[0].entry_count == 1
    journal.add_entry(person.id, date(2025, 6, 1), "y")
    assert journal.summaries()[0].entry_count == 2


def test_person_keys_come_from_one_sealed_index(vault: Vault, journal: Journal) -> None:
    a = journal.add_person("A")
    b = journal.add_person("B")
    journal.add_entry(a.id, date(2026, 1, 1), "a")
    index = journal.meta("person_keys")
    assert base64.b64decode(index).startswith(b"age-encryption.org/v1\n-> X25519 ")
    journal.close()
    with vault.open(GOLDEN_IDENTITY) as again:
        # Every wrapped key destroyed: the index alone opens the people.
        again._db.execute("UPDATE people SET wrapped_key=x'00'")
        again._db.conn.commit()
        assert {p.name for p in again.people()} == {"A", "B"}
        assert again.entries(a.id)[0].text == "a"
        again.forget_person(b.id)
        assert b.id not in again.meta("person_keys")  # rewritten without the forgotten


def test_an_index_of_keys_is_built_for_a_vault_without_one(vault: Vault, journal: Journal) -> None:
    person = journal.add_person("A")
    journal._db.execute("DELETE FROM meta WHERE key='person_keys'")
    journal._db.conn.commit()
    journal.close()
    with vault.open(GOLDEN_IDENTITY) as again:
        assert again.meta("person_keys")
        assert again.person(person.id).name == "A"


def test_closing_while_another_thread_reads_is_clean(journal: Journal) -> None:
    """A lock closing the journal under a worker: a clear error there, never a crash."""
    import threading

    person = journal.add_person("A")
    for day in range(1, 29):
        journal.add_entry(person.id, date(2026, 2, day), "x" * 2000)
    errors: list[str] = []
    started = threading.Event()

    def read_until_closed() -> None:
        while True:
            try:
                journal.entries(person.id)
                journal.summaries()
            except DentelleError as error:
                errors.append(error.key)
                return
            started.set()

    worker = threading.Thread(target=read_until_closed)
    worker.start()
    started.wait(10)
    journal.close()
    worker.join(10)
    assert errors == ["store.closed"]


def test_a_transaction_saves_all_of_its_changes_or_none(journal: Journal) -> None:
    with journal.transaction():
        kept = journal.add_person("A")
        journal.add_entry(kept.id, date(2026, 1, 1), "v1")
    with pytest.raises(RuntimeError), journal.transaction():
        journal.add_person("B")
        raise RuntimeError("interrupted before the end")
    assert [p.name for p in journal.people()] == ["A"]
    assert raw(journal, "SELECT count(*) FROM entries") == [(1,)]
    journal.close()
    with pytest.raises(DentelleError) as caught, journal.transaction():
        pass
    assert caught.value.key == "store.closed"


def test_revised_entry_ids_are_the_entries_with_earlier_versions(journal: Journal) -> None:
    person = journal.add_person("X")
    edited = journal.add_entry(person.id, date(2026, 1, 1), "v1")
    journal.add_entry(person.id, date(2026, 1, 2), "never edited")
    assert journal.revised_entry_ids() == set()
    journal.edit_entry(edited.id, text="v2")
    journal.edit_entry(edited.id, text="v3")
    assert journal.revised_entry_ids() == {edited.id}


def test_no_sqlite_utils_plugin_is_given_the_connection(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin installed beside Dentelle must not get the journal's connection, and
    looking for plugins (every installed package's entry points) cost each command 70 ms."""
    import sqlite_utils.db

    def refuse() -> None:
        raise AssertionError("sqlite_utils plugins loaded")

    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", refuse)
    vault.open(GOLDEN_IDENTITY).close()


def test_opening_a_current_vault_does_not_import_sqlite_utils(vault: Vault) -> None:
    """sqlite_utils (and pluggy, dateutil's parser it pulls in) cost a command ~0.1 s:
    it is loaded only to create tables (a new vault, a migration step)."""
    import subprocess
    import sys

    vault.open(GOLDEN_IDENTITY).close()  # migrated, if it needed to be
    code = (
        "import sys, pyrage\n"
        "from pathlib import Path\n"
        "from journal.vault import Vault\n"
        f"identity = pyrage.x25519.Identity.from_str({str(GOLDEN_IDENTITY)!r})\n"
        f"with Vault(Path({str(vault.path)!r})).open(identity) as journal:\n"
        "    journal.people()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
