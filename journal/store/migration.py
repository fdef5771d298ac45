"""The schema: created for a new vault, brought up to date when an older one opens.

The version is in `PRAGMA user_version`. Version 1 is the first vault; version 2 adds
the worker's practice journal (sealed under a key of its own, age-wrapped to the master
recipient) and each person's record of consultations; version 3 adds the integrity tags
(`journal.store.integrity`), computed under the master identity, which is why migrating
needs it; version 4 the worker's colleagues (handover); version 5 the `erased` table,
the tombstones of deleted entries and erased versions (`journal.store.erasure`), which a
restore of an older backup re-applies. Version 6 adds each person's sealed word index
(`journal.store.wordindex`), left empty: it is built from the notes at the first search.

`SCHEMA` declares every table and index of the latest version, in one list: opening
refuses a file holding anything else (`journal.store.integrity.check_schema`). A new
schema step adds its tables and indexes at the end of that list.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage

from journal import crypto
from journal.errors import VaultDamaged
from journal.store.connection import Database
from journal.store.integrity import HANDOVER_KEY, meta_tag, rebuild
from journal.store.sealing import sqlite_errors

SCHEMA_VERSION = 6


@dataclass(frozen=True)
class Table:
    """A table as Dentelle creates it: its columns in order, and its own indexes."""

    name: str
    columns: tuple[str, ...]
    indexes: tuple[str, ...] = ()


# Every object of the latest schema (SQLite's own `sqlite_autoindex_…` aside). No view,
# no trigger: Dentelle creates none, so any one found was planted.
SCHEMA: tuple[Table, ...] = (
    Table("meta", ("key", "value")),
    Table("people", ("id", "wrapped_key", "sealed", "summary")),
    Table("entries", ("id", "person_id", "version_id", "sealed"), ("idx_entries_person_id",)),
    Table(
        "revisions",
        ("version_id", "entry_id", "person_id", "seq", "sealed"),
        ("idx_revisions_entry_id",),
    ),
    Table("drafts", ("id", "person_id", "sealed")),
    Table("tombstones", ("person_id", "forgotten_on")),
    Table("practice", ("id", "sealed")),  # schema 2
    Table("consultations", ("id", "person_id", "sealed"), ("idx_consultations_person_id",)),
    Table("integrity", ("kind", "id", "person_id", "tag"), ("idx_integrity_person_id",)),  # 3
    Table("colleagues", ("id", "sealed")),  # 4
    Table("erased", ("id", "kind", "erased_on")),  # 5
    Table("word_index", ("person_id", "sealed")),  # 6
)


def create_schema(db: Database, identity: pyrage.x25519.Identity) -> None:
    """The tables of a new vault, at the latest version."""
    with sqlite_errors(), db.atomic():
        db["meta"].create({"key": str, "value": str}, pk="key")
        db["people"].create(
            {"id": str, "wrapped_key": bytes, "sealed": bytes, "summary": bytes},
            pk="id",
        )
        db["entries"].create(
            {"id": str, "person_id": str, "version_id": str, "sealed": bytes}, pk="id"
        )
        db["entries"].create_index(["person_id"])
        db["revisions"].create(
            {
                "version_id": str,
                "entry_id": str,
                "person_id": str,
                "seq": int,
                "sealed": bytes,
            },
            pk="version_id",
        )
        db["revisions"].create_index(["entry_id"])
        db["drafts"].create({"id": str, "person_id": str, "sealed": bytes}, pk="id")
        db["tombstones"].create({"person_id": str, "forgotten_on": str}, pk="person_id")
        db["meta"].insert_all(
            [
                {"key": "vault_id", "value": crypto.new_id()},
                {"key": "format", "value": "dentelle-1"},
                {"key": "recipient", "value": str(identity.to_public())},
            ]
        )
        db.execute("PRAGMA user_version=1")
    migrate(db, identity)


def schema_version(db: Database) -> int:
    with sqlite_errors():
        return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database, identity: pyrage.x25519.Identity) -> None:
    """Bring an older database up to `SCHEMA_VERSION`, one step at a time, atomically."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise VaultDamaged("store.db_damaged", reason=f"schema {version} is newer")
    with sqlite_errors():
        if version < 2:
            with db.atomic():
                db["practice"].create({"id": str, "sealed": bytes}, pk="id", if_not_exists=True)
                db["consultations"].create(
                    {"id": str, "person_id": str, "sealed": bytes}, pk="id", if_not_exists=True
                )
                db["consultations"].create_index(["person_id"], if_not_exists=True)
                _new_own_key(db, "practice_key")
                db.execute("PRAGMA user_version=2")
        if version < 3:
            # What an older vault holds cannot be told genuine or not (nothing in it was
            # authenticated): its contents become the reference, under this identity.
            with db.atomic():
                db["integrity"].create(
                    {"kind": str, "id": str, "person_id": str, "tag": bytes},
                    pk=("kind", "id"),
                    if_not_exists=True,
                )
                db["integrity"].create_index(["person_id"], if_not_exists=True)
                rebuild(db, crypto.integrity_key(identity))
                db.execute("PRAGMA user_version=3")
        if version < 4:
            with db.atomic():
                db["colleagues"].create({"id": str, "sealed": bytes}, pk="id", if_not_exists=True)
                _new_own_key(db, HANDOVER_KEY)
                # Tagged like the practice key: whoever holds it decides which cards count.
                value = db.execute("SELECT value FROM meta WHERE key='handover_key'").fetchone()
                tag = meta_tag(crypto.integrity_key(identity), HANDOVER_KEY, value[0])
                db.execute(
                    "INSERT OR REPLACE INTO integrity (kind, id, person_id, tag) "
                    "VALUES (?, '', NULL, ?)",
                    [HANDOVER_KEY, tag],
                )
                db.execute("PRAGMA user_version=4")
        if version < 5:
            # Ids and a day only: what a restore of an older backup must delete again.
            with db.atomic():
                db.execute(
                    "CREATE TABLE IF NOT EXISTS erased "
                    "(id TEXT PRIMARY KEY, kind TEXT NOT NULL, erased_on TEXT NOT NULL)"
                )
                db.execute("PRAGMA user_version=5")
        if version < 6:
            # Each person's sealed word index (journal.store.wordindex): empty here, built
            # from the notes at the first search (in a worker in the app).
            with db.atomic():
                db["word_index"].create(
                    {"person_id": str, "sealed": bytes}, pk="person_id", if_not_exists=True
                )
                db.execute("PRAGMA user_version=6")


