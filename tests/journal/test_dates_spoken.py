"""Dates as people say them (issue 13): tomorrow, last night, short forms, next Tuesday.

The reference moment is Saturday 28 November 2026 at 10:00. A part of the day is kept
as a time, since an entry keeps one: morning 9:00, afternoon 14:00, evening 19:00.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from journal.dates import ParsedDate, format_understood, parse_date
from journal.errors import DateNotUnderstood

NOW = datetime(2026, 11, 28, 10, 0)  # a Saturday morning
TODAY = NOW.date()

MORNING, AFTERNOON, EVENING = time(9, 0), time(14, 0), time(19, 0)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        # tomorrow and after: a note about something planned
        ("demain", date(2026, 11, 29), None),
        ("après-demain", date(2026, 11, 30), None),
        ("apres demain", date(2026, 11, 30), None),
        ("tomorrow", date(2026, 11, 29), None),
        ("the day after tomorrow", date(2026, 11, 30), None),
        ("dans 2 semaines", date(2026, 12, 12), None),
        ("dans deux jours", date(2026, 11, 30), None),
        ("in 3 days", date(2026, 12, 1), None),
        ("in 2 wks", date(2026, 12, 12), None),
        ("mardi prochain", date(2026, 12, 1), None),
        ("prochain mardi", date(2026, 12, 1), None),
        ("samedi prochain", date(2026, 12, 5), None),  # today is Saturday: the next one
        ("next tuesday", date(2026, 12, 1), None),
        # parts of the day
        ("hier soir", date(2026, 11, 27), EVENING),
        ("Hier matin", date(2026, 11, 27), MORNING),
        ("ce matin", TODAY, MORNING),
        ("cet après-midi", TODAY, AFTERNOON),
        ("cet aprem", TODAY, AFTERNOON),
        ("ce soir", TODAY, EVENING),
        ("demain matin", date(2026, 11, 29), MORNING),
        ("lundi dernier au soir", date(2026, 11, 23), EVENING),
        ("lundi soir", date(2026, 11, 23), EVENING),
        ("hier soir 21h", date(2026, 11, 27), time(21, 0)),  # the hour said wins
        ("last night", date(2026, 11, 27), EVENING),
        ("tonight", TODAY, EVENING),
        ("this morning", TODAY, MORNING),
        ("this afternoon", TODAY, AFTERNOON),
        ("yesterday evening", date(2026, 11, 27), EVENING),
        ("tomorrow morning", date(2026, 11, 29), MORNING),
        # short forms, with or without "il y a" / "ago"
        ("il y a 3 sem", date(2026, 11, 7), None),
        ("il y a 3 sem.", date(2026, 11, 7), None),
        ("3 sem", date(2026, 11, 7), None),
        ("2 j", date(2026, 11, 26), None),
        ("2j", date(2026, 11, 26), None),
        ("1 an", date(2025, 11, 28), None),
        ("il y a 2 mois", date(2026, 9, 28), None),
        ("2 mois", date(2026, 9, 28), None),
        ("3 wks ago", date(2026, 11, 7), None),
        ("2d ago", date(2026, 11, 26), None),
        ("2 d ago", date(2026, 11, 26), None),
        ("3 weeks", date(2026, 11, 7), None),
        ("1 yr ago", date(2025, 11, 28), None),
        ("6 mos ago", date(2026, 5, 28), None),
        # what was already understood still is
        ("hier", date(2026, 11, 27), None),
        ("lundi dernier", date(2026, 11, 23), None),
        ("il y a 2 semaines", date(2026, 11, 14), None),
    ],
)
def test_what_people_say(text: str, day: date, at: time | None) -> None:
    parsed = parse_date(text, NOW)
    assert (parsed.day, parsed.time) == (day, at)


@pytest.mark.parametrize(
    "text", ["demain", "dans 2 semaines", "mardi prochain", "ce soir", "tomorrow", "in 2 days"]
)
def test_planned_days_are_accepted_with_the_future_notice(text: str) -> None:
    parsed = parse_date(text, NOW)
    assert parsed.in_future
    assert format_understood(parsed, text, NOW, "fr").endswith("(dans le futur)")
    assert format_understood(parsed, text, NOW, "en").endswith("(in the future)")


def test_this_morning_said_in_the_evening_is_not_the_future() -> None:
    parsed = parse_date("ce matin", datetime(2026, 11, 28, 18, 0))
    assert parsed == ParsedDate(day=TODAY, time=MORNING, in_future=False)
    assert format_understood(parsed, "ce matin", NOW, "fr") == (
        "ce matin → samedi 28 novembre 2026 à 09:00"
    )


@pytest.mark.parametrize(
    "text",
    [
        "soir",  # a part of the day alone names no day
        "hier soir soir",
        "3",
        "3 s",
        "il y a sem",
        "dans",
        "dans -2 jours",
        "prochain",
        "next",
        "3 jours ago ago",
        "il y a 3 sem ago",
        "dans 9999 ans",
        "demain hier",
    ],
)
def test_what_is_still_refused(text: str) -> None:
    with pytest.raises(DateNotUnderstood):
        parse_date(text, NOW)
