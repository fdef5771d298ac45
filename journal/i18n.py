"""Every user-visible string of the core, in French and English, side by side.

Each module registers its own messages with `register`; errors and views word them
with `translate`. Keeping both languages in one entry makes a missing translation
visible in review and lets a test check that every key has both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

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
    """`key` with `n` filled in, or `key + ".one"` for the singular when the catalogue has it.

    French counts 0 and 1 as singular ("0 note", "1 note"), English only 1.
    """
    singular = n <= 1 if lang == "fr" else n == 1
    chosen = key + ".one" if singular and key + ".one" in MESSAGES else key
    return translate(chosen, lang, n=n, **params)
