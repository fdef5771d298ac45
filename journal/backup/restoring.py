"""Restoring a vault from a backup set: onto a fresh machine, or over the current vault.

Never partial. The keyring is checked (authenticated, not older than any generation:
`journal.backup.trust`), the generation is decrypted straight into a hidden folder
beside the target and checked there against it, joined with the set's keyring (person
keys live only there), stripped of everyone the set or the vault knows to be forgotten,
opened, cleared of every deleted entry and erased version the set or the vault knows
of, read entirely (every profile, entry, earlier version and draft must decrypt:
`journal.backup.staging`), and only then swapped in by renames. The current vault, if
any, is kept aside until the restored one has opened in its place, then removed.

What is re-applied is a union: the tombstones (people) and the erased entries and
versions of the current vault, of the keyring, and of the generation itself. The
keyring carries every earlier generation's forward, and a keyring older than a
generation is refused, so no generation of the set knows of an erasure it lacks.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup import strings  # noqa: F401  (registers the messages)
from journal.backup.digest import quoted
from journal.backup.io import (
    GenerationDamaged,
    Progress,
    SpoolError,
    no_progress,
    read_from_device,
)
from journal.backup.keyring import KEYRING_FILE, Keyring
from journal.backup.listing import GenerationInfo, SetInfo, describe_set
from journal.backup.prepare import read_erased
from journal.backup.rekeyed import keys_for
from journal.backup.sets import HEADER_TABLE, Deferred, GenerationHeader, OtherSet
from journal.backup.staging import Stage, finish_stage, remove_tree
from journal.backup.trust import check_coverage, load_keyring, open_in_set
from journal.errors import BackupError, DentelleError
from journal.fsutil import fsync_dir, fsync_file
from journal.layout import DATABASE_FILE, IDENTITY_FILE, LOCK_FILE, RECOVERY_FILE
from journal.store.connection import acquire_lock, release_lock
from journal.store.migration import SCHEMA_VERSION
from journal.store.scans import open_every_entry
from journal.vault import Vault


@dataclass(frozen=True)
class RestoreReport:
    """What was restored; the counts are the worker's own figures, for their screen."""

    number: int
    created: datetime | None
    vault_path: Path
    people: int
    entries: int
    forgotten: int
    replaced: bool
    authenticated: bool = True  # False: a generation or set written before tags
    erased: int = 0  # deleted entries and erased versions removed again


def _damaged(
    info: SetInfo,
    chosen: GenerationInfo,
    identity: pyrage.x25519.Identity,
    keyring: Keyring,
    other_set: bool = False,
    spool: Path | None = None,
) -> BackupError:
    """The error for a damaged (or foreign) generation, naming the ones that do open
    (each decrypted into `spool`, a private file, in bounded memory)."""
    good = []
    for other in reversed(info.generations):
        if other.number == chosen.number:
            continue
        try:
            conn, _ = open_in_set(other, identity, keyring, spool=spool)
        except (GenerationDamaged, OSError):
            continue
        conn.close()
        good.append(other.number)
    number = chosen.number
    if other_set:
        if not good:
            return BackupError("backup.other_set_alone", number=number)
        return BackupError("backup.other_set", number=number, good=", ".join(map(str, good)))
    if not good:
        return BackupError("backup.damaged_all", number=number)
    key = "backup.damaged" if all(n < number for n in good) else "backup.damaged_others"
    return BackupError(key, number=number, good=", ".join(str(n) for n in good))


def _people_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table with a `person_id` column: whatever later schemas add is covered too."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return [
        name
        for name in tables
        if any(col[1] == "person_id" for col in conn.execute(f"PRAGMA table_info({quoted(name)})"))
        and name != "tombstones"
    ]


def _join_keys(
    conn: sqlite3.Connection, keyring: Keyring, tombstones: dict[str, str], today: date
) -> int:
    """Put the keyring's keys back; erase everyone forgotten or without a key.

    Returns how many people of the generation were erased. secure_delete zeroes their
    rows' bytes in the pages, which are then copied as they are into the new file.
    """
    conn.execute("PRAGMA secure_delete=ON")
    generation_tombstones = dict(conn.execute("SELECT person_id, forgotten_on FROM tombstones"))
    known = {**generation_tombstones, **keyring.tombstones, **tombstones}
    people = [row[0] for row in conn.execute("SELECT id FROM people")]
    erase = [pid for pid in people if pid in known or pid not in keyring.keys]
    keep = [pid for pid in people if pid not in erase]
    conn.executemany(
        "UPDATE people SET wrapped_key=? WHERE id=?", [(keyring.keys[pid], pid) for pid in keep]
    )
    conn.execute("CREATE TEMP TABLE erase (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO erase (id) VALUES (?)", [(pid,) for pid in known.keys() | erase])
    for table in _people_tables(conn):
        conn.execute(f"DELETE FROM {quoted(table)} WHERE person_id IN (SELECT id FROM erase)")
    conn.execute("DELETE FROM people WHERE id IN (SELECT id FROM erase)")
    day = today.isoformat()
    conn.executemany(
        "INSERT OR IGNORE INTO tombstones (person_id, forgotten_on) VALUES (?, ?)",
        [(pid, known.get(pid, day)) for pid in known.keys() | erase],
    )
    conn.execute("DROP TABLE temp.erase")
    conn.execute(f"DROP TABLE {HEADER_TABLE}")
    conn.commit()
    return len(erase)


