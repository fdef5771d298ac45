"""The worker's practice journal: reflective notes about their own work, not about a person.

Sealed like a person's entries, under a key of its own that is age-wrapped to the master
recipient (`meta.practice_key`), with `dentelle:v1:practice:<id>` as associated data.
Notes come back as `Entry` records whose `person_id` is `PRACTICE`, so that the
timeline, the search and the pertinence check treat them like any other writing.

Optional prompts follow Gibbs' reflective cycle; they are offered as headings the worker
may keep, fill or delete, never required.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import NotFound
from journal.i18n import LANGUAGES, register, translate
from journal.model import Entry
from journal.store.entries import entry_payload
from journal.store.sealing import aad, pack, sqlite_errors, unpack

if TYPE_CHECKING:
    from journal.store.journal import Journal

PRACTICE = "practice"

register(
    {
        "practice.not_found": {
            "fr": "Aucune note de pratique avec l'identifiant « {entry_id} ».",
            "en": "No practice note with id “{entry_id}”.",
        },
        "practice.prompts": {
            "fr": (
                "Ce qui s'est passé :\n\n"
                "Ce que j'ai ressenti :\n\n"
                "Ce qui a aidé, ce qui a gêné :\n\n"
                "Ce que j'en comprends :\n\n"
                "Ce que j'aurais pu faire autrement :\n\n"
                "Ce que j'essaierai la prochaine fois :\n"
            ),
            "en": (
                "What happened:\n\n"
                "What I felt:\n\n"
                "What helped, what got in the way:\n\n"
                "What I make of it:\n\n"
                "What else I could have done:\n\n"
                "What I will try next time:\n"
            ),
        },
    }
)


def prompts(lang: str) -> str:
    """Gibbs' cycle as gentle headings to start a practice note with (all optional)."""
    return translate("practice.prompts", lang)


def without_empty_prompts(text: str) -> str:
    """`text` without the questions of `prompts` left unanswered (in either language).

    A heading is dropped with the blank lines under it when nothing is written before
    the next heading or the end; what the worker wrote is left as it is. Text with no
    empty heading comes back unchanged.
    """
    headings = {
        line.strip() for lang in LANGUAGES for line in prompts(lang).splitlines() if line.strip()
    }
    sections: list[list[str]] = [[]]  # the lines before the first heading, then one each
    for line in text.split("\n"):
        if line.strip() in headings:
            sections.append([])
        sections[-1].append(line)
    kept = [
        section
        for index, section in enumerate(sections)
        if index == 0 or any(line.strip() for line in section[1:])
    ]
    if len(kept) == len(sections):
        return text
    return "\n".join(line for section in kept for line in section).rstrip()


def practice_cipher(journal: Journal) -> ChaCha20Poly1305:
    """The practice journal's cipher, unwrapped from `meta.practice_key` on first use."""
    return journal.own_cipher("practice_key", PRACTICE)


def add_practice_note(
    journal: Journal, occurred_on: date, text: str, *, written_at: datetime | None = None
) -> Entry:
    """Seal and store a practice note."""
    payload = entry_payload(occurred_on, None, text, written_at or journal.clock())
    note_id = crypto.new_id()
    sealed = crypto.seal(practice_cipher(journal), pack(payload), aad(PRACTICE, note_id))
    with sqlite_errors(), journal._db.atomic():
        journal._db.execute("INSERT INTO practice (id, sealed) VALUES (?, ?)", [note_id, sealed])
    return _entry(note_id, payload)


def _entry(note_id: str, data: dict) -> Entry:
    return Entry(
        id=note_id,
        person_id=PRACTICE,
        version_id=note_id,
        occurred_on=date.fromisoformat(data["occurred_on"]),
        written_at=datetime.fromisoformat(data["written_at"]),
        text=data["text"],
    )


def practice_notes(journal: Journal) -> list[Entry]:
    """Every practice note, in the order things happened."""
    cipher = practice_cipher(journal)
    with sqlite_errors():
        rows = journal._db.execute("SELECT id, sealed FROM practice").fetchall()
    notes = [
        _entry(note_id, unpack(crypto.open_sealed(cipher, sealed, aad(PRACTICE, note_id))))
        for note_id, sealed in rows
    ]
    return sorted(notes, key=lambda e: (e.occurred_on, e.written_at))


def delete_practice_note(journal: Journal, note_id: str) -> None:
    with sqlite_errors():
        with journal._db.atomic():
            deleted = journal._db.execute("DELETE FROM practice WHERE id=?", [note_id]).rowcount
        journal.checkpoint()
    if not deleted:
        raise NotFound("practice.not_found", entry_id=note_id)
