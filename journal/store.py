"""The unlocked vault: SQLite rows of random ids and ciphertext, opened with the keys.

Schema (version in `PRAGMA user_version`; no plaintext column anywhere):

    meta(key, value)                       vault id, format, master recipient (public)
    people(id, wrapped_key, sealed, summary)  person key age-encrypted to the master;
                                           summary: sealed entry count and last contact
    entries(id, person_id, version_id, sealed)              current version of each entry
    revisions(version_id, entry_id, person_id, seq, sealed) earlier versions
    drafts(id, person_id, sealed)          autosaved writing
    tombstones(person_id, forgotten_on)    people forgotten (erasure), re-applied on restore
    practice(id, sealed)                   the worker's own practice journal (schema 2)
    consultations(id, person_id, sealed)   when a person's file was opened or exported (2)

Every `sealed` value is ChaCha20-Poly1305 under the person's key with the row's ids as
associated data (see `journal.crypto`). Person keys are unwrapped lazily and held in
memory only while the journal is open; `close()` drops them.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
import sqlite_utils
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import Ambiguous, DentelleError, NotFound, VaultBusy, VaultDamaged
from journal.fsutil import touch_private
from journal.i18n import register
from journal.layout import DATABASE_FILE
from journal.model import Draft, Entry, Person, PersonSummary, Version
from journal.text import fold

if TYPE_CHECKING:
    from journal.vault import Vault

try:  # flock is POSIX; elsewhere the vault simply is not guarded against a second process
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

register(
    {
        "store.busy": {
            "fr": "Le coffre est déjà ouvert par un autre programme Dentelle. Fermez-le d'abord.",
            "en": "The vault is already open in another Dentelle program. Close it first.",
        },
        "store.db_damaged": {
            "fr": (
                "La base de données du coffre est illisible ({reason}). Restaurez une "
                "sauvegarde avec « dentelle restore »."
            ),
            "en": (
                "The vault's database cannot be read ({reason}). Restore a backup with "
                "“dentelle restore”."
            ),
        },
        "store.wrong_vault_key": {
            "fr": "Cette clé n'ouvre pas ce coffre.",
            "en": "This key does not open this vault.",
        },
        "store.person_not_found": {
            "fr": "Personne ne correspond à « {query} ».",
            "en": "Nobody matches “{query}”.",
        },
        "store.person_ambiguous": {
            "fr": "Plusieurs personnes correspondent à « {query} » ; précisez :",
            "en": "Several people match “{query}”; be more precise:",
        },
        "store.entry_not_found": {
            "fr": "Aucune note avec l'identifiant « {entry_id} ».",
            "en": "No entry with id “{entry_id}”.",
        },
        "store.entry_ambiguous": {
            "fr": "Plusieurs notes commencent par « {entry_id} » ; donnez plus de caractères.",
            "en": "Several entries start with “{entry_id}”; give more characters.",
        },
        "store.draft_not_found": {
            "fr": "Ce brouillon n'existe plus.",
            "en": "This draft no longer exists.",
        },
        "store.empty_text": {
            "fr": "Le texte est vide : il n'y a rien à enregistrer.",
            "en": "The text is empty: there is nothing to save.",
        },
        "store.closed": {
            "fr": "Le coffre a été verrouillé pendant la lecture.",
            "en": "The vault was locked during the reading.",
        },
        "store.current_version": {
            "fr": (
                "La version actuelle ne s'efface pas seule : corrigez la note, ou "
                "effacez-la entièrement."
            ),
            "en": "The current version cannot be erased alone: correct the entry, or delete it.",
        },
        "store.version_not_found": {
            "fr": "Cette version n'existe pas (ou plus).",
            "en": "This version does not exist (any more).",
        },
        "store.empty_name": {
            "fr": "Le nom est vide.",
            "en": "The name is empty.",
        },
        "store.disk_full": {
            "fr": (
                "Le disque est plein : rien n'a été enregistré. Libérez de la place et réessayez."
            ),
            "en": "The disk is full: nothing was saved. Free some space and try again.",
        },
    }
)

SCHEMA_VERSION = 2
PERSON_KEYS_META = "person_keys"
AAD_PREFIX = "dentelle:v1"


def _now() -> datetime:
    return datetime.now().astimezone()


def _pack(payload: dict) -> bytes:
    # surrogatepass: text is kept exactly as typed, even a lone surrogate pasted in.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def _unpack(data: bytes) -> dict:
    return json.loads(data.decode("utf-8", "surrogatepass"))


def _aad(*parts: str) -> bytes:
    return ":".join((AAD_PREFIX, *parts)).encode("ascii")


def _parse_time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def decode_entry(
    entry_id: str, person_id: str, version_id: str, plaintext: bytes, versions: int = 1
) -> Entry:
    """An `Entry` from an opened entry version (the JSON payload of docs/format.md)."""
    data = _unpack(plaintext)
    return Entry(
        id=entry_id,
        person_id=person_id,
        version_id=version_id,
        occurred_on=date.fromisoformat(data["occurred_on"]),
        time=_parse_time(data.get("time")),
        written_at=datetime.fromisoformat(data["written_at"]),
        text=data["text"],
        versions=versions,
    )


@contextlib.contextmanager
def _sqlite_errors() -> Iterator[None]:
    """Turn SQLite failures into messages a worker can act on."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error)
        if "disk is full" in text or "disk I/O" in text:
            raise DentelleError("store.disk_full") from None
        if "locked" in text:
            raise VaultBusy("store.busy") from None
        raise VaultDamaged("store.db_damaged", reason=text) from None
    except sqlite3.DatabaseError as error:
        raise VaultDamaged("store.db_damaged", reason=str(error)) from None


