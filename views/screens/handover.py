"""Handing a story to a colleague (`t` on a story), and receiving one (the palette).

`HandoverScreen`: choose the colleague, the folder (a USB key found as for backups,
`journal.backup.find_drives`, or a folder typed, the last one offered), write the
letter, ctrl+s; once confirmed, `journal.handover.sending.hand_over` writes the file
in a worker. Then the worker is asked whether to keep their own copy (the default) or
forget it: forgetting is the app's usual erasure (`ForgetScreen`, the name typed
back, `PersonForgotten`).

`ReceiveScreen`: a path typed, `read_handover` in a worker (nothing written), then who
sent it (an unknown sender said plainly, with their card's fingerprint), for whom, how
many notes, the letter. ctrl+s imports after a yes, and a second explicit yes for an
unknown sender; the story received then opens (`DentelleApp.show_person`). A file for
someone else, altered, or from a removed colleague is refused in one sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from journal import dates
from journal.backup import Drive, find_drives
from journal.handover.colleagues import Colleague, colleagues
from journal.handover.receiving import Incoming, UnknownSender, accept_handover, read_handover
from journal.handover.sending import hand_over
from journal.i18n import count
from journal.state import last_folder, remember_folder
from views.messages import EntrySaved, PersonChanged
from views.screens.base import DentelleModal
from views.screens.dialogs import ConfirmScreen
from views.ui import clean, literal, one_line

if TYPE_CHECKING:
    from journal.store import Journal

FOLDER_KIND = "handover"
"""The folder remembered between sessions (`journal.state`: the folder, never a name)."""


def colleagues_and_drives(
    journal: Journal, person_id: str
) -> tuple[list[Colleague], list[Drive], bool]:
    """The colleagues, the USB keys plugged in (reading mounts may hang: a worker), and
    whether a draft of this story waits (drafts are not handed over)."""
    try:
        drives = find_drives()
    except OSError:
        drives = []
    draft = any(draft.person_id == person_id for draft in journal.drafts())
    return colleagues(journal), drives, draft


class HandoverScreen(DentelleModal[None]):
    """Colleague → folder → letter → ctrl+s, confirmed → written → keep or forget."""

    BINDINGS = [
        Binding("escape", "close", "key.dialog.cancel", id="handover.close"),
        Binding("ctrl+s", "send", "key.handover.send", priority=True, id="handover.send"),
    ]

    def __init__(self, person_id: str, name: str) -> None:
        """`name` is already cleaned (`views.ui.one_line`)."""
        super().__init__()
        self.person_id = person_id
        self.person_name = name
        self.colleagues: list[Colleague] = []
        self.drives: list[Drive] = []
        self.working = False
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        person_id = self.person_id
        self.load_in_worker(
            "handover-setup",
            lambda journal: colleagues_and_drives(journal, person_id),
            self._ready,
            self._say,
        )
        with Vertical(classes="dialog wide tall", id="handover-dialog"):
            title = self.t("handover.app.title", name=self.person_name)
            yield Static(title, markup=False, classes="label")
            with VerticalScroll(id="handover-body"):
                yield Static(self.t("handover.app.about"), markup=False, classes="muted")
                yield Static("", id="handover-draft", markup=False)
                yield Static(self.t("handover.app.to"), markup=False, classes="field-label")
                yield OptionList(id="handover-colleagues", markup=False)
                yield Static(self.t("handover.app.folder"), markup=False, classes="field-label")
                yield OptionList(id="handover-drives", markup=False)
                yield Input(id="handover-folder", compact=True)
                yield Static(self.t("handover.app.letter"), markup=False, classes="field-label")
                yield TextArea(id="handover-letter", soft_wrap=True)
            yield Static("", id="handover-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#handover-drives").display = False
        folder = last_folder(FOLDER_KIND)
        self.query_one("#handover-folder", Input).value = str(folder) if folder else ""

    def _ready(self, found: tuple[list[Colleague], list[Drive], bool]) -> None:
        self.colleagues, self.drives, draft = found
        self.query_one("#handover-draft", Static).update(
            self.t("handover.app.draft") if draft else ""
        )
        options = self.query_one("#handover-colleagues", OptionList)
        options.clear_options()
        for colleague in self.colleagues:
            options.add_option(Option(literal(one_line(colleague.name))))
        if not self.colleagues:
            self._say(self.t("handover.app.no_colleague"))
        else:
            options.highlighted = 0
            options.focus()
        if self.drives:
            drives = self.query_one("#handover-drives", OptionList)
            for drive in self.drives:
                line = self.t("handover.app.drive", label=clean(drive.label), path=str(drive.path))
                drives.add_option(Option(literal(line)))
            drives.display = True
            drives.highlighted = 0
            self.query_one("#handover-folder", Input).value = str(self.drives[0].path)
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#handover-drives")
    def _drive_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.drives):
            folder = str(self.drives[event.option_index].path)
            self.query_one("#handover-folder", Input).value = folder

    def _say(self, text: str, error: bool = True) -> None:
        status = self.query_one("#handover-status", Static)
        status.update(("✗ " if error and text else "") + text)
        status.set_class(error and bool(text), "error")

    def chosen(self) -> Colleague | None:
        index = self.query_one("#handover-colleagues", OptionList).highlighted
        if index is None or not (0 <= index < len(self.colleagues)):
            return None
        return self.colleagues[index]

    def action_send(self) -> None:
        if self.working or self.written is not None:
            return
        colleague = self.chosen()
        if colleague is None:
            self._say(self.t("handover.app.choose"))
            return
        typed = self.query_one("#handover-folder", Input).value.strip()
        if not typed:
            self._say(self.t("handover.app.folder_empty"))
            return
        folder = Path(typed).expanduser()
        if not folder.is_dir():
            self._say(self.t("handover.app.no_folder", path=typed))
            return
        letter = self.query_one("#handover-letter", TextArea).text
        question = self.t(
            "handover.app.confirm",
            name=self.person_name,
            colleague=one_line(colleague.name),
            path=str(folder),
        )
        choices = [
            ("cancel", self.t("handover.app.cancel"), "escape"),
            ("send", self.t("handover.app.send"), "t"),
        ]

        def answered(choice: str | None) -> None:
            if choice == "send":
                self._write(colleague, folder, letter)

        self.app.push_screen(ConfirmScreen(question, choices), answered)

    def _write(self, colleague: Colleague, folder: Path, letter: str) -> None:
        self.working = True
        self._say(self.t("handover.app.writing"), error=False)
        person_id, months = self.person_id, self.app.config.consultation_log_months

        def write(journal: Journal) -> Path:
            return hand_over(journal, person_id, colleague.name, folder, letter, keep_months=months)

        def failed(message: str) -> None:
            self.working = False
            self._say(message)

        self.load_in_worker(
            "handover", write, lambda path: self._written(path, colleague, folder), failed
        )

    def _written(self, path: Path, colleague: Colleague, folder: Path) -> None:
        self.working = False
        self.written = path
        remember_folder(FOLDER_KIND, folder.resolve())
        self.query_one("#handover-letter", TextArea).text = ""
        said = self.t("handover.app.written", path=str(path), name=one_line(colleague.name))
        self._say("✓ " + said, error=False)
        question = said + "\n\n" + self.t("handover.app.forget_question", name=self.person_name)
        choices = [
            ("keep", self.t("handover.app.keep"), "escape"),
            ("forget", self.t("handover.app.forget"), "o"),
        ]
        self.app.push_screen(ConfirmScreen(question, choices), self._keep_or_forget)

    def _keep_or_forget(self, choice: str | None) -> None:
        from views.screens.forget import ForgetScreen

        self.dismiss(None)
        if choice == "forget" and self.app.journal is not None:
            self.app.push_screen(ForgetScreen(self.person_id, self.person_name))

    def shows_person(self, person_id: str) -> bool:
        return person_id == self.person_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send":
            return None if self.working or not self.colleagues else True
        if action == "close":
            return None if self.working else True
        return True

    def action_close(self) -> None:
        self.dismiss(None)


def received_entries(journal: Journal, incoming: Incoming, allow_unknown: bool, months: int):
    """Take the story in; its person's id and their entries' ids (for the search index)."""
    person_id = accept_handover(journal, incoming, allow_unknown=allow_unknown, keep_months=months)
    return person_id, [entry.id for entry in journal.entries(person_id)]


class ReceiveScreen(DentelleModal[str | None]):
    """A path → what the file holds → ctrl+s, yes (twice for a stranger) → imported."""

    BINDINGS = [
        Binding("escape", "close", "key.dialog.cancel", id="receive.close"),
        Binding("ctrl+s", "accept", "key.handover.import", priority=True, id="receive.accept"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.incoming: Incoming | None = None
        self.working = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall", id="receive-dialog"):
            yield Static(self.t("receive.app.title"), markup=False, classes="label")
            yield Static(self.t("receive.app.path"), markup=False, classes="muted")
            yield Input(id="receive-path", compact=True)
            with VerticalScroll(id="receive-body"):
                yield Static("", id="receive-details", markup=False)
            yield Static("", id="receive-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        folder = last_folder(FOLDER_KIND)
        field = self.query_one("#receive-path", Input)
        field.value = f"{folder}/" if folder else ""
        field.focus()

    def _say(self, text: str, error: bool = True) -> None:
        status = self.query_one("#receive-status", Static)
        status.update(("✗ " if error and text else "") + text)
        status.set_class(error and bool(text), "error")

    @on(Input.Submitted, "#receive-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.working:
            return
        typed = event.value.strip()
        self.incoming = None
        self.query_one("#receive-details", Static).update("")
        if not typed:
            self._say(self.t("receive.app.empty"))
            return
        path = Path(typed).expanduser()
        self.working = True
        self._say(self.t("receive.app.reading"), error=False)
        self.load_in_worker(
            "receive-read", lambda journal: read_handover(journal, path), self._read, self._failed
        )

    def _failed(self, message: str) -> None:
        self.working = False
        self._say(message)
        self.refresh_bindings()

    def _read(self, incoming: Incoming) -> None:
        self.working = False
        self.incoming = incoming
        lang = self.lang
        if incoming.sender_status == "known":
            lines = [self.t("receive.app.from", name=one_line(incoming.sender_name or ""))]
        else:
            lines = [clean(UnknownSender(incoming.sender_card).message(lang))]
        lines.append(self.t("receive.app.for", name=one_line(incoming.person_name)))
        holds = self.t(
            "receive.app.holds",
            notes_text=count("entries", incoming.note_count, lang),
            versions_text=count("versions", incoming.version_count, lang),
            day=dates.format_day(incoming.created_at.date(), lang),
        )
        lines.append(holds)
        if incoming.merges_with:
            lines.append(self.t("receive.app.merges"))
        letter = clean(incoming.letter).strip() or self.t("receive.app.no_letter")
        lines += ["", self.t("receive.app.letter"), letter, "", self.t("receive.app.then")]
        self.query_one("#receive-details", Static).update("\n".join(lines))
        self._say("")
        self.query_one("#receive-body").focus()
        self.refresh_bindings()

    def action_accept(self) -> None:
        incoming = self.incoming
        if incoming is None or self.working:
            return
        known = incoming.sender_status == "known"
        name = one_line(incoming.person_name)

        def first(choice: str | None) -> None:
            if choice != "yes":
                return
            if known:
                self._import(incoming, allow_unknown=False)
                return
            question = self.t("receive.app.confirm_unknown")
            choices = [
                ("no", self.t("receive.app.no"), "escape"),
                ("yes", self.t("receive.app.yes_unknown"), "i"),
            ]
            self.app.push_screen(ConfirmScreen(question, choices), second)

        def second(choice: str | None) -> None:
            if choice == "yes":
                self._import(incoming, allow_unknown=True)

        choices = [
            ("no", self.t("receive.app.no"), "escape"),
            ("yes", self.t("receive.app.yes"), "i"),
        ]
        question = self.t("receive.app.confirm", name=name)
        self.app.push_screen(ConfirmScreen(question, choices), first)

    def _import(self, incoming: Incoming, allow_unknown: bool) -> None:
        self.working = True
        self._say(self.t("receive.app.importing"), error=False)
        months = self.app.config.consultation_log_months
        self.load_in_worker(
            "receive-accept",
            lambda journal: received_entries(journal, incoming, allow_unknown, months),
            self._imported,
            self._failed,
        )

    def _imported(self, done: tuple[str, list[str]]) -> None:
        person_id, entry_ids = done
        self.working = False
        self.app.post_message(PersonChanged(person_id))  # the list, the index
        for entry_id in entry_ids:
            self.app.post_message(EntrySaved(entry_id, person_id))
        self.dismiss(person_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            return None if self.incoming is None or self.working else True
        if action == "close":
            return None if self.working else True
        return True

    def action_close(self) -> None:
        self.dismiss(None)
