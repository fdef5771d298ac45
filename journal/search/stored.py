"""Search from the sealed word indexes: open index data, not every note.

`StoredIndex.load` reads every person's index (`Journal.word_indexes`: one row each,
opened, decompressed and checked against the notes it covers) and rebuilds the ones
missing or not trusted (`Journal.rebuild_word_indexes`, a few people at a time so that
a lock never waits long). What stays in memory is the compact form of
`journal.search.postings`: for each person, their sorted words and one bitmap per word
(~11 MB at 50,000 notes), never the notes' texts.

A search ANDs the bitmaps of the query's words in each person's index, takes the newest
matches across people in order (each person's notes are stored newest first), and opens
only the notes it shows (`Journal.entries_by_id`), for their snippets. A phrase is
answered from its words, then checked on the opened candidates; so is the total.

Same queries and the same answers as `journal.search.index.SearchIndex` (the in-memory
index of notes, still used for the practice journal): a property test compares them.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from journal.model import Entry
from journal.search.hits import Hit, Hits
from journal.search.postings import PersonIndex, record_id, set_bits
from journal.search.text import Query, Term, highlights, parse_query, payload_key, snippet

if TYPE_CHECKING:
    from journal.store import Journal

Progress = Callable[[int, int], None]
WORDS_KEPT = 64  # words whose matches are kept (a few MB at most at 250,000 notes)
REBUILD_BATCH = 50  # people rebuilt per call (each call holds the journal for its length)


class StoredIndex:
    """Every person's word index, opened from the vault and held compact in memory.

    Thread-safe like `SearchIndex`: `load` may run in a worker while searches run.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._empty()

    def _empty(self) -> None:
        self._people: dict[str, PersonIndex] = {}
        # Recent words → {person: their notes holding it}: a word searched again (a
        # query typed on, a search repeated) skips every person's vocabulary.
        self._words: dict[tuple[bytes, bool] | Term, dict[str, int]] = {}
        self._names: dict[str, str] = {}
        self._forgotten: set[str] = set()
        self._journal: Journal | None = None
        self._complete = False
        self._loaded = 0
        self._expected = 0

    @classmethod
    def build(cls, journal: Journal, *, progress: Progress | None = None) -> StoredIndex:
        index = cls()
        index.load(journal, progress=progress)
        return index

    @property
    def progress(self) -> tuple[int, int]:
        """(notes indexed, notes expected) while `load` runs; equal once done."""
        return self._loaded, max(self._loaded, self._expected)

    @property
    def complete(self) -> bool:
        return self._complete

    warm = complete

    def __len__(self) -> int:
        return sum(len(index) for index in self._people.values())

    @property
    def nbytes(self) -> int:
        """What the indexes held take (their bytes), for the benchmarks."""
        return sum(len(i.vocab) + len(i.bits) + len(i.records_blob) for i in self._people.values())

    # -- loading ---------------------------------------------------------------------------

    def load(
        self,
        journal: Journal,
        *,
        person_id: str | None = None,
        progress: Progress | None = None,
        rebuilding: Callable[[int], None] | None = None,
    ) -> None:
        """Open every person's index (or one person's); rebuild those that must be
        (`rebuilding` is told how many people first: it takes a while)."""
        with self._lock:
            self._journal = journal
        missing: list[str] = []
        for owner, index, notes in journal.word_indexes(person_id):
            self._expected += notes
            if index is None:
                missing.append(owner)
            else:
                self._publish({owner: index})
        if progress is not None:
            progress(*self.progress)
        if missing and rebuilding is not None:
            rebuilding(len(missing))
        for start in range(0, len(missing), REBUILD_BATCH):
            self._publish(journal.rebuild_word_indexes(missing[start : start + REBUILD_BATCH]))
            if progress is not None:
                progress(*self.progress)
        with self._lock:
            self._complete = True

    def _publish(self, built: dict[str, PersonIndex]) -> None:
        with self._lock:
            self._words.clear()
            for owner, index in built.items():
                if owner in self._forgotten:
                    continue
                previous = self._people.get(owner)
                self._loaded += len(index) - (len(previous) if previous else 0)
                self._people[owner] = index

    # -- keeping it current ----------------------------------------------------------------

    def refresh(self, person_id: str) -> None:
        """Read a person's index again (the store rewrote it with their change)."""
        journal = self._journal
        if journal is None:
            return
        for owner, index, _ in journal.word_indexes(person_id):
            if index is None:
                index = journal.rebuild_word_indexes([owner])[owner]
            self._publish({owner: index})

    def update(self, entry: Entry) -> None:
        self.refresh(entry.person_id)

    add = update

    def set_person(self, person_id: str, name: str) -> None:
        with self._lock:
            self._names[person_id] = name

    def forget_person(self, person_id: str) -> None:
        with self._lock:
            self._forgotten.add(person_id)
            self._words.clear()
            self._names.pop(person_id, None)
            self._people.pop(person_id, None)

    def close(self) -> None:
        with self._lock:
            self._empty()

    # -- searching -------------------------------------------------------------------------

    def search(
        self,
        query: str | Sequence[str] | Query,
        *,
        person_id: str | None = None,
        limit: int | None = None,
    ) -> Hits:
        """The notes where every word (or phrase) of `query` appears, newest first."""
        if not isinstance(query, Query):
            query = parse_query(query)
        hits = Hits()
        with self._lock:
            hits.complete = self._complete
            journal = self._journal
            if not query or journal is None:
                return hits
            if person_id is None:
                found = self._matches(query)
            elif person_id in self._people:
                index = self._people[person_id]
                bits = index.matches(query)
                found = [(person_id, index, bits)] if bits else []
                if found and any(len(term.words) > 1 for term in query.terms):
                    found = self._phrases_checked(journal, query, found)
            else:
                found = []
        hits.total = sum(bits.bit_count() for _, _, bits in found)
        shown = _newest(found, limit)
        opened = journal.entries_by_id(shown) if shown else {}
        for entry_id in shown:
            entry = opened.get(entry_id)
            if entry is None:
                hits.total -= 1  # deleted since the index was read: the app will report it
                continue
            text_snippet, matches = snippet(entry.text, highlights(query, entry.text))
            hits.append(
                Hit(entry, self._name(journal, entry.person_id), text_snippet, tuple(matches))
            )
        return hits

    def _matches(self, query: Query) -> list[tuple[str, PersonIndex, int]]:
        """Every person's notes holding all the terms of the query (lock held)."""
        found = sorted((self._term(term) for term in query.terms), key=len)
        return [(owner, self._people[owner], bits) for owner, bits in _intersection(found).items()]

    def _term(self, term: Term) -> dict[str, int]:
        """{person: their notes holding the term}; a phrase's candidates opened once."""
        words = [
            self._word(word.encode("utf-8", "surrogatepass"), prefix)
            for word, prefix in zip(term.words, term.prefix, strict=True)
        ]
        if len(words) == 1:
            return words[0]
        found = self._words.get(term)  # type: ignore[call-overload]
        if found is None:
            candidates = [
                (owner, self._people[owner], bits)
                for owner, bits in _intersection(sorted(words, key=len)).items()
            ]
            checked = self._phrases_checked(self._journal, Query((term,)), candidates)
            found = {owner: bits for owner, _, bits in checked}
            self._keep(term, found)
        return found

    def _word(self, word: bytes, prefix: bool) -> dict[str, int]:
        found = self._words.get((word, prefix))
        if found is None:
            found = {}
            for owner, index in self._people.items():
                bits = index.word_bits(word, prefix)
                if bits:
                    found[owner] = bits
            self._keep((word, prefix), found)
        return found

    def _keep(self, key: object, found: dict[str, int]) -> None:
        if len(self._words) >= WORDS_KEPT:
            self._words.pop(next(iter(self._words)))
        self._words[key] = found  # type: ignore[index]

    @staticmethod
    def _phrases_checked(
        journal: Journal, query: Query, found: list[tuple[str, PersonIndex, int]]
    ) -> list[tuple[str, PersonIndex, int]]:
        """Keep the candidates whose text holds every phrase, words in order.

        The index has no positions: the candidates (notes holding all the words) are
        opened, unparsed, and their keys looked into like the in-memory scan does.
        """
        phrases = [term for term in query.terms if len(term.words) > 1]
        where = {}
        for n, (_, index, bits) in enumerate(found):
            for i in set_bits(bits):
                where[record_id(index.records[i])] = (n, i)
        kept_bits = [0] * len(found)
        for entry_id, _, _, payload in journal.opened_by_id(where):
            key, text_at = payload_key(payload)
            if all(term.found_in(key, text_at, len(key)) for term in phrases):
                n, i = where[entry_id]
                kept_bits[n] |= 1 << i
        return [
            (owner, index, bits)
            for (owner, index, _), bits in zip(found, kept_bits, strict=True)
            if bits
        ]

    def _name(self, journal: Journal, person_id: str) -> str:
        with self._lock:
            name = self._names.get(person_id)
        if name is None:
            try:
                name = journal.person(person_id).name
            except Exception:  # noqa: BLE001 (forgotten meanwhile: shown without a name)
                return ""
            with self._lock:
                self._names[person_id] = name
        return name


