"""What every screen of the app shares: the app (typed), the language, the open journal,
and reading the journal in a thread worker.

Screens reach the app through `self.app`, which the type checker knows as `DentelleApp`
(views/shell.py); they never call another screen. A screen that changes the journal
posts a message of views/messages.py to the app, which tells the others through
`journal_changed`.

Each screen also says what the help and the palette show for it: `BINDING_GROUP_TITLE`
(the help's section title, a catalogue key), `HELP_ALSO` (the classes whose keys the
section lists with the screen's own: its list widget, a base screen), and
`person_in_view` (the person the rights entries of the palette act on).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import getters
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen, ScreenResultType

from journal.errors import DentelleError
from journal.i18n import translate
from views.ui import Localized

if TYPE_CHECKING:
    from journal.store import Journal
    from views.messages import JournalChange
    from views.shell import DentelleApp

Result = TypeVar("Result")

SELECT_ALL = Binding(
    "ctrl+a", "select_all_text", "key.app.select_all", show=False, priority=True, id="select-all"
)
"""ctrl+a selects all the text of the field in focus, as everywhere else on a computer
(Textual's text fields move to the start of the line with it; Home still does that).
Priority, or the field's own ctrl+a would win. The editor lists it in the help."""


class DentelleScreen(Localized, Screen[ScreenResultType]):
    """A screen of the app; `DentelleModal` for a dialog over another screen."""

    HELP_ALSO: ClassVar[tuple[type, ...]] = ()
    """Classes whose bindings the help lists in this screen's section, after its own."""
    APP_ACTIONS: ClassVar[frozenset[str] | None] = None
    """The app's actions that work over this screen (`DentelleApp.check_action`); None:
    all of them. The reading view turned towards a person allows only the lock."""

    # Priority bindings run while the key is dispatched, before the keys after it are
    # handed to the focused widget: text typed right after Tab (a fast typist, a paste)
    # lands in the field Tab moved to, not in the one it left ("hierTexte rapide").
    BINDINGS = [
        Binding("tab", "app.focus_next", "key.app.next_field", show=False, priority=True),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "key.app.previous_field",
            show=False,
            priority=True,
        ),
        SELECT_ALL,
    ]

    if TYPE_CHECKING:  # as Textual types its own `app` (a runtime import would be circular)
        app = getters.app(DentelleApp)

    @property
    def journal(self) -> Journal | None:
        """The open journal, or None once locked."""
        return self.app.journal

    def action_select_all_text(self) -> None:
        select_all = getattr(self.focused, "select_all", None)
        if callable(select_all):  # Input and TextArea
            select_all()

    @classmethod
    def help_bindings(cls) -> list[Binding]:
        """The keys the help lists for this screen: its own, then those of `HELP_ALSO`."""
        found: list[Binding] = []
        for owner in (cls, *cls.HELP_ALSO):
            for binding in getattr(owner, "BINDINGS", []):
                if isinstance(binding, Binding) and binding.description:
                    found.append(binding)
        return found

    def person_in_view(self) -> tuple[str, str] | None:
        """(id, cleaned name) of the person shown or highlighted here, if any."""
        return None

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's own palette entries, listed before the app's."""
        return ()

    def shows_person(self, person_id: str) -> bool:
        """Does this screen show the story of `person_id` (closed when they are forgotten)?"""
        return False

    def journal_changed(self, change: JournalChange) -> None:
        """Another part of the app changed the journal (the app calls it on every screen)."""

    def load_in_worker(
        self,
        group: str,
        load: Callable[[Journal], Result],
        loaded: Callable[[Result], object],
        failed: Callable[[str], object],
    ) -> bool:
        """Run `load(journal)` in a thread worker; then `loaded(result)` or `failed(message)`
        here, on the app's thread. False when no journal is open.

        The worker's group is "journal-" + `group`: a lock cancels it and waits for it to
        end before the journal's connection closes (`Session.close`); a new load cancels
        the one under way. A `DentelleError` comes back as its translated message; any
        other exception by its type's name only, never its text, which could hold a
        person's data. A result read from a journal since locked is dropped.
        """
        journal = self.journal
        if journal is None:
            return False
        lang = self.lang

        def read() -> None:
            try:
                result = load(journal)
            except DentelleError as error:
                self.call_later(failed, error.message(lang))
            except Exception as error:  # noqa: BLE001 (the journal was closed by a lock, etc.)
                self.call_later(
                    failed, translate("app.unexpected", lang, kind=type(error).__name__)
                )
            else:
                self.call_later(self._hand_over, journal, loaded, result)

        self.run_worker(
            read,
            name=group,
            group=f"journal-{group}",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        return True

    def _hand_over(
        self, journal: Journal, loaded: Callable[[Result], object], result: Result
    ) -> None:
        if self.journal is journal:
            loaded(result)


class DentelleModal(ModalScreen[ScreenResultType], DentelleScreen[ScreenResultType]):
    """A dialog of the app: the screen under it stays visible, dimmed.

    `ModalScreen` comes first: Textual takes a node's CSS types and default styles from
    the first base of each class only.
    """
