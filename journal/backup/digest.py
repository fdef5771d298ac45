"""The digest of every row that generations written before the image digest carry.

Since issue 15 a generation's tag covers the digest of its bytes (`journal.backup.blocks`,
kind `3:`). Generations written before carry a digest of their rows, still checked when
they are read: a header seen once in plaintext (a generation decrypted by hand, say)
cannot be put on other rows. Two kinds exist, named by a prefix:

- `2:` (issue 15): SQLite encodes each row (a frame of types and byte lengths, then the
  values) and joins a batch of rows, in rowid order, into one value; Python only feeds
  those to SHA-256. A sealed value is hashed by its nonce and Poly1305 tag
  (`SEALED_COLUMNS`), which name it: no one without the key that sealed it can make
  another ciphertext with the same nonce and tag. A backup still writes it when its
  header cannot be completed in place (`journal.backup.pending`).
- no prefix: the first kind, every value of every row fed to SHA-256 by Python, typed
  and length-prefixed. Generations written before issue 15 carry it; it is still read.

Rows are read in rowid order (the image is copied byte for byte, so rowids do not
change between writing and reading back); a table without rowids, should a later
schema add one, is hashed row by row and its row hashes sorted. `Deferred` runs the
checks a restore leaves in threads: this digest, and SQLite's integrity check.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

from journal import crypto
from journal.backup.io import GenerationDamaged, IntegrityCheck
from journal.store.resealing import SEALED

DIGEST_KIND = "2:"
SEALED_COLUMNS = frozenset((s.table, s.column) for s in SEALED)
_SEAL_HEAD, _SEAL_TAIL = crypto.NONCE_SIZE, 16  # ChaCha20-Poly1305's nonce and tag
# Rows joined per query: an ORDER BY in the subquery of an aggregate is kept (SQLite
# never flattens such a query), so `group_concat` sees them in rowid order.
_BATCH = 4096
HEADER_TABLE = "backup_generation"


def quoted(name: str) -> str:
    """A table or column name as an SQL identifier: the names come from the file read,
    which is not trusted before its digest is checked."""
    return '"' + name.replace('"', '""') + '"'


def table_names(conn: sqlite3.Connection) -> list[str]:
    """Every table but SQLite's own and the generation's header, by name."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if row[0] != HEADER_TABLE
    ]


def _feed(digest: hashlib._Hash, row: tuple) -> None:
    """One row into a digest of the first kind, each value typed and length-prefixed."""
    for value in row:
        if value is None:
            digest.update(b"\0\0\0\0\0\0\0\1n")
            continue
        if isinstance(value, bytes):
            kind, data = b"b", value
        elif isinstance(value, str):
            kind, data = b"s", value.encode("utf-8", "surrogatepass")
        else:
            kind, data = b"v", repr(value).encode("ascii")
        digest.update((len(data) + 1).to_bytes(8, "big") + kind)
        digest.update(data)


def _row_encoding(conn: sqlite3.Connection, table: str) -> str:
    """One SQL expression giving a row as bytes: its frame, each column's type and
    length in bytes (`text16,blob2048,null0`), then ':', then what is hashed of its
    values, end to end. With the frame, no two rows of a table share an encoding.
    A REAL would be hashed as SQLite's own text for it (Dentelle stores none)."""
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({quoted(table)})")]
    frames, values = [], []
    for column in columns:
        name = quoted(column)
        raw = f"CAST({name} AS BLOB)"
        frames.append(f"typeof({name}) || ifnull(length({raw}), 0)")
        if (table, column) in SEALED_COLUMNS:
            raw = f"substr({raw}, 1, {_SEAL_HEAD}) || substr({raw}, -{_SEAL_TAIL})"
        values.append(f"ifnull({raw}, X'')")
    frame = " || ',' || ".join(frames) or "''"
    return f"{frame} || ':' || {' || '.join(values) or repr('')}"


def _table_digest(conn: sqlite3.Connection, name: str, encoding: str) -> bytes:
    factory = conn.text_factory
    conn.text_factory = bytes  # the rows' encodings hold any bytes, not only UTF-8
    try:
        return _batches_digest(conn, name, encoding)
    finally:
        conn.text_factory = factory


