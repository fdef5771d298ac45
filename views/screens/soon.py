"""The "soon" view (`s`): who the rhythms bring this week, who has not been seen for a while.

Worded as remarks, never verdicts: "d'habitude tous les mois — dernier contact il y a
7 semaines" (`journal.rhythm.SoonItem.remark`). No red, no "late", no count of
anything missed: only the people who set a rhythm appear, and a worker may have none.
Enter opens the person's story above this view, so Escape comes back to it.

The summaries are read in a thread worker, as for the people list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from journal import dates
from journal.i18n import translate
from journal.rhythm import SoonItem, soon
from views.messages import JournalChange, PersonForgotten
from views.screens.base import DentelleScreen
from views.screens.rhythm import person_rhythm
from views.screens.timeline import HeadingRow
from views.ui import listed_names
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import fit, wrap_text

if TYPE_CHECKING:
    from journal.store import Journal

NAME_WIDTH = 30
HORIZON_DAYS = 7
"""How far ahead "expected" looks (`journal.rhythm.soon`'s default, said in the title)."""


@dataclass(frozen=True)
class SoonRow:
    """A person and the remark about them, on two lines."""

    person_id: str
    name: str
    when: str
    remark: str
    selectable: bool = True

    def lines(self, width: int) -> list[Line]:
        # The day is never cut, nor what tells two namesakes apart: when the name does
        # not fit beside the day, the day goes under it.
        name_width = max(NAME_WIDTH, cell_len(self.name))
        if self.when and name_width + 2 + cell_len(self.when) > width:
            head: Line = ((fit(self.name, width), "strong"),)
            day: list[Line] = [(("  " + self.when, "muted"),)]
        else:
            head = ((fit(self.name, min(name_width, width)), "strong"), ("  " + self.when, "muted"))
            day = []
        body = [(("    " + line, ""),) for line in wrap_text(self.remark, max(10, width - 4))]
        return [head, *day, *body]


def soon_rows(
    items: list[SoonItem], today: date, lang: str, names: dict[str, str] | None = None
) -> list[HeadingRow | SoonRow]:
    """The view's rows, one heading per kind (pure: runs in the worker thread); `names`
    are the names as listed (`listed_names`), else each person's own."""
    names = names or listed_names((item.summary.person for item in items), lang)
    rows: list[HeadingRow | SoonRow] = []
    for kind in ("expected", "longer"):
        group = [item for item in items if item.kind == kind]
        if not group:
            continue
        if rows:
            rows.append(HeadingRow("", ""))
        rows.append(HeadingRow(translate(f"soon.{kind}", lang), "subheading"))
        for item in group:
            when = ""
            if kind == "expected" and item.next_expected is not None:
                day = dates.format_day(item.next_expected, lang)
                when = translate("soon.around", lang, day=day)
            rows.append(
                SoonRow(
                    person_id=item.summary.person.id,
                    name=names[item.summary.person.id],
                    when=when,
                    remark=item.remark(today, lang),
                )
            )
    return rows


def read_soon(journal: Journal, today: date, lang: str) -> list[HeadingRow | SoonRow]:
    """Who the rhythms bring, worded (decrypts every summary: runs in a worker)."""
    summaries = journal.summaries()
    rhythms = {s.person.id: r for s in summaries if (r := person_rhythm(s.person))}
    items = soon(summaries, rhythms, today, HORIZON_DAYS)
    # A namesake is told apart even when only one of the two is listed here.
    return soon_rows(items, today, lang, listed_names((s.person for s in summaries), lang))


class SoonList(LineList):
    BINDINGS = [Binding("enter", "select", "key.soon.open", id="soon.open")]


class SoonScreen(DentelleScreen):
    """People a rhythm brings this week, then people unseen for longer than usual."""

    BINDING_GROUP_TITLE = "key.group.soon"
    HELP_ALSO = (SoonList,)
    BINDINGS = [Binding("escape", "back", "key.soon.back", id="soon.back")]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        self.reload()
        today = self.app.today()
        horizon = today + timedelta(days=HORIZON_DAYS)
        title = self.t("soon.title", day=dates.format_day(horizon, self.lang))
        yield Static(title, id="soon-title", classes="titlebar", markup=False)
        yield Static(self.t("soon.intro"), id="soon-intro", markup=False, classes="muted")
        yield SoonList(id="soon")
        yield Static(self.t("soon.loading"), id="soon-status", markup=False, classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#soon", SoonList).focus()

    def reload(self) -> None:
        today, lang = self.app.today(), self.lang
        self.load_in_worker(
            "soon", lambda journal: read_soon(journal, today, lang), self._loaded, self._load_failed
        )

    def journal_changed(self, change: JournalChange) -> None:
        if isinstance(change, PersonForgotten):  # opened from here, forgotten there
            self.reload()

    def _loaded(self, rows: list[HeadingRow | SoonRow]) -> None:
        self.rows, self.loaded = rows, True
        self.query_one("#soon", SoonList).set_rows(self.rows)
        status = self.query_one("#soon-status", Static)
        status.update("" if self.rows else self.t("soon.none"))
        status.display = not self.rows

    def _load_failed(self, message: str) -> None:
        self.query_one("#soon-status", Static).update(message)

    @on(LineList.Selected, "#soon")
    async def _open(self, event: LineList.Selected) -> None:
        from views.screens.timeline import TimelineScreen

        row = self.rows[event.index] if 0 <= event.index < len(self.rows) else None
        if isinstance(row, SoonRow) and self.journal is not None:
            await self.app.push_screen(TimelineScreen(row.person_id))

    def action_back(self) -> None:
        self.app.pop_screen()
