"""Re-sealing every sealed record under new keys: the store's half of `dentelle rekey`.

Two registries say what a key rotation must touch, so that a table added later is one
entry here and nothing else:

- `SEALED`: every sealed column of the vault, with the columns that name its row, whose
  key opens it (`owner`: a person id, or the name of a key of its own) and its
  associated data (the same `aad` the module that writes it uses).
- `OWN_KEYS`: the keys that are not a person's, each age-wrapped to the master
  recipient in one `meta` value (the practice journal's today).

A colleagues table sealed under the practice key, say, is one `Sealed` entry whose
owner is `PRACTICE`; sealed under a key of its own, one `OwnKey` entry as well (and
`_old_keys` unwraps it from `meta`). Rows are rewritten by rowid: a table added later
must not be `WITHOUT ROWID`. `tests/journal/test_rekey.py` fails for a BLOB column that
is in no entry here (integrity tags and other columns that are not sealed values go in
its `not_sealed` set).

`reseal_copy` writes the re-sealed vault into a new database file beside the old one
(the old file is only read): every person key and every own key is new, every sealed
value is opened with the old key and sealed again with the new one and the same
associated data, person keys are wrapped to the new master, and the index of keys is
rebuilt. The swap of files is `journal.rekey`'s.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import VaultDamaged
from journal.fsutil import touch_private
from journal.store.colleagues import HANDOVER, handover_cipher
from journal.store.connection import connect
from journal.store.journal import Journal
from journal.store.keys import PERSON_KEYS_META
from journal.store.practice import PRACTICE, practice_cipher
from journal.store.sealing import aad, sqlite_errors

Row = dict[str, str]


@dataclass(frozen=True)
class Sealed:
    """One sealed column: `ids` are read to find the row (the first is its key)."""

    table: str
    column: str
    ids: tuple[str, ...]
    owner: Callable[[Row], str]
    aad: Callable[[Row], bytes]


@dataclass(frozen=True)
class OwnKey:
    """A key that is no person's, age-wrapped to the master recipient in `meta.<meta>`."""

    meta: str
    owner: str


def _person(row: Row) -> str:
    return row["person_id"]


SEALED: list[Sealed] = [
    Sealed("people", "sealed", ("id",), lambda r: r["id"], lambda r: aad("person", r["id"])),
    Sealed("people", "summary", ("id",), lambda r: r["id"], lambda r: aad("summary", r["id"])),
    Sealed(
        "entries",
        "sealed",
        ("id", "person_id", "version_id"),
        _person,
        lambda r: aad("entry", r["person_id"], r["id"], r["version_id"]),
    ),
    Sealed(
        "revisions",
        "sealed",
        ("version_id", "entry_id", "person_id"),
        _person,
        lambda r: aad("entry", r["person_id"], r["entry_id"], r["version_id"]),
    ),
    # A practice note being written is a draft whose person id is `practice`: its owner
    # is then the practice key, found under the same name.
    Sealed(
        "drafts",
        "sealed",
        ("id", "person_id"),
        _person,
        lambda r: aad("draft", r["person_id"], r["id"]),
    ),
    Sealed("practice", "sealed", ("id",), lambda r: PRACTICE, lambda r: aad(PRACTICE, r["id"])),
    Sealed(
        "consultations",
        "sealed",
        ("id", "person_id"),
        _person,
        lambda r: aad("consultation", r["person_id"], r["id"]),
    ),
    # The worker's handover keys and colleagues' cards (schema 4), under a key of their own.
    Sealed(
        "colleagues", "sealed", ("id",), lambda r: HANDOVER, lambda r: aad("colleague", r["id"])
    ),
    # Each person's word index (schema 6), under their key. Its cover (a digest of the
    # entry tags) no longer matches once the tags are recomputed under the new
    # identity: it is rebuilt at the first search after a rekey.
    Sealed(
        "word_index",
        "sealed",
        ("person_id",),
        _person,
        lambda r: aad("words", r["person_id"]),
    ),
]

OWN_KEYS: list[OwnKey] = [OwnKey("practice_key", PRACTICE), OwnKey("handover_key", HANDOVER)]
# How each own key is opened in the old vault (its module knows where it lives).
OWN_CIPHERS: dict[str, Callable[[Journal], ChaCha20Poly1305]] = {
    PRACTICE: practice_cipher,
    HANDOVER: handover_cipher,
}

BATCH = 2000


@dataclass
class Rekeyed:
    """What `reseal_copy` did, counted (no content)."""

    people: int = 0
    values: int = 0


def _old_keys(journal: Journal) -> dict[str, ChaCha20Poly1305]:
    """Every key the old vault has: each person's, each own key."""
    keys: dict[str, ChaCha20Poly1305] = {}
    with sqlite_errors():
        people = [row[0] for row in journal._db.execute("SELECT id FROM people")]
    for person_id in people:
        keys[person_id] = journal.person_key(person_id)
    for own in OWN_KEYS:
        if journal.meta(own.meta) is not None:
            keys[own.owner] = OWN_CIPHERS[own.owner](journal)
    return keys


