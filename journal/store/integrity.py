"""The integrity tags: what only the master identity can write, and the expected schema.

Person keys, the index of keys and the practice key are age files encrypted to the
master recipient, a public key: anyone who can write `dentelle.db` can make one. So
each is also tagged with the integrity key (`journal.crypto.integrity_key`, derived
from the master identity and never stored), in the `integrity` table:

    kind          id          person_id   tag = HMAC-SHA256 (journal.crypto.integrity_tag) of
    person        <person>    <person>    "person", id, wrapped_key
    person_keys   ""          NULL        "person_keys", meta.person_keys (its base64 text)
    practice_key  ""          NULL        "practice_key", meta.practice_key (its base64 text)
    handover_key  ""          NULL        "handover_key", meta.handover_key (schema 4)
    entry         <entry>     <person>    "entry", person id, entry id, current version id,
                                          number of versions (decimal text)

The entry tag decides what is current: an earlier version copied back into `entries`,
or a version dropped from `revisions`, no longer matches it. Rows carry `person_id`
so that forgetting a person (and a restore's erasures, which delete by `person_id` in
every table) takes their tags too.

At open: the schema is compared with `journal.store.migration.SCHEMA` (anything else,
such as a trigger planted to copy rows as they are deleted, refuses the vault before
anything is written), then every person tag, the index's and the practice key's are
checked (one HMAC each: a few milliseconds for 1,000 people). Entry tags are checked
where entries are read: a story, an entry, its history, search results, and all of
them by `verify_integrity` (and by a restore, through `all_entries`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from journal import crypto
from journal.errors import DentelleError, VaultDamaged
from journal.i18n import DEFAULT_LANGUAGE, register, translate
from journal.store.connection import Database, JournalBase
from journal.store.sealing import sqlite_errors

PERSON, PERSON_KEYS, PRACTICE_KEY, ENTRY = "person", "person_keys", "practice_key", "entry"
HANDOVER_KEY = "handover_key"  # the key of the worker's handover keys and colleagues (4)
# meta keys, tagged under their own name
META_TAGGED = (PERSON_KEYS, PRACTICE_KEY, HANDOVER_KEY)
_META_MARKS = ",".join("?" * len(META_TAGGED))

register(
    {
        "store.tampered": {
            "fr": (
                "Le coffre {path} a été modifié en dehors de Dentelle : {what} ne correspond "
                "pas à ce que Dentelle a écrit. Rien n'a été écrit. Restaurez une "
                "sauvegarde avec « dentelle restore »."
            ),
            "en": (
                "The vault {path} was changed outside Dentelle: {what} does not match what "
                "Dentelle wrote. Nothing was written. Restore a backup with "
                "“dentelle restore”."
            ),
        },
        "store.tampered.person": {
            "fr": "la clé de la personne {id}",
            "en": "the key of person {id}",
        },
        "store.tampered.person_missing": {
            "fr": "la personne {id} (absente)",
            "en": "person {id} (missing)",
        },
        "store.tampered.person_keys": {
            "fr": "l'index des clés des personnes",
            "en": "the index of person keys",
        },
        "store.tampered.practice_key": {
            "fr": "la clé du journal de pratique",
            "en": "the practice journal's key",
        },
        "store.tampered.handover_key": {
            "fr": "la clé des collègues et de la carte de transmission",
            "en": "the key of the colleagues and the handover card",
        },
        "store.tampered.entry": {
            "fr": "la note {id} (sa version actuelle ou son nombre de versions)",
            "en": "entry {id} (its current version or its number of versions)",
        },
        "store.tampered.entry_missing": {
            "fr": "la note {id} (absente)",
            "en": "entry {id} (missing)",
        },
        "store.changed_outside": {
            "fr": (
                "Le fichier dentelle.db du coffre {path} a été modifié en dehors de "
                "Dentelle (objets SQL que Dentelle ne crée pas : {what}). Rien n'a été "
                "écrit. Restaurez une sauvegarde avec « dentelle restore »."
            ),
            "en": (
                "The file dentelle.db of the vault {path} was changed outside Dentelle "
                "(SQL objects Dentelle does not create: {what}). Nothing was written. "
                "Restore a backup with “dentelle restore”."
            ),
        },
        "store.schema_missing": {
            "fr": (
                "Le fichier dentelle.db du coffre {path} a été modifié en dehors de "
                "Dentelle (objets SQL manquants : {what}). Rien n'a été écrit. Restaurez "
                "une sauvegarde avec « dentelle restore »."
            ),
            "en": (
                "The file dentelle.db of the vault {path} was changed outside Dentelle "
                "(SQL objects missing: {what}). Nothing was written. Restore a backup "
                "with “dentelle restore”."
            ),
        },
    }
)


class VaultTampered(VaultDamaged):
    """A tagged item that does not match its tag; `what` names it, in the reader's language."""

    def __init__(self, what: str, item_id: str = "", *, path: Path | str = "") -> None:
        super().__init__("store.tampered", what=what, id=item_id, path=str(path))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        what = translate(f"store.tampered.{self.params['what']}", lang, id=self.params["id"])
        return translate(self.key, lang, what=what, path=self.params["path"])


