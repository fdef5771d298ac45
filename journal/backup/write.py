"""Writing one backup generation: snapshot, keyring, encrypt, read back, rotate.

The order of the writes is what keeps both promises of the set: a failure at any point
leaves every earlier generation usable, and a forgotten person's key leaves the set at
the first backup after the erasure (see `journal.backup.prepare.next_keyring`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal import crypto
from journal.backup import rekeyed
from journal.backup.blocks import ImageReader
from journal.backup.io import (
    CHUNK,
    DeviceReader,
    DeviceWriter,
    GenerationDamaged,
    Progress,
    free_space,
    no_progress,
    read_from_device,
    write_bytes_verified,
    write_verified,
)
from journal.backup.keyring import KEYRING_FILE, Keyring, KeyringAltered, read_keyring
from journal.backup.listing import parse_time, received, remember_set
from journal.backup.prepare import ImageFile, Snapshot, find_numbering, next_keyring, prepare
from journal.backup.sets import (
    MANIFEST_FILE,
    README_FILE,
    GenerationHeader,
    IntegrityCheck,
    Manifest,
    encrypted_size,
    generation_files,
    generation_name,
    iso_now,
    read_manifest,
    remove_leftovers,
    set_path,
)
from journal.backup.strings import SizedBackupError
from journal.errors import BackupError, DentelleError
from journal.fsutil import make_private_dir
from journal.layout import IDENTITY_FILE, RECOVERY_FILE

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
OPENING = 1 << 20  # how much of a new generation is decrypted again to check it opens


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
    set_id: str | None = None
    erasures: int = 0  # people the vault had forgotten when the snapshot was taken
    erased: int = 0  # entries and versions it had erased then (`rekeyed.before_writing`)


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
    """Refuse a set that belongs to another vault; return its keyring if it can be trusted.

    A keyring that is damaged, or whose tag does not check (written by someone else), is
    not read: a new one is built from the vault (and the authenticated manifest, if any).
    """
    manifest = read_manifest(set_dir)
    if manifest is not None and manifest.vault_id != vault_id:
        raise BackupError("backup.other_vault", path=str(set_dir))
    try:
        keyring = read_keyring(set_dir, identity)
    except FileNotFoundError:
        keyring = None
    except KeyringAltered:
        keyring = None  # ours (it decrypted) but not written by us: never trusted
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
    image_file: ImageFile | None = None
    try:
        progress("backup.phase.snapshot", 0, 1)
        # The image is made in a private file of the vault's folder, never in memory
        # whole (a large vault is hundreds of MB): it holds what the vault's file holds.
        image_file = ImageFile(journal.path)
        image = image_file.path
        snapshot = journal.snapshot(image)
        row = snapshot.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()
        vault_id = row[0] if row else ""
        try:
            make_private_dir(set_dir)
            remove_leftovers(set_dir)
            old_keyring = _claim(set_dir, vault_id, identity)
            existing = generation_files(set_dir)
        except BaseException:
            snapshot.close()
            raise
        key = crypto.integrity_key(identity)
        trusted = read_manifest(set_dir, key)
        plain = read_manifest(set_dir)
        # Read before `prepare` takes the snapshot: what the set had received, by the
        # vault's own record (the retirement of keys after a rekey depends on it).
        got = received(snapshot, plain)
        numbering = find_numbering(
            old_keyring,
            trusted,
            existing,
            identity,
            vault_id,
            other_master=old_keyring is None and rekeyed.other_master(set_dir, identity),
            retired=rekeyed.retired_bounds(set_dir),
        )
        if not numbering.trust_keyring:
            old_keyring = None  # an old-format keyring on a signed set: never carried
        # An edited manifest is ignored (its dates and checks too): the keyring's numbers
        # count. A format-1 manifest (an older set being upgraded) keeps its dates.
        manifest = Manifest(vault_id=vault_id)
        if trusted is not None and trusted.set_id in (None, numbering.set_id):
            manifest = trusted
        elif numbering.after_rekey and plain is not None:
            # The old identity signed the previous manifest: the new one cannot check it,
            # and keeps only its plain account of the earlier generations (dates, master).
            manifest.generations = {
                n: g for n, g in plain.generations.items() if n in numbering.rekeyed
            }
        # Never reuse the name of a file that is there, even one the set does not know.
        above = [n for n in existing if n > numbering.last_number]
        number = max([numbering.last_number, *above]) + 1
        known = sorted(n for n in existing if n in numbering.covered)
        kept = sorted([*known, number])[-keep:]
        snap = prepare(
            snapshot,
            image,
            GenerationHeader(vault_id, number, created, set_id=numbering.set_id),
            key,
        )
        counts = snap.counts
        # The keys themselves go in the keyring too (`Keyring.secrets`); a backup in a
        # worker thread (`record=False`) never reads the journal's connection for them.
        unwrapped = journal.person_secrets(load=record)
        snap.secrets = {pid: unwrapped[pid] for pid in snap.wrapped if pid in unwrapped}
        progress("backup.phase.snapshot", 1, 1)
        rekeyed.before_writing(
            set_dir,
            old_keyring,
            numbering.after_rekey,
            snap.tombstones,
            snap.erased,
            got,
            max(existing, default=0),
        )
        keyring = next_keyring(old_keyring, vault_id, numbering, snap, number, kept)
        keyring_blob = crypto.age_encrypt(keyring.to_bytes(created, key), [identity.to_public()])
        copies = _key_copies(journal.path, set_dir)

        needed = encrypted_size(snap.size) + len(keyring_blob) + 64 * 1024
        needed += sum(len(data) for data in copies.values())
        free = _free_space(set_dir)
        if free is not None and free < needed:
            raise SizedBackupError("backup.full", needed=needed, free=free)

        for name, data in copies.items():
            write_bytes_verified(set_dir / name, data)
        write_bytes_verified(set_dir / KEYRING_FILE, keyring_blob)
        size = _write_generation(set_dir, number, snap, identity, progress)
        committed = number

        removed = [n for n in known if n not in kept]
        for old in removed:
            os.unlink(existing[old])
        manifest.last_number = number
        manifest.set_id = numbering.set_id
        manifest.erasures = len(snap.tombstones)
        manifest.generations = {n: i for n, i in manifest.generations.items() if n in kept}
        manifest.generations[number] = {
            "created": created,
            "size": size,
            "checked": created,
            "ok": True,
            # Which master (public key): `backups` tells generations from before a rekey.
            "recipient": str(identity.to_public()),
        }
        write_bytes_verified(set_dir / MANIFEST_FILE, manifest.to_bytes(key))
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
        if image_file is not None:
            image_file.remove()
        if committed is not None and record:
            with contextlib.suppress(DentelleError):
                record_backup(journal, now)
                remember_set(
                    journal, numbering.set_id, committed, len(snap.tombstones), len(snap.erased)
                )
    return BackupReport(
        number=number,
        path=set_dir,
        created=now,
        size=size,
        people=counts.get("people", 0),
        entries=counts.get("entries", 0),
        kept=kept,
        removed=removed,
        set_id=numbering.set_id,
        erasures=len(snap.tombstones),
        erased=len(snap.erased),
    )


def record_backup(journal: Journal, when: datetime, report: BackupReport | None = None) -> None:
    """Note in the vault when it was last backed up and verified (the status bar reads it),
    and, given the report, what that set has received (for `erasures_pending`).

    Call on the thread that owns `journal`'s connection (the app's), after a
    `back_up(..., record=False)` run in a worker returned.
    """
    journal.set_meta(LAST_BACKUP_META, iso_now(when))
    if report is not None and report.set_id is not None:
        remember_set(journal, report.set_id, report.number, report.erasures, report.erased)


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
    snap: Snapshot,
    identity: pyrage.x25519.Identity,
    progress: Progress,
) -> int:
    """Encrypt straight to the key, read back from the device, check, then name it.

    The image is read from its file chunk by chunk: never whole in memory. Before the
    file gets its name: every byte read back from the device, past the page cache, is
    what was written (same length, same CRC-32), its first chunks decrypt with the
    master identity to the image's first bytes, and the image passed SQLite's quick
    check (every page and record, in a thread during the encryption). Decrypting the
    whole file again only re-proved what age's encryption had just done, at a second or
    two per 500 MB: `dentelle backups --verify` does it whenever asked.
    """
    path = set_dir / generation_name(number)
    recipient = identity.to_public()
    size_hint = encrypted_size(snap.size)
    # The quick check: the full one runs at every restore and `backups --verify`.
    image_check = IntegrityCheck(snap.image, quick=True)
    writers: list[DeviceWriter] = []

    def produce(writer: DeviceWriter) -> None:
        writers.append(writer)
        # pyrage asks for 8 KiB at a time; each read of the disk lets the writing and
        # hashing threads take the GIL, which pyrage then waits to get back: the file
        # is read a CHUNK at a time instead (94,000 hand-overs to 736 for a large vault).
        with open(snap.image, "rb", buffering=CHUNK) as source:
            pyrage.encrypt_io(ImageReader(source, snap.pending), writer, [recipient])

    def check(reader: DeviceReader) -> int:
        while reader.read(CHUNK):
            pass
        if (reader.done, reader.crc) != (writers[0].done, writers[0].crc):
            raise GenerationDamaged("read back differs")
        progress("backup.phase.check", 0, 1)
        _opens_with(reader.fd, identity, snap)
        if not image_check.ok() or (snap.pending is not None and snap.pending.error):
            raise BackupError("backup.vault_damaged")
        progress("backup.phase.check", 1, 1)
        return reader.done

    try:
        return write_verified(path, produce, check, progress=progress, size_hint=size_hint)
    finally:
        # Never leave a thread reading an image about to be removed.
        image_check.ok()
        if snap.pending is not None:
            snap.pending.wait()


def _opens_with(fd: int, identity: pyrage.x25519.Identity, snap: Snapshot) -> None:
    """The file's first chunks (of 64 KiB) decrypt with `identity` to the image's first
    bytes: it is an age file to the master recipient, holding this image."""
    sink = io.BytesIO()
    with contextlib.suppress(pyrage.DecryptError, OSError, ValueError):
        # Cut short on purpose: age refuses the truncated end, after the whole chunks.
        pyrage.decrypt_io(io.BytesIO(os.pread(fd, OPENING, 0)), sink, [identity])
    opened = sink.getvalue()
    with open(snap.image, "rb") as source:
        expected = ImageReader(source, snap.pending).read(len(opened))
    if len(opened) < min(snap.size, 64 * 1024) or opened != expected:
        raise GenerationDamaged("does not open with the master identity")
