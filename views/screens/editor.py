"""Writing an entry: a date typed as one says it, the narrative, ctrl+s.

The date field shows live how it was understood ("hier → vendredi 27 novembre 2026")
or why not. Nothing typed is lost: the text is saved as an encrypted draft
(`Journal.save_draft`) every few seconds, when the app locks and when it closes; the
next unlock offers it back. Editing an existing entry writes a new version and the
old one stays in the history (`Journal.edit_entry`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Footer, Input, Static, TextArea

from journal import dates
from journal.errors import DateNotUnderstood, DentelleError
from journal.model import Draft, Entry, Person
from journal.store import Journal
from views.messages import EntrySaved
from views.screens.base import SELECT_ALL, DentelleScreen
from views.ui import one_line

AUTOSAVE_SECONDS = 5.0


def date_text_of(entry: Entry) -> str:
    """How an existing entry's date is written back into the field (day first)."""
    text = entry.occurred_on.strftime("%d/%m/%Y")
    if entry.time is not None:
        text += " " + entry.time.strftime("%H:%M")
    return text


class EditorScreen(DentelleScreen[str | None]):
    """A new entry, or a new version of one; dismisses with the saved entry's id."""

    BINDING_GROUP_TITLE = "key.group.editor"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.editor.save", priority=True, id="editor.save"),
        Binding("escape", "close", "key.editor.close", id="editor.close"),
        # A priority binding runs while the key is dispatched, so the text typed right
        # after Enter (fast typists, pastes) already lands in the text area.
        Binding("enter", "to_text", "key.editor.to_text", show=False, priority=True),
        SELECT_ALL,  # every screen has it (views/screens/base.py): listed in the help here
    ]

    def __init__(self, person: Person, entry: Entry | None = None, draft: Draft | None = None):
        super().__init__()
        self.person = person
        self.entry = entry
        self.draft_id: str | None = draft.id if draft else None
        self._baseline = (entry.text, date_text_of(entry)) if entry else ("", "")
        self._initial = (draft.text, draft.date_text) if draft else self._baseline
        self._in_store = self._initial if draft else None
        # Kept here, not read from the widgets, so the draft can still be saved while
        # the screen is being taken down (app closing, lock).
        self._text, self._date = self._initial
        self.finished = False

    def compose(self) -> ComposeResult:
        name = one_line(self.person.name)
        if self.entry is None:
            title = self.t("editor.title_new", name=name)
        else:
            day = dates.format_day(self.entry.occurred_on, self.lang)
            title = self.t("editor.title_edit", name=name, day=day)
        yield Static(title, id="editor-title", classes="titlebar", markup=False)
        with Horizontal(id="date-row"):
            yield Static(self.t("editor.date"), classes="label", markup=False)
            yield Input(self._initial[1], placeholder=self.t("editor.date_placeholder"), id="date")
        yield Static("", id="understood", markup=False)
        yield TextArea(
            self._initial[0],
            id="text",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=self.t("editor.placeholder"),
        )
        yield Static("", id="editor-status", markup=False, classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        date_field = self.query_one("#date", Input)
        text = self.query_one("#text", TextArea)
        date_field.cursor_blink = False
        text.cursor_blink = False
        if self.entry is None and not self._initial[0]:
            date_field.focus()
        else:
            text.focus()
            text.move_cursor(text.document.end)
        self._show_understood()
        self.set_interval(AUTOSAVE_SECONDS, self.keep_draft)

    # -- state --------------------------------------------------------------------

    @property
    def current(self) -> tuple[str, str]:
        return self._text, self._date

    @on(TextArea.Changed, "#text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._text = event.text_area.text

    @property
    def dirty(self) -> bool:
        """Does the screen hold something that is not saved as an entry?"""
        return self.current != self._baseline

    def _parse(self) -> dates.ParsedDate:
        return dates.parse_date(self.query_one("#date", Input).value, self.app.now(), self.lang)

    @on(Input.Changed, "#date")
    def _show_understood(self) -> None:
        widget = self.query_one("#understood", Static)
        value = self._date = self.query_one("#date", Input).value
        try:
            parsed = self._parse()
        except DateNotUnderstood as error:
            widget.update("✗ " + error.message(self.lang))
            widget.add_class("error")
            return
        now = self.app.now()
        widget.update("✓ " + dates.format_understood(parsed, value, now, self.lang))
        widget.remove_class("error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_text":  # only from the date field; Enter is a newline elsewhere
            return self.focused is not None and self.focused.id == "date"
        return True

    def action_to_text(self) -> None:
        self.set_focus(self.query_one("#text", TextArea))

    def _status(self, text: str, error: bool = False) -> None:
        try:
            status = self.query_one("#editor-status", Static)
        except NoMatches:  # the screen is being taken down
            return
        status.update(text)
        status.set_class(error, "error")

    # -- drafts -------------------------------------------------------------------

    def keep_draft(self) -> None:
        """Save what is written as an encrypted draft, if it differs from what is stored."""
        journal = self.journal
        if self.finished or journal is None:
            return
        current = self.current
        if current == self._in_store or not self.dirty or not current[0].strip():
            return
        try:
            draft = journal.save_draft(
                self.person.id,
                current[0],
                current[1],
                draft_id=self.draft_id,
                entry_id=self.entry.id if self.entry else None,
            )
        except DentelleError as error:
            self._status(error.message(self.lang), error=True)
            return
        self.draft_id = draft.id
        self._in_store = current
        when = self.app.now().strftime("%H:%M")
        self._status(self.t("editor.draft_saved", time=when))

    def _discard_draft(self) -> None:
        journal = self.journal
        if self.draft_id and journal is not None:
            with contextlib.suppress(DentelleError):
                journal.discard_draft(self.draft_id)
            self.draft_id = None

    def on_unmount(self) -> None:
        # The app is closing (or locking) with the editor open: keep the writing.
        self.keep_draft()

    # -- save and close -------------------------------------------------------------

    def action_save(self) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            parsed = self._parse()
        except DateNotUnderstood as error:
            self._status(error.message(self.lang), error=True)
            self.query_one("#date", Input).focus()
            return
        text = self.prepared(self.query_one("#text", TextArea).text)
        if not text.strip():
            self._status(self.t("editor.empty"), error=True)
            self.query_one("#text", TextArea).focus()
            return
        # A second look first: it may ask, never prevent; `_write` runs at once when
        # there is nothing to say.
        self.second_look(text, lambda: self._write(parsed, text))

    def prepared(self, text: str) -> str:
        """The text as it will be saved (the practice editor drops unanswered questions)."""
        return text

    def second_look(self, text: str, save: Callable[[], None]) -> None:
        """The pertinence check of the text (views/screens/pertinence.py); the practice
        editor looks for names instead."""
        from views.screens.pertinence import Field, check_before_saving

        check_before_saving(self, [Field("", self.query_one("#text", TextArea))], save)

    def _write(self, parsed: dates.ParsedDate, text: str) -> None:
        journal = self.journal
        if journal is None or self.finished:
            return
        try:
            saved = self.store(journal, parsed, text)
        except DentelleError as error:
            self._status(error.message(self.lang), error=True)
            return
        self._discard_draft()
        self.finished = True
        self.dismiss(saved)
        self.announce(saved)

    def announce(self, entry_id: str) -> None:
        """Tell the app an entry was saved: the people list and the search index follow."""
        self.app.post_message(EntrySaved(entry_id, self.person.id))

    def store(self, journal: Journal, parsed: dates.ParsedDate, text: str) -> str:
        """Write the entry, or a new version of it; its id (the practice editor overrides)."""
        if self.entry is None:
            return journal.add_entry(self.person.id, parsed.day, text, entry_time=parsed.time).id
        if (text, parsed.day, parsed.time) == (
            self.entry.text,
            self.entry.occurred_on,
            self.entry.time,
        ):
            return self.entry.id  # nothing changed: no new version
        return journal.edit_entry(
            self.entry.id, text=text, occurred_on=parsed.day, entry_time=parsed.time
        ).id

    def action_close(self) -> None:
        from views.screens.dialogs import ConfirmScreen

        if not self.dirty:
            self._discard_draft()
            self.finished = True
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self._discard_draft()
            elif choice == "draft":
                self.keep_draft()
            else:
                return
            self.finished = True
            self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                self.t("editor.confirm_close"),
                [
                    ("write", self.t("editor.keep_writing"), "escape"),
                    ("draft", self.t("editor.keep_draft"), "b"),
                    ("discard", self.t("editor.discard"), "d"),
                ],
            ),
            chosen,
        )
