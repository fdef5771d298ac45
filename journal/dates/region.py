"""Which English the dates speak: the order of day and month.

French is always day-first. English is British, day-first ("Sunday 1 November 2026";
"12/03" is 12 March), unless `LC_ALL`, `LC_TIME` or `LANG` names an English region
whose own short date puts the month first (en_US: "Sunday, November 1, 2026"; "12/03"
is March 12). Babel knows each region's order; the shown and the typed dates follow
the same one, so a date always reads back as it was written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

from journal.i18n import normalize_language

ENGLISH = "en_GB"
"""The English of the dates when the system names no English region."""


def _setting(environ: Mapping[str, str] | None) -> str:
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        if value := env.get(name):
            return value
    return ""


@cache
def _english(setting: str) -> str:
    code = setting.split(".")[0].split("@")[0].replace("-", "_")
    if normalize_language(code) != "en" or "_" not in code:
        return ENGLISH
    from babel import Locale, UnknownLocaleError  # imported on first use: ~15 ms

    try:
        return str(Locale.parse(code))
    except (ValueError, UnknownLocaleError):
        return ENGLISH


def date_locale(lang: str, environ: Mapping[str, str] | None = None) -> str:
    """The Babel locale dates are written in: 'fr', 'en_GB', or the system's English."""
    return _english(_setting(environ)) if lang == "en" else lang


@cache
def _month_first(locale: str) -> bool:
    from babel import Locale

    pattern = Locale.parse(locale).date_formats["short"].pattern  # "dd/MM/y", "M/d/yy"
    return pattern.index("M") < pattern.index("d")


def month_first(lang: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether "12/03" is read March 12 (only an English region that writes it so)."""
    return lang == "en" and _month_first(date_locale(lang, environ))
