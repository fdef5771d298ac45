"""Drafts: what the worker is writing, saved every few seconds so that nothing is lost.

A draft is sealed under its person's key with `draft:<person_id>:<id>` as associated
data. A practice note being written is kept as a draft like any entry (person id
`practice`), sealed under the practice journal's own key, so that a lock or a closed
terminal loses none of it either.
"""

from __future__ import annotations

from datetime import datetime

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import NotFound
from journal.model import Draft
from journal.store.connection import serialized
from journal.store.keys import PersonKeys
from journal.store.practice import PRACTICE, practice_cipher
from journal.store.sealing import aad, pack, sqlite_errors, unpack


class Drafts(PersonKeys):
    @serialized
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
        sealed = crypto.seal(key, pack(payload), aad("draft", person_id, draft_id))
        with sqlite_errors(), self._db.atomic():
            self._db.execute(
                "INSERT OR REPLACE INTO drafts (id, person_id, sealed) VALUES (?, ?, ?)",
                [draft_id, person_id, sealed],
            )
        return Draft(draft_id, person_id, text, date_text, saved_at, entry_id)

    def _draft_key(self, person_id: str) -> ChaCha20Poly1305:
        """The cipher a draft is sealed with: its person's, or the practice journal's."""
        return practice_cipher(self) if person_id == PRACTICE else self.person_key(person_id)

    @serialized
    def drafts(self) -> list[Draft]:
        """Every draft, most recently saved first."""
        with sqlite_errors():
            rows = self._db.execute("SELECT id, person_id, sealed FROM drafts").fetchall()
        drafts = []
        for draft_id, person_id, sealed in rows:
            key = self._draft_key(person_id)
            data = unpack(crypto.open_sealed(key, sealed, aad("draft", person_id, draft_id)))
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

    @serialized
    def draft(self, draft_id: str) -> Draft:
        for draft in self.drafts():
            if draft.id == draft_id:
                return draft
        raise NotFound("store.draft_not_found")

    @serialized
    def discard_draft(self, draft_id: str) -> None:
        with sqlite_errors(), self._db.atomic():
            self._db.execute("DELETE FROM drafts WHERE id=?", [draft_id])