def _intersection(found: list[dict[str, int]]) -> dict[str, int]:
    """Per person, the notes in every one of `found` (smallest first is fastest)."""
    first, *others = found
    result = {}
    for owner, bits in first.items():
        for other in others:
            bits &= other.get(owner, 0)
            if not bits:
                break
        else:
            result[owner] = bits
    return result


def _newest(found: list[tuple[str, PersonIndex, int]], limit: int | None) -> list[str]:
    """The ids of the newest `limit` matches across people. Each person's records are
    oldest first (the highest bit is the newest): a heap holds each person's next match,
    orders inverted byte by byte so that the newest comes out first."""
    heap = []
    for n, (_, index, bits) in enumerate(found):
        i = bits.bit_length() - 1
        heap.append((_inverted_order(index.records[i]), n, i, bits ^ (1 << i)))
    heapq.heapify(heap)
    shown: list[str] = []
    while heap and (limit is None or len(shown) < limit):
        _, n, i, rest = heap[0]
        records = found[n][1].records
        shown.append(record_id(records[i]))
        if rest:
            j = rest.bit_length() - 1
            heapq.heapreplace(heap, (_inverted_order(records[j]), n, j, rest ^ (1 << j)))
        else:
            heapq.heappop(heap)
    return shown


_INVERT = bytes(range(255, -1, -1))


def _inverted_order(line: bytes) -> bytes:
    """The record's order with every byte inverted, so that a newer one sorts first (the
    final 0xFF keeps an order before any longer one that starts with it, as reversed)."""
    return line[: line.index(b"\t")].translate(_INVERT) + b"\xff"
