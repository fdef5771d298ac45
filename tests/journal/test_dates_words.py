"""Dates as a worker reads them: '1er novembre', whole silences, impossible days named."""

from __future__ import annotations

import datetime

import pytest

from journal.dates import format_ago, format_day, format_gap, parse_date
from journal.errors import DateNotUnderstood

TODAY = datetime.date(2026, 11, 28)


def test_the_first_of_the_month_is_1er_in_french() -> None:
    assert format_day(datetime.date(2026, 11, 1), "fr") == "dimanche 1er novembre 2026"
    assert format_day(datetime.date(2026, 11, 2), "fr") == "lundi 2 novembre 2026"


def test_a_silence_of_years_keeps_its_months() -> None:
    earlier, later = datetime.date(2023, 1, 10), datetime.date(2025, 12, 20)
    assert format_gap(earlier, later, "fr") == "2 ans et 11 mois sans contact"
    assert format_gap(earlier, later, "en") == "2 years and 11 months without contact"
    assert format_ago(earlier, later, "fr") == "il y a 2 ans et 11 mois"
    assert format_ago(datetime.date(2023, 12, 1), later, "en") == "2 years ago"
    assert format_ago(datetime.date(2023, 11, 1), later, "en") == "2 years and 1 month ago"


@pytest.mark.parametrize(
    ("text", "fr", "en"),
    [
        ("31/02", "février n'a pas 31 jours", "February has no 31st day"),
        ("31/04", "avril n'a pas 31 jours", "April has no 31st day"),
        ("29/02/2026", "février 2026 n'a pas de 29", "February 2026 has no 29th"),
        ("30 février", "février n'a pas 30 jours", "February has no 30th day"),
        ("12/13", "il n'y a que 12 mois", "there are only 12 months"),
    ],
)
def test_an_impossible_day_says_why(text: str, fr: str, en: str) -> None:
    with pytest.raises(DateNotUnderstood) as caught:
        parse_date(text, TODAY)
    assert fr in caught.value.message("fr")
    assert en in caught.value.message("en")
