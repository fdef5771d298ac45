"""The plain records the core hands out once decrypted: people, entries, versions, drafts.

There is deliberately no status, category, outcome or closure anywhere: a person's
story is never "closed", it rests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time


@dataclass(frozen=True)
class Person:
    """A person or a family: a name and, optionally, a few words of profile."""

    id: str
    name: str
    profile: str = ""
    created_at: datetime | None = None
    extra: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Entry:
    """The current version of one narrative entry of a person's story."""

    id: str
    person_id: str
    version_id: str
    occurred_on: date
    text: str
    written_at: datetime
    time: time | None = None
    versions: int = 1


@dataclass(frozen=True)
class Version:
    """One version of an entry, as it was written at `written_at` (rectification history)."""

    entry_id: str
    version_id: str
    occurred_on: date
    text: str
    written_at: datetime
    time: time | None = None
    current: bool = False


@dataclass(frozen=True)
class PersonSummary:
    """What the people list shows: no verdict, only time and counts."""

    person: Person
    entry_count: int
    last_contact: date | None


@dataclass(frozen=True)
class Draft:
    """Unsaved writing, kept encrypted so that a closed terminal loses nothing."""

    id: str
    person_id: str
    text: str
    date_text: str
    saved_at: datetime
    entry_id: str | None = None
