"""Key rotation (`dentelle rekey`): a new master identity, new keys, swapped in atomically.

What changes: the master identity (so `identity.age` and `recovery.age`, with a new
recovery code), every person's key, the practice key and every sealed value, re-sealed
by `journal.store.resealing` into a new database file. Ids do not change (tombstones,
backup sets and associated data keep naming the same rows).

A crash at any moment leaves the old vault or the new one, never a mix. The steps:

1. **Prepare.** `dentelle.db.rekey`, `identity.age.rekey` and `recovery.age.rekey` are
   written beside the old files and synced; the old files are only read.
2. **Commit.** `rekey.commit` is written atomically (temporary name, fsync, rename,
   fsync of the folder). From this instant the new vault is the vault.
3. **Apply.** Each `*.rekey` file is renamed over its old name, the folder synced, and
   `rekey.commit` removed.

`resolve` runs before every unlock (`Vault.require`), under the vault's lock: with
`rekey.commit` present it finishes step 3 (a file already renamed has no `*.rekey`
left, so running it twice is harmless); without it, it deletes what step 1 left. If the
lock is held (the rekey itself, or an open app) it does nothing: the opening that
follows is refused as busy anyway.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal import crypto
from journal.errors import DentelleError, VaultBusy
from journal.fsutil import fsync_dir, fsync_file, write_atomic
from journal.layout import DATABASE_FILE, IDENTITY_FILE, LOCK_FILE, RECOVERY_FILE
from journal.passphrase import check_strength
from journal.store.connection import acquire_lock, release_lock
from journal.store.resealing import close_keeping_lock, open_copy, reseal_copy

if TYPE_CHECKING:
    from journal.vault import Vault

STAGED_SUFFIX = ".rekey"
COMMIT_FILE = "rekey.commit"
COMMIT_TEXT = b"dentelle-rekey/1\n"
FILES = (DATABASE_FILE, IDENTITY_FILE, RECOVERY_FILE)


@dataclass(frozen=True)
class Rekeyed:
    """What `rekey` hands back once: the new recovery code is stored nowhere in clear."""

    identity: pyrage.x25519.Identity
    recovery_code: str
    people: int
    values: int


def staged(path: Path, name: str) -> Path:
    return path / f"{name}{STAGED_SUFFIX}"


def _leftovers(path: Path) -> list[Path]:
    """Everything step 1 may leave: staged files, their temporary names, SQLite's files."""
    found = []
    for name in FILES:
        staged_name = f"{name}{STAGED_SUFFIX}"
        found += [path / staged_name, path / f".{staged_name}.tmp"]
    database = f"{DATABASE_FILE}{STAGED_SUFFIX}"
    found += [path / f"{database}{suffix}" for suffix in ("-wal", "-shm", "-journal")]
    found.append(path / f".{COMMIT_FILE}.tmp")
    return found


def pending(path: Path) -> bool:
    """Did a rekey stop before its end here (committed or not)?"""
    return (path / COMMIT_FILE).exists() or any(p.exists() for p in _leftovers(path))


def _apply(path: Path) -> None:
    """Step 3: rename the staged files in, then drop the commit mark. Idempotent."""
    for name in FILES:
        source = staged(path, name)
        if not source.exists():
            continue  # renamed already, before a crash
        if name == DATABASE_FILE:
            # The old database was checkpointed and closed before the commit; a `-wal`
            # beside it must never be replayed into the new file.
            for suffix in ("-wal", "-shm"):
                (path / f"{DATABASE_FILE}{suffix}").unlink(missing_ok=True)
        os.replace(source, path / name)
    fsync_dir(path)
    (path / COMMIT_FILE).unlink(missing_ok=True)
    fsync_dir(path)


def _discard(path: Path) -> None:
    for leftover in _leftovers(path):
        with contextlib.suppress(OSError):
            leftover.unlink()
    fsync_dir(path)


def resolve(path: Path) -> None:
    """Finish or undo a rekey that a crash interrupted (see the module docstring)."""
    if not pending(path):
        return
    try:
        lock = acquire_lock(path / LOCK_FILE)
    except VaultBusy:
        return
    try:
        if (path / COMMIT_FILE).exists():
            _apply(path)
        else:
            _discard(path)
    except OSError as error:
        raise DentelleError(
            "vault.not_writable", path=str(path), reason=error.strerror or str(error)
        ) from None
    finally:
        release_lock(lock)


def rekey(
    vault: Vault,
    identity: pyrage.x25519.Identity,
    new_passphrase: str,
    *,
    check: bool = True,
) -> Rekeyed:
    """Rotate every key of `vault` (opened with `identity`); see the module docstring.

    Raises `VaultBusy` when the vault is open elsewhere, the strength rule's error for a
    weak passphrase, `DentelleError("vault.not_writable")` when the folder cannot be
    written; before the commit the old vault is then left exactly as it was.
    """
    if check:
        check_strength(new_passphrase)
    path = vault.path
    journal = vault.open(identity)  # resolves an earlier interrupted rekey, holds the lock
    lock: int | None = None
    committed = False
    try:
        new_identity = crypto.generate_identity()
        code = crypto.new_recovery_code()
        secret = crypto.identity_to_bytes(new_identity)
        wrapped = vault.keywrap.wrap(new_passphrase, secret)
        wrapped_recovery = vault.keywrap.wrap(crypto.normalize_recovery_code(code), secret)
        database = staged(path, DATABASE_FILE)
        counts = reseal_copy(journal, database, new_identity)
        copy = open_copy(database, new_identity)
        try:
            # i11-vault: integrity tags are derived from the master identity; recompute
            # every one of them under the new identity before the commit.
            if hasattr(copy, "rebuild_integrity"):
                copy.rebuild_integrity()
        finally:
            copy.close()
        fsync_file(database)
        write_atomic(staged(path, IDENTITY_FILE), wrapped)
        write_atomic(staged(path, RECOVERY_FILE), wrapped_recovery)
        lock = close_keeping_lock(journal)
        write_atomic(path / COMMIT_FILE, COMMIT_TEXT)
        committed = True
        _apply(path)
    except OSError as error:
        if not committed:
            _discard(path)
        raise DentelleError(
            "vault.not_writable", path=str(path), reason=error.strerror or str(error)
        ) from None
    except BaseException:
        if not committed:
            _discard(path)
        raise
    finally:
        if lock is None:
            journal.close()
        release_lock(lock)
    return Rekeyed(new_identity, code, counts.people, counts.values)


def new_recovery_code(vault: Vault, identity: pyrage.x25519.Identity) -> str:
    """Replace `recovery.age` with a wrapping under a new code; the old code stops opening it.

    The master identity does not change: a copy of the old `recovery.age` (on a backup
    set not yet refreshed) still opens with the old code. Only `rekey` ends that.
    """
    code = crypto.new_recovery_code()
    blob = vault.keywrap.wrap(
        crypto.normalize_recovery_code(code), crypto.identity_to_bytes(identity)
    )
    try:
        write_atomic(vault.recovery_file, blob)
    except OSError as error:
        raise DentelleError(
            "vault.not_writable", path=str(vault.path), reason=error.strerror or str(error)
        ) from None
    return code
