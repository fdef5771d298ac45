"""The backup set on a USB key: its files and their formats (generations, keyring, manifest).

What `DIR/dentelle-backup/` holds (the worker-facing account is docs/backup.md):

| file             | holds                                              | readable with          |
|------------------|----------------------------------------------------|------------------------|
| `manifest.json`  | set format, vault id, per generation: number, date,| anyone (no personal    |
|                  | size, last check                                   | data, no counts)       |
| `identity.age`   | copy of the vault's `identity.age`                 | the passphrase         |
| `recovery.age`   | copy of the vault's `recovery.age`                 | the recovery code      |
| `keyring.age`    | wrapped person keys, tombstones, which people each | the master identity    |
|                  | generation holds (JSON)                            |                        |
| `gen-000042.age` | a SQLite image of the vault, person keys removed,  | the master identity    |
|                  | plus a `backup_generation` table binding its ids   |                        |
| `LISEZMOI.txt`   | what this folder is and how to restore it          | anyone                 |

Why the keys live apart (crypto-shredding): a generation is never rewritten, so it must
not hold anything that would open a forgotten person. Person keys exist only in the
keyring, which every backup rewrites whole; forgetting someone and backing up once more
leaves their old ciphertext in old generations with no key anywhere in the set.

File names avoid `:` (FAT refuses it) and hold no date; how files are written and read
back is `journal.backup.io`.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyrage

from journal.backup.io import (
    DeviceReader,
    GenerationDamaged,
    Progress,
    evict,
    no_progress,
    read_from_device,
)

SET_DIR_NAME = "dentelle-backup"
MANIFEST_FILE = "manifest.json"
KEYRING_FILE = "keyring.age"
README_FILE = "LISEZMOI.txt"
SET_FORMAT = "dentelle-backup/1"
KEYRING_FORMAT = "dentelle-keyring/1"
HEADER_TABLE = "backup_generation"
GENERATION_PATTERN = re.compile(r"^gen-(\d{6})\.age$")


def generation_name(number: int) -> str:
    return f"gen-{number:06d}.age"


def set_path(destination: Path) -> Path:
    """The set folder for a drive (`DIR/dentelle-backup`), or `DIR` if it is one already."""
    destination = Path(destination)
    if destination.name == SET_DIR_NAME or (destination / MANIFEST_FILE).exists():
        return destination
    return destination / SET_DIR_NAME


# -- generations ---------------------------------------------------------------------


class ImageReader:
    """Feeds a serialized database to `pyrage.encrypt_io` without copying it.

    The snapshot comes from a WAL database, so its header says WAL (bytes 18-19 = 2),
    which an in-memory or deserialized database cannot open. The generation is stored
    with the rollback-journal marks (1) instead: then `age -d` gives a file that the
    `sqlite3` command opens as it is.
    """

    def __init__(self, image: bytes) -> None:
        self.view = memoryview(image)
        self.pos = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = len(self.view) - self.pos
        start = self.pos
        chunk = bytearray(self.view[start : start + size])
        self.pos += len(chunk)
        for offset in (18, 19):
            if start <= offset < self.pos and chunk[offset - start] == 2:
                chunk[offset - start] = 1
        return bytes(chunk)


def encrypted_size(plain_size: int) -> int:
    """An upper bound of the age file size (header, nonce, 16-byte tag per 64 KiB)."""
    return plain_size + 16 * (plain_size // 65536 + 1) + 16 + 512


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table: compared after reading back, kept only inside encrypted files."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in names
        if name != HEADER_TABLE
    }


@dataclass(frozen=True)
class GenerationHeader:
    """What binds a generation to its set: age has no associated data, so it is inside."""

    vault_id: str
    number: int
    created: str
    counts: dict[str, int] = field(default_factory=dict)


def write_header(conn: sqlite3.Connection, header: GenerationHeader) -> None:
    conn.execute(f"CREATE TABLE {HEADER_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    conn.executemany(
        f"INSERT INTO {HEADER_TABLE} (key, value) VALUES (?, ?)",
        [
            ("format", SET_FORMAT),
            ("vault_id", header.vault_id),
            ("number", str(header.number)),
            ("created", header.created),
            ("counts", json.dumps(header.counts, sort_keys=True)),
        ],
    )
    conn.commit()


def load_generation(
    reader: DeviceReader,
    identity: pyrage.x25519.Identity,
    *,
    vault_id: str | None,
    number: int,
    progress: Progress = no_progress,
    check_phase: str = "backup.phase.check",
) -> tuple[sqlite3.Connection, GenerationHeader]:
    """Decrypt a generation into memory and check it all; raise `GenerationDamaged`.

    Checks, in order: age authentication (any flipped bit or truncation), SQLite
    `PRAGMA integrity_check`, the header's vault id and number against the set and the
    file name (a generation renamed or copied from another set), and every table's row
    count against the counts recorded when the snapshot was taken.
    """
    plain = io.BytesIO()
    try:
        pyrage.decrypt_io(reader, plain, [identity])
    except (OSError, pyrage.DecryptError, ValueError, TypeError) as error:
        if reader.error is not None:
            raise reader.error from None
        raise GenerationDamaged(f"decrypt: {error}") from None
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        progress(check_phase, 0, 1)
        with plain.getbuffer() as buffer:
            conn.deserialize(buffer)
        plain = io.BytesIO()  # drop the decrypted copy: SQLite holds its own now
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise GenerationDamaged("integrity_check")
        rows = dict(conn.execute(f"SELECT key, value FROM {HEADER_TABLE}").fetchall())
        header = GenerationHeader(
            vault_id=rows["vault_id"],
            number=int(rows["number"]),
            created=rows["created"],
            counts=json.loads(rows["counts"]),
        )
        if rows.get("format") != SET_FORMAT:
            raise GenerationDamaged("format")
        if vault_id is not None and header.vault_id != vault_id:
            raise GenerationDamaged("vault id")
        if header.number != number:
            raise GenerationDamaged("number")
        if table_counts(conn) != header.counts:
            raise GenerationDamaged("counts")
        progress(check_phase, 1, 1)
    except GenerationDamaged:
        conn.close()
        raise
    except (sqlite3.Error, KeyError, ValueError, TypeError) as error:
        conn.close()
        raise GenerationDamaged(f"sqlite: {type(error).__name__}") from None
    return conn, header


def open_generation(
    path: Path,
    number: int,
    identity: pyrage.x25519.Identity,
    *,
    vault_id: str | None,
    progress: Progress = no_progress,
    phases: tuple[str, str] = ("backup.phase.verify", "backup.phase.check"),
) -> tuple[sqlite3.Connection, GenerationHeader]:
    """Read a generation back from the device and `load_generation` it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        evict(fd)
        size = os.fstat(fd).st_size
        reader = DeviceReader(fd, progress, phases[0], size)
        return load_generation(
            reader,
            identity,
            vault_id=vault_id,
            number=number,
            progress=progress,
            check_phase=phases[1],
        )
    finally:
        os.close(fd)