def _batches_digest(conn: sqlite3.Connection, name: str, encoding: str) -> bytes:
    table = hashlib.sha256()
    batch = (
        f"SELECT group_concat(row, ''), max(r), count(*) FROM (SELECT rowid AS r, "
        f"{encoding} AS row FROM {quoted(name)} WHERE rowid > ? ORDER BY rowid LIMIT {_BATCH})"
    )
    try:
        conn.execute(f"SELECT rowid FROM {quoted(name)} LIMIT 0")
    except sqlite3.OperationalError:  # a table without rowid: row hashes, sorted
        hashes = sorted(
            hashlib.sha256(row).digest()
            for (row,) in conn.execute(f"SELECT {encoding} FROM {quoted(name)}")
        )
        table.update(b"".join(hashes))
        return table.digest()
    last = -(2**63)
    while True:
        rows, highest, count = conn.execute(batch, [last]).fetchone()
        if not count:
            return table.digest()
        if highest is None or highest <= last:
            # Only a damaged file gives rowids that do not go up: never loop on it.
            raise sqlite3.DatabaseError(f"rowids out of order in {name}")
        last = highest
        table.update(rows)


def content_digest(conn: sqlite3.Connection) -> str:
    """SHA-256 over every row of every table but the header, of the current kind.

    One thread: hashing tables two at a time, each on a connection of its own, was
    slower (SQLite's allocator takes one lock for all connections).
    """
    total = hashlib.sha256()
    for name in table_names(conn):
        digest = _table_digest(conn, name, _row_encoding(conn, name))
        total.update(name.encode("utf-8") + b"\0" + digest)
    return DIGEST_KIND + total.hexdigest()


def _first_digest(conn: sqlite3.Connection) -> str:
    """The digest of generations written before issue 15 (bare hex, no kind)."""
    total = hashlib.sha256()
    for name in table_names(conn):
        table = hashlib.sha256()
        try:
            for row in conn.execute(f"SELECT * FROM {quoted(name)} ORDER BY rowid"):
                _feed(table, row)
        except sqlite3.OperationalError:
            table = hashlib.sha256()
            hashes = []
            for row in conn.execute(f"SELECT * FROM {quoted(name)}"):
                one = hashlib.sha256()
                _feed(one, row)
                hashes.append(one.digest())
            for one_hash in sorted(hashes):
                table.update(one_hash)
        total.update(name.encode("utf-8") + b"\0" + table.digest())
    return total.hexdigest()


def digest_matches(conn: sqlite3.Connection, recorded: str) -> bool:
    """Whether `recorded` (a header's digest, of either kind) is the digest of `conn`."""
    if recorded.startswith(DIGEST_KIND):
        return content_digest(conn) == recorded
    return _first_digest(conn) == recorded


class Deferred:
    """The slow checks of a generation decrypted into a file, its digest and SQLite's
    integrity check, running in threads (SQLite works without the GIL) while the caller
    reads the file: a restore checks every note meanwhile. `confirm` waits for them and
    raises `GenerationDamaged`; nothing may write to the file before."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._check: IntegrityCheck | None = None
        self._failure: str | None = None

    def start(self, path: Path, digest: str | None, check: IntegrityCheck) -> None:
        self._check = check
        if digest is not None:
            self._thread = threading.Thread(
                target=self._digest, args=(path, digest), name="dentelle-digest"
            )
            self._thread.start()

    def _digest(self, path: Path, recorded: str) -> None:
        # Fails closed: only a digest computed and equal clears the failure.
        self._failure = "digest not checked"
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                matches = digest_matches(conn, recorded)
            finally:
                conn.close()
        except Exception as error:  # a thread's end: reported by `confirm`, never printed
            self._failure = f"digest: {type(error).__name__}"
            return
        self._failure = None if matches else "digest"

    def confirm(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self._check is not None and not self._check.ok():
            self._failure = self._failure or "integrity_check"
        if self._failure is not None:
            raise GenerationDamaged(self._failure)
