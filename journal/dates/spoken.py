"""Days said relative to today, as people say them, in French and English.

"hier", "lundi dernier", "il y a 3 sem", "demain", "mardi prochain", "dans 2 semaines",
"hier soir", "ce matin" / "yesterday", "last monday", "2d ago", "tomorrow", "next
tuesday", "in 2 weeks", "last night", "this morning". Part of `journal.dates.parsing`'s
whitelist: each shape is an anchored expression on the normalized text (lower case,
no accents), and anything else is left to the calendar dates, then refused.

Rules (tested in `tests/journal/test_dates_spoken.py`):

- A count without "il y a"/"ago" ("3 sem", "2 j", "1 an") is in the past, as in a
  note written afterwards; "dans"/"in" puts it ahead. Units have short forms (j, sem,
  mois, an / d, wk, mo, yr). A bare count is in digits: "trois" alone is not a date.
- "mardi prochain" / "next tuesday" is the first such day after today; a weekday alone
  or "dernier"/"last" stays in the past (`parsing`).
- A part of the day is kept as a time, since an entry keeps one: morning 9:00,
  afternoon 14:00, evening and night 19:00 (the shape of the day, not a clock reading:
  the worker sees it and may type the hour instead). An hour typed as well wins.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_WEEKDAY_CONSTANTS = (MO, TU, WE, TH, FR, SA, SU)

# Counts after "il y a"/"dans" (French) and before "ago"/after "in" (English), kept
# apart so that "il y a a jours" or "un days ago" are not read.
_NUMBER_WORDS_FR = dict(
    un=1, une=1, deux=2, trois=3, quatre=4, cinq=5, six=6, sept=7, huit=8, neuf=9, dix=10,
    onze=11, douze=12, quinze=15, vingt=20,
)  # fmt: skip
_NUMBER_WORDS_EN = dict(
    a=1, an=1, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9,
    ten=10, eleven=11, twelve=12, fifteen=15, twenty=20,
)  # fmt: skip

# Singular, plural and short forms in either language: "il y a 3 jour" is a typo whose
# meaning is not in doubt, and "3 sem" is how a busy worker writes.
_UNIT_WORDS = {
    **dict.fromkeys(("jour", "jours", "j", "jr", "jrs", "day", "days", "d"), "day"),
    **dict.fromkeys(("semaine", "semaines", "sem", "sems", "week", "weeks", "wk", "wks", "w"),
                    "week"),
    **dict.fromkeys(("mois", "month", "months", "mo", "mos", "mth", "mths"), "month"),
    **dict.fromkeys(("an", "ans", "annee", "annees", "year", "years", "yr", "yrs", "y"), "year"),
}  # fmt: skip

# The parts of a day, and the time an entry keeps for each.
_PARTS = {
    **dict.fromkeys(("matin", "morning"), datetime.time(9, 0)),
    **dict.fromkeys(("apres-midi", "apres midi", "aprem", "afternoon"), datetime.time(14, 0)),
    **dict.fromkeys(("soir", "evening", "night"), datetime.time(19, 0)),
}


def alternation(words: Iterable[str]) -> str:
    """A regular expression alternation, longest first ("janvier" before "jan")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def group(name: str, words: Iterable[str]) -> str:
    return f"(?P<{name}>{alternation(words)})"


WEEKDAY = group("wd", WEEKDAYS)
_UNIT = group("unit", _UNIT_WORDS)
_COUNT_FR = rf"(?P<n>[0-9]{{1,4}}|{alternation(_NUMBER_WORDS_FR)})"
_COUNT_EN = rf"(?P<n>[0-9]{{1,4}}|{alternation(_NUMBER_WORDS_EN)})"
_DIGITS = r"(?P<n>[0-9]{1,4})"

