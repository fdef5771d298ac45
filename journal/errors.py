"""Errors the core raises and the views display: a message key, never a traceback.

Each error carries a key into `journal.i18n.MESSAGES` and the values to fill in, so
the same error reads in French in the terminal of a French worker and in English
elsewhere. Parameters must never hold a person's data (names, text, dates): error
messages end up on screens and sometimes in bug reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.i18n import DEFAULT_LANGUAGE, translate

if TYPE_CHECKING:
    from journal.model import PersonSummary


class DentelleError(Exception):
    """An expected failure, with a message the worker can act on."""

    exit_code = 1

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class VaultMissing(DentelleError):
    """No vault at the expected place."""


class VaultLocked(DentelleError):
    """Wrong passphrase or recovery code."""


class VaultBusy(DentelleError):
    """Another Dentelle process holds the vault."""


class VaultDamaged(DentelleError):
    """The database or a key file cannot be read."""


class DateNotUnderstood(DentelleError):
    """A date expression that the parser cannot read."""


class NotFound(DentelleError):
    """A person, entry or draft that does not exist."""


class Ambiguous(DentelleError):
    """A name that matches several people; `candidates` are their summaries (for the
    views to show what tells them apart, never put in the message itself)."""

    def __init__(self, key: str, /, candidates: list[PersonSummary], **params: object) -> None:
        super().__init__(key, **params)
        self.candidates = candidates


class WeakPassphrase(DentelleError):
    """A passphrase below the strength rule (`journal.passphrase`, which words the reason
    and the estimate in each language)."""


class BackupError(DentelleError):
    """A backup or restore that could not be done."""
