"""A lost key exposes nobody, and forgetting a person reaches the backups already made.

Crypto-shredding: generations never hold person keys; the one keyring of the set does,
and each backup rewrites it. After `forget_person` and one more backup, the forgotten
person's ciphertext may still sit in older generations, but no key in the set opens
it — not even with the master identity in hand.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal import crypto
from journal.backup import back_up, restore, verify_set
from journal.backup.sets import KEYRING_FILE, SET_DIR_NAME, generation_files
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.journal.backup_helpers import (
    DAYS,
    NAMES,
    SENTENCES,
    dump,
    dump_vault,
    populate,
    set_files,
)


def generation_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.deserialize(pyrage.decrypt(path.read_bytes(), [GOLDEN_IDENTITY]))
    return conn


def every_key_in_the_set(usb: Path) -> list[bytes]:
    """Whatever could open a person's data, with the master identity in hand."""
    keys = []
    folder = usb / SET_DIR_NAME
    keyring = json.loads(pyrage.decrypt((folder / KEYRING_FILE).read_bytes(), [GOLDEN_IDENTITY]))
    for wrapped in keyring["keys"].values():
        keys.append(crypto.age_decrypt(base64.b64decode(wrapped), GOLDEN_IDENTITY))
    for path in generation_files(folder).values():
        conn = generation_db(path)
        for (wrapped,) in conn.execute("SELECT wrapped_key FROM people"):
            if wrapped:
                keys.append(crypto.age_decrypt(wrapped, GOLDEN_IDENTITY))
    return keys


def sealed_rows(conn: sqlite3.Connection, person_id: str) -> list[tuple[bytes, bytes]]:
    """(aad, sealed) of every value of one person in a generation."""
    rows = [
        (f"dentelle:v1:person:{pid}".encode(), sealed)
        for pid, sealed in conn.execute("SELECT id, sealed FROM people WHERE id=?", [person_id])
    ]
    for entry_id, version_id, sealed in conn.execute(
        "SELECT id, version_id, sealed FROM entries WHERE person_id=? "
        "UNION ALL SELECT entry_id, version_id, sealed FROM revisions WHERE person_id=?",
        [person_id, person_id],
    ):
        rows.append((f"dentelle:v1:entry:{person_id}:{entry_id}:{version_id}".encode(), sealed))
    for draft_id, sealed in conn.execute(
        "SELECT id, sealed FROM drafts WHERE person_id=?", [person_id]
    ):
        rows.append((f"dentelle:v1:draft:{person_id}:{draft_id}".encode(), sealed))
    return rows


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_forgetting_then_one_backup_reaches_every_generation(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    ids = populate(journal)
    forgotten = ids[1]
    wrapped = journal._db.execute(
        "SELECT wrapped_key FROM people WHERE id=?", [forgotten]
    ).fetchone()[0]
    key = crypto.age_decrypt(wrapped, GOLDEN_IDENTITY)
    back_up(journal, usb)
    back_up(journal, usb)
    # Before the erasure, the set can open them (that is what a backup is for).
    assert key in every_key_in_the_set(usb)

    journal.forget_person(forgotten)
    back_up(journal, usb)
    assert list(generation_files(usb / SET_DIR_NAME)) == [1, 2, 3]

    keys = every_key_in_the_set(usb)
    assert key not in keys
    opened_before = 0
    for number, path in generation_files(usb / SET_DIR_NAME).items():
        conn = generation_db(path)
        rows = sealed_rows(conn, forgotten)
        # Old generations were not rewritten: the ciphertext is there, and stays shut.
        assert (len(rows) > 0) == (number < 3), number
        for aad, sealed in rows:
            for candidate in keys:
                with pytest.raises(Exception):  # noqa: B017 - any failure to open will do
                    crypto.open_sealed(candidate, sealed, aad)
            crypto.open_sealed(key, sealed, aad)  # the erased key would have opened it
            opened_before += 1
    assert opened_before > 0
    for name, data in set_files(usb).items():
        assert key not in data and wrapped not in data, name
    plain_keyring = pyrage.decrypt(
        (usb / SET_DIR_NAME / KEYRING_FILE).read_bytes(), [GOLDEN_IDENTITY]
    )
    assert forgotten in json.loads(plain_keyring)["tombstones"]
    assert key not in plain_keyring

    # Restoring an old generation does not bring them back.
    for number in (1, 2):
        target = Vault(tmp_path / f"restored-{number}" / "vault", keywrap=keywrap)
        report = restore(usb, target, GOLDEN_IDENTITY, generation=number)
        assert report.forgotten == 1
        restored = dump_vault(target.path, keywrap)
        assert forgotten not in restored and restored["tombstones"] == [forgotten]
        assert set(restored) - {"drafts", "tombstones"} == {ids[0], ids[2]}
        assert all(d[1] != forgotten for d in restored["drafts"])
        database = (target.path / "dentelle.db").read_bytes()
        for _, sealed in sealed_rows(
            generation_db(usb / SET_DIR_NAME / "gen-000001.age"), forgotten
        ):
            assert sealed not in database  # not even as free pages


def test_a_forgetting_not_yet_backed_up_holds_when_restoring_over_the_vault(
    journal: Journal, usb: Path, keywrap
) -> None:
    ids = populate(journal)
    back_up(journal, usb)
    journal.forget_person(ids[0])
    journal.close()
    # No backup since: the keyring still has the key, the vault has the tombstone.
    report = restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    assert report.forgotten == 1 and report.replaced
    restored = dump_vault(journal.path, keywrap)
    assert ids[0] not in restored and restored["tombstones"] == [ids[0]]
    # And the next backup from the restored vault drops the key from the set.
    with Vault(journal.path, keywrap=keywrap).open(GOLDEN_IDENTITY) as reopened:
        key_count = len(reopened.people())
        back_up(reopened, usb)
    keyring = json.loads(
        pyrage.decrypt((usb / SET_DIR_NAME / KEYRING_FILE).read_bytes(), [GOLDEN_IDENTITY])
    )
    assert ids[0] not in keyring["keys"] and len(keyring["keys"]) == key_count


def test_a_person_only_in_an_older_generation_keeps_their_key(
    tmp_path: Path, journal: Journal, usb: Path, keywrap, clock
) -> None:
    """Restoring an older generation must not make a newer one lose someone."""
    first = journal.add_person("Famille Haddad")
    journal.add_entry(first.id, date(2026, 1, 5), "Premier appel.")
    back_up(journal, usb)
    later = journal.add_person("Kévin Moreau")
    journal.add_entry(later.id, date(2026, 2, 5), "Arrivé après la première sauvegarde.")
    back_up(journal, usb)
    expected = dump(journal)
    journal.close()
    restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY, generation=1)
    with Vault(journal.path, keywrap=keywrap).open(GOLDEN_IDENTITY, clock=clock) as older:
        assert [p.name for p in older.people()] == ["Famille Haddad"]
        back_up(older, usb)  # generation 3, without Kévin: his key must stay for 2
    target = Vault(tmp_path / "again" / "vault", keywrap=keywrap)
    report = restore(usb, target, GOLDEN_IDENTITY, generation=2)
    assert report.forgotten == 0
    assert dump_vault(target.path, keywrap) == expected
    # Once generation 2 rotates out, nothing needs his key any more: it leaves the set.
    with Vault(journal.path, keywrap=keywrap).open(GOLDEN_IDENTITY, clock=clock) as older:
        back_up(older, usb, keep=1)
    keyring = json.loads(
        pyrage.decrypt((usb / SET_DIR_NAME / KEYRING_FILE).read_bytes(), [GOLDEN_IDENTITY])
    )
    assert sorted(keyring["keys"]) == [first.id]


