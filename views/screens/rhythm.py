"""A person's rhythm of contact in the app: one line in the timeline header, and `r` to say it.

Optional, and most people have none: without a rhythm the line is not shown at all.
The dialog reads the words as they are typed, like the date field ("✓ tous les mois →
prochain contact attendu vers le lundi 4 janvier 2027", or why not, with
examples). The rule is stored in the person's sealed profile
(`Journal.update_person(extra={"rhythm": …})`), as the CLI's `dentelle rhythm` does.

The words kept with the rule are shown to the worker and go into the person's export,
yet they need no pertinence check: the grammar accepts nothing but its own words ("tous
les mois, il est agressif" is not understood), so a rhythm has no free text.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from journal import dates
from journal.errors import DentelleError
from journal.model import Person
from journal.rhythm import Rhythm, RhythmNotUnderstood, parse_rhythm
from views.screens.base import DentelleModal
from views.ui import one_line


def person_rhythm(person: Person) -> Rhythm | None:
    """The rhythm kept in a person's profile, or None (cleared, never set, unreadable)."""
    data = person.extra.get("rhythm")
    if not data:
        return None
    try:
        return Rhythm.from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def next_expected(rhythm: Rhythm, last_contact: date | None, today: date) -> date:
    """The next day the rhythm brings, counted from the last contact, not before today.

    Same reckoning as `journal.rhythm.soon` and `dentelle rhythm`: a "tous les mois"
    seen on the 12th is next expected on a 12th.
    """
    upcoming = rhythm.next_after(last_contact or today)
    while upcoming < today:
        upcoming = rhythm.next_after(upcoming)
    return upcoming


def rhythm_line(person: Person, last_contact: date | None, today: date, lang: str) -> str:
    """'Rythme : tous les mois · prochain contact attendu vers le …', or '' without one."""
    rhythm = person_rhythm(person)
    if rhythm is None:
        return ""
    from journal.i18n import translate

    day = dates.format_day(next_expected(rhythm, last_contact, today), lang)
    return translate("rhythm.line", lang, rhythm=rhythm.describe(lang), day=day)


class RhythmLine(Static):
    """The rhythm under the profile in the timeline header; hidden when there is none."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.display = False

    def show(self, person: Person, last_contact: date | None, today: date, lang: str) -> None:
        text = rhythm_line(person, last_contact, today, lang)
        self.update(text)
        self.display = bool(text)


class RhythmScreen(DentelleModal[bool]):
    """Say (or clear) a person's rhythm in words; dismisses True when it was changed."""

    BINDINGS = [
        Binding("escape", "cancel", "key.dialog.cancel", id="rhythm.cancel"),
    ]

    def __init__(self, person: Person, last_contact: date | None) -> None:
        super().__init__()
        self.person = person
        self.last_contact = last_contact
        self.current = person_rhythm(person)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(
                self.t("rhythm.title", name=one_line(self.person.name)),
                markup=False,
                classes="label",
            )
            yield Static(self.t("rhythm.explain"), markup=False, classes="muted")
            yield Input(
                self.current.said if self.current else "",
                placeholder=self.t("rhythm.placeholder"),
                id="rhythm-words",
            )
            yield Static("", id="rhythm-understood", markup=False)
            yield Static(self.t("rhythm.keys"), id="rhythm-keys", markup=False, classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#rhythm-words", Input)
        field.cursor_blink = False
        field.focus()
        self._understood()

    def _read(self) -> Rhythm | None:
        """The rhythm typed, None for an empty field; raises RhythmNotUnderstood."""
        words = self.query_one("#rhythm-words", Input).value
        return parse_rhythm(words) if words.strip() else None

    @on(Input.Changed, "#rhythm-words")
    def _understood(self) -> None:
        widget = self.query_one("#rhythm-understood", Static)
        try:
            rhythm = self._read()
        except RhythmNotUnderstood as error:
            widget.update("✗ " + error.message(self.lang))
            widget.add_class("error")
            return
        widget.remove_class("error")
        if rhythm is None:
            widget.update(self.t("rhythm.will_clear" if self.current else "rhythm.none_yet"))
            return
        today = self.app.today()
        day = dates.format_day(next_expected(rhythm, self.last_contact, today), self.lang)
        widget.update(self.t("rhythm.understood", rhythm=rhythm.describe(self.lang), day=day))

    @on(Input.Submitted, "#rhythm-words")
    def _submitted(self) -> None:
        self.save()

    def save(self) -> None:
        """Enter: keep the rhythm typed, or remove it when the field is empty."""
        journal = self.journal
        if journal is None:
            return
        try:
            rhythm = self._read()
        except RhythmNotUnderstood:
            return  # the line under the field already says why, with examples
        if rhythm is None and self.current is None:
            self.dismiss(False)
            return
        try:
            journal.update_person(
                self.person.id, extra={"rhythm": rhythm.to_json() if rhythm else None}
            )
        except DentelleError as error:
            widget = self.query_one("#rhythm-understood", Static)
            widget.update(error.message(self.lang))
            widget.add_class("error")
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
