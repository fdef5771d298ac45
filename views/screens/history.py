"""The history of an entry: every version, oldest first (the rectification record)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from journal import dates
from views.screens.base import DentelleModal
from views.ui import clean


class HistoryScreen(DentelleModal[bool]):
    """Every version of an entry, oldest first: what was written, and when.

    Dismissed with True when a version was erased (`VersionsScreen`), else False.
    """

    BINDINGS = [Binding("escape", "close", "key.dialog.close", id="history.close")]

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id

    def compose(self) -> ComposeResult:
        journal = self.journal
        versions = journal.history(self.entry_id) if journal is not None else []
        with Vertical(classes="dialog wide tall"):
            yield Static(self.t("history.title", n=len(versions)), markup=False, classes="label")
            with VerticalScroll(id="versions"):
                for number, version in enumerate(versions, 1):
                    written = version.written_at
                    heading = self.t(
                        "history.version_current" if version.current else "history.version",
                        n=number,
                        written=dates.format_day(written.date(), self.lang),
                        time=written.strftime("%H:%M"),
                        day=dates.format_day(version.occurred_on, self.lang),
                    )
                    yield Static(heading, markup=False, classes="version-heading")
                    yield Static(clean(version.text), markup=False, classes="version-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#versions").focus()

    def action_close(self) -> None:
        self.dismiss(False)