# -- tags -----------------------------------------------------------------------------------


def person_tag(key: bytes, person_id: str, wrapped: bytes) -> bytes:
    return crypto.integrity_tag(key, PERSON, person_id, wrapped)


def meta_tag(key: bytes, name: str, value: str) -> bytes:
    return crypto.integrity_tag(key, name, value)


def entry_tag(key: bytes, person_id: str, entry_id: str, version_id: str, versions: int) -> bytes:
    return crypto.integrity_tag(key, ENTRY, person_id, entry_id, version_id, str(versions))


_ENTRY_HEAD = len(ENTRY).to_bytes(8, "big") + ENTRY.encode("ascii")


def entry_message(person_id: str, entry_id: str, version_id: str, versions: str) -> bytes:
    """What an entry's tag covers (`crypto._tag_input` of `entry_tag`), built in one go:
    checking 250,000 entries, the generic loop was most of the time."""
    parts = [_ENTRY_HEAD]
    for part in (person_id.encode(), entry_id.encode(), version_id.encode(), versions.encode()):
        parts.append(len(part).to_bytes(8, "big"))
        parts.append(part)
    return b"".join(parts)


def _put(db: Database, kind: str, item_id: str, person_id: str | None, tag: bytes):
    db.execute(
        "INSERT OR REPLACE INTO integrity (kind, id, person_id, tag) VALUES (?, ?, ?, ?)",
        [kind, item_id, person_id, tag],
    )


def rebuild(db: Database | sqlite3.Connection, key: bytes) -> None:
    """Every tag recomputed from the current contents (in the caller's transaction).

    For the migration of a vault that had none, and for code that rewrote everything
    with the identity in hand: rekey (with the new identity's key), a restore that
    erased rows of an authenticated generation (on its own connection). What the vault
    holds becomes the reference.
    """
    db.execute("DELETE FROM integrity")
    rows = [
        (PERSON, pid, pid, person_tag(key, pid, bytes(wrapped)))
        for pid, wrapped in db.execute("SELECT id, wrapped_key FROM people")
        if wrapped is not None
    ]
    for name, value in db.execute(
        f"SELECT key, value FROM meta WHERE key IN ({_META_MARKS})",
        META_TAGGED,
    ).fetchall():
        rows.append((name, "", None, meta_tag(key, name, value)))
    counts = dict(db.execute("SELECT entry_id, count(*) FROM revisions GROUP BY entry_id"))
    rows.extend(
        (ENTRY, eid, pid, entry_tag(key, pid, eid, vid, counts.get(eid, 0) + 1))
        for eid, pid, vid in db.execute("SELECT id, person_id, version_id FROM entries")
    )
    getattr(db, "conn", db).executemany(
        "INSERT INTO integrity (kind, id, person_id, tag) VALUES (?, ?, ?, ?)", rows
    )


# -- checks ---------------------------------------------------------------------------------


