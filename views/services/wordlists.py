"""The word lists of the pertinence check, loaded once per app (20–50 ms).

Loaded by a thread worker shortly after unlock, with the search index, so that the
first ctrl+s does not wait for them; they hold no one's data, so they outlive a lock.
The editor asks for the checker when a note is saved (views/screens/pertinence.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from journal.pertinence import Checker

if TYPE_CHECKING:
    from textual.app import App


class WordLists:
    """The shipped word lists, plus those of the worker's or service's own folder."""

    def __init__(self, app: App, folder: Path, lang: str) -> None:
        self._app = app
        self._folder = folder
        self._lang = lang
        self._checker: Checker | None = None

    def checker(self) -> Checker:
        """The checker, loaded on the spot the first time if the worker has not yet."""
        checker = self._checker
        if checker is None:
            checker = Checker.load(extra_dirs=[self._folder], ui_lang=self._lang)
            self._checker = checker
        return checker

    def load_soon(self) -> None:
        """Load the lists in a thread worker, unless they are loaded already."""
        if self._checker is None:
            self._app.run_worker(self._load, thread=True, group="pertinence", exit_on_error=False)

    def _load(self) -> None:
        if not get_current_worker().is_cancelled:
            self.checker()
