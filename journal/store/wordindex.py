"""Each person's word index, sealed in their own row: search without opening every note.

`word_index(person_id, sealed)` (schema 6) holds one row per person: the index of
`journal.search.postings` (which of their notes hold each word), zlib-compressed, then
sealed under the person's key with `dentelle:v1:words:<person_id>` as associated data.
Forgetting a person deletes the row with their others and shreds it with their key.

It is written in the same transaction as the note it indexes (`_reindexing`, used by
adding, correcting, deleting a note, erasing an earlier version and receiving a
handover), so it is never behind the notes it covers. It is trusted only while it
matches them: its *cover* is a digest of the person's entry integrity tags (each tag
vouches for an entry's current version and number of versions, under the integrity
key), recomputed when the index is read. An index replayed from an older state, cut
short, moved to another person or that does not open is not trusted: it is treated as
missing, and a missing index is rebuilt from the notes (`rebuild_word_indexes`; the app
does it in a worker, a command at its first search). A vault of an older schema starts
with no index at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from journal import crypto
from journal.errors import VaultDamaged
from journal.search.postings import IndexChange, PersonIndex, build
from journal.store.connection import serialized
from journal.store.integrity import ENTRY
from journal.store.keys import PersonKeys
from journal.store.sealing import aad, sqlite_errors

WORD_INDEX_TABLE = "word_index"
# zlib level: 0 keeps zlib's framing and checksum without compressing. Measured at
# 50,000 notes: 14 MB of index; level 6 gives 6.2 MB but takes 0.1-0.2 s to decompress
# at every cold search, level 0 under 0.03 s (docs/performance.md). The reader does not
# depend on the level.
COMPRESSION = 0
NO_ENTRIES = hashlib.sha256(b"").digest()
ROWS_AT_ONCE = 200


def words_aad(person_id: str) -> bytes:
    return aad("words", person_id)


def entry_cover(tags: Iterable[bytes]) -> bytes:
    """The digest of a person's entry tags, in any order: what an index must carry."""
    return hashlib.sha256(b"".join(sorted(tags))).digest()


def all_covers(
    conn: sqlite3.Connection, person_id: str | None = None
) -> dict[str, tuple[bytes, int]]:
    """Every person's (or one person's) cover and number of notes, from the entry tags."""
    tags: dict[str, list[bytes]] = defaultdict(list)
    if person_id is None:  # a whole scan: faster than the (kind, id) index and its lookups
        rows = conn.execute(
            "SELECT person_id, tag FROM integrity NOT INDEXED WHERE kind=?", [ENTRY]
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT person_id, tag FROM integrity WHERE person_id=? AND kind=?",
            [person_id, ENTRY],
        ).fetchall()
    for owner, tag in rows:
        tags[owner].append(tag)
    return {person_id: (entry_cover(found), len(found)) for person_id, found in tags.items()}


def seal_index(key, person_id: str, index: PersonIndex) -> bytes:
    return crypto.seal(key, zlib.compress(index.to_bytes(), COMPRESSION), words_aad(person_id))


def open_index(key, person_id: str, sealed: bytes, cover: bytes) -> PersonIndex | None:
    """The index of a row, or None when it does not open or covers other notes."""
    try:
        plain = crypto.open_sealed(key, bytes(sealed), words_aad(person_id), what="word index")
        index = PersonIndex.from_bytes(zlib.decompress(plain))
    except (VaultDamaged, zlib.error, ValueError):
        return None
    return index if index.cover == cover else None


