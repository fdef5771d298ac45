"""A person's story laid out for reading: years, months, entries and the silences between.

Both the CLI (`dentelle show`) and the app's timeline render this same sequence, so the
rule of where a heading or a gap goes lives here once. A gap is written as time ("5 mois
sans contact"), never as a verdict, and only when it is long enough to mean something
(`journal.dates.GAP_MIN_DAYS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from journal.dates import GAP_MIN_DAYS
from journal.model import Entry


@dataclass(frozen=True)
class YearHeading:
    year: int


@dataclass(frozen=True)
class MonthHeading:
    year: int
    month: int


@dataclass(frozen=True)
class Gap:
    earlier: date
    later: date

    @property
    def days(self) -> int:
        return (self.later - self.earlier).days


@dataclass(frozen=True)
class EntryItem:
    entry: Entry


StoryItem = YearHeading | MonthHeading | Gap | EntryItem


def story_items(entries: Iterable[Entry]) -> Iterator[StoryItem]:
    """Entries (sorted by date) interleaved with headings and the gaps between contacts."""
    previous: Entry | None = None
    for entry in entries:
        day = entry.occurred_on
        if previous is not None and (day - previous.occurred_on).days >= GAP_MIN_DAYS:
            yield Gap(previous.occurred_on, day)
        if previous is None or previous.occurred_on.year != day.year:
            yield YearHeading(day.year)
        if previous is None or (previous.occurred_on.year, previous.occurred_on.month) != (
            day.year,
            day.month,
        ):
            yield MonthHeading(day.year, day.month)
        yield EntryItem(entry)
        previous = entry


def contacts_per_month(entries: Iterable[Entry]) -> dict[tuple[int, int], int]:
    """How many entries fall in each (year, month): the strip above the timeline."""
    counts: dict[tuple[int, int], int] = {}
    for entry in entries:
        key = (entry.occurred_on.year, entry.occurred_on.month)
        counts[key] = counts.get(key, 0) + 1
    return counts
