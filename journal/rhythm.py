"""Rhythms of contact, as people say them, and the gentle "soon" view.

Recurring, open-ended support is a normal state: "tous les premiers lundis du mois",
"toutes les deux semaines", "every month". A rhythm is stored as a `dateutil.rrule`
rule with no end (RFC 5545 text such as `FREQ=MONTHLY;BYDAY=+1MO`) beside the words the
worker typed. It feeds a view of who may come by soon and who has not been seen for
longer than usual, worded as a remark ("d'habitude tous les mois — dernier contact il y
a 7 semaines"), never as "late" or an alarm.

The grammar is a whitelist, like the date parser: an unreadable rhythm gets a clear
message with examples rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr

from journal.dates import format_ago
from journal.errors import DentelleError
from journal.i18n import register, translate
from journal.model import PersonSummary
from journal.text import fold

register(
    {
        "rhythm.not_understood": {
            "fr": (
                "Rythme non compris : « {said} ». Exemples : « tous les mois », « toutes les "
                "deux semaines », « le premier lundi du mois », « tous les mardis », « tous "
                "les 3 mois »."
            ),
            "en": (
                "Rhythm not understood: “{said}”. Examples: “every month”, “every two "
                "weeks”, “the first monday of the month”, “every tuesday”, “every 3 months”."
            ),
        },
        "rhythm.usually": {"fr": "d'habitude {rhythm}", "en": "usually {rhythm}"},
        "rhythm.last_visit": {"fr": "dernier contact {ago}", "en": "last contact {ago}"},
        "rhythm.never_seen": {"fr": "pas encore de note", "en": "no entry yet"},
        "rhythm.expected": {"fr": "attendu·e vers le {day}", "en": "expected around {day}"},
    }
)

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY_WORDS = {
    **dict.fromkeys(("lundi", "lundis", "monday", "mondays"), "MO"),
    **dict.fromkeys(("mardi", "mardis", "tuesday", "tuesdays"), "TU"),
    **dict.fromkeys(("mercredi", "mercredis", "wednesday", "wednesdays"), "WE"),
    **dict.fromkeys(("jeudi", "jeudis", "thursday", "thursdays"), "TH"),
    **dict.fromkeys(("vendredi", "vendredis", "friday", "fridays"), "FR"),
    **dict.fromkeys(("samedi", "samedis", "saturday", "saturdays"), "SA"),
    **dict.fromkeys(("dimanche", "dimanches", "sunday", "sundays"), "SU"),
}
_ORDINALS = {
    **dict.fromkeys(("premier", "premiers", "1er", "1ers", "first", "1st"), 1),
    **dict.fromkeys(("deuxieme", "deuxiemes", "second", "seconds", "2e", "2eme", "2nd"), 2),
    **dict.fromkeys(("troisieme", "troisiemes", "3e", "3eme", "third", "3rd"), 3),
    **dict.fromkeys(("quatrieme", "quatriemes", "4e", "4eme", "fourth", "4th"), 4),
    **dict.fromkeys(("dernier", "derniers", "last"), -1),
}
_NUMBERS = {
    "un": 1, "une": 1, "a": 1, "one": 1, "deux": 2, "two": 2, "other": 2, "trois": 3,
    "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "huit": 8,
    "eight": 8, "dix": 10, "ten": 10, "douze": 12, "twelve": 12, "quinze": 15,
}  # fmt: skip
_UNITS = {
    **dict.fromkeys(("jour", "jours", "day", "days"), "DAILY"),
    **dict.fromkeys(("semaine", "semaines", "week", "weeks"), "WEEKLY"),
    **dict.fromkeys(("mois", "month", "months"), "MONTHLY"),
    **dict.fromkeys(("an", "ans", "annee", "annees", "year", "years"), "YEARLY"),
}
_SIMPLE = {
    # fixed phrases → (FREQ, INTERVAL)
    **dict.fromkeys(
        ("chaque semaine", "toutes les semaines", "une fois par semaine", "hebdomadaire",
         "every week", "weekly", "once a week"), ("WEEKLY", 1)),
    **dict.fromkeys(
        ("chaque mois", "tous les mois", "une fois par mois", "mensuel", "mensuelle",
         "every month", "monthly", "once a month"), ("MONTHLY", 1)),
    **dict.fromkeys(
        ("deux fois par mois", "tous les quinze jours", "tous les 15 jours", "chaque quinzaine",
         "every fortnight", "fortnightly", "biweekly", "twice a month"), ("WEEKLY", 2)),
    **dict.fromkeys(
        ("chaque trimestre", "tous les trimestres", "every quarter", "quarterly"), ("MONTHLY", 3)),
    **dict.fromkeys(
        ("chaque annee", "tous les ans", "une fois par an", "every year", "yearly", "annually",
         "once a year"), ("YEARLY", 1)),
    **dict.fromkeys(("chaque jour", "tous les jours", "every day", "daily"), ("DAILY", 1)),
}  # fmt: skip

_FILLER = r"(?:(?:tous|toutes|chaque|le|la|les|every|each|the|on|a|une|un)\s+)*"
_MONTH_LINK = (
    r"(?:du|de\s+chaque|de\s+tous\s+les|of\s+the|of\s+each|of\s+every|in\s+the|each|every)?"
)
_MONTHLY_WEEKDAY = re.compile(
    _FILLER + r"(?P<ord>\S+)\s+(?P<wd>\S+)\s+" + _MONTH_LINK + r"\s*(?:mois|month)"
)
_EVERY_WEEKDAY = re.compile(r"(?:tous\s+les|chaque|le|les|every|each|on)\s+(?P<wd>\S+)")
_EVERY_N = re.compile(
    r"(?:tous\s+les|toutes\s+les|chaque|every|une\s+fois\s+tous\s+les|once\s+every)\s+(?P<n>\S+)\s+(?P<unit>\S+)"
)

_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 30.44, "YEARLY": 365.25}


class RhythmNotUnderstood(DentelleError):
    """A rhythm the grammar does not read."""


@dataclass(frozen=True)
class Rhythm:
    """An open-ended recurrence: RFC 5545 rule text (no DTSTART, no end) and the words said."""

    rule: str
    said: str

    @property
    def _parts(self) -> dict[str, str]:
        return dict(part.split("=", 1) for part in self.rule.split(";"))

    @property
    def period_days(self) -> float:
        """The usual time between two contacts, in days."""
        parts = self._parts
        return _PERIOD_DAYS[parts["FREQ"]] * int(parts.get("INTERVAL", "1"))

    def next_after(self, day: date) -> date:
        """The first day after `day` that the rhythm brings (anchored on `day`)."""
        start = datetime.combine(day, datetime.min.time())
        rule = rrulestr(self.rule, dtstart=start)
        following = rule.after(start, inc=False)
        return following.date() if following else day + timedelta(days=round(self.period_days))

    def describe(self, lang: str) -> str:
        """The rhythm in words of the worker's language, from the rule itself."""
        parts = self._parts
        freq, interval = parts["FREQ"], int(parts.get("INTERVAL", "1"))
        byday = parts.get("BYDAY")
        if byday and freq == "MONTHLY":
            ordinal, weekday = int(byday[:-2]), byday[-2:]
            return _describe_monthly_weekday(ordinal, weekday, lang)
        if byday and freq == "WEEKLY":
            return _describe_weekly_weekday(byday, interval, lang)
        return _describe_interval(freq, interval, lang)

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "said": self.said}

    @classmethod
    def from_json(cls, data: dict) -> Rhythm:
        return cls(rule=data["rule"], said=data.get("said", ""))


