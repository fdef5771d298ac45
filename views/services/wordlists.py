"""The word lists of the pertinence check, loaded once per app, never on the UI thread.

Loading the lists (and, with lemmas, their word forms) takes 20–200 ms: on the UI thread
that is a visible stall of the keyboard. So they are read by a worker shortly after
unlock, with the search index, and a ctrl+s that comes first waits for that worker (it
does not load them itself): `with_checker` hands the checker over when it is ready. The
lists hold no one's data, so they outlive a lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from journal.pertinence import Checker

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker


class WordLists:
    """The shipped word lists, plus those of the worker's or service's own folder."""

    def __init__(self, app: App, folder: Path, lang: str) -> None:
        self._app = app
        self._folder = folder
        self._lang = lang
        self._checker: Checker | None = None
        self._loading: Worker | None = None
        self._waiting: list[Callable[[Checker | None], object]] = []

    @property
    def ready(self) -> Checker | None:
        """The checker if it is loaded, else None (never loads)."""
        return self._checker

    def with_checker(self, then: Callable[[Checker | None], object]) -> None:
        """Call `then(checker)` on the UI thread: at once when the lists are loaded,
        else once a worker has read them. `then(None)` when they cannot be read: a
        broken list must never stop a note being saved."""
        if self._checker is not None:
            then(self._checker)
            return
        self._waiting.append(then)
        self.load_soon()

    def load_soon(self) -> None:
        """Read the lists in a worker, unless they are loaded or being loaded."""
        if self._checker is not None or self._loading is not None:
            return
        # The coroutine function, not a coroutine: made only when the worker runs (an app
        # closed before it started left one never awaited).
        self._loading = self._app.run_worker(self._load, group="pertinence", exit_on_error=False)

    async def _load(self) -> None:
        try:
            # The reading runs in a thread; what follows the await runs on the UI thread.
            checker: Checker | None = await asyncio.to_thread(self._read)
        except asyncio.CancelledError:  # the app is closing: nobody is waiting any more
            self._loading, self._waiting = None, []
            raise
        except Exception:  # noqa: BLE001 (a broken list: save without a word, no traceback)
            checker = None
        self._loading, self._checker = None, checker
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            # Through the app's loop, as a key's action would be: an error in what
            # follows (the save) reaches the app's safe crash, not a silent worker.
            self._app.call_later(then, checker)

    def _read(self) -> Checker:
        return Checker.load(extra_dirs=[self._folder], ui_lang=self._lang)
