"""The versions of an entry, with the right to rectification: erase one earlier version.

`HistoryScreen` (views/screens/history.py) lists every version, oldest first. This
screen adds a chosen version (↑↓, marked ▶) and `d` to erase it after a confirmation,
when it was wrong. The current version is never erased on its own: correcting the
entry writes a new one (`Journal.erase_version` refuses it too). After an erasure the
list is read again, and the screen closes with True: the story underneath reloads, so
its "✎ n versions" follows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from journal import dates
from journal.errors import DentelleError
from journal.model import Version
from views.screens.dialogs import ConfirmScreen
from views.screens.history import HistoryScreen
from views.ui import clean

CHOSEN, NOT_CHOSEN = "▶ ", "  "


class VersionsScreen(HistoryScreen):
    """Every version of an entry; `d` erases the chosen earlier version."""

    BINDING_GROUP_TITLE = "key.group.history"
    HELP_ALSO = (HistoryScreen,)
    BINDINGS = [
        Binding(
            "up,k",
            "choose(-1)",
            "key.rights.version_up",
            show=False,
            priority=True,
            id="history.up",
        ),
        Binding(
            "down,j",
            "choose(1)",
            "key.rights.version_down",
            show=False,
            priority=True,
            id="history.down",
        ),
        Binding("d,delete", "erase", "key.rights.erase_version", id="history.erase"),
    ]

    def __init__(self, entry_id: str) -> None:
        super().__init__(entry_id)
        self.versions: list[Version] = []
        self.chosen = -1
        self.erased = 0
        """How many versions were erased here (the story reloads when it is not 0)."""

    def compose(self) -> ComposeResult:
        journal = self.journal
        self.versions = journal.history(self.entry_id) if journal is not None else []
        if not 0 <= self.chosen < len(self.versions):
            # The latest earlier version: the one most likely to be the wrong one.
            self.chosen = max(0, len(self.versions) - 2)
        with Vertical(classes="dialog wide tall"):
            title = self.t("history.title", n=len(self.versions))
            yield Static(title, markup=False, classes="label")
            if len(self.versions) > 1:
                yield Static(self.t("history.app.hint"), markup=False, id="history-hint")
            with VerticalScroll(id="versions"):
                for number, version in enumerate(self.versions, 1):
                    chosen = number - 1 == self.chosen
                    yield Static(
                        (CHOSEN if chosen else NOT_CHOSEN) + self._heading(number, version),
                        markup=False,
                        classes="version-heading" + (" -chosen" if chosen else ""),
                    )
                    yield Static(clean(version.text), markup=False, classes="version-text")
            yield Static("", id="history-status", markup=False)
        yield Footer(compact=True)

    def _heading(self, number: int, version: Version) -> str:
        written = version.written_at
        return self.t(
            "history.version_current" if version.current else "history.version",
            n=number,
            written=dates.format_day(written.date(), self.lang),
            time=written.strftime("%H:%M"),
            day=dates.format_day(version.occurred_on, self.lang),
        )

    def on_mount(self) -> None:
        super().on_mount()
        self._scroll_to_chosen()

    # -- choosing ------------------------------------------------------------------------

    def action_choose(self, delta: int) -> None:
        if not self.versions:
            return
        chosen = max(0, min(len(self.versions) - 1, self.chosen + delta))
        if chosen == self.chosen:
            return
        headings = list(self.query(".version-heading").results(Static))
        for index in (self.chosen, chosen):
            number = index + 1
            mark = CHOSEN if index == chosen else NOT_CHOSEN
            headings[index].update(mark + self._heading(number, self.versions[index]))
            headings[index].set_class(index == chosen, "-chosen")
        self.chosen = chosen
        self._say("")
        self._scroll_to_chosen()
        self.refresh_bindings()

    def _scroll_to_chosen(self) -> None:
        headings = list(self.query(".version-heading"))
        if 0 <= self.chosen < len(headings):
            texts = list(self.query(".version-text"))
            target = texts[self.chosen] if self.chosen < len(texts) else headings[self.chosen]
            target.scroll_visible(animate=False)
            headings[self.chosen].scroll_visible(animate=False)

    def _say(self, text: str, error: bool = False) -> None:
        status = self.query_one("#history-status", Static)
        status.update(text)
        status.set_class(error, "error")

    # -- erasing -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "erase":
            # Shown whenever there is an earlier version; on the current one, `d` says
            # why it stays rather than doing nothing.
            return len(self.versions) >= 2
        return True

    def _chosen_version(self) -> Version | None:
        """The chosen version if it may be erased (an earlier one), else None."""
        if 0 <= self.chosen < len(self.versions) and not self.versions[self.chosen].current:
            return self.versions[self.chosen]
        return None

    def action_erase(self) -> None:
        version = self._chosen_version()
        if version is None:
            self._say(self.t("history.app.current_stays"))
            return
        question = self.t(
            "history.app.confirm",
            number=self.chosen + 1,
            day=dates.format_day(version.written_at.date(), self.lang),
        )
        choices = [
            ("keep", self.t("history.app.keep"), "escape"),
            ("erase", self.t("history.app.erase"), "d"),
        ]

        async def answered(answer: str | None) -> None:
            if answer == "erase":
                await self._erase(version)

        self.app.push_screen(ConfirmScreen(question, choices), answered)

    async def _erase(self, version: Version) -> None:
        journal = self.journal
        if journal is None:
            return
        try:
            journal.erase_version(version.entry_id, version.version_id)
        except DentelleError as error:
            self._say("✗ " + error.message(self.lang), error=True)
            return
        self.erased += 1
        self.chosen = max(0, self.chosen - 1)
        await self.recompose()
        self.query_one("#versions").focus()
        self._say(self.t("history.app.erased"))
        self._scroll_to_chosen()
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(self.erased > 0)
