"""A colleague's card: what a worker gives a colleague so that stories can go between them.

A card holds nothing secret: a display name, an age X25519 recipient (the colleague
encrypts to it) and an Ed25519 verifying key (the colleague checks the sender's
signature with it). It is a few plain lines, easy to paste in a message or save to a
file; `parse_card` finds them in whatever text surrounds them (a mail, a quoted reply).

The fingerprint is what two colleagues read aloud to each other, face to face or on the
phone, to be sure the card they hold is the other's and not one slipped in on the way:
six words, one per byte of SHA-256 over the two keys (48 bits), from the lists of
`journal.handover.words`, where the n-th French and English words name the same thing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal import crypto
from journal.errors import DentelleError, VaultDamaged
from journal.handover.words import WORDS
from journal.i18n import register
from journal.text import strip_controls

register(
    {
        "handover.bad_card": {
            "fr": (
                "Ce texte n'est pas une carte Dentelle complète (il faut les lignes de "
                "« dentelle card » : {header}, name, recipient, verify)."
            ),
            "en": (
                "This text is not a whole Dentelle card (it needs the lines printed by "
                "“dentelle card”: {header}, name, recipient, verify)."
            ),
        },
    }
)

HEADER = "dentelle-card: v1"  # a first line that never reads as a command-line option
FINGERPRINT_WORDS = 6
MAX_NAME = 80


@dataclass(frozen=True)
class Card:
    """A worker's public card: display name, age recipient, Ed25519 verifying key."""

    name: str
    recipient: str
    verify_key: str

    def text(self) -> str:
        """The card as lines to copy, paste or save; `parse_card` reads them back."""
        return "\n".join(
            [
                HEADER,
                f"name: {self.name}",
                f"recipient: {self.recipient}",
                f"verify: {self.verify_key}",
                "",
            ]
        )

    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(self.verify_key))

    def to_json(self) -> dict:
        return {"name": self.name, "recipient": self.recipient, "verify_key": self.verify_key}

    @classmethod
    def from_json(cls, data: dict) -> Card:
        """A card from its JSON form, checked like a pasted one."""
        try:
            return checked(str(data["name"]), str(data["recipient"]), str(data["verify_key"]))
        except (KeyError, TypeError):
            raise DentelleError("handover.bad_card", header=HEADER) from None


def clean_name(name: str) -> str:
    """A display name on one line, without control characters, of reasonable length."""
    return " ".join(strip_controls(name).split())[:MAX_NAME]


def checked(name: str, recipient: str, verify_key: str) -> Card:
    """A card whose keys are real keys (an age recipient, 32 bytes of Ed25519)."""
    try:
        crypto.recipient_from_str(recipient)
        raw = base64.b64decode(verify_key, validate=True)
        if len(raw) != 32 or base64.b64encode(raw).decode("ascii") != verify_key:
            raise ValueError(verify_key)
        Ed25519PublicKey.from_public_bytes(raw)
    except (VaultDamaged, ValueError, binascii.Error):
        raise DentelleError("handover.bad_card", header=HEADER) from None
    return Card(clean_name(name), recipient.strip(), verify_key)


def parse_card(text: str) -> Card:
    """The card in `text` (its header line, then `name:`, `recipient:`, `verify:`).

    Lines may be indented or quoted (`> ` in a mail reply); anything before the header
    or after the card is ignored. Raises `DentelleError("handover.bad_card")`.
    """
    lines = [line.strip().lstrip(">").strip() for line in text.splitlines()]
    if HEADER not in lines:
        raise DentelleError("handover.bad_card", header=HEADER)
    fields: dict[str, str] = {}
    for line in lines[lines.index(HEADER) + 1 :]:
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in ("name", "recipient", "verify"):
            if fields.keys() >= {"recipient", "verify"}:
                break
            continue
        fields.setdefault(key.strip(), value.strip())
    if not fields.keys() >= {"recipient", "verify"}:
        raise DentelleError("handover.bad_card", header=HEADER)
    return checked(fields.get("name", ""), fields["recipient"], fields["verify"])


def fingerprint(card: Card, lang: str) -> str:
    """Six words to read aloud; the same card gives the same words (by meaning) in
    either language."""
    digest = hashlib.sha256(
        f"dentelle:v1:card:{card.recipient}:{card.verify_key}".encode("ascii")
    ).digest()
    words = WORDS.get(lang, WORDS["fr"])
    return " ".join(words[byte] for byte in digest[:FINGERPRINT_WORDS])
