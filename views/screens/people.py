"""Everyone the worker accompanies: filtered as they type, sorted by last contact or name.

The summaries (which decrypt every entry to count them) load in a thread worker; each
keystroke of the filter then only compares pre-folded names and re-lays out one line
per person, which keeps a 1,000-person list under the 50 ms target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Footer, Input, Static

from journal import dates
from journal.i18n import translate
from journal.model import Draft
from journal.store.practice import PRACTICE
from journal.text import fold
from views.messages import JournalChange, PersonChanged
from views.screens.base import DentelleScreen
from views.ui import Localized, one_line, plural, tells_apart
from views.widgets.care_status import CareStatus
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import fit

if TYPE_CHECKING:
    from journal.store import Journal

COUNT_WIDTH = 9
AGO_WIDTH = 24
NAME_MIN = 8


@dataclass(frozen=True)
class PersonRow:
    """One line of the list; `name` is already cleaned, `folded` is for the filter;
    `shown` is the name as listed: with what tells them apart when someone else has
    the same name (`tells_apart`)."""

    person_id: str
    name: str
    folded: str
    last_contact: date | None
    entry_count: int
    ago: str
    count_text: str
    selectable: bool = True
    shown: str = ""
    count_width: int = COUNT_WIDTH  # the list's columns, the same on every row
    ago_width: int = AGO_WIDTH

    def lines(self, width: int) -> list[Line]:
        # The columns grow for a long count ("1400 entries") or date, never cut a word
        # of them: the name gives way, with an ellipsis (the list crops what overflows).
        count_width = max(self.count_width, cell_len(self.count_text))
        ago_width = max(self.ago_width, cell_len(self.ago) + 1)
        if width < NAME_MIN + ago_width + count_width:
            ago_width = cell_len(self.ago) + 1
        name_width = max(NAME_MIN, width - ago_width - count_width)
        return [
            (
                (fit(self.shown or self.name, name_width), "strong"),
                (fit(self.ago, ago_width), "muted"),
                (self.count_text.rjust(count_width), ""),
            )
        ]


def read_people(journal: Journal, today: date, lang: str) -> tuple[list[PersonRow], list[Draft]]:
    """Everyone's row, and the drafts left (decrypts every entry: runs in a worker)."""
    summaries = journal.summaries()
    drafts = journal.drafts()
    rows = []
    same_name = Counter(fold(s.person.name.strip()) for s in summaries)
    for summary in summaries:
        name = one_line(summary.person.name)
        twice = same_name[fold(summary.person.name.strip())] > 1
        last = summary.last_contact
        rows.append(
            PersonRow(  # the widths of its columns are the list's, set below
                person_id=summary.person.id,
                name=name,
                folded=fold(name),
                last_contact=last,
                entry_count=summary.entry_count,
                ago=dates.format_ago(last, today, lang)
                if last
                else translate("people.no_contact", lang),
                count_text=plural("people.count", summary.entry_count, lang),
                shown=f"{name} · {tells_apart(summary.person, lang)}" if twice else "",
            )
        )
    # Every row's columns as wide as the widest of the list: they line up.
    count_width = max([COUNT_WIDTH, *(cell_len(r.count_text) for r in rows)])
    ago_width = max([AGO_WIDTH, *(cell_len(r.ago) + 1 for r in rows)])
    rows = [replace(r, count_width=count_width, ago_width=ago_width) for r in rows]
    return rows, drafts


class PeopleList(LineList):
    """The list itself. Every printable key typed on it goes to the filter (`/` aside:
    search, and no name has one): a name is typed wherever the focus is, and no letter
    ever acts. The list's actions are the screen's ctrl and function keys."""

    BINDINGS = [
        Binding("enter", "select", "key.people.open", id="people.open"),
    ]

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and event.key != "slash":
            event.stop()
            event.prevent_default()
            screen = self.screen
            if isinstance(screen, PeopleScreen):
                screen.type_in_filter(event.character)


class FilterInput(Localized, Input):
    """The filter field: letters filter, arrows and Enter act on the list below."""

    BINDINGS = [
        # Not in the footer (the arrows are obvious; ctrl+n takes the room at 80 columns).
        Binding(
            "down",
            "screen.move(1)",
            "key.people.choose",
            key_display="↑↓",
            show=False,
            id="people.down",
        ),
        Binding("up", "screen.move(-1)", "key.people.choose", show=False, id="people.up"),
        Binding(
            "pagedown", "screen.page(1)", "key.list.page_down", show=False, id="people.page-down"
        ),
        Binding("pageup", "screen.page(-1)", "key.list.page_up", show=False, id="people.page-up"),
        Binding("enter", "screen.open_highlighted", "key.people.open", id="people.open-match"),
        # Right after unlock the cursor is here: `/` searches the stories (no name has one).
        Binding(
            "slash",
            "app.search",
            "key.app.search",
            key_display="/",
            priority=True,
            id="people.search",
        ),
    ]


HEADER_RETRIES = 20


