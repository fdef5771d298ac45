"""What changed in the journal, said once by whoever changed it, fanned out by the app.

A screen that writes to the journal posts one of these to the app
(`self.app.post_message(EntrySaved(…))`) and then takes care of itself only; the app
(`DentelleApp`, views/shell.py) tells the search index and every open screen
(`DentelleScreen.journal_changed`): the people list and its status line reload, a
review drops the person forgotten. No screen calls another one.

The messages carry ids only (and, for a person forgotten, the name already cleaned for
the notification), never the text of an entry.
"""

from __future__ import annotations

from textual.message import Message


class JournalChange(Message):
    """Something in the journal changed (the base of the messages below)."""


class EntrySaved(JournalChange):
    """An entry was written, or a new version of it (the practice journal's notes excepted)."""

    def __init__(self, entry_id: str, person_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.person_id = person_id


class PersonChanged(JournalChange):
    """A person was added, or their name or profile changed."""

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id


class PersonKept(JournalChange):
    """The retention review kept a person, with a reason: they are not due any more."""

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id


class PersonForgotten(JournalChange):
    """A person was erased: nothing may show them any more. `name` is already cleaned."""

    def __init__(self, person_id: str, name: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.name = name


class PersonRemoved(PersonForgotten):
    """A person added by mistake, with nothing written, was removed: every screen drops
    them as it does a person forgotten; only the app's notice differs."""
