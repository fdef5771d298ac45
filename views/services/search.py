"""Search in the app: the in-memory index built after unlock, kept current, dropped on lock.

Who calls what:

| caller                                 | calls                                          |
|----------------------------------------|------------------------------------------------|
| `DentelleApp.journal_opened`           | `SearchKeeper.start(journal)`: `load` then     |
|                                        | `warm_up` in a thread worker                   |
| `DentelleApp.action_lock`, `on_unmount`| `SearchKeeper.drop()`: every key and text goes |
| `TimelineScreen` after an entry is saved | `entry_saved(entry_id)`                      |
| `TimelineScreen` after a rename        | `person_changed(person_id)`                    |
| deleting an entry, forgetting a person | `entry_deleted`, `person_forgotten`            |
| `/`, the palette                       | `open_search(app)`                             |
| `PracticeScreen`                       | `practice_index(notes)`, `search_practice`     |

The screen itself is the colleague's self-contained `views.search_screen.SearchScreen`;
`ChosenSearchScreen` only decides what Enter on a hit does. While the index loads, a
search answers from the entries already read and says how far it got (the screen
searches again every half second until `Hits.complete`).

Practice notes get an index of their own rather than sharing the people's: `/` searches
the stories of the people accompanied, and a worker's reflective notes about
themselves should not turn up among them (or on a screen shown to a person); the
practice journal's own search (`/` there) reads only them. Both indexes live in
memory only and go on lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from journal.i18n import translate
from journal.practice import PRACTICE
from journal.search import Hit, Hits, SearchIndex
from views import reflect_strings  # noqa: F401  (registers the messages)
from views.screens.search import ChosenSearchScreen

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
        self.app = app
        self.index: SearchIndex | None = None
        self.practice: SearchIndex | None = None
        self.failed = False
        """The index could not be built (the status says so instead of waiting forever)."""

    # -- life cycle -------------------------------------------------------------------

    def start(self, journal: Journal) -> None:
        """Build the index of every story in a thread worker (unlock must not wait for it)."""
        self.drop()
        index = self.index = SearchIndex()
        self.failed = False
        self.app.run_worker(
            lambda: self._build(index, journal),
            name="search index",
            group="journal-search",  # "journal-": a lock cancels it and waits (shell.py)
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _build(self, index: SearchIndex, journal: Journal) -> None:
        worker = get_current_worker()

        def still_wanted(_done: int = 0, _total: int = 0) -> None:
            # Called every 1,000 entries: a lock stops the reading within milliseconds.
            if worker.is_cancelled or self.index is not index:
                raise IndexDropped

        try:
            index.load(journal, progress=still_wanted)
            still_wanted()
            index.warm_up(progress=still_wanted)
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
        journal = self.app.journal
        if self.index is None or journal is None:
            return
        with contextlib.suppress(Exception):  # the index is a convenience: never fail a save
            entry = journal.entry(entry_id)
            self.index.set_person(entry.person_id, journal.person(entry.person_id).name)
            self.index.update(entry)

    def person_changed(self, person_id: str) -> None:
        """A person was added or renamed: hits show the new name."""
        journal = self.app.journal
        if self.index is None or journal is None:
            return
        with contextlib.suppress(Exception):
            self.index.set_person(person_id, journal.person(person_id).name)

    def entry_deleted(self, entry_id: str) -> None:
        if self.index is not None:
            self.index.remove(entry_id)

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


def open_search(app: DentelleApp) -> None:
    """`/` and "recherche : Chercher…": every story; Enter opens the entry in its timeline."""
    app.ensure_reflect_started()  # searching before the delayed start: start it now
    keeper = app.search_keeper
    if app.journal is None or keeper.index is None:
        return

    async def chosen(hit: Hit) -> None:
        await app.show_person(hit.person_id, select=hit.id)

    app.push_screen(
        ChosenSearchScreen(keeper.search_all, chosen, lang=app.lang, progress=keeper.progress)
    )


def practice_search_screen(
    app: DentelleApp, chosen: Callable[[Hit], Awaitable[None] | None]
) -> ChosenSearchScreen:
    keeper = app.search_keeper
    return ChosenSearchScreen(
        keeper.search_practice,
        chosen,
        lang=app.lang,
        placeholder=translate("practice.search_placeholder", app.lang),
    )
