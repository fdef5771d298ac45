"""After a realistic session, the vault folder holds no name, word or date in clear."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, TickingClock

NAMES = ["Bérénice Lemoine", "Famille Haddad", "Kévin Moreau"]
SENTENCES = [
    "Rencontre à la permanence au sujet de la facture d'électricité.",
    "Visite à domicile : l'appartement est humide, courrier au bailleur social.",
    "Appel de la PMI pour le rendez-vous de vaccination de la petite.",
]
DAYS = [date(2026, 11, 27), date(2025, 3, 14), date(2024, 12, 2)]


def needles() -> list[bytes]:
    words = {w.strip(".,:;'") for s in SENTENCES for w in s.split() if len(w) > 5}
    found: list[str] = [*NAMES, *words]
    for day in DAYS:
        found += [
            day.isoformat(),
            day.strftime("%d/%m/%Y"),
            f"{day.day} novembre" if day.month == 11 else f"{day.day} mars",
        ]
    patterns = []
    for text in found:
        patterns += [text.encode("utf-8"), text.encode("utf-16-le"), text.lower().encode()]
    return patterns


def realistic_session(vault: Vault, clock: TickingClock) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        people = [journal.add_person(name, "Profil : " + name) for name in NAMES]
        for person, sentence, day in itertools.product(people, SENTENCES, DAYS):
            entry = journal.add_entry(person.id, day, f"{sentence} {person.name}.")
        journal.edit_entry(entry.id, text=SENTENCES[0] + " (corrigé)")
        journal.save_draft(people[0].id, SENTENCES[1], "27/11/2026")
        journal.delete_entry(entry.id)
        _ = journal.summaries()


def all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_no_plaintext_in_any_file_of_the_vault(vault: Vault, clock: TickingClock) -> None:
    realistic_session(vault, clock)
    files = all_bytes(vault.path)
    assert vault.database_file in files
    for path, data in files.items():
        for needle in needles():
            assert needle not in data, f"{needle!r} found in {path.name}"


def test_no_plaintext_in_the_wal_while_open(vault: Vault, clock: TickingClock) -> None:
    """The WAL is read while the journal is still open, before any checkpoint."""
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        person = journal.add_person(NAMES[0])
        journal.add_entry(person.id, DAYS[0], SENTENCES[0])
        wal = vault.path / "dentelle.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        data = b"".join(all_bytes(vault.path).values())
        for needle in needles():
            assert needle not in data
        assert isinstance(journal, Journal)
