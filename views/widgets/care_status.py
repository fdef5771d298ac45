"""The quiet line under the people list: when the vault was last backed up, who is due
for the retention review.

Gentle on purpose: muted text, no red, no alarm words. A reminder to plug the key in
appears only after `backup_reminder_days` (config), and the review note only when
someone is past the retention period (`retention_years`). During a backup it shows
the progress, so the worker can close the backup window and still see it move.

The due count needs every person's summary: it is read in a thread worker after the
people list itself has loaded (the list calls `refresh_status`), so it never delays it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import getters, on, work
from textual.message import Message
from textual.widgets import Static

from journal import dates
from journal.backup import last_backup
from journal.errors import DentelleError
from journal.retention import due_for_review
from views.ui import Localized, plural

if TYPE_CHECKING:
    from journal.store import Journal
    from views.services.backup import BackupState
    from views.shell import DentelleApp


def join_parts(parts: list[str], width: int) -> str:
    """The parts on one line (" · ") when they fit in `width`, else one part a line:
    the line breaks between two things said, never inside one ("(conservation,⏎ r)")."""
    joined = " · ".join(parts)
    return joined if width <= 0 or cell_len(joined) <= width else "\n".join(parts)


class CareStatus(Localized, Static):
    """ "Sauvegardé il y a 3 jours · 2 personnes à revoir (conservation, ctrl+r)"."""

    class Read(Message):
        """The last backup time and the number of people due were read (in a worker)."""

        def __init__(self, last: datetime | None, due: int) -> None:
            super().__init__()
            self.last = last
            self.due = due

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.last_backup: datetime | None = None
        self.due_count = 0
        self.read = False
        """True once the first reading arrived (tests wait on it)."""
        self._stale = False
        self._parts: list[str] = []

    if TYPE_CHECKING:  # as Textual types its own `app` (a runtime import would be circular)
        app = getters.app(DentelleApp)

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.app.backups.changed.subscribe(self, self._backup_changed, immediate=True)

    def _screen_changed(self, screen: object) -> None:
        if screen is self.screen and self._stale:
            self._draw()

    def refresh_status(self) -> None:
        """Read the last backup and the people due again (after any change to the list)."""
        app = self.app
        journal = app.journal
        if journal is not None:
            self._read(journal, app.today(), app.config.retention_years)

    @work(thread=True, exclusive=True, exit_on_error=False, group="journal-status")
    def _read(self, journal: Journal, today: date, years: int) -> None:
        try:
            last = last_backup(journal)
            due = len(due_for_review(journal.summaries(), today, years))
        except (DentelleError, RuntimeError):  # locked meanwhile: nothing to say
            return
        self.post_message(self.Read(last, due))

    @on(Read)
    def _got(self, event: Read) -> None:
        self.last_backup, self.due_count, self.read = event.last, event.due, True
        self._draw()

    def _backup_changed(self, state: BackupState) -> None:
        """A backup moved on (redraw) or ended (read the new last backup time)."""
        if state.finished:
            self.refresh_status()
        self._draw()

    def _draw(self) -> None:
        # Under another window (the backup's, say) the list is not repainted reliably:
        # draw when it is back on top, so what shows is never a stale percentage.
        if not self.screen.is_active:
            self._stale = True
            return
        self._stale = False
        app = self.app
        state = app.backups.state
        parts = []
        reminder = False
        if state is not None and state.running:
            parts.append(self.t("status.backup_running", percent=state.percent))
        elif self.last_backup is None:
            parts.append(self.t("status.backup_never"))
        else:
            now = app.now()
            day = self.last_backup.astimezone(now.tzinfo).date() if now.tzinfo else None
            day = day or self.last_backup.date()
            ago = dates.format_ago(day, now.date(), self.lang)
            reminder = (now.date() - day).days >= app.config.backup_reminder_days
            parts.append(
                self.t("status.backup_reminder" if reminder else "status.backup_ago", ago=ago)
            )
        if self.due_count:
            parts.append(plural("status.review", self.due_count, self.lang))
        self.set_class(reminder, "-reminder")
        self._parts = parts
        self.update(join_parts(parts, self.content_region.width or self.app.size.width - 2))

    def on_resize(self) -> None:
        if self._parts:
            self.update(join_parts(self._parts, self.content_region.width))
