"""The passphrase strength rule: the CNIL's rule for a password used alone (~80 bits).

From CNIL deliberation 2022-100, any of:
- at least 12 characters mixing upper case, lower case, digits and special characters;
- at least 14 characters mixing three of those four kinds;
- a passphrase of at least 7 words.
A weak passphrase is refused with the reason, in the worker's language.
"""

from __future__ import annotations

import re

from journal.errors import WeakPassphrase
from journal.i18n import register

register(
    {
        "passphrase.weak": {
            "fr": (
                "Phrase de passe trop faible ({length}, {kinds}, {words}). Il faut"
                " au moins 12 caractères mêlant majuscules, "
                "minuscules, chiffres et caractères spéciaux, ou 14 caractères de 3 de "
                "ces types, ou une phrase d'au moins 7 mots."
            ),
            "en": (
                "Passphrase too weak ({length}, {kinds}, {words}). "
                "Use at least 12 characters mixing upper case, lower case, digits and "
                "special characters, or 14 characters of 3 of these kinds, or a sentence "
                "of at least 7 words."
            ),
        },
        "passphrase.mismatch": {
            "fr": "Les deux saisies ne sont pas identiques.",
            "en": "The two entries do not match.",
        },
    }
)

_WORD = re.compile(r"[^\s\-_.,;:!?/]+")


def character_kinds(passphrase: str) -> int:
    """How many of lower case, upper case, digits and other characters appear."""
    kinds = (
        any(ch.islower() for ch in passphrase),
        any(ch.isupper() for ch in passphrase),
        any(ch.isdigit() for ch in passphrase),
        any(not ch.isalnum() and not ch.isspace() for ch in passphrase),
    )
    return sum(kinds)


def is_strong(passphrase: str) -> bool:
    length = len(passphrase)
    kinds = character_kinds(passphrase)
    words = len(_WORD.findall(passphrase))
    return (length >= 12 and kinds == 4) or (length >= 14 and kinds >= 3) or words >= 7


def check_strength(passphrase: str) -> None:
    """Raise `WeakPassphrase` with the reason when the rule is not met."""
    if not is_strong(passphrase):
        raise WeakPassphrase(
            "passphrase.weak",
            length=len(passphrase),
            kinds=character_kinds(passphrase),
            words=len(_WORD.findall(passphrase)),
        )
