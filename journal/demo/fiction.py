"""Fictional people and their notes: the demo vault and the benchmark data.

Two uses, one rule: nothing here is about a real person.

* `demo_people(today)` returns a small, hand-written set of eight people (a long story over
  six years, a family, someone who comes back now and then for years, someone met twice,
  someone seen every week lately...), dated relative to `today`, for `dentelle demo`.
* `generate_people(n_people, n_entries, seed, today)` invents as many people and notes as a
  benchmark needs (1,000 people and 50,000 notes, 5,000 and 250,000), one person at a time.

Everything is deterministic: each call draws from its own `random.Random(seed)`; there is
no global random state, no clock and no network. The same arguments always give the same
people, on any machine running the same Python.

Benchmarks that open one long timeline use person `LONG_TIMELINE_INDEX` (the first one),
who always has `LONG_TIMELINE_ENTRIES` (1,000) notes when `n_entries` leaves room for it;
`entry_counts()` tells how many notes every person gets without generating any text.

The words and templates are data files of this package (`journal.demo.words`); people are
invented in `journal.demo.characters`. Pure standard library.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from journal.demo.characters import (
    HISTORY_DAYS,
    invent_character,
    schedule,
    write_note,
    write_profile,
)
from journal.demo.words import FIRST_NAMES, LAST_NAMES, read

__all__ = [
    "HISTORY_DAYS",
    "LONG_TIMELINE_ENTRIES",
    "LONG_TIMELINE_INDEX",
    "FictionalEntry",
    "FictionalPerson",
    "demo_people",
    "entry_counts",
    "generate_people",
]

LONG_TIMELINE_INDEX = 0
LONG_TIMELINE_ENTRIES = 1000


@dataclass(frozen=True)
class FictionalEntry:
    """One dated note, in the worker's words."""

    occurred_on: date
    text: str


@dataclass(frozen=True)
class FictionalPerson:
    """A person or a family ("Famille ..."), a few words of profile and the notes, by date."""

    name: str
    profile: str
    entries: list[FictionalEntry]


