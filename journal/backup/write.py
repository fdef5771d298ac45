"""Writing one backup generation: snapshot, keyring, encrypt, read back, rotate.

The order of the writes is what keeps both promises of the set: a failure at any point
leaves every earlier generation usable, and a forgotten person's key leaves the set at
the first backup after the erasure (see `_next_keyring`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal import crypto
from journal.backup import rekeyed
from journal.backup.io import (
    GenerationDamaged,
    Progress,
    free_space,
    no_progress,
    read_from_device,
    write_bytes_verified,
    write_verified,
)
from journal.backup.listing import parse_time
from journal.backup.sets import (
    KEYRING_FILE,
    MANIFEST_FILE,
    README_FILE,
    GenerationHeader,
    ImageReader,
    Keyring,
    Manifest,
    encrypted_size,
    generation_files,
    generation_name,
    iso_now,
    load_generation,
    read_keyring,
    read_manifest,
    remove_leftovers,
    set_path,
    table_counts,
    write_header,
)
from journal.backup.strings import SizedBackupError
from journal.errors import BackupError, DentelleError
from journal.fsutil import make_private_dir
from journal.layout import IDENTITY_FILE, RECOVERY_FILE
from journal.store import PERSON_KEYS_META

if TYPE_CHECKING:
    from journal.store import Journal

README_TEXT = """\
Sauvegarde chiffrée Dentelle / Dentelle encrypted backup
=========================================================

Ce dossier contient des sauvegardes chiffrées d'un coffre Dentelle. Sans la phrase de
passe (ou le code de secours) de ce coffre, elles sont illisibles. Pour restaurer sur un
nouvel ordinateur, installez Dentelle puis tapez :

    dentelle restore CHEMIN/DE/CE/DOSSIER

This folder holds encrypted backups of a Dentelle vault. Without that vault's
passphrase (or recovery code) they cannot be read. To restore on a new computer,
install Dentelle and type:

    dentelle restore PATH/TO/THIS/FOLDER
"""


LAST_BACKUP_META = "last_backup"


@dataclass(frozen=True)
class BackupReport:
    """What `back_up` did; counts are the worker's own figures, shown on their screen."""

    number: int
    path: Path
    created: datetime
    size: int
    people: int
    entries: int
    kept: list[int]
    removed: list[int]
    warnings: list[str] = field(default_factory=list)


def _os_error(error: OSError, path: Path, *, committed: int | None = None) -> BackupError:
    """One clear message per way a USB key fails; never a traceback."""
    reason = error.strerror or str(error)
    if committed is not None:
        return BackupError("backup.after_commit", number=committed, reason=reason)
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return BackupError("backup.full_during")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupError("backup.not_writable", path=str(path), reason=reason)
    return BackupError("backup.io", reason=reason)


def _claim(set_dir: Path, vault_id: str, identity: pyrage.x25519.Identity) -> Keyring | None:
    """Refuse a set that belongs to another vault; return its keyring if it has one."""
    manifest = read_manifest(set_dir)
    if manifest is not None and manifest.vault_id != vault_id:
        raise BackupError("backup.other_vault", path=str(set_dir))
    try:
        keyring = read_keyring(set_dir, identity)
    except FileNotFoundError:
        keyring = None
    except GenerationDamaged:
        if manifest is None:
            # Not ours to read: most likely another vault's set without its manifest.
            raise BackupError("backup.other_vault", path=str(set_dir)) from None
        keyring = None  # ours but damaged: a new one is built from the vault below
    if keyring is not None and keyring.vault_id != vault_id:
        raise BackupError("backup.other_vault", path=str(set_dir))
    if manifest is None and keyring is None and generation_files(set_dir):
        raise BackupError("backup.set_unknown", path=str(set_dir))
    return keyring


