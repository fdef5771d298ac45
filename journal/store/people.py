"""People: each one's sealed profile, and the sealed summary the people list reads.

A profile (name, free text, and whatever else the views keep, such as a rhythm) is
sealed under the person's own key with `person:<id>` as associated data. The summary
(number of entries, date of the last contact) is sealed beside it and kept up to date
by every change to their entries, so that the list appears at unlock without opening
every note.
"""

from __future__ import annotations

from datetime import date, datetime

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import Ambiguous, DentelleError, NotFound
from journal.model import Person, PersonSummary
from journal.store.connection import serialized
from journal.store.keys import PersonKeys
from journal.store.sealing import aad, pack, sqlite_errors, unpack
from journal.text import fold

_PERSON, _SUMMARY = aad("person", ""), aad("summary", "")  # + the person's id


def _person(person_id: str, data: dict) -> Person:
    """A person from their opened profile (`data` is consumed)."""
    created = data.pop("created_at", None)
    return Person(
        id=person_id,
        name=data.pop("name"),
        profile=data.pop("profile", ""),
        created_at=datetime.fromisoformat(created) if created else None,
        extra=data,
    )


class People(PersonKeys):
    @serialized
    def add_person(self, name: str, profile: str = "") -> Person:
        if not name.strip():
            raise DentelleError("store.empty_name")
        person_id = crypto.new_id()
        key = crypto.new_data_key()
        wrapped = crypto.age_encrypt(key, [self.identity.to_public()])
        person = Person(id=person_id, name=name, profile=profile, created_at=self.clock())
        with sqlite_errors(), self._db.atomic():
            self._db.execute(
                "INSERT INTO people (id, wrapped_key, sealed) VALUES (?, ?, ?)",
                [person_id, wrapped, self._seal_person(crypto.aead(key), person)],
            )
            self._tag_person(person_id, wrapped)
            self.keys.ciphers[person_id] = crypto.aead(key)
            self.keys.secrets[person_id] = key.hex()
            self._write_person_keys()
        return person

    def _seal_person(self, key: ChaCha20Poly1305, person: Person) -> bytes:
        payload = {
            "name": person.name,
            "profile": person.profile,
            "created_at": person.created_at.isoformat() if person.created_at else None,
            **person.extra,
        }
        return crypto.seal(key, pack(payload), aad("person", person.id))

    def _open_person(self, person_id: str, sealed: bytes) -> Person:
        data = unpack(
            crypto.open_sealed(self.person_key(person_id), sealed, aad("person", person_id))
        )
        return _person(person_id, data)

    @serialized
    def people(self) -> list[Person]:
        """Everyone, sorted by name (accent- and case-insensitive)."""
        with sqlite_errors():
            rows = self._db.execute("SELECT id, sealed FROM people").fetchall()
        people = [self._open_person(pid, sealed) for pid, sealed in rows]
        return sorted(people, key=lambda p: fold(p.name))

    @serialized
    def person(self, person_id: str) -> Person:
        with sqlite_errors():
            row = self._db.execute("SELECT sealed FROM people WHERE id=?", [person_id]).fetchone()
        if row is None:
            raise NotFound("store.person_not_found", query=person_id)
        return self._open_person(person_id, row[0])

    @serialized
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
        with sqlite_errors(), self._db.atomic():
            self._db.execute("UPDATE people SET sealed=? WHERE id=?", [sealed, person_id])
        return updated

    @serialized
    def namesakes(self, name: str) -> list[PersonSummary]:
        """Everyone whose name is `name`, case, accents and outer spaces aside, with
        their summaries (what tells them apart: profile, last contact, id)."""
        needle = fold(name.strip())
        return [s for s in self.summaries() if needle and fold(s.person.name.strip()) == needle]

    @serialized
    def find_person(self, query: str) -> Person:
        """By id, or by a case- and accent-insensitive part of the name.

        Raises `NotFound`, or `Ambiguous` with the candidates when several match and
        none matches the whole name: their summaries, so that what tells them apart
        (profile, last contact, id) can be shown.
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
        ids = {p.id for p in matches}
        candidates = [s for s in self.summaries() if s.person.id in ids]
        raise Ambiguous("store.person_ambiguous", candidates=candidates, query=query)

    @serialized
    def summaries(self) -> list[PersonSummary]:
        """Every person with their number of entries and the date of the last contact.

        Read from each person's sealed summary (kept up to date by every entry change)
        rather than from all their entries: the people list must appear at unlock
        without decrypting 50,000 notes.
        """
        with sqlite_errors():
            rows = self._db.execute("SELECT id, sealed, summary FROM people").fetchall()
        result = []
        today = self.clock().date()
        ciphers = self.keys.ciphers
        # One loop, few layers: at 5,000 people each call per person is 5 ms of the list.
        for person_id, sealed, summary in rows:
            cipher = ciphers.get(person_id) or self.person_key(person_id)
            ids = person_id.encode("ascii")
            person = _person(person_id, unpack(crypto.open_sealed(cipher, sealed, _PERSON + ids)))
            if summary is None:
                count, last = self._recompute_summary(person_id)
            else:
                data = unpack(crypto.open_sealed(cipher, summary, _SUMMARY + ids))
                count, last = self._as_of(person_id, data, today)
            result.append(PersonSummary(person=person, entry_count=count, last_contact=last))
        return sorted(result, key=lambda s: fold(s.person.name))

    def _summary_parts(self, person_id: str, sealed: bytes) -> tuple[int, date | None, list[date]]:
        """The sealed summary: the count, the last day that had come when it was written,
        and the days still ahead then (notes about something planned, "demain")."""
        data = unpack(
            crypto.open_sealed(self.person_key(person_id), sealed, aad("summary", person_id))
        )
        last = data.get("last")
        ahead = [date.fromisoformat(day) for day in data.get("ahead", [])]
        return data["count"], date.fromisoformat(last) if last else None, ahead

    def _open_summary(
        self, person_id: str, sealed: bytes, today: date | None = None
    ) -> tuple[int, date | None]:
        """The count and the last contact as of today: a planned day counts once it has come.

        A list of people passes `today`, read once (the clock costs a little per call)."""
        data = unpack(
            crypto.open_sealed(self.person_key(person_id), sealed, aad("summary", person_id))
        )
        return self._as_of(person_id, data, today or self.clock().date())

    def _as_of(self, person_id: str, data: dict, today: date) -> tuple[int, date | None]:
        """A summary's count and last contact on `today` (`_summary_parts` says its parts)."""
        last = date.fromisoformat(data["last"]) if data.get("last") else None
        if last is not None and last > today:  # written before days ahead were kept apart
            return self._recompute_summary(person_id)
        ahead = data.get("ahead")
        if not ahead:
            return data["count"], last
        come = [day for day in map(date.fromisoformat, ahead) if day <= today]
        return data["count"], max([*come, last] if last else come, default=None)

    def _write_summary(
        self, person_id: str, count: int, last: date | None, ahead: list[date] | None = None
    ) -> None:
        payload = {
            "count": count,
            "last": last.isoformat() if last else None,
            "ahead": sorted(day.isoformat() for day in ahead or []),
        }
        sealed = crypto.seal(self.person_key(person_id), pack(payload), aad("summary", person_id))
        self._db.execute("UPDATE people SET summary=? WHERE id=?", [sealed, person_id])

    def _recompute_summary(self, person_id: str) -> tuple[int, date | None]:
        """Count a person's entries and find the last contact from the entries themselves.

        A note dated after today (something planned) is kept apart: it becomes the last
        contact on its day, not before. `entries` is `Entries.entries`: that part of
        `Journal` builds on this one.
        """
        days = [e.occurred_on for e in self.entries(person_id)]
        today = self.clock().date()
        last = max((day for day in days if day <= today), default=None)
        with sqlite_errors(), self._db.atomic():
            self._write_summary(person_id, len(days), last, [day for day in days if day > today])
        return len(days), last