def _existing_columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}


def _reseal_column(
    journal: Journal,
    target: sqlite3.Connection,
    sealed: Sealed,
    old: dict[str, ChaCha20Poly1305],
    new: dict[str, ChaCha20Poly1305],
) -> int:
    """Read the column from the old vault, write it re-sealed into the copy; count."""
    if sealed.column not in _existing_columns(target, sealed.table):
        return 0
    columns = ", ".join(f'"{c}"' for c in (*sealed.ids, sealed.column))
    # The copy was made page by page (SQLite's backup): its rowids are the old file's.
    cursor = journal._db.conn.execute(
        f'SELECT rowid, {columns} FROM "{sealed.table}" WHERE "{sealed.column}" IS NOT NULL'
    )
    update = f'UPDATE "{sealed.table}" SET "{sealed.column}"=? WHERE rowid=?'
    done = 0
    while rows := cursor.fetchmany(BATCH):
        changes = []
        for rowid, *values in rows:
            row = dict(zip(sealed.ids, values[:-1], strict=True))
            owner = sealed.owner(row)
            if owner not in old or owner not in new:
                raise VaultDamaged("crypto.damaged", what=f"{sealed.table} without a key")
            associated = sealed.aad(row)
            plain = crypto.open_sealed(old[owner], values[-1], associated, what=sealed.table)
            changes.append((crypto.seal(new[owner], plain, associated), rowid))
        target.executemany(update, changes)
        done += len(changes)
    return done


def reseal_copy(journal: Journal, target_file: Path, identity: pyrage.x25519.Identity) -> Rekeyed:
    """Write `journal`'s vault into `target_file`, every key new, re-sealed for `identity`.

    The old database is only read. `target_file` is replaced if it exists; it is
    complete and closed, in WAL mode like every vault but with no `-wal` beside it,
    when this returns (not yet synced: `journal.rekey` does that).
    """
    recipient = identity.to_public()
    old = _old_keys(journal)
    secrets = {owner: crypto.new_data_key() for owner in old}
    new = {owner: crypto.aead(secret) for owner, secret in secrets.items()}
    own_owners = {own.owner for own in OWN_KEYS}
    report = Rekeyed(people=len([o for o in old if o not in own_owners]))
    for leftover in (target_file, *_companions(target_file)):
        leftover.unlink(missing_ok=True)
    touch_private(target_file)
    with sqlite_errors():
        target = sqlite3.connect(str(target_file), isolation_level=None)
    try:
        with sqlite_errors():
            journal._db.conn.backup(target)
            # Not a vault until renamed in (`journal.rekey`), and deleted on any failure:
            # no rollback journal (in memory it would hold every page changed: the whole
            # file), no WAL, no sync per page; synced once, whole, before the commit mark.
            target.execute("PRAGMA journal_mode=OFF")
            target.execute("PRAGMA synchronous=OFF")
            # Every new value has the size of the one it replaces (same plaintext, same
            # nonce and tag sizes), so it is written over it in place, and secure_delete
            # zeroes whatever a change frees: no page keeps an old ciphertext or wrapped
            # key, without the cost of a VACUUM.
            target.execute("PRAGMA secure_delete=ON")
            target.execute("BEGIN")
            for sealed in SEALED:
                report.values += _reseal_column(journal, target, sealed, old, new)
            target.executemany(
                "UPDATE people SET wrapped_key=? WHERE id=?",
                [
                    (crypto.age_encrypt(secret, [recipient]), owner)
                    for owner, secret in secrets.items()
                    if owner not in own_owners
                ],
            )
            meta = [("recipient", str(recipient))]
            for own in OWN_KEYS:
                if own.owner in secrets:
                    blob = crypto.age_encrypt(secrets[own.owner], [recipient])
                    meta.append((own.meta, base64.b64encode(blob).decode("ascii")))
            index = {o: s.hex() for o, s in secrets.items() if o not in own_owners}
            blob = crypto.age_encrypt(json.dumps(index).encode(), [recipient])
            meta.append((PERSON_KEYS_META, base64.b64encode(blob).decode("ascii")))
            target.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta)
            target.execute("COMMIT")
            target.execute("PRAGMA journal_mode=WAL")  # as every vault: `connect` expects it
    finally:
        target.close()
    return report


def _companions(database_file: Path) -> list[Path]:
    return [database_file.with_name(database_file.name + s) for s in ("-wal", "-shm", "-journal")]


def open_copy(database_file: Path, identity: pyrage.x25519.Identity) -> Journal:
    """The re-sealed copy as a journal, before it is the vault: holds no lock (the
    vault's is held by the rekey), for what must be recomputed under the new identity."""
    db = connect(database_file)
    return Journal(db, identity, None, lambda: datetime.now().astimezone(), database_file.parent)


def close_keeping_lock(journal: Journal) -> int | None:
    """Close the journal (checkpointed, its `-wal` gone) but hand its vault lock over.

    The swap of files that follows must hold the vault's lock throughout.
    """
    with journal._closing:
        fd = journal._lock_fd
        journal._lock_fd = None
        journal.close()
    return fd
