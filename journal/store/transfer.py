"""Writing a story that arrives from elsewhere (a colleague's handover), ids kept.

A received story keeps the ids it was written with: the person's (unless that id is
already someone else here, or was forgotten here: a tombstone must never erase a new
arrival at the next restore), each note's and each version's, with their dates. When the
person is already here, notes are merged by id: versions not yet known are added, the
one written last becomes the current one, nothing is dropped and nothing is doubled.
Every version is sealed again under this vault's key for the person.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from journal import crypto
from journal.model import Person
from journal.store.sealing import aad, pack, sqlite_errors, unpack

if TYPE_CHECKING:
    from journal.store.journal import Journal


def free_person_id(journal: Journal, wanted: str) -> str:
    """`wanted` when no one here has it and it was never forgotten here, else a new id."""
    with sqlite_errors():
        taken = journal._db.execute(
            "SELECT 1 FROM people WHERE id=? UNION ALL SELECT 1 FROM tombstones WHERE person_id=?",
            [wanted, wanted],
        ).fetchone()
    return crypto.new_id() if taken or not _is_id(wanted) else wanted


def _is_id(text: str) -> bool:
    return len(text) == 16 and all(ch in "0123456789abcdef" for ch in text)


def create_person(
    journal: Journal,
    person_id: str,
    name: str,
    profile: str,
    created_at: datetime | None,
    extra: dict,
) -> Person:
    """A new person row with this id (see `free_person_id`) and a new key."""
    key = crypto.new_data_key()
    wrapped = crypto.age_encrypt(key, [journal.identity.to_public()])
    person = Person(id=person_id, name=name, profile=profile, created_at=created_at, extra=extra)
    with sqlite_errors(), journal._db.atomic():
        journal._db.execute(
            "INSERT INTO people (id, wrapped_key, sealed) VALUES (?, ?, ?)",
            [person_id, wrapped, journal._seal_person(crypto.aead(key), person)],
        )
        journal._tag_person(person_id, wrapped)  # a key only the master could have granted
        journal.keys.ciphers[person_id] = crypto.aead(key)
        journal.keys.secrets[person_id] = key.hex()
        journal._write_person_keys()
    return person


def story_versions(journal: Journal, person_id: str) -> dict[str, list[dict]]:
    """Every note of a person with every version, oldest first (the current one last),
    as the handover file holds them: two queries, whatever the number of notes (one
    `history` per note was quadratic: 0.67 s for 500 notes)."""
    key = journal.person_key(person_id)
    with sqlite_errors():
        earlier = journal._db.execute(
            "SELECT entry_id, version_id, sealed FROM revisions WHERE person_id=? "
            "ORDER BY entry_id, seq",
            [person_id],
        ).fetchall()
        current = journal._db.execute(
            "SELECT id, version_id, sealed FROM entries WHERE person_id=?", [person_id]
        ).fetchall()
    notes: dict[str, list[dict]] = {entry_id: [] for entry_id, _, _ in current}
    for entry_id, version_id, sealed in [*earlier, *current]:
        if entry_id in notes:
            opened = unpack(
                crypto.open_sealed(key, sealed, aad("entry", person_id, entry_id, version_id))
            )
            notes[entry_id].append(_version(version_id, opened))
    return notes


def _version(version_id: str, data: dict) -> dict:
    return {
        "version_id": version_id,
        "occurred_on": data["occurred_on"],
        "time": data.get("time"),
        "written_at": data["written_at"],
        "text": data["text"],
    }


def merge_entries(journal: Journal, person_id: str, entries: list[dict]) -> tuple[int, int]:
    """Write each note (`{"id", "versions": [version, …]}`, oldest version first) into
    this person's story. A version is `{"version_id", "occurred_on", "time",
    "written_at", "text"}`. Returns (notes added, versions added)."""
    key = journal.person_key(person_id)
    added_notes = added_versions = 0
    here = story_versions(journal, person_id)
    with sqlite_errors(), journal._db.atomic(), journal._reindexing(person_id) as index:
        for entry in entries:
            entry_id = entry["id"]
            row = journal._db.execute(
                "SELECT person_id FROM entries WHERE id=?", [entry_id]
            ).fetchone()
            incoming = [dict(v) for v in entry["versions"]]
            if row is not None and row[0] != person_id:  # someone else's note id: a new id
                entry_id, row = crypto.new_id(), None
                for version in incoming:
                    version["version_id"] = crypto.new_id()
            local = [] if row is None else here.get(entry_id, [])
            known = {v["version_id"] for v in local}
            fresh = [v for v in incoming if v["version_id"] not in known]
            if not fresh:
                continue
            versions = sorted(
                [*local, *fresh], key=lambda v: datetime.fromisoformat(v["written_at"])
            )
            current = _rewrite(journal, key, person_id, entry_id, versions)
            journal._index_note(index, entry_id, versions[-1]["version_id"], current)
            added_notes += row is None
            added_versions += len(fresh)
        journal._recompute_summary(person_id)
    return added_notes, added_versions


def _rewrite(journal: Journal, key, person_id: str, entry_id: str, versions: list[dict]) -> bytes:
    """Replace the rows of one note by `versions` (oldest first, the last is current);
    returns the current version's payload (for the word index)."""
    sealed = []
    for version in versions:
        payload = {
            "occurred_on": date.fromisoformat(version["occurred_on"]).isoformat(),
            "time": version.get("time"),
            "written_at": version["written_at"],
            "text": version["text"],
        }
        sealed.append(
            journal._seal_version(key, person_id, entry_id, version["version_id"], payload)
        )
        current = pack(payload)
    db = journal._db
    db.execute("DELETE FROM revisions WHERE entry_id=?", [entry_id])
    db.execute("DELETE FROM entries WHERE id=?", [entry_id])
    for seq, (version, blob) in enumerate(zip(versions[:-1], sealed[:-1], strict=True), 1):
        db.execute(
            "INSERT INTO revisions (version_id, entry_id, person_id, seq, sealed) "
            "VALUES (?, ?, ?, ?, ?)",
            [version["version_id"], entry_id, person_id, seq, blob],
        )
    db.execute(
        "INSERT INTO entries (id, person_id, version_id, sealed) VALUES (?, ?, ?, ?)",
        [entry_id, person_id, versions[-1]["version_id"], sealed[-1]],
    )
    journal._tag_entry(person_id, entry_id, versions[-1]["version_id"])
    return current
