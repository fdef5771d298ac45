"""The schema: created for a new vault, brought up to date when an older one opens.

The version is in `PRAGMA user_version`. Version 1 is the first vault; version 2 adds
the worker's practice journal (sealed under a key of its own, age-wrapped to the master
recipient) and each person's record of consultations.
"""

from __future__ import annotations

import base64

import pyrage
import sqlite_utils

from journal import crypto
from journal.errors import VaultDamaged
from journal.store.sealing import sqlite_errors

SCHEMA_VERSION = 4


def create_schema(db: sqlite_utils.Database, recipient: pyrage.x25519.Recipient) -> None:
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
                {"key": "recipient", "value": str(recipient)},
            ]
        )
        db.execute("PRAGMA user_version=1")
    migrate(db)


def migrate(db: sqlite_utils.Database) -> None:
    """Bring an older database up to `SCHEMA_VERSION`, one step at a time, atomically."""
    with sqlite_errors():
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise VaultDamaged("store.db_damaged", reason=f"schema {version} is newer")
        if version < 2:
            with db.atomic():
                db["practice"].create({"id": str, "sealed": bytes}, pk="id", if_not_exists=True)
                db["consultations"].create(
                    {"id": str, "person_id": str, "sealed": bytes}, pk="id", if_not_exists=True
                )
                db["consultations"].create_index(["person_id"], if_not_exists=True)
                recipient = db.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
                wrapped = crypto.age_encrypt(
                    crypto.new_data_key(), [crypto.recipient_from_str(recipient[0])]
                )
                db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('practice_key', ?)",
                    [base64.b64encode(wrapped).decode("ascii")],
                )
                db.execute("PRAGMA user_version=2")
        if version < 4:
            with db.atomic():
                db["colleagues"].create({"id": str, "sealed": bytes}, pk="id", if_not_exists=True)
                recipient = db.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
                wrapped = crypto.age_encrypt(
                    crypto.new_data_key(), [crypto.recipient_from_str(recipient[0])]
                )
                db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('handover_key', ?)",
                    [base64.b64encode(wrapped).decode("ascii")],
                )
                db.execute("PRAGMA user_version=4")
