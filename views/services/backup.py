"""The backup to a USB key (or any folder), run by the app so it outlives its window.

The backup window (views/screens/backup.py) finds the key and starts the backup here;
Escape closes the window and the copy goes on, its progress still on the status line
under the people list (views/widgets/care_status.py) and its outcome in a
notification. Both draw from `Backups.state` whenever `Backups.changed` is published.

The backup runs in a thread worker that belongs to the app, not to the window. The
worker never touches the journal's own connection (`back_up(..., record=False)` reads
a snapshot on a connection of its own); `record_backup` runs on the app's thread, when
the worker reports success. Its group starts with "journal-", so locking the vault
cancels it: the progress callback then raises and the half-written generation is
removed by `journal.backup` (earlier ones are never touched).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.signal import Signal
from textual.worker import get_current_worker

from journal.backup import BackupReport, back_up, record_backup
from journal.errors import DentelleError
from journal.i18n import translate

if TYPE_CHECKING:
    from journal.store import Journal
    from views.shell import DentelleApp

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


class Backups:
    """The backup of this session: start it, follow it, say how it ended."""

    def __init__(self, app: DentelleApp) -> None:
        self._app = app
        self.state: BackupState | None = None
        """The last backup started in this session (None before the first)."""
        self.changed: Signal[BackupState] = Signal(app, "backup-changed")
        """Published on each step of the backup (the window and the status line redraw)."""
        self.window_open = False
        """The backup window is open: it shows the outcome, no notification is needed."""
        self._journal: Journal | None = None

    @property
    def running(self) -> bool:
        return self.state is not None and self.state.running

    def start(self, folder: Path) -> None:
        """Back up to `folder` (a key or any folder) in a thread worker."""
        app = self._app
        journal = app.journal
        if journal is None or self.running:
            return
        state = self.state = BackupState(folder)
        self._journal = journal
        keep, now = app.config.backup_generations, app.now()
        app.run_worker(
            lambda: self._back_up(journal, folder, keep, now),
            name="backup",
            group="journal-backup",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        self.changed.publish(state)

    def _back_up(self, journal: Journal, folder: Path, keep: int, now: datetime) -> None:
        """The worker: every step is handed to the app's thread (`call_later`)."""
        worker = get_current_worker()
        shown: dict[str, int] = {}
        app = self._app

        def progress(phase: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise BackupInterrupted
            percent = 100 * done // total if total else 100
            if shown.get(phase) != percent:  # one step per percent, not per block
                shown[phase] = percent
                app.call_later(self._progressed, phase, done, total)

        try:
            report = back_up(journal, folder, keep=keep, progress=progress, now=now, record=False)
        except BackupInterrupted:
            app.call_later(self._ended, interrupted=True)
        except DentelleError as error:
            app.call_later(self._ended, error=error)
        except Exception as error:  # noqa: BLE001 (said in one line, never a traceback)
            app.call_later(self._ended, unexpected=type(error).__name__)
        else:
            app.call_later(self._ended, report=report)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        state = self.state
        if state is not None and state.running:
            state.progress[phase] = (done, total)
            if phase in BACKUP_PHASES:  # a phase starting means the earlier ones ended
                for earlier in BACKUP_PHASES[: BACKUP_PHASES.index(phase)]:
                    state.complete(earlier)
            self.changed.publish(state)

    def _ended(
        self,
        report: BackupReport | None = None,
        error: DentelleError | None = None,
        unexpected: str | None = None,
        interrupted: bool = False,
    ) -> None:
        state = self.state
        if state is None:
            return
        app = self._app
        state.finished = True
        state.report, state.error = report, error
        state.unexpected, state.interrupted = unexpected, interrupted
        journal, self._journal = self._journal, None
        if report is not None:
            for phase in BACKUP_PHASES:  # the last block of a phase may not be reported
                state.complete(phase)
        if report is not None and journal is not None and journal is app.journal:
            with contextlib.suppress(DentelleError):
                record_backup(journal, report.created, report)
        if not self.window_open:
            app.notify(
                state.outcome(app.lang),
                markup=False,
                severity="information" if report is not None else "warning",
                timeout=10,
            )
        self.changed.publish(state)
