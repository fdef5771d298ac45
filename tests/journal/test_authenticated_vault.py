"""The authenticated vault (issue 11, items 1 and 2): what an outsider who can write
`dentelle.db` but does not hold the master identity tries, and how each is refused.

Each test is a reproduction from the issue: it succeeded on the vault of schema 2.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal import crypto
from journal.errors import DentelleError
from journal.store import Journal
from journal.store.migration import SCHEMA_VERSION
from journal.store.practice import add_practice_note
from journal.store.sealing import aad, pack
from journal.vault import Vault
from tests.conftest import DATA, GOLDEN, GOLDEN_IDENTITY, TickingClock


def outsider(vault: Vault) -> sqlite3.Connection:
    """The database as someone who can write the file sees it: no identity, just SQL."""
    return sqlite3.connect(vault.database_file, isolation_level=None)


def file_state(vault: Vault) -> str:
    """What the database holds, row by row, whatever the WAL still carries."""
    conn = sqlite3.connect(f"{vault.database_file.as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def refused(vault: Vault, clock: TickingClock) -> DentelleError:
    with pytest.raises(DentelleError) as info:
        vault.open(GOLDEN_IDENTITY, clock=clock).close()
    return info.value


def corrected_note(vault: Vault, clock: TickingClock, versions: int = 2) -> tuple[str, str]:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        person = journal.add_person("Mme Dupont")
        entry = journal.add_entry(person.id, date(2026, 3, 1), "version 1 : erronée")
        for n in range(2, versions + 1):
            journal.edit_entry(entry.id, text=f"version {n}")
    return person.id, entry.id


def test_a_forged_person_is_refused_at_open(vault: Vault, clock: TickingClock) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_person("Mme Dupont")
    conn = outsider(vault)
    recipient = crypto.recipient_from_str(
        conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()[0]
    )
    forged_id, key = "f0f0f0f0f0f0f0f0", crypto.new_data_key()
    profile = {"name": "Personne forgée", "profile": "", "created_at": None}
    note = {"occurred_on": "2026-03-01", "time": None, "written_at": "2026-03-01T10:00:00+01:00"}
    note["text"] = "Note forgée"
    conn.execute(
        "INSERT INTO people (id, wrapped_key, sealed) VALUES (?, ?, ?)",
        [
            forged_id,
            crypto.age_encrypt(key, [recipient]),
            crypto.seal(key, pack(profile), aad("person", forged_id)),
        ],
    )
    conn.execute(
        "INSERT INTO entries (id, person_id, version_id, sealed) VALUES (?, ?, ?, ?)",
        ["e0e0e0e0e0e0e0e0", forged_id, "v0v0", crypto.seal(key, pack(note), b"")],
    )
    conn.close()
    error = refused(vault, clock)
    assert error.key == "store.tampered"
    assert forged_id in error.message("en") and forged_id in error.message("fr")
    assert "dentelle restore" in error.message("en")


def test_a_swapped_practice_key_is_refused_before_anything_is_written_with_it(
    vault: Vault, clock: TickingClock
) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock):
        pass
    theirs = pyrage.x25519.Identity.generate()
    known_key = crypto.new_data_key()
    conn = outsider(vault)
    recipient = crypto.recipient_from_str(
        conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()[0]
    )
    # The writer keeps the key they planted (here: also wrapped to themselves).
    planted = crypto.age_encrypt(known_key, [recipient, theirs.to_public()])
    conn.execute(
        "UPDATE meta SET value=? WHERE key='practice_key'",
        [base64.b64encode(planted).decode("ascii")],
    )
    conn.close()
    with pytest.raises(DentelleError) as info:  # noqa: SIM117 (the open itself may refuse)
        with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
            add_practice_note(journal, date(2026, 3, 1), "Réflexion sur ma pratique")
    assert info.value.key == "store.tampered"
    assert "practice" in info.value.message("en")
    conn = outsider(vault)
    assert conn.execute("SELECT count(*) FROM practice").fetchone()[0] == 0
    conn.close()


def test_a_planted_trigger_is_refused_at_open_and_nothing_is_written(
    vault: Vault, clock: TickingClock
) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_person("Mme Dupont")
    conn = outsider(vault)
    conn.execute("CREATE TABLE kept (id TEXT, wrapped_key BLOB)")
    conn.execute(
        "CREATE TRIGGER keep BEFORE DELETE ON people "
        "BEGIN INSERT INTO kept VALUES (old.id, old.wrapped_key); END"
    )
    conn.close()
    before = file_state(vault)
    error = refused(vault, clock)
    assert error.key == "store.changed_outside"
    for lang in ("fr", "en"):
        assert "keep" in error.message(lang) and "dentelle restore" in error.message(lang)
    assert file_state(vault) == before


@pytest.mark.parametrize(
    "planted",
    [
        "CREATE VIEW everyone AS SELECT id FROM people",
        "CREATE INDEX idx_people_sealed ON people (sealed)",
        "ALTER TABLE people ADD COLUMN extra TEXT",
    ],
)
def test_any_unknown_schema_object_is_refused(
    vault: Vault, clock: TickingClock, planted: str
) -> None:
    conn = outsider(vault)
    conn.execute(planted)
    conn.close()
    assert refused(vault, clock).key == "store.changed_outside"


def test_a_corrected_note_reverted_to_its_first_version_is_reported(
    vault: Vault, clock: TickingClock
) -> None:
    _, entry_id = corrected_note(vault, clock)
    conn = outsider(vault)
    old_version, old_sealed = conn.execute(
        "SELECT version_id, sealed FROM revisions WHERE entry_id=?", [entry_id]
    ).fetchone()
    conn.execute(
        "UPDATE entries SET version_id=?, sealed=? WHERE id=?", [old_version, old_sealed, entry_id]
    )
    conn.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])  # "versions: 1"
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal, pytest.raises(DentelleError) as info:
        journal.entry(entry_id)
    assert info.value.key == "store.tampered"
    assert entry_id in info.value.message("fr")


def test_a_dropped_version_is_reported(vault: Vault, clock: TickingClock) -> None:
    person_id, entry_id = corrected_note(vault, clock, versions=3)
    conn = outsider(vault)
    conn.execute("DELETE FROM revisions WHERE entry_id=? AND seq=1", [entry_id])
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        with pytest.raises(DentelleError) as info:
            journal.entries(person_id)
        assert info.value.key == "store.tampered" and entry_id in info.value.message("en")
        with pytest.raises(DentelleError):
            journal.history(entry_id)
        with pytest.raises(DentelleError):
            list(journal.all_entries())


def test_a_dropped_entry_is_reported(vault: Vault, clock: TickingClock) -> None:
    person_id, entry_id = corrected_note(vault, clock)
    conn = outsider(vault)
    conn.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
    conn.execute("DELETE FROM entries WHERE id=?", [entry_id])
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        with pytest.raises(DentelleError) as info:
            journal.verify_integrity()
        assert entry_id in info.value.message("en")
        with pytest.raises(DentelleError) as info:
            journal.entries(person_id)  # the story it was part of
        assert entry_id in info.value.message("fr")


def test_a_search_hit_of_a_replayed_version_is_reported(vault: Vault, clock: TickingClock) -> None:
    _, entry_id = corrected_note(vault, clock)
    conn = outsider(vault)
    old_version, old_sealed = conn.execute(
        "SELECT version_id, sealed FROM revisions WHERE entry_id=?", [entry_id]
    ).fetchone()
    conn.execute(
        "UPDATE entries SET version_id=?, sealed=? WHERE id=?", [old_version, old_sealed, entry_id]
    )
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal, pytest.raises(DentelleError):
        journal.entries_by_id([entry_id])


def test_everything_dentelle_writes_keeps_its_tags(vault: Vault, clock: TickingClock) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        kept, gone = journal.add_person("Mme Dupont"), journal.add_person("M. Martin")
        first = journal.add_entry(kept.id, date(2026, 3, 1), "une")
        journal.edit_entry(first.id, text="deux")
        journal.edit_entry(first.id, text="trois")
        earlier = journal.history(first.id)[0].version_id
        journal.erase_version(first.id, earlier)
        other = journal.add_entry(kept.id, date(2026, 3, 2), "autre")
        journal.delete_entry(other.id)
        journal.add_entry(gone.id, date(2026, 3, 2), "note")
        journal.forget_person(gone.id)
        add_practice_note(journal, date(2026, 3, 3), "pratique")
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.verify_integrity()
        assert [e.versions for e in journal.entries(kept.id)] == [2]


def test_a_lost_index_of_keys_is_rebuilt_and_tagged(vault: Vault, clock: TickingClock) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_person("Mme Dupont")
    conn = outsider(vault)
    conn.execute("DELETE FROM meta WHERE key='person_keys'")  # as in a backup generation
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.verify_integrity()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        assert [p.name for p in journal.people()] == ["Mme Dupont"]


def test_a_forged_index_of_keys_is_refused(vault: Vault, clock: TickingClock) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        person = journal.add_person("Mme Dupont")
    conn = outsider(vault)
    recipient = crypto.recipient_from_str(
        conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()[0]
    )
    forged = {person.id: crypto.new_data_key().hex()}
    blob = crypto.age_encrypt(json.dumps(forged).encode(), [recipient])
    conn.execute(
        "UPDATE meta SET value=? WHERE key='person_keys'", [base64.b64encode(blob).decode()]
    )
    conn.close()
    assert refused(vault, clock).key == "store.tampered"


def test_rebuild_integrity_takes_the_current_contents_as_genuine(
    vault: Vault, clock: TickingClock
) -> None:
    """What rekey does after re-sealing everything: recompute, in its transaction."""
    person_id, entry_id = corrected_note(vault, clock)
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal, journal.transaction():
        journal._db.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
        journal.rebuild_integrity()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.verify_integrity()
        assert [e.versions for e in journal.entries(person_id)] == [1]


def test_another_identity_cannot_open_the_tags(vault: Vault, clock: TickingClock) -> None:
    """Tags written under one identity do not pass under another (the recipient aside)."""
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_person("Mme Dupont")
        tag = journal._db.execute("SELECT tag FROM integrity WHERE kind='person'").fetchone()[0]
    other = crypto.integrity_key(pyrage.x25519.Identity.generate())
    assert len(tag) == 32 and tag != crypto.integrity_tag(other, "person", "x")


# -- the golden vaults ---------------------------------------------------------------------


def test_the_golden_vault_of_schema_1_migrates_and_keeps_every_entry(
    tmp_path: Path, keywrap, clock: TickingClock
) -> None:
    expected = json.loads((DATA / "golden-expected.json").read_text())
    shutil.copytree(GOLDEN, tmp_path / "v")
    vault = Vault(tmp_path / "v", keywrap=keywrap)
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        assert journal._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        journal.verify_integrity()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.verify_integrity()
        entries = journal.entries(expected["person"]["id"])
        assert [e.id for e in entries] == [e["id"] for e in expected["entries"]]
        assert [e.versions for e in entries] == [len(e["versions"]) for e in expected["entries"]]
        for entry, want in zip(entries, expected["entries"], strict=True):
            assert [v.text for v in journal.history(entry.id)] == [
                v["text"] for v in want["versions"]
            ]


def test_the_migration_refuses_a_planted_trigger_before_writing(
    tmp_path: Path, keywrap, clock: TickingClock
) -> None:
    shutil.copytree(GOLDEN, tmp_path / "v")
    vault = Vault(tmp_path / "v", keywrap=keywrap)
    conn = outsider(vault)
    conn.execute("CREATE TRIGGER keep BEFORE DELETE ON people BEGIN SELECT 1; END")
    conn.close()
    before = hashlib.sha256(vault.database_file.read_bytes()).hexdigest()
    assert refused(vault, clock).key == "store.changed_outside"
    assert hashlib.sha256(vault.database_file.read_bytes()).hexdigest() == before
    assert sqlite3.connect(vault.database_file).execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_new_vault_is_at_the_latest_schema_with_its_tags(tmp_path: Path, keywrap) -> None:
    from journal.store.migration import SCHEMA_VERSION

    Journal.initialize(tmp_path / "db", GOLDEN_IDENTITY)
    conn = sqlite3.connect(tmp_path / "db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    kinds = {row[0] for row in conn.execute("SELECT kind FROM integrity")}
    assert kinds == {"practice_key", "handover_key"}
    conn.close()


def test_a_trigger_given_one_of_sqlites_own_names_is_refused(
    vault: Vault, clock: TickingClock
) -> None:
    """Names starting with `sqlite_` are SQLite's own; `writable_schema` plants one anyway."""
    conn = outsider(vault)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', "
        "'sqlite_autoindex_people_9', 'people', 0, 'CREATE TRIGGER sqlite_autoindex_people_9 "
        "BEFORE DELETE ON people BEGIN INSERT INTO tombstones VALUES (old.id, old.sealed); END')"
    )
    conn.close()
    error = refused(vault, clock)
    assert error.key == "store.changed_outside" and "sqlite_autoindex_people_9" in str(error)


