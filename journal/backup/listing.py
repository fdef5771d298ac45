"""Listing a backup set without any key: what `dentelle backups` shows, and restore picks from.

Reads only the file names, their sizes and the plain manifest (dates, sizes, checks):
no passphrase is needed to see which generations a key holds, and none of it is about
a person. Without the key, nothing here is authenticated: it is what the worker sees
before typing the passphrase, and what `restore` and `verify` check with it.

Which erasures a set has received is not taken from the manifest either (anyone could
edit a count there): the vault records, for each set id it backed up to, how many
people it had forgotten at that time (`remember_set`, meta `backup_sets`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from journal.backup.rekeyed import bound_for, retired_bounds
from journal.backup.sets import (
    KEYRING_FILE,
    Manifest,
    generation_files,
    read_manifest,
    set_path,
)
from journal.errors import BackupError

if TYPE_CHECKING:
    from journal.store import Journal

SETS_META = "backup_sets"


def parse_time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class GenerationInfo:
    """One generation as listed without any key: no counts, they are encrypted."""

    number: int
    path: Path
    size: int
    created: datetime | None
    checked: datetime | None
    ok: bool | None  # None: never checked since written by another program
    recipient: str | None = None  # the master recipient it was written for (public)
    retired: int | None = None  # opened by the key files retired after a rekey (`rekeyed`)


@dataclass(frozen=True)
class SetInfo:
    path: Path
    vault_id: str | None
    generations: list[GenerationInfo]
    erasures: int = 0  # what the plain manifest claims: advisory, never trusted
    set_id: str | None = None  # from the plain manifest: None for a format-1 set

    @property
    def latest(self) -> GenerationInfo | None:
        return self.generations[-1] if self.generations else None

    def generation(self, number: int | None) -> GenerationInfo:
        if not self.generations:
            raise BackupError("backup.empty_set", path=str(self.path))
        if number is None:
            return self.generations[-1]
        for info in self.generations:
            if info.number == number:
                return info
        numbers = ", ".join(str(g.number) for g in self.generations)
        raise BackupError(
            "backup.no_generation", number=number, path=str(self.path), numbers=numbers
        )


def describe_set(destination: Path) -> SetInfo:
    """The generations of a set, from its files and manifest: needs no passphrase."""
    path = set_path(destination)
    files = generation_files(path)
    manifest = read_manifest(path)
    if manifest is None and not files and not (path / KEYRING_FILE).exists():
        raise BackupError("backup.no_set", path=str(destination))
    recorded = manifest.generations if manifest else {}
    bounds = retired_bounds(path)
    infos = []
    for number, file in files.items():
        try:
            stat = file.stat()
        except OSError:
            continue
        info = recorded.get(number, {})
        ok = info.get("ok")
        if info.get("size") is not None and info.get("size") != stat.st_size:
            ok = False  # the file changed size since it was checked: truncated or replaced
        infos.append(
            GenerationInfo(
                number=number,
                path=file,
                size=stat.st_size,
                created=parse_time(info.get("created"))
                or datetime.fromtimestamp(stat.st_mtime).astimezone(),
                checked=parse_time(info.get("checked")),
                ok=ok,
                recipient=info.get("recipient"),
                retired=bound_for(bounds, number),
            )
        )
    return SetInfo(
        path=path,
        vault_id=manifest.vault_id if manifest else None,
        generations=infos,
        erasures=manifest.erasures if manifest else 0,
        set_id=manifest.set_id if manifest else None,
    )


def remember_set(
    journal: Journal, set_id: str, number: int, erasures: int, erased: int = 0
) -> None:
    """Record in the vault that generation `number` of set `set_id` holds `erasures`
    forgotten people and `erased` deleted entries and erased versions (meta
    `backup_sets`: set ids, numbers and counts, nothing personal)."""
    try:
        sets = json.loads(journal.meta(SETS_META) or "{}")
        if not isinstance(sets, dict):
            sets = {}
    except ValueError:
        sets = {}
    sets[set_id] = {"number": number, "erasures": erasures, "erased": erased}
    journal.set_meta(SETS_META, json.dumps(sets, sort_keys=True))


def received(conn: sqlite3.Connection, manifest: Manifest | None) -> tuple[int, int] | None:
    """What the vault (`conn`: it or its snapshot) recorded that the set named by this
    plain manifest had received at its last backup: (forgotten people, erased entries
    and versions). None when it has no record (a set id it never wrote to, or a format-1
    set while it knows newer ones): the caller then assumes something is missing."""
    if manifest is None:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", [SETS_META]).fetchone()
        sets = json.loads(row[0]) if row else {}
        if not isinstance(sets, dict):
            return None
        if manifest.set_id is None:
            return (manifest.erasures, 0) if not sets else None
        record = sets.get(manifest.set_id)
        return (int(record["erasures"]), int(record.get("erased", 0))) if record else None
    except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError):
        return None


def erasures_pending(info: SetInfo, vault_database: Path) -> int | None:
    """How many people forgotten in this vault have not yet been erased from the set.

    Reads the vault's tombstones and its record of the sets it backed up to (random ids,
    no secret) without unlocking it; None when the vault is absent or the set belongs
    to another vault. The count comes from the vault's own record for the set's id, not
    from the manifest: an unknown id (an edited manifest, or a set this vault never
    wrote to) counts every forgetting as pending. After one more backup to the set, no
    generation on it can yield those people.
    """
    if not vault_database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{vault_database}?mode=ro", uri=True)
        try:
            vault_id = conn.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()
            count = conn.execute("SELECT count(*) FROM tombstones").fetchone()[0]
            row = conn.execute("SELECT value FROM meta WHERE key=?", [SETS_META]).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if vault_id is None or vault_id[0] != info.vault_id:
        return None
    try:
        sets = json.loads(row[0]) if row else {}
        received = sets.get(info.set_id) if isinstance(sets, dict) else None
        if info.set_id is None and not sets:
            # A format-1 set and a vault that never wrote a newer one: the old, plain count.
            return max(0, count - info.erasures)
        return max(0, count - int(received["erasures"])) if received else count
    except (ValueError, TypeError, KeyError):
        return count
