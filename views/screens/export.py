"""Export a person's whole file for them (right of access): format, encryption, file.

The export is the one place where a person's data leaves the vault in clear, on the
worker's explicit request. The document is gathered, rendered and written in a thread
worker (a long story takes a moment to decrypt; age's scrypt for an encrypted export
takes seconds), straight to the chosen file; it is never kept on screen or elsewhere.
The "exported" line of the record of consultations is written afterwards on the app's
thread. The passphrase fields refuse copy and cut and are emptied once used.

Default file: the folder of the last export (`journal.state`, the folder only, never
the file name), else `default_export_folder()` (Documents, else home), and
`journal.export.default_file_name`, never overwriting: `-2`, `-3`… are added. The file's
extension follows the format and the encryption, in a path the worker typed too; and
typing a format's extension chooses that format.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_documents_dir
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Footer, Input, RadioButton, RadioSet, Static

from journal.errors import DentelleError
from journal.export import (
    FORMATS,
    collect,
    default_file_name,
    render,
    split_extension,
    with_extension,
    write_export,
)
from journal.i18n import translate
from journal.keywrap_process import SubprocessKeyWrap
from journal.passphrase import check_strength
from journal.state import export_folder, remember_export_folder
from journal.store.consultations import record_consultation
from views.screens.base import DentelleModal
from views.ui import literal
from views.widgets.passphrase_input import PassphraseInput

if TYPE_CHECKING:
    from journal.store import Journal


def default_export_folder() -> Path:
    """The user's Documents folder when there is one, else their home."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def free_path(folder: Path, name: str) -> Path:
    """`folder / name`, or `name` with -2, -3… before its extensions if taken."""
    path = folder / name
    stem, dot, extensions = name.partition(".")
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{dot}{extensions}"
        number += 1
    return path


def write_person(
    journal: Journal, person_id: str, fmt: str, path: Path, passphrase: str | None, lang: str
) -> Path:
    """Gather, render and write the person's file (decrypts, maybe scrypt: runs in a worker)."""
    if path.exists():  # appeared meanwhile: never overwrite
        raise DentelleError("export.app.exists", path=str(path))
    document = render(collect(journal, person_id), fmt, lang)
    write_export(document, path, passphrase, keywrap=SubprocessKeyWrap())
    return path


