"""Search across notes from an index that lives in memory only.

Since schema 6 the people's stories are searched from their sealed word indexes
(`journal.search.stored`); this index of notes in memory remains for the practice
journal (a few hundred notes, indexed on the spot) and as the reference the tests
compare the sealed indexes with. Nothing is written anywhere: no file, no cache, no
temporary table on disk (the word index is an SQLite database in memory with
`temp_store=MEMORY`).

Two stages, so that the first search after unlock is fast and later ones faster:

1. `load` opens every entry (`Journal.opened_entries`) and keeps its *key*
   (`journal.search.text`: the folded text), joined in chunks of 1,000 entries. A
   search scans the chunks with `bytes.find`, at C speed. A search made while `load`
   runs (in a worker) sees the chunks already there; `Hits.complete` says whether it
   saw everything.
2. `warm_up` tokenizes the keys into an FTS5 table (contentless, with positions, so
   that phrases are answered by it too): a search then reads the matching entries
   from it instead of scanning. Same tokens, same answers: the tests run both ways.

The texts themselves are not kept: the entries a search shows are read again from the
journal (`Journal.entries_by_id`, ~2 ms for 50), which halves the memory the index
needs.
"""

from __future__ import annotations

import heapq
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from journal.model import Entry
from journal.search.chunks import CHUNK_SIZE, Chunk
from journal.search.hits import Hit, Hits, order_of, order_of_entry
from journal.search.text import (
    Query,
    highlights,
    parse_query,
    payload_key,
    snippet,
    text_key,
    without_line_breaks,
)

if TYPE_CHECKING:
    from journal.store import Journal

Progress = Callable[[int, int], None]
# Entries per FTS5 table: building one table grows faster than its size (segment
# merges), so a large vault gets several; a search asks each.
FTS_TABLE_SLOTS = 25_000


