"""The worker's card and their colleagues (palette: "Ma carte et mes collègues…").

The worker's own card (`journal.handover.colleagues.my_card`: made on first use) is
shown as text to copy, with its fingerprint in words to read aloud; their name on it
is set in the first field (Enter). Under it, the colleagues with their fingerprints;
`ctrl+d` removes the one under the cursor, once asked. A colleague is added with their
name and their card, pasted or given as the path of its file (ctrl+s). Every read and
write runs in a worker (`load_in_worker`); a refusal (a card that does not read, one's
own card, a name already used) is one sentence on the status line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from journal import dates
from journal.errors import DentelleError
from journal.handover.cards import Card, fingerprint
from journal.handover.colleagues import (
    Colleague,
    add_colleague,
    colleagues,
    my_card,
    remove_colleague,
    set_my_name,
)
from views.screens.base import DentelleModal
from views.screens.dialogs import ConfirmScreen
from views.ui import clean, literal, one_line

if TYPE_CHECKING:
    from journal.store import Journal


@dataclass(frozen=True)
class Cards:
    """What the screen shows: the worker's card and the colleagues, read in a worker."""

    mine: Card
    colleagues: list[Colleague]


def read_cards(journal: Journal) -> Cards:
    return Cards(my_card(journal), colleagues(journal))


def card_text(typed: str) -> str:
    """The card itself, or the text of the file whose path was typed instead."""
    text = typed.strip()
    if "\n" not in text and 0 < len(text) < 4096:
        path = Path(text).expanduser()
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                raise DentelleError("colleagues.app.unreadable", path=text) from None
    return typed


class ColleaguesScreen(DentelleModal[None]):
    """My card (name, text, fingerprint), my colleagues, adding and removing one."""

    BINDINGS = [
        Binding("escape", "close", "key.dialog.close", id="colleagues.close"),
        Binding("ctrl+s", "add", "key.handover.add", priority=True, id="colleagues.add"),
        Binding("ctrl+d", "remove", "key.handover.remove", id="colleagues.remove"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cards: Cards | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        self.reload()
        with Vertical(classes="dialog wide tall", id="colleagues-dialog"):
            yield Static(self.t("colleagues.app.title"), markup=False, classes="label")
            with VerticalScroll(id="colleagues-body"):
                yield Static(self.t("colleagues.app.my_name"), markup=False, classes="muted")
                mine = self.t("colleagues.app.my_name_placeholder")
                yield Input(id="my-name", placeholder=mine, compact=True)
                yield Static(self.t("colleagues.app.my_card"), markup=False, classes="muted")
                yield Static("", id="my-card", markup=False)
                yield Static("", id="my-fingerprint", markup=False)
                yield Static(self.t("colleagues.app.list"), markup=False, classes="field-label")
                yield OptionList(id="colleague-list", markup=False)
                yield Static(self.t("colleagues.app.add"), markup=False, classes="field-label")
                placeholder = self.t("colleagues.app.name_placeholder")
                yield Input(id="colleague-name", placeholder=placeholder, compact=True)
                yield TextArea(id="colleague-card", soft_wrap=True)
            yield Static("", id="colleagues-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#colleague-list").focus()
        body = self.query_one("#colleagues-body")
        body.call_after_refresh(body.scroll_home, animate=False)  # the card first

    def reload(self, then: str = "") -> None:
        self.load_in_worker(
            "colleagues", read_cards, lambda cards: self._show(cards, then), self._say
        )

    def _show(self, cards: Cards, said: str = "") -> None:
        first = self.cards is None
        self.cards = cards
        self.busy = False
        name = self.query_one("#my-name", Input)
        if not name.has_focus:
            name.value = cards.mine.name
        self.query_one("#my-card", Static).update(clean(cards.mine.text()).rstrip())
        words = fingerprint(cards.mine, self.lang)
        self.query_one("#my-fingerprint", Static).update(
            self.t("colleagues.app.fingerprint", words=words)
        )
        options = self.query_one("#colleague-list", OptionList)
        options.clear_options()
        for colleague in cards.colleagues:
            line = self.t(
                "colleagues.app.line",
                name=one_line(colleague.name),
                day=dates.format_day(colleague.added_on, self.lang),
                words=fingerprint(colleague.card, self.lang),
            )
            options.add_option(Option(literal(line)))
        if not cards.colleagues:
            options.add_option(Option(self.t("colleagues.app.none"), disabled=True))
        else:
            options.highlighted = 0
        self._say(said, error=False)
        self.refresh_bindings()
        if first:
            # A worker without a name on their card starts there; either way the screen
            # shows its top once the card is in (at 80x24 focus would scroll it away).
            if not cards.mine.name:
                name.focus()
            body = self.query_one("#colleagues-body")
            body.call_after_refresh(body.scroll_home, animate=False)

    def _say(self, text: str, error: bool = True) -> None:
        self.busy = False
        status = self.query_one("#colleagues-status", Static)
        status.update(("✗ " if error and text else "") + text)
        status.set_class(error and bool(text), "error")
        self.refresh_bindings()

    # -- my name ----------------------------------------------------------------------

    @on(Input.Submitted, "#my-name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value
        self._write(lambda journal: set_my_name(journal, name), self.t("colleagues.app.saved_name"))

    # -- adding, removing -------------------------------------------------------------

    @on(Input.Submitted, "#colleague-name")
    def _to_card(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#colleague-card", TextArea).focus()

    def action_add(self) -> None:
        name = self.query_one("#colleague-name", Input).value
        typed = self.query_one("#colleague-card", TextArea).text
        lang = self.lang

        def add(journal: Journal) -> str:
            added = add_colleague(journal, name, card_text(typed))
            return self.t(
                "colleagues.app.added",
                name=one_line(added.name),
                words=fingerprint(added.card, lang),
            )

        def added(said: str) -> None:
            self.query_one("#colleague-name", Input).value = ""
            self.query_one("#colleague-card", TextArea).text = ""
            self.reload(then=said)

        self.busy = True
        self.load_in_worker("colleague-add", add, added, self._say)

    def selected(self) -> Colleague | None:
        index = self.query_one("#colleague-list", OptionList).highlighted
        if self.cards is None or index is None or not (0 <= index < len(self.cards.colleagues)):
            return None
        return self.cards.colleagues[index]

    def action_remove(self) -> None:
        colleague = self.selected()
        if colleague is None:
            return
        name = one_line(colleague.name)

        def answered(choice: str | None) -> None:
            if choice == "remove":
                said = self.t("colleagues.app.removed", name=name)
                self._write(lambda journal: remove_colleague(journal, colleague.name), said)

        question = self.t("colleagues.app.remove_question", name=name)
        choices = [
            ("keep", self.t("colleagues.app.keep"), "escape"),
            ("remove", self.t("colleagues.app.remove"), "r"),
        ]
        self.app.push_screen(ConfirmScreen(question, choices), answered)

    def _write(self, write, said: str) -> None:
        self.busy = True
        self.load_in_worker(
            "colleague-write", write, lambda _done: self.reload(then=said), self._say
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add":
            return None if self.busy else True
        if action == "remove":
            return True if self.selected() is not None and not self.busy else None
        return True

    @on(OptionList.OptionHighlighted, "#colleague-list")
    def _moved(self) -> None:
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(None)