def _tags(db: Database | sqlite3.Connection, kind: str) -> dict[str, bytes]:
    return dict(db.execute("SELECT id, tag FROM integrity WHERE kind=?", [kind]).fetchall())


def check_person(
    db: Database | sqlite3.Connection,
    key: bytes,
    person_id: str,
    wrapped: bytes | None,
    path: Path,
) -> None:
    """One person's wrapped key against its tag, read on `db` (the same snapshot as it)."""
    with sqlite_errors():
        row = db.execute(
            "SELECT tag FROM integrity WHERE kind=? AND id=?", [PERSON, person_id]
        ).fetchone()
    if wrapped is None or not crypto.integrity_ok(
        key, row and row[0], PERSON, person_id, bytes(wrapped)
    ):
        raise VaultTampered(PERSON, person_id, path=path)


def check_keys(db: Database | sqlite3.Connection, key: bytes, path: Path) -> None:
    """Every person's wrapped key, the index of keys and the practice key, against their tags."""
    with sqlite_errors():
        tags = _tags(db, PERSON)
        for person_id, wrapped in db.execute("SELECT id, wrapped_key FROM people").fetchall():
            if wrapped is None or not crypto.integrity_ok(
                key, tags.pop(person_id, None), PERSON, person_id, bytes(wrapped)
            ):
                raise VaultTampered(PERSON, person_id, path=path)
        for person_id in sorted(tags):
            raise VaultTampered("person_missing", person_id, path=path)
        meta_tags = {
            kind: tag
            for kind, tag in db.execute(
                f"SELECT kind, tag FROM integrity WHERE kind IN ({_META_MARKS})",
                META_TAGGED,
            )
        }
        for name in META_TAGGED:
            row = db.execute("SELECT value FROM meta WHERE key=?", [name]).fetchone()
            # A missing index of keys is rebuilt from the (tagged) wrapped keys; a missing
            # practice key is reported where it is needed (`practice_cipher`).
            if row is not None and not crypto.integrity_ok(key, meta_tags.get(name), name, row[0]):
                raise VaultTampered(name, path=path)


def all_entry_tags(db: Database | sqlite3.Connection) -> tuple[dict, dict]:
    """Every entry's tag and number of earlier versions. The tags by a scan of the table:
    through the (kind, id) index, each row cost a lookup (0.85 s → 0.22 s at 250,000)."""
    tags = dict(
        db.execute("SELECT id, tag FROM integrity NOT INDEXED WHERE kind=?", [ENTRY]).fetchall()
    )
    counts = dict(db.execute("SELECT entry_id, count(*) FROM revisions GROUP BY entry_id"))
    return tags, counts


def check_entries(
    db: Database | sqlite3.Connection,
    key: bytes,
    rows: Iterable[tuple[str, str, str]],
    path: Path,
    *,
    complete: bool = False,
    person_id: str | None = None,
) -> None:
    """These entries `(id, person_id, version_id)` against their tags and version counts.

    With `complete`, `rows` are all the entries of the vault; with `person_id`, all of
    that person's: a tag left without its entry (an entry deleted outside Dentelle) is
    then reported too. `db` must be the
    connection the rows were read on, in the same transaction: tags read elsewhere may
    be those of a later correction.
    """
    rows = list(rows)
    with sqlite_errors():
        if complete:
            tags, counts = all_entry_tags(db)
        elif person_id is not None:
            tags = dict(
                db.execute(
                    "SELECT id, tag FROM integrity WHERE kind=? AND person_id=?",
                    [ENTRY, person_id],
                ).fetchall()
            )
            counts = dict(
                db.execute(
                    "SELECT entry_id, count(*) FROM revisions WHERE person_id=? GROUP BY entry_id",
                    [person_id],
                ).fetchall()
            )
        else:
            tags, counts = {}, {}
            ids = [row[0] for row in rows]
            for start in range(0, len(ids), 500):
                batch = ids[start : start + 500]
                marks = ",".join("?" * len(batch))
                tags.update(
                    db.execute(
                        f"SELECT id, tag FROM integrity WHERE kind='entry' AND id IN ({marks})",
                        batch,
                    ).fetchall()
                )
                counts.update(
                    db.execute(
                        "SELECT entry_id, count(*) FROM revisions "
                        f"WHERE entry_id IN ({marks}) GROUP BY entry_id",
                        batch,
                    ).fetchall()
                )
    tagger = crypto.Tagger(key)
    for entry_id, person_id, version_id in rows:
        versions = str(counts.get(entry_id, 0) + 1)
        message = entry_message(person_id, entry_id, version_id, versions)
        if not tagger.ok_message(tags.pop(entry_id, None), message):
            raise VaultTampered(ENTRY, entry_id, path=path)
    if complete or person_id is not None:
        for entry_id in sorted(tags):
            raise VaultTampered("entry_missing", entry_id, path=path)


