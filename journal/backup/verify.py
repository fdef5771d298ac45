"""Checking a backup set: every generation read back from the device and opened whole."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.io import (
    GenerationDamaged,
    Progress,
    no_progress,
    private_spool,
    write_bytes_verified,
)
from journal.backup.keyring import Keyring
from journal.backup.listing import SetInfo, describe_set
from journal.backup.sets import (
    MANIFEST_FILE,
    Manifest,
    OtherSet,
    generation_name,
    iso_now,
    read_manifest,
)
from journal.backup.trust import check_coverage, load_keyring, open_in_set
from journal.errors import BackupError


@dataclass(frozen=True)
class CheckResult:
    """One generation checked: `other_set` when it is a genuine generation of this vault
    copied from another backup key; `authenticated` False for one written before tags."""

    number: int
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    other_set: bool = False
    authenticated: bool = False


def verify_set(
    destination: Path,
    identity: pyrage.x25519.Identity,
    *,
    progress: Progress = no_progress,
    now: datetime | None = None,
    spool_dir: Path | None = None,
) -> list[CheckResult]:
    """Read every generation back from the device and check it whole; record the results.

    The results go into the manifest (best effort: a write-protected key is still
    checked). The keyring is checked first: without it no generation opens, and one
    that is altered or older than a generation raises `BackupError`. With `spool_dir`
    (a private folder: the vault's), each generation is decrypted into a file there, in
    bounded memory, rather than into memory whole.
    """
    info = describe_set(destination)
    try:
        keyring = load_keyring(info, identity)
    except OSError:
        raise BackupError("backup.keyring_damaged", path=str(info.path)) from None
    check_coverage(info, keyring, identity)
    results = []
    with contextlib.ExitStack() as stack:
        spool = None
        if spool_dir is not None:
            spool = stack.enter_context(private_spool(spool_dir, ".verify-"))
        results = _check_each(info, keyring, identity, progress, spool)
    key = crypto.integrity_key(identity) if keyring.authenticated else None
    manifest = read_manifest(info.path, key)
    if manifest is None or (keyring.authenticated and manifest.set_id != keyring.set_id):
        # Missing, or edited (its tag does not check): rebuilt from the keyring.
        manifest = Manifest(vault_id=keyring.vault_id, last_number=keyring.last_number)
        manifest.erasures = len(keyring.tombstones)
    manifest.set_id = keyring.set_id
    stamp = iso_now(now or datetime.now().astimezone())
    for result in results:
        entry = manifest.generations.setdefault(result.number, {})
        entry.update(checked=stamp, ok=result.ok)
        with contextlib.suppress(OSError):
            entry["size"] = (info.path / generation_name(result.number)).stat().st_size
    with contextlib.suppress(OSError, GenerationDamaged):
        write_bytes_verified(info.path / MANIFEST_FILE, manifest.to_bytes(key))
    return results


def _check_each(
    info: SetInfo,
    keyring: Keyring,
    identity: pyrage.x25519.Identity,
    progress: Progress,
    spool: Path | None,
) -> list[CheckResult]:
    results = []
    for generation in info.generations:
        if generation.number in keyring.rekeyed:
            continue  # from before a rekey: the old identity opens it (`backup.rekeyed`)
        try:
            conn, header = open_in_set(
                generation, identity, keyring, progress=progress, spool=spool
            )
        except OtherSet:
            results.append(CheckResult(generation.number, False, other_set=True))
            continue
        except (GenerationDamaged, OSError):
            results.append(CheckResult(generation.number, False))
            continue
        conn.close()
        authenticated = header.authenticated and keyring.authenticated
        results.append(CheckResult(generation.number, True, header.counts, False, authenticated))
    return results
