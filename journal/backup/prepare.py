"""What a new generation holds, and the keyring that covers it (used by `write`).

`prepare` takes the person keys, tombstones and erased entries out of a snapshot and
binds it to its set (header with set id, content digest and tag); `find_numbering` finds
where the set stands from authenticated content only (the keyring, else the tagged
manifest, else — a set written before authentication — its files, once);
`next_keyring` is the keyring written before the generation: a superset of what every
kept generation needs, without the forgotten.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.io import GenerationDamaged
from journal.backup.keyring import Keyring
from journal.backup.pending import PendingHeader
from journal.backup.sets import (
    GenerationHeader,
    Manifest,
    open_generation,
    reserve_header,
    table_counts,
)
from journal.store import PERSON_KEYS_META

try:
    import fcntl
except ImportError:  # not on this system: leftovers are not swept
    fcntl = None  # type: ignore[assignment]

IMAGE_PREFIX, IMAGE_SUFFIX = ".backup-", ".tmp"


@dataclass
class Numbering:
    """Where the set stands, from authenticated content only (see `find_numbering`).

    `trust_keyring` is False when the old keyring must not be carried forward (a keyring
    of the old format on a set that has signed content: put back by someone).
    `rekeyed` are the generations written under an earlier master identity (`dentelle
    rekey`): kept and counted, opened only by that identity with the retired keys of
    `journal.backup.rekeyed`. `after_rekey` is True on the first backup after a rekey
    (the set holds nothing this identity signed, and its keyring is another master's):
    its key files are retired before the new ones are written.
    """

    set_id: str
    last_number: int
    covered: set[int]
    legacy: list[int]
    trust_keyring: bool = True
    rekeyed: list[int] = field(default_factory=list)
    after_rekey: bool = False


def find_numbering(
    keyring: Keyring | None,
    manifest: Manifest | None,
    existing: dict[int, Path],
    identity: pyrage.x25519.Identity,
    vault_id: str,
    *,
    other_master: bool = False,
    retired: list[int] | None = None,
) -> Numbering:
    """The set id, the last number and the generations the set knows, from the keyring.

    An authenticated keyring says it all. Without one (damaged, or written by someone
    else), an authenticated manifest gives the set id and numbers; failing that, the
    newest generation whose tag checks. A set with none of these whose keyring is
    age-encrypted to another master (`other_master`) is met for the first time after a
    rekey: a new set id, signed from now on under this identity, numbers going on past
    every generation and retired keyring bound (`retired`) on it, its generations
    `rekeyed`. Only a set with none of these is of format 1 (before authentication): it
    is taken as its files say, once, and its generations are listed as `legacy` in the
    new keyring, the only ones accepted without a tag.
    """
    if keyring is not None and keyring.authenticated and keyring.set_id:
        covered = set(keyring.generations) | set(keyring.legacy) | set(keyring.rekeyed)
        last = keyring.last_number
        committed = manifest.last_number if manifest and manifest.authenticated else None
        if last not in existing and committed == last - 1:
            # The keyring is written before its generation, the signed manifest after:
            # that generation never landed (a full or pulled key), so its number is free
            # again rather than skipped. A generation removed later keeps its number.
            last -= 1
        rekeyed = list(keyring.rekeyed)
        return Numbering(keyring.set_id, last, covered, list(keyring.legacy), rekeyed=rekeyed)
    if manifest is not None and manifest.authenticated and manifest.set_id:
        covered = set(manifest.generations)
        # The signed manifest records each generation's master: another one's came
        # before a rekey (the keyring that said so is gone, put back or damaged).
        recipient = str(identity.to_public())
        rekeyed = sorted(
            n
            for n, g in manifest.generations.items()
            if g.get("recipient") not in (None, recipient)
        )
        return Numbering(manifest.set_id, manifest.last_number, covered, [], False, rekeyed)
    genuine = newest_genuine(existing, identity, vault_id)
    if genuine is not None:
        set_id, number = genuine
        return Numbering(set_id, number, {n for n in existing if n <= number}, [], False)
    if other_master and existing:
        last = max([*existing, *(retired or [])])
        earlier = sorted(existing)
        return Numbering(crypto.new_id(), last, set(earlier), [], rekeyed=earlier, after_rekey=True)
    legacy = sorted(existing)
    known = set(keyring.generations) if keyring is not None else set()
    last = max([*existing, *known], default=0)
    return Numbering(crypto.new_id(), last, set(legacy), legacy)


def newest_genuine(
    existing: dict[int, Path], identity: pyrage.x25519.Identity, vault_id: str
) -> tuple[str, int] | None:
    """The set id and number of the newest generation whose tag checks, if any.

    Reached only when neither keyring nor manifest can be trusted, or on the one backup
    that upgrades a set of format 1 (which then reads each of its generations once).
    """
    for number in sorted(existing, reverse=True):
        try:
            conn, header = open_generation(existing[number], number, identity, vault_id=vault_id)
        except (GenerationDamaged, OSError):
            continue
        conn.close()
        if header.authenticated and header.set_id:
            return header.set_id, number
    return None


def next_keyring(
    old: Keyring | None,
    vault_id: str,
    numbering: Numbering,
    snapshot: Snapshot,
    number: int,
    kept: list[int],
) -> Keyring:
    """Keys for the vault's people and for people of kept generations; none for the forgotten.

    A person absent from the vault but present in a kept generation (the vault was
    restored from an older one, say) keeps their key: only a tombstone removes it.
    Tombstones and erased entries are the union of the old keyring's and the vault's.
    """
    all_tombstones = {**(old.tombstones if old else {}), **snapshot.tombstones}
    erased = {**(old.erased if old else {}), **snapshot.erased}
    generations = {n: ids for n, ids in (old.generations if old else {}).items() if n in kept}
    generations[number] = sorted(snapshot.wrapped)
    keys = dict(snapshot.wrapped)
    secrets = {**(old.secrets if old else {}), **snapshot.secrets}
    if old is not None:
        # Generations from before a rekey hold no key of this keyring (theirs are retired).
        unknown = any(n not in generations and n not in numbering.rekeyed for n in kept)
        needed = {pid for ids in generations.values() for pid in ids}
        for pid, key in old.keys.items():
            if pid not in keys and (unknown or pid in needed):
                keys[pid] = key
    for pid in all_tombstones:
        keys.pop(pid, None)
    return Keyring(
        vault_id,
        keys,
        all_tombstones,
        generations,
        set_id=numbering.set_id,
        last_number=number,
        erased=erased,
        legacy=[n for n in numbering.legacy if n in kept],
        rekeyed=[n for n in numbering.rekeyed if n in kept],
        secrets={pid: secret for pid, secret in secrets.items() if pid in keys},
    )


@dataclass
class Snapshot:
    """What `prepare` took out of the snapshot (never written to a generation), and the
    file holding the generation's image (`image`, `size` bytes) in the vault's folder."""

    image: Path
    size: int
    wrapped: dict[str, bytes]
    tombstones: dict[str, str]
    erased: dict[str, tuple[str, str]]
    counts: dict[str, int]
    pending: PendingHeader | None = None
    secrets: dict[str, bytes] = field(default_factory=dict)  # of `wrapped`, where known


def prepare(
    conn: sqlite3.Connection, image: Path, header: GenerationHeader, key: bytes
) -> Snapshot:
    """The snapshot `conn` (open on the file `image`) with person keys taken out and
    bound to its set; `conn` is closed. The file holds what the vault's file holds, less
    the person keys (secure_delete zeroes their bytes): it stays in the vault's folder."""
    try:
        wrapped = {pid: bytes(k) for pid, k in conn.execute("SELECT id, wrapped_key FROM people")}
        tombstones = dict(conn.execute("SELECT person_id, forgotten_on FROM tombstones"))
        erased = read_erased(conn)
        # The header's pages at the end of the file: the encryption reaches them last, by
        # when its digest is known (`journal.backup.pending`).
        reserve_header(conn)
        # secure_delete zeroes the bytes the shorter cells leave behind in each page.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("UPDATE people SET wrapped_key=NULL")
        # The vault's index of person keys holds the same keys: never in a generation.
        conn.execute("DELETE FROM meta WHERE key=?", [PERSON_KEYS_META])
        conn.commit()
        counts = table_counts(conn)
        header = GenerationHeader(
            header.vault_id, header.number, header.created, counts, set_id=header.set_id
        )
        # Its digest and tag are completed while the image is encrypted (`pending`).
        pending = PendingHeader(conn, image, header, key)
    finally:
        conn.close()
    return Snapshot(image, image.stat().st_size, wrapped, tombstones, erased, counts, pending)


def read_erased(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Deleted entries and erased versions of a vault or generation (none before the
    `erased` table existed)."""
    try:
        rows = conn.execute("SELECT id, kind, erased_on FROM erased").fetchall()
    except sqlite3.OperationalError:
        return {}
    return {item: (kind, day) for item, kind, day in rows}


class ImageFile:
    """A new private file in the vault's folder for a generation's image (`path`), held
    under an exclusive lock until `remove`. An image left by a backup that was killed
    (no lock on it any more) is removed first: it holds what the vault holds, minus the
    person keys, and has no use after its backup."""

    def __init__(self, vault_path: Path) -> None:
        if fcntl is not None:
            for leftover in vault_path.glob(f"{IMAGE_PREFIX}*{IMAGE_SUFFIX}"):
                _remove_unless_held(leftover)
        fd, name = tempfile.mkstemp(prefix=IMAGE_PREFIX, suffix=IMAGE_SUFFIX, dir=vault_path)
        self.path = Path(name)
        self._fd = fd
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self._fd)


def _remove_unless_held(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a running backup holds its own
        os.unlink(path)
    except OSError:
        pass
    finally:
        os.close(fd)