def _invent(
    rng: random.Random, first: str, gender: str, last: str, count: int, today: date
) -> FictionalPerson:
    dates = schedule(rng, count, today)
    who = invent_character(rng, first, gender, last, (today - dates[0]).days // 365)
    name = f"{first} {last}"
    if who.family:
        name = f"Famille {last}"
        other = rng.choice(LAST_NAMES)
        if other != last and rng.random() < 0.5:
            name += f"-{other}"
    profile = write_profile(rng, who, today)
    return FictionalPerson(
        name, profile, [FictionalEntry(d, write_note(rng, who, d, today)) for d in dates]
    )


# --- Public API ----------------------------------------------------------------------------


def _check(n_people: int, n_entries: int) -> None:
    if n_people < 0 or n_entries < 0:
        raise ValueError("n_people and n_entries must not be negative")
    if n_entries < n_people:
        raise ValueError(f"{n_entries} entries cannot give each of {n_people} people one note")
    if n_people == 0 and n_entries:
        raise ValueError("entries need at least one person")


def _allocate(rng: random.Random, n_people: int, n_entries: int) -> list[int]:
    if n_people == 0:
        return []
    counts = [1] * n_people
    spare = n_entries - n_people
    first = spare if n_people == 1 else min(LONG_TIMELINE_ENTRIES - 1, spare)
    counts[LONG_TIMELINE_INDEX] += first
    spare -= first
    if spare == 0:
        return counts
    weights = [0.0]
    for _ in range(n_people - 1):
        roll = rng.random()
        if roll < 0.22:
            weights.append(0.0)  # met once
        elif roll < 0.45:
            weights.append(rng.uniform(0.02, 0.25))  # a few times
        else:
            weights.append(rng.lognormvariate(0.0, 1.0))  # a longer story
    total = sum(weights) or float(n_people - 1)
    if not sum(weights):
        weights = [0.0] + [1.0] * (n_people - 1)
    shares = [spare * weight / total for weight in weights]
    extra = [int(share) for share in shares]
    left = spare - sum(extra)
    by_remainder = sorted(range(1, n_people), key=lambda i: extra[i] - shares[i])
    for i in by_remainder[:left]:
        extra[i] += 1
    return [count + more for count, more in zip(counts, extra, strict=True)]


def entry_counts(n_people: int, n_entries: int, seed: int) -> list[int]:
    """How many notes each person of `generate_people(n_people, n_entries, seed, ...)` gets.

    Every person gets at least one; person `LONG_TIMELINE_INDEX` gets
    `LONG_TIMELINE_ENTRIES` (or all that is left once the others have one); the rest are
    spread unevenly: many people met once or a few times, a few long stories.
    """
    _check(n_people, n_entries)
    return _allocate(random.Random(seed), n_people, n_entries)


def generate_people(
    n_people: int, n_entries: int, seed: int, today: date
) -> Iterator[FictionalPerson]:
    """`n_people` invented people with exactly `n_entries` notes between them, one at a time.

    Notes are dated within the last eight years up to `today`, with rhythms (weekly,
    monthly...) and silences of months; each is 1.2 to 2.4 KB of French (1.7 KB on
    average). Names are drawn without repetition from about 160 × 160 first and last names
    (a few families may share a surname). Raises ValueError at once if the counts do not
    allow each person at least one note.
    """
    _check(n_people, n_entries)
    rng = random.Random(seed)
    counts = _allocate(rng, n_people, n_entries)
    combos = len(FIRST_NAMES) * len(LAST_NAMES)
    picks: list[int] = []
    while len(picks) < n_people:
        picks.extend(rng.sample(range(combos), min(combos, n_people - len(picks))))
    return _people(rng, counts, picks, today)


def _people(
    rng: random.Random, counts: list[int], picks: list[int], today: date
) -> Iterator[FictionalPerson]:
    for count, pick in zip(counts, picks, strict=True):
        first, gender = FIRST_NAMES[pick // len(LAST_NAMES)]
        last = LAST_NAMES[pick % len(LAST_NAMES)]
        yield _invent(random.Random(rng.getrandbits(64)), first, gender, last, count, today)


def _demo_dates(specs: list[str], today: date) -> list[date]:
    """'J-61' → 61 days ago; '-6/03/14' → 14 March, six years before the anchor year.

    The anchor year is this year, or last year if a note would otherwise be in the future,
    so that seasons in the text (the school year, the winter) match the dates.
    """
    if all(spec.startswith("J-") for spec in specs):
        return [today - timedelta(days=int(spec[2:])) for spec in specs]
    parts = [tuple(int(n) for n in spec.split("/")) for spec in specs]
    anchor = today.year
    if any(date(anchor + y, m, d) > today for y, m, d in parts):
        anchor -= 1
    return [date(anchor + y, m, d) for y, m, d in parts]


DEMO_FILES = {"fr": "demo_people.txt", "en": "demo_people_en.txt"}
"""The hand-written demo set of each language (the same shape: eight people, same dates)."""


def demo_people(today: date, lang: str = "fr") -> list[FictionalPerson]:
    """The eight people of the demo vault in `lang`, their notes dated relative to `today`.

    Nadia Ferreira: a long story (60 notes over six years). Famille Amrani: a family.
    Moussa Diarra: seen every week for the last two months. Jean-Marc Lefèvre: comes back
    now and then, after months of silence. Madeleine Roux, Aylin Demir, Lucien Bernard:
    a few months to two years of notes. Océane Marchal: met twice. No date is after `today`.
    In English (`demo_people_en.txt`), the same stories are told of people and places of
    an English town: Leanne Porter, the Okafor family, Moses Adeyemi, Terry Walsh, Edith
    Barker, Aylin Demir, Ron Fletcher and Chloe Marsh.
    """
    people: list[FictionalPerson] = []
    for name, profile, notes in _parse_demo(read(DEMO_FILES["en" if lang == "en" else "fr"])):
        dates = _demo_dates([spec for spec, _ in notes], today)
        entries = sorted(
            (FictionalEntry(day, text) for day, (_, text) in zip(dates, notes, strict=True)),
            key=lambda entry: entry.occurred_on,
        )
        people.append(FictionalPerson(name, profile, entries))
    return people


def _parse_demo(block: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    people: list[tuple[str, str, list[tuple[str, str]]]] = []
    paragraphs: list[list[str]] = [[]]

    def text() -> str:
        done = [" ".join(lines) for lines in paragraphs if lines]
        paragraphs[:] = [[]]
        return "\n\n".join(done)

    def close_note() -> None:
        if people and people[-1][2]:
            spec, _ = people[-1][2][-1]
            people[-1][2][-1] = (spec, text())

    for raw in block.splitlines():
        line = raw.strip()
        if line.startswith("= "):
            close_note()
            people.append((line[2:].strip(), "", []))
        elif line.startswith("@ "):
            close_note()
            if not people[-1][2]:
                name, _, notes = people[-1]
                people[-1] = (name, text(), notes)
            people[-1][2].append((line[2:].strip(), ""))
        elif line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    close_note()
    return people
