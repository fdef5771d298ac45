"""The keys, screen by screen, read from the bindings themselves so they never drift.

Opened with `?` or F1 from anywhere; the section of the screen it was opened from
comes first, then the keys that work everywhere (the app's own), then the others. Each
screen says what its section holds (`BINDING_GROUP_TITLE`, `HELP_ALSO`,
views/screens/base.py); this module only lists the screens, in order.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from journal.i18n import count
from views.screens.base import DentelleModal, DentelleScreen
from views.widgets.wrap import fit

KEY_WIDTH = 14


def screens_with_help() -> list[type[DentelleScreen]]:
    """The screens whose keys the help lists, in the order it shows them."""
    from views.screens.editor import EditorScreen
    from views.screens.people import PeopleScreen
    from views.screens.pertinence import PertinenceScreen
    from views.screens.practice import PracticeScreen
    from views.screens.review import ReviewScreen
    from views.screens.soon import SoonScreen
    from views.screens.timeline import TimelineScreen
    from views.screens.versions import VersionsScreen

    return [
        PeopleScreen,
        TimelineScreen,
        EditorScreen,
        ReviewScreen,
        VersionsScreen,
        PracticeScreen,
        SoonScreen,
        PertinenceScreen,
    ]


class HelpScreen(DentelleModal[None]):
    """Every key, in the worker's language."""

    BINDINGS = [
        Binding("escape,f1,question_mark", "close", "key.dialog.close", id="help.close"),
    ]

    def __init__(self, opened_from: Screen | None = None) -> None:
        super().__init__()
        self.opened_from = opened_from

    def _sections(self) -> list[tuple[str, list[Binding]]]:
        screens = screens_with_help()
        current = type(self.opened_from) if self.opened_from is not None else None
        screens.sort(key=lambda screen: screen is not current)
        everywhere = [
            b for b in type(self.app).BINDINGS if isinstance(b, Binding) and b.description
        ]
        sections = [(s.BINDING_GROUP_TITLE or "", s.help_bindings()) for s in screens]
        return [sections[0], ("key.group.everywhere", everywhere), *sections[1:]]

    def _key_text(self, binding: Binding) -> str:
        if binding.key_display and "," not in binding.key:
            return binding.key_display
        shown = []
        for key in binding.key.split(","):
            text = self.app.get_key_display(replace(binding, key=key.strip(), key_display=None))
            shown.append(text.upper() if text[:1] == "f" and text[1:].isdigit() else text)
        return " ".join(shown)

    def compose(self) -> ComposeResult:
        from views.screens.search import SearchScreen

        from_search = isinstance(self.opened_from, SearchScreen)
        lines: list[str] = []
        for title_key, bindings in self._sections():
            lines.append(self.t(title_key))
            merged: dict[str, list[str]] = {}  # one line per action, all its keys
            for binding in bindings:
                merged.setdefault(self.t(binding.description), []).append(self._key_text(binding))
            for description, keys in merged.items():
                shown = " ".join(dict.fromkeys(keys))
                lines.append("  " + fit(shown, KEY_WIDTH) + description)
            lines.append("")
        with Vertical(classes="dialog wide tall"):
            yield Static(self.t("help.title"), markup=False, classes="label")
            with VerticalScroll(id="help-body"):
                yield Static(self.t("help.intro"), markup=False, classes="muted")
                search = Static(self.t("help.search"), markup=False, id="help-search")
                if from_search:  # how words are matched, where it was asked
                    yield search
                yield Static("\n".join(lines), markup=False, id="help-keys")
                if not from_search:
                    yield search
                minutes = self.app.config.idle_lock_minutes
                yield Static(
                    self.t(
                        "help.dates", minutes_text=count("minutes", _number(minutes), self.lang)
                    ),
                    markup=False,
                    classes="muted",
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _number(minutes: float) -> float | int:
    """5.0 → 5 (shown "5 minutes"), 0.5 stays 0.5."""
    return int(minutes) if float(minutes).is_integer() else minutes