class SearchIndex:
    """Every entry's key in memory, for searches that never touch the disk.

    Thread-safe: `load` and `warm_up` may run in a worker while another thread searches
    or reports edits; every method takes the index's lock for its short critical part.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._empty()

    def _empty(self) -> None:
        self._chunks: list[Chunk] = []
        self._ids: list[str | None] = []  # by slot; None once removed
        self._persons: list[str] = []
        self._orders: list[bytes] = []
        self._entries: list[Entry | None] = []  # by slot: entries given to `add`
        self._where: list[Chunk | None] = []
        self._slot_of: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._removed: set[str] = set()  # reported removed while `load` runs
        self._forgotten: set[str] = set()
        self._loaded = 0
        self._expected = 0
        self._complete = False
        self._journal: Journal | None = None  # where shown entries are read from
        self._fts: sqlite3.Connection | None = None
        self._fts_tables: list[str] = []
        self._in_fts = bytearray()
        self._warm = False

    # -- building --------------------------------------------------------------------------

    @classmethod
    def build(cls, journal: Journal, *, warm: bool = True, progress: Progress | None = None):
        """`load` and, with `warm`, `warm_up`: the whole index, in the calling thread."""
        index = cls()
        index.load(journal, progress=progress)
        if warm:
            index.warm_up()
        return index

    @property
    def progress(self) -> tuple[int, int]:
        """(entries loaded, entries expected) while `load` runs; equal once done."""
        return self._loaded, max(self._loaded, self._expected)

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def warm(self) -> bool:
        return self._warm

    def __len__(self) -> int:
        return len(self._slot_of)

    def load(
        self,
        journal: Journal,
        *,
        person_id: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Open every entry of the journal (or of one person) into the index.

        Entries already added, or reported removed, while this runs are left as they are.
        """
        people = journal.people()
        with self._lock:
            self._journal = journal
            for person in people:
                self._names.setdefault(person.id, person.name)

        def report(done: int, total: int) -> None:
            self._expected = total
            if progress is not None:
                progress(done, total)

        pending: list[tuple[str, str, bytes, bytes, int]] = []
        for entry_id, owner, _version, payload in journal.opened_entries(report, person_id):
            key, text_at = payload_key(payload)
            pending.append((entry_id, owner, order_of(payload, text_at), key, text_at))
            if len(pending) == CHUNK_SIZE:
                self._publish(pending)
                pending = []
        self._publish(pending)
        with self._lock:
            self._removed.clear()
            self._complete = True

    def _publish(self, pending: list[tuple[str, str, bytes, bytes, int]]) -> None:
        with self._lock:
            fresh = [
                row
                for row in pending
                if row[0] not in self._slot_of
                and row[0] not in self._removed
                and row[1] not in self._forgotten
            ]
            self._loaded += len(pending)
            if not fresh:
                return
            base = len(self._ids)
            slots = list(range(base, base + len(fresh)))
            ids, owners, orders, keys, offsets = zip(*fresh, strict=True)
            chunk = Chunk(slots, keys, offsets)
            self._ids += ids
            self._persons += owners
            self._entries += [None] * len(slots)
            self._orders += orders
            self._where += [chunk] * len(slots)
            self._in_fts += bytes(len(slots))
            self._slot_of.update(zip(ids, slots, strict=True))
            self._chunks.append(chunk)
            if self._fts is not None:
                self._fts_insert(chunk, range(len(slots)))

    def _append_slot(self, slot: int, entry: Entry, order: bytes, chunk: Chunk) -> None:
        self._ids.append(entry.id)
        self._persons.append(entry.person_id)
        self._orders.append(order)
        self._entries.append(entry)
        self._where.append(chunk)
        self._in_fts.append(0)
        self._slot_of[entry.id] = slot

    def warm_up(self, progress: Progress | None = None) -> None:
        """Build the word index, so that later searches read it instead of scanning."""
        with self._lock:
            if self._fts is not None:
                return
            try:
                fts = _open_fts()
            except sqlite3.Error:
                return  # no FTS5 in this SQLite: searches keep scanning, a bit slower
            self._fts = fts
            chunks = list(self._chunks)
        for done, chunk in enumerate(chunks, 1):
            with self._lock:
                if chunk in self._chunks:
                    self._fts_insert(chunk, range(len(chunk.slots)))
            if progress is not None:
                progress(done, len(chunks))
        with self._lock:
            for chunk in self._chunks:  # chunks rebuilt meanwhile (an entry was removed)
                self._fts_insert(chunk, range(len(chunk.slots)))
            self._warm = True

    def _fts_insert(self, chunk: Chunk, positions: Sequence[int] | range) -> None:
        assert self._fts is not None
        tables: dict[str, list[tuple[int, bytes]]] = {}
        for i in positions:
            slot = chunk.slots[i]
            if not self._in_fts[slot]:
                self._in_fts[slot] = 1
                tables.setdefault(self._fts_table(slot), []).append(
                    (slot, without_line_breaks(chunk.key(i)))
                )
        for table, rows in tables.items():
            self._fts.execute("BEGIN")
            self._fts.executemany(f"INSERT INTO {table} (rowid, key) VALUES (?, ?)", rows)
            self._fts.execute("COMMIT")

    def _fts_table(self, slot: int) -> str:
        """The word table of a slot, made on first use (see FTS_TABLE_SLOTS)."""
        assert self._fts is not None
        table = f"words{slot // FTS_TABLE_SLOTS}"
        if table not in self._fts_tables:
            self._fts.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                "key, content='', columnsize=0, detail=full, tokenize='ascii')"
            )
            self._fts_tables.append(table)
        return table

    # -- keeping it current ----------------------------------------------------------------

    def set_person(self, person_id: str, name: str) -> None:
        """A person's name as hits show it (after adding or renaming someone)."""
        with self._lock:
            self._names[person_id] = name

    def add(self, entry: Entry) -> None:
        """Index an entry just written (or replace the version indexed)."""
        key = text_key(entry.text)
        order = order_of_entry(entry)
        with self._lock:
            if entry.id in self._slot_of:
                self._drop([self._slot_of[entry.id]])
            if entry.person_id in self._forgotten:
                return
            slot = len(self._ids)
            chunk = Chunk([slot], [key], [0])
            self._append_slot(slot, entry, order, chunk)
            self._chunks.append(chunk)
            if self._fts is not None:
                self._fts_insert(chunk, [0])
            if len(self._chunks) > 1 and len(self._chunks[-2].slots) < CHUNK_SIZE:
                self._merge_last_two()

    update = add

    def remove(self, entry_id: str) -> None:
        """Forget an entry that was deleted."""
        with self._lock:
            slot = self._slot_of.get(entry_id)
            if slot is None:
                if not self._complete:
                    self._removed.add(entry_id)
                return
            self._drop([slot])

    def forget_person(self, person_id: str) -> None:
        """Drop everything of a person who was erased: entries, keys and name."""
        with self._lock:
            self._forgotten.add(person_id)
            self._names.pop(person_id, None)
            slots = [s for s, owner in enumerate(self._persons) if owner == person_id]
            self._drop([s for s in slots if self._ids[s] is not None])

    def _drop(self, slots: list[int]) -> None:
        by_chunk: dict[int, tuple[Chunk, set[int]]] = {}
        for slot in slots:
            chunk = self._where[slot]
            assert chunk is not None
            by_chunk.setdefault(id(chunk), (chunk, set()))[1].add(slot)
            if self._fts is not None and self._in_fts[slot]:
                table = self._fts_table(slot)
                self._fts.execute(
                    f"INSERT INTO {table} ({table}, rowid, key) VALUES ('delete', ?, ?)",
                    [slot, without_line_breaks(chunk.key(chunk.index[slot]))],
                )
                self._in_fts[slot] = 0
            del self._slot_of[self._ids[slot]]  # type: ignore[arg-type]
            self._ids[slot] = None
            self._entries[slot] = None
            self._where[slot] = None
        for chunk, dropped in by_chunk.values():
            position = self._chunks.index(chunk)
            rebuilt = chunk.without(dropped)
            if rebuilt.slots:
                self._chunks[position] = rebuilt
                for slot in rebuilt.slots:
                    self._where[slot] = rebuilt
            else:
                del self._chunks[position]

    def _merge_last_two(self) -> None:
        first, second = self._chunks[-2], self._chunks[-1]
        keys = [
            c.blob[c.starts[i] : c.starts[i + 1]]
            for c in (first, second)
            for i in range(len(c.slots))
        ]
        offsets = [c.texts[i] - c.starts[i] for c in (first, second) for i in range(len(c.slots))]
        merged = Chunk(first.slots + second.slots, keys, offsets)
        self._chunks[-2:] = [merged]
        for slot in merged.slots:
            self._where[slot] = merged

    def close(self) -> None:
        """Let go of every text and key (when the journal locks)."""
        with self._lock:
            if self._fts is not None:
                self._fts.close()
            self._empty()

    # -- searching -------------------------------------------------------------------------

    def search(
        self,
        query: str | Sequence[str] | Query,
        *,
        person_id: str | None = None,
        limit: int | None = None,
    ) -> Hits:
        """The entries where every word (or phrase) of `query` appears, newest first."""
        if not isinstance(query, Query):
            query = parse_query(query)
        hits = Hits()
        with self._lock:
            hits.complete = self._complete
            if not query:
                return hits
            if self._warm:
                slots = self._candidates_from_words(query, person_id)
            else:
                slots = self._candidates_from_scan(query, person_id)
            hits.total = len(slots)
            orders = self._orders
            if limit is not None and limit < len(slots):
                slots = heapq.nlargest(limit, slots, key=orders.__getitem__)
            else:
                slots.sort(key=orders.__getitem__, reverse=True)
            shown = [(self._ids[s], self._entries[s]) for s in slots]
            names = dict(self._names)
            journal = self._journal
        missing = [entry_id for entry_id, held in shown if held is None]
        fetched = journal.entries_by_id(missing) if missing and journal is not None else {}
        for entry_id, held in shown:
            entry = held or fetched.get(entry_id)  # type: ignore[arg-type]
            if entry is None:
                hits.total -= 1  # deleted since the search: the app will report it
                continue
            text_snippet, matches = snippet(entry.text, highlights(query, entry.text))
            hits.append(Hit(entry, names.get(entry.person_id, ""), text_snippet, tuple(matches)))
        return hits

    def _candidates_from_scan(self, query: Query, person_id: str | None) -> list[int]:
        first, *checks = query.ordered()
        persons = self._persons
        found = []
        for chunk in self._chunks:
            slots, starts, texts, blob = chunk.slots, chunk.starts, chunk.texts, chunk.blob
            for i in chunk.find(first):
                slot = slots[i]
                if person_id is not None and persons[slot] != person_id:
                    continue
                if all(term.found_in(blob, texts[i], starts[i + 1]) for term in checks):
                    found.append(slot)
        return found

    def _candidates_from_words(self, query: Query, person_id: str | None) -> list[int]:
        assert self._fts is not None
        match = query.fts()
        rows = [
            row
            for table in self._fts_tables
            for row in self._fts.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [match]
            )
        ]
        ids, persons = self._ids, self._persons
        if person_id is None:
            return [slot for (slot,) in rows if ids[slot] is not None]
        return [slot for (slot,) in rows if ids[slot] is not None and persons[slot] == person_id]


def _open_fts() -> sqlite3.Connection:
    fts = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    fts.execute("PRAGMA temp_store=MEMORY")
    fts.execute("CREATE VIRTUAL TABLE probe USING fts5(key)")  # no FTS5: sqlite3.Error here
    fts.execute("DROP TABLE probe")
    return fts