class Integrity(JournalBase):
    """The journal's side: tags written with every change, checked where items are used."""

    @property
    def _integrity_key(self) -> bytes:
        identity = self._identity
        if identity is None:
            raise DentelleError("store.closed")
        cached = self.keys.integrity
        if cached is None or cached[0] is not identity:
            cached = self.keys.integrity = (identity, crypto.integrity_key(identity))
        return cached[1]

    def _tag_person(self, person_id: str, wrapped: bytes) -> None:
        _put(
            self._db,
            PERSON,
            person_id,
            person_id,
            person_tag(self._integrity_key, person_id, wrapped),
        )

    def _tag_meta(self, name: str, value: str) -> None:
        _put(self._db, name, "", None, meta_tag(self._integrity_key, name, value))

    def _tag_entry(self, person_id: str, entry_id: str, version_id: str) -> None:
        """Tag an entry's current version and its number of versions, as they are now."""
        versions = (
            1
            + self._db.execute(
                "SELECT count(*) FROM revisions WHERE entry_id=?", [entry_id]
            ).fetchone()[0]
        )
        tag = entry_tag(self._integrity_key, person_id, entry_id, version_id, versions)
        _put(self._db, ENTRY, entry_id, person_id, tag)

    def _untag_entry(self, entry_id: str) -> None:
        self._db.execute("DELETE FROM integrity WHERE kind=? AND id=?", [ENTRY, entry_id])

    def _check_person(self, person_id: str, wrapped: bytes) -> None:
        check_person(self._db, self._integrity_key, person_id, wrapped, self.path)

    def _check_meta(self, name: str, value: str) -> None:
        row = self._db.execute(
            "SELECT tag FROM integrity WHERE kind=? AND id=''", [name]
        ).fetchone()
        if not crypto.integrity_ok(self._integrity_key, row and row[0], name, value):
            raise VaultTampered(name, path=self.path)

    def _check_entries(
        self,
        rows: Iterable[tuple],
        conn: sqlite3.Connection | None = None,
        *,
        person_id: str | None = None,
    ) -> None:
        """Entry rows `(id, person_id, version_id, …)` against their tags, read on `conn`
        (a reader's, in the rows' transaction) or on the journal's connection. With
        `person_id`, the rows are all that person's entries (a missing one is reported)."""
        ids = ((row[0], row[1], row[2]) for row in rows)
        key = self._integrity_key
        check_entries(conn or self._db, key, ids, self.path, person_id=person_id)

    def rebuild_integrity(self) -> None:
        """Recompute every tag from the current contents, in the caller's transaction.

        For code that rewrote sealed records or keys itself with the identity in hand
        (rekey): whatever the vault holds now is what the tags vouch for.
        """
        with self._closing:
            if self._identity is None:
                raise RuntimeError("journal is closed")
            with sqlite_errors(), self._db.atomic():
                rebuild(self._db, self._integrity_key)

    def verify_integrity(self) -> None:
        """Check every tag: keys, index, practice key, every entry, and nothing missing."""
        with self._closing:
            if self._identity is None:
                raise RuntimeError("journal is closed")
            check_keys(self._db, self._integrity_key, self.path)
            with sqlite_errors():
                rows = self._db.execute("SELECT id, person_id, version_id FROM entries")
                rows = rows.fetchall()
            check_entries(self._db, self._integrity_key, rows, self.path, complete=True)
