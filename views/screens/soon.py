"""The "soon" view (`s`): who the rhythms bring this week, who has not been seen for a while.

Worded as remarks, never verdicts: "d'habitude tous les mois — dernière visite il y a
7 semaines" (`journal.rhythm.SoonItem.remark`). No red, no "late", no count of
anything missed: only the people who set a rhythm appear, and a worker may have none.
Enter opens the person's story above this view, so Escape comes back to it.

The summaries are read in a thread worker, as for the people list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from journal import dates
from journal.errors import DentelleError
from journal.i18n import translate
from journal.rhythm import SoonItem, soon
from views import reflect_strings  # noqa: F401  (registers the messages)
from views.screens.rhythm import person_rhythm
from views.screens.timeline import HeadingRow
from views.ui import Localized, localize_bindings, one_line
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import fit, wrap_text

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
        name = fit(self.name, min(NAME_WIDTH, width))
        head: Line = ((name, "strong"), ("  " + self.when, "muted"))
        body = [(("    " + line, ""),) for line in wrap_text(self.remark, max(10, width - 4))]
        return [head, *body]


def soon_rows(items: list[SoonItem], today: date, lang: str) -> list[HeadingRow | SoonRow]:
    """The view's rows, one heading per kind (pure: runs in the worker thread)."""
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
                    name=one_line(item.summary.person.name),
                    when=when,
                    remark=item.remark(today, lang),
                )
            )
    return rows


class SoonList(LineList):
    BINDINGS = [Binding("enter", "select", "key.soon.open", id="soon.open")]


class SoonScreen(Localized, Screen):
    """People a rhythm brings this week, then people unseen for longer than usual."""

    BINDING_GROUP_TITLE = "key.group.soon"
    BINDINGS = [Binding("escape", "back", "key.soon.back", id="soon.back")]
    DEFAULT_CSS = """
    SoonScreen #soon-intro, SoonScreen #soon-status { padding: 0 1; }
    """

    class Loaded(Message):
        """The summaries were read and the rows worded (in the worker)."""

        def __init__(self, rows: list) -> None:
            super().__init__()
            self.rows = rows

    class LoadFailed(Message):
        def __init__(self, message: str) -> None:
            super().__init__()
            self.message = message

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.lang)
        self.rows: list = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        self.reload()
        today = self.app.today()  # type: ignore[attr-defined]
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
        app = self.app
        if app.journal is not None:  # type: ignore[attr-defined]
            self._load(app.journal, app.today(), self.lang)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, exit_on_error=False, group="journal-soon")
    def _load(self, journal, today: date, lang: str) -> None:
        try:
            summaries = journal.summaries()
        except DentelleError as error:
            self.post_message(self.LoadFailed(error.message(lang)))
            return
        except Exception as error:  # noqa: BLE001 (a lock closed the journal meanwhile)
            self.post_message(
                self.LoadFailed(translate("app.unexpected", lang, kind=type(error).__name__))
            )
            return
        rhythms = {s.person.id: r for s in summaries if (r := person_rhythm(s.person))}
        items = soon(summaries, rhythms, today, HORIZON_DAYS)
        self.post_message(self.Loaded(soon_rows(items, today, lang)))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if self.app.journal is None:  # type: ignore[attr-defined]
            return
        self.rows, self.loaded = event.rows, True
        self.query_one("#soon", SoonList).set_rows(self.rows)
        status = self.query_one("#soon-status", Static)
        status.update("" if self.rows else self.t("soon.none"))
        status.display = not self.rows

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self.query_one("#soon-status", Static).update(event.message)

    @on(LineList.Selected, "#soon")
    async def _open(self, event: LineList.Selected) -> None:
        from views.screens.timeline import TimelineScreen

        row = self.rows[event.index] if 0 <= event.index < len(self.rows) else None
        if isinstance(row, SoonRow) and self.app.journal is not None:  # type: ignore[attr-defined]
            await self.app.push_screen(TimelineScreen(row.person_id))

    def action_back(self) -> None:
        self.app.pop_screen()