class WordIndexes(PersonKeys):
    """The journal's side: rows kept current with each change, read for searching."""

    def _word_cover(self, person_id: str) -> bytes:
        rows = self._db.conn.execute(
            "SELECT tag FROM integrity WHERE person_id=? AND kind=?", [person_id, ENTRY]
        )
        return entry_cover([row[0] for row in rows])

    @contextlib.contextmanager
    def _reindexing(self, person_id: str) -> Iterator[IndexChange | None]:
        """The person's index to change, inside the caller's transaction.

        Read (and checked against the notes as they are before the change) on entering;
        sealed again with the new cover on leaving. None when there is no index to trust:
        the row is then deleted, and rebuilt at the next search.
        """
        cover = self._word_cover(person_id)
        row = self._db.execute(
            f"SELECT sealed FROM {WORD_INDEX_TABLE} WHERE person_id=?", [person_id]
        ).fetchone()
        opened: PersonIndex | None = None
        if row is None:
            opened = PersonIndex.empty() if cover == NO_ENTRIES else None
        else:
            opened = open_index(self.person_key(person_id), person_id, row[0], cover)
        change = IndexChange(opened) if opened is not None else None
        yield change
        if change is None:
            self._db.execute(f"DELETE FROM {WORD_INDEX_TABLE} WHERE person_id=?", [person_id])
        else:
            self._write_word_index(person_id, change.applied(self._word_cover(person_id)))

    def _write_word_index(self, person_id: str, index: PersonIndex) -> None:
        sealed = seal_index(self.person_key(person_id), person_id, index)
        self._db.execute(
            f"INSERT OR REPLACE INTO {WORD_INDEX_TABLE} (person_id, sealed) VALUES (?, ?)",
            [person_id, sealed],
        )

    @staticmethod
    def _index_note(
        index: IndexChange | None, entry_id: str, version_id: str, payload: bytes
    ) -> None:
        """Put a note's current version into an index being changed (replacing any other)."""
        if index is not None:
            index.put(entry_id, version_id, payload)

    # -- reading, for searches ----------------------------------------------------------

    def word_indexes(
        self, person_id: str | None = None
    ) -> Iterator[tuple[str, PersonIndex | None, int]]:
        """Every person's index (or one person's), None where it must be rebuilt, and
        their number of notes.

        Read in one snapshot on a connection of its own (safe from a worker thread): the
        rows, and the integrity tags their covers are checked against. Rows are read a
        few at a time, so that only their opened form stays in memory.
        """
        args = [] if person_id is None else [person_id]
        with sqlite_errors():
            conn = sqlite3.connect(self._database_file, timeout=5, check_same_thread=False)
        try:
            with sqlite_errors():
                conn.execute("BEGIN")
                where = "" if person_id is None else " WHERE id=?"
                people = [row[0] for row in conn.execute("SELECT id FROM people" + where, args)]
                covers = all_covers(conn, person_id)
                where = "" if person_id is None else " WHERE person_id=?"
                cursor = conn.execute(
                    f"SELECT person_id, sealed FROM {WORD_INDEX_TABLE}" + where, args
                )
                waiting = set(people)
                keys = self.keys.ciphers  # from the index of keys: one age decryption
                while batch := cursor.fetchmany(ROWS_AT_ONCE):
                    for owner, sealed in batch:
                        if owner not in waiting:
                            continue  # a row without its person: never trusted
                        waiting.discard(owner)
                        cover, notes = covers.get(owner, (NO_ENTRIES, 0))
                        key = keys.get(owner) or self.person_key(owner)
                        yield owner, open_index(key, owner, sealed, cover), notes
        finally:
            conn.close()
        for owner in people:
            if owner in waiting:
                cover, notes = covers.get(owner, (NO_ENTRIES, 0))
                yield owner, (PersonIndex.empty(cover) if not notes else None), notes

    @serialized
    def rebuild_word_indexes(
        self, person_ids: list[str], progress: Callable[[int, int], None] | None = None
    ) -> dict[str, PersonIndex]:
        """Build these people's indexes from their notes, write them, and return them.

        One transaction for all of them (callers pass a few at a time: a lock waits for
        one call at most).
        """
        built = {}
        with sqlite_errors(), self._db.atomic():
            for done, person_id in enumerate(person_ids, 1):
                key = self.person_key(person_id)
                rows = self._db.execute(
                    "SELECT id, person_id, version_id, sealed FROM entries WHERE person_id=?",
                    [person_id],
                ).fetchall()
                self._check_entries(rows, person_id=person_id)
                notes = [
                    (entry_id, version_id, crypto.open_sealed(key, sealed, entry_aad))
                    for entry_id, owner, version_id, sealed in rows
                    for entry_aad in [aad("entry", owner, entry_id, version_id)]
                ]
                index = build(notes, self._word_cover(person_id))
                self._write_word_index(person_id, index)
                built[person_id] = index
                if progress is not None:
                    progress(done, len(person_ids))
        return built
