"""The unlocked vault: SQLite rows of random ids and ciphertext, opened with the keys.

Schema (version in `PRAGMA user_version`; no plaintext column anywhere):

    meta(key, value)                       vault id, format, master recipient (public)
    people(id, wrapped_key, sealed, summary)  person key age-encrypted to the master;
                                           summary: sealed entry count and last contact
    entries(id, person_id, version_id, sealed)              current version of each entry
    revisions(version_id, entry_id, person_id, seq, sealed) earlier versions
    drafts(id, person_id, sealed)          autosaved writing
    tombstones(person_id, forgotten_on)    people forgotten (erasure), re-applied on restore
    practice(id, sealed)                   the worker's own practice journal (schema 2)
    consultations(id, person_id, sealed)   when a person's file was opened or exported (2)
    integrity(kind, id, person_id, tag)    tags under the integrity key (3): person keys,
                                           index of keys, practice key, current versions
    colleagues(id, sealed)                 the worker's handover keys, colleagues' cards (4)
    erased(id, kind, erased_on)            deleted entries and erased versions (5), re-applied
                                           on restore like the tombstones
    word_index(person_id, sealed)          each person's word index, under their key (6)

Every `sealed` value is ChaCha20-Poly1305 under the person's key with the row's ids as
associated data (`journal.store.sealing`). What grants a key or decides which version is
current is tagged under the integrity key (`journal.store.integrity`); opening checks
the schema against `journal.store.migration.SCHEMA` before anything is written. Person
keys are unwrapped lazily and held in memory only while the journal is open; `close()`
drops them.

`Journal` is put together from one part per table family, each in its own module:
`keys`, `people`, `entries` (and versions), `scans`, `drafts`, `erasure`, `snapshot`.
The practice journal and the record of consultations are functions of a journal, in
`journal.store.practice` and `journal.store.consultations`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal import crypto
from journal.errors import VaultDamaged
from journal.fsutil import touch_private
from journal.store.connection import acquire_lock, connect, release_lock
from journal.store.drafts import Drafts
from journal.store.entries import Entries
from journal.store.erasure import Erasure
from journal.store.integrity import check_keys
from journal.store.migration import check_schema, create_schema, migrate
from journal.store.scans import Scans
from journal.store.sealing import sqlite_errors
from journal.store.snapshot import Snapshots

if TYPE_CHECKING:
    from journal.vault import Vault


def _now() -> datetime:
    return datetime.now().astimezone()


class Journal(Entries, Scans, Drafts, Erasure, Snapshots):
    """An open, unlocked vault. Create with `Vault.open`; close when done."""

    @classmethod
    def initialize(cls, database_file: Path, identity: pyrage.x25519.Identity) -> None:
        """Create the schema in a new database file, readable by its owner only.

        The identity (not only its recipient): the new vault's tags are written under it.
        """
        touch_private(database_file)
        db = connect(database_file)
        try:
            create_schema(db, identity)
        finally:
            db.close()

    @classmethod
    def open(
        cls,
        vault: Vault,
        identity: pyrage.x25519.Identity,
        *,
        clock: Callable[[], datetime] | None = None,
        person_keys: dict[str, bytes] | None = None,
    ) -> Journal:
        """Open `vault` with the master identity. `person_keys`: keys already unwrapped
        from these very wrapped keys (a restore that checked every note with them), so
        that the index of keys a restored vault lacks is built without unwrapping
        everyone again."""
        lock_fd = acquire_lock(vault.lock_file)
        db = None
        try:
            db = connect(vault.database_file)
            with sqlite_errors():
                recipient = db.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
            if recipient is None or recipient[0] != str(identity.to_public()):
                db.close()
                raise VaultDamaged("store.wrong_vault_key")
            # Before anything is written: a planted trigger would run on our writes.
            check_schema(db, vault.path)
            migrate(db, identity)
            check_schema(db, vault.path)
            check_keys(db, crypto.integrity_key(identity), vault.path)
        except BaseException:
            if db is not None:
                with contextlib.suppress(Exception):
                    db.close()
            release_lock(lock_fd)
            raise
        journal = cls(db, identity, lock_fd, clock or _now, vault.path)
        for person_id, secret in (person_keys or {}).items():
            journal.keys.secrets[person_id] = secret.hex()
            journal.keys.ciphers[person_id] = crypto.aead(secret)
        journal._ensure_person_keys_index()
        return journal