# -- keyring -------------------------------------------------------------------------


@dataclass
class Keyring:
    """The only place of the set where person keys live (still wrapped to the master).

    `generations` records which people each kept generation holds, so a key can be
    dropped once no kept generation and not the vault need it; `tombstones` are the
    people forgotten, whose keys must never come back.
    """

    vault_id: str
    keys: dict[str, bytes] = field(default_factory=dict)
    tombstones: dict[str, str] = field(default_factory=dict)
    generations: dict[int, list[str]] = field(default_factory=dict)

    def to_bytes(self, written: str) -> bytes:
        return json.dumps(
            {
                "format": KEYRING_FORMAT,
                "vault_id": self.vault_id,
                "written": written,
                "keys": {pid: base64.b64encode(k).decode("ascii") for pid, k in self.keys.items()},
                "tombstones": self.tombstones,
                "generations": {str(n): ids for n, ids in self.generations.items()},
            },
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Keyring:
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("format") != KEYRING_FORMAT:
                raise GenerationDamaged("keyring format")
            return cls(
                vault_id=str(raw["vault_id"]),
                keys={pid: base64.b64decode(k) for pid, k in raw["keys"].items()},
                tombstones={str(p): str(d) for p, d in raw["tombstones"].items()},
                generations={int(n): list(ids) for n, ids in raw["generations"].items()},
            )
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            raise GenerationDamaged("keyring content") from None


def read_keyring(
    set_dir: Path, identity: pyrage.x25519.Identity, file: Path | None = None
) -> Keyring:
    """Raise `FileNotFoundError` when absent, `GenerationDamaged` when unreadable.

    `file`: a keyring retired after a rekey (`journal.backup.rekeyed`) instead of the set's.
    """
    blob = read_from_device(file or set_dir / KEYRING_FILE)
    try:
        plain = pyrage.decrypt(blob, [identity])
    except (pyrage.DecryptError, ValueError, TypeError):
        raise GenerationDamaged("keyring decrypt") from None
    return Keyring.from_bytes(plain)


# -- manifest ------------------------------------------------------------------------


@dataclass
class Manifest:
    """Plain, advisory bookkeeping: the files are the truth, this adds dates and checks."""

    vault_id: str
    last_number: int = 0
    generations: dict[int, dict] = field(default_factory=dict)
    # How many erasures (tombstones) the keyring held at the last backup: compared with
    # the vault's own count, it tells a set that has not yet received a forgetting.
    erasures: int = 0

    def to_bytes(self) -> bytes:
        return (
            json.dumps(
                {
                    "format": SET_FORMAT,
                    "vault_id": self.vault_id,
                    "last_number": self.last_number,
                    "erasures": self.erasures,
                    "generations": [
                        {"number": n, **info} for n, info in sorted(self.generations.items())
                    ],
                },
                indent=2,
                sort_keys=True,
            )
            + "\n"
        ).encode("utf-8")


def read_manifest(set_dir: Path) -> Manifest | None:
    """None when missing or unreadable (the generations and keyring still speak)."""
    try:
        raw = json.loads((set_dir / MANIFEST_FILE).read_bytes().decode("utf-8"))
        if raw.get("format") != SET_FORMAT:
            return None
        generations = {
            int(g["number"]): {k: v for k, v in g.items() if k != "number"}
            for g in raw.get("generations", [])
        }
        return Manifest(
            vault_id=str(raw["vault_id"]),
            last_number=int(raw.get("last_number", 0)),
            generations=generations,
            erasures=int(raw.get("erasures", 0)),
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None


def generation_files(set_dir: Path) -> dict[int, Path]:
    """Every file named like a generation, by number."""
    found: dict[int, Path] = {}
    try:
        names = os.listdir(set_dir)
    except FileNotFoundError:
        return found
    for name in names:
        match = GENERATION_PATTERN.match(name)
        if match:
            found[int(match.group(1))] = set_dir / name
    return dict(sorted(found.items()))


def remove_leftovers(set_dir: Path) -> None:
    """Temporary files of an interrupted backup (a pulled key): never generations."""
    with contextlib.suppress(OSError):
        for name in os.listdir(set_dir):
            if name.startswith(".") and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(set_dir / name)


def iso_now(now: datetime) -> str:
    return now.isoformat(timespec="seconds")
