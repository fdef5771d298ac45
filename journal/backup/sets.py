"""The backup set on a USB key: its files and their formats (generations, keyring, manifest).

What `DIR/dentelle-backup/` holds (the worker-facing account is docs/backup.md):

| file             | holds                                              | readable with          |
|------------------|----------------------------------------------------|------------------------|
| `manifest.json`  | set format, vault id, per generation: number, date,| anyone (no personal    |
|                  | size, last check                                   | data, no counts)       |
| `identity.age`   | copy of the vault's `identity.age`                 | the passphrase         |
| `recovery.age`   | copy of the vault's `recovery.age`                 | the recovery code      |
| `keyring.age`    | wrapped person keys, tombstones, which people each | the master identity    |
|                  | generation holds, set id, last number, tag (JSON)  | (see `keyring`)        |
| `gen-000042.age` | a SQLite image of the vault, person keys removed,  | the master identity    |
|                  | plus a `backup_generation` table binding it to its |                        |
|                  | set (set id, number, content digest, tag)          |                        |
| `LISEZMOI.txt`   | what this folder is and how to restore it          | anyone                 |

Why the keys live apart (crypto-shredding): a generation is never rewritten, so it must
not hold anything that would open a forgotten person. Person keys exist only in the
keyring, which every backup rewrites whole; forgetting someone and backing up once more
leaves their old ciphertext in old generations with no key anywhere in the set.

What is authenticated (issue 11): age alone is not, since anyone can encrypt to the
vault's public key. The keyring, the manifest and each generation's header carry an
HMAC under the integrity key (`journal.crypto.integrity_key`, derived from the master
identity, never stored); a generation's tag covers its set id, number, date, row counts
and a digest of its bytes (`journal.backup.blocks`; of its rows in older sets), so one
copied from another key of the same vault, renamed, altered or written by someone else
is refused. The manifest stays readable without any key (it
is what `dentelle backups` lists); with the key at hand, a manifest whose tag does not
check is ignored. Sets of format 1 (no tags) are read as unauthenticated.

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
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.blocks import IMAGE_KIND, BlockHashes, HeaderBlock, header_block
from journal.backup.digest import HEADER_TABLE, Deferred, digest_matches, quoted, table_names
from journal.backup.io import (
    DeviceReader,
    GenerationDamaged,
    IntegrityCheck,
    Progress,
    Spool,
    evict,
    no_progress,
)
from journal.backup.keyring import KEYRING_FILE, document_ok, tag_document

SET_DIR_NAME = "dentelle-backup"
MANIFEST_FILE = "manifest.json"
README_FILE = "LISEZMOI.txt"
SET_FORMAT = "dentelle-backup/2"
LEGACY_SET_FORMAT = "dentelle-backup/1"  # before issue 11: no set id, no tags
GENERATION_LABEL = "backup-generation"
MANIFEST_LABEL = "backup-manifest"
# Six digits or more: a number past 999999 must not make a generation invisible.
GENERATION_PATTERN = re.compile(r"^gen-(\d{6,})\.age$")

__all__ = ["KEYRING_FILE", "MANIFEST_FILE", "SET_DIR_NAME"]


def generation_name(number: int) -> str:
    return f"gen-{number:06d}.age"


def set_path(destination: Path) -> Path:
    """The set folder for a drive (`DIR/dentelle-backup`), or `DIR` if it is one already."""
    destination = Path(destination)
    if destination.name == SET_DIR_NAME or (destination / MANIFEST_FILE).exists():
        return destination
    return destination / SET_DIR_NAME


# -- generations ---------------------------------------------------------------------


def encrypted_size(plain_size: int) -> int:
    """An upper bound of the age file size (header, nonce, 16-byte tag per 64 KiB)."""
    return plain_size + 16 * (plain_size // 65536 + 1) + 16 + 512


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table: compared after reading back, kept only inside encrypted files."""
    return {
        name: conn.execute(f"SELECT count(*) FROM {quoted(name)}").fetchone()[0]
        for name in table_names(conn)
    }


@dataclass(frozen=True)
class GenerationHeader:
    """What binds a generation to its set: age has no associated data, so it is inside.

    `set_id` and `digest` are None, and `authenticated` False, in a format-1 generation.
    """

    vault_id: str
    number: int
    created: str
    counts: dict[str, int] = field(default_factory=dict)
    set_id: str | None = None
    digest: str | None = None
    authenticated: bool = False

    def tag(self, key: bytes) -> bytes:
        return crypto.integrity_tag(key, GENERATION_LABEL, *_tag_parts(self))


def write_header(
    conn: sqlite3.Connection, header: GenerationHeader, key: bytes, tag: str | None = None
) -> None:
    """The header table (made here unless `reserve_header` made it); with `tag`, that
    text in place of the tag (a placeholder of `journal.backup.pending`, same length)."""
    reserve_header(conn)
    conn.executemany(
        f"INSERT INTO {HEADER_TABLE} (key, value) VALUES (?, ?)",
        [
            ("format", SET_FORMAT),
            ("vault_id", header.vault_id),
            ("set_id", header.set_id or ""),
            ("number", str(header.number)),
            ("created", header.created),
            ("counts", json.dumps(header.counts, sort_keys=True)),
            ("digest", header.digest or ""),
            ("tag", tag or base64.b64encode(header.tag(key)).decode("ascii")),
        ],
    )
    conn.commit()


