"""Forgetting a person for good, removing one added by mistake, and remembering both.

Erasure deletes the person's key and every row of theirs; a tombstone (the random id
and the day, nothing else) stays so that restoring an older backup erases them again.
VACUUM then rewrites the file so that no free page keeps their ciphertext, and the index
of keys is rewritten without their key.

Deleted entries and erased earlier versions leave a tombstone too, in the `erased`
table (`id`, `kind` — "entry" or "version" —, `erased_on`): random ids and a day, so
that a restore of a backup made before the deletion deletes them again. The table is
schema step 5 (`journal.store.migration`); backup generations written before it lack
it (`journal.backup.prepare.read_erased` reads none there).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from journal.errors import DentelleError
from journal.store.connection import serialized
from journal.store.keys import PersonKeys
from journal.store.sealing import sqlite_errors

if TYPE_CHECKING:
    import sqlite_utils  # only its type: opening a vault does not import it (start-up time)

ERASED_TABLE = "erased"
ERASED_ENTRY = "entry"
ERASED_VERSION = "version"


def record_erased(db: sqlite_utils.Database, kind: str, ids: list[str], day: str) -> None:
    """Remember deleted entries or erased versions (inside the caller's transaction)."""
    for item in ids:
        db.execute(
            f"INSERT OR IGNORE INTO {ERASED_TABLE} (id, kind, erased_on) VALUES (?, ?, ?)",
            [item, kind, day],
        )


class Erasure(PersonKeys):
    @serialized
    def erased(self) -> dict[str, tuple[str, str]]:
        """Deleted entries and erased versions: id -> (kind, day)."""
        with sqlite_errors():
            rows = self._db.execute(f"SELECT id, kind, erased_on FROM {ERASED_TABLE}")
            return {item: (kind, day) for item, kind, day in rows}

    @serialized
    def apply_erased(self, erased: dict[str, tuple[str, str]]) -> int:
        """Delete again what these tombstones name (a restored older backup); record them.

        An erased version that is the current one here (the backup predates the
        correction) takes its entry with it: its text is what was erased. Returns how
        many entries and versions were removed.
        """
        removed = 0
        with sqlite_errors():
            current = self._current_of_versions(
                {item for item, (kind, _) in erased.items() if kind == ERASED_VERSION}
            )
            for item, (kind, _) in sorted(erased.items()):
                if kind == ERASED_ENTRY:
                    if self._db.execute("SELECT 1 FROM entries WHERE id=?", [item]).fetchone():
                        self._delete_entry(item, record=False)
                        removed += 1
                elif kind == ERASED_VERSION:
                    row = self._db.execute(
                        "SELECT entry_id FROM revisions WHERE version_id=?", [item]
                    ).fetchone()
                    if row is not None:
                        self._erase_version(row[0], item, record=False)
                        removed += 1
                    elif (
                        item in current
                        and self._db.execute(
                            "SELECT 1 FROM entries WHERE id=? AND version_id=?",
                            [current[item], item],
                        ).fetchone()
                    ):  # still there: not deleted by an earlier item of the loop
                        self._delete_entry(current[item], record=False)
                        removed += 1
            with self._db.atomic():
                for kind in (ERASED_ENTRY, ERASED_VERSION):
                    for day in sorted({d for k, d in erased.values() if k == kind}):
                        ids = [i for i, (k, d) in erased.items() if k == kind and d == day]
                        record_erased(self._db, kind, ids, day)
        return removed

    def _current_of_versions(self, versions: set[str]) -> dict[str, str]:
        """The entries whose current version is one of `versions`: version id -> entry id.

        One scan of the entries (`version_id` has no index): one query per erased
        version was a scan each, and a restore re-applies every erasure ever made (200
        of them took 7 s at 50,000 notes)."""
        if not versions:
            return {}
        rows = self._db.execute("SELECT id, version_id FROM entries")
        return {version: entry for entry, version in rows if version in versions}

    @serialized
    def tombstones(self) -> list[str]:
        with sqlite_errors():
            return [row[0] for row in self._db.execute("SELECT person_id FROM tombstones")]

    @serialized
    def forget_person(self, person_id: str) -> None:
        """Erase a person for good: key, profile, entries, versions, drafts, consultations."""
        self.person_key(person_id)  # NotFound for an unknown person
        self.apply_tombstones([person_id], today=self.clock().date())
        self.keys.ciphers.pop(person_id, None)

    @serialized
    def remove_person(self, person_id: str) -> None:
        """Remove someone added by mistake: only a person with no entry and no draft.

        The same deletion as `forget_person` (key, profile, consultations, the index of
        keys rewritten, the file vacuumed, a tombstone so that a restored older backup
        and the next backup set drop them too): a name is personal data as well.
        """
        self.person_key(person_id)  # NotFound for an unknown person
        if self.has_writing(person_id):
            raise DentelleError("store.remove_has_notes")
        self.forget_person(person_id)

    @serialized
    def has_writing(self, person_id: str) -> bool:
        """Has anything been written about them: an entry, a version, a draft? (The
        rows are looked for, nothing is decrypted.)"""
        with sqlite_errors():
            return any(
                self._db.execute(
                    f"SELECT 1 FROM {table} WHERE person_id=? LIMIT 1", [person_id]
                ).fetchone()
                for table in ("entries", "revisions", "drafts")
            )

    @serialized
    def apply_tombstones(self, person_ids: list[str], today: date | None = None) -> None:
        """Delete every row of these people and record them as forgotten."""
        day = (today or self.clock().date()).isoformat()
        with sqlite_errors():
            with self._db.atomic():
                for person_id in person_ids:
                    for table in (
                        "entries",
                        "revisions",
                        "drafts",
                        "consultations",
                        "integrity",
                        "word_index",
                    ):
                        self._db.execute(f"DELETE FROM {table} WHERE person_id=?", [person_id])
                    self._db.execute("DELETE FROM people WHERE id=?", [person_id])
                    self._db.execute(
                        "INSERT OR IGNORE INTO tombstones (person_id, forgotten_on) VALUES (?, ?)",
                        [person_id, day],
                    )
                    self.keys.forget(person_id)
                self._write_person_keys()  # the old index (with their keys) is overwritten
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for person_id in person_ids:
            self.keys.ciphers.pop(person_id, None)
