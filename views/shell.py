"""The Dentelle app itself: the open journal, the screen stack, locking, safe crashes.

Who holds what:

| state                  | owner                     | dropped when                 |
|------------------------|---------------------------|------------------------------|
| the open `Journal`     | `DentelleApp.journal`     | lock (ctrl+l, idle), exit    |
| people rows            | `PeopleScreen`            | lock: the screen is removed   |
| a person's story       | `TimelineScreen`          | lock, or leaving the person  |
| the text being written | `EditorScreen`            | saved as an encrypted draft  |
| the search index       | `SearchKeeper` (reflect_app) | lock, exit                |

Locking closes the journal (keys dropped), removes every screen that showed decrypted
data and puts the unlock screen back. Everything a worker types or reads is shown as
text, never markup, and through `journal.text.strip_controls`.

Framework leaks closed here (see docs/dev/textual-notes.md): crash tracebacks with
local variables (`_handle_exception`, `panic`), screenshots to disk (palette entry,
`save_screenshot`, `deliver_screenshot`, the `app.screenshot` action).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import WorkerFailed

from journal.config import Config
from journal.i18n import translate
from journal.vault import Vault
from views.commands import PeopleCommands
from views.reflect_app import REFLECT_ACTIONS, ReflectActions
from views.rights import RightsActions
from views.ui import localize_bindings

if TYPE_CHECKING:
    from journal.model import Draft
    from journal.store import Journal
    from views.screens.people import PeopleScreen

# Input that counts as the worker being there (App.on_event sees it before any widget).
ACTIVITY_EVENTS = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)


def idle_seconds_clock() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps.

    `time.monotonic` stops during suspend on Linux: a laptop closed for an hour would
    wake up still unlocked. CLOCK_BOOTTIME includes the time asleep.
    """
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()  # pragma: no cover


def local_now() -> datetime:
    return datetime.now().astimezone()


REFLECT_DELAY = 2.0  # seconds after the people list is shown
REFLECT_FALLBACK_DELAY = 5.0  # seconds after unlock, if the list never says it is shown


class DentelleApp(ReflectActions, RightsActions, App[None]):
    """One worker's journal: unlock, people, stories, writing (search and reflective
    writing come from `ReflectActions`, views/reflect_app.py; backup and the person's
    rights from `RightsActions`, views/rights.py)."""

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
        self.journal: Journal | None = None
        self.handle_signals = False
        """Set by `run_app`: a closed terminal (SIGHUP) exits cleanly, saving drafts."""
        self.idle_clock: Callable[[], float] = idle_seconds_clock
        self._last_input = self.idle_clock()
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
    def is_locked(self) -> bool:
        return self.journal is None

    @property
    def idle_lock_seconds(self) -> float:
        return max(1.0, float(self.config.idle_lock_minutes) * 60)

    # -- start, unlock, lock ------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(self._locked_screen())
        # Import the screens that follow the unlock while the worker types: imported at
        # the moment the passphrase is accepted, they stalled the loop ~0.1 s.
        self.set_timer(0.2, self._preload_screens)
        self.set_interval(min(1.0, self.idle_lock_seconds / 4), self._check_idle)
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

        self.journal = journal
        self._last_input = self.idle_clock()
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
        """Start building the search index now, if this journal's is not started yet."""
        journal, self._reflect_pending = self._reflect_pending, None
        if journal is not None and journal is self.journal:
            self.reflect_unlocked(journal)

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
            await self._stop_journal_workers()
            journal, self.journal = self.journal, None
            journal.close()
            self.reflect_locked()  # the search index: every key and text it held
            self.clear_notifications()  # a toast may name a person (forgotten, kept)
            while len(self.screen_stack) > 2:
                await self.pop_screen()
            await self.switch_screen(UnlockScreen())
        finally:
            self._locking = False
        self.refresh_bindings()

    async def _stop_journal_workers(self) -> None:
        """Let running reads of the journal finish before its connection closes."""
        running = [w for w in self.workers if w.group.startswith("journal-") and w.is_running]
        for worker in running:
            worker.cancel()
        for worker in running:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(worker.wait(), timeout=3)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lock":
            return self.journal is not None
        if action in REFLECT_ACTIONS:
            return self.journal is not None
        return True

    async def on_event(self, event: events.Event) -> None:
        # Every key and click passes here before bindings and focus, even keys that a
        # focused Input consumes: that is what "the worker is there" means.
        if isinstance(event, ACTIVITY_EVENTS) and not event.is_forwarded:
            self._last_input = self.idle_clock()
        await super().on_event(event)

    async def _check_idle(self) -> None:
        idle = self.idle_clock() - self._last_input
        if self.journal is not None and not self._locking and idle >= self.idle_lock_seconds:
            await self.action_lock()

    async def on_unmount(self) -> None:
        # Screens (and an open editor, which keeps its draft) are gone by now. Workers
        # reading the journal finish first: closing its connection under a thread that
        # is using it crashed the process.
        await self._stop_journal_workers()
        self.reflect_locked()
        if self.journal is not None:
            journal, self.journal = self.journal, None
            with contextlib.suppress(Exception):
                journal.close()

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
        from journal.store.practice import PRACTICE
        from views.screens.practice import open_practice

        if draft.person_id == PRACTICE:  # a practice note being written
            await open_practice(self, resume=draft)
            return
        await self.show_person(draft.person_id, draft=draft)

    def action_help(self) -> None:
        from views.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=self.t("palette.placeholder"), id="--command-palette")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our palette entries, in the worker's language; no Screenshot (it writes a file)."""
        t = self.t
        from views.screens.people import PeopleScreen
        from views.screens.timeline import TimelineScreen

        if self.journal is not None:
            if isinstance(screen, TimelineScreen):
                yield SystemCommand(t("cmd.entry_new"), t("cmd.entry_new.help"), screen.new_entry)
            if isinstance(screen, PeopleScreen):
                yield SystemCommand(t("cmd.sort"), t("cmd.sort.help"), screen.action_toggle_sort)
            yield SystemCommand(t("cmd.people"), t("cmd.people.help"), self.show_people)
            yield SystemCommand(t("cmd.person_add"), t("cmd.person_add.help"), self._add_person)
            yield SystemCommand(t("cmd.drafts"), t("cmd.drafts.help"), self._show_drafts)
            yield SystemCommand(t("cmd.lock"), t("cmd.lock.help"), self.action_lock)
            yield from self.reflect_commands(screen)
            yield from self.rights_commands(screen)  # backup, export, forget, review
        yield SystemCommand(t("cmd.help"), t("cmd.help.help"), self.action_help)
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.dark"), t("cmd.dark.help"), self.action_toggle_dark)
        yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), self.exit)

    async def _add_person(self) -> None:
        await self.show_people()
        people = self.people_screen()
        if people is not None:
            people.action_add_person()

    async def _show_drafts(self) -> None:
        await self.show_people()
        people = self.people_screen()
        if people is not None:
            people.offer_drafts(always=True)

    def people_for_palette(self) -> list[tuple[str, str]]:
        """(id, cleaned name) of everyone, from the people list already decrypted."""
        people = self.people_screen()
        if self.journal is None or people is None:
            return []
        return people.names()

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
