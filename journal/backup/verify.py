"""Checking a backup set: every generation read back from the device and opened whole."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyrage

from journal.backup.io import GenerationDamaged, Progress, no_progress, write_bytes_verified
from journal.backup.listing import describe_set
from journal.backup.sets import (
    MANIFEST_FILE,
    Manifest,
    generation_name,
    iso_now,
    open_generation,
    read_keyring,
    read_manifest,
)
from journal.errors import BackupError


@dataclass(frozen=True)
class CheckResult:
    number: int
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)


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
    recipient = str(identity.to_public())
    for generation in info.generations:
        if generation.retired is not None or generation.recipient not in (None, recipient):
            continue  # from before a rekey: another identity opens it (`backup.rekeyed`)
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
