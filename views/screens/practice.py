"""The practice journal in the app (`j`): the worker's own reflective notes, in a timeline.

Notes are `Entry` records whose person id is "practice" (`journal.store.practice`), so the
timeline's rows and list are reused as they are; only the gaps are left out ("5 mois
sans contact" is about a person, not about one's own practice). `n` writes a note in
the editor, where ctrl+t lays out Gibbs' reflective questions as headings the worker
may fill or delete (`journal.store.practice.prompts`). On ctrl+s the note is not read
against the word lists (it is the worker's reflection, not a file about a person): a
gentle notice points at names of the people list instead (views/screens/mentions.py).

Writing in progress is kept as an encrypted draft like any entry: drafts of the
practice journal carry the person id "practice" and are sealed under its own key
(`Journal._draft_key`), and the drafts offered after unlock resume here.

Practice notes have no versions (`journal.store.practice` stores one text per note): a note
can be deleted (`d`), not rewritten.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, TextArea

from journal import dates
from journal.errors import DentelleError
from journal.i18n import translate
from journal.model import Draft, Entry, Person
from journal.search import Hit
from journal.store import Journal
from journal.store.practice import (
    PRACTICE,
    add_practice_note,
    delete_practice_note,
    practice_notes,
    without_empty_prompts,
)
from journal.store.practice import prompts as practice_prompts
from views.screens.base import DentelleScreen
from views.screens.editor import EditorScreen
from views.screens.timeline import EntryRow, GapRow, HeadingRow, TimelineView, story_rows
from views.ui import app_lang, plural


def practice_person(lang: str) -> Person:
    """Who the editor writes for: not a person, the worker's own journal."""
    return Person(id=PRACTICE, name=translate("practice.name", lang))


def practice_rows(notes: list[Entry], lang: str) -> list[HeadingRow | EntryRow]:
    """The timeline's rows without its gaps (pure: runs in the worker thread)."""
    return [row for row in story_rows(notes, lang) if not isinstance(row, GapRow)]


class PracticeEditorScreen(EditorScreen):
    """The editor, writing a practice note; ctrl+t offers Gibbs' questions as headings."""

    BINDINGS = [
        Binding("ctrl+t", "prompts", "key.editor.prompts", priority=True, id="practice.prompts"),
    ]

    def __init__(self, draft: Draft | None = None) -> None:
        super().__init__(practice_person(app_lang()), entry=None, draft=draft)

    def on_mount(self) -> None:
        self._status(self.t("practice.editor_hint"))

    def prepared(self, text: str) -> str:
        """Gibbs' questions left unanswered are not kept: they were only offered."""
        return without_empty_prompts(text)

    def second_look(self, text: str, save: Callable[[], None]) -> None:
        """Not the word lists: the worker's own reflection may use strong words about a
        hard visit. A name from the people list is what deserves a second look."""
        from views.screens.mentions import notice_before_saving

        notice_before_saving(self, self.query_one("#text", TextArea), save)

    def store(self, journal: Journal, parsed: dates.ParsedDate, text: str) -> str:
        # A note has a day, not a time: what happened that day is what one reflects on.
        return add_practice_note(journal, parsed.day, text).id

    def announce(self, entry_id: str) -> None:
        """Nobody else shows practice notes: the practice journal reloads them itself."""

    def action_prompts(self) -> None:
        """Empty text: lay out the questions; the questions alone: take them away again;
        anything else: add them below what is written."""
        area = self.query_one("#text", TextArea)
        headings = practice_prompts(self.lang)
        if not area.text.strip():
            area.load_text(headings)
        elif area.text == headings:
            area.load_text("")
            area.focus()
            return
        else:
            area.insert("\n\n" + headings, area.document.end)
            area.focus()
            return
        area.focus()
        area.move_cursor((1, 0))  # the blank line under the first question


def read_notes(journal: Journal, lang: str) -> tuple[list[Entry], list]:
    """The notes and their rows (decrypts: runs in a worker)."""
    notes = practice_notes(journal)
    return notes, practice_rows(notes, lang)


