"""Writing left unsaved (the app closed, the session locked), offered back after unlock."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from journal import dates
from journal.errors import DentelleError
from journal.model import Draft
from views.screens.base import DentelleModal
from views.screens.dialogs import ConfirmScreen, first_words
from views.widgets.line_list import Line, LineList
from views.widgets.wrap import fit


@dataclass(frozen=True)
class DraftRow:
    draft: Draft
    title: str
    preview: str
    selectable: bool = True

    def lines(self, width: int) -> list[Line]:
        return [((fit(self.title, width), "strong"),), (("  " + self.preview, "muted"),)]


class DraftList(LineList):
    BINDINGS = [
        Binding("enter", "select", "key.drafts.resume", id="drafts.resume"),
        Binding("d", "screen.discard", "key.drafts.discard", id="drafts.discard"),
    ]


class DraftsScreen(DentelleModal[None]):
    """The drafts, most recent first: resume one, discard one, or leave them for later."""

    BINDINGS = [Binding("escape", "later", "key.drafts.later", id="drafts.later")]

    def __init__(self, drafts: list[Draft], names: dict[str, str]) -> None:
        super().__init__()
        self.drafts = drafts
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="drafts-dialog"):
            yield Static("", id="drafts-title", markup=False, classes="label")
            yield DraftList(id="drafts")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#drafts", DraftList).focus()

    def _row(self, draft: Draft, now: datetime) -> DraftRow:
        name = self.names.get(draft.person_id, "?")
        when = dates.format_ago(draft.saved_at.date(), now, self.lang)
        kind = "drafts.of_edit" if draft.entry_id else "drafts.of_new"
        title = self.t(kind, name=name, when=when, time=draft.saved_at.strftime("%H:%M"))
        return DraftRow(draft, title, "« " + first_words(draft.text) + " »")

    def _show(self) -> None:
        now = self.app.now()
        rows = [self._row(d, now) for d in self.drafts]
        title = self.t("drafts.title", n=len(rows)) if rows else self.t("drafts.none")
        self.query_one("#drafts-title", Static).update(title)
        self.query_one("#drafts", DraftList).set_rows(rows)

    def _selected(self) -> Draft | None:
        cursor = self.query_one("#drafts", DraftList).cursor
        return self.drafts[cursor] if 0 <= cursor < len(self.drafts) else None

    @on(LineList.Selected, "#drafts")
    async def _resume(self) -> None:
        draft = self._selected()
        if draft is None:
            return
        self.dismiss(None)
        await self.app.resume_draft(draft)

    def action_discard(self) -> None:
        draft = self._selected()
        if draft is None:
            return

        def chosen(choice: str | None) -> None:
            journal = self.journal
            if choice != "discard" or journal is None:
                return
            with contextlib.suppress(DentelleError):
                journal.discard_draft(draft.id)
            self.drafts = [d for d in self.drafts if d.id != draft.id]
            if not self.drafts:  # nothing left to offer: back to where the worker was
                self.dismiss(None)
                return
            self._show()

        self.app.push_screen(
            ConfirmScreen(
                self.t("drafts.confirm_discard"),
                [
                    ("keep", self.t("drafts.keep"), "escape"),
                    ("discard", self.t("drafts.discard"), "d"),
                ],
            ),
            chosen,
        )

    def action_later(self) -> None:
        self.dismiss(None)
