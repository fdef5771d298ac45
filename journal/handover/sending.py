"""Handing a person's story to a colleague: one file, signed by the worker, for them only.

The file (docs/format.md, "The handover file") is an age file encrypted to the
colleague's recipient alone. Inside, JSON: the signed text (the person's profile and
rhythm, every note with every earlier version, ids and dates kept, the letter, the
sender's card, the colleague's recipient, when it was made) and the sender's Ed25519
signature over it. Its name says nothing about the person. Nothing is ever sent by
itself: the worker chooses where the file goes and carries it.
"""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from journal import crypto
from journal.errors import DentelleError
from journal.fsutil import write_atomic
from journal.handover.colleagues import find_colleague, my_card, my_keys
from journal.i18n import register
from journal.store.consultations import record_consultation
from journal.store.transfer import story_versions

if TYPE_CHECKING:
    from journal.store import Journal

register(
    {
        "handover.exists": {
            "fr": "{path} existe déjà : choisissez un autre nom, ou un dossier.",
            "en": "{path} already exists: choose another name, or a folder.",
        },
        "handover.no_folder": {
            "fr": "Le dossier {path} n'existe pas.",
            "en": "The folder {path} does not exist.",
        },
        "handover.cannot_write": {
            "fr": "Impossible d'écrire {path} ({reason}).",
            "en": "Cannot write {path} ({reason}).",
        },
    }
)

FORMAT = "dentelle-handover-1"
SIGNATURE_CONTEXT = b"dentelle:v1:handover-signature\n"
SUFFIX = ".dentelle"


def signed_bytes(signed: str) -> bytes:
    """What the signature covers: a fixed context line, then the signed text (ASCII)."""
    return SIGNATURE_CONTEXT + signed.encode("ascii")


def story_of(journal: Journal, person_id: str) -> dict:
    """A person's profile, rhythm and every note with every version, oldest first."""
    person = journal.person(person_id)
    versions = story_versions(journal, person_id)
    notes = [
        {"id": entry.id, "versions": versions[entry.id]} for entry in journal.entries(person_id)
    ]
    return {
        "person": {
            "id": person.id,
            "name": person.name,
            "profile": person.profile,
            "created_at": person.created_at.isoformat() if person.created_at else None,
            "rhythm": person.extra.get("rhythm"),
        },
        "notes": notes,
    }


def target_path(destination: Path) -> Path:
    """A new file in `destination` when it is a folder (a random name), else `destination`."""
    if destination.is_dir():
        while True:
            candidate = destination / f"transmission-{secrets.token_hex(4)}{SUFFIX}"
            if not candidate.exists():
                return candidate
    if destination.exists():
        raise DentelleError("handover.exists", path=str(destination))
    if not destination.parent.is_dir():
        raise DentelleError("handover.no_folder", path=str(destination.parent))
    return destination


def hand_over(
    journal: Journal,
    person_id: str,
    colleague: str,
    destination: Path,
    letter: str,
    *,
    keep_months: int = 12,
) -> Path:
    """Write the person's story for `colleague` into `destination` (a folder or a file
    path) and note "transmis à …" in the person's record of consultations."""
    to = find_colleague(journal, colleague)
    keys = my_keys(journal)
    payload = {
        "format": FORMAT,
        "created_at": journal.clock().isoformat(timespec="seconds"),
        "sender": my_card(journal).to_json(),
        "recipient": to.card.recipient,
        "letter": letter,
        **story_of(journal, person_id),
    }
    signed = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    signature = keys.signing.sign(signed_bytes(signed))
    envelope = {
        "format": FORMAT,
        "signed": signed,
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    sealed = crypto.age_encrypt(
        json.dumps(envelope, ensure_ascii=True).encode("ascii"),
        [crypto.recipient_from_str(to.card.recipient)],
    )
    path = target_path(destination)
    try:
        write_atomic(path, sealed)
    except OSError as error:
        raise DentelleError(
            "handover.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from None
    record_consultation(journal, person_id, "handed", to.name, keep_months=keep_months)
    return path