def _new_own_key(db: Database, name: str) -> None:
    """A new 256-bit key in `meta.<name>`, age-wrapped to the master recipient (kept if
    one is there already: a step run twice changes nothing)."""
    recipient = db.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
    wrapped = crypto.age_encrypt(crypto.new_data_key(), [crypto.recipient_from_str(recipient[0])])
    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [name, base64.b64encode(wrapped).decode("ascii")],
    )


def _shown(name: str) -> str:
    """An object name from the file, safe to print (it was written by someone else)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "?", name)[:40]


def _sqlites_own(kind: str, name: str, table: str, sql: str | None, tables: dict) -> bool:
    """SQLite's own objects: a primary key's index, its statistics and sequence tables.

    Matched exactly: `writable_schema` lets a writer give a trigger one of these names.
    """
    if kind == "index":
        return sql is None and table in tables and name.startswith(f"sqlite_autoindex_{table}_")
    return kind == "table" and name == table and name in SQLITE_TABLES


SQLITE_TABLES = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")


def check_schema(db: Database, path: Path) -> None:
    """Refuse a file holding a table, column, index, view or trigger Dentelle never made.

    Before a migration the file may lack what later versions add; at the latest version
    it must hold exactly `SCHEMA`. Runs before anything is written.
    """
    tables = {table.name: table for table in SCHEMA}
    indexes = {index: table.name for table in SCHEMA for index in table.indexes}
    with sqlite_errors():
        objects = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        unknown, found = [], set()
        for kind, name, table, sql in objects:
            found.add(name)
            if kind == "table" and name in tables:
                columns = tuple(row[1] for row in db.execute(f'PRAGMA table_info("{name}")'))
                if columns != tables[name].columns:
                    unknown.append(f"table {_shown(name)} ({', '.join(map(_shown, columns))})")
            elif not (
                (kind == "index" and indexes.get(name) == table)
                or _sqlites_own(kind, name, table, sql, tables)
            ):
                unknown.append(f"{kind} {_shown(name)}")
        if unknown:
            raise VaultDamaged("store.changed_outside", path=str(path), what=", ".join(unknown))
        if schema_version(db) == SCHEMA_VERSION:
            missing = [name for name in (*tables, *indexes) if name not in found]
            if missing:
                raise VaultDamaged("store.schema_missing", path=str(path), what=", ".join(missing))
