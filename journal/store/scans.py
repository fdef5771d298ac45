"""Reading every entry at once: for search, exports and checks, from any thread.

A scan may run in a worker thread while the app keeps writing: it reads on a connection
of its own, never the journal's, and holds no lock while it opens rows. Opening rows
is the hot loop of every scan (`_open_rows`): docs/performance.md has its figures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import DentelleError
from journal.model import Entry
from journal.store.connection import serialized
from journal.store.entries import decode_entry
from journal.store.integrity import (
    ENTRY,
    VaultTampered,
    all_entry_tags,
    check_keys,
    check_person,
    entry_message,
)
from journal.store.keys import PersonKeys
from journal.store.sealing import AAD_PREFIX, sqlite_errors


class Scans(PersonKeys):
    def all_entries(self) -> Iterator[Entry]:
        """Every entry of every person, in no particular order (for scans and exports)."""
        with self._closing, sqlite_errors():
            if self._identity is None:
                raise DentelleError("store.closed")
            rows = self._db.execute("SELECT id, person_id, version_id, sealed FROM entries")
            rows = rows.fetchall()  # read under the lock: never a closed connection mid-step
            self.verify_integrity()
        for entry_id, person_id, version_id, plaintext in self._open_rows(rows):
            yield decode_entry(entry_id, person_id, version_id, plaintext)

    def opened_entries(
        self,
        progress: Callable[[int, int], None] | None = None,
        person_id: str | None = None,
    ) -> Iterator[tuple[str, str, str, bytes]]:
        """Every current entry as `(entry_id, person_id, version_id, payload)`, unparsed.

        For whole-vault scans (search) that can work on the payload's JSON bytes and
        decode only what they show: parsing 50,000 payloads costs more than opening them.
        Safe to run in a worker thread while the app keeps using the journal: rows are
        read in one transaction on a connection of its own (it sees committed entries
        only), and every person key is unwrapped before the first row. `progress` gets
        `(done, total)` every 1,000 entries and at the end. With `person_id`, only that
        person's entries.
        """
        entry_filter, people_filter, args = "", "", []
        if person_id is not None:
            entry_filter, people_filter, args = " WHERE person_id=?", " WHERE id=?", [person_id]
        conn = self._reader()
        try:
            with sqlite_errors():
                conn.execute("BEGIN")  # one snapshot for the keys, the count and the rows
                people = conn.execute("SELECT id, wrapped_key FROM people" + people_filter, args)
                for owner, wrapped in people.fetchall():
                    if owner not in self.keys.ciphers:
                        check_person(conn, self._integrity_key, owner, wrapped, self.path)
                        secret = crypto.age_decrypt(wrapped, self.identity, what="person key")
                        self.keys.ciphers[owner] = crypto.aead(secret)
                total = conn.execute("SELECT count(*) FROM entries" + entry_filter, args)
                total = total.fetchone()[0]
                rows = conn.execute(
                    "SELECT id, person_id, version_id, sealed FROM entries" + entry_filter, args
                )
                done = 0
                for opened in self._open_rows(rows):
                    yield opened
                    done += 1
                    if progress is not None and done % 1000 == 0:
                        progress(done, total)
                if progress is not None:
                    progress(done, max(done, total))
        finally:
            conn.close()

    def check_every_entry(self, progress: Callable[[int], None] | None = None) -> int:
        """Check every tag and open (decrypt and authenticate) every entry, in one pass,
        a row at a time, on a connection of its own (`open_every_entry`). Raises
        `VaultTampered` or `VaultDamaged`; returns how many."""
        key = self._integrity_key
        conn = self._reader()
        try:
            with sqlite_errors():
                conn.execute("BEGIN")  # the keys, tags and rows of one snapshot
                check_keys(conn, key, self.path)
                people = [row[0] for row in conn.execute("SELECT id FROM people")]
            ciphers = {person_id: self.person_key(person_id) for person_id in people}
            return open_every_entry(conn, key, ciphers, self.path, progress)
        finally:
            conn.close()

    @serialized
    def entries_by_id(self, entry_ids: Iterable[str]) -> dict[str, Entry]:
        """The current version of these entries, by id (ids no longer there are left out).

        Like `opened_entries`, safe from a worker thread: read on a connection of its own.
        `versions` is not counted (1): this is for showing search results.
        """
        wanted = list(dict.fromkeys(entry_ids))
        found: dict[str, Entry] = {}
        conn = self._reader()
        try:
            with sqlite_errors():
                conn.execute("BEGIN")  # the rows and their tags from one snapshot
                for start in range(0, len(wanted), 500):
                    batch = wanted[start : start + 500]
                    rows = conn.execute(
                        "SELECT id, person_id, version_id, sealed FROM entries WHERE id IN "
                        f"({','.join('?' * len(batch))})",
                        batch,
                    ).fetchall()
                    self._check_entries(rows, conn)
                    for opened in self._open_rows(rows):
                        found[opened[0]] = decode_entry(*opened)
        finally:
            conn.close()
        return found

    def opened_by_id(self, entry_ids: Iterable[str]) -> Iterator[tuple[str, str, str, bytes]]:
        """These entries' current versions as `(entry_id, person_id, version_id, payload)`,
        unparsed (for checking a phrase on the candidates of the word index). Read on a
        connection of its own; ids no longer there are left out."""
        wanted = list(dict.fromkeys(entry_ids))
        conn = self._reader()
        try:
            with sqlite_errors():
                for start in range(0, len(wanted), 500):
                    batch = wanted[start : start + 500]
                    rows = conn.execute(
                        "SELECT id, person_id, version_id, sealed FROM entries WHERE id IN "
                        f"({','.join('?' * len(batch))})",
                        batch,
                    ).fetchall()
                    yield from self._open_rows(rows)
        finally:
            conn.close()

    def _reader(self) -> sqlite3.Connection:
        """A connection of its own to the database file, for reads from another thread."""
        with sqlite_errors():
            return sqlite3.connect(self._database_file, timeout=5, check_same_thread=False)

    def _open_rows(
        self, rows: Iterable[tuple[str, str, str, bytes]]
    ) -> Iterator[tuple[str, str, str, bytes]]:
        """Open entry rows: the hot loop of every scan, kept free of per-row method calls."""
        keys = self.keys.ciphers
        prefix = f"{AAD_PREFIX}:entry:"
        for entry_id, person_id, version_id, sealed in rows:
            key = keys.get(person_id) or self.person_key(person_id)
            aad = f"{prefix}{person_id}:{entry_id}:{version_id}".encode("ascii")
            yield entry_id, person_id, version_id, crypto.open_sealed(key, sealed, aad)


def open_every_entry(
    conn: sqlite3.Connection,
    key: bytes,
    ciphers: dict[str, ChaCha20Poly1305],
    path: Path,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Every entry read on `conn` (a vault, or a generation being restored before it is
    one), each tag checked against `key` and each note opened with its person's cipher,
    one row at a time. The entries of a person without a cipher (forgotten: a restore
    removes them) are checked against their tags only. Raises `VaultTampered` or
    `VaultDamaged`; returns how many notes were opened."""
    prefix = f"{AAD_PREFIX}:entry:"
    done = 0
    with sqlite_errors():
        tags, counts = all_entry_tags(conn)
        rows = conn.execute("SELECT id, person_id, version_id, sealed FROM entries")
        tagger = crypto.Tagger(key)
        # One loop, no layers: at 250,000 notes every call per row counts.
        for entry_id, person_id, version_id, sealed in rows:
            versions = str(counts.get(entry_id, 0) + 1)
            message = entry_message(person_id, entry_id, version_id, versions)
            if not tagger.ok_message(tags.pop(entry_id, None), message):
                raise VaultTampered(ENTRY, entry_id, path=path)
            cipher = ciphers.get(person_id)
            if cipher is None:
                continue
            aad = f"{prefix}{person_id}:{entry_id}:{version_id}".encode("ascii")
            crypto.open_sealed(cipher, sealed, aad)
            done += 1
            if progress is not None and done % 10_000 == 0:
                progress(done)
    for entry_id in sorted(tags):
        raise VaultTampered("entry_missing", entry_id, path=path)
    return done