class PeopleScreen(DentelleScreen):
    """The list of people; Enter opens a person's story."""

    BINDING_GROUP_TITLE = "key.group.people"
    HELP_ALSO = (PeopleList,)
    # Letters always filter (a name can hold any of them): the list's actions are on
    # ctrl and function keys, the same from the filter and from the list (priority: the
    # filter's own ctrl+d and ctrl+e would take them first). Elsewhere in the app, where
    # no text is typed, the single letters stay: s, j, b, x, r are ctrl+s, ctrl+t (ctrl+j
    # is a line feed, Enter on some terminals), ctrl+b, ctrl+e, ctrl+r here. The footer
    # has room for ctrl+n at 80 columns; the status line names ctrl+s, ctrl+o, ctrl+t, F2.
    BINDINGS = [
        Binding("ctrl+n", "add_person", "key.people.add", priority=True, id="people.add"),
        Binding("ctrl+s", "app.soon", "key.app.soon", show=False, priority=True, id="people.soon"),
        Binding(
            "ctrl+o", "toggle_sort", "key.people.sort", show=False, priority=True, id="people.sort"
        ),
        Binding(
            "ctrl+t",
            "app.practice",
            "key.app.practice",
            show=False,
            priority=True,
            id="people.practice",
        ),
        Binding("f2", "app.rename_person", "key.people.rename", show=False, id="people.rename"),
        # Backup and the person's rights (views/actions.py); the status line names ctrl+r.
        Binding(
            "ctrl+b",
            "app.backup",
            "key.rights.backup",
            show=False,
            priority=True,
            id="people.backup",
        ),
        Binding(
            "ctrl+e",
            "app.export_person",
            "key.rights.export",
            show=False,
            priority=True,
            id="people.export",
        ),
        Binding(
            "ctrl+r",
            "app.review",
            "key.rights.review",
            show=False,
            priority=True,
            id="people.review",
        ),
        # Someone with no note is removed; someone with notes goes to the erasure.
        Binding(
            "ctrl+d",
            "app.remove_or_forget",
            "key.people.remove_or_forget",
            show=False,
            priority=True,
            id="people.forget",
        ),
        Binding("ctrl+q", "app.quit", "key.app.quit", id="people.quit"),
        Binding(
            "tab",
            "focus_list",
            "key.people.to_list",
            id="people.to-list",
            show=False,
            priority=True,  # as every screen's Tab (views/screens/base.py)
        ),
        Binding("escape", "clear_filter", "key.people.clear", id="people.clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PersonRow] = []
        self._ordered: list[PersonRow] = []  # every row, in the chosen order
        self._shown: list[PersonRow] = []
        self.applied_filter = ""
        """The filter text the list shows the result of (benchmarks wait on it)."""
        self._header_retries = 0
        self.sort_by_name = False
        self.loaded = False
        self._drafts: list[Draft] = []
        self._drafts_offered = False
        self.loading = False

    def compose(self) -> ComposeResult:
        # Decrypt while the widgets are being built and styled, not after. (Not from
        # __init__: a screen sent messages before it is attached never repaints.)
        self.reload()
        yield Static("", id="people-title", classes="titlebar", markup=False)
        yield FilterInput(placeholder=self.t("people.filter"), id="filter", select_on_focus=False)
        yield Static("", id="people-header", classes="columns", markup=False)
        yield PeopleList(id="people")
        yield Static(self.t("people.loading"), id="people-status", markup=False, classes="muted")
        yield CareStatus(id="care-status")  # last backup, people due for review
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()
        self.query_one("#filter", Input).cursor_blink = False
        self._update_title()
        if not self.loading:
            self.reload()

    # -- loading ------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the summaries again (after an entry or a person was added)."""
        self._select_after_load = select
        today, lang = self.app.today(), self.lang
        if self.load_in_worker(
            "people",
            lambda journal: read_people(journal, today, lang),
            self._loaded,
            self._load_failed,
        ):
            self.loading = True

    def journal_changed(self, change: JournalChange) -> None:
        # Every change may move someone in the list or change a count; a person added
        # or renamed is put under the cursor.
        self.reload(select=change.person_id if isinstance(change, PersonChanged) else None)

    def _loaded(self, loaded: tuple[list[PersonRow], list[Draft]]) -> None:
        self.loading = False
        self._rows, self._drafts = loaded
        self._ordered = self._sorted(self._rows)
        self.loaded = True
        self._apply(select=self._select_after_load)
        if not self._drafts_offered:
            self._drafts_offered = True
            self.offer_drafts()
        self.query_one(CareStatus).refresh_status()
        self.app.people_list_shown()

    def _load_failed(self, message: str) -> None:
        self.loading = False
        self._set_status(message)

    # -- filter and sort -------------------------------------------------------------

    def _sorted(self, rows: list[PersonRow]) -> list[PersonRow]:
        if self.sort_by_name:
            return sorted(rows, key=lambda r: r.folded)
        # Most recent contact first; people not met yet (just added) at the top.
        by_name = sorted(rows, key=lambda r: r.folded)
        never = [r for r in by_name if r.last_contact is None]
        met = [r for r in by_name if r.last_contact is not None]
        met.sort(key=lambda r: r.last_contact, reverse=True)  # stable: names stay in order
        return never + met

    def _apply(self, select: str | None = None) -> None:
        people = self.query_one("#people", PeopleList)
        if select is None and 0 <= people.cursor < len(self._shown):
            select = self._shown[people.cursor].person_id
        typed = self.query_one("#filter", Input).value
        needle = fold(typed.strip())
        ordered = self._ordered
        self._shown = [r for r in ordered if needle in r.folded] if needle else list(ordered)
        cursor = next((i for i, r in enumerate(self._shown) if r.person_id == select), None)
        if needle and cursor is None:
            cursor = 0  # typing a name puts the best (first) match under the cursor
        people.set_rows(self._shown, cursor=cursor)
        self.applied_filter = typed
        self._update_header()
        if not self._rows:
            self._set_status(self.t("people.empty"))
        elif not self._shown:
            self._set_status(self.t("people.no_match"))
        else:
            self._set_status(self.t("people.shown", shown=len(self._shown), total=len(self._rows)))

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if self.loaded:
            self._apply()

    def action_open_highlighted(self) -> None:
        self.query_one("#people", PeopleList).action_select()

    def action_toggle_sort(self) -> None:
        self.sort_by_name = not self.sort_by_name
        self._ordered = self._sorted(self._rows)
        self._update_title()
        self._apply()

    def type_in_filter(self, text: str) -> None:
        field = self.query_one("#filter", Input)
        field.focus()
        field.insert_text_at_cursor(text)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_focus_list(self) -> None:
        # At once, not `focus()` (deferred): the keys after Tab follow the focus.
        self.set_focus(self.query_one("#people", PeopleList))

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        field.focus()

    def action_move(self, delta: int) -> None:
        self.query_one("#people", PeopleList).action_move(delta)

    def action_page(self, direction: int) -> None:
        self.query_one("#people", PeopleList).action_page(direction)

    def _update_title(self) -> None:
        order = self.t("people.sorted_by_name" if self.sort_by_name else "people.sorted_by_contact")
        self.query_one("#people-title", Static).update(self.t("people.title", order=order))

    @on(LineList.LaidOut, "#people")
    def _update_header(self) -> None:
        region = self.query_one("#people", PeopleList).scrollable_content_region
        if region.width <= 0:  # just back from a window above it: not laid out yet
            # Try again after the next refresh, a few times only: a list that stays
            # unlaid (a screen on top) must not spin the event loop (it hung a test).
            self._header_retries += 1
            if self.is_active and self._header_retries <= HEADER_RETRIES:
                self.call_after_refresh(self._update_header)
            return
        self._header_retries = 0
        width = region.width - 2
        first = self._rows[0] if self._rows else None
        count_width = first.count_width if first else COUNT_WIDTH
        ago_width = first.ago_width if first else AGO_WIDTH
        name_width = max(8, width - ago_width - count_width)
        header = (
            "  "
            + fit(self.t("people.col_name"), name_width)
            + fit(self.t("people.col_last"), ago_width)
            + self.t("people.col_count").rjust(count_width)
        )
        self.query_one("#people-header", Static).update(header)

    def _set_status(self, text: str) -> None:
        self.query_one("#people-status", Static).update(text)

    # -- actions ------------------------------------------------------------------

    @on(LineList.Selected, "#people")
    async def _open(self, event: LineList.Selected) -> None:
        if 0 <= event.index < len(self._shown):
            await self.app.show_person(self._shown[event.index].person_id)

    def names(self) -> list[tuple[str, str]]:
        """(id, name as listed) of everyone: two people of the same name told apart."""
        return [
            (row.person_id, row.shown or row.name)
            for row in sorted(self._rows, key=lambda r: r.folded)
        ]

    def highlighted_person(self) -> str | None:
        cursor = self.query_one("#people", PeopleList).cursor
        return self._shown[cursor].person_id if 0 <= cursor < len(self._shown) else None

    def person_in_view(self) -> tuple[str, str] | None:
        person_id = self.highlighted_person()
        names = {row.person_id: row.name for row in self._rows}
        return (person_id, names[person_id]) if person_id in names else None

    def palette_commands(self) -> Iterable[SystemCommand]:
        t = self.t
        yield SystemCommand(t("cmd.sort"), t("cmd.sort.help"), self.action_toggle_sort)

    def action_add_person(self) -> None:
        from views.screens.dialogs import PersonFormScreen

        def added(person_id: str | None) -> None:
            if person_id:  # the list follows them (`journal_changed`); their story opens
                self.app.call_later(self.app.show_person, person_id)

        self.app.push_screen(PersonFormScreen(), added)

    def offer_drafts(self, always: bool = False) -> None:
        """After unlocking: offer to resume writing that was not saved."""
        from views.screens.drafts import DraftsScreen

        journal = self.journal
        if journal is None:
            return
        drafts = journal.drafts() if always else self._drafts
        if drafts or always:
            names = dict(self.names())
            names[PRACTICE] = self.t("practice.name")  # drafts of the practice journal
            self.app.push_screen(DraftsScreen(drafts, names))
