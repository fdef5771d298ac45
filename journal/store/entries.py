"""Entries and their versions: what happened, on which day, in the worker's words.

`entries` holds the current version of each entry, `revisions` the earlier ones. Each
version is sealed under the person's key with `entry:<person_id>:<entry_id>:<version_id>`
as associated data; correcting an entry moves the current ciphertext to `revisions` as
it is and seals a new one. Every change keeps the person's summary (`journal.store.people`)
up to date, and the entry's integrity tag (its current version and number of versions,
`journal.store.integrity`), checked whenever entries are read. Whole-vault reads for
worker threads are in `journal.store.scans`.
"""

from __future__ import annotations

from datetime import date, datetime, time

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import DentelleError, NotFound
from journal.model import Entry, Version
from journal.store.connection import serialized
from journal.store.erasure import ERASED_ENTRY, ERASED_VERSION, record_erased
from journal.store.people import People
from journal.store.sealing import aad, pack, sqlite_errors, unpack
from journal.store.wordindex import WordIndexes


def parse_time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def decode_entry(
    entry_id: str, person_id: str, version_id: str, plaintext: bytes, versions: int = 1
) -> Entry:
    """An `Entry` from an opened entry version (the JSON payload of docs/format.md)."""
    data = unpack(plaintext)
    return Entry(
        id=entry_id,
        person_id=person_id,
        version_id=version_id,
        occurred_on=date.fromisoformat(data["occurred_on"]),
        time=parse_time(data.get("time")),
        written_at=datetime.fromisoformat(data["written_at"]),
        text=data["text"],
        versions=versions,
    )


def entry_payload(
    occurred_on: date, entry_time: time | None, text: str, written_at: datetime
) -> dict:
    """What a version holds, before sealing; an empty text is refused."""
    if not text.strip():
        raise DentelleError("store.empty_text")
    return {
        "occurred_on": occurred_on.isoformat(),
        "time": entry_time.isoformat(timespec="minutes") if entry_time else None,
        "written_at": written_at.isoformat(timespec="seconds"),
        "text": text,
    }