def test_rebuild_works_on_a_plain_connection_with_another_key(tmp_path: Path) -> None:
    """What a rekey (new identity) or a restore (a generation's own connection) calls."""
    from journal.store.integrity import check_keys, rebuild

    Journal.initialize(tmp_path / "db", GOLDEN_IDENTITY)
    other = pyrage.x25519.Identity.generate()
    conn = sqlite3.connect(tmp_path / "db")
    with conn:
        rebuild(conn, crypto.integrity_key(other))
    check_keys(conn, crypto.integrity_key(other), tmp_path)
    with pytest.raises(DentelleError):
        check_keys(conn, crypto.integrity_key(GOLDEN_IDENTITY), tmp_path)
    conn.close()


def test_rebuild_integrity_follows_the_journals_current_identity(
    vault: Vault, clock: TickingClock
) -> None:
    """A rekey that swaps the journal's identity gets tags under the new one."""
    from journal.store.integrity import check_keys

    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_person("Mme Dupont")
        journal.verify_integrity()  # the key of the golden identity is now cached
        new = pyrage.x25519.Identity.generate()
        journal._identity = new
        journal.rebuild_integrity()
        check_keys(journal._db, crypto.integrity_key(new), vault.path)
        journal._identity = GOLDEN_IDENTITY


def test_a_swapped_handover_key_is_refused_so_no_forged_colleague_can_be_planted(
    vault: Vault, clock: TickingClock
) -> None:
    from journal.handover.colleagues import colleagues

    with vault.open(GOLDEN_IDENTITY, clock=clock):
        pass
    conn = outsider(vault)
    recipient = crypto.recipient_from_str(
        conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()[0]
    )
    # With a key of their own, a writer could seal a colleague's card of their making.
    planted = crypto.age_encrypt(crypto.new_data_key(), [recipient])
    conn.execute(
        "UPDATE meta SET value=? WHERE key='handover_key'",
        [base64.b64encode(planted).decode("ascii")],
    )
    conn.close()
    with pytest.raises(DentelleError) as info:  # noqa: SIM117 (the open itself may refuse)
        with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
            colleagues(journal)
    assert info.value.key == "store.tampered"
    assert "handover" in info.value.message("en")


