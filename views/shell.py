"""The Dentelle app itself: its services, the screen stack, locking, safe crashes.

Who holds what:

- the open `Journal`: the session (`DentelleApp.session`, views/services/session.py),
  until a lock (ctrl+l, idle) or the exit;
- people rows, a person's story, the text being written: their screens, removed at a
  lock (the text is kept first, as an encrypted draft);
- the search index: `DentelleApp.search_keeper` (views/services/search.py), dropped at
  a lock;
- the backup under way: `DentelleApp.backups` (views/services/backup.py), cancelled by
  a lock.

A screen that changes the journal posts a message (views/messages.py); the app tells
the search index and every screen (`_tell_screens`), and closes what still shows a
person forgotten. Screens never call one another.

Locking closes the journal (keys dropped), removes every screen that showed decrypted
data and puts the unlock screen back. It is the app's own act, done in one go
(`action_lock`) before the next key is read, not a message. Everything a worker types
or reads is shown as text, never markup, and through `journal.text.strip_controls`.

Framework leaks closed here (see docs/dev/textual-notes.md): crash tracebacks with
local variables (`_handle_exception`, `panic`), screenshots to disk (palette entry,
views/commands.py; `save_screenshot`, `deliver_screenshot`, the `app.screenshot`
action).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import WorkerFailed

from journal.config import Config
from journal.i18n import translate
from journal.vault import Vault
from views import actions
from views.commands import PeopleCommands, system_commands
from views.messages import (
    EntrySaved,
    JournalChange,
    PersonChanged,
    PersonForgotten,
    PersonKept,
    PersonRemoved,
)
from views.screens.base import DentelleScreen
from views.services.backup import Backups, BackupState
from views.services.notices import Notices
from views.services.search import SearchKeeper
from views.services.session import Session
from views.services.wordlists import WordLists
from views.ui import localize_bindings
from views.widgets.wrap import keep_french_spaces

if TYPE_CHECKING:
    from journal.model import Draft
    from journal.store import Journal
    from views.screens.people import PeopleScreen

keep_french_spaces()  # no line break before " ;" or "€" (views/widgets/wrap.py)

# Input that counts as the worker being there (App.on_event sees it before any widget).
ACTIVITY_EVENTS = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)

REFLECT_DELAY = 2.0  # seconds after the people list is shown
REFLECT_FALLBACK_DELAY = 5.0  # seconds after unlock, if the list never says it is shown
JOURNAL_ACTIONS = frozenset({"lock", "search", "soon", "practice"})
"""Actions that need an open journal (greyed out while locked)."""


def local_now() -> datetime:
    return datetime.now().astimezone()


class DentelleApp(App[None]):
    """One worker's journal: unlock, people, stories, writing, search, backup, rights."""

    CSS_PATH = "app.tcss"
    TITLE = "Dentelle"
    COMMANDS = App.COMMANDS | {PeopleCommands}

    BINDINGS = [
        Binding("ctrl+l", "lock", "key.app.lock", priority=True, id="app.lock"),
        Binding("f1,question_mark", "help", "key.app.help", key_display="F1", id="app.help"),
        # Not in the footers (no room at 80 columns): the people screen's footer and status
        # line show them, the help lists them under "Everywhere".
        Binding("slash", "search", "key.app.search", key_display="/", show=False, id="app.search"),
        Binding("s", "soon", "key.app.soon", show=False, id="app.soon"),
        # Shown in the footer of the unlock and people screens only: room is short at 80
        # columns, and those are the screens one leaves the app from.
        Binding("ctrl+q", "quit", "key.app.quit", show=False, id="app.quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "key.app.palette",
            priority=True,
            show=False,  # the footer shows it on the right already
            id="app.palette",
        ),
    ]

    def __init__(
        self,
        vault: Vault,
        *,
        lang: str,
        clock: Callable[[], datetime] | None = None,
        config: Config | None = None,
        demo_passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.vault = vault
        self.lang = lang
        self.clock: Callable[[], datetime] = clock or local_now
        self.config = config or Config()
        self.demo_passphrase = demo_passphrase
        self.session = Session(self, self.config.idle_lock_minutes)
        self.search_keeper = SearchKeeper(self)
        self.backups = Backups(self)
        self.notices = Notices()
        self.wordlists = WordLists(self, self.config.wordlists_dir, lang)
        self.handle_signals = False
        """Set by `run_app`: a closed terminal (SIGHUP) exits cleanly, saving drafts."""
        self._locking = False
        self._reflect_pending: Journal | None = None
        localize_bindings(self, lang)

    # -- helpers ----------------------------------------------------------------------

    def t(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    @property
    def journal(self) -> Journal | None:
        """The open journal (the session's), None while locked."""
        return self.session.journal

    @property
    def backup_state(self) -> BackupState | None:
        """The last backup of this session (`Backups.state`)."""
        return self.backups.state

    @property
    def backup_running(self) -> bool:
        return self.backups.running

    # -- start, unlock, lock ------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(self._locked_screen())
        # Import the screens that follow the unlock while the worker types: imported at
        # the moment the passphrase is accepted, they stalled the loop ~0.1 s.
        self.set_timer(0.2, self._preload_screens)
        self.set_interval(min(1.0, self.session.idle_lock_seconds / 4), self.lock_if_idle)
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(signum, self.exit)

    @staticmethod
    def _preload_screens() -> None:
        import views.screens.editor  # noqa: F401
        import views.screens.people  # noqa: F401
        import views.screens.timeline  # noqa: F401

    def _locked_screen(self) -> Screen:
        from views.screens.first_run import FirstRunScreen
        from views.screens.unlock import UnlockScreen

        return UnlockScreen() if self.vault.exists() else FirstRunScreen()

    def journal_opened(self, journal: Journal) -> None:
        """The unlock (or first-run) screen hands over an open journal."""
        from views.screens.people import PeopleScreen

        self.session.open(journal)
        self.switch_screen(PeopleScreen())
        # The search index and word lists are built shortly after the people list is on
        # screen (`people_list_shown`), or at once when search is asked for. Started at
        # unlock, their worker (about 1.5 s of Python at 50,000 entries, holding the GIL
        # in turns) competed with the list's own decryption: passphrase-to-list went
        # from ~0.3 s to ~0.8 s. A timer starts them anyway if the list never says it
        # is shown (a load that failed).
        self._reflect_pending = journal
        self.set_timer(REFLECT_FALLBACK_DELAY, self.ensure_reflect_started)
        self.refresh_bindings()

    def people_list_shown(self) -> None:
        """The people list is painted: build the search index a moment later."""
        self.set_timer(REFLECT_DELAY, self.ensure_reflect_started)

    def ensure_reflect_started(self) -> None:
        """Start building the search index (and loading the word lists) now, if not yet."""
        journal, self._reflect_pending = self._reflect_pending, None
        if journal is not None and journal is self.journal:
            self.search_keeper.start(journal)
            self.wordlists.load_soon()

    async def action_lock(self) -> None:
        """Keep drafts, drop the keys and every decrypted screen, show the unlock screen."""
        if self.journal is None or self._locking:
            return
        from views.screens.editor import EditorScreen
        from views.screens.unlock import UnlockScreen

        self._locking = True
        try:
            for screen in self.screen_stack:
                if isinstance(screen, EditorScreen):
                    screen.keep_draft()
            await self.session.close()
            self.search_keeper.drop()  # the search index: every key and text it held
            self.clear_notifications()  # a toast may name a person (forgotten, kept)
            while len(self.screen_stack) > 2:
                await self.pop_screen()
            await self.switch_screen(UnlockScreen())
        finally:
            self._locking = False
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        screen = self.screen_stack[-1] if self.screen_stack else None
        allowed = getattr(screen, "APP_ACTIONS", None)
        if allowed is not None and action not in allowed:
            return False  # e.g. no palette, search or help over the reading view
        if action in JOURNAL_ACTIONS:
            return self.journal is not None
        return True

    async def on_event(self, event: events.Event) -> None:
        # Every key and click passes here before bindings and focus, even keys that a
        # focused Input consumes: that is what "the worker is there" means.
        if isinstance(event, ACTIVITY_EVENTS) and not event.is_forwarded:
            self.session.touch()
        await super().on_event(event)

    async def lock_if_idle(self) -> None:
        if not self._locking and self.session.idle_too_long():
            await self.action_lock()

    async def on_unmount(self) -> None:
        # Screens (and an open editor, which keeps its draft) are gone by now. Workers
        # reading the journal finish first (`Session.close`).
        await self.session.close(quiet=True)
        self.search_keeper.drop()

    # -- what changed in the journal (views/messages.py) ---------------------------------

    def on_entry_saved(self, change: EntrySaved) -> None:
        self.search_keeper.entry_saved(change.entry_id)
        self._tell_screens(change)

    def on_person_changed(self, change: PersonChanged) -> None:
        self.search_keeper.person_changed(change.person_id)
        self._tell_screens(change)

    def on_person_kept(self, change: PersonKept) -> None:
        self._tell_screens(change)

    async def on_person_forgotten(self, change: PersonForgotten) -> None:
        await self.person_forgotten(change.person_id, change.name)

    async def on_person_removed(self, change: PersonRemoved) -> None:
        await self.person_forgotten(change.person_id, change.name, removed=True)

    async def person_forgotten(self, person_id: str, name: str, removed: bool = False) -> None:
        """After an erasure: no screen, list or index may still show the person."""
        self.search_keeper.person_forgotten(person_id)

        from views.screens.search import SearchScreen

        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):  # results a story was opened from
                screen.forget_person(person_id)

        def showing_them() -> bool:
            return any(
                isinstance(screen, DentelleScreen) and screen.shows_person(person_id)
                for screen in self.screen_stack
            )

        # Back to whatever was under their story: the people list, the review, results.
        while showing_them() and len(self.screen_stack) > 2:
            await self.pop_screen()
        self._tell_screens(PersonForgotten(person_id, name))
        done = "remove.app.done" if removed else "forget.app.done"
        self.notify(self.t(done, name=name), markup=False, timeout=10)

    def _tell_screens(self, change: JournalChange) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, DentelleScreen):
                screen.journal_changed(change)

    # -- notifications (held over the reading view: views/services/notices.py) -----------

    def notify(self, message: str, **options: Any) -> None:
        self.notices.show(partial(super().notify, message, **options))

    # -- navigation ------------------------------------------------------------------

    def people_screen(self) -> PeopleScreen | None:
        from views.screens.people import PeopleScreen

        for screen in self.screen_stack:
            if isinstance(screen, PeopleScreen):
                return screen
        return None

    async def show_people(self) -> None:
        """Back to the people list, closing whatever is above it (an editor keeps its draft)."""
        people = self.people_screen()
        if people is None:
            return
        while self.screen is not people and len(self.screen_stack) > 2:
            await self.pop_screen()

    async def show_person(
        self, person_id: str, draft: Draft | None = None, select: str | None = None
    ) -> None:
        """Open one person's story from anywhere (the palette, the people list, a search).

        With `draft`, the editor opens on it once the story is loaded; with `select` (an
        entry id), the cursor starts on that entry.
        """
        from views.screens.timeline import TimelineScreen

        if self.journal is None:
            return
        await self.show_people()
        await self.push_screen(TimelineScreen(person_id, resume=draft, select=select))

    async def resume_draft(self, draft: Draft) -> None:
        await actions.resume_draft(self, draft)

    def people_for_palette(self) -> list[tuple[str, str]]:
        """(id, cleaned name) of everyone, from the people list already decrypted."""
        people = self.people_screen()
        if self.journal is None or people is None:
            return []
        return people.names()

    # -- actions of the bindings (views/actions.py) and the palette (views/commands.py) ---

    def action_help(self) -> None:
        actions.open_help(self)

    def action_search(self) -> None:
        actions.open_search(self)

    async def action_practice(self) -> None:
        await actions.open_practice(self)

    async def action_soon(self) -> None:
        await actions.open_soon(self)

    async def action_review(self) -> None:
        await actions.open_review(self)

    def action_backup(self) -> None:
        actions.open_backup(self)

    def action_export_person(self) -> None:
        self._with_person_in_view(actions.export_person)

    def action_forget_person(self) -> None:
        self._with_person_in_view(actions.forget_person)

    def action_remove_or_forget(self) -> None:
        self._with_person_in_view(actions.remove_or_forget)

    def action_rename_person(self) -> None:
        self._with_person_in_view(actions.rename_person)

    def action_consultations(self) -> None:
        self._with_person_in_view(actions.show_consultations)

    def _with_person_in_view(self, act: Callable[[DentelleApp, str, str], None]) -> None:
        person = actions.person_in_view(self)
        if person is None:
            self.bell()
            return
        act(self, *person)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=self.t("palette.placeholder"), id="--command-palette")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our palette entries, in the worker's language; no Screenshot (it writes a file)."""
        return system_commands(self, screen)

    # -- no screenshots, no tracebacks -------------------------------------------------

    def save_screenshot(self, *args: object, **kwargs: object) -> str:
        raise PermissionError("screenshots are disabled: they would write notes to disk")

    def deliver_screenshot(self, *args: object, **kwargs: object) -> str | None:
        return None

    def action_screenshot(self, *args: object, **kwargs: object) -> None:
        self.bell()

    def _handle_exception(self, error: Exception) -> None:
        # Textual's own handler prints a traceback with local variables after leaving
        # the alternate screen: a passphrase and a note's text appeared in one. Print one
        # translated line instead. `_exception` still lets run_test() re-raise.
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        name = type(error).__name__
        if isinstance(error, WorkerFailed):
            name = f"WorkerFailed({type(error.error).__name__})"
        self._exit_renderables.append(self.t("app.crashed", kind=name))
        self._close_messages_no_wait()

    def panic(self, *renderables: object) -> None:
        # The driver's input thread passes a full Traceback here: show none of it.
        self._exit_renderables.append(self.t("app.crashed", kind="panic"))
        self._close_messages_no_wait()