def _next_keyring(
    old: Keyring | None,
    vault_id: str,
    wrapped: dict[str, bytes],
    tombstones: dict[str, str],
    number: int,
    kept: list[int],
) -> Keyring:
    """Keys for the vault's people and for people of kept generations; none for the forgotten.

    A person absent from the vault but present in a kept generation (the vault was
    restored from an older one, say) keeps their key: only a tombstone removes it.
    """
    all_tombstones = {**(old.tombstones if old else {}), **tombstones}
    generations = {n: ids for n, ids in (old.generations if old else {}).items() if n in kept}
    generations[number] = sorted(wrapped)
    keys = dict(wrapped)
    if old is not None:
        unknown = any(n not in generations for n in kept)
        needed = {pid for ids in generations.values() for pid in ids}
        for pid, key in old.keys.items():
            if pid not in keys and (unknown or pid in needed):
                keys[pid] = key
    for pid in all_tombstones:
        keys.pop(pid, None)
    return Keyring(vault_id, keys, all_tombstones, generations)


def _prepare(conn: sqlite3.Connection, header: GenerationHeader) -> tuple[bytes, dict, dict, dict]:
    """The snapshot with person keys taken out, bound to its set, as bytes; never on disk.

    Returns the image, the wrapped keys and tombstones it held, and its row counts.
    """
    try:
        wrapped = {pid: bytes(k) for pid, k in conn.execute("SELECT id, wrapped_key FROM people")}
        tombstones = dict(conn.execute("SELECT person_id, forgotten_on FROM tombstones"))
        # secure_delete zeroes the bytes the shorter cells leave behind in each page.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("UPDATE people SET wrapped_key=NULL")
        # The vault's index of person keys holds the same keys: never in a generation.
        conn.execute("DELETE FROM meta WHERE key=?", [PERSON_KEYS_META])
        conn.commit()
        counts = table_counts(conn)
        write_header(conn, GenerationHeader(header.vault_id, header.number, header.created, counts))
        image = conn.serialize()
    finally:
        conn.close()
    return image, wrapped, tombstones, counts


def _free_space(path: Path) -> int | None:
    return free_space(path)


def check_destination(destination: Path, vault_path: Path) -> None:
    """Refuse, in words, a folder a backup cannot go to: the CLI's --to and the app's field.

    It must exist, be a folder, be writable, and not lie inside the vault itself (a
    backup beside what it protects is lost with it). Raises `BackupError`.
    """
    if not destination.exists():
        raise BackupError("backup.destination_missing", path=str(destination))
    if not destination.is_dir():
        raise BackupError("backup.not_a_folder", path=str(destination))
    where = destination.resolve()
    vault = Path(vault_path).resolve()
    if where == vault or vault in where.parents:
        raise BackupError("backup.inside_vault", path=str(destination))
    if not os.access(where, os.W_OK | os.X_OK):
        raise BackupError("backup.folder_not_writable", path=str(destination))


