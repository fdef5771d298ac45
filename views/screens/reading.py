"""Reading a story with the person: the screen turned towards them (`l` on a story).

Their name, their profile and their story, with more room between entries and
paragraphs, at a readable width in the middle of the terminal. Nothing else: no footer
(its keys are the worker's), no status line, no toast (the app holds notifications
while this screen is up, views/services/notices.py, and the CSS hides those already
shown), no key of the story screen or of the app but ctrl+l (`APP_ACTIONS`): the
person may hold the keyboard. The arrows, the Page keys, Home and End read; Escape
goes back to the story. The idle lock still applies, as everywhere.

Opening it writes "lu avec la personne" in their record of consultations, in the same
worker that reads the story.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from journal import dates
from journal.errors import DentelleError
from journal.model import Entry, Person
from journal.store.consultations import record_consultation
from journal.story import EntryItem, Gap, MonthHeading, YearHeading, story_items
from views.screens.base import DentelleScreen
from views.ui import clean, one_line
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import wrap_text

if TYPE_CHECKING:
    from journal.store import Journal

INDENT = "  "


@dataclass(frozen=True)
class Paragraphs:
    """Text in paragraphs, a blank line between them; `after` blank lines at the end."""

    text: str
    style: str = ""
    after: int = 2
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        lines: list[Line] = []
        for paragraph in clean(self.text).strip().split("\n"):
            if lines and lines[-1] != ():
                lines.append(())
            lines.extend(((line, self.style),) for line in wrap_text(paragraph, width))
        return lines + [()] * self.after


@dataclass(frozen=True)
class ReadingEntry:
    """One entry: its day (and time), a blank line, its paragraphs, room after it."""

    entry: Entry
    lang: str
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        header = dates.format_day(self.entry.occurred_on, self.lang)
        if self.entry.time is not None:
            header += " · " + self.entry.time.strftime("%H:%M")
        body = Paragraphs(self.entry.text).lines(width - len(INDENT))
        return [
            ((header, "strong"),),
            (),
            *[tuple((INDENT + t, s) for t, s in line) for line in body],
        ]


@dataclass(frozen=True)
class Heading:
    """A year (with a rule across) or a month (with room above), or a silence."""

    text: str
    style: str
    rule: bool = False
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        if self.rule:
            tail = max(0, width - len(self.text) - 4)
            return [(), (("━━ " + self.text + " ", self.style), ("━" * tail, "muted")), ()]
        if self.style == "gap":
            return [(("    — " + self.text + " —", "gap"),), (), ()]
        return [((self.text, self.style),), ()]


def reading_rows(person: Person, entries: list[Entry], lang: str) -> list:
    """The rows of the reading view: the profile, then the story in the order it happened."""
    rows: list = []
    if person.profile.strip():
        rows.append(Paragraphs(person.profile, "muted"))
    for item in story_items(entries):
        if isinstance(item, YearHeading):
            rows.append(Heading(str(item.year), "heading", rule=True))
        elif isinstance(item, MonthHeading):
            rows.append(Heading(dates.format_month(item.year, item.month, lang), "subheading"))
        elif isinstance(item, Gap):
            text = dates.format_gap(item.earlier, item.later, lang)
            if text:
                rows.append(Heading(text, "gap"))
        elif isinstance(item, EntryItem):
            rows.append(ReadingEntry(item.entry, lang))
    return rows


def read_with_person(
    journal: Journal, person_id: str, lang: str, keep_months: int
) -> tuple[Person, list]:
    """Their story's rows, and the line "read with the person" in their record (a worker)."""
    person = journal.person(person_id)
    rows = reading_rows(person, journal.entries(person_id), lang)
    with contextlib.suppress(DentelleError):  # the story is what matters: best effort
        record_consultation(journal, person_id, "read_with", keep_months=keep_months)
    return person, rows


class ReadingText(LineList, inherit_bindings=False):
    """The story, read by scrolling: no cursor, nothing to choose."""

    BINDINGS = [
        Binding("up", "lines(-1)", "key.reading.up", show=False, id="reading.up"),
        Binding("down", "lines(1)", "key.reading.down", show=False, id="reading.down"),
        Binding("pageup", "pages(-1)", "key.reading.page_up", show=False, id="reading.page-up"),
        Binding(
            "pagedown,space",
            "pages(1)",
            "key.reading.page_down",
            show=False,
            id="reading.page-down",
        ),
        Binding("home", "start", "key.reading.start", show=False, id="reading.start"),
        Binding("end", "finish", "key.reading.end", show=False, id="reading.end"),
    ]

    def action_lines(self, delta: int) -> None:
        self.scroll_relative(y=delta, animate=False, immediate=True)

    def action_pages(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        self.scroll_relative(y=direction * height, animate=False, immediate=True)

    def action_start(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_finish(self) -> None:
        self.scroll_end(animate=False, immediate=True)

    def show_row(self, index: int) -> None:
        """Put the first line of row `index` at the top (once laid out)."""
        self._layout()
        if 0 <= index < len(self._row_start):
            self.scroll_to(y=self._row_start[index], animate=False, immediate=True, force=True)


class ReadingScreen(DentelleScreen[None]):
    """A person's story turned towards them: reading keys and Escape, nothing else."""

    APP_ACTIONS: ClassVar[frozenset[str] | None] = frozenset({"lock"})
    BINDINGS = [Binding("escape", "close", "key.reading.back", show=False, id="reading.back")]

    def __init__(self, person_id: str, start_at: str | None = None) -> None:
        """`start_at`: the entry shown first (the one under the story's cursor)."""
        super().__init__()
        self.person_id = person_id
        self.start_at = start_at
        self.loaded = False

    def compose(self) -> ComposeResult:
        months = self.app.config.consultation_log_months
        person_id, lang = self.person_id, self.lang
        self.load_in_worker(
            "reading",
            lambda journal: read_with_person(journal, person_id, lang, months),
            self._loaded,
            self._failed,
        )
        yield Static("", id="reading-title", classes="titlebar", markup=False)
        yield ReadingText(id="reading")
        yield Static(self.t("reading.app.keys"), id="reading-keys", markup=False)

    def on_mount(self) -> None:
        self.app.notices.hold()
        self.query_one("#reading", ReadingText).focus()

    def on_unmount(self) -> None:
        self.app.notices.release(show_held=self.app.journal is not None)  # not at a lock

    def _loaded(self, loaded: tuple[Person, list]) -> None:
        person, rows = loaded
        self.query_one("#reading-title", Static).update(one_line(person.name))
        view = self.query_one("#reading", ReadingText)
        if not any(isinstance(row, ReadingEntry) for row in rows):
            rows = [*rows, Paragraphs(self.t("reading.app.empty"), "muted")]
        view.set_rows(rows)
        start = next(
            (
                i
                for i, row in enumerate(rows)
                if isinstance(row, ReadingEntry) and row.entry.id == self.start_at
            ),
            None,
        )
        if start is not None:
            view.call_after_refresh(view.show_row, start)
        self.loaded = True

    def _failed(self, message: str) -> None:
        self.query_one("#reading-title", Static).update(message)

    def shows_person(self, person_id: str) -> bool:
        return person_id == self.person_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == "close"

    def action_close(self) -> None:
        self.dismiss(None)