def reserve_header(conn: sqlite3.Connection) -> None:
    """Make the (empty) header table with its pages last in the file, for the header to
    be completed while the image is encrypted (`journal.backup.pending`).

    SQLite gives a new table free pages first: the free pages of the image (notes
    deleted: zeroed by secure_delete) are taken by a filler of zeros for that moment,
    then given back. Made before anything is deleted from the image."""
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if free:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("CREATE TABLE dentelle_filler (b BLOB)")
        left = free * size
        while left > 0:  # a blob stays under SQLite's limit (1 GB)
            conn.execute("INSERT INTO dentelle_filler VALUES (zeroblob(?))", [min(left, 1 << 28)])
            left -= 1 << 28
    conn.execute(f"CREATE TABLE IF NOT EXISTS {HEADER_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    if free:
        conn.execute("DROP TABLE dentelle_filler")


class OtherSet(GenerationDamaged):
    """A genuine generation of this vault, but of another backup set (another key)."""


def _read_header(
    conn: sqlite3.Connection,
    identity: pyrage.x25519.Identity,
    image: HeaderBlock | None,
    *,
    digest: bool = True,
) -> GenerationHeader:
    """The header, its tag checked, and the digest it covers: of the image's bytes
    (`image`, kind `3:`), else of its rows, unless `digest` is False (the caller checks
    the rows later, `Deferred`)."""
    rows = dict(conn.execute(f"SELECT key, value FROM {HEADER_TABLE}").fetchall())
    if not all(isinstance(v, str) for v in (*rows, *rows.values())):
        # Only text is ever written there: a blob of the same bytes would pass the tag.
        raise GenerationDamaged("format")
    header = GenerationHeader(
        vault_id=rows["vault_id"],
        number=int(rows["number"]),
        created=rows["created"],
        counts=json.loads(rows["counts"]),
        set_id=rows.get("set_id") or None,
        digest=rows.get("digest") or None,
    )
    fmt = rows.get("format")
    if fmt == LEGACY_SET_FORMAT:
        return header
    if fmt != SET_FORMAT or header.set_id is None or header.digest is None:
        raise GenerationDamaged("format")
    tag = base64.b64decode(rows.get("tag") or "", validate=True)
    if not crypto.integrity_ok(
        crypto.integrity_key(identity), tag, GENERATION_LABEL, *_tag_parts(header)
    ):
        raise GenerationDamaged("tag")
    if header.digest.startswith(IMAGE_KIND):
        if image is None or not image.matches(header.digest, rows.get("tag") or ""):
            raise GenerationDamaged("digest")
    elif digest and not digest_matches(conn, header.digest):
        raise GenerationDamaged("digest")
    return replace(header, authenticated=True)


def _tag_parts(header: GenerationHeader) -> tuple[str, ...]:
    counts = json.dumps(header.counts, sort_keys=True)
    return (
        SET_FORMAT,
        header.vault_id,
        header.set_id or "",
        str(header.number),
        header.created,
        counts,
        header.digest or "",
    )


def load_generation(
    reader: DeviceReader,
    identity: pyrage.x25519.Identity,
    *,
    vault_id: str | None,
    number: int,
    set_id: str | None = None,
    untagged: bool = True,
    progress: Progress = no_progress,
    check_phase: str = "backup.phase.check",
    spool: Path | None = None,
    deferred: Deferred | None = None,
) -> tuple[sqlite3.Connection, GenerationHeader]:
    """Decrypt a generation into memory (or into the private file `spool`, in bounded
    memory; the caller removes it) and check it all; raise `GenerationDamaged`.

    Checks, in order: age decryption (any flipped bit or truncation), SQLite
    `PRAGMA integrity_check`, the header's tag and digest (format 2: of the bytes,
    hashed as they are decrypted, or of the rows in older sets; a format-1 generation
    only if `untagged`), its vault id, number and set id against the set and the file
    name (a generation renamed, or copied from another key: `OtherSet`), and every
    table's row count against the counts recorded when the snapshot was taken. With
    `spool` and `deferred`, the slow checks (SQLite's, and a digest of rows) are left
    running in threads: the caller must not write to the file before
    `deferred.confirm()`, which raises `GenerationDamaged`.
    """
    plain = io.BytesIO()
    hashes = BlockHashes()  # the image digest's blocks, hashed as they are decrypted
    sink = plain if spool is None else Spool(spool, also=hashes.update)
    try:
        with contextlib.nullcontext() if spool is None else contextlib.closing(sink):
            pyrage.decrypt_io(reader, sink, [identity])
    except (OSError, pyrage.DecryptError, ValueError, TypeError) as error:
        if reader.error is not None:
            raise reader.error from None
        if isinstance(sink, Spool) and sink.error is not None:
            raise sink.error from None
        raise GenerationDamaged(f"decrypt: {error}") from None
    conn = sqlite3.connect(spool or ":memory:", check_same_thread=False)
    check: IntegrityCheck | None = None
    try:
        progress(check_phase, 0, 1)
        if spool is None:
            with plain.getbuffer() as buffer:
                hashes.update(buffer)
                conn.deserialize(buffer)
                image = header_block(hashes, conn, lambda at, size: bytes(buffer[at : at + size]))
            plain = io.BytesIO()  # drop the decrypted copy: SQLite holds its own now
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise GenerationDamaged("integrity_check")
        else:
            check = IntegrityCheck(spool)  # in a thread, while the digest is computed
            with open(spool, "rb", buffering=0) as file:
                fd = file.fileno()
                image = header_block(hashes, conn, lambda at, size: os.pread(fd, size, at))
        later = deferred is not None and check is not None
        header = _read_header(conn, identity, image, digest=not later)
        if not header.authenticated and not untagged:
            raise GenerationDamaged("not authenticated")
        if vault_id is not None and header.vault_id != vault_id:
            raise GenerationDamaged("vault id")
        if header.number != number:
            raise GenerationDamaged("number")
        if set_id is not None and header.authenticated and header.set_id != set_id:
            raise OtherSet("set id")
        if table_counts(conn) != header.counts:
            raise GenerationDamaged("counts")
        if later:
            rows = header.authenticated and not header.digest.startswith(IMAGE_KIND)
            deferred.start(spool, header.digest if rows else None, check)
            check = None  # the deferred checks own it now
        elif check is not None and not check.ok():
            raise GenerationDamaged("integrity_check")
        progress(check_phase, 1, 1)
    except GenerationDamaged:
        conn.close()
        raise
    except (sqlite3.Error, KeyError, ValueError, TypeError) as error:
        conn.close()
        raise GenerationDamaged(f"sqlite: {type(error).__name__}") from None
    finally:
        if check is not None:
            check.ok()  # never leave the thread reading a file about to be removed
    return conn, header


def open_generation(
    path: Path,
    number: int,
    identity: pyrage.x25519.Identity,
    *,
    vault_id: str | None,
    set_id: str | None = None,
    untagged: bool = True,
    progress: Progress = no_progress,
    phases: tuple[str, str] = ("backup.phase.verify", "backup.phase.check"),
    spool: Path | None = None,
    deferred: Deferred | None = None,
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
            set_id=set_id,
            untagged=untagged,
            progress=progress,
            check_phase=phases[1],
            spool=spool,
            deferred=deferred,
        )
    finally:
        os.close(fd)


# -- manifest ------------------------------------------------------------------------


@dataclass
class Manifest:
    """Plain, advisory bookkeeping: the files and the keyring are the truth.

    Readable without any key (dates, sizes, checks, for `dentelle backups`); tagged
    under the integrity key, so that with the key at hand an edited one is ignored
    (`read_manifest(..., key)`). `authenticated` says its tag checked; a format-1
    manifest has no set id and no tag.
    """

    vault_id: str
    last_number: int = 0
    generations: dict[int, dict] = field(default_factory=dict)
    # How many people the vault had forgotten at the last backup: shown, and kept for
    # older readers; the warning uses what the vault itself recorded (`listing`).
    erasures: int = 0
    set_id: str | None = None
    authenticated: bool = False

    def to_bytes(self, key: bytes | None = None) -> bytes:
        """Format 2, tagged, when the set has an id and the key is at hand; else 1."""
        document = {
            "format": LEGACY_SET_FORMAT,
            "vault_id": self.vault_id,
            "last_number": self.last_number,
            "erasures": self.erasures,
            "generations": [{"number": n, **info} for n, info in sorted(self.generations.items())],
        }
        if key is not None and self.set_id is not None:
            document.update(format=SET_FORMAT, set_id=self.set_id)
            document = tag_document(key, MANIFEST_LABEL, document)
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_manifest(set_dir: Path, key: bytes | None = None) -> Manifest | None:
    """None when missing or unreadable (the generations and keyring still speak), or,
    with the integrity key given, when it is of format 2 and its tag does not check."""
    try:
        raw = json.loads((set_dir / MANIFEST_FILE).read_bytes().decode("utf-8"))
        fmt = raw.get("format")
        if fmt not in (SET_FORMAT, LEGACY_SET_FORMAT):
            return None
        authenticated = False
        if fmt == SET_FORMAT and key is not None:
            if not document_ok(key, MANIFEST_LABEL, raw):
                return None
            authenticated = True
        generations = {
            int(g["number"]): {k: v for k, v in g.items() if k != "number"}
            for g in raw.get("generations", [])
        }
        return Manifest(
            vault_id=str(raw["vault_id"]),
            last_number=int(raw.get("last_number", 0)),
            generations=generations,
            erasures=int(raw.get("erasures", 0)),
            set_id=str(raw["set_id"]) if fmt == SET_FORMAT else None,
            authenticated=authenticated,
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