class ExportScreen(DentelleModal[None]):
    """Choose the format and encryption, then write; says where and whether in clear."""

    BINDING_GROUP_TITLE = "key.group.export"
    BINDINGS = [
        Binding("ctrl+s", "export", "key.rights.do_export", priority=True, id="export.run"),
        Binding("escape", "cancel", "key.dialog.cancel", id="export.cancel"),
    ]

    def __init__(self, person_id: str, name: str) -> None:
        """`name` is already cleaned (`views.ui.one_line`)."""
        super().__init__()
        self.person_id = person_id
        self.person_name = name
        self.folder = export_folder() or default_export_folder()
        self.written: Path | None = None
        self.working = False
        self._encrypting = False
        self._suggested = ""

    def compose(self) -> ComposeResult:
        # Compact widgets: the whole form fits a 80×24 terminal with the secrets shown.
        with Vertical(id="export-dialog"):
            title = self.t("export.app.title", name=self.person_name)
            yield Static(title, markup=False, classes="label")
            yield Static(self.t("export.app.why"), markup=False, classes="muted")
            yield Static(self.t("export.app.format"), markup=False, classes="field-label")
            with RadioSet(id="format", compact=True):
                for number, fmt in enumerate(FORMATS):
                    label = literal(self.t(f"export.app.{fmt}"))
                    yield RadioButton(label, value=number == 0, id=f"format-{fmt}", compact=True)
            yield Checkbox(literal(self.t("export.app.encrypt")), id="encrypt", compact=True)
            with Vertical(id="secrets"):
                for key, widget_id in (
                    ("export.app.passphrase", "secret"),
                    ("export.app.again", "secret-again"),
                ):
                    yield PassphraseInput(placeholder=self.t(key), id=widget_id, compact=True)
            yield Static(self.t("export.app.file"), markup=False, classes="field-label")
            yield Input(id="path", compact=True)
            yield Static("", id="export-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#secrets").display = False
        self.query_one("#path", Input).cursor_blink = False
        self._suggest()
        self.query_one("#format", RadioSet).focus()

    # -- the form ------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        index = self.query_one("#format", RadioSet).pressed_index
        return FORMATS[index] if 0 <= index < len(FORMATS) else FORMATS[0]

    @property
    def encrypted(self) -> bool:
        return self.query_one("#encrypt", Checkbox).value

    def _suggest(self) -> None:
        """Put the default file in the field; in the worker's own, set the extension."""
        field = self.query_one("#path", Input)
        if field.value and field.value != self._suggested:
            if field.value.strip():
                field.value = with_extension(field.value.strip(), self.fmt, self.encrypted)
            return
        name = default_file_name(self.person_name, self.fmt, encrypted=self.encrypted)
        self._suggested = str(free_path(self.folder, name))
        field.value = self._suggested

    @on(RadioSet.Changed, "#format")
    def _format_changed(self) -> None:
        self._suggest()

    @on(Checkbox.Changed, "#encrypt")
    def _encrypt_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#secrets").display = event.value
        self._suggest()

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A format's extension typed in the file's name chooses that format."""
        _, fmt, encrypted = split_extension(event.value.strip())
        if fmt is not None and fmt != self.fmt:
            self.query_one(f"#format-{fmt}", RadioButton).value = True
        if encrypted and not self.encrypted:
            self.query_one("#encrypt", Checkbox).value = True

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_export()

    def _say(self, text: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(("✗ " if error else "") + text)
        status.set_class(error, "error")

    # -- writing ---------------------------------------------------------------------

    def action_export(self) -> None:
        if self.written is not None:
            self.dismiss(None)
            return
        if self.journal is None or self.working:
            return
        target = self.query_one("#path", Input).value.strip()
        if not target:
            self._say(self.t("export.app.no_path"), error=True)
            return
        target = with_extension(target, self.fmt, self.encrypted)  # 'madeleine' → '.html'
        self.query_one("#path", Input).value = target
        path = Path(target).expanduser()
        if not path.parent.is_dir():
            self._say(self.t("export.app.no_folder", path=str(path.parent)), error=True)
            return
        if path.exists():
            self._say(self.t("export.app.exists", path=str(path)), error=True)
            return
        passphrase = None
        if self.encrypted:
            passphrase = self.query_one("#secret", Input).value
            if passphrase != self.query_one("#secret-again", Input).value:
                self._say(translate("passphrase.mismatch", self.lang), error=True)
                return
            try:
                check_strength(passphrase)
            except DentelleError as error:
                self._say(error.message(self.lang), error=True)
                return
        self.working = True
        self._encrypting = passphrase is not None
        self._enable_form(False)
        self._say(self.t("export.app.encrypting" if passphrase else "export.app.writing"))
        person_id, fmt, lang = self.person_id, self.fmt, self.lang
        self.load_in_worker(
            "export",
            lambda journal: write_person(journal, person_id, fmt, path, passphrase, lang),
            lambda written: self._written(written, fmt),
            self._failed,
        )

    def _written(self, path: Path, fmt: str) -> None:
        self.working = False
        self.written = path
        remember_export_folder(path.parent.resolve())  # the folder only: never a name
        journal = self.journal
        if journal is not None:
            months = self.app.config.consultation_log_months
            with contextlib.suppress(DentelleError):  # the file is written: best effort
                record_consultation(journal, self.person_id, "exported", fmt, keep_months=months)
        for field in self.query(PassphraseInput):
            field.value = ""
        lines = [
            self.t("export.app.written", path=str(path)),
            self.t("export.app.encrypted" if self._encrypting else "export.app.clear_warning"),
            self.t("export.app.close"),
        ]
        self._say("✓ " + "\n".join(lines))
        self.refresh_bindings()

    def _failed(self, message: str) -> None:
        self.working = False
        self._enable_form(True)
        self._say(message, error=True)
        self.refresh_bindings()

    def _enable_form(self, enabled: bool) -> None:
        for widget in (*self.query(RadioSet), *self.query(Checkbox), *self.query(Input)):
            widget.disabled = not enabled
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While writing, closing would leave the file without its consultation line.
        if action in ("export", "cancel"):
            return None if self.working else True
        return True

    def on_key(self, event: events.Key) -> None:
        # Once written, Enter closes (every field is disabled, so nothing else takes it).
        if self.written is not None and event.key == "enter":
            event.stop()
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
