"""The worker's own card and their colleagues' cards, kept sealed in the vault.

The worker's handover keys (an age X25519 identity to receive with, an Ed25519 key to
sign with) are made on the first call of `my_card` and kept in the vault's `colleagues`
table, sealed under a key wrapped to the master (`journal.store.colleagues`): they
never leave the vault. A removed colleague's card stays as a sealed record, so that a
file they signed later is refused as theirs rather than shown as from a stranger.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from journal import crypto
from journal.errors import DentelleError, NotFound
from journal.handover.cards import Card, clean_name, parse_card
from journal.i18n import register
from journal.store.colleagues import ME, colleague_rows, write_colleague_row
from journal.text import fold

if TYPE_CHECKING:
    from journal.store import Journal

register(
    {
        "handover.own_card": {
            "fr": "C'est votre propre carte : ajoutez celle de votre collègue.",
            "en": "This is your own card: add your colleague's.",
        },
        "handover.duplicate_name": {
            "fr": "Vous avez déjà un·e collègue nommé·e « {name} » : choisissez un autre nom.",
            "en": "You already have a colleague named “{name}”: choose another name.",
        },
        "handover.duplicate_card": {
            "fr": "Cette carte est déjà celle de votre collègue « {name} ».",
            "en": "This card is already your colleague “{name}”'s.",
        },
        "handover.empty_name": {
            "fr": "Donnez un nom à votre collègue.",
            "en": "Give your colleague a name.",
        },
        "handover.no_colleague": {
            "fr": "Aucun·e collègue nommé·e « {name} » (voir « dentelle colleagues »).",
            "en": "No colleague named “{name}” (see “dentelle colleagues”).",
        },
    }
)


@dataclass(frozen=True)
class Colleague:
    """A colleague as the worker named them, with their card."""

    name: str
    card: Card
    added_on: date
    id: str = ""


@dataclass(frozen=True)
class RemovedCard:
    """A colleague's card kept after removal: their files are refused as theirs."""

    name: str
    card: Card
    removed_on: date


@dataclass(frozen=True)
class Keys:
    """The worker's private handover keys, in memory only."""

    identity: pyrage.x25519.Identity
    signing: Ed25519PrivateKey
    name: str


def _new_keys(journal: Journal) -> dict:
    signing = Ed25519PrivateKey.generate()
    raw = signing.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    payload = {
        "name": "",
        "identity": str(crypto.generate_identity()),
        "signing_key": base64.b64encode(raw).decode("ascii"),
        "created_on": journal.clock().date().isoformat(),
    }
    write_colleague_row(journal, ME, payload)
    return payload


def _me(journal: Journal) -> dict:
    return colleague_rows(journal).get(ME) or _new_keys(journal)


def has_keys(journal: Journal) -> bool:
    """Has this worker's card been made yet? (Reading a file must not make one.)"""
    return ME in colleague_rows(journal)


def my_keys(journal: Journal) -> Keys:
    """The worker's handover identity and signing key (made on first use)."""
    me = _me(journal)
    signing = Ed25519PrivateKey.from_private_bytes(base64.b64decode(me["signing_key"]))
    return Keys(crypto.identity_from_bytes(me["identity"].encode("ascii")), signing, me["name"])


def _card_of(keys: Keys) -> Card:
    raw = keys.signing.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return Card(keys.name, str(keys.identity.to_public()), base64.b64encode(raw).decode("ascii"))


def my_card(journal: Journal) -> Card:
    """The worker's public card; their keys are made and sealed on the first call."""
    return _card_of(my_keys(journal))


def set_my_name(journal: Journal, name: str) -> Card:
    """Choose the name shown on the worker's card."""
    me = dict(_me(journal))
    me["name"] = clean_name(name)
    write_colleague_row(journal, ME, me)
    return my_card(journal)


def _rows(journal: Journal) -> list[tuple[str, dict]]:
    return [(row_id, row) for row_id, row in colleague_rows(journal).items() if row_id != ME]


def colleagues(journal: Journal) -> list[Colleague]:
    """The worker's colleagues, by name (removed ones aside)."""
    found = [
        Colleague(
            row["name"], Card.from_json(row["card"]), date.fromisoformat(row["added_on"]), row_id
        )
        for row_id, row in _rows(journal)
        if not row.get("removed_on")
    ]
    return sorted(found, key=lambda c: fold(c.name))


def removed_cards(journal: Journal) -> list[RemovedCard]:
    """The cards of colleagues the worker removed, kept to refuse their files."""
    return [
        RemovedCard(row["name"], Card.from_json(row["card"]), date.fromisoformat(row["removed_on"]))
        for _, row in _rows(journal)
        if row.get("removed_on")
    ]


def find_colleague(journal: Journal, name: str) -> Colleague:
    """The colleague of that name (case and accents aside)."""
    needle = fold(name.strip())
    for colleague in colleagues(journal):
        if fold(colleague.name) == needle:
            return colleague
    raise NotFound("handover.no_colleague", name=clean_name(name))


def add_colleague(journal: Journal, name: str, card_text: str) -> Colleague:
    """Keep a colleague's card under the name the worker gives them."""
    name = clean_name(name)
    if not name:
        raise DentelleError("handover.empty_name")
    card = parse_card(card_text)
    mine = my_card(journal)
    if (card.recipient, card.verify_key) == (mine.recipient, mine.verify_key):
        raise DentelleError("handover.own_card")
    for other in colleagues(journal):
        if fold(other.name) == fold(name):
            raise DentelleError("handover.duplicate_name", name=other.name)
        if card.recipient == other.card.recipient or card.verify_key == other.card.verify_key:
            raise DentelleError("handover.duplicate_card", name=other.name)
    added = Colleague(name, card, journal.clock().date(), crypto.new_id())
    payload = {"name": name, "card": card.to_json(), "added_on": added.added_on.isoformat()}
    write_colleague_row(journal, added.id, payload)
    return added


def remove_colleague(journal: Journal, name: str) -> None:
    """Stop trusting a colleague's card; it is kept as a record of a removed card."""
    colleague = find_colleague(journal, name)
    payload = {
        "name": colleague.name,
        "card": colleague.card.to_json(),
        "added_on": colleague.added_on.isoformat(),
        "removed_on": journal.clock().date().isoformat(),
    }
    write_colleague_row(journal, colleague.id, payload)
