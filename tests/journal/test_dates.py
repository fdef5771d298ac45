"""Tests for `journal.dates`: what a worker may type, and how dates are written back.

The reference day is Saturday 28 November 2026; other `now`s cover the year roll-back
in early January and 29 February. Expected values are written out in full so that a
change of rule or wording makes a test fail.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal import i18n
from journal.dates import (
    GAP_MIN_DAYS,
    ParsedDate,
    format_ago,
    format_day,
    format_gap,
    format_month,
    format_understood,
    parse_date,
)
from journal.dates.formatting import _quantity
from journal.errors import DateNotUnderstood

NOW = date(2026, 11, 28)  # a Saturday
EARLY_JANUARY = date(2027, 1, 5)  # a Tuesday
LEAP_DAY = date(2028, 2, 29)  # a Tuesday

# ------------------------------------------------------------------- parsing: table

EXPRESSIONS = [
    # numeric, day first
    ("12/03", date(2026, 3, 12)),
    ("12/03/2026", date(2026, 3, 12)),
    ("3/11/26", date(2026, 11, 3)),
    ("12-03-2026", date(2026, 3, 12)),
    ("12.03.2026", date(2026, 3, 12)),
    ("12.03.2026.", date(2026, 3, 12)),
    ("2026-11-03", date(2026, 11, 3)),
    ("2026/11/03", date(2026, 11, 3)),
    ("15/12", date(2025, 12, 15)),
    ("28/11", date(2026, 11, 28)),
    ("29/11", date(2025, 11, 29)),
    # month names, French
    ("3 nov.", date(2026, 11, 3)),
    ("3 nov", date(2026, 11, 3)),
    ("3 novembre 2026", date(2026, 11, 3)),
    ("3 nov. 2026", date(2026, 11, 3)),
    ("1er novembre", date(2026, 11, 1)),
    ("le 1er novembre", date(2026, 11, 1)),
    ("5 janv.", date(2026, 1, 5)),
    ("5 janvier", date(2026, 1, 5)),
    ("5 févr.", date(2026, 2, 5)),
    ("5 fevr", date(2026, 2, 5)),
    ("5 février", date(2026, 2, 5)),
    ("5 mars", date(2026, 3, 5)),
    ("5 avr.", date(2026, 4, 5)),
    ("5 avril", date(2026, 4, 5)),
    ("5 mai", date(2026, 5, 5)),
    ("5 juin", date(2026, 6, 5)),
    ("5 juil.", date(2026, 7, 5)),
    ("5 juillet", date(2026, 7, 5)),
    ("5 août", date(2026, 8, 5)),
    ("5 aout", date(2026, 8, 5)),
    ("5 sept.", date(2026, 9, 5)),
    ("5 septembre", date(2026, 9, 5)),
    ("5 oct.", date(2026, 10, 5)),
    ("5 octobre", date(2026, 10, 5)),
    ("5 déc.", date(2025, 12, 5)),
    ("5 dec", date(2025, 12, 5)),
    ("5 décembre 2025", date(2025, 12, 5)),
    ("lundi 23 novembre 2026", date(2026, 11, 23)),
    # month names, English
    ("Nov 3", date(2026, 11, 3)),
    ("3 Nov", date(2026, 11, 3)),
    ("November 3 2026", date(2026, 11, 3)),
    ("November 3, 2026", date(2026, 11, 3)),
    ("3 November 2026", date(2026, 11, 3)),
    ("3rd of November", date(2026, 11, 3)),
    ("Feb 14", date(2026, 2, 14)),
    ("Monday, November 23, 2026", date(2026, 11, 23)),
    # relative, French
    ("aujourd'hui", NOW),
    ("aujourdhui", NOW),
    ("aujourd’hui", NOW),
    ("Aujourd'hui", NOW),
    ("hier", date(2026, 11, 27)),
    ("avant-hier", date(2026, 11, 26)),
    ("avant hier", date(2026, 11, 26)),
    ("il y a 3 jours", date(2026, 11, 25)),
    ("il y a 2 semaines", date(2026, 11, 14)),
    ("il y a un mois", date(2026, 10, 28)),
    ("il y a une semaine", date(2026, 11, 21)),
    ("il y a deux jours", date(2026, 11, 26)),
    ("il y a trois mois", date(2026, 8, 28)),
    ("il y a dix jours", date(2026, 11, 18)),
    ("il y a quinze jours", date(2026, 11, 13)),
    ("il y a 2 ans", date(2024, 11, 28)),
    ("il y a un an", date(2025, 11, 28)),
    ("lundi", date(2026, 11, 23)),
    ("mardi", date(2026, 11, 24)),
    ("mercredi", date(2026, 11, 25)),
    ("jeudi", date(2026, 11, 26)),
    ("vendredi", date(2026, 11, 27)),
    ("samedi", NOW),
    ("dimanche", date(2026, 11, 22)),
    ("lundi dernier", date(2026, 11, 23)),
    ("samedi dernier", date(2026, 11, 21)),
    ("lundi passé", date(2026, 11, 23)),
    # relative, English
    ("today", NOW),
    ("yesterday", date(2026, 11, 27)),
    ("day before yesterday", date(2026, 11, 26)),
    ("the day before yesterday", date(2026, 11, 26)),
    ("3 days ago", date(2026, 11, 25)),
    ("2 weeks ago", date(2026, 11, 14)),
    ("a month ago", date(2026, 10, 28)),
    ("a week ago", date(2026, 11, 21)),
    ("two days ago", date(2026, 11, 26)),
    ("last monday", date(2026, 11, 23)),
    ("last saturday", date(2026, 11, 21)),
    ("monday", date(2026, 11, 23)),
    ("saturday", NOW),
    # tolerance: case, accents, spaces, trailing dots
    ("  HIER  ", date(2026, 11, 27)),
    ("Il  y  a   3   jours.", date(2026, 11, 25)),
    ("3  NOVEMBRE  2026", date(2026, 11, 3)),
    ("3 Novembre 2026...", date(2026, 11, 3)),
    ("AVANT-HIER", date(2026, 11, 26)),
    ("Lundi Dernier", date(2026, 11, 23)),
    ("12/03\u00a0", date(2026, 3, 12)),
    ("3\u00a0nov.", date(2026, 11, 3)),
]


@pytest.mark.parametrize(("text", "expected"), EXPRESSIONS)
def test_expressions(text: str, expected: date) -> None:
    assert parse_date(text, NOW) == ParsedDate(day=expected, time=None, in_future=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28/12", date(2026, 12, 28)),
        ("3 nov", date(2026, 11, 3)),
        ("5/1", EARLY_JANUARY),
        ("6/1", date(2026, 1, 6)),
        ("1er janvier", date(2027, 1, 1)),
        ("lundi", date(2027, 1, 4)),
        ("mardi", EARLY_JANUARY),
        ("mardi dernier", date(2026, 12, 29)),
        ("last tuesday", date(2026, 12, 29)),
        ("dimanche", date(2027, 1, 3)),
        ("il y a 2 semaines", date(2026, 12, 22)),
        ("il y a un mois", date(2026, 12, 5)),
        ("il y a 10 jours", date(2026, 12, 26)),
    ],
)
def test_early_january_rolls_back_a_year(text: str, expected: date) -> None:
    assert parse_date(text, EARLY_JANUARY).day == expected


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("29/02", LEAP_DAY, LEAP_DAY),
        ("28/02", LEAP_DAY, date(2028, 2, 28)),
        ("1/03", LEAP_DAY, date(2027, 3, 1)),
        ("il y a un an", LEAP_DAY, date(2027, 2, 28)),
        ("il y a un mois", LEAP_DAY, date(2028, 1, 29)),
        ("29/02", NOW, date(2024, 2, 29)),
        ("29 février", NOW, date(2024, 2, 29)),
        ("il y a un mois", date(2026, 3, 31), date(2026, 2, 28)),
    ],
)
def test_leap_days_and_month_ends(text: str, now: date, expected: date) -> None:
    assert parse_date(text, now).day == expected


def test_leap_day_of_a_common_year_is_refused() -> None:
    with pytest.raises(DateNotUnderstood):
        parse_date("29/02/2026", NOW)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("3/11/26", 2026),
        ("3/11/25", 2025),
        ("1/1/00", 2000),
        ("1/1/99", 1999),
        ("1/1/36", 2036),  # ten years ahead at most
        ("1/1/37", 1937),
        ("3 nov 26", 2026),
    ],
)
def test_two_digit_years(text: str, year: int) -> None:
    assert parse_date(text, NOW).day.year == year


# ------------------------------------------------------------------- parsing: rules


@pytest.mark.parametrize("text", ["", " ", "   ", "\t\n", "\u00a0"])
def test_blank_means_today(text: str) -> None:
    assert parse_date(text, NOW) == ParsedDate(day=NOW, time=None, in_future=False)


def test_a_date_without_year_is_never_in_the_future() -> None:
    for offset in range(366):
        now = NOW + timedelta(days=offset)
        for day in (1, 15, 28, 31):
            for month in range(1, 13):
                try:
                    parsed = parse_date(f"{day}/{month}", now)
                except DateNotUnderstood:
                    assert day == 31
                    continue
                assert parsed.day <= now
                assert (now - parsed.day).days < 366
                assert (parsed.day.day, parsed.day.month) == (day, month)


@pytest.mark.parametrize(
    "name", ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
)
@pytest.mark.parametrize("offset", range(7))
def test_weekdays(name: str, offset: int) -> None:
    now = NOW + timedelta(days=offset)
    bare = parse_date(name, now).day
    last = parse_date(f"{name} dernier", now).day
    assert bare.weekday() == last.weekday()
    assert 0 <= (now - bare).days <= 6  # on or before today
    assert 1 <= (now - last).days <= 7  # strictly before today
    assert last == bare or last == bare - timedelta(days=7)


def test_explicit_future_date_is_accepted_and_flagged() -> None:
    assert parse_date("3/12/2026", NOW) == ParsedDate(date(2026, 12, 3), None, True)
    assert parse_date("12/03/2027", NOW).in_future
    assert parse_date("1 janvier 2027", NOW).in_future
    assert not parse_date("28/11/2026", NOW).in_future


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14h30", ParsedDate(NOW, time(14, 30))),
        ("14:30", ParsedDate(NOW, time(14, 30))),
        ("9h", ParsedDate(NOW, time(9, 0))),
        ("14 h 30", ParsedDate(NOW, time(14, 30))),
        ("hier 14h30", ParsedDate(date(2026, 11, 27), time(14, 30))),
        ("hier à 9h", ParsedDate(date(2026, 11, 27), time(9, 0))),
        ("yesterday at 14:30", ParsedDate(date(2026, 11, 27), time(14, 30))),
        ("12/03 9h05", ParsedDate(date(2026, 3, 12), time(9, 5))),
        ("3 novembre 2026 à 18h", ParsedDate(date(2026, 11, 3), time(18, 0))),
    ],
)
def test_times(text: str, expected: ParsedDate) -> None:
    assert parse_date(text, NOW) == expected


def test_datetime_now_and_times_later_today() -> None:
    morning = datetime(2026, 11, 28, 10, 0)
    assert parse_date("hier", morning) == ParsedDate(date(2026, 11, 27))
    assert parse_date("14h", morning) == ParsedDate(NOW, time(14, 0), in_future=True)
    assert parse_date("9h", morning) == ParsedDate(NOW, time(9, 0), in_future=False)
    # A bare `date` has no time of day, so a time today is never "ahead".
    assert parse_date("14h", NOW).in_future is False


# ------------------------------------------------------------------ parsing: refusals

UNREADABLE = [
    "31/02",
    "n'importe quoi",
    "32/01",
    "13/13/2026",
    "hier hier",
    "0/01",
    "12/00",
    "5",  # a lone number names no day
    "12",
    "2026",
    "nov",
    "novembre 2026",  # a month, not a day
    "12/03/026",
    "12/03-2026",  # mixed separators
    "2026-13-01",
    "il y a",
    "il y a trois",
    "il y a -3 jours",
    "il y a 9999 ans",
    "il y a 200 ans",
    "dernier",
    "mardi 23 novembre 2026",  # 23 Nov 2026 is a Monday
    "12/03/1850",
    "25h",
    "14h75",
    "...",
    "\x1b[2J",
    "a" * 500,
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_is_refused(text: str) -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date(text, NOW)
    # 31/02 and month 13 say why (tests/journal/test_dates_words.py); the rest is generic.
    assert caught.value.key in (
        "dates.not_understood", "dates.no_such_day", "dates.no_such_month"
    )  # fmt: skip


def test_refusal_message_names_the_text_and_gives_examples() -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date("31/02 bientôt", NOW)
    assert caught.value.message("fr") == (
        "Date non comprise : « 31/02 bientôt ». "
        "Exemples : hier, lundi dernier, 12/03, 3 novembre 2026, il y a 2 semaines."
    )
    assert caught.value.message("en") == (
        "Date not understood: “31/02 bientôt”. "
        "Examples: yesterday, last monday, 12/03, 3 November 2026, 2 weeks ago."
    )


def test_refusal_message_is_safe_to_print() -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date("\x1b[2Jhier\nhier", NOW)
    assert "\x1b" not in caught.value.message("fr")
    assert "« ?[2Jhier hier »" in caught.value.message("fr")
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date("note " * 15, NOW)
    assert "« note note note note note note note note… »" in caught.value.message("fr")


def test_messages_are_registered_in_both_languages() -> None:
    keys = [key for key in i18n.MESSAGES if key.startswith("dates.")]
    assert "dates.not_understood" in keys
    for key in keys:
        assert set(i18n.MESSAGES[key]) == {"fr", "en"}


# ------------------------------------------------------------------ parsing: properties

TOKENS = [
    "12", "3", "31", "2026", "26", "0", "00", "29", "02", "9999", "1er", "3rd",
    "/", "-", ".", ":", "h", " ", "  ", ",", "'", "’",
    "nov", "nov.", "novembre", "November", "févr.", "aout", "déc", "mar", "mai", "may",
    "il y a", "il", "y", "a", "ago", "un", "une", "deux", "dix", "jours", "semaines",
    "mois", "ans", "days", "weeks", "month", "year",
    "lundi", "samedi", "monday", "dernier", "last", "passé", "le", "the", "of",
    "hier", "avant-hier", "aujourd'hui", "today", "yesterday", "à", "at", "14h30", "9h",
]  # fmt: skip

NOWS = st.one_of(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2090, 12, 31)),
)


def _parses_or_refuses(text: str, now: date) -> None:
    try:
        parsed = parse_date(text, now)
    except DateNotUnderstood:
        return
    assert isinstance(parsed, ParsedDate)
    assert isinstance(parsed.day, date) and not isinstance(parsed.day, datetime)
    assert 1900 <= parsed.day.year <= 2100


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=60), now=NOWS)
def test_any_text_parses_or_is_refused(text: str, now: date) -> None:
    _parses_or_refuses(text, now)


@settings(max_examples=600, deadline=None)
@given(
    tokens=st.lists(st.sampled_from(TOKENS), max_size=7),
    joiner=st.sampled_from(["", " "]),
    now=NOWS,
)
def test_token_soup_parses_or_is_refused(tokens: list[str], joiner: str, now: date) -> None:
    _parses_or_refuses(joiner.join(tokens), now)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    now=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    lang=st.sampled_from(["fr", "en"]),
)
def test_written_dates_read_back(day: date, now: date, lang: str) -> None:
    for text in (format_day(day, lang), f"{day.day}/{day.month}/{day.year}", day.isoformat()):
        parsed = parse_date(text, now)
        assert parsed.day == day
        assert parsed.in_future == (day > now)


# ---------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (date(2026, 11, 23), "fr", "lundi 23 novembre 2026"),
        (date(2026, 11, 23), "en", "Monday, 23 November 2026"),
        (date(2026, 8, 1), "fr", "samedi 1er août 2026"),
        (date(2026, 8, 1), "en", "Saturday, 1 August 2026"),
        (date(2026, 11, 23), "de", "lundi 23 novembre 2026"),  # unknown → French
    ],
)
def test_format_day(day: date, lang: str, expected: str) -> None:
    assert format_day(day, lang) == expected


@pytest.mark.parametrize(
    ("year", "month", "lang", "expected"),
    [
        (2026, 11, "fr", "novembre 2026"),
        (2026, 11, "en", "November 2026"),
        (2025, 2, "fr", "février 2025"),
        (2025, 8, "en", "August 2025"),
    ],
)
def test_format_month(year: int, month: int, lang: str, expected: str) -> None:
    assert format_month(year, month, lang) == expected


@pytest.mark.parametrize(
    ("day", "fr", "en"),
    [
        (NOW, "aujourd'hui", "today"),
        (date(2026, 11, 27), "hier", "yesterday"),
        (date(2026, 11, 26), "il y a 2 jours", "2 days ago"),
        (date(2026, 11, 25), "il y a 3 jours", "3 days ago"),
        (date(2026, 11, 15), "il y a 13 jours", "13 days ago"),
        (date(2026, 11, 14), "il y a 2 semaines", "2 weeks ago"),
        (date(2026, 11, 7), "il y a 3 semaines", "3 weeks ago"),
        (date(2026, 10, 1), "il y a 8 semaines", "8 weeks ago"),
        (date(2026, 9, 28), "il y a 2 mois", "2 months ago"),
        (date(2026, 6, 28), "il y a 5 mois", "5 months ago"),
        (date(2025, 1, 1), "il y a 22 mois", "22 months ago"),
        (date(2024, 11, 29), "il y a 23 mois", "23 months ago"),
        (date(2024, 11, 28), "il y a 2 ans", "2 years ago"),
        (date(2020, 1, 1), "il y a 6 ans et 10 mois", "6 years and 10 months ago"),
        (date(2026, 11, 29), "demain", "tomorrow"),
        (date(2026, 12, 5), "dans 7 jours", "in 7 days"),
        (date(2027, 3, 1), "dans 3 mois", "in 3 months"),
    ],
)
def test_format_ago(day: date, fr: str, en: str) -> None:
    assert format_ago(day, NOW, "fr") == fr
    assert format_ago(day, NOW, "en") == en
    assert format_ago(day, datetime(2026, 11, 28, 23, 59), "fr") == fr


@pytest.mark.parametrize(
    ("earlier", "later", "fr", "en"),
    [
        (date(2026, 11, 27), NOW, None, None),
        (NOW - timedelta(days=GAP_MIN_DAYS - 1), NOW, None, None),
        (
            NOW - timedelta(days=GAP_MIN_DAYS),
            NOW,
            "4 semaines sans contact",
            "4 weeks without contact",
        ),
        (date(2026, 10, 1), NOW, "8 semaines sans contact", "8 weeks without contact"),
        (date(2026, 9, 28), NOW, "2 mois sans contact", "2 months without contact"),
        (date(2026, 6, 1), NOW, "5 mois sans contact", "5 months without contact"),
        (
            date(2024, 1, 1),
            NOW,
            "2 ans et 10 mois sans contact",
            "2 years and 10 months without contact",
        ),
        (NOW, date(2026, 6, 1), "5 mois sans contact", "5 months without contact"),
    ],
)
def test_format_gap(earlier: date, later: date, fr: str | None, en: str | None) -> None:
    assert GAP_MIN_DAYS == 28
    assert format_gap(earlier, later, "fr") == fr
    assert format_gap(earlier, later, "en") == en


# Counts of 0 and 1 cannot come out of format_ago/format_gap (they say "aujourd'hui",
# "hier", or stay silent), so the plural table is checked on the helper itself.
@pytest.mark.parametrize(
    ("count", "unit", "fr", "en"),
    [
        (0, "day", "0 jour", "0 days"),
        (1, "day", "1 jour", "1 day"),
        (2, "day", "2 jours", "2 days"),
        (1, "week", "1 semaine", "1 week"),
        (2, "week", "2 semaines", "2 weeks"),
        (1, "month", "1 mois", "1 month"),
        (2, "month", "2 mois", "2 months"),
        (1, "year", "1 an", "1 year"),
        (2, "year", "2 ans", "2 years"),
        (1_000_000, "year", "1000000 ans", "1000000 years"),  # French CLDR "many"
    ],
)
def test_plurals(count: int, unit: str, fr: str, en: str) -> None:
    assert _quantity(count, unit, "fr") == fr
    assert _quantity(count, unit, "en") == en


def test_format_understood() -> None:
    parsed = parse_date("hier", NOW)
    assert format_understood(parsed, "hier", NOW, "fr") == "hier → vendredi 27 novembre 2026"
    assert format_understood(parsed, "hier", NOW, "en") == "hier → Friday, 27 November 2026"
    future = parse_date("3/12/2026", NOW)
    assert (
        format_understood(future, " 3/12/2026 ", NOW, "fr")
        == "3/12/2026 → jeudi 3 décembre 2026 (dans le futur)"
    )
    assert (
        format_understood(future, "3/12/2026", NOW, "en")
        == "3/12/2026 → Thursday, 3 December 2026 (in the future)"
    )
    # Judged against `now`: once the day has come, the note goes.
    assert format_understood(future, "3/12/2026", date(2026, 12, 3), "fr") == (
        "3/12/2026 → jeudi 3 décembre 2026"
    )


def test_format_understood_with_time_and_blank() -> None:
    parsed = parse_date("hier 14h30", NOW)
    assert format_understood(parsed, "hier  14h30", NOW, "fr") == (
        "hier 14h30 → vendredi 27 novembre 2026 à 14:30"
    )
    assert format_understood(parsed, "hier 14h30", NOW, "en") == (
        "hier 14h30 → Friday, 27 November 2026 at 14:30"
    )
    blank = parse_date("", NOW)
    assert format_understood(blank, "", NOW, "fr") == "aujourd'hui → samedi 28 novembre 2026"
    assert format_understood(blank, "  ", NOW, "en") == "today → Saturday, 28 November 2026"


def test_core_does_not_import_the_interface() -> None:
    code = "import sys, journal.dates; print('textual' in sys.modules or 'rich' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ------------------------------------------------------- English: day or month first


def test_english_dates_follow_the_systems_region(monkeypatch: pytest.MonkeyPatch) -> None:
    """en_GB (and any locale that names no English region) is day-first; en_US is not."""
    day = date(2026, 11, 1)
    for setting in ("en_GB.UTF-8", "C.UTF-8", "fr_FR.UTF-8", ""):
        monkeypatch.setenv("LC_TIME", setting)
        monkeypatch.setenv("LANG", setting)
        assert format_day(day, "en") == "Sunday, 1 November 2026"
        assert parse_date("12/03", NOW, "en").day == date(2026, 3, 12)
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    assert format_day(day, "en") == "Sunday, November 1, 2026"
    assert parse_date("12/03", NOW, "en").day == date(2025, 12, 3)  # the latest past one
    assert parse_date("3/12/2026", NOW, "en").day == date(2026, 3, 12)
    assert parse_date("2026-03-12", NOW, "en").day == date(2026, 3, 12)  # ISO stays ISO
    assert parse_date("12 March", NOW, "en").day == date(2026, 3, 12)  # words are words
    parsed = parse_date("hier 14h30", NOW, "en")
    assert format_understood(parsed, "hier 14h30", NOW, "en").endswith("at 2:30\u202fPM")
    # French is day-first whatever the English region, and so is a parse with no language.
    assert format_day(day, "fr") == "dimanche 1er novembre 2026"
    assert parse_date("12/03", NOW, "fr").day == date(2026, 3, 12)
    assert parse_date("12/03", NOW).day == date(2026, 3, 12)


def test_lc_all_outranks_lc_time_and_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert parse_date("12/03", NOW, "en").day == date(2025, 12, 3)  # the latest past one
    monkeypatch.delenv("LC_ALL")
    monkeypatch.delenv("LC_TIME")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert format_day(date(2026, 3, 12), "en") == "Thursday, March 12, 2026"
