"""A consistent copy of the database, in memory or a private file, for backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from journal.fsutil import touch_private
from journal.layout import DATABASE_FILE
from journal.store.connection import JournalBase, serialized
from journal.store.sealing import sqlite_errors


class Snapshots(JournalBase):
    @serialized
    def snapshot(self, into: Path | None = None) -> sqlite3.Connection:
        """A consistent copy of the whole database (SQLite online backup API).

        Read on a connection of its own and without touching the journal's, so a backup
        can run in a thread worker while the app's connection keeps writing. In memory,
        or, with `into`, in that file (the backup's, in bounded memory): it holds what
        the vault's own file holds (ids and ciphertext), so `into` belongs in the vault's
        folder, private; it is left in rollback-journal mode, without a WAL beside it.
        """
        with sqlite_errors():
            source = sqlite3.connect(self.path / DATABASE_FILE, timeout=5)
            try:
                if into is None:
                    copy = sqlite3.connect(":memory:", check_same_thread=False)
                else:
                    touch_private(into)
                    copy = sqlite3.connect(into, check_same_thread=False)
                    # A scratch copy, removed after the backup: waiting for the disk
                    # at each step of the copy bought nothing (1.6 s → 0.7 s at 770 MB).
                    copy.execute("PRAGMA synchronous=OFF")
                source.backup(copy)
                if into is not None:
                    copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                source.close()
        return copy
