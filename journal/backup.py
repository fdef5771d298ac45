"""Encrypted, verified backups of the vault to a USB key: the API the views call.

Who calls what:

| caller                  | calls                                                        |
|-------------------------|--------------------------------------------------------------|
| `dentelle backup`       | `find_drives`, then `back_up(journal, folder, keep=, progress=)` |
| `dentelle backups`      | `describe_set`; with `--verify`, `unlock_set` and `verify_set` |
| `dentelle restore`      | `describe_set`, `unlock_set`, `restore`                       |
| the app (`b`, palette)  | `back_up(..., record=False)` in a thread worker, then       |
|                         | `record_backup` on its thread; `last_backup` for the status bar |

Modules: `backup_set` (layout, formats, listing), `backup_io` (durable read-back
writes), `backup_write` (one generation), `backup_restore`, `backup_drives`,
`backup_strings` (messages); this façade re-exports what views need. Nothing here
prompts or prints: progress goes to a callback, failures are `BackupError`s whose
message keys exist in French and English and never carry a person's data.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal import crypto
from journal.backup_drives import Drive, find_drives
from journal.backup_io import (
    GenerationDamaged,
    Progress,
    no_progress,
    read_from_device,
    write_bytes_verified,
)
from journal.backup_listing import (
    GenerationInfo,
    SetInfo,
    describe_set,
    erasures_pending,
    parse_time,
)
from journal.backup_restore import RestoreReport, restore
from journal.backup_set import (
    MANIFEST_FILE,
    SET_DIR_NAME,
    Manifest,
    generation_name,
    iso_now,
    open_generation,
    read_keyring,
    read_manifest,
    set_path,
)
from journal.backup_strings import format_size
from journal.backup_write import LAST_BACKUP_META, BackupReport, back_up, record_backup
from journal.crypto import KeyWrap
from journal.errors import BackupError, DentelleError
from journal.layout import IDENTITY_FILE, RECOVERY_FILE

if TYPE_CHECKING:
    from journal.store import Journal

__all__ = [
    "SET_DIR_NAME",
    "BackupReport",
    "CheckResult",
    "Drive",
    "GenerationInfo",
    "Progress",
    "RestoreReport",
    "SetInfo",
    "back_up",
    "describe_set",
    "erasures_pending",
    "find_drives",
    "format_size",
    "last_backup",
    "record_backup",
    "restore",
    "set_path",
    "unlock_set",
    "verify_set",
]


@dataclass(frozen=True)
class CheckResult:
    number: int
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)


def unlock_set(
    destination: Path,
    keywrap: KeyWrap,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
) -> pyrage.x25519.Identity:
    """The master identity from the set's own key copies (a fresh machine has no vault).

    The slow step (scrypt, ~2 s): the app should run it as it runs its unlock.
    """
    path = set_path(destination)
    name = RECOVERY_FILE if recovery_code is not None else IDENTITY_FILE
    try:
        blob = read_from_device(path / name)
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


def verify_set(
    destination: Path,
    identity: pyrage.x25519.Identity,
    *,
    progress: Progress = no_progress,
    now: datetime | None = None,
) -> list[CheckResult]:
    """Read every generation back from the device and check it whole; record the results.

    The results go into the manifest (best effort: a write-protected key is still
    checked). The keyring is checked too: without it no generation opens.
    """
    info = describe_set(destination)
    try:
        keyring = read_keyring(info.path, identity)
    except (OSError, GenerationDamaged):
        raise BackupError("backup.keyring_damaged", path=str(info.path)) from None
    vault_id = info.vault_id or keyring.vault_id
    if keyring.vault_id != vault_id:
        raise BackupError("backup.keyring_damaged", path=str(info.path))
    results = []
    for generation in info.generations:
        try:
            conn, header = open_generation(
                generation.path, generation.number, identity, vault_id=vault_id, progress=progress
            )
        except (GenerationDamaged, OSError):
            results.append(CheckResult(generation.number, False))
            continue
        conn.close()
        results.append(CheckResult(generation.number, True, header.counts))
    manifest = read_manifest(info.path) or Manifest(vault_id=vault_id)
    stamp = iso_now(now or datetime.now().astimezone())
    for result in results:
        entry = manifest.generations.setdefault(result.number, {})
        entry.update(checked=stamp, ok=result.ok)
        with contextlib.suppress(OSError):
            entry["size"] = (info.path / generation_name(result.number)).stat().st_size
    with contextlib.suppress(OSError, GenerationDamaged):
        write_bytes_verified(info.path / MANIFEST_FILE, manifest.to_bytes())
    return results


def last_backup(journal: Journal) -> datetime | None:
    """When this vault was last backed up and verified (for the app's status bar)."""
    return parse_time(journal.meta(LAST_BACKUP_META))
