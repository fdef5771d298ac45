"""The backup window: find the USB key, pick one when several, watch the backup move.

The backup itself runs in the app's worker (`Backups.start`, views/services/backup.py),
not in this window: Escape closes the window and the copy goes on, its progress still
shown on the status line under the people list and its outcome in a notification.
Looking for keys reads `/proc/mounts` and asks each mount for its free space, which
can hang on a key pulled out badly: that runs in a thread worker too.

Without a key (or instead of the one found), `f` opens a field for any folder, as
`dentelle backup --to` does: it is checked by `journal.backup.check_destination` (it
exists, is writable, is not inside the vault) and backed up by the same `back_up`. The
field offers the last folder used (`journal.state`: the folder, nothing else).

Tests replace `find_drives` in this module to plug in fake keys (folders in tmp).
"""

from __future__ import annotations

from pathlib import Path

from babel.numbers import format_decimal
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from journal.backup import Drive, check_destination, find_drives, format_size
from journal.errors import BackupError
from journal.state import last_folder, remember_folder
from views.screens.base import DentelleModal
from views.services.backup import BACKUP_PHASES, BackupState
from views.ui import clean, literal


class BackupScreen(DentelleModal[None]):
    """Looking for keys → choosing one (if several) → progress → outcome."""

    BINDING_GROUP_TITLE = "key.group.backup"
    BINDINGS = [
        Binding("escape", "close", "key.dialog.close", id="backup.close"),
        Binding("escape", "hide", "key.rights.hide", id="backup.hide"),
        Binding("r", "look_again", "key.rights.retry", id="backup.retry"),
        Binding("f", "folder", "key.backup.folder", id="backup.folder"),
    ]

    class DrivesFound(Message):
        """The plugged-in keys were listed (in a worker)."""

        def __init__(self, drives: list[Drive]) -> None:
            super().__init__()
            self.drives = drives

    def __init__(self) -> None:
        super().__init__()
        self.drives: list[Drive] = []
        self.can_retry = False
        """`r` looks again: after no key was found, or a backup that failed."""
        self.succeeded = False
        """The backup this window shows is written: no other place is offered."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="backup-dialog"):
            yield Static(self.t("backup.app.title"), markup=False, classes="label")
            yield Static("", id="backup-message", markup=False)
            yield OptionList(id="drives", markup=False)
            with Vertical(id="backup-folder-box"):
                label = self.t("backup.app.folder_label")
                yield Static(label, markup=False, classes="field-label")
                yield Input(id="backup-folder", compact=True)
            with Vertical(id="phases"):
                for phase in BACKUP_PHASES:
                    with Horizontal(classes="phase"):
                        yield Static(self.t(phase), markup=False, classes="phase-name")
                        yield ProgressBar(total=1, show_eta=False, id=phase.replace(".", "-"))
            yield Static("", id="backup-outcome", markup=False)
            yield Static("", id="backup-note", markup=False, classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        backups = self.app.backups
        backups.window_open = True  # the outcome is shown here, not in a notification
        backups.changed.subscribe(self, self.show_state, immediate=True)
        self.query_one("#drives").display = False
        self.query_one("#backup-folder-box").display = False
        folder = last_folder("backup")
        self.query_one("#backup-folder", Input).value = str(folder) if folder else ""
        state = backups.state
        if state is not None and state.running:
            self.show_state(state)
        else:
            self.look_for_drives()

    def on_unmount(self) -> None:
        self.app.backups.window_open = False

    # -- finding the key -------------------------------------------------------------------

    def look_for_drives(self) -> None:
        self.can_retry = False
        self.query_one("#phases").display = False
        self._say(self.t("backup.app.looking"))
        self._find()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="backup-drives")
    def _find(self) -> None:
        try:
            drives = find_drives()
        except OSError:
            drives = []
        self.post_message(self.DrivesFound(drives))

    @on(DrivesFound)
    def _found(self, event: DrivesFound) -> None:
        self.drives = event.drives
        if not self.drives:
            self.can_retry = True
            self._say(self.t("backup.app.no_drive"))
        elif len(self.drives) == 1:
            self._start(self.drives[0].path)
        else:
            self._offer(self.drives)
        self.refresh_bindings()

    def _offer(self, drives: list[Drive]) -> None:
        self._say(self.t("backup.app.choose"))
        options = self.query_one("#drives", OptionList)
        options.clear_options()
        for number, drive in enumerate(drives, 1):
            line = self.t(
                "cli.backup.drive_line",
                n=number,
                label=clean(drive.label),
                path=clean(str(drive.path)),
                free=format_size(drive.free, self.lang) if drive.free is not None else "?",
                mark=self.t("cli.backup.has_set_mark") if drive.has_set else "",
            )
            options.add_option(Option(literal(line.strip())))
        options.highlighted = 0
        options.display = True
        options.focus()

    @on(OptionList.OptionSelected, "#drives")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.drives):
            self.query_one("#drives").display = False
            self._start(self.drives[event.option_index].path)

    def _start(self, folder: Path) -> None:
        self.query_one("#backup-folder-box").display = False
        self.app.backups.start(folder)

    # -- a folder of the worker's choice ------------------------------------------------------

    def action_folder(self) -> None:
        if self.app.backups.running or self.succeeded:
            return
        self.query_one("#backup-folder-box").display = True
        field = self.query_one("#backup-folder", Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#backup-folder")
    def _folder_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        journal = self.app.journal
        if journal is None or self.app.backups.running:
            return
        typed = event.value.strip()
        if not typed:
            self._refuse(self.t("backup.app.folder_empty"))
            return
        folder = Path(typed).expanduser()
        try:
            check_destination(folder, journal.path)  # the CLI's --to checks the same
        except BackupError as error:
            self._refuse(error.message(self.lang))
            return
        remember_folder("backup", folder.resolve())
        self.query_one("#drives").display = False
        self._start(folder)

    def _refuse(self, text: str) -> None:
        outcome = self.query_one("#backup-outcome", Static)
        outcome.update("✗ " + text)
        outcome.set_class(True, "error")

    # -- progress and outcome ---------------------------------------------------------------

    def show_state(self, state: BackupState) -> None:
        """Draw `state` (on each step of the backup: `Backups.changed`)."""
        self.query_one("#phases").display = True
        self._say(self.t("cli.backup.using_drive", path=clean(str(state.folder))))
        for phase in BACKUP_PHASES:
            done, total = state.progress.get(phase, (0, 1))
            bar = self.query_one("#" + phase.replace(".", "-"), ProgressBar)
            bar.update(total=max(1, total), progress=min(done, max(1, total)))
        outcome = self.query_one("#backup-outcome", Static)
        note = self.query_one("#backup-note", Static)
        if state.running:
            outcome.update("")
            note.update(self.t("backup.app.keep_working"))
        elif state.report is not None:
            report = state.report
            lines = [
                self.t(
                    "cli.backup.done",
                    number=report.number,
                    path=clean(str(report.path)),
                    size=format_size(report.size, self.lang),
                    people=format_decimal(report.people, locale=self.lang),
                    entries=format_decimal(report.entries, locale=self.lang),
                )
            ]
            if report.removed:
                keep = self.app.config.backup_generations
                numbers = ", ".join(str(n) for n in report.removed)
                lines.append(self.t("cli.backup.rotated", keep=keep, numbers=numbers))
            outcome.update("✓ " + "\n".join(lines))
            note.update("")
        else:
            outcome.update("✗ " + self.t("backup.app.failed") + "\n" + state.outcome(self.lang))
            note.update("")
        failed = not state.running and state.report is None
        self.can_retry = failed
        self.succeeded = state.report is not None
        outcome.set_class(failed, "error")
        self.refresh_bindings()

    def _say(self, text: str) -> None:
        self.query_one("#backup-message", Static).update(text)

    # -- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = self.app.backups.running
        if action == "hide":
            return running
        if action == "close":
            return not running
        if action == "look_again":
            return not running and self.can_retry
        if action == "folder":
            return not running and not self.succeeded
        return True

    def action_look_again(self) -> None:
        if self.can_retry and not self.app.backups.running:
            self.query_one("#backup-outcome", Static).update("")
            self.query_one("#drives").display = False
            self.look_for_drives()

    def action_close(self) -> None:
        self.app.backups.window_open = False
        self.dismiss(None)

    def action_hide(self) -> None:
        self.app.backups.window_open = False
        self.dismiss(None)
