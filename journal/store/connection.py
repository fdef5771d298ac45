"""The open database: its connection, the vault's lock, and the guard that closing waits on.

The connection (`_db`) is private to `journal.store`: everything else goes through the
journal's methods, which is what lets `close` know when no one is using it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Self, TypeVar, cast

import pyrage

from journal.errors import DentelleError, VaultBusy
from journal.store import strings  # noqa: F401  (registers the messages)
from journal.store.sealing import KeyCache, sqlite_errors

try:  # flock is POSIX; elsewhere the vault simply is not guarded against a second process
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

Method = TypeVar("Method", bound=Callable[..., Any])


def serialized(method: Method) -> Method:
    """Run a journal method with `_closing` held, refusing once the journal is closed.

    The app reads the journal from worker threads while a lock or the end of the app
    may close it. Closing an SQLite connection while another thread steps a statement
    on it crashed the whole process; with every method holding `_closing` (an RLock,
    which `close` takes too), a close waits for the reading under way to end, and a
    reading that comes after it gets a clear `DentelleError("store.closed")`.
    """

    @functools.wraps(method)
    def guarded(self: JournalBase, *args: object, **kwargs: object) -> object:
        with self._closing:
            if self._identity is None:
                raise DentelleError("store.closed")
            return method(self, *args, **kwargs)

    return cast(Method, guarded)


_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


class Database:
    """The journal's connection, with what the store uses of `sqlite_utils.Database`
    (`execute`, `atomic`) and its transaction rules, without importing sqlite_utils,
    which costs a command ~0.1 s: a write outside a transaction is committed at once, a
    failed one rolled back; `atomic` is a transaction, or a savepoint inside one.

    `db[table]` (creating tables: a new vault, a migration step) hands over to
    sqlite_utils, imported then, on the same connection and with no plugin: none is
    given the journal's connection.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._tables: Any = None

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is not None:
                cursor = self.conn.execute(sql, parameters)
            else:
                cursor = self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and sql.lstrip().split(None, 1)[0].upper() not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            savepoint = f"dentelle_{os.urandom(8).hex()}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def __getitem__(self, table: str) -> Any:
        if self._tables is None:
            import sqlite_utils

            self._tables = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._tables[table]

    def close(self) -> None:
        self.conn.close()


def connect(database_file: Path) -> Database:
    with sqlite_errors():
        conn = sqlite3.connect(str(database_file), timeout=5, check_same_thread=False)
        db = Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA secure_delete=ON")
        return db


def acquire_lock(lock_file: Path) -> int | None:
    if fcntl is None:
        return None
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise VaultBusy("store.busy") from None
    return fd


def release_lock(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


class JournalBase:
    """The state every part of `Journal` shares: connection, lock, identity, keys, clock."""

    def __init__(
        self,
        db: Database,
        identity: pyrage.x25519.Identity,
        lock_fd: int | None,
        clock: Callable[[], datetime],
        path: Path,
    ) -> None:
        self._db = db
        self.path = path
        self._identity: pyrage.x25519.Identity | None = identity
        self._lock_fd = lock_fd
        self.keys = KeyCache()
        self._closing = threading.RLock()
        self.clock = clock
        # For `_reader`: found now, so that a worker thread never needs `_db` to open one.
        self._database_file = next(
            row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"
        )

    @property
    def is_open(self) -> bool:
        return self._identity is not None

    def close(self) -> None:
        """Drop every key from memory, checkpoint the WAL and release the lock."""
        with self._closing:
            if self._identity is None:
                return
            self.keys.clear()
            self._identity = None
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()
            release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def identity(self) -> pyrage.x25519.Identity:
        if self._identity is None:
            raise RuntimeError("journal is closed")
        return self._identity

    @property
    def vault_id(self) -> str:
        return self.meta("vault_id") or ""

    @serialized
    def meta(self, key: str) -> str | None:
        with sqlite_errors():
            row = self._db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return row[0] if row else None

    @serialized
    def set_meta(self, key: str, value: str) -> None:
        """Record a non-personal fact about the vault (e.g. when it was last backed up)."""
        with sqlite_errors(), self._db.atomic():
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the changes of the block one transaction: all of them are saved, or none.

        For writing many records at once (the demo, the benchmarks' vaults): one commit,
        one sync to disk, instead of one for each record.
        """
        with self._closing:
            if self._identity is None:
                raise DentelleError("store.closed")
            with sqlite_errors(), self._db.atomic():
                yield

    @serialized
    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it (secure_delete zeroes pages)."""
        with sqlite_errors():
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def read_recipient(database_file: Path) -> str | None:
    """The vault's master recipient (public), read without writing anything: no lock,
    no WAL or shared-memory file (`immutable`). For the unlock agent, which must never
    hand out an identity the vault no longer has (after a rekey). None if unreadable."""
    uri = Path(database_file).absolute().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None
