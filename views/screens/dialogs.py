"""Small modal screens: a question with keyed answers, a person's name and profile."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.widgets import Button, Footer, Input, Static, TextArea

from journal import dates
from journal.errors import DentelleError
from journal.model import Person, PersonSummary
from journal.text import fold
from views.messages import PersonChanged
from views.screens.base import DentelleModal
from views.ui import literal, one_line, tells_apart


class ConfirmScreen(DentelleModal[str | None]):
    """A question and a few answers, each with a key; escape gives the first answer."""

    BINDINGS = [Binding("escape", "answer_first", "key.dialog.cancel", id="dialog.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]]) -> None:
        """`choices`: (value, label, key) — the first one is the safe answer."""
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                for value, label, key in self.choices:
                    shown = f"{label} ({'esc' if key == 'escape' else key})"
                    yield Button(literal(shown), id=f"choice-{value}")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: Key) -> None:
        for value, _label, key in self.choices:
            if event.key == key and key != "escape":
                event.stop()
                self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_answer_first(self) -> None:
        self.dismiss(self.choices[0][0])


class PersonFormScreen(DentelleModal[str | None]):
    """Add a person (no argument) or change a person's name and profile."""

    BINDINGS = [
        Binding("ctrl+s", "save", "key.person.save", priority=True, id="person.save"),
        Binding("escape", "cancel", "key.dialog.cancel", id="person.cancel"),
        # Priority: what is typed right after Enter lands in the profile (as Tab).
        Binding("enter", "to_profile", "key.person.to_profile", show=False, priority=True),
    ]

    def __init__(self, person: Person | None = None) -> None:
        super().__init__()
        self.person = person
        self._namesake_said: str | None = None  # the name the namesake warning was about

    def compose(self) -> ComposeResult:
        title = "person.title_add" if self.person is None else "person.title_edit"
        with Vertical(classes="dialog wide"):
            yield Static(self.t(title), markup=False, classes="label")
            yield Static(self.t("person.name"), markup=False)
            yield Input(
                self.person.name if self.person else "",
                placeholder=self.t("person.name_placeholder"),
                id="name",
            )
            yield Static(self.t("person.profile"), markup=False)
            yield TextArea(
                self.person.profile if self.person else "",
                id="profile-text",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=self.t("person.profile_placeholder"),
            )
            yield Static("", id="person-status", markup=False, classes="error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).cursor_blink = False
        self.query_one("#profile-text", TextArea).cursor_blink = False
        self.query_one("#name", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_profile":  # only from the name; Enter is a newline in the profile
            return self.focused is not None and self.focused.id == "name"
        return True

    def action_to_profile(self) -> None:
        self.set_focus(self.query_one("#profile-text", TextArea))

    def action_save(self) -> None:
        """The name and profile are read by the pertinence check first, as a note is:
        the person reads them at the head of their story and in their export."""
        from views.screens.pertinence import Field, check_before_saving

        name_field = self.query_one("#name", Input)
        profile_area = self.query_one("#profile-text", TextArea)
        name, profile = name_field.value.strip(), profile_area.text.strip()
        if not name:  # said before the check: there would be nothing to save anyway
            self._status(DentelleError("store.empty_name").message(self.lang))
            name_field.focus()
            return
        if self._warn_namesakes(name):
            return
        fields = [
            Field(self.t("pertinence.field.name"), name_field),
            Field(self.t("pertinence.field.profile"), profile_area),
        ]
        check_before_saving(self, fields, lambda: self._write(name, profile))

    def _warn_namesakes(self, name: str) -> bool:
        """Someone else already has this name: say so, with what tells them apart, once;
        ctrl+s again with the same name goes on (two "Mme B" make every later choice
        by name ambiguous). True when it was said and nothing is saved yet."""
        journal = self.journal
        if journal is None or self._namesake_said == fold(name):
            return False
        me = self.person.id if self.person else None
        same = [s for s in journal.namesakes(name) if s.person.id != me]
        if not same:
            return False
        self._namesake_said = fold(name)
        details = " ; ".join(self._tells_apart(summary) for summary in same)
        self._status(self.t("person.namesake", name=one_line(same[0].person.name), details=details))
        return True

    def _tells_apart(self, summary: PersonSummary) -> str:
        last = summary.last_contact
        when = (
            self.t("person.namesake.last", day=dates.format_day(last, self.lang))
            if last
            else self.t("person.namesake.no_note")
        )
        return f"{tells_apart(summary.person, self.lang)} · {when}"

    def _write(self, name: str, profile: str) -> None:
        journal = self.journal
        if journal is None or not self.is_attached:
            return
        try:
            if self.person is None:
                person = journal.add_person(name, profile)
            else:
                person = journal.update_person(self.person.id, name=name, profile=profile)
        except DentelleError as error:
            self._status(error.message(self.lang))
            return
        self.dismiss(person.id)
        self.app.post_message(PersonChanged(person.id))  # the list and the index follow

    def _status(self, message: str) -> None:
        self.query_one("#person-status", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)


def first_words(text: str, limit: int = 60) -> str:
    words = one_line(text)
    return words if len(words) <= limit else words[: limit - 1] + "…"