# Days: each pattern, matched on the whole text, gives an offset from today.
_TODAY = re.compile(r"aujourd'? ?hui|today|ce|cet|cette|this", re.ASCII)
_YESTERDAY = re.compile(r"hier|yesterday", re.ASCII)
_DAY_BEFORE = re.compile(r"avant[- ]?hier|(?:the )?day before yesterday", re.ASCII)
_TOMORROW = re.compile(r"demain|tomorrow", re.ASCII)
_DAY_AFTER = re.compile(r"apres[- ]?demain|(?:the )?day after tomorrow", re.ASCII)
_AGO = (
    re.compile(rf"il y a {_COUNT_FR} ?{_UNIT}", re.ASCII),
    re.compile(rf"{_COUNT_EN} ?{_UNIT} ago", re.ASCII),
    re.compile(rf"{_DIGITS} ?{_UNIT}", re.ASCII),
)
_AHEAD = (
    re.compile(rf"dans {_COUNT_FR} ?{_UNIT}", re.ASCII),
    re.compile(rf"in {_COUNT_EN} ?{_UNIT}", re.ASCII),
)
_WEEKDAY_BARE = re.compile(WEEKDAY, re.ASCII)
# "lundi passé" is common in spoken French; "dernier lundi" is how some write it.
_WEEKDAY_LAST = (
    re.compile(rf"{WEEKDAY} (?:dernier|passe)", re.ASCII),
    re.compile(rf"dernier {WEEKDAY}", re.ASCII),
    re.compile(rf"last {WEEKDAY}", re.ASCII),
)
_WEEKDAY_NEXT = (
    re.compile(rf"{WEEKDAY} prochain", re.ASCII),
    re.compile(rf"prochain {WEEKDAY}", re.ASCII),
    re.compile(rf"next {WEEKDAY}", re.ASCII),
)
# A part of the day after a day: "hier soir", "lundi dernier au soir", "this morning".
_PART = re.compile(rf"(?P<rest>.+?) (?:(?:au|dans l'|in the) ?)?{group('part', _PARTS)}")
_WHOLE = {  # said in one word or two, with no day before them
    "tonight": ("today", "evening"),
    "last night": ("yesterday", "evening"),
}


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS_FR.get(token) or _NUMBER_WORDS_EN[token]


def _day(text: str, today: datetime.date) -> datetime.date | None:
    """The day a relative expression names, or None if the text is not one."""
    one = datetime.timedelta(days=1)
    for pattern, day in (
        (_TODAY, today),
        (_YESTERDAY, today - one),
        (_DAY_BEFORE, today - 2 * one),
        (_TOMORROW, today + one),
        (_DAY_AFTER, today + 2 * one),
    ):
        if pattern.fullmatch(text):
            return day
    for patterns, sign in ((_AGO, -1), (_AHEAD, 1)):
        for pattern in patterns:
            if match := pattern.fullmatch(text):
                unit = _UNIT_WORDS[match["unit"]]
                return today + relativedelta(**{f"{unit}s": sign * _number(match["n"])})
    if match := _WEEKDAY_BARE.fullmatch(text):
        # relativedelta(weekday=SA(-1)) stays on today when today is a Saturday.
        return today + relativedelta(weekday=_WEEKDAY_CONSTANTS[WEEKDAYS[match["wd"]]](-1))
    for patterns, start, nth in ((_WEEKDAY_LAST, today - one, -1), (_WEEKDAY_NEXT, today + one, 1)):
        for pattern in patterns:
            if match := pattern.fullmatch(text):
                # From yesterday back, or tomorrow on: never today itself.
                weekday = _WEEKDAY_CONSTANTS[WEEKDAYS[match["wd"]]]
                return start + relativedelta(weekday=weekday(nth))
    return None


def relative(text: str, today: datetime.date) -> tuple[datetime.date, datetime.time | None] | None:
    """A day said relative to today, with the time its part of the day keeps, or None.

    `text` is normalized (`parsing._normalize`) and holds no typed hour.
    """
    if text in _WHOLE:
        day_word, part = _WHOLE[text]
        text = f"{day_word} {part}"
    if match := _PART.fullmatch(text):
        day = _day(match["rest"], today)
        return (day, _PARTS[match["part"]]) if day is not None else None
    day = _day(text, today)
    return (day, None) if day is not None and text not in ("ce", "cet", "cette", "this") else None
