"""Search in the app: the sealed word indexes read after unlock, kept current, dropped on lock.

The app starts reading the indexes shortly after the people list is shown (`start`, a
thread worker: `StoredIndex.load` opens each person's sealed word index, and rebuilds
in the worker those missing, for a vault of an older schema or one written by a
version without them), re-reads a person's index when told of a change (`entry_saved`:
the store rewrote it in the note's transaction; `person_changed`, `person_forgotten`,
views/messages.py) and drops it at a lock or the exit (`drop`). Only the compact
indexes are held (words and bitmaps, no text): the notes shown are read when a search
shows them. While it loads, a search answers from the people already read and says how
far it got (the search screen, views/screens/search.py, searches again every half
second until `Hits.complete`).

Practice notes get an index of their own rather than sharing the people's: `/` searches
the stories of the people accompanied, and a worker's reflective notes about
themselves should not turn up among them (or on a screen shown to a person); the
practice journal's own search (`/` there) reads only them. Both indexes live in
memory only and go on lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from journal.search import Hit, Hits, SearchIndex
from journal.search.stored import StoredIndex
from journal.store.practice import PRACTICE

if TYPE_CHECKING:
    from journal.model import Entry
    from journal.store import Journal
    from views.shell import DentelleApp

RESULT_LIMIT = 200
"""Hits shown at most: the newest; the status line still counts them all."""


class IndexDropped(Exception):
    """Raised inside the loading worker once the index was dropped (a lock)."""


class SearchKeeper:
    """Holds the app's search indexes for as long as the journal is open."""

    def __init__(self, app: DentelleApp) -> None:
        self._app = app
        self.index: StoredIndex | None = None
        self.practice: SearchIndex | None = None
        self.failed = False
        """The index could not be built (the status says so instead of waiting forever)."""

    # -- life cycle -------------------------------------------------------------------

    def start(self, journal: Journal) -> None:
        """Build the index of every story in a thread worker (unlock must not wait for it)."""
        self.drop()
        index = self.index = StoredIndex()
        self.failed = False
        self._app.run_worker(
            lambda: self._build(index, journal),
            name="search index",
            group="journal-search",  # "journal-": a lock cancels it and waits (session.py)
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _build(self, index: StoredIndex, journal: Journal) -> None:
        worker = get_current_worker()

        def still_wanted(_done: int = 0, _total: int = 0) -> None:
            # Called after reading, then every few people rebuilt: a lock stops it soon.
            if worker.is_cancelled or self.index is not index:
                raise IndexDropped

        try:
            index.load(journal, progress=still_wanted)
        except IndexDropped:
            pass
        except Exception:  # noqa: BLE001 (a damaged row, or the journal closed by a lock)
            if self.index is index:
                self.failed = True
        finally:
            if self.index is not index:
                index.close()  # dropped meanwhile: nothing read after the lock stays

    def drop(self) -> None:
        """Let go of every key and text both indexes hold (on lock and on exit)."""
        for index in (self.index, self.practice):
            if index is not None:
                index.close()
        self.index = self.practice = None

    # -- keeping it current -----------------------------------------------------------

    def entry_saved(self, entry_id: str) -> None:
        """An entry was written or edited: index its current version, and its person's name."""
        journal = self._app.journal
        if self.index is None or journal is None:
            return
        with contextlib.suppress(Exception):  # the index is a convenience: never fail a save
            entry = journal.entry(entry_id)
            self.index.set_person(entry.person_id, journal.person(entry.person_id).name)
            self.index.refresh(entry.person_id)  # as the store rewrote it with the note

    def person_changed(self, person_id: str) -> None:
        """A person was added or renamed: hits show the new name."""
        journal = self._app.journal
        if self.index is None or journal is None:
            return
        with contextlib.suppress(Exception):
            self.index.set_person(person_id, journal.person(person_id).name)

    def person_forgotten(self, person_id: str) -> None:
        """A person was erased: their keys and name leave the index too."""
        if self.index is not None:
            self.index.forget_person(person_id)

    # -- searching --------------------------------------------------------------------

    def search_all(self, text: str) -> Sequence[Hit]:
        """Every story; nothing at all once the journal is locked (`index` is None)."""
        index = self.index
        if index is None:
            return Hits()
        hits = index.search(text, limit=RESULT_LIMIT)
        if self.failed:
            hits.complete = True  # no more is coming: stop asking
        return hits

    def progress(self) -> tuple[int, int]:
        index = self.index
        return index.progress if index is not None else (0, 0)

    def practice_index(self, notes: list[Entry], label: str) -> None:
        """Index the practice notes (a few hundred at most: done on the spot).

        Called each time the practice journal loads them, after every new or deleted
        note too, so it never needs keeping current note by note.
        """
        if self.practice is not None:
            self.practice.close()
        index = SearchIndex()
        index.set_person(PRACTICE, label)
        for note in notes:
            index.add(note)
        self.practice = index

    def search_practice(self, text: str) -> Sequence[Hit]:
        index = self.practice
        if index is None:
            return Hits()
        hits = index.search(text, person_id=PRACTICE, limit=RESULT_LIMIT)
        # Filled with `add`, never `load`, so it never calls itself complete; it is.
        hits.complete = True
        return hits
