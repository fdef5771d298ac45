"""One person's life story: years, months, entries, and the silences written as time.

Entries come in the order things happened, grouped by year and month
(`journal.story.story_items`, shared with the CLI's `show`); a gap between contacts is
written "— 5 mois sans contact —", never a status. Above them, the profile and a strip
of contacts per month across the years. Decryption and date wording run in a thread
worker; the list draws only the lines in view, so 1,000 entries open in well under
300 ms (tests/bench/bench_app.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Footer, Static

from journal import dates
from journal.errors import DentelleError
from journal.model import Draft, Entry, Person
from journal.store.consultations import record_consultation
from journal.story import EntryItem, Gap, MonthHeading, YearHeading, contacts_per_month, story_items
from views.messages import JournalChange, PersonChanged
from views.screens.base import DentelleScreen
from views.screens.rhythm import RhythmLine
from views.ui import clean, one_line, palette_name, plural
from views.widgets.contact_strip import strip_content
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import wrap_text

if TYPE_CHECKING:
    from journal.store import Journal

BODY_INDENT = "  "
PROFILE_LINES = 3
"""Lines of the profile above the story (views/app.tcss gives it as many)."""


@dataclass(frozen=True)
class HeadingRow:
    """A year or month heading: the cursor passes over it."""

    text: str
    style: str
    rule: bool = False
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        if self.rule:
            tail = max(0, width - len(self.text) - 4)
            return [(), (("━━ " + self.text + " ", self.style), ("━" * tail, "muted"))]
        return [((self.text, self.style),)]


@dataclass(frozen=True)
class GapRow:
    """The silence between two contacts, as a length of time."""

    text: str
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        return [(), (("    — " + self.text + " —", "gap"),), ()]


@dataclass(frozen=True)
class EntryRow:
    """One entry: its day (and time), how many versions, then the text, wrapped.

    The wording and cleaning happen in `lines`, so that only the rows laid out pay
    for them (the newest first, see `LineList.set_rows`).
    """

    entry: Entry
    lang: str
    selectable: bool = True

    @property
    def header(self) -> str:
        entry = self.entry
        header = day_heading(entry.occurred_on, self.lang)
        if entry.time is not None:
            header += " · " + entry.time.strftime("%H:%M")
        return header

    def lines(self, width: int) -> list[Line]:
        versions = self.entry.versions
        marker = "   " + plural("timeline.versions", versions, self.lang) if versions > 1 else ""
        header: Line = ((self.header, "strong"), (marker, "muted"))
        text = clean(self.entry.text)
        body = [((BODY_INDENT + line, ""),) for line in wrap_text(text, width - len(BODY_INDENT))]
        return [header, *body, ()]


@lru_cache(maxsize=8192)
def day_heading(day: date, lang: str) -> str:
    """'mardi 24 mars 2026' — cached: Babel takes ~35 µs a date, a long story has 1,000."""
    return dates.format_day(day, lang)


def story_rows(entries: list[Entry], lang: str) -> list[HeadingRow | GapRow | EntryRow]:
    """The rows of the timeline, worded in `lang` (pure: runs in the worker thread)."""
    rows: list[HeadingRow | GapRow | EntryRow] = []
    for item in story_items(entries):
        if isinstance(item, YearHeading):
            rows.append(HeadingRow(str(item.year), "heading", rule=True))
        elif isinstance(item, MonthHeading):
            rows.append(HeadingRow(dates.format_month(item.year, item.month, lang), "subheading"))
        elif isinstance(item, Gap):
            text = dates.format_gap(item.earlier, item.later, lang)
            if text:
                rows.append(GapRow(text))
        elif isinstance(item, EntryItem):
            rows.append(EntryRow(item.entry, lang))
    return rows


def read_story(journal: Journal, person_id: str, lang: str) -> tuple[Person, list, dict]:
    """The person, their story's rows and contacts per month (decrypts: runs in a worker)."""
    person = journal.person(person_id)
    entries = journal.entries(person_id)
    return person, story_rows(entries, lang), contacts_per_month(entries)


class TimelineView(LineList):
    """The story itself, opened at the most recent entry."""

    BINDINGS = [
        Binding("enter", "select", "key.timeline.edit", show=False, id="timeline.open"),
    ]


