"""Backup and the person's rights in the app: mixed into `DentelleApp`.

Who calls what:

| key (screen)                    | palette                   | calls                          |
|---------------------------------|---------------------------|--------------------------------|
| `b` (people list, timeline)     | "sauvegarde : Lancer"     | `action_backup` → BackupScreen |
| `x` (people list, timeline)     | "personne : Exporter…"    | `action_export_person`         |
| `ctrl+d` (list, timeline, review)| "personne : Oublier…"    | `action_forget_person`         |
| `r` (people list)               | "conservation : Revue"    | `action_review`                |
| `c` (timeline)                  | "personne : Consultations"| `action_consultations`         |
| opening a timeline              |                           | `note_opened` ("opened" line)  |

The backup runs in a thread worker that belongs to the app, not to the backup window:
the worker can close that window and keep writing while the copy goes on. The worker
never touches the journal's own connection (`back_up(..., record=False)` reads a
snapshot on a connection of its own); `record_backup` runs here, on the app's thread,
when the worker reports success. Its group starts with "journal-", so locking the vault
cancels it: the progress callback then raises and the half-written generation is
removed by `journal.backup` (earlier ones are never touched).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from journal.backup import BackupReport, back_up, record_backup
from journal.config import Config
from journal.errors import DentelleError
from journal.i18n import translate
from journal.store.consultations import record_consultation
from views import rights_strings  # noqa: F401  (registers the messages)

if TYPE_CHECKING:
    from journal.store import Journal

BACKUP_PHASES = (
    "backup.phase.snapshot",
    "backup.phase.write",
    "backup.phase.verify",
    "backup.phase.check",
)
"""The phases `journal.backup.back_up` reports, in order (their keys are messages)."""


class BackupInterrupted(Exception):
    """Raised from the progress callback once the worker is cancelled (the vault locked)."""


@dataclass
class BackupState:
    """The backup under way or just ended, as the screens draw it."""

    folder: Path
    progress: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Phase key → (done, total)."""
    report: BackupReport | None = None
    error: DentelleError | None = None
    unexpected: str | None = None
    interrupted: bool = False
    finished: bool = False

    @property
    def running(self) -> bool:
        return not self.finished

    def complete(self, phase: str) -> None:
        """Mark `phase` as done (its last block may never have been reported)."""
        _done, total = self.progress.get(phase, (1, 1))
        self.progress[phase] = (max(1, total), max(1, total))

    @property
    def percent(self) -> int:
        """Overall progress, each known phase counting for the same share."""
        shares = []
        for phase in BACKUP_PHASES:
            done, total = self.progress.get(phase, (0, 1))
            shares.append(min(1.0, done / total) if total else 1.0)
        return int(100 * sum(shares) / len(shares))

    def outcome(self, lang: str) -> str:
        """What happened, in the worker's words (no person's data: counts and a path)."""
        if self.report is not None:
            return translate("backup.app.done_short", lang, number=self.report.number)
        if self.interrupted:
            return translate("backup.app.interrupted", lang)
        if self.error is not None:
            return self.error.message(lang)
        if self.unexpected is not None:
            return translate("backup.app.unexpected", lang, kind=self.unexpected)
        return ""


class BackupProgressed(Message):
    """A phase of the backup moved on (posted from the worker's thread)."""

    def __init__(self, phase: str, done: int, total: int) -> None:
        super().__init__()
        self.phase = phase
        self.done = done
        self.total = total


class BackupEnded(Message):
    """The backup worker returned: a report, an error, or an interruption."""

    def __init__(
        self,
        report: BackupReport | None = None,
        error: DentelleError | None = None,
        unexpected: str | None = None,
        interrupted: bool = False,
    ) -> None:
        super().__init__()
        self.report = report
        self.error = error
        self.unexpected = unexpected
        self.interrupted = interrupted


