"""The retention review: people past the retention period, oldest contact first.

The CNIL's référentiel for social and médico-social support keeps data in the active
base for 2 years from the last contact (`retention_years`). For each person listed, the
worker forgets them (ctrl+d, the usual confirmation) or keeps them with a written reason
(g): the reason is sealed in the person's profile, shown again at the next review, and
hides them until `review_delay_months` have passed. Enter opens the story first, to
decide with it in mind; Escape there comes back here.

The summaries are read in a thread worker, like the people list's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static, TextArea

from journal import dates
from journal.errors import DentelleError
from journal.i18n import count, translate
from journal.retention import DueForReview, due_for_review, keep_with_reason
from views.messages import JournalChange, PersonForgotten, PersonKept
from views.screens.base import DentelleModal, DentelleScreen
from views.ui import clean, listed_names, one_line, plural
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import fit, wrap_text

if TYPE_CHECKING:
    from journal.store import Journal

INDENT = "    "


@dataclass(frozen=True)
class ReviewRow:
    """One person due: name, last contact, and the reason given last time, if any."""

    person_id: str
    name: str
    contact: str
    kept: str
    selectable: bool = True

    def lines(self, width: int) -> list[Line]:
        lines: list[Line] = [((fit(self.name, width), "strong"),)]
        lines.append(((fit(INDENT + self.contact, width), "muted"),))
        if self.kept:
            for part in wrap_text(self.kept, max(8, width - len(INDENT))):
                lines.append(((INDENT + part, ""),))
        lines.append((("", ""),))
        return lines


def review_row(due: DueForReview, today: date, lang: str, name: str | None = None) -> ReviewRow:
    kept = ""
    if due.kept is not None:
        day = dates.format_day(due.kept.kept_on, lang)
        kept = translate("review.app.kept_before", lang, day=day, reason=clean(due.kept.reason))
    contact = translate(
        "review.app.line",
        lang,
        when=dates.format_ago(due.since, today, lang),
        day=dates.format_day(due.since, lang),
    )
    shown = name or one_line(due.summary.person.name)
    return ReviewRow(due.summary.person.id, shown, contact, kept)


def read_due(journal: Journal, today: date, years: int, lang: str) -> list[ReviewRow]:
    """The rows of the people due (decrypts every summary: runs in a worker)."""
    summaries = journal.summaries()
    names = listed_names((s.person for s in summaries), lang)  # namesakes told apart
    due = due_for_review(summaries, today, years)
    return [review_row(d, today, lang, names[d.summary.person.id]) for d in due]


class ReviewList(LineList):
    """The people due; Enter opens a story."""

    BINDINGS = [Binding("enter", "select", "key.rights.open", id="review.open")]


class ReviewScreen(DentelleScreen):
    """People past the retention period: forget, or keep with a reason."""

    BINDING_GROUP_TITLE = "key.group.review"
    HELP_ALSO = (ReviewList,)
    BINDINGS = [
        Binding("g", "keep", "key.rights.keep", id="review.keep"),
        Binding("ctrl+d", "forget", "key.rights.forget", id="review.forget"),
        Binding("escape", "back", "key.rights.back", id="review.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ReviewRow] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        config = self.app.config
        self.reload()
        yield Static(
            self.t("review.app.loading"), id="review-title", classes="titlebar", markup=False
        )
        intro = self.t(
            "review.app.intro",
            years_text=count("years", config.retention_years, self.lang),
            months_text=count("months", config.review_delay_months, self.lang),
        )
        yield Static(intro, id="review-intro", markup=False, classes="muted")
        yield ReviewList(id="review")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#review", ReviewList).focus()

    def reload(self) -> None:
        """Read who is due again (after keeping or forgetting someone)."""
        today, years, lang = self.app.today(), self.app.config.retention_years, self.lang
        self.load_in_worker(
            "review",
            lambda journal: read_due(journal, today, years, lang),
            self._loaded,
            self._load_failed,
        )

    def journal_changed(self, change: JournalChange) -> None:
        if isinstance(change, PersonForgotten):
            self.reload()

    def _loaded(self, rows: list[ReviewRow]) -> None:
        review = self.query_one("#review", ReviewList)
        cursor = review.cursor
        self.rows = rows
        self.loaded = True
        title = self.query_one("#review-title", Static)
        if self.rows:
            title.update(plural("review.app.title", len(self.rows), self.lang))
            review.set_rows(self.rows, cursor=min(max(cursor, 0), len(self.rows) - 1))
        else:
            title.update(self.t("review.app.title_none"))
            empty = _Message(self.t("review.app.none"))
            review.set_rows([empty])
        self.refresh_bindings()

    def _load_failed(self, message: str) -> None:
        self.query_one("#review-title", Static).update(message)

    # -- actions ------------------------------------------------------------------------

    def highlighted_name(self) -> tuple[str, str] | None:
        """(id, cleaned name) of the person under the cursor."""
        cursor = self.query_one("#review", ReviewList).cursor
        if self.loaded and 0 <= cursor < len(self.rows):
            row = self.rows[cursor]
            return row.person_id, row.name
        return None

    def person_in_view(self) -> tuple[str, str] | None:
        return self.highlighted_name()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "forget"):
            return None if self.highlighted_name() is None else True
        return True

    @on(LineList.Highlighted, "#review")
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(LineList.Selected, "#review")
    async def _open(self) -> None:
        from views.screens.timeline import TimelineScreen

        person = self.highlighted_name()
        if person is not None:
            await self.app.push_screen(TimelineScreen(person[0]))

    def action_keep(self) -> None:
        person = self.highlighted_name()
        if person is None:
            return
        person_id, name = person

        def kept(reason: str | None) -> None:
            if reason:
                self.keep(person_id, name, reason)

        self.app.push_screen(KeepScreen(name), kept)

    def action_forget(self) -> None:
        if self.highlighted_name() is not None:
            self.app.action_forget_person()

    def keep(self, person_id: str, name: str, reason: str) -> None:
        """Record the reason; the person leaves the review until the delay has passed."""
        app = self.app
        journal = self.journal
        if journal is None:
            return
        delay = app.config.review_delay_months
        try:
            today = app.today()
            kept = keep_with_reason(journal, person_id, reason, today, delay)
        except DentelleError as error:
            app.notify(error.message(self.lang), markup=False, severity="warning")
            return
        day = dates.format_day(kept.review_after, self.lang)
        app.notify(self.t("review.app.kept", name=name, day=day), markup=False, timeout=8)
        self.reload()
        app.post_message(PersonKept(person_id))  # the people list and its status line follow

    def action_back(self) -> None:
        self.app.pop_screen()


@dataclass(frozen=True)
class _Message:
    """A line of text in place of the list (nobody to review)."""

    text: str
    selectable: bool = False

    def lines(self, width: int) -> list[Line]:
        return [((part, "muted"),) for part in wrap_text(self.text, width)]


class KeepScreen(DentelleModal[str | None]):
    """Why keep this person: a few words, sealed, read again at the next review."""

    BINDINGS = [
        Binding("ctrl+s", "save", "key.rights.save_reason", priority=True, id="keep.save"),
        Binding("escape", "cancel", "key.dialog.cancel", id="keep.cancel"),
    ]

    def __init__(self, name: str) -> None:
        """`name` is already cleaned (`views.ui.one_line`)."""
        super().__init__()
        self.person_name = name

    def compose(self) -> ComposeResult:
        app = self.app
        delay = app.config.review_delay_months
        back = app.today() + relativedelta(months=delay)
        with Vertical(classes="dialog wide", id="keep-dialog"):
            title = self.t("review.app.keep_title", name=self.person_name)
            yield Static(title, markup=False, classes="label")
            hint = self.t("review.app.keep_hint", day=dates.format_day(back, self.lang))
            yield Static(hint, markup=False, classes="muted")
            yield TextArea(
                id="reason",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=self.t("review.app.keep_placeholder"),
            )
            yield Static("", id="keep-status", markup=False, classes="error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        reason = self.query_one("#reason", TextArea)
        reason.cursor_blink = False
        reason.focus()

    def action_save(self) -> None:
        reason = self.query_one("#reason", TextArea).text.strip()
        if not reason:
            self.query_one("#keep-status", Static).update("✗ " + self.t("review.app.need_reason"))
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