def back_up(
    journal: Journal,
    destination: Path,
    *,
    keep: int = 10,
    progress: Progress = no_progress,
    now: datetime | None = None,
    record: bool = True,
) -> BackupReport:
    """Write one new, verified generation of `journal` into `destination`'s backup set.

    `destination` is a drive or folder (the set goes in `dentelle-backup/` inside it)
    or the set folder itself. With `record=False` this never touches the journal's
    own connection (the snapshot is read on one of its own), so the app can run it in a
    thread worker while it keeps writing, then call `record_backup` on its own thread.
    Order matters for erasure and for failures: key copies, then the keyring (a
    superset of what every kept generation needs), then the generation, then rotation
    and the manifest. Raises `BackupError`.
    """
    destination = Path(destination)
    check_destination(destination, journal.path)
    set_dir = set_path(destination)
    keep = max(1, int(keep))
    now = now or journal.clock()
    created = iso_now(now)
    identity = journal.identity
    committed: int | None = None
    try:
        progress("backup.phase.snapshot", 0, 1)
        snapshot = journal.snapshot()
        row = snapshot.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()
        vault_id = row[0] if row else ""
        try:
            make_private_dir(set_dir)
            remove_leftovers(set_dir)
            old_keyring = _claim(set_dir, vault_id, identity)
            manifest = read_manifest(set_dir) or Manifest(vault_id=vault_id)
            existing = generation_files(set_dir)
        except BaseException:
            snapshot.close()
            raise
        number = max([manifest.last_number, *existing]) + 1
        kept = sorted([*existing, number])[-keep:]
        image, wrapped, tombstones, counts = _prepare(
            snapshot, GenerationHeader(vault_id, number, created)
        )
        progress("backup.phase.snapshot", 1, 1)
        rekeyed.before_writing(set_dir, old_keyring, manifest, tombstones, existing, identity)
        keyring = _next_keyring(old_keyring, vault_id, wrapped, tombstones, number, kept)
        keyring_blob = crypto.age_encrypt(keyring.to_bytes(created), [identity.to_public()])
        copies = _key_copies(journal.path, set_dir)

        needed = encrypted_size(len(image)) + len(keyring_blob) + 64 * 1024
        needed += sum(len(data) for data in copies.values())
        free = _free_space(set_dir)
        if free is not None and free < needed:
            raise SizedBackupError("backup.full", needed=needed, free=free)

        for name, data in copies.items():
            write_bytes_verified(set_dir / name, data)
        write_bytes_verified(set_dir / KEYRING_FILE, keyring_blob)
        size = _write_generation(set_dir, number, image, identity, vault_id, counts, progress)
        del image
        committed = number

        removed = [n for n in existing if n not in kept]
        for old in removed:
            os.unlink(existing[old])
        manifest.last_number = number
        manifest.erasures = len(keyring.tombstones)
        manifest.generations = {n: i for n, i in manifest.generations.items() if n in kept}
        manifest.generations[number] = {
            "created": created,
            "size": size,
            "checked": created,
            "ok": True,
            # Which master (public key): `backups` tells generations from before a rekey.
            "recipient": str(identity.to_public()),
        }
        write_bytes_verified(set_dir / MANIFEST_FILE, manifest.to_bytes())
        rekeyed.after_rotation(set_dir, kept)
    except OSError as error:
        raise _os_error(error, set_dir, committed=committed) from None
    except GenerationDamaged:
        if committed is not None:
            reason = "read back differs"
            raise BackupError("backup.after_commit", number=committed, reason=reason) from None
        raise BackupError("backup.verify_failed") from None
    except sqlite3.Error as error:
        raise BackupError("backup.io", reason=type(error).__name__) from None
    finally:
        if committed is not None and record:
            with contextlib.suppress(DentelleError):
                record_backup(journal, now)
    return BackupReport(
        number=number,
        path=set_dir,
        created=now,
        size=size,
        people=counts.get("people", 0),
        entries=counts.get("entries", 0),
        kept=kept,
        removed=removed,
    )


def record_backup(journal: Journal, when: datetime) -> None:
    """Note in the vault when it was last backed up and verified (the status bar reads it).

    Call on the thread that owns `journal`'s connection (the app's), after a
    `back_up(..., record=False)` run in a worker returned.
    """
    journal.set_meta(LAST_BACKUP_META, iso_now(when))


def last_backup(journal: Journal) -> datetime | None:
    """When this vault was last backed up and verified (for the app's status bar)."""
    return parse_time(journal.meta(LAST_BACKUP_META))


def _key_copies(vault_path: Path, set_dir: Path) -> dict[str, bytes]:
    """The key files a fresh machine needs, when the set lacks them or they changed."""
    copies = {}
    for name in (IDENTITY_FILE, RECOVERY_FILE):
        data = (vault_path / name).read_bytes()
        try:
            current = read_from_device(set_dir / name)
        except OSError:
            current = None
        if current != data:
            copies[name] = data
    if not (set_dir / README_FILE).exists():
        copies[README_FILE] = README_TEXT.encode("utf-8")
    return copies


def _write_generation(
    set_dir: Path,
    number: int,
    image: bytes,
    identity: pyrage.x25519.Identity,
    vault_id: str,
    counts: dict[str, int],
    progress: Progress,
) -> int:
    """Encrypt straight to the key, read back from the device, check, then name it."""
    path = set_dir / generation_name(number)
    recipient = identity.to_public()

    def produce(writer) -> None:
        pyrage.encrypt_io(ImageReader(image), writer, [recipient])

    def check(reader) -> int:
        conn, header = load_generation(
            reader, identity, vault_id=vault_id, number=number, progress=progress
        )
        conn.close()
        if header.counts != counts:
            raise GenerationDamaged("counts differ from the vault")
        return reader.done

    return write_verified(
        path, produce, check, progress=progress, size_hint=encrypted_size(len(image))
    )
