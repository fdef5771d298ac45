"""Receiving a story from a colleague: open, check, show, and only then take it in.

`read_handover` writes nothing: it opens the file with this vault's handover identity,
checks that it was made for this vault, checks the Ed25519 signature and who made it
(a colleague, a removed colleague, or someone unknown), and says what it holds.
`accept_handover` writes the story: a new one, or, when the same person comes back
(their id is here), merged note by note (`journal.store.transfer`).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature

from journal import crypto
from journal.dates import format_day
from journal.errors import DentelleError, VaultDamaged
from journal.handover.cards import Card, fingerprint
from journal.handover.colleagues import colleagues, has_keys, my_card, my_keys, removed_cards
from journal.handover.sending import FORMAT, signed_bytes
from journal.i18n import DEFAULT_LANGUAGE, register, translate
from journal.rhythm import Rhythm
from journal.store.consultations import record_consultation
from journal.store.transfer import create_person, free_person_id, merge_entries

if TYPE_CHECKING:
    from journal.store import Journal

register(
    {
        "count.versions": {"fr": "{n} versions", "en": "{n} versions"},
        "count.versions.one": {"fr": "{n} version", "en": "{n} version"},
        "handover.unreadable": {
            "fr": "Impossible de lire {path} ({reason}).",
            "en": "Cannot read {path} ({reason}).",
        },
        "handover.not_for_you": {
            "fr": (
                "Ce fichier ne s'ouvre pas avec votre carte : il a été fait pour quelqu'un "
                "d'autre, ou il a été abîmé ou modifié. Rien n'a été importé."
            ),
            "en": (
                "This file does not open with your card: it was made for someone else, or "
                "it was damaged or altered. Nothing was imported."
            ),
        },
        "handover.altered": {
            "fr": (
                "Ce fichier a été modifié depuis qu'il a été signé, ou n'est pas une "
                "transmission Dentelle. Rien n'a été importé."
            ),
            "en": (
                "This file was altered after it was signed, or is not a Dentelle handover. "
                "Nothing was imported."
            ),
        },
        "handover.removed_sender": {
            "fr": (
                "Ce fichier est signé par {name}, que vous avez retiré·e de vos collègues le "
                "{day}. Rien n'a été importé."
            ),
            "en": (
                "This file is signed by {name}, whom you removed from your colleagues on "
                "{day}. Nothing was imported."
            ),
        },
        "handover.unknown_sender": {
            "fr": (
                "L'expéditeur de ce fichier n'est pas parmi vos collègues (sa carte dit "
                "« {name} », empreinte : {words}). Importer seulement si vous êtes sûr·e "
                "de sa provenance."
            ),
            "en": (
                "The sender of this file is not among your colleagues (their card says "
                "“{name}”, fingerprint: {words}). Import only if you are sure where it "
                "comes from."
            ),
        },
    }
)


@dataclass(frozen=True)
class Incoming:
    """A handover file opened and checked, not yet taken in."""

    sender_name: str | None  # the colleague's name here; None for an unknown sender
    sender_status: str  # "known" or "unknown"
    person_name: str
    note_count: int
    version_count: int  # every version of every note, current ones included
    letter: str
    merges_with: str | None  # the person's id here when they come back
    created_at: datetime
    sender_card: Card
    payload: dict = field(repr=False, compare=False)


def _damaged() -> DentelleError:
    return DentelleError("handover.altered")


def _open_envelope(journal: Journal, path: Path) -> tuple[dict, str, bytes]:
    try:
        blob = path.read_bytes()
    except OSError as error:
        raise DentelleError(
            "handover.unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    if not has_keys(journal):  # no card yet: nothing was made for this vault
        raise DentelleError("handover.not_for_you")
    try:
        plain = crypto.age_decrypt(blob, my_keys(journal).identity, what="handover")
    except VaultDamaged:
        raise DentelleError("handover.not_for_you") from None
    try:
        envelope = json.loads(plain.decode("ascii"))
        if envelope.get("format") != FORMAT:
            raise ValueError("format")
        signed = envelope["signed"]
        signature = base64.b64decode(envelope["signature"], validate=True)
        payload = json.loads(signed)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise _damaged() from None
    return payload, signed, signature


def _validate(payload: dict) -> None:
    """The shape of a story, so that taking it in cannot fail halfway."""
    try:
        if payload.get("format") != FORMAT:
            raise ValueError("format")
        datetime.fromisoformat(payload["created_at"])
        person = payload["person"]
        if not isinstance(person["name"], str) or not person["name"].strip():
            raise ValueError("name")
        if not isinstance(person.get("profile", ""), str) or not isinstance(person["id"], str):
            raise ValueError("profile")
        if person.get("created_at") is not None:
            datetime.fromisoformat(person["created_at"])
        if not isinstance(payload["letter"], str):
            raise ValueError("letter")
        if person.get("rhythm"):
            Rhythm.from_json(person["rhythm"])
        note_ids = [note["id"] for note in payload["notes"]]
        version_ids = [v["version_id"] for note in payload["notes"] for v in note["versions"]]
        if len(set(note_ids)) != len(note_ids) or len(set(version_ids)) != len(version_ids):
            raise ValueError("twice the same id")
        for note in payload["notes"]:
            if not isinstance(note["id"], str) or not note["versions"]:
                raise ValueError("note")
            for version in note["versions"]:
                date.fromisoformat(version["occurred_on"])
                if version.get("time") is not None:
                    time.fromisoformat(version["time"])
                if datetime.fromisoformat(version["written_at"]).tzinfo is None:
                    raise ValueError("written_at")
                if not isinstance(version["text"], str) or not isinstance(
                    version["version_id"], str
                ):
                    raise ValueError("version")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _damaged() from None


def read_handover(journal: Journal, path: Path) -> Incoming:
    """Open and check a handover file; nothing is written (see the module's docstring)."""
    payload, signed, signature = _open_envelope(journal, path)
    try:
        card = Card.from_json(payload["sender"])
        card.public_key().verify(signature, signed_bytes(signed))
    except (DentelleError, InvalidSignature, KeyError, TypeError, ValueError):
        raise _damaged() from None
    if payload.get("recipient") != my_card(journal).recipient:
        raise DentelleError("handover.not_for_you")  # signed for someone else, passed on
    _validate(payload)
    known = next((c for c in colleagues(journal) if c.card.verify_key == card.verify_key), None)
    if known is None:
        for removed in removed_cards(journal):
            if removed.card.verify_key == card.verify_key:
                raise RemovedSender(removed.name, removed.removed_on)
    person_id = payload["person"]["id"]
    here = {p.id for p in journal.people()}
    notes = payload["notes"]
    return Incoming(
        sender_name=known.name if known else None,
        sender_status="known" if known else "unknown",
        person_name=payload["person"]["name"],
        note_count=len(notes),
        version_count=sum(len(note["versions"]) for note in notes),
        letter=payload["letter"],
        merges_with=person_id if person_id in here else None,
        created_at=datetime.fromisoformat(payload["created_at"]),
        sender_card=card,
        payload=payload,
    )


class RemovedSender(DentelleError):
    """A file signed by a colleague the worker removed: refused, the day said in words."""

    def __init__(self, name: str, removed_on: date) -> None:
        super().__init__("handover.removed_sender", name=name, day=removed_on.isoformat())
        self.removed_on = removed_on

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(
            self.key, lang, name=self.params["name"], day=format_day(self.removed_on, lang)
        )


class UnknownSender(DentelleError):
    """A file signed by someone who is not among the colleagues: said plainly, with the
    name their card gives and its fingerprint in the reader's language."""

    def __init__(self, card: Card) -> None:
        super().__init__("handover.unknown_sender", name=card.name or "?")
        self.card = card

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(
            self.key, lang, name=self.card.name or "?", words=fingerprint(self.card, lang)
        )


def accept_handover(
    journal: Journal, incoming: Incoming, *, allow_unknown: bool = False, keep_months: int = 12
) -> str:
    """Take the story in (new, or merged with the same person); returns their id here."""
    if incoming.sender_status != "known" and not allow_unknown:
        raise UnknownSender(incoming.sender_card)
    person = incoming.payload["person"]
    sender = incoming.sender_name or incoming.sender_card.name or "?"
    with journal.transaction():
        person_id = incoming.merges_with
        if person_id is None and person["id"] in {p.id for p in journal.people()}:
            person_id = person["id"]  # taken in since it was read: merge, never a copy
        if person_id is None:
            created = person.get("created_at")
            extra = {"rhythm": person["rhythm"]} if person.get("rhythm") else {}
            person_id = create_person(
                journal,
                free_person_id(journal, person["id"]),
                person["name"],
                person.get("profile", ""),
                datetime.fromisoformat(created) if created else None,
                extra,
            ).id
        else:
            _merge_profile(journal, person_id, person)
        merge_entries(journal, person_id, incoming.payload["notes"])
        _keep_letter(journal, person_id, sender, incoming)
        record_consultation(journal, person_id, "received", sender, keep_months=keep_months)
    return person_id


def _merge_profile(journal: Journal, person_id: str, person: dict) -> None:
    """Keep the local name; lose no word of either profile; a rhythm fills a gap."""
    local = journal.person(person_id)
    theirs = (person.get("profile") or "").strip()
    profile = local.profile
    if theirs and theirs not in local.profile:
        mine = local.profile.strip()
        # Their profile grew from ours: theirs is the whole of it. Else both are kept.
        profile = theirs if not mine or theirs.startswith(mine) else f"{mine}\n\n{theirs}"
    extra = {}
    if person.get("rhythm") and not local.extra.get("rhythm"):
        extra["rhythm"] = person["rhythm"]
    journal.update_person(person_id, profile=profile, extra=extra)


def _keep_letter(journal: Journal, person_id: str, sender: str, incoming: Incoming) -> None:
    """The letter stays with the story (`extra["letters"]`), read again when needed."""
    if not incoming.letter.strip():
        return
    letters = list(journal.person(person_id).extra.get("letters") or [])
    letter = {"from": sender, "at": incoming.created_at.isoformat(), "text": incoming.letter}
    if letter in letters:  # the same file taken in twice
        return
    letters.append(letter)
    journal.update_person(person_id, extra={"letters": letters})
