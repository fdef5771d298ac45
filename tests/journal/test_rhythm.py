"""Rhythms said in words, their next date, and the gentle "soon" view."""

from __future__ import annotations

from datetime import date

import pytest

from journal.model import Person, PersonSummary
from journal.rhythm import Rhythm, RhythmNotUnderstood, parse_rhythm, soon


@pytest.mark.parametrize(
    ("said", "rule"),
    [
        ("tous les premiers lundis du mois", "FREQ=MONTHLY;BYDAY=+1MO"),
        ("le premier lundi du mois", "FREQ=MONTHLY;BYDAY=+1MO"),
        ("Le 3e jeudi de chaque mois", "FREQ=MONTHLY;BYDAY=+3TH"),
        ("le dernier vendredi du mois", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every first monday of the month", "FREQ=MONTHLY;BYDAY=+1MO"),
        ("the last friday of each month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("toutes les deux semaines", "FREQ=WEEKLY;INTERVAL=2"),
        ("tous les 15 jours", "FREQ=WEEKLY;INTERVAL=2"),
        ("tous les quinze jours", "FREQ=WEEKLY;INTERVAL=2"),
        ("every two weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("every other week", "FREQ=WEEKLY;INTERVAL=2"),
        ("tous les mois", "FREQ=MONTHLY"),
        ("Une fois par mois.", "FREQ=MONTHLY"),
        ("every month", "FREQ=MONTHLY"),
        ("tous les 3 mois", "FREQ=MONTHLY;INTERVAL=3"),
        ("chaque trimestre", "FREQ=MONTHLY;INTERVAL=3"),
        ("tous les mardis", "FREQ=WEEKLY;BYDAY=TU"),
        ("every tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("un mardi sur deux", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("chaque semaine", "FREQ=WEEKLY"),
        ("tous les ans", "FREQ=YEARLY"),
    ],
)
def test_rhythms_people_say(said: str, rule: str) -> None:
    rhythm = parse_rhythm(said)
    assert rhythm.rule == rule
    assert rhythm.said == said.strip()


@pytest.mark.parametrize("said", ["", "parfois", "quand il peut", "tous les lundis du", "x" * 200])
def test_unreadable_rhythm_shows_examples(said: str) -> None:
    with pytest.raises(RhythmNotUnderstood) as caught:
        parse_rhythm(said)
    assert "toutes les deux semaines" in caught.value.message("fr")
    assert "every two weeks" in caught.value.message("en")


@pytest.mark.parametrize(
    ("said", "fr", "en"),
    [
        (
            "tous les premiers lundis du mois",
            "le premier lundi du mois",
            "the first Monday of the month",
        ),
        ("every two weeks", "toutes les deux semaines", "every two weeks"),
        ("tous les 5 mois", "tous les 5 mois", "every 5 months"),
        ("tous les mardis", "tous les mardis", "every Tuesday"),
    ],
)
def test_rhythm_in_words(said: str, fr: str, en: str) -> None:
    rhythm = parse_rhythm(said)
    assert rhythm.describe("fr") == fr
    assert rhythm.describe("en") == en


def test_next_expected_date() -> None:
    monthly = parse_rhythm("le premier lundi du mois")
    assert monthly.next_after(date(2026, 11, 2)) == date(2026, 12, 7)
    assert monthly.next_after(date(2026, 11, 28)) == date(2026, 12, 7)
    assert parse_rhythm("toutes les deux semaines").next_after(date(2026, 11, 20)) == date(
        2026, 12, 4
    )
    assert Rhythm.from_json(monthly.to_json()) == monthly


def summary(name: str, last: date | None) -> PersonSummary:
    return PersonSummary(Person(id=name, name=name), 3 if last else 0, last)


def test_soon_view_is_gentle_and_ordered() -> None:
    today = date(2026, 11, 28)  # a Saturday
    people = [
        summary("weekly", date(2026, 11, 24)),  # Tuesday; next Tuesday is Dec 1
        summary("monthly-long-ago", date(2026, 9, 30)),  # usually monthly, ~8 weeks ago
        summary("monthly-recent", date(2026, 11, 10)),  # next expected around Dec 10
        summary("no-rhythm", date(2020, 1, 1)),
    ]
    rhythms = {
        "weekly": parse_rhythm("tous les mardis"),
        "monthly-long-ago": parse_rhythm("tous les mois"),
        "monthly-recent": parse_rhythm("tous les mois"),
    }
    items = soon(people, rhythms, today)
    assert [(i.summary.person.id, i.kind) for i in items] == [
        ("weekly", "expected"),
        ("monthly-long-ago", "longer"),
    ]
    assert items[0].next_expected == date(2026, 12, 1)
    remark = items[1].remark(today, "fr")
    assert remark == "d'habitude tous les mois — dernier contact il y a 8 semaines"
    assert items[1].remark(today, "en") == "usually every month — last contact 8 weeks ago"
    for word in ("retard", "late", "overdue", "alerte"):
        assert word not in remark and word not in items[1].remark(today, "en")


@pytest.mark.parametrize(
    "said",
    [
        "tous les mois, il est agressif",
        "toutes les semaines (alcoolique)",
        "tous les alcooliques",
        "every month, drunk",
        "le premier lundi du mois sauf s'il a bu",
    ],
)
def test_a_rhythm_holds_no_free_words(said: str) -> None:
    """The words kept with a rhythm (`said`, shown to the worker and in the person's
    export) are only the grammar's: nothing else is accepted, so a judgement cannot
    ride along and the rhythm needs no pertinence check of its own."""
    with pytest.raises(RhythmNotUnderstood):
        parse_rhythm(said)
