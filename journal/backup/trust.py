"""What restore and verify trust in a set, with the master identity at hand.

The keyring decides: it must decrypt and its tag must check (`keyring_altered`), and it
must be at least as new as every genuine generation on the key. A keyring older than a
generation — an earlier copy put back — would silently drop the people added since and
could bring back people forgotten since: the restore is refused (`keyring_older`).
Generations are opened against the keyring's set id: one copied from another key of the
same vault is reported (`OtherSet`), one without a tag is accepted only when the
keyring lists it as written before authentication (or the whole set is of format 1).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.io import GenerationDamaged, Progress, no_progress
from journal.backup.keyring import Keyring, KeyringAltered, read_keyring
from journal.backup.listing import GenerationInfo, SetInfo
from journal.backup.sets import Deferred, GenerationHeader, open_generation, read_manifest
from journal.errors import BackupError


def load_keyring(
    info: SetInfo, identity: pyrage.x25519.Identity, file: Path | None = None
) -> Keyring:
    """The set's keyring, trusted; `BackupError` when absent, damaged or altered.

    `file`: a retired keyring (`journal.backup.rekeyed.keys_for`), for a generation
    written before a rekey, with the old identity. May raise `OSError` (a pulled key)
    for the caller to word.
    """
    try:
        keyring = read_keyring(info.path, identity, file)
    except KeyringAltered:
        raise BackupError("backup.keyring_altered", path=str(info.path)) from None
    except (FileNotFoundError, GenerationDamaged):
        raise BackupError("backup.keyring_damaged", path=str(info.path)) from None
    if info.vault_id is not None and keyring.vault_id != info.vault_id:
        raise BackupError("backup.keyring_damaged", path=str(info.path))
    return keyring


def open_in_set(
    generation: GenerationInfo,
    identity: pyrage.x25519.Identity,
    keyring: Keyring,
    *,
    progress: Progress = no_progress,
    phases: tuple[str, str] = ("backup.phase.verify", "backup.phase.check"),
    spool: Path | None = None,
    deferred: Deferred | None = None,
) -> tuple[sqlite3.Connection, GenerationHeader]:
    """Open a generation as a member of the keyring's set; raise `GenerationDamaged`
    (`OtherSet` for a genuine generation of another key). With `spool`, decrypted into
    that private file rather than into memory (`load_generation`)."""
    return open_generation(
        generation.path,
        generation.number,
        identity,
        vault_id=keyring.vault_id,
        set_id=keyring.set_id if keyring.authenticated else None,
        untagged=keyring.accepts_untagged(generation.number),
        progress=progress,
        phases=phases,
        spool=spool,
        deferred=deferred,
    )


def check_coverage(info: SetInfo, keyring: Keyring, identity: pyrage.x25519.Identity) -> None:
    """Refuse a keyring older than a genuine generation of its set (`keyring_older`).

    Only generations numbered past the keyring's last one are opened (none, normally);
    with a format-1 keyring, the newest generation is, since a genuine tagged one means
    the set was upgraded and this keyring put back. A file that is not genuine there is
    left for the generation's own check to report.
    """
    if keyring.authenticated:
        manifest = read_manifest(info.path, crypto.integrity_key(identity))
        # The manifest is written after the keyring: a signed one that is ahead of it
        # (the newer generation removed as well) shows the keyring was put back.
        if manifest is not None and not (
            manifest.authenticated and manifest.set_id == keyring.set_id
        ):
            manifest = None
        if manifest is not None and manifest.last_number > keyring.last_number:
            raise BackupError(
                "backup.keyring_older",
                path=str(info.path),
                number=manifest.last_number,
                covered=keyring.last_number,
            )
    beyond = [g for g in info.generations if g.number > keyring.last_number]
    if not keyring.authenticated and info.generations:
        beyond = beyond or info.generations[-1:]
    for generation in reversed(beyond):
        try:
            conn, header = open_generation(
                generation.path, generation.number, identity, vault_id=keyring.vault_id
            )
        except (GenerationDamaged, OSError):
            continue
        conn.close()
        if header.authenticated and (not keyring.authenticated or header.set_id == keyring.set_id):
            raise BackupError(
                "backup.keyring_older",
                path=str(info.path),
                number=generation.number,
                covered=keyring.last_number,
            )
