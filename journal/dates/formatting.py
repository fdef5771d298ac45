"""Writing dates back in French or English: days, months, how long ago, silences."""

from __future__ import annotations

import datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_time, get_date_format
from dateutil.relativedelta import relativedelta

from journal.dates.parsing import ParsedDate, echo, is_future, today_of
from journal.dates.region import date_locale
from journal.i18n import DEFAULT_LANGUAGE, LANGUAGES, register, translate

# A silence shorter than four weeks is ordinary rhythm, not something the timeline
# needs to point out; above it the gap is written between two entries.
GAP_MIN_DAYS = 28

register(
    {
        "dates.today": {"fr": "aujourd'hui", "en": "today"},
        "dates.yesterday": {"fr": "hier", "en": "yesterday"},
        "dates.tomorrow": {"fr": "demain", "en": "tomorrow"},
        "dates.ago": {"fr": "il y a {quantity}", "en": "{quantity} ago"},
        "dates.in": {"fr": "dans {quantity}", "en": "in {quantity}"},
        "dates.gap": {"fr": "{quantity} sans contact", "en": "{quantity} without contact"},
        "dates.understood": {"fr": "{text} → {day}", "en": "{text} → {day}"},
        "dates.at_time": {"fr": "{day} à {time}", "en": "{day} at {time}"},
        "dates.in_future": {"fr": "(dans le futur)", "en": "(in the future)"},
        "dates.and": {"fr": " et ", "en": " and "},
    }
)


# Quantities are worded here rather than with `babel.units.format_unit`, which puts
# no-break spaces in French ("3\xa0jours") and would make every comparison and test
# awkward; Babel still decides the plural category, so "1 mois"/"2 mois" and
# "1 semaine"/"2 semaines" follow CLDR (French "one" covers 0 and 1).
_UNITS: dict[str, dict[str, dict[str, str]]] = {
    "fr": {
        "day": {"one": "{n} jour", "other": "{n} jours"},
        "week": {"one": "{n} semaine", "other": "{n} semaines"},
        "month": {"one": "{n} mois", "other": "{n} mois"},
        "year": {"one": "{n} an", "other": "{n} ans"},
    },
    "en": {
        "day": {"one": "{n} day", "other": "{n} days"},
        "week": {"one": "{n} week", "other": "{n} weeks"},
        "month": {"one": "{n} month", "other": "{n} months"},
        "year": {"one": "{n} year", "other": "{n} years"},
    },
}


def _lang(lang: str) -> str:
    # Babel would happily format in any locale; the app speaks two.
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache  # a people list words a thousand silences with a few dozen quantities
def _quantity(count: int, unit: str, lang: str) -> str:
    forms = _UNITS[lang][unit]
    category = _locale(lang).plural_form(count)
    # French CLDR has "many" for round millions; the "other" wording fits it.
    return forms.get(category, forms["other"]).format(n=count)


def _span(earlier: datetime.date, later: datetime.date) -> list[tuple[int, str]]:
    """The distance in human units: days, weeks, months, then years and months.

    Days below two weeks, weeks below two calendar months (up to 8 weeks), months
    below two years (so "18 mois", not "1 an et 6 mois"), years beyond with the
    months left ("2 ans et 11 mois": "2 ans" would hide almost a year, "près de 3
    ans" would round). Rounding down means the wording never overstates a silence.
    """
    days = (later - earlier).days
    delta = relativedelta(later, earlier)
    months = delta.years * 12 + delta.months
    if days < 14:
        return [(days, "day")]
    if months < 2:
        return [(days // 7, "week")]
    if months < 24:
        return [(months, "month")]
    return [(delta.years, "year")] + ([(delta.months, "month")] if delta.months else [])


def _worded(parts: list[tuple[int, str]], lang: str) -> str:
    return translate("dates.and", lang).join(_quantity(n, unit, lang) for n, unit in parts)


def format_day(day: datetime.date, lang: str) -> str:
    """'lundi 23 novembre 2026', 'dimanche 1er novembre 2026' / 'Monday, 23 November 2026'
    (or 'Monday, November 23, 2026' where the system's English is American)."""
    if _lang(lang) == "fr" and day.day == 1:
        return format_date(day, "EEEE d'er' MMMM y", locale=_locale("fr"))  # French says "1er"
    where = date_locale(_lang(lang))
    return format_date(day, format=_full_pattern(where), locale=_locale(where))


@cache
def _full_pattern(where: str) -> str:
    """The "full" date pattern of a locale, looked up once: a timeline formats a thousand days."""
    return str(get_date_format("full", locale=_locale(where)))


def format_month(year: int, month: int, lang: str) -> str:
    """'novembre 2026' / 'November 2026', for timeline group headings."""
    # "LLLL" is the stand-alone month name: the form used without a day.
    return format_date(datetime.date(year, month, 1), "LLLL y", locale=date_locale(_lang(lang)))


def format_ago(day: datetime.date, now: datetime.date | datetime.datetime, lang: str) -> str:
    """How long ago `day` was: 'hier', 'il y a 3 semaines' / 'yesterday', '3 weeks ago'."""
    return _ago(day, today_of(now), _lang(lang))


@lru_cache(maxsize=4096)  # the same few hundred days, in a people list of a thousand
def _ago(day: datetime.date, today: datetime.date, lang: str) -> str:
    offset = (today - day).days
    if offset == 0:
        return translate("dates.today", lang)
    if offset == 1:
        return translate("dates.yesterday", lang)
    if offset == -1:
        return translate("dates.tomorrow", lang)
    if offset > 0:
        return translate("dates.ago", lang, quantity=_worded(_span(day, today), lang))
    return translate("dates.in", lang, quantity=_worded(_span(today, day), lang))


def format_gap(earlier: datetime.date, later: datetime.date, lang: str) -> str | None:
    """The silence between two contacts, as a length of time and nothing more.

    None below `GAP_MIN_DAYS`. The order of the two dates does not matter.
    """
    lang = _lang(lang)
    if later < earlier:
        earlier, later = later, earlier
    if (later - earlier).days < GAP_MIN_DAYS:
        return None
    return translate("dates.gap", lang, quantity=_worded(_span(earlier, later), lang))


def format_understood(
    parsed: ParsedDate, text: str, now: datetime.date | datetime.datetime, lang: str
) -> str:
    """Live feedback under a date field: 'hier → vendredi 27 novembre 2026'.

    The future note is judged against `now`, not `parsed.in_future`, so a date kept
    from an earlier parse (a draft reopened the next day) reads right today.
    """
    lang = _lang(lang)
    typed = echo(text) or translate("dates.today", lang)
    shown = format_day(parsed.day, lang)
    if parsed.time is not None:
        shown = translate(
            "dates.at_time",
            lang,
            day=shown,
            time=format_time(parsed.time, "short", locale=date_locale(lang)),
        )
    result = translate("dates.understood", lang, text=typed, day=shown)
    if is_future(parsed.day, parsed.time, now):
        result += " " + translate("dates.in_future", lang)
    return result
