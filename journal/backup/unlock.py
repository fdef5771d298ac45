"""Unlocking a backup set with its own copies of the vault's keys.

A fresh machine has no vault: the set carries `identity.age` and `recovery.age`, and
the passphrase or the recovery code opens them as they open the vault's own.
"""

from __future__ import annotations

from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.io import read_from_device
from journal.backup.rekeyed import keys_for
from journal.backup.sets import generation_files, set_path
from journal.crypto import KeyWrap
from journal.errors import BackupError, DentelleError
from journal.layout import IDENTITY_FILE, RECOVERY_FILE


def unlock_set(
    destination: Path,
    keywrap: KeyWrap,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    generation: int | None = None,
) -> pyrage.x25519.Identity:
    """The master identity from the set's own key copies (a fresh machine has no vault).

    The slow step (scrypt, ~2 s): the app should run it as it runs its unlock. With
    `generation` (default: the latest), the copies that open it: those retired after a
    rekey for a generation written before it (`journal.backup.rekeyed`).
    """
    path = set_path(destination)
    name = RECOVERY_FILE if recovery_code is not None else IDENTITY_FILE
    if generation is None:
        generation = max(generation_files(path), default=None)
    try:
        blob = read_from_device(keys_for(path, generation)[name])
    except OSError:
        raise BackupError("backup.key_copy_missing", path=str(path), what=name) from None
    if recovery_code is not None:
        try:
            secret = keywrap.unwrap(crypto.normalize_recovery_code(recovery_code), blob)
        except DentelleError as error:
            if error.key == "crypto.wrong_secret":
                raise type(error)("vault.wrong_recovery_code") from None
            raise
        return crypto.identity_from_bytes(secret)
    return crypto.identity_from_bytes(keywrap.unwrap(passphrase or "", blob))