def _current_tombstones(vault: Vault) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Tombstones and erased entries of the vault being replaced: ids only, readable
    without its key."""
    if not vault.database_file.exists():
        return {}, {}
    try:
        conn = sqlite3.connect(f"{vault.database_file.as_uri()}?mode=ro", uri=True)
        try:
            people = dict(conn.execute("SELECT person_id, forgotten_on FROM tombstones"))
            return people, read_erased(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return {}, {}


def _hold_lock(vault: Vault) -> int | None:
    """Refuse to replace a vault that a Dentelle program has open."""
    if not vault.path.is_dir():
        return None
    return acquire_lock(vault.lock_file)


def _check_target(vault: Vault) -> None:
    if vault.exists() or not vault.path.exists():
        return
    if not vault.path.is_dir() or any(p.name != LOCK_FILE for p in vault.path.iterdir()):
        raise BackupError("restore.target_not_empty", path=str(vault.path))


def _read_error(error: OSError) -> BackupError:
    """Reading the set failed: the key, not the backup, is the problem."""
    return BackupError("backup.io", reason=error.strerror or str(error))


def restore(
    destination: Path,
    vault: Vault,
    identity: pyrage.x25519.Identity,
    *,
    generation: int | None = None,
    progress: Progress = no_progress,
    today: date | None = None,
) -> RestoreReport:
    """Restore generation `generation` (default: the latest) of a set into `vault`.

    The caller confirms first when `vault.exists()`: this replaces it. Raises
    `BackupError` (damaged generation, or one copied from another key, naming the good
    ones; keyring damaged, altered or older than a generation; target not writable),
    `VaultBusy` if the vault is open elsewhere; in every case the target is left exactly
    as it was. The report says whether the generation and keyring were authenticated
    (False for a set written before tags) and how many erased entries stayed erased.
    """
    today = today or date.today()
    info = describe_set(destination)
    chosen = info.generation(generation)
    _check_target(vault)
    keys = keys_for(info.path, chosen.number)  # retired ones for a generation before a rekey
    try:
        keyring = load_keyring(info, identity, keys[KEYRING_FILE])
        key_files = {name: read_from_device(keys[name]) for name in (IDENTITY_FILE, RECOVERY_FILE)}
        check_coverage(info, keyring, identity)
    except FileNotFoundError:
        raise BackupError("backup.keyring_damaged", path=str(info.path)) from None
    except OSError as error:
        raise _read_error(error) from None
    return _restore(info, chosen, vault, identity, keyring, key_files, progress, today)


def _restore(
    info: SetInfo,
    chosen: GenerationInfo,
    vault: Vault,
    identity: pyrage.x25519.Identity,
    keyring: Keyring,
    key_files: dict[str, bytes],
    progress: Progress,
    today: date,
) -> RestoreReport:
    try:
        stage = Stage(vault)
    except OSError as error:
        raise _not_writable(vault, error) from None
    staged = stage.path
    try:
        header, forgotten, erased, keys = _decrypt_into(
            staged, info, chosen, vault, identity, keyring, progress, today
        )
        try:
            counts, removed = finish_stage(
                staged, vault, key_files, identity, erased, progress, keys
            )
        except OSError as error:
            raise _not_writable(vault, error) from None
        except (GenerationDamaged, DentelleError) as error:
            reason = getattr(error, "reason", None) or getattr(error, "key", "?")
            raise BackupError("restore.unverified", reason=reason) from None
    except BaseException:
        stage.discard()
        raise
    replaced = _swap(staged, vault, identity)
    return RestoreReport(
        number=chosen.number,
        created=chosen.created,
        vault_path=vault.path,
        people=counts.get("people", 0),
        entries=counts.get("entries", 0),
        forgotten=forgotten,
        replaced=replaced,
        authenticated=keyring.authenticated and header.authenticated,
        erased=removed,
    )


def _decrypt_into(
    staged: Path,
    info: SetInfo,
    chosen: GenerationInfo,
    vault: Vault,
    identity: pyrage.x25519.Identity,
    keyring: Keyring,
    progress: Progress,
    today: date,
) -> tuple[GenerationHeader, int, dict[str, tuple[str, str]], dict[str, bytes] | None]:
    """The generation, checked, decrypted straight into the staged folder's database and
    joined with the keyring's keys: the header, how many people were erased in it, every
    deletion and erasure to apply again, and the person keys if every note was opened
    with them already (None: the vault, of an older schema, is checked once migrated).

    The digest of the generation's bytes is checked as it is decrypted. While SQLite
    runs its own check in a thread (`Deferred`; and the digest of the rows, for a
    generation written before the digest of bytes), the keys are unwrapped and every
    note checked against its tag and opened: the Python work and SQLite's run side by
    side. Nothing is written before both are done."""
    deferred = Deferred()
    other = staged / "other.db"  # where the other generations are opened, if this one fails
    try:
        conn, header = open_in_set(
            chosen,
            identity,
            keyring,
            progress=progress,
            phases=("restore.phase.read", "restore.phase.check"),
            spool=staged / DATABASE_FILE,
            deferred=deferred,
        )
    except OtherSet:
        raise _damaged(info, chosen, identity, keyring, other_set=True, spool=other) from None
    except GenerationDamaged:
        raise _damaged(info, chosen, identity, keyring, spool=other) from None
    except SpoolError as error:
        raise _not_writable(vault, error) from None
    except OSError as error:
        raise _read_error(error) from None
    failure: DentelleError | sqlite3.Error | None = None
    keys = None
    # The decrypted file goes to the disk while it is checked: the first commit on it
    # (`_join_keys`) then waits for a few pages, not for all of them (0.4 s at 250,000).
    early = threading.Thread(target=_sync, args=(staged / DATABASE_FILE,), name="dentelle-sync")
    early.start()
    try:
        try:
            recipient = conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
            if recipient is None or recipient[0] != str(identity.to_public()):
                raise BackupError("restore.wrong_key")
            keys = _open_every_note(conn, staged / DATABASE_FILE, keyring, identity)
        except (DentelleError, sqlite3.Error) as error:
            failure = error
        finally:
            # Nothing touches the file with a check still reading it, and a damaged
            # generation is said as such before anything else (GenerationDamaged).
            try:
                deferred.confirm()
            finally:
                early.join()
    except GenerationDamaged:
        conn.close()
        raise _damaged(info, chosen, identity, keyring, spool=other) from None
    except BaseException:
        conn.close()
        raise
    if failure is not None:
        conn.close()
        if isinstance(failure, BackupError):
            raise failure
        reason = getattr(failure, "key", None) or type(failure).__name__
        raise BackupError("restore.unverified", reason=reason)
    try:
        tombstones, vault_erased = _current_tombstones(vault)
        erased = {**read_erased(conn), **keyring.erased, **vault_erased}
        forgotten = _join_keys(conn, keyring, tombstones, today)
    except OSError as error:
        raise _not_writable(vault, error) from None
    finally:
        conn.close()
    return header, forgotten, erased, keys


def _sync(path: Path) -> None:
    """Start the file on its way to the disk; its durability is the later fsyncs' task
    (they say what fails), so nothing is reported from here."""
    with contextlib.suppress(OSError):
        fsync_file(path)


def _open_every_note(
    conn: sqlite3.Connection, path: Path, keyring: Keyring, identity: pyrage.x25519.Identity
) -> dict[str, bytes] | None:
    """Unwrap the keyring's key of each person of the generation, then check every
    note's tag and open it (`journal.store.scans.open_every_entry`) on a read-only
    connection of its own; the keys. None for a generation of an older schema (no tags
    yet, or other ones): it is checked once opened and migrated."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return None
    people = [row[0] for row in conn.execute("SELECT id FROM people")]
    keys = {
        # The keyring's copy of the key itself, else its wrapped key (one age decryption).
        pid: keyring.secrets.get(pid)
        or crypto.age_decrypt(keyring.keys[pid], identity, what="person key")
        for pid in people
        if pid in keyring.keys
    }
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        ciphers = {pid: crypto.aead(key) for pid, key in keys.items()}
        open_every_entry(reader, crypto.integrity_key(identity), ciphers, path.parent)
    finally:
        reader.close()
    return keys