class RightsActions:
    """The app's backup, export, erasure, review and consultation actions.

    A mixin for `DentelleApp` (listed before `App`), so its `@work` method and its
    message handlers are the app's own.
    """

    # Provided by DentelleApp.
    journal: Journal | None
    lang: str
    config: Config

    backup_state: BackupState | None = None
    """The last backup started in this session (None before the first)."""
    _backup_journal: Journal | None = None

    # -- who is in view ------------------------------------------------------------------

    def person_in_view(self, screen: Screen | None = None) -> tuple[str, str] | None:
        """(id, cleaned name) of the person shown or highlighted on `screen`, if any."""
        from views.screens.people import PeopleScreen
        from views.screens.review import ReviewScreen
        from views.screens.timeline import TimelineScreen
        from views.ui import one_line

        screen = screen or self.screen  # type: ignore[attr-defined]
        if isinstance(screen, TimelineScreen):
            if screen.person is None:
                return None
            return screen.person_id, one_line(screen.person.name)
        if isinstance(screen, PeopleScreen):
            person_id = screen.highlighted_person()
            names = dict(screen.names())
            return (person_id, names[person_id]) if person_id in names else None
        if isinstance(screen, ReviewScreen):
            return screen.highlighted_name()
        return None

    def rights_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Palette entries ("group: Action") for an unlocked vault."""
        from views.screens.timeline import TimelineScreen

        t = self.t  # type: ignore[attr-defined]
        yield SystemCommand(t("cmd.rights.backup"), t("cmd.rights.backup.help"), self.action_backup)
        yield SystemCommand(t("cmd.rights.review"), t("cmd.rights.review.help"), self.action_review)
        person = self.person_in_view(screen)
        if person is not None:
            yield SystemCommand(
                t("cmd.rights.export"),
                t("cmd.rights.export.help"),
                partial(self.export_person, *person),
            )
            yield SystemCommand(
                t("cmd.rights.forget"),
                t("cmd.rights.forget.help"),
                partial(self.forget_person, *person),
            )
            if isinstance(screen, TimelineScreen):
                yield SystemCommand(
                    t("cmd.rights.consultations"),
                    t("cmd.rights.consultations.help"),
                    partial(self.show_consultations, *person),
                )

    # -- record of consultations ------------------------------------------------------------

    def note_opened(self, person_id: str) -> None:
        """Add an "opened" line to the person's record of consultations.

        Best effort: the story is already on screen, and a failure here must not take
        it away (the journal may have been locked meanwhile).
        """
        journal = self.journal
        if journal is None or not journal.is_open:
            return
        with contextlib.suppress(DentelleError):
            record_consultation(
                journal, person_id, "opened", keep_months=self.config.consultation_log_months
            )

    def action_consultations(self) -> None:
        person = self.person_in_view()
        if person is None:
            self.bell()  # type: ignore[attr-defined]
            return
        self.show_consultations(*person)

    def show_consultations(self, person_id: str, name: str) -> None:
        from views.screens.consultations import ConsultationsScreen

        if self.journal is not None:
            self.push_screen(ConsultationsScreen(person_id, name))  # type: ignore[attr-defined]

    # -- export -------------------------------------------------------------------------

    def action_export_person(self) -> None:
        person = self.person_in_view()
        if person is None:
            self.bell()  # type: ignore[attr-defined]
            return
        self.export_person(*person)

    def export_person(self, person_id: str, name: str) -> None:
        from views.screens.export import ExportScreen

        if self.journal is not None:
            self.push_screen(ExportScreen(person_id, name))  # type: ignore[attr-defined]

    # -- forget -------------------------------------------------------------------------

    def action_forget_person(self) -> None:
        person = self.person_in_view()
        if person is None:
            self.bell()  # type: ignore[attr-defined]
            return
        self.forget_person(*person)

    def forget_person(self, person_id: str, name: str) -> None:
        """Ask (the name typed back), erase, then show the list without them."""
        from views.screens.forget import ForgetScreen

        if self.journal is None:
            return

        async def done(forgotten: bool | None) -> None:
            if forgotten:
                await self.person_forgotten(person_id, name)

        self.push_screen(ForgetScreen(person_id, name), done)  # type: ignore[attr-defined]

    async def person_forgotten(self, person_id: str, name: str) -> None:
        """After an erasure: no screen, list or index may still show the person."""
        from views.screens.review import ReviewScreen
        from views.screens.timeline import TimelineScreen

        keeper = getattr(self, "search_keeper", None)  # search (views/reflect_app.py)
        if keeper is not None:
            keeper.person_forgotten(person_id)

        def showing_them() -> bool:
            return any(
                isinstance(screen, TimelineScreen) and screen.person_id == person_id
                for screen in self.screen_stack  # type: ignore[attr-defined]
            )

        # Back to whatever was under their story: the people list, or the review.
        while showing_them() and len(self.screen_stack) > 2:  # type: ignore[attr-defined]
            await self.pop_screen()  # type: ignore[attr-defined]
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            if isinstance(screen, ReviewScreen):
                screen.reload()
        people = self.people_screen()  # type: ignore[attr-defined]
        if people is not None:
            people.reload()
        self.notify(  # type: ignore[attr-defined]
            translate("forget.app.done", self.lang, name=name), markup=False, timeout=10
        )

    # -- retention review ----------------------------------------------------------------

    async def action_review(self) -> None:
        from views.screens.review import ReviewScreen

        if self.journal is None:
            return
        if isinstance(self.screen, ReviewScreen):  # type: ignore[attr-defined]
            return
        await self.show_people()  # type: ignore[attr-defined]
        await self.push_screen(ReviewScreen())  # type: ignore[attr-defined]

    # -- backup -------------------------------------------------------------------------

    @property
    def backup_running(self) -> bool:
        return self.backup_state is not None and self.backup_state.running

    def action_backup(self) -> None:
        """Open the backup window: it finds the key, or shows the backup under way."""
        from views.screens.backup import BackupScreen

        if self.journal is None:
            return
        if not any(isinstance(s, BackupScreen) for s in self.screen_stack):  # type: ignore[attr-defined]
            self.push_screen(BackupScreen())  # type: ignore[attr-defined]

    def start_backup(self, folder: Path) -> None:
        """Back up to `folder` (a key or any folder) in a thread worker."""
        journal = self.journal
        if journal is None or self.backup_running:
            return
        self.backup_state = BackupState(folder)
        self._backup_journal = journal
        now: datetime = self.now()  # type: ignore[attr-defined]
        self._back_up(journal, folder, self.config.backup_generations, now)
        self._backup_changed()

    @work(thread=True, exclusive=True, exit_on_error=False, group="journal-backup")
    def _back_up(self, journal: Journal, folder: Path, keep: int, now: datetime) -> None:
        worker = get_current_worker()
        shown: dict[str, int] = {}
        post = self.post_message  # type: ignore[attr-defined]

        def progress(phase: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise BackupInterrupted
            percent = 100 * done // total if total else 100
            if shown.get(phase) != percent:  # one message per percent, not per block
                shown[phase] = percent
                post(BackupProgressed(phase, done, total))

        try:
            report = back_up(journal, folder, keep=keep, progress=progress, now=now, record=False)
        except BackupInterrupted:
            post(BackupEnded(interrupted=True))
        except DentelleError as error:
            post(BackupEnded(error=error))
        except Exception as error:  # noqa: BLE001 (said in one line, never a traceback)
            post(BackupEnded(unexpected=type(error).__name__))
        else:
            post(BackupEnded(report=report))

    def on_backup_progressed(self, message: BackupProgressed) -> None:
        state = self.backup_state
        if state is not None and state.running:
            state.progress[message.phase] = (message.done, message.total)
            if message.phase in BACKUP_PHASES:  # a phase starting means the earlier ones ended
                for earlier in BACKUP_PHASES[: BACKUP_PHASES.index(message.phase)]:
                    state.complete(earlier)
            self._backup_changed()

    def on_backup_ended(self, message: BackupEnded) -> None:
        from views.screens.backup import BackupScreen

        state = self.backup_state
        if state is None:
            return
        state.finished = True
        state.report, state.error = message.report, message.error
        state.unexpected, state.interrupted = message.unexpected, message.interrupted
        journal, self._backup_journal = self._backup_journal, None
        if message.report is not None:
            for phase in BACKUP_PHASES:  # the last block of a phase may not be reported
                state.complete(phase)
        if message.report is not None and journal is not None and journal is self.journal:
            with contextlib.suppress(DentelleError):
                record_backup(journal, message.report.created)
        if not any(isinstance(s, BackupScreen) for s in self.screen_stack):  # type: ignore[attr-defined]
            self.notify(  # type: ignore[attr-defined]
                state.outcome(self.lang),
                markup=False,
                severity="information" if message.report is not None else "warning",
                timeout=10,
            )
        self._backup_changed()

    def _backup_changed(self) -> None:
        """Redraw whatever shows the backup: its window and the status line."""
        from views.screens.backup import BackupScreen
        from views.widgets.care_status import CareStatus

        state = self.backup_state
        for screen in self.screen_stack:  # type: ignore[attr-defined]
            if isinstance(screen, BackupScreen) and state is not None:
                screen.show_state(state)
            for status in screen.query(CareStatus):
                status.backup_changed(reload=state is not None and state.finished)