_DAY_NAMES_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NAMES = {
    "fr": dict(zip(WEEKDAYS, _DAY_NAMES_FR, strict=True)),
    "en": dict(zip(WEEKDAYS, _DAY_NAMES_EN, strict=True)),
}
_ORDINAL_NAMES = {
    "fr": {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", -1: "dernier"},
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"},
}
_INTERVAL_WORDS = {
    "fr": {
        ("DAILY", 1): "tous les jours", ("WEEKLY", 1): "toutes les semaines",
        ("WEEKLY", 2): "toutes les deux semaines", ("MONTHLY", 1): "tous les mois",
        ("MONTHLY", 3): "tous les trois mois", ("YEARLY", 1): "tous les ans",
    },
    "en": {
        ("DAILY", 1): "every day", ("WEEKLY", 1): "every week",
        ("WEEKLY", 2): "every two weeks", ("MONTHLY", 1): "every month",
        ("MONTHLY", 3): "every three months", ("YEARLY", 1): "every year",
    },
}  # fmt: skip
_UNIT_NAMES = {
    "fr": {"DAILY": "jours", "WEEKLY": "semaines", "MONTHLY": "mois", "YEARLY": "ans"},
    "en": {"DAILY": "days", "WEEKLY": "weeks", "MONTHLY": "months", "YEARLY": "years"},
}


def _lang(lang: str) -> str:
    return lang if lang in ("fr", "en") else "fr"


def _describe_monthly_weekday(ordinal: int, weekday: str, lang: str) -> str:
    lang = _lang(lang)
    day = _WEEKDAY_NAMES[lang][weekday]
    nth = _ORDINAL_NAMES[lang].get(ordinal, str(ordinal))
    if lang == "fr":
        return f"le {nth} {day} du mois"
    return f"the {nth} {day} of the month"


def _describe_weekly_weekday(weekday: str, interval: int, lang: str) -> str:
    lang = _lang(lang)
    day = _WEEKDAY_NAMES[lang][weekday]
    if lang == "fr":
        return f"tous les {day}s" if interval == 1 else f"un {day} sur {interval}"
    return f"every {day}" if interval == 1 else f"every {interval} weeks on {day}"


def _describe_interval(freq: str, interval: int, lang: str) -> str:
    lang = _lang(lang)
    words = _INTERVAL_WORDS[lang].get((freq, interval))
    if words:
        return words
    unit = _UNIT_NAMES[lang][freq]
    return f"tous les {interval} {unit}" if lang == "fr" else f"every {interval} {unit}"


def _number(word: str) -> int | None:
    if word.isdigit():
        value = int(word)
        return value if 1 <= value <= 366 else None
    return _NUMBERS.get(word)


def parse_rhythm(text: str) -> Rhythm:
    """Read a rhythm as people say it; raises `RhythmNotUnderstood` with examples."""
    said = text.strip()
    folded = re.sub(r"[’'`]", " ", fold(said))
    folded = re.sub(r"[.,;!]+", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    if not folded or len(folded) > 80:
        raise RhythmNotUnderstood("rhythm.not_understood", said=said[:60])
    if folded in _SIMPLE:
        freq, interval = _SIMPLE[folded]
        return Rhythm(rule=_rule(freq, interval), said=said)
    if match := _MONTHLY_WEEKDAY.fullmatch(folded):
        ordinal = _ORDINALS.get(match["ord"])
        weekday = _WEEKDAY_WORDS.get(match["wd"])
        if ordinal is not None and weekday is not None:
            return Rhythm(rule=f"FREQ=MONTHLY;BYDAY={ordinal:+d}{weekday}", said=said)
    if match := _EVERY_N.fullmatch(folded):
        count = _number(match["n"])
        unit = _UNITS.get(match["unit"])
        if count is not None and unit is not None:
            if unit == "DAILY" and count in (7, 14, 15):
                # "tous les 15 jours" is how French says every two weeks.
                return Rhythm(rule=_rule("WEEKLY", 1 if count == 7 else 2), said=said)
            return Rhythm(rule=_rule(unit, count), said=said)
        # "toutes les deux semaines le mardi" is not read; "un mardi sur deux" below is.
    if match := _EVERY_WEEKDAY.fullmatch(folded):
        weekday = _WEEKDAY_WORDS.get(match["wd"])
        if weekday is not None:
            return Rhythm(rule=f"FREQ=WEEKLY;BYDAY={weekday}", said=said)
    if match := re.fullmatch(r"(?:un|une) (?P<wd>\S+) sur (?P<n>\S+)", folded):
        weekday, count = _WEEKDAY_WORDS.get(match["wd"]), _number(match["n"])
        if weekday and count:
            return Rhythm(rule=f"FREQ=WEEKLY;INTERVAL={count};BYDAY={weekday}", said=said)
    if match := re.fullmatch(r"every (?P<n>other|\S+) (?P<wd>\S+)", folded):
        weekday, count = _WEEKDAY_WORDS.get(match["wd"]), _number(match["n"])
        if weekday and count:
            return Rhythm(rule=f"FREQ=WEEKLY;INTERVAL={count};BYDAY={weekday}", said=said)
    raise RhythmNotUnderstood("rhythm.not_understood", said=said[:60])


def _rule(freq: str, interval: int) -> str:
    return f"FREQ={freq}" if interval == 1 else f"FREQ={freq};INTERVAL={interval}"


# -- the "soon" view ----------------------------------------------------------------

LONGER_THAN_USUAL = 1.5  # a silence past 1.5 rhythm periods is worth a gentle remark


@dataclass(frozen=True)
class SoonItem:
    """One line of the "soon" view: who, and a remark in words, never a verdict."""

    summary: PersonSummary
    rhythm: Rhythm
    next_expected: date | None
    kind: str  # "expected" (the rhythm brings them this week) or "longer" (longer than usual)

    def remark(self, today: date, lang: str) -> str:
        usually = translate("rhythm.usually", lang, rhythm=self.rhythm.describe(lang))
        last = self.summary.last_contact
        if last is None:
            seen = translate("rhythm.never_seen", lang)
        else:
            seen = translate("rhythm.last_visit", lang, ago=format_ago(last, today, lang))
        return f"{usually} — {seen}"


def soon(
    summaries: list[PersonSummary],
    rhythms: dict[str, Rhythm],
    today: date,
    horizon_days: int = 7,
) -> list[SoonItem]:
    """People the rhythm brings within `horizon_days`, then people unseen longer than usual."""
    expected, longer = [], []
    for summary in summaries:
        rhythm = rhythms.get(summary.person.id)
        if rhythm is None:
            continue
        last = summary.last_contact
        if last is None:
            longer.append(SoonItem(summary, rhythm, None, "longer"))
            continue
        upcoming = rhythm.next_after(last)
        # Advance past days already gone without a contact, to the next occasion.
        while upcoming < today:
            upcoming = rhythm.next_after(upcoming)
        silence = (today - last).days
        if silence > LONGER_THAN_USUAL * rhythm.period_days:
            longer.append(SoonItem(summary, rhythm, upcoming, "longer"))
        elif (upcoming - today).days <= horizon_days:
            expected.append(SoonItem(summary, rhythm, upcoming, "expected"))
    expected.sort(key=lambda item: item.next_expected or today)
    longer.sort(key=lambda item: item.summary.last_contact or date.min)
    return expected + longer