def test_no_name_word_or_date_in_any_file_of_the_set(journal: Journal, usb: Path) -> None:
    """Whoever finds the key learns that it is a Dentelle backup, and its sizes."""
    populate(journal)
    back_up(journal, usb)
    person = journal.people()[0]
    journal.update_person(person.id, profile="Profil modifié : orientation vers la PMI.")
    back_up(journal, usb)
    verify_set(usb, GOLDEN_IDENTITY)
    files = set_files(usb)
    assert len(files) >= 7
    needles: list[str] = list(NAMES)
    needles += [f"Profil de {name}" for name in NAMES] + ["orientation", "Brouillon"]
    needles += [w.strip(".,:;'()") for s in SENTENCES for w in s.split() if len(w) > 5]
    for day in DAYS:
        needles += [day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d/%m")]
    patterns = set()
    for text in needles:
        for variant in (text, text.lower(), text.upper()):
            patterns |= {variant.encode("utf-8"), variant.encode("utf-16-le")}
    for name, data in files.items():
        found = [p for p in patterns if p in data]
        assert not found, (name, found[:3])


def test_applying_erasures_again_removes_exactly_what_they_name(journal: Journal) -> None:
    """What a restore does with every deletion and erasure the set or the vault knows of:
    an erased earlier version, an erased current version (its note goes), a deleted note
    named as well by its current version, and erasures already applied (no effect)."""
    person = journal.add_person("Mme Dupont")
    kept = journal.add_entry(person.id, date(2026, 3, 1), "gardée")
    corrected = journal.add_entry(person.id, date(2026, 3, 2), "première version")
    corrected = journal.edit_entry(corrected.id, text="seconde version")
    earlier = journal.history(corrected.id)[0].version_id
    current_gone = journal.add_entry(person.id, date(2026, 3, 3), "version effacée")
    deleted = journal.add_entry(person.id, date(2026, 3, 4), "note supprimée")
    day = "2026-03-05"
    erased = {
        earlier: ("version", day),
        current_gone.version_id: ("version", day),
        deleted.id: ("entry", day),
        deleted.version_id: ("version", day),  # the same note, by its current version
        "0" * 16: ("version", day),  # already applied: nothing left to find
        "f" * 16: ("entry", day),
    }
    assert journal.apply_erased(erased) == 3
    left = {entry.id: entry for entry in journal.entries(person.id)}
    assert set(left) == {kept.id, corrected.id}
    assert [v.text for v in journal.history(corrected.id)] == ["seconde version"]
    assert journal.apply_erased(erased) == 0
    assert set(journal.erased()) == set(erased)