@pytest.mark.parametrize("change", ["revert", "drop_version", "drop_entry", "flip_sealed", "none"])
def test_checking_every_entry_in_one_pass_catches_what_verify_integrity_does(
    vault: Vault, clock: TickingClock, change: str
) -> None:
    """`check_every_entry` (a restore's reading back: tags checked and notes opened in
    one pass, a row at a time) refuses each change the separate checks refuse."""
    person_id, entry_id = corrected_note(vault, clock, versions=3)
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        journal.add_entry(person_id, date(2026, 3, 2), "une autre note")
    conn = outsider(vault)
    if change == "revert":
        old = conn.execute(
            "SELECT version_id, sealed FROM revisions WHERE entry_id=? AND seq=1", [entry_id]
        ).fetchone()
        conn.execute("UPDATE entries SET version_id=?, sealed=? WHERE id=?", [*old, entry_id])
    elif change == "drop_version":
        conn.execute("DELETE FROM revisions WHERE entry_id=? AND seq=1", [entry_id])
    elif change == "drop_entry":
        conn.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
        conn.execute("DELETE FROM entries WHERE id=?", [entry_id])
    elif change == "flip_sealed":
        sealed = bytearray(
            conn.execute("SELECT sealed FROM entries WHERE id=?", [entry_id]).fetchone()[0]
        )
        sealed[20] ^= 1
        conn.execute("UPDATE entries SET sealed=? WHERE id=?", [bytes(sealed), entry_id])
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        if change == "none":
            assert journal.check_every_entry() == 2
            return
        with pytest.raises(DentelleError) as info:
            journal.check_every_entry()
    expected = "store.damaged" if change == "flip_sealed" else "store.tampered"
    assert info.value.key in (expected, "crypto.damaged")
    if change != "flip_sealed":
        assert entry_id in info.value.message("en")