class TimelineScreen(DentelleScreen):
    """A person's story; `n` writes a new entry, `e` edits the one under the cursor."""

    BINDING_GROUP_TITLE = "key.group.timeline"
    HELP_ALSO = (TimelineView, LineList)
    BINDINGS = [
        Binding("n", "new_entry", "key.timeline.new", id="timeline.new"),
        Binding("e", "edit_entry", "key.timeline.edit", id="timeline.edit"),
        Binding("h", "history", "key.timeline.history", id="timeline.history"),
        Binding("p", "edit_profile", "key.timeline.profile", id="timeline.profile"),
        # No room left in the footer at 80 columns: the help, the palette and the guide
        # show `r`, and the line it sets appears under the profile.
        Binding("r", "rhythm", "key.timeline.rhythm", show=False, id="timeline.rhythm"),
        Binding("escape", "back", "key.timeline.back", show=False, id="timeline.back"),
        # Backup and the person's rights (views/actions.py): in the help and the palette,
        # the footer has no room left at 80 columns.
        Binding("x", "app.export_person", "key.rights.export", show=False, id="timeline.export"),
        Binding(
            "c", "app.consultations", "key.rights.consultations", show=False, id="timeline.consult"
        ),
        Binding(
            "ctrl+d",
            "app.remove_or_forget",
            "key.people.remove_or_forget",
            show=False,
            id="timeline.forget",
        ),
        Binding("b", "app.backup", "key.rights.backup", show=False, id="timeline.backup"),
        # Reading with the person (views/screens/reading.py): in the help and the palette.
        Binding("l", "read_with", "key.timeline.read_with", show=False, id="timeline.read-with"),
        Binding("t", "hand_over", "key.timeline.hand_over", show=False, id="timeline.hand-over"),
    ]

    def __init__(
        self, person_id: str, resume: Draft | None = None, select: str | None = None
    ) -> None:
        """`resume`: a draft to open in the editor; `select`: the entry to start on."""
        super().__init__()
        self.person_id = person_id
        self._resume = resume
        self._select_first = select
        self.person: Person | None = None
        self.rows: list = []
        self.loaded = False
        self._counts: dict = {}
        self._select_after_load: str | None = None

    def compose(self) -> ComposeResult:
        # Decrypt while the widgets are being built and styled, not after. (Not from
        # __init__: a screen sent messages before it is attached never repaints.)
        self.reload(select=self._select_first)
        yield Static("", id="timeline-title", classes="titlebar", markup=False)
        yield Static("", id="profile", markup=False)
        yield RhythmLine(id="rhythm")
        yield Static("", id="strip", markup=False)
        yield TimelineView(id="timeline", start_at_end=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#timeline", TimelineView).focus()
        # One "opened" line in the person's record of consultations per opening.
        self.call_after_refresh(self._note_opened)

    def _note_opened(self) -> None:
        """Add an "opened" line to the person's record of consultations.

        Best effort: the story is already on screen, and a failure here must not take
        it away (the journal may have been locked meanwhile).
        """
        journal = self.journal
        if journal is None or not journal.is_open:
            return
        months = self.app.config.consultation_log_months
        with contextlib.suppress(DentelleError):
            record_consultation(journal, self.person_id, "opened", keep_months=months)

    def reload(self, select: str | None = None) -> None:
        self._select_after_load = select
        person_id, lang = self.person_id, self.lang
        self.load_in_worker(
            "story",
            lambda journal: read_story(journal, person_id, lang),
            self._loaded,
            self._load_failed,
        )

    def _loaded(self, loaded: tuple[Person, list, dict]) -> None:
        self.person, self.rows, self._counts = loaded
        self.loaded = True
        self._show_person()
        cursor = None
        if self._select_after_load:
            cursor = next(
                (
                    i
                    for i, row in enumerate(self.rows)
                    if isinstance(row, EntryRow) and row.entry.id == self._select_after_load
                ),
                None,
            )
        shown = self.rows or [HeadingRow(self.t("timeline.empty"), "muted")]
        self.query_one("#timeline", TimelineView).set_rows(shown, cursor=cursor)
        self.refresh_bindings()
        if self._resume is not None:
            draft, self._resume = self._resume, None
            entry = next(
                (
                    row.entry
                    for row in self.rows
                    if isinstance(row, EntryRow) and row.entry.id == draft.entry_id
                ),
                None,
            )
            self.open_editor(entry=entry, draft=draft)

    def _load_failed(self, message: str) -> None:
        self.query_one("#profile", Static).update(message)

    def _show_person(self) -> None:
        person = self.person
        if person is None:
            return
        count = sum(1 for row in self.rows if isinstance(row, EntryRow))
        self.query_one("#timeline-title", Static).update(
            plural("timeline.title", count, self.lang, name=one_line(person.name))
        )
        today = self.app.today()
        self.query_one("#rhythm", RhythmLine).show(person, self.last_contact(), today, self.lang)
        self._draw_profile()
        self._draw_strip()

    def _draw_profile(self) -> None:
        """The profile on at most `PROFILE_LINES` lines; when it is longer, the last one
        ends with "… (p : tout lire)": `p` opens it whole, in the profile's form."""
        if self.person is None:
            return
        profile = clean(self.person.profile).strip()
        widget = self.query_one("#profile", Static)
        widget.set_class(not profile, "muted")
        if not profile:
            widget.update(self.t("timeline.no_profile"))
            return
        width = widget.content_region.width or self.size.width - 2
        lines = wrap_text(profile, width)
        more = self.t("timeline.profile_more")
        if len(lines) > PROFILE_LINES:
            last = " ".join(lines[PROFILE_LINES - 1 :])
            room = max(1, width - 1 - cell_len(more))
            cut = wrap_text(last, room)[0]  # whole words, as far as they go
            lines = [*lines[: PROFILE_LINES - 1], cut + " " + more]
        widget.update("\n".join(lines))

    def _draw_strip(self) -> None:
        strip = self.query_one("#strip", Static)
        width = strip.content_region.width or self.size.width
        today = self.app.today()
        legend, months = self.t("timeline.strip_legend.bars"), self.t("timeline.strip_months")
        strip.update(strip_content(self._counts, width, today, legend, months))

    def on_resize(self) -> None:
        if self.loaded:
            self._draw_profile()
            self._draw_strip()

    # -- actions ------------------------------------------------------------------

    def selected_entry(self) -> Entry | None:
        cursor = self.query_one("#timeline", TimelineView).cursor
        if 0 <= cursor < len(self.rows) and isinstance(self.rows[cursor], EntryRow):
            return self.rows[cursor].entry
        return None

    def person_in_view(self) -> tuple[str, str] | None:
        return None if self.person is None else (self.person_id, one_line(self.person.name))

    def shows_person(self, person_id: str) -> bool:
        return person_id == self.person_id

    def palette_commands(self) -> Iterable[SystemCommand]:
        t = self.t
        person = self.person_in_view()
        if person is None:
            return
        name = palette_name(person[1])  # every entry here is about them: it names them
        yield SystemCommand(t("cmd.entry_new", name=name), t("cmd.entry_new.help"), self.new_entry)
        yield SystemCommand(t("cmd.rhythm", name=name), t("cmd.rhythm.help"), self.action_rhythm)
        yield SystemCommand(
            t("cmd.rights.consultations", name=name),
            t("cmd.rights.consultations.help"),
            self.app.action_consultations,
        )
        yield SystemCommand(
            t("cmd.read_with", name=name), t("cmd.read_with.help"), self.action_read_with
        )
        yield SystemCommand(
            t("cmd.hand_over", name=name), t("cmd.hand_over.help"), self.action_hand_over
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_entry", "history"):
            return None if self.selected_entry() is None else True
        if action in ("new_entry", "edit_profile", "rhythm", "read_with", "hand_over"):
            return None if self.person is None else True
        return True

    @on(LineList.Highlighted, "#timeline")
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(LineList.Selected, "#timeline")
    def _selected(self) -> None:
        self.action_edit_entry()

    def new_entry(self) -> None:
        self.action_new_entry()

    def action_new_entry(self) -> None:
        if self.person is not None:
            self.open_editor(entry=None)

    def action_edit_entry(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.person is not None:
            self.open_editor(entry=entry)

    def open_editor(self, entry: Entry | None = None, draft: Draft | None = None) -> None:
        from views.screens.editor import EditorScreen

        assert self.person is not None
        self.app.push_screen(EditorScreen(self.person, entry=entry, draft=draft), self._written)

    def _written(self, entry_id: str | None) -> None:
        if entry_id:  # the editor told the app (`EntrySaved`): the list and index follow
            self.reload(select=entry_id)

    def action_history(self) -> None:
        from views.screens.versions import VersionsScreen

        entry = self.selected_entry()
        if entry is None:
            return

        def closed(erased: bool | None) -> None:
            if erased:  # its "✎ n versions" follows
                self.reload(select=entry.id)

        self.app.push_screen(VersionsScreen(entry.id), closed)

    def action_edit_profile(self) -> None:
        from views.screens.dialogs import PersonFormScreen

        if self.person is None:
            return

        # The form tells the app (`PersonChanged`): the list, the index and this story
        # (`journal_changed`) follow.
        self.app.push_screen(PersonFormScreen(self.person))

    def journal_changed(self, change: JournalChange) -> None:
        if isinstance(change, PersonChanged) and change.person_id == self.person_id:
            self.reload()  # renamed (F2 on the list, the palette) or profile changed

    def last_contact(self) -> date | None:
        days = [row.entry.occurred_on for row in self.rows if isinstance(row, EntryRow)]
        return max(days, default=None)

    def action_rhythm(self) -> None:
        """Say the person's rhythm of contact in words (views/screens/rhythm.py)."""
        from views.screens.rhythm import RhythmScreen

        if self.person is None:
            return

        def changed(done: bool | None) -> None:
            if done:
                entry = self.selected_entry()
                self.reload(select=entry.id if entry else None)

        self.app.push_screen(RhythmScreen(self.person, self.last_contact()), changed)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_read_with(self) -> None:
        """The story turned towards the person, from the entry under the cursor."""
        from views.screens.reading import ReadingScreen

        if self.person is not None:
            entry = self.selected_entry()
            self.app.push_screen(ReadingScreen(self.person_id, entry.id if entry else None))

    def action_hand_over(self) -> None:
        """Write their story for a colleague (views/screens/handover.py)."""
        from views.screens.handover import HandoverScreen

        if self.person is not None:
            self.app.push_screen(HandoverScreen(self.person_id, one_line(self.person.name)))