class Entries(WordIndexes, People):
    def _seal_version(
        self, key: ChaCha20Poly1305, person_id: str, entry_id: str, version_id: str, payload: dict
    ) -> bytes:
        return crypto.seal(key, pack(payload), aad("entry", person_id, entry_id, version_id))

    def _open_version(self, person_id: str, entry_id: str, version_id: str, sealed: bytes) -> dict:
        key = self.person_key(person_id)
        return unpack(
            crypto.open_sealed(key, sealed, aad("entry", person_id, entry_id, version_id))
        )

    def _entry(self, row: tuple, versions: int = 1) -> Entry:
        entry_id, person_id, version_id, sealed = row
        key = self.keys.ciphers.get(person_id) or self.person_key(person_id)
        plaintext = crypto.open_sealed(key, sealed, aad("entry", person_id, entry_id, version_id))
        return decode_entry(entry_id, person_id, version_id, plaintext, versions)

    @serialized
    def add_entry(
        self,
        person_id: str,
        occurred_on: date,
        text: str,
        *,
        entry_time: time | None = None,
        written_at: datetime | None = None,
    ) -> Entry:
        """Seal and store a new entry; durable (synchronous=FULL) when this returns."""
        key = self.person_key(person_id)
        written_at = written_at or self.clock()
        payload = entry_payload(occurred_on, entry_time, text, written_at)
        entry_id, version_id = crypto.new_id(), crypto.new_id()
        sealed = self._seal_version(key, person_id, entry_id, version_id, payload)
        with sqlite_errors(), self._db.atomic(), self._reindexing(person_id) as index:
            self._db.execute(
                "INSERT INTO entries (id, person_id, version_id, sealed) VALUES (?, ?, ?, ?)",
                [entry_id, person_id, version_id, sealed],
            )
            self._tag_entry(person_id, entry_id, version_id)
            self._index_note(index, entry_id, version_id, pack(payload))
            summary = self._db.execute(
                "SELECT summary FROM people WHERE id=?", [person_id]
            ).fetchone()[0]
            if summary is None:
                count, last = self._recompute_summary(person_id)  # includes this entry
            else:
                count, last, ahead = self._summary_parts(person_id, summary)
                if occurred_on > self.clock().date():
                    ahead.append(occurred_on)  # planned: the last contact once its day comes
                elif last is None or occurred_on > last:
                    last = occurred_on
                self._write_summary(person_id, count + 1, last, ahead)
        return Entry(
            id=entry_id,
            person_id=person_id,
            version_id=version_id,
            occurred_on=occurred_on,
            time=entry_time,
            written_at=written_at,
            text=text,
        )

    def _version_counts(self, person_id: str | None = None) -> dict[str, int]:
        sql = "SELECT entry_id, count(*) FROM revisions"
        args: list = []
        if person_id is not None:
            sql += " WHERE person_id=?"
            args.append(person_id)
        with sqlite_errors():
            rows = self._db.execute(sql + " GROUP BY entry_id", args).fetchall()
        return {entry_id: count + 1 for entry_id, count in rows}

    @serialized
    def revised_entry_ids(self) -> set[str]:
        """The ids of the entries that have earlier versions."""
        with sqlite_errors():
            return {row[0] for row in self._db.execute("SELECT DISTINCT entry_id FROM revisions")}

    @serialized
    def entries(self, person_id: str) -> list[Entry]:
        """A person's story in the order things happened (then in the order written)."""
        self.person_key(person_id)  # NotFound for an unknown person
        counts = self._version_counts(person_id)
        with sqlite_errors():
            rows = self._db.execute(
                "SELECT id, person_id, version_id, sealed FROM entries WHERE person_id=?",
                [person_id],
            ).fetchall()
        self._check_entries(rows, person_id=person_id)
        entries = [self._entry(row, counts.get(row[0], 1)) for row in rows]
        return sorted(entries, key=lambda e: (e.occurred_on, e.time or time.min, e.written_at))

    @serialized
    def resolve_entry_id(self, prefix: str) -> str:
        """The full id of the entry whose id is or starts with `prefix`."""
        prefix = prefix.strip().lower()
        if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
            raise NotFound("store.entry_not_found", entry_id=prefix)
        with sqlite_errors():
            rows = self._db.execute(
                "SELECT id FROM entries WHERE id >= ? AND id < ? LIMIT 2",
                [prefix, prefix + "g"],
            ).fetchall()
        if not rows:
            raise NotFound("store.entry_not_found", entry_id=prefix)
        if len(rows) > 1:
            raise NotFound("store.entry_ambiguous", entry_id=prefix)
        return rows[0][0]

    @serialized
    def entry(self, entry_id: str) -> Entry:
        entry_id = self.resolve_entry_id(entry_id)
        with sqlite_errors():
            row = self._db.execute(
                "SELECT id, person_id, version_id, sealed FROM entries WHERE id=?", [entry_id]
            ).fetchone()
        self._check_entries([row])
        return self._entry(row, self._version_counts(row[1]).get(entry_id, 1))

    @serialized
    def edit_entry(
        self,
        entry_id: str,
        *,
        text: str | None = None,
        occurred_on: date | None = None,
        entry_time: time | None | type[...] = ...,
    ) -> Entry:
        """Write a new version; the previous one is kept in the history, unchanged."""
        current = self.entry(entry_id)
        new_time = current.time if entry_time is ... else entry_time
        written_at = self.clock()
        payload = entry_payload(
            occurred_on or current.occurred_on,
            new_time,  # type: ignore[arg-type]
            current.text if text is None else text,
            written_at,
        )
        key = self.person_key(current.person_id)
        version_id = crypto.new_id()
        sealed = self._seal_version(key, current.person_id, current.id, version_id, payload)
        with sqlite_errors(), self._db.atomic(), self._reindexing(current.person_id) as index:
            seq = self._db.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE entry_id=?", [current.id]
            ).fetchone()[0]
            # The current row's ciphertext moves as it is: its associated data names the
            # entry and version ids, which do not change.
            self._db.execute(
                "INSERT INTO revisions (version_id, entry_id, person_id, seq, sealed) "
                "SELECT version_id, id, person_id, ?, sealed FROM entries WHERE id=?",
                [seq, current.id],
            )
            self._db.execute(
                "UPDATE entries SET version_id=?, sealed=? WHERE id=?",
                [version_id, sealed, current.id],
            )
            self._tag_entry(current.person_id, current.id, version_id)
            self._index_note(index, current.id, version_id, pack(payload))
            if occurred_on is not None and occurred_on != current.occurred_on:
                self._recompute_summary(current.person_id)
        return self.entry(current.id)

    @serialized
    def history(self, entry_id: str) -> list[Version]:
        """Every version of an entry, oldest first, the current one last."""
        current = self.entry(entry_id)
        with sqlite_errors():
            rows = self._db.execute(
                "SELECT version_id, sealed FROM revisions WHERE entry_id=? ORDER BY seq",
                [current.id],
            ).fetchall()
        versions = []
        for version_id, sealed in rows:
            data = self._open_version(current.person_id, current.id, version_id, sealed)
            versions.append(
                Version(
                    entry_id=current.id,
                    version_id=version_id,
                    occurred_on=date.fromisoformat(data["occurred_on"]),
                    time=parse_time(data.get("time")),
                    written_at=datetime.fromisoformat(data["written_at"]),
                    text=data["text"],
                )
            )
        versions.append(
            Version(
                entry_id=current.id,
                version_id=current.version_id,
                occurred_on=current.occurred_on,
                time=current.time,
                written_at=current.written_at,
                text=current.text,
                current=True,
            )
        )
        return versions

    @serialized
    def delete_entry(self, entry_id: str) -> None:
        """Erase an entry and all its versions, leaving no page of them in the WAL.

        A tombstone (`journal.store.erasure`) keeps a restored older backup from
        bringing it back.
        """
        self._delete_entry(self.resolve_entry_id(entry_id), record=True)

    def _delete_entry(self, entry_id: str, *, record: bool) -> None:
        with sqlite_errors():
            person_id = self._db.execute(
                "SELECT person_id FROM entries WHERE id=?", [entry_id]
            ).fetchone()[0]
            with self._db.atomic(), self._reindexing(person_id) as index:
                self._db.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
                self._db.execute("DELETE FROM entries WHERE id=?", [entry_id])
                self._untag_entry(entry_id)
                if index is not None:
                    index.remove(entry_id)  # its words leave the index with it
                self._recompute_summary(person_id)
                if record:
                    record_erased(self._db, ERASED_ENTRY, [entry_id], self._today())
            self.checkpoint()

    @serialized
    def erase_version(self, entry_id: str, version_id: str) -> None:
        """Erase one earlier version of an entry (it was wrong); the current one stays.

        The current version cannot be erased on its own: correct it (a new version) or
        delete the entry.
        """
        current = self.entry(entry_id)
        if version_id == current.version_id:
            raise DentelleError("store.current_version")
        if not self._erase_version(current.id, version_id, record=True):
            raise NotFound("store.version_not_found")

    def _erase_version(self, entry_id: str, version_id: str, *, record: bool) -> int:
        with sqlite_errors():
            row = self._db.execute(
                "SELECT person_id, version_id FROM entries WHERE id=?", [entry_id]
            ).fetchone()
            if row is None:
                return 0
            person_id, current = row
            # The index holds current versions only: its cover follows the new tag.
            with self._db.atomic(), self._reindexing(person_id):
                deleted = self._db.execute(
                    "DELETE FROM revisions WHERE version_id=? AND entry_id=?",
                    [version_id, entry_id],
                ).rowcount
                if deleted:
                    self._tag_entry(person_id, entry_id, current)
                    if record:
                        record_erased(self._db, ERASED_VERSION, [version_id], self._today())
            self.checkpoint()
        return deleted

    def _today(self) -> str:
        return self.clock().date().isoformat()
