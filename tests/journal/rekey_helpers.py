"""Helpers of the key rotation tests: a key wrapper without scrypt, a full vault, its dump.

`rekey` makes a new master identity, so the memoizing wrapper of `tests/conftest.py`
would run real scrypt twice per rotation. `FastKeyWrap` stands in for it through the
same seam: ChaCha20-Poly1305 under SHA-256 of the secret (never a format Dentelle
writes), deterministic in the secret so that a child process and the test agree.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date, time
from pathlib import Path

from journal import crypto
from journal.errors import VaultDamaged, VaultLocked
from journal.handover.cards import Card
from journal.handover.colleagues import add_colleague, colleagues, my_card, set_my_name
from journal.store import Journal
from journal.store.consultations import consultations, record_consultation
from journal.store.practice import PRACTICE, add_practice_note, practice_notes
from journal.vault import Vault

OLD_PASSPHRASE = "ancienne phrase de passe du coffre pour les essais"
NEW_PASSPHRASE = "nouvelle phrase de passe choisie après la clé perdue"
MAGIC = b"fast-keywrap/test\n"


class FastKeyWrap:
    """See the module docstring."""

    def wrap(self, secret: str, payload: bytes) -> bytes:
        key = hashlib.sha256(secret.encode("utf-8")).digest()
        return MAGIC + crypto.seal(key, payload, MAGIC)

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise VaultDamaged("crypto.damaged", what="identity")
        key = hashlib.sha256(secret.encode("utf-8")).digest()
        try:
            return crypto.open_sealed(key, blob[len(MAGIC) :], MAGIC)
        except VaultDamaged:
            raise VaultLocked("crypto.wrong_secret") from None


def make_vault(path: Path) -> tuple[Vault, str]:
    """A new vault under `OLD_PASSPHRASE`; returns it and its recovery code."""
    vault = Vault(path, keywrap=FastKeyWrap())
    created = vault.create(OLD_PASSPHRASE, check=False)
    return vault, created.recovery_code


def fill(journal: Journal, people: int = 3, entries: int = 4) -> None:
    """Something of every kind of sealed record."""
    with journal.transaction():
        for p in range(people):
            person = journal.add_person(f"Personne {p} Élodie", profile=f"profil {p}")
            journal.update_person(person.id, extra={"rhythm": "tous les mois"})
            for e in range(entries):
                entry = journal.add_entry(
                    person.id, date(2026, 1 + e % 12, 1 + p), f"note {p}-{e} : café ☕"
                )
                if e % 2 == 0:
                    journal.edit_entry(entry.id, text=f"note {p}-{e} corrigée")
                    journal.edit_entry(entry.id, entry_time=time(9, 30))
            journal.save_draft(person.id, f"brouillon {p}", "demain")
            record_consultation(journal, person.id, "opened")
            record_consultation(journal, person.id, "exported", "markdown")
        add_practice_note(journal, date(2026, 2, 3), "ce que j'ai ressenti")
        add_practice_note(journal, date(2026, 2, 4), "ce qui a aidé")
        journal.save_draft(PRACTICE, "une note de pratique en cours")
    # The worker's handover keys and a colleague's card (their own sealed table).
    set_my_name(journal, "Claire, assistante sociale")
    add_colleague(journal, "Samir", colleague_card("Samir").text())


def colleague_card(name: str) -> Card:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    verify = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    recipient = str(crypto.generate_identity().to_public())
    return Card(name, recipient, base64.b64encode(verify).decode("ascii"))


def dump(journal: Journal) -> dict:
    """Every decrypted value of the vault, by id (what a rekey must keep identical)."""
    people = journal.people()
    return {
        "vault_id": journal.vault_id,
        "people": people,
        "summaries": journal.summaries(),
        "entries": {p.id: journal.entries(p.id) for p in people},
        "histories": {e.id: journal.history(e.id) for p in people for e in journal.entries(p.id)},
        "drafts": journal.drafts(),
        "practice": practice_notes(journal),
        "consultations": {p.id: consultations(journal, p.id) for p in people},
        "tombstones": journal.tombstones(),
        "card": my_card(journal),
        "colleagues": colleagues(journal),
    }
