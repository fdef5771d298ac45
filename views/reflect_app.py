"""The app's side of search and reflective writing, mixed into `DentelleApp`.

Kept out of `views/shell.py` so that the shell stays small and shared: the shell calls
`reflect_unlocked` when the journal opens and `reflect_locked` when it closes, lists
`reflect_commands` in the palette, and gets the actions below for its bindings.

| action / method       | key, palette                         | opens                         |
|-----------------------|--------------------------------------|-------------------------------|
| `action_search`       | `/`, "recherche : Chercher…"         | `ChosenSearchScreen` (search) |
| `action_practice`     | `j` (people list), "pratique : …"    | `PracticeScreen`              |
| `action_soon`         | `s`, "bientôt : Qui pourrait passer" | `SoonScreen`                  |
| `pertinence_checker`  | ctrl+s in the editor                 | `PertinenceScreen` if needed  |
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen
from textual.worker import get_current_worker

from journal.i18n import translate
from journal.pertinence import Checker
from views import reflect_strings  # noqa: F401  (registers the messages)
from views.services.search import SearchKeeper, open_search

if TYPE_CHECKING:
    from journal.store import Journal

REFLECT_ACTIONS = frozenset({"search", "soon", "practice"})
"""Actions that need an open journal (the shell's `check_action` greys them out)."""


class ReflectActions:
    """Search, the practice journal, the soon view and the pertinence check of the app."""

    _pertinence: Checker | None = None

    @cached_property
    def search_keeper(self) -> SearchKeeper:
        return SearchKeeper(self)

    def pertinence_checker(self) -> Checker:
        """The session's word lists (shipped, plus the worker's or service's own folder).

        Loaded once (20–50 ms), usually by the unlock worker; it holds no one's data, so
        it outlives a lock.
        """
        checker = self._pertinence
        if checker is None:
            checker = Checker.load(extra_dirs=[self.config.wordlists_dir], ui_lang=self.lang)
            self._pertinence = checker
        return checker

    def reflect_unlocked(self, journal: Journal) -> None:
        """The journal is open: build the search index, and load the word lists, in workers."""
        self.search_keeper.start(journal)
        if self._pertinence is None:
            self.run_worker(
                self._load_checker, thread=True, group="pertinence", exit_on_error=False
            )

    def _load_checker(self) -> None:
        if not get_current_worker().is_cancelled:
            self.pertinence_checker()

    def reflect_locked(self) -> None:
        """The journal closed: the index lets go of every key and text it held."""
        self.search_keeper.drop()

    # -- actions ----------------------------------------------------------------------

    def action_search(self) -> None:
        open_search(self)

    async def action_practice(self) -> None:
        from views.screens.practice import PracticeScreen, open_practice

        if not isinstance(self.screen, PracticeScreen):
            await open_practice(self)

    async def action_soon(self) -> None:
        from views.screens.soon import SoonScreen

        if self.journal is not None and not isinstance(self.screen, SoonScreen):
            await self.push_screen(SoonScreen())

    async def _new_practice_note(self) -> None:
        from views.screens.practice import PracticeScreen

        await self.action_practice()
        if isinstance(self.screen, PracticeScreen):
            self.screen.action_new_note()

    def reflect_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Palette entries ("group: Action") while the journal is open."""
        from views.screens.timeline import TimelineScreen

        def t(key: str) -> str:
            return translate(key, self.lang)

        if isinstance(screen, TimelineScreen):
            yield SystemCommand(t("cmd.rhythm"), t("cmd.rhythm.help"), screen.action_rhythm)
        yield SystemCommand(t("cmd.search"), t("cmd.search.help"), self.action_search)
        yield SystemCommand(t("cmd.practice"), t("cmd.practice.help"), self.action_practice)
        yield SystemCommand(
            t("cmd.practice_new"), t("cmd.practice_new.help"), self._new_practice_note
        )
        yield SystemCommand(t("cmd.soon"), t("cmd.soon.help"), self.action_soon)


def reflect_sections() -> list[tuple[type, str, list]]:
    """The help screen's sections for the screens of this module (same shape as its own)."""
    from views.screens.help import _bindings
    from views.screens.pertinence import PertinenceScreen
    from views.screens.practice import PracticeEditorScreen, PracticeScreen
    from views.screens.soon import SoonList, SoonScreen

    return [
        (PracticeScreen, "key.group.practice", _bindings(PracticeScreen, PracticeEditorScreen)),
        (SoonScreen, "key.group.soon", _bindings(SoonScreen, SoonList)),
        (PertinenceScreen, "key.group.pertinence", _bindings(PertinenceScreen)),
    ]
