"""The practice journal's second look: a gentle notice when a note names someone.

The practice journal is the worker's reflection on their own work, not a file about a
person, so its notes are not read against the word lists; what deserves a second look
is a name from the people list (`journal.pertinence.names`). The notice is the
pertinence window's twin (`SecondLook`): the passages with the names marked, who has a
story in Dentelle, and why an initial is enough; ctrl+s saves as it is, Escape goes back
to the text with the first name selected. Never a barrier, nothing kept.

The names are read in a worker when ctrl+s is pressed (every person's record is
decrypted for them); a journal that cannot be read saves without a word.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from journal.pertinence.names import Mention, advice, find_mentions, named, passages
from journal.store import Journal
from views.screens.base import DentelleScreen
from views.screens.pertinence import SecondLook, quoted, select_finding
from views.ui import clean


class NamesNoticeScreen(SecondLook):
    """Where a practice note names people of the list, and what to write instead."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        super().__init__()
        self.text = text
        self.mentions = mentions

    def title_text(self) -> str:
        return self.t("names.title")

    def keys_text(self) -> str:
        return self.t("names.you_decide")

    def compose_body(self) -> ComposeResult:
        for passage in passages(self.text, self.mentions):
            shown = ("…" if passage.cut_before else "") + passage.text
            shift = len(shown) - len(passage.text)
            marks = [(start + shift, end + shift) for start, end in passage.marks()]
            shown += "…" if passage.cut_after else ""
            yield Static(quoted(shown, marks, self.lang), classes="pertinence-sentence")
        names = clean(named(self.mentions, self.lang))  # it holds names as typed
        yield Static(names, markup=False, classes="names-named")

    def question_text(self) -> str:
        return advice(self.lang)


def people_names(journal: Journal) -> list[str]:
    """Everyone's name (decrypts every person's record: runs in a worker)."""
    return [person.name for person in journal.people()]


# Editors whose ctrl+s waits for the names: a second ctrl+s meanwhile does nothing.
_waiting: weakref.WeakSet[DentelleScreen] = weakref.WeakSet()


def notice_before_saving(screen: DentelleScreen, area: TextArea, save: Callable[[], None]) -> None:
    """Save at once when the text names nobody of the list; else show where it does and
    let the worker choose. The text is read now, as `save` will write it."""
    if screen in _waiting:
        return
    text = area.text

    def loaded(names: list[str]) -> None:
        _waiting.discard(screen)
        mentions = find_mentions(text, names)
        if not mentions:
            save()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                save()
            else:
                select_finding(area, mentions[0])

        screen.app.push_screen(NamesNoticeScreen(text, mentions), chosen)

    def failed(_message: str) -> None:  # never a barrier
        _waiting.discard(screen)
        save()

    if screen.load_in_worker("practice-names", people_names, loaded, failed):
        _waiting.add(screen)
