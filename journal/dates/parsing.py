"""Reading the dates a worker types, in French or English.

Why this module exists: a social worker notes a visit afterwards, often days later,
and types the date the way they would say it ("hier", "lundi dernier", "12/03",
"il y a 2 semaines"). The journal must read that without guessing wrong, because a
wrong date silently reorders a person's life story. So the parser is a whitelist:
it accepts a small, documented grammar in both languages and refuses everything
else with a message that shows what it does understand.

Why not hand the text to `dateutil.parser.parse`: it guesses. "5" becomes the 5th
of the current month, "nov" becomes today's day in November, and its two-digit year
rule reads the system clock (`time.localtime()` in `parserinfo.__init__`), which the
core must never do. Every accepted shape is therefore matched here with anchored
regular expressions and built with `datetime.date`; dateutil's `relativedelta` and
weekday constants do the calendar arithmetic (month lengths, leap years), which is
what it is good at.

Rules (decided once, tested in `tests/journal/test_dates.py`):

- Both languages are always understood; case, accents, extra spaces, commas and
  dots after abbreviations or at the end do not matter.
- Empty or blank text means today.
- Numbers are day first ("12/03" is 12 March), except in English where the system's
  English region writes the month first (en_US: March 12; `journal.dates.region`).
- A day and month without a year is the most recent such date not after today
  (on 28 Nov 2026, "12/03" is 12 Mar 2026 and "15/12" is 15 Dec 2025).
- A bare weekday is the most recent such day on or before today ("samedi" on a
  Saturday is today); "lundi dernier" / "last monday" is strictly before today.
- Days said relative to today ("demain", "il y a 3 sem", "hier soir", "mardi
  prochain") are read by `journal.dates.spoken`, which says its own rules.
- A two-digit year is the year ending in those digits within the hundred years
  that end `TWO_DIGIT_YEAR_AHEAD` years after `now` (in 2026: "26" is 2026, "36"
  is 2036, "37" is 1937). Past dates are the norm in a journal, so the window
  leans back; a small lead still lets "3/1/27" typed in December mean January.
- Years outside `MIN_YEAR`..`MAX_YEAR`, typed or computed ("il y a 200 ans"), are
  typos, not dates a journal holds.
- A lone number ("5", "2026"), a month alone ("novembre 2026") or a month name
  without a day is refused: none of them names a day.
- A time ("14h30", "14:30", "9h", "à 9h") may end the text, 24-hour clock only;
  a time alone means today at that time.
- An explicit date after today is accepted with `in_future=True`; the caller warns.

Every `str` input either gives a `ParsedDate` or raises `DateNotUnderstood`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from journal.dates.region import month_first
from journal.dates.spoken import WEEKDAY, WEEKDAYS, group, relative
from journal.errors import DateNotUnderstood
from journal.i18n import count, register

MIN_YEAR = 1900
MAX_YEAR = 2100
TWO_DIGIT_YEAR_AHEAD = 10

# No date expression is longer than this; refusing early keeps a pasted paragraph
# from costing anything in a field that is re-parsed at every keystroke.
_MAX_INPUT_LENGTH = 100
# The typed text is echoed in the error; cap it so a note pasted into the date
# field by mistake does not end up whole in an error message.
_MAX_ECHO_LENGTH = 40

_EXAMPLES = {
    "fr": "hier, lundi dernier, 12/03, 3 novembre 2026, il y a 2 semaines",
    "en": "yesterday, last monday, 12/03, 3 November 2026, 2 weeks ago",
}

register(
    {
        "dates.not_understood": {
            "fr": "Date non comprise : « {expr} ». Exemples : {examples[fr]}.",
            "en": "Date not understood: “{expr}”. Examples: {examples[en]}.",
        },
        "dates.no_such_day": {
            "fr": "Date impossible : « {expr} » ; {month[fr]} n'a pas {days[fr]}.",
            "en": "Impossible date: “{expr}”; {month[en]} has no {ordinal} day.",
        },
        "dates.no_such_day_this_year": {
            "fr": "Date impossible : « {expr} » ; {month[fr]} {year} n'a pas de {day}.",
            "en": "Impossible date: “{expr}”; {month[en]} {year} has no {ordinal}.",
        },
        "dates.no_such_month": {
            "fr": "Date impossible : « {expr} » ; il n'y a que 12 mois.",
            "en": "Impossible date: “{expr}”; there are only 12 months.",
        },
    }
)


@dataclass(frozen=True)
class ParsedDate:
    """What a date expression means: a day, maybe a time, and whether it is ahead."""

    day: datetime.date
    time: datetime.time | None = None
    in_future: bool = False


# --------------------------------------------------------------------------- words


# Keys are accent-free because the text is stripped of accents before matching.
# "mar" is English March; French abbreviates mars as "mars", so no clash.
_MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan", "january"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev", "february", "feb"), 2),
    **dict.fromkeys(("mars", "march", "mar"), 3),
    **dict.fromkeys(("avril", "avr", "april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "june", "jun"), 6),
    **dict.fromkeys(("juillet", "juil", "july", "jul"), 7),
    **dict.fromkeys(("aout", "august", "aug"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "dec", "december"), 12),
}

_WD = WEEKDAY
_MON = group("mon", _MONTHS)

# Absolute expressions. A leading weekday ("lundi 23 novembre 2026", as
# `format_day` writes it) is allowed and must agree with the date.
_PREFIX = rf"(?:{_WD} )?(?:(?:le|the) )?"
_NUMERIC_DMY = re.compile(
    rf"{_PREFIX}(?P<d>[0-9]{{1,2}})(?P<sep>[/.-])(?P<m>[0-9]{{1,2}})"
    r"(?:(?P=sep)(?P<y>[0-9]{4}|[0-9]{2}))?",
    re.ASCII,
)
_NUMERIC_YMD = re.compile(
    rf"{_PREFIX}(?P<y>[0-9]{{4}})(?P<sep>[/.-])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})",
    re.ASCII,
)
_DAY_MONTH = re.compile(
    rf"{_PREFIX}(?P<d>[0-9]{{1,2}})(?:er|st|nd|rd|th)? (?:of )?{_MON}"
    r"(?: (?P<y>[0-9]{4}|[0-9]{2}))?",
    re.ASCII,
)
_MONTH_DAY = re.compile(
    rf"{_PREFIX}{_MON} (?:the )?(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?: (?P<y>[0-9]{{4}}))?",
    re.ASCII,
)
_ABSOLUTE = (_NUMERIC_YMD, _NUMERIC_DMY, _DAY_MONTH, _MONTH_DAY)

# A time at the end: "14h30", "14 h 30", "9h", "14:30", optionally after "à"/"at".
_TIME = re.compile(
    r"(?:^|(?P<rest>.*?) )(?:(?:a|at) )?"
    r"(?P<h>[0-9]{1,2}) ?(?:h ?(?P<hm>[0-9]{2})?|: ?(?P<cm>[0-9]{2}))",
    re.ASCII,
)


# ------------------------------------------------------------------------- parsing


class _Unreadable(Exception):
    """Internal: the text is not a date; turned into DateNotUnderstood at the edge."""


class _Impossible(_Unreadable):
    """Internal: a date-shaped text naming a day that does not exist (31/02, 12/13)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