class Journal:
    """An open, unlocked vault. Create with `Vault.open`; close when done."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        identity: pyrage.x25519.Identity,
        lock_fd: int | None,
        clock: Callable[[], datetime],
        path: Path,
    ) -> None:
        self.db = db
        self.path = path
        self._identity: pyrage.x25519.Identity | None = identity
        self._lock_fd = lock_fd
        self._keys: dict[str, ChaCha20Poly1305] = {}
        self._raw_keys: dict[str, str] = {}  # hex, only to rewrite the index of keys
        self._person_keys_loaded = False
        self._closing = threading.RLock()
        self.clock = clock
        # For `_reader`: found now, so that a worker thread never needs `db` to open one.
        self._database_file = next(
            row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"
        )

    # -- opening and closing -------------------------------------------------------

    @staticmethod
    def _connect(database_file: Path) -> sqlite_utils.Database:
        with _sqlite_errors():
            conn = sqlite3.connect(str(database_file), timeout=5, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA secure_delete=ON")
            return db

    @classmethod
    def initialize(cls, database_file: Path, recipient: pyrage.x25519.Recipient) -> None:
        """Create the schema in a new database file, readable by its owner only."""
        touch_private(database_file)
        db = cls._connect(database_file)
        try:
            with _sqlite_errors(), db.atomic():
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
            _migrate(db)
        finally:
            db.close()

    @classmethod
    def open(
        cls,
        vault: Vault,
        identity: pyrage.x25519.Identity,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> Journal:
        lock_fd = cls._acquire_lock(vault.lock_file)
        try:
            db = cls._connect(vault.database_file)
            with _sqlite_errors():
                recipient = db.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
            if recipient is None or recipient[0] != str(identity.to_public()):
                db.close()
                raise VaultDamaged("store.wrong_vault_key")
            _migrate(db)
        except BaseException:
            cls._release_lock(lock_fd)
            raise
        journal = cls(db, identity, lock_fd, clock or _now, vault.path)
        journal._ensure_person_keys_index()
        return journal

    def _ensure_person_keys_index(self) -> None:
        """Build the index of keys once for a vault that has none (older, or restored)."""
        with contextlib.suppress(DentelleError), _sqlite_errors():
            if (
                self.meta(PERSON_KEYS_META) is None
                and self.db.execute("SELECT 1 FROM people LIMIT 1").fetchone()
            ):
                with self.db.atomic():
                    self._write_person_keys()

    @staticmethod
    def _acquire_lock(lock_file: Path) -> int | None:
        if fcntl is None:
            return None
        fd = os_open_private(lock_file)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultBusy("store.busy") from None
        return fd

    @staticmethod
    def _release_lock(fd: int | None) -> None:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    @property
    def is_open(self) -> bool:
        return self._identity is not None

    def close(self) -> None:
        """Drop every key from memory, checkpoint the WAL and release the lock."""
        with self._closing:
            if self._identity is None:
                return
            self._keys.clear()
            self._raw_keys.clear()
            self._identity = None
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
            self._release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Journal:
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

    def meta(self, key: str) -> str | None:
        with _sqlite_errors():
            row = self.db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return row[0] if row else None

    # -- keys -----------------------------------------------------------------------

    def person_key(self, person_id: str) -> ChaCha20Poly1305:
        """The person's cipher, unwrapping their age-wrapped key on first use.

        Scans in worker threads land here when a key is missing, which is also what
        happens once a lock has closed the journal under them: the check and the read
        hold `_closing` so that they never touch a connection being closed (that
        crashed the process, not just the thread).
        """
        key = self._keys.get(person_id)
        if key is not None:
            return key
        with self._closing:
            if self._identity is None:
                raise DentelleError("store.closed")
            if not self._person_keys_loaded:
                self._load_person_keys()
                key = self._keys.get(person_id)
                if key is not None:
                    return key
            with _sqlite_errors():
                row = self.db.execute(
                    "SELECT wrapped_key FROM people WHERE id=?", [person_id]
                ).fetchone()
            if row is None:
                raise NotFound("store.person_not_found", query=person_id)
            key = crypto.aead(crypto.age_decrypt(row[0], self.identity, what="person key"))
            self._keys[person_id] = key
        return key

    def _load_person_keys(self) -> None:
        """Every person's key from the sealed index of keys: one age decryption, not one each.

        Unwrapping 1,000 age-wrapped keys one by one costs ~0.15 s at every unlock; the
        index (`meta.person_keys`, an age file to the master recipient) holds the same
        keys. It is rewritten when a person is added or forgotten, never kept in backup
        generations (journal.backup strips it with the wrapped keys), and rebuilt from
        the wrapped keys when missing. An index that does not open is ignored.
        """
        self._person_keys_loaded = True
        encoded = self.meta(PERSON_KEYS_META)
        if not encoded:
            return
        try:
            plain = crypto.age_decrypt(base64.b64decode(encoded), self.identity, what="keys")
            keys = json.loads(plain)
        except (VaultDamaged, ValueError):
            return
        for person_id, secret in keys.items():
            if person_id not in self._keys:
                self._keys[person_id] = crypto.aead(bytes.fromhex(secret))
            self._raw_keys[person_id] = secret

    def _write_person_keys(self) -> None:
        """Rewrite the index of keys for everyone in `people` (inside the caller's transaction)."""
        self._load_person_keys()
        rows = self.db.execute("SELECT id, wrapped_key FROM people").fetchall()
        keys = {}
        for person_id, wrapped in rows:
            secret = self._raw_keys.get(person_id)
            if secret is None:
                raw = crypto.age_decrypt(wrapped, self.identity, what="person key")
                secret = self._raw_keys[person_id] = raw.hex()
                self._keys.setdefault(person_id, crypto.aead(raw))
            keys[person_id] = secret
        self._raw_keys = dict(keys)
        blob = crypto.age_encrypt(json.dumps(keys).encode(), [self.identity.to_public()])
        self.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [PERSON_KEYS_META, base64.b64encode(blob).decode("ascii")],
        )

    # -- people ---------------------------------------------------------------------

    def add_person(self, name: str, profile: str = "") -> Person:
        if not name.strip():
            raise DentelleError("store.empty_name")
        person_id = crypto.new_id()
        key = crypto.new_data_key()
        wrapped = crypto.age_encrypt(key, [self.identity.to_public()])
        person = Person(id=person_id, name=name, profile=profile, created_at=self.clock())
        with _sqlite_errors(), self.db.atomic():
            self.db.execute(
                "INSERT INTO people (id, wrapped_key, sealed) VALUES (?, ?, ?)",
                [person_id, wrapped, self._seal_person(crypto.aead(key), person)],
            )
            self._keys[person_id] = crypto.aead(key)
            self._raw_keys[person_id] = key.hex()
            self._write_person_keys()
        return person

    def _seal_person(self, key: ChaCha20Poly1305, person: Person) -> bytes:
        payload = {
            "name": person.name,
            "profile": person.profile,
            "created_at": person.created_at.isoformat() if person.created_at else None,
            **person.extra,
        }
        return crypto.seal(key, _pack(payload), _aad("person", person.id))

    def _open_person(self, person_id: str, sealed: bytes) -> Person:
        data = _unpack(
            crypto.open_sealed(self.person_key(person_id), sealed, _aad("person", person_id))
        )
        created = data.pop("created_at", None)
        return Person(
            id=person_id,
            name=data.pop("name"),
            profile=data.pop("profile", ""),
            created_at=datetime.fromisoformat(created) if created else None,
            extra=data,
        )

    def people(self) -> list[Person]:
        """Everyone, sorted by name (accent- and case-insensitive)."""
        with _sqlite_errors():
            rows = self.db.execute("SELECT id, sealed FROM people").fetchall()
        people = [self._open_person(pid, sealed) for pid, sealed in rows]
        return sorted(people, key=lambda p: fold(p.name))

    def person(self, person_id: str) -> Person:
        with _sqlite_errors():
            row = self.db.execute("SELECT sealed FROM people WHERE id=?", [person_id]).fetchone()
        if row is None:
            raise NotFound("store.person_not_found", query=person_id)
        return self._open_person(person_id, row[0])

    def update_person(
        self,
        person_id: str,
        *,
        name: str | None = None,
        profile: str | None = None,
        extra: dict | None = None,
    ) -> Person:
        current = self.person(person_id)
        if name is not None and not name.strip():
            raise DentelleError("store.empty_name")
        updated = Person(
            id=person_id,
            name=current.name if name is None else name,
            profile=current.profile if profile is None else profile,
            created_at=current.created_at,
            extra={**current.extra, **(extra or {})},
        )
        sealed = self._seal_person(self.person_key(person_id), updated)
        with _sqlite_errors(), self.db.atomic():
            self.db.execute("UPDATE people SET sealed=? WHERE id=?", [sealed, person_id])
        return updated

    def find_person(self, query: str) -> Person:
        """By id, or by a case- and accent-insensitive part of the name.

        Raises `NotFound`, or `Ambiguous` with the candidates when several match and
        none matches the whole name.
        """
        query = query.strip()
        people = self.people()
        for person in people:
            if person.id == query:
                return person
        needle = fold(query)
        matches = [p for p in people if needle and needle in fold(p.name)]
        exact = [p for p in matches if fold(p.name) == needle]
        if len(matches) == 1:
            return matches[0]
        if len(exact) == 1:
            return exact[0]
        if not matches:
            raise NotFound("store.person_not_found", query=query)
        raise Ambiguous(
            "store.person_ambiguous", candidates=[(p.id, p.name) for p in matches], query=query
        )

    def summaries(self) -> list[PersonSummary]:
        """Every person with their number of entries and the date of the last contact.

        Read from each person's sealed summary (kept up to date by every entry change)
        rather than from all their entries: the people list must appear at unlock
        without decrypting 50,000 notes.
        """
        with _sqlite_errors():
            rows = self.db.execute("SELECT id, sealed, summary FROM people").fetchall()
        result = []
        for person_id, sealed, summary in rows:
            person = self._open_person(person_id, sealed)
            count, last = (
                self._open_summary(person_id, summary)
                if summary is not None
                else self._recompute_summary(person_id)
            )
            result.append(PersonSummary(person=person, entry_count=count, last_contact=last))
        return sorted(result, key=lambda s: fold(s.person.name))

    def _open_summary(self, person_id: str, sealed: bytes) -> tuple[int, date | None]:
        data = _unpack(
            crypto.open_sealed(self.person_key(person_id), sealed, _aad("summary", person_id))
        )
        last = data.get("last")
        return data["count"], date.fromisoformat(last) if last else None

    def _write_summary(self, person_id: str, count: int, last: date | None) -> None:
        payload = {"count": count, "last": last.isoformat() if last else None}
        sealed = crypto.seal(self.person_key(person_id), _pack(payload), _aad("summary", person_id))
        self.db.execute("UPDATE people SET summary=? WHERE id=?", [sealed, person_id])

    def _recompute_summary(self, person_id: str) -> tuple[int, date | None]:
        """Count a person's entries and find the last contact from the entries themselves."""
        days = [e.occurred_on for e in self.entries(person_id)]
        with _sqlite_errors(), self.db.atomic():
            self._write_summary(person_id, len(days), max(days, default=None))
        return len(days), max(days, default=None)

    # -- entries --------------------------------------------------------------------

    def _seal_version(
        self, key: ChaCha20Poly1305, person_id: str, entry_id: str, version_id: str, payload: dict
    ) -> bytes:
        return crypto.seal(key, _pack(payload), _aad("entry", person_id, entry_id, version_id))

    def _open_version(self, person_id: str, entry_id: str, version_id: str, sealed: bytes) -> dict:
        key = self.person_key(person_id)
        aad = _aad("entry", person_id, entry_id, version_id)
        return _unpack(crypto.open_sealed(key, sealed, aad))

    def _entry(self, row: tuple, versions: int = 1) -> Entry:
        entry_id, person_id, version_id, sealed = row
        key = self._keys.get(person_id) or self.person_key(person_id)
        plaintext = crypto.open_sealed(key, sealed, _aad("entry", person_id, entry_id, version_id))
        return decode_entry(entry_id, person_id, version_id, plaintext, versions)

    @staticmethod
    def _payload(occurred_on: date, entry_time: time | None, text: str, written_at: datetime):
        if not text.strip():
            raise DentelleError("store.empty_text")
        return {
            "occurred_on": occurred_on.isoformat(),
            "time": entry_time.isoformat(timespec="minutes") if entry_time else None,
            "written_at": written_at.isoformat(timespec="seconds"),
            "text": text,
        }

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
        payload = self._payload(occurred_on, entry_time, text, written_at)
        entry_id, version_id = crypto.new_id(), crypto.new_id()
        sealed = self._seal_version(key, person_id, entry_id, version_id, payload)
        with _sqlite_errors(), self.db.atomic():
            self.db.execute(
                "INSERT INTO entries (id, person_id, version_id, sealed) VALUES (?, ?, ?, ?)",
                [entry_id, person_id, version_id, sealed],
            )
            summary = self.db.execute(
                "SELECT summary FROM people WHERE id=?", [person_id]
            ).fetchone()[0]
            if summary is None:
                count, last = self._recompute_summary(person_id)  # includes this entry
            else:
                count, last = self._open_summary(person_id, summary)
                self._write_summary(
                    person_id, count + 1, occurred_on if last is None else max(last, occurred_on)
                )
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
        with _sqlite_errors():
            rows = self.db.execute(sql + " GROUP BY entry_id", args).fetchall()
        return {entry_id: count + 1 for entry_id, count in rows}

    def entries(self, person_id: str) -> list[Entry]:
        """A person's story in the order things happened (then in the order written)."""
        self.person_key(person_id)  # NotFound for an unknown person
        counts = self._version_counts(person_id)
        with _sqlite_errors():
            rows = self.db.execute(
                "SELECT id, person_id, version_id, sealed FROM entries WHERE person_id=?",
                [person_id],
            ).fetchall()
        entries = [self._entry(row, counts.get(row[0], 1)) for row in rows]
        return sorted(entries, key=lambda e: (e.occurred_on, e.time or time.min, e.written_at))

    def all_entries(self) -> Iterator[Entry]:
        """Every entry of every person, in no particular order (for scans and exports)."""
        with self._closing, _sqlite_errors():
            if self._identity is None:
                raise DentelleError("store.closed")
            rows = self.db.execute("SELECT id, person_id, version_id, sealed FROM entries")
            rows = rows.fetchall()  # read under the lock: never a closed connection mid-step
        for entry_id, person_id, version_id, plaintext in self._open_rows(rows):
            yield decode_entry(entry_id, person_id, version_id, plaintext)

    def opened_entries(
        self,
        progress: Callable[[int, int], None] | None = None,
        person_id: str | None = None,
    ) -> Iterator[tuple[str, str, str, bytes]]:
        """Every current entry as `(entry_id, person_id, version_id, payload)`, unparsed.

        For whole-vault scans (search) that can work on the payload's JSON bytes and
        decode only what they show: parsing 50,000 payloads costs more than opening them.
        Safe to run in a worker thread while the app keeps using the journal: rows are
        read in one transaction on a connection of its own (it sees committed entries
        only), and every person key is unwrapped before the first row. `progress` gets
        `(done, total)` every 1,000 entries and at the end. With `person_id`, only that
        person's entries.
        """
        entry_filter, people_filter, args = "", "", []
        if person_id is not None:
            entry_filter, people_filter, args = " WHERE person_id=?", " WHERE id=?", [person_id]
        conn = self._reader()
        try:
            with _sqlite_errors():
                conn.execute("BEGIN")  # one snapshot for the keys, the count and the rows
                people = conn.execute("SELECT id, wrapped_key FROM people" + people_filter, args)
                for owner, wrapped in people:
                    if owner not in self._keys:
                        secret = crypto.age_decrypt(wrapped, self.identity, what="person key")
                        self._keys[owner] = crypto.aead(secret)
                total = conn.execute("SELECT count(*) FROM entries" + entry_filter, args)
                total = total.fetchone()[0]
                rows = conn.execute(
                    "SELECT id, person_id, version_id, sealed FROM entries" + entry_filter, args
                )
                done = 0
                for opened in self._open_rows(rows):
                    yield opened
                    done += 1
                    if progress is not None and done % 1000 == 0:
                        progress(done, total)
                if progress is not None:
                    progress(done, max(done, total))
        finally:
            conn.close()

    def entries_by_id(self, entry_ids: Iterable[str]) -> dict[str, Entry]:
        """The current version of these entries, by id (ids no longer there are left out).

        Like `opened_entries`, safe from a worker thread: read on a connection of its own.
        `versions` is not counted (1): this is for showing search results.
        """
        wanted = list(dict.fromkeys(entry_ids))
        found: dict[str, Entry] = {}
        conn = self._reader()
        try:
            with _sqlite_errors():
                for start in range(0, len(wanted), 500):
                    batch = wanted[start : start + 500]
                    rows = conn.execute(
                        "SELECT id, person_id, version_id, sealed FROM entries WHERE id IN "
                        f"({','.join('?' * len(batch))})",
                        batch,
                    ).fetchall()
                    for opened in self._open_rows(rows):
                        found[opened[0]] = decode_entry(*opened)
        finally:
            conn.close()
        return found

    def _reader(self) -> sqlite3.Connection:
        """A connection of its own to the database file, for reads from another thread."""
        with _sqlite_errors():
            return sqlite3.connect(self._database_file, timeout=5, check_same_thread=False)

    def _open_rows(
        self, rows: Iterable[tuple[str, str, str, bytes]]
    ) -> Iterator[tuple[str, str, str, bytes]]:
        """Open entry rows: the hot loop of every scan, kept free of per-row method calls."""
        keys = self._keys
        prefix = f"{AAD_PREFIX}:entry:"
        for entry_id, person_id, version_id, sealed in rows:
            key = keys.get(person_id) or self.person_key(person_id)
            aad = f"{prefix}{person_id}:{entry_id}:{version_id}".encode("ascii")
            yield entry_id, person_id, version_id, crypto.open_sealed(key, sealed, aad)

    def resolve_entry_id(self, prefix: str) -> str:
        """The full id of the entry whose id is or starts with `prefix`."""
        prefix = prefix.strip().lower()
        if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
            raise NotFound("store.entry_not_found", entry_id=prefix)
        with _sqlite_errors():
            rows = self.db.execute(
                "SELECT id FROM entries WHERE id >= ? AND id < ? LIMIT 2",
                [prefix, prefix + "g"],
            ).fetchall()
        if not rows:
            raise NotFound("store.entry_not_found", entry_id=prefix)
        if len(rows) > 1:
            raise NotFound("store.entry_ambiguous", entry_id=prefix)
        return rows[0][0]

    def entry(self, entry_id: str) -> Entry:
        entry_id = self.resolve_entry_id(entry_id)
        with _sqlite_errors():
            row = self.db.execute(
                "SELECT id, person_id, version_id, sealed FROM entries WHERE id=?", [entry_id]
            ).fetchone()
        return self._entry(row, self._version_counts(row[1]).get(entry_id, 1))

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
        payload = self._payload(
            occurred_on or current.occurred_on,
            new_time,  # type: ignore[arg-type]
            current.text if text is None else text,
            written_at,
        )
        key = self.person_key(current.person_id)
        version_id = crypto.new_id()
        sealed = self._seal_version(key, current.person_id, current.id, version_id, payload)
        with _sqlite_errors(), self.db.atomic():
            seq = self.db.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE entry_id=?", [current.id]
            ).fetchone()[0]
            # The current row's ciphertext moves as it is: its associated data names the
            # entry and version ids, which do not change.
            self.db.execute(
                "INSERT INTO revisions (version_id, entry_id, person_id, seq, sealed) "
                "SELECT version_id, id, person_id, ?, sealed FROM entries WHERE id=?",
                [seq, current.id],
            )
            self.db.execute(
                "UPDATE entries SET version_id=?, sealed=? WHERE id=?",
                [version_id, sealed, current.id],
            )
            if occurred_on is not None and occurred_on != current.occurred_on:
                self._recompute_summary(current.person_id)
        return self.entry(current.id)

    def history(self, entry_id: str) -> list[Version]:
        """Every version of an entry, oldest first, the current one last."""
        current = self.entry(entry_id)
        with _sqlite_errors():
            rows = self.db.execute(
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
                    time=_parse_time(data.get("time")),
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

    def delete_entry(self, entry_id: str) -> None:
        """Erase an entry and all its versions, leaving no page of them in the WAL."""
        entry_id = self.resolve_entry_id(entry_id)
        with _sqlite_errors():
            with self.db.atomic():
                person_id = self.db.execute(
                    "SELECT person_id FROM entries WHERE id=?", [entry_id]
                ).fetchone()[0]
                self.db.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
                self.db.execute("DELETE FROM entries WHERE id=?", [entry_id])
                self._recompute_summary(person_id)
            self.checkpoint()

    def erase_version(self, entry_id: str, version_id: str) -> None:
        """Erase one earlier version of an entry (it was wrong); the current one stays.

        The current version cannot be erased on its own: correct it (a new version) or
        delete the entry.
        """
        current = self.entry(entry_id)
        if version_id == current.version_id:
            raise DentelleError("store.current_version")
        with _sqlite_errors():
            with self.db.atomic():
                deleted = self.db.execute(
                    "DELETE FROM revisions WHERE version_id=? AND entry_id=?",
                    [version_id, current.id],
                ).rowcount
            self.checkpoint()
        if not deleted:
            raise NotFound("store.version_not_found")

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it (secure_delete zeroes pages)."""
        with _sqlite_errors():
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- drafts ---------------------------------------------------------------------

    def save_draft(
        self,
        person_id: str,
        text: str,
        date_text: str = "",
        *,
        draft_id: str | None = None,
        entry_id: str | None = None,
    ) -> Draft:
        """Create or overwrite a draft (the app calls this every few seconds)."""
        key = self._draft_key(person_id)
        draft_id = draft_id or crypto.new_id()
        saved_at = self.clock()
        payload = {
            "text": text,
            "date_text": date_text,
            "entry_id": entry_id,
            "saved_at": saved_at.isoformat(timespec="seconds"),
        }
        sealed = crypto.seal(key, _pack(payload), _aad("draft", person_id, draft_id))
        with _sqlite_errors(), self.db.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO drafts (id, person_id, sealed) VALUES (?, ?, ?)",
                [draft_id, person_id, sealed],
            )
        return Draft(draft_id, person_id, text, date_text, saved_at, entry_id)

    def _draft_key(self, person_id: str) -> ChaCha20Poly1305:
        """The cipher a draft is sealed with: its person's, or the practice journal's.

        A practice note being written is kept as a draft like any entry (person id
        "practice"), sealed under the practice journal's own key, so that a lock or a
        closed terminal loses none of it either.
        """
        from journal.practice import PRACTICE, _cipher  # journal.practice imports this module

        return _cipher(self) if person_id == PRACTICE else self.person_key(person_id)

    def drafts(self) -> list[Draft]:
        """Every draft, most recently saved first."""
        with _sqlite_errors():
            rows = self.db.execute("SELECT id, person_id, sealed FROM drafts").fetchall()
        drafts = []
        for draft_id, person_id, sealed in rows:
            key = self._draft_key(person_id)
            data = _unpack(crypto.open_sealed(key, sealed, _aad("draft", person_id, draft_id)))
            drafts.append(
                Draft(
                    id=draft_id,
                    person_id=person_id,
                    text=data["text"],
                    date_text=data["date_text"],
                    saved_at=datetime.fromisoformat(data["saved_at"]),
                    entry_id=data.get("entry_id"),
                )
            )
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def draft(self, draft_id: str) -> Draft:
        for draft in self.drafts():
            if draft.id == draft_id:
                return draft
        raise NotFound("store.draft_not_found")

    def discard_draft(self, draft_id: str) -> None:
        with _sqlite_errors(), self.db.atomic():
            self.db.execute("DELETE FROM drafts WHERE id=?", [draft_id])

    # -- erasure --------------------------------------------------------------------

    def tombstones(self) -> list[str]:
        with _sqlite_errors():
            return [row[0] for row in self.db.execute("SELECT person_id FROM tombstones")]

    def forget_person(self, person_id: str) -> None:
        """Erase a person for good: key, profile, entries, versions, drafts.

        A tombstone (the random id and the day) stays so that restoring an older backup
        erases them again. VACUUM then rewrites the file so no page keeps the ciphertext.
        """
        self.person_key(person_id)  # NotFound for an unknown person
        self.apply_tombstones([person_id], today=self.clock().date())
        self._keys.pop(person_id, None)

    def apply_tombstones(self, person_ids: list[str], today: date | None = None) -> None:
        """Delete every row of these people and record them as forgotten."""
        day = (today or self.clock().date()).isoformat()
        with _sqlite_errors():
            with self.db.atomic():
                for person_id in person_ids:
                    for table in ("entries", "revisions", "drafts", "consultations"):
                        self.db.execute(f"DELETE FROM {table} WHERE person_id=?", [person_id])
                    self.db.execute("DELETE FROM people WHERE id=?", [person_id])
                    self.db.execute(
                        "INSERT OR IGNORE INTO tombstones (person_id, forgotten_on) VALUES (?, ?)",
                        [person_id, day],
                    )
                    self._keys.pop(person_id, None)
                    self._raw_keys.pop(person_id, None)
                self._write_person_keys()  # the old index (with their keys) is overwritten
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("VACUUM")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for person_id in person_ids:
            self._keys.pop(person_id, None)

    # -- backup support (journal.backup) ------------------------------------------

    def snapshot(self) -> sqlite3.Connection:
        """A consistent copy of the whole database in memory (SQLite online backup API).

        Read on a connection of its own and without touching `self.db`, so a backup can
        run in a thread worker while the app's connection keeps writing; the copy is
        never written to disk (it holds what the file holds: ids and ciphertext).
        """
        with _sqlite_errors():
            source = sqlite3.connect(self.path / DATABASE_FILE, timeout=5)
            try:
                copy = sqlite3.connect(":memory:", check_same_thread=False)
                source.backup(copy)
            finally:
                source.close()
        return copy

    def set_meta(self, key: str, value: str) -> None:
        """Record a non-personal fact about the vault (e.g. when it was last backed up)."""
        with _sqlite_errors(), self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def _serialized(method: Callable) -> Callable:
    """Run a `Journal` method with `_closing` held, refusing once the journal is closed.

    The app reads the journal from worker threads while a lock or the end of the app
    may close it. Closing an SQLite connection while another thread steps a statement
    on it crashed the whole process; with every method holding `_closing` (an RLock,
    which `close` takes too), a close waits for the reading under way to end, and a
    reading that comes after it gets a clear `DentelleError("store.closed")`.
    """

    @functools.wraps(method)
    def guarded(self: Journal, *args: object, **kwargs: object) -> object:
        with self._closing:
            if self._identity is None:
                raise DentelleError("store.closed")
            return method(self, *args, **kwargs)

    return guarded


for _name in (
    "meta", "set_meta", "add_person", "people", "person", "update_person", "find_person",
    "summaries", "add_entry", "entries", "entry", "entries_by_id", "resolve_entry_id",
    "edit_entry", "history", "delete_entry", "erase_version", "checkpoint", "save_draft",
    "drafts", "draft", "discard_draft", "tombstones", "forget_person", "apply_tombstones",
    "snapshot",
):  # fmt: skip
    setattr(Journal, _name, _serialized(getattr(Journal, _name)))


def _migrate(db: sqlite_utils.Database) -> None:
    """Bring an older database up to `SCHEMA_VERSION`, one step at a time, atomically.

    Version 2 adds the worker's practice journal (sealed under a key of its own,
    age-wrapped to the master recipient) and each person's record of consultations.
    """
    with _sqlite_errors():
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


def os_open_private(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
