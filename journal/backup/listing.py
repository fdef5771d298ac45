"""Listing a backup set without any key: what `dentelle backups` shows, and restore picks from.

Reads only the file names, their sizes and the plain manifest (dates, sizes, checks):
no passphrase is needed to see which generations a key holds, and none of it is about
a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.backup.rekeyed import bound_for, retired_bounds
from journal.backup.sets import (
    KEYRING_FILE,
    generation_files,
    read_manifest,
    set_path,
)
from journal.errors import BackupError


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
    erasures: int = 0  # tombstones the set had received at its last backup

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
    )


def erasures_pending(info: SetInfo, vault_database: Path) -> int | None:
    """How many people forgotten in this vault have not yet been erased from the set.

    Reads the vault's tombstones (random ids, no secret) without unlocking it; None
    when the vault is absent or the set belongs to another vault. After one more
    backup to the set, no generation on it can yield those people.
    """
    import sqlite3

    if not vault_database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{vault_database}?mode=ro", uri=True)
        try:
            vault_id = conn.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()
            count = conn.execute("SELECT count(*) FROM tombstones").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if vault_id is None or vault_id[0] != info.vault_id:
        return None
    return max(0, count - info.erasures)
