"""The keys, screen by screen, read from the bindings themselves so they never drift.

Opened with `?` or F1 from anywhere; the section of the screen it was opened from
comes first.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from views.ui import Localized, localize_bindings
from views.widgets.wrap import fit

KEY_WIDTH = 14


def _bindings(*classes: type) -> list[Binding]:
    found: list[Binding] = []
    for cls in classes:
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                found.append(binding)
    return found


class HelpScreen(Localized, ModalScreen[None]):
    """Every key, in the worker's language."""

    BINDINGS = [
        Binding("escape,f1,question_mark", "close", "key.dialog.close", id="help.close"),
    ]

    def __init__(self, opened_from: Screen | None = None) -> None:
        super().__init__()
        localize_bindings(self, self.lang)
        self.opened_from = opened_from

    def _sections(self) -> list[tuple[str, list[Binding]]]:
        from views.reflect_app import reflect_sections
        from views.screens.editor import EditorScreen
        from views.screens.history import HistoryScreen
        from views.screens.people import PeopleList, PeopleScreen
        from views.screens.review import ReviewList, ReviewScreen
        from views.screens.timeline import TimelineScreen, TimelineView
        from views.screens.versions import VersionsScreen
        from views.shell import DentelleApp
        from views.widgets.line_list import LineList

        sections = [
            (PeopleScreen, "key.group.people", _bindings(PeopleScreen, PeopleList)),
            (
                TimelineScreen,
                "key.group.timeline",
                _bindings(TimelineScreen, TimelineView, LineList),
            ),
            (EditorScreen, "key.group.editor", _bindings(EditorScreen)),
            (ReviewScreen, "key.group.review", _bindings(ReviewScreen, ReviewList)),
            (VersionsScreen, "key.group.history", _bindings(VersionsScreen, HistoryScreen)),
            *reflect_sections(),  # practice journal, soon, the pertinence check
        ]
        current = type(self.opened_from) if self.opened_from is not None else None
        sections.sort(key=lambda section: section[0] is not current)
        everywhere = ("key.group.everywhere", _bindings(DentelleApp))
        ordered = [(title, items) for _cls, title, items in sections]
        return [ordered[0], everywhere, *ordered[1:]]

    def _key_text(self, binding: Binding) -> str:
        if binding.key_display and "," not in binding.key:
            return binding.key_display
        shown = []
        for key in binding.key.split(","):
            text = self.app.get_key_display(replace(binding, key=key.strip(), key_display=None))
            shown.append(text.upper() if text[:1] == "f" and text[1:].isdigit() else text)
        return " ".join(shown)

    def compose(self) -> ComposeResult:
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
                yield Static("\n".join(lines), markup=False, id="help-keys")
                minutes = self.app.config.idle_lock_minutes  # type: ignore[attr-defined]
                yield Static(
                    self.t("help.dates", minutes=f"{minutes:g}"), markup=False, classes="muted"
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
