"""Every user-visible string of the core, in French and English, side by side.

Each module registers its own messages with `register`; errors and views word them
with `translate`. Keeping both languages in one entry makes a missing translation
visible in review and lets a test check that every key has both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

MESSAGES: dict[str, dict[str, str]] = {}


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add a module's messages to the catalogue (each needs both languages)."""
    for key, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} lacks {missing}")
        MESSAGES[key] = dict(texts)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def normalize_language(value: str | None) -> str | None:
    """'fr_FR.UTF-8' → 'fr'; None for anything that is neither French nor English."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language from `LC_ALL`, `LC_MESSAGES` or `LANG`, French by default."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            # "C" and "POSIX" mean no language was chosen: English, as the system speaks.
            if value.split(".")[0] in ("C", "POSIX"):
                return "en"
            return normalize_language(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def plural(key: str, n: int, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """`key` with `n` filled in, in the plural category Babel gives `n` in `lang`.

    The catalogue holds `key` (the plural, CLDR's "other") and `key.one`; a language
    with more categories may add `key.few`, `key.many`… and falls back on `key`.
    French "one" covers 0 and 1 ("0 note", "1 note"), English only 1.
    """
    category = _plural_category(n, lang)
    chosen = f"{key}.{category}"
    return translate(chosen if chosen in MESSAGES else key, lang, n=n, **params)


def count(unit: str, n: int, lang: str = DEFAULT_LANGUAGE, /) -> str:
    """'1 caractère', '3 ans', '1 minute': a number and its noun, for composed sentences."""
    return plural(f"count.{unit}", n, lang)


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale  # imported on the first count: ~15 ms a command may not need

    return Locale.parse(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def _plural_category(n: int, lang: str) -> str:
    return _locale(lang).plural_form(n)


register(
    {
        "count.characters": {"fr": "{n} caractères", "en": "{n} characters"},
        "count.characters.one": {"fr": "{n} caractère", "en": "{n} character"},
        "count.kinds": {"fr": "{n} types", "en": "{n} kinds"},
        "count.kinds.one": {"fr": "{n} type", "en": "{n} kind"},
        "count.words": {"fr": "{n} mots", "en": "{n} words"},
        "count.words.one": {"fr": "{n} mot", "en": "{n} word"},
        "count.years": {"fr": "{n} ans", "en": "{n} years"},
        "count.years.one": {"fr": "{n} an", "en": "{n} year"},
        "count.months": {"fr": "{n} mois", "en": "{n} months"},
        "count.months.one": {"fr": "{n} mois", "en": "{n} month"},
        "count.minutes": {"fr": "{n} minutes", "en": "{n} minutes"},
        "count.minutes.one": {"fr": "{n} minute", "en": "{n} minute"},
        "count.entries": {"fr": "{n} notes", "en": "{n} entries"},
        "count.entries.one": {"fr": "{n} note", "en": "{n} entry"},
        "count.days": {"fr": "{n} jours", "en": "{n} days"},
        "count.days.one": {"fr": "{n} jour", "en": "{n} day"},
        "count.seconds": {"fr": "{n} secondes", "en": "{n} seconds"},
        "count.seconds.one": {"fr": "{n} seconde", "en": "{n} second"},
        "count.hours": {"fr": "{n} heures", "en": "{n} hours"},
        "count.hours.one": {"fr": "{n} heure", "en": "{n} hour"},
    }
)