def _not_writable(vault: Vault, error: OSError) -> BackupError:
    reason = error.strerror or str(error)
    return BackupError("restore.not_writable", path=str(vault.path), reason=reason)


def _swap(staged: Path, vault: Vault, identity: pyrage.x25519.Identity) -> bool:
    """Renames only: the old vault goes aside, the new one in; undone if anything fails.

    The new vault must open in its final place before the old one is removed.
    """
    target = vault.path
    aside = target.parent / f".{target.name}.before-restore-{secrets.token_hex(4)}"
    replaced = target.exists()
    try:
        lock = _hold_lock(vault)
    except BaseException as error:
        remove_tree(staged)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise BackupError("restore.not_writable", path=str(target), reason=reason) from None
        raise
    moved_aside = moved_in = False
    try:
        if replaced:
            os.rename(target, aside)
            moved_aside = True
        os.rename(staged, target)
        moved_in = True
        fsync_dir(target.parent)
        Vault(target, keywrap=vault.keywrap).open(identity).close()
    except BaseException as error:
        with contextlib.suppress(OSError):
            if moved_in:
                os.rename(target, staged)
        with contextlib.suppress(OSError):
            if moved_aside:
                os.rename(aside, target)
        fsync_dir(target.parent)
        remove_tree(staged)
        if isinstance(error, DentelleError):
            raise BackupError("restore.unverified", reason=error.key) from None
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise BackupError("restore.not_writable", path=str(target), reason=reason) from None
        raise
    finally:
        release_lock(lock)
    if replaced:
        remove_tree(aside)
    return replaced
