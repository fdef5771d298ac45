"""A consistent copy of the database in memory, for backups (`journal.backup`)."""

from __future__ import annotations

import sqlite3

from journal.layout import DATABASE_FILE
from journal.store.connection import JournalBase, serialized
from journal.store.sealing import sqlite_errors


class Snapshots(JournalBase):
    @serialized
    def snapshot(self) -> sqlite3.Connection:
        """A consistent copy of the whole database in memory (SQLite online backup API).

        Read on a connection of its own and without touching the journal's, so a backup
        can run in a thread worker while the app's connection keeps writing; the copy is
        never written to disk (it holds what the file holds: ids and ciphertext).
        """
        with sqlite_errors():
            source = sqlite3.connect(self.path / DATABASE_FILE, timeout=5)
            try:
                copy = sqlite3.connect(":memory:", check_same_thread=False)
                source.backup(copy)
            finally:
                source.close()
        return copy
