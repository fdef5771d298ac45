"""Forgetting a person ("droit à l'oubli"): a confirmation that cannot be given by accident.

The worker types the person's name back, then Enter. A stray key (y, Enter, a double
press) can never erase a life story; Escape, or any other name, erases nothing. The
comparison ignores case, accents, spaces and punctuation, so "famille martin" confirms
"Famille Martin". `Journal.forget_person` then deletes every row, keeps a tombstone and
vacuums the file; the app, told `PersonForgotten`, closes whatever still shows them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from journal.errors import DentelleError
from journal.text import fold
from views.messages import PersonForgotten
from views.screens.base import DentelleModal


def name_key(name: str) -> str:
    """What must match when the name is typed back: letters and digits, folded."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def confirms(typed: str, name: str) -> bool:
    """True when `typed` is `name` (a name with no letter at all must be typed exactly)."""
    key = name_key(name)
    if not key:
        return " ".join(typed.split()) == " ".join(name.split()) and bool(name.strip())
    return name_key(typed) == key


class ForgetScreen(DentelleModal[bool]):
    """Names the person, says it cannot be undone, erases once the name is typed back."""

    BINDINGS = [Binding("escape", "cancel", "key.dialog.cancel", id="forget.cancel")]

    def __init__(self, person_id: str, name: str) -> None:
        """`name` is already cleaned (`views.ui.one_line`)."""
        super().__init__()
        self.person_id = person_id
        self.person_name = name
        self.erasing = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="forget-dialog"):
            yield Static(
                self.t("forget.app.title", name=self.person_name), markup=False, classes="label"
            )
            yield Static(self.t("forget.app.what", name=self.person_name), markup=False)
            yield Static(self.t("forget.app.backups"), markup=False, classes="muted")
            yield Static(self.t("forget.app.type_name"), markup=False, id="forget-ask")
            yield Input(id="forget-name", select_on_focus=False)
            yield Static("", id="forget-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#forget-name", Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted, "#forget-name")
    def _typed(self, event: Input.Submitted) -> None:
        status = self.query_one("#forget-status", Static)
        if self.erasing:
            return
        if not confirms(event.value, self.person_name):
            status.update("✗ " + self.t("forget.app.mismatch"))
            status.add_class("error")
            return
        self.erasing = True
        status.remove_class("error")
        status.update(self.t("forget.app.working"))
        # Let "Erasing…" paint first: the VACUUM takes a moment on a large vault.
        self.call_after_refresh(self._erase)

    def _erase(self) -> None:
        journal = self.journal
        if journal is None:
            self.dismiss(False)
            return
        try:
            journal.forget_person(self.person_id)
        except DentelleError as error:
            self.erasing = False
            status = self.query_one("#forget-status", Static)
            status.update("✗ " + error.message(self.lang))
            status.add_class("error")
            return
        self.dismiss(True)
        self.app.post_message(PersonForgotten(self.person_id, self.person_name))

    def action_cancel(self) -> None:
        if not self.erasing:
            self.dismiss(False)