class PracticeScreen(DentelleScreen):
    """The practice journal, oldest first, opened at the newest note."""

    BINDING_GROUP_TITLE = "key.group.practice"
    HELP_ALSO = (PracticeEditorScreen,)
    BINDINGS = [
        Binding("n", "new_note", "key.practice.new", id="practice.new"),
        Binding("slash", "search", "key.practice.search", key_display="/", id="practice.search"),
        Binding("d", "delete_note", "key.practice.delete", id="practice.delete"),
        Binding("escape", "back", "key.practice.back", id="practice.back"),
    ]

    def __init__(self, resume: Draft | None = None, select: str | None = None) -> None:
        super().__init__()
        self._resume = resume
        self._select = select
        self.notes: list[Entry] = []
        self.rows: list = []
        self.loaded = False
        self._select_after_load: str | None = None
        self._indexed: object = None  # the practice index built from what is shown

    def compose(self) -> ComposeResult:
        self.reload(select=self._select)
        yield Static(
            self.t("practice.loading"), id="practice-title", classes="titlebar", markup=False
        )
        yield Static(self.t("practice.intro"), id="practice-intro", markup=False, classes="muted")
        yield TimelineView(id="timeline", start_at_end=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#timeline", TimelineView).focus()

    def on_screen_resume(self) -> None:
        """Back from a search result opened above: read the notes again if they changed
        there (a note written or deleted in the practice journal the result opened)."""
        if self.loaded and self.app.search_keeper.practice is not self._indexed:
            note = self.selected_note()
            self.reload(select=note.id if note else None)

    def reload(self, select: str | None = None) -> None:
        self._select_after_load = select
        lang = self.lang
        self.load_in_worker(
            "practice", lambda journal: read_notes(journal, lang), self._loaded, self._load_failed
        )

    def _loaded(self, loaded: tuple[list[Entry], list]) -> None:
        (self.notes, self.rows), self.loaded = loaded, True
        self.app.search_keeper.practice_index(self.notes, self.t("practice.name"))
        self._indexed = self.app.search_keeper.practice
        self.query_one("#practice-title", Static).update(
            plural("practice.title", len(self.notes), self.lang)
        )
        self._show(self._select_after_load)
        self.refresh_bindings()
        if self._resume is not None:
            draft, self._resume = self._resume, None
            self.app.push_screen(PracticeEditorScreen(draft=draft), self._written)

    def _show(self, select: str | None) -> None:
        cursor = next(
            (
                i
                for i, row in enumerate(self.rows)
                if isinstance(row, EntryRow) and row.entry.id == select
            ),
            None,
        )
        shown = self.rows or [HeadingRow(self.t("practice.empty"), "muted")]
        self.query_one("#timeline", TimelineView).set_rows(shown, cursor=cursor)

    def _load_failed(self, message: str) -> None:
        self.query_one("#practice-title", Static).update(message)

    def selected_note(self) -> Entry | None:
        cursor = self.query_one("#timeline", TimelineView).cursor
        if 0 <= cursor < len(self.rows) and isinstance(self.rows[cursor], EntryRow):
            return self.rows[cursor].entry
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_note":
            return None if self.selected_note() is None else True
        if action == "search":
            return None if not self.notes else True
        return True

    @on(TimelineView.Highlighted, "#timeline")
    def _moved(self) -> None:
        self.refresh_bindings()

    def action_new_note(self) -> None:
        self.app.push_screen(PracticeEditorScreen(), self._written)

    def _written(self, note_id: str | None) -> None:
        if note_id:
            self.reload(select=note_id)

    def action_search(self) -> None:
        """`/`: the practice notes only, never the people's stories (services/search.py).

        A note found opens in the practice journal above the results, as a story's entry
        does (views/actions.py): Escape there comes back to them."""
        from views.screens.search import ChosenSearchScreen

        def chosen(hit: Hit) -> None:
            self.app.push_screen(PracticeScreen(select=hit.id))

        screen = ChosenSearchScreen(
            self.app.search_keeper.search_practice,
            chosen,
            lang=self.lang,
            placeholder=self.t("practice.search_placeholder"),
        )
        self.app.push_screen(screen)

    def action_delete_note(self) -> None:
        from views.screens.dialogs import ConfirmScreen

        note = self.selected_note()
        if note is None:
            return

        def chosen(choice: str | None) -> None:
            journal = self.journal
            if choice != "delete" or journal is None:
                return
            try:
                delete_practice_note(journal, note.id)
            except DentelleError as error:
                self.query_one("#practice-title", Static).update(error.message(self.lang))
                return
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                self.t("practice.confirm_delete"),
                [
                    ("keep", self.t("practice.keep"), "escape"),
                    ("delete", self.t("practice.delete"), "d"),
                ],
            ),
            chosen,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