_MONTH_NAMES = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}  # fmt: skip


def _ordinal_en(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _check_day(month: int, day: int, year: int | None = None) -> None:
    """Say why a day does not exist, when the reason is one a worker can fix."""
    if month > 12 and 1 <= day <= 31:
        raise _Impossible("dates.no_such_month")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _Unreadable  # 00/05, 45/03: a typo, not a calendar question
    names = {lang: _MONTH_NAMES[lang][month - 1] for lang in _MONTH_NAMES}
    days = {lang: count("days", day, lang) for lang in _MONTH_NAMES}
    params = {"month": names, "day": day, "days": days, "ordinal": _ordinal_en(day)}
    try:
        datetime.date(2000, month, day)  # a leap year: only 31/04, 30/02… fail here
    except ValueError:
        raise _Impossible("dates.no_such_day", **params) from None
    if year is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise _Impossible("dates.no_such_day_this_year", year=year, **params) from None


def today_of(now: datetime.date | datetime.datetime) -> datetime.date:
    # `datetime` is a subclass of `date`, so the check must be in this order.
    return now.date() if isinstance(now, datetime.datetime) else now


def _normalize(text: str) -> str:
    """Lower case, no accents, one space between words, no decorative punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    stripped = re.sub("[\u2018\u2019\u02bc`\u00b4]", "'", stripped)
    # Commas only separate ("Monday, November 23, 2026"); a dot after letters ends
    # an abbreviation ("nov."); trailing dots end a sentence.
    stripped = stripped.replace(",", " ")
    stripped = re.sub(r"(?<=[a-z])\.", " ", stripped)
    stripped = " ".join(stripped.split())
    return stripped.rstrip(". ")


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Unreadable
    return year


def _full_year(token: str, today: datetime.date) -> int:
    if len(token) == 4:
        return _check_year(int(token))
    # Two digits: the year with those last digits in the window
    # (today.year - 100 + TWO_DIGIT_YEAR_AHEAD, today.year + TWO_DIGIT_YEAR_AHEAD].
    year = today.year // 100 * 100 + int(token)
    if year > today.year + TWO_DIGIT_YEAR_AHEAD:
        year -= 100
    elif year <= today.year + TWO_DIGIT_YEAR_AHEAD - 100:
        year += 100
    return _check_year(year)


def _most_recent(month: int, day: int, today: datetime.date) -> datetime.date:
    """The latest `day`/`month` not after today (29 Feb may be up to 8 years back)."""
    _check_day(month, day)  # 31/02, 13/13, 00/05
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue  # 29 Feb in a common year
        if candidate <= today:
            return candidate
    raise _Unreadable  # not reachable: nine years always hold a 29 Feb


def _absolute(text: str, today: datetime.date, us_order: bool) -> datetime.date | None:
    """Calendar dates, with or without a year, or None if the text is not one."""
    for pattern in _ABSOLUTE:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        day = int(groups["d"])
        month = _MONTHS[groups["mon"]] if groups.get("mon") else int(groups["m"])
        if us_order and pattern is _NUMERIC_DMY:
            day, month = month, day
        if groups["y"] is None:
            result = _most_recent(month, day, today)
        else:
            year = _full_year(groups["y"], today)
            _check_day(month, day, year)
            result = datetime.date(year, month, day)
        if groups["wd"] is not None and WEEKDAYS[groups["wd"]] != result.weekday():
            # "lundi 24 novembre 2026" is a Tuesday: one of the two is a typo and
            # choosing either would be a guess.
            raise _Unreadable
        return result
    return None


def _split_time(text: str) -> tuple[str, datetime.time | None]:
    match = _TIME.fullmatch(text)
    if match is None:
        return text, None
    hour = int(match["h"])
    minute = int(match["hm"] or match["cm"] or 0)
    if hour > 23 or minute > 59:
        raise _Unreadable
    return match["rest"] or "", datetime.time(hour, minute)


def is_future(
    day: datetime.date, time: datetime.time | None, now: datetime.date | datetime.datetime
) -> bool:
    today = today_of(now)
    if day != today:
        return day > today
    # Same day: only a typed time can be ahead, and only if `now` has a time.
    return time is not None and isinstance(now, datetime.datetime) and time > now.time()


def echo(text: str) -> str:
    """The typed text, safe to show: one line, no control characters, bounded."""
    shown = " ".join(text.split())
    # Escape sequences typed or pasted into the field must not reach the terminal.
    shown = "".join(c if c.isprintable() else "?" for c in shown)
    if len(shown) > _MAX_ECHO_LENGTH:
        shown = shown[: _MAX_ECHO_LENGTH - 1] + "…"
    return shown


def parse_date(
    text: str, now: datetime.date | datetime.datetime, lang: str | None = None
) -> ParsedDate:
    """Read a French or English date expression relative to `now`.

    `lang` is the language of the screen or command: in English, numbers follow the
    order of the system's English region, as the dates shown do.

    Raises `DateNotUnderstood` (and nothing else) when the text is not a date.
    """
    today = today_of(now)
    try:
        if not text.strip():
            return ParsedDate(day=today)
        if len(text) > _MAX_INPUT_LENGTH:
            raise _Unreadable
        normalized = _normalize(text)
        if not normalized:
            raise _Unreadable  # only punctuation, e.g. "..."
        rest, time = _split_time(normalized)
        if rest:
            said = relative(rest, today)
            if said is not None:
                day, time = said[0], time or said[1]  # an hour typed wins over "soir"
            elif (day := _absolute(rest, today, month_first(lang))) is None:
                raise _Unreadable
            _check_year(day.year)
        else:
            day = today  # a time alone: today at that time
    except _Impossible as impossible:
        raise DateNotUnderstood(impossible.key, expr=echo(text), **impossible.params) from None
    except (_Unreadable, ValueError, OverflowError):
        # ValueError/OverflowError come from relativedelta or date() when a count
        # or year is absurd ("il y a 9999 ans"); the worker just sees "not a date".
        raise DateNotUnderstood(
            "dates.not_understood", expr=echo(text), examples=dict(_EXAMPLES)
        ) from None
    return ParsedDate(day=day, time=time, in_future=is_future(day, time, now))
