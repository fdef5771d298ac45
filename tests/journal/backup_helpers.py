"""What the backup tests share: a populated journal, everything it holds, a set's files.

Imported by tests/journal/test_backup*.py (test modules never import each other).
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.digest import content_digest
from journal.backup.sets import SET_DIR_NAME, GenerationHeader, table_counts
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap

NAMES = ["Bérénice Lemoine", "Famille Haddad", "Kévin Moreau"]
SENTENCES = [
    "Rencontre à la permanence au sujet de la facture d'électricité.",
    "Visite à domicile : l'appartement est humide, courrier au bailleur social.",
    "Appel de la PMI pour le rendez-vous de vaccination de la petite.",
]
DAYS = [date(2026, 11, 27), date(2025, 3, 14), date(2024, 12, 2)]


def populate(journal: Journal, names: list[str] = NAMES) -> list[str]:
    """People with entries, a corrected entry (history) and a draft each; their ids."""
    ids = []
    for n, name in enumerate(names):
        person = journal.add_person(name, f"Profil de {name}")
        ids.append(person.id)
        for k, (sentence, day) in enumerate(zip(SENTENCES, DAYS, strict=True)):
            entry_time = time(9 + k, 30) if k == 1 else None
            entry = journal.add_entry(person.id, day, f"{sentence} ({name})", entry_time=entry_time)
            if k == n % 3:
                journal.edit_entry(entry.id, text=f"{sentence} Corrigé pour {name}.")
        journal.save_draft(person.id, f"Brouillon pour {name}", "hier")
    return ids


def dump(journal: Journal) -> dict:
    """Everything a person's file holds, decrypted: what a restore must give back."""
    story = {}
    for person in journal.people():
        entries = []
        for entry in journal.entries(person.id):
            versions = [
                (v.version_id, v.occurred_on, v.time, v.written_at, v.text)
                for v in journal.history(entry.id)
            ]
            entries.append((entry.id, entry.occurred_on, entry.time, entry.text, versions))
        story[person.id] = {"name": person.name, "profile": person.profile, "entries": entries}
    story["drafts"] = [(d.id, d.person_id, d.text, d.date_text) for d in journal.drafts()]
    story["tombstones"] = sorted(journal.tombstones())
    return story


def dump_vault(path: Path, keywrap: MemoKeyWrap) -> dict:
    with Vault(path, keywrap=keywrap).open(GOLDEN_IDENTITY) as journal:
        return dump(journal)


def set_files(usb: Path) -> dict[str, bytes]:
    """Every file of the backup set, hidden ones included, by relative name."""
    root = usb / SET_DIR_NAME
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def reseal_generation(path: Path, change: Callable[[sqlite3.Connection], None]) -> None:
    """Decrypt a generation, change it with `change(conn)`, and write it back as Dentelle
    would (counts, digest and tag of the new content): only the holder of the master
    identity can, which the tests are."""
    conn = sqlite3.connect(":memory:")
    conn.deserialize(pyrage.decrypt(path.read_bytes(), [GOLDEN_IDENTITY]))
    change(conn)
    header = dict(conn.execute("SELECT key, value FROM backup_generation"))
    rewritten = GenerationHeader(
        header["vault_id"],
        int(header["number"]),
        header["created"],
        table_counts(conn),
        set_id=header["set_id"],
        digest=content_digest(conn),
    )
    tag = base64.b64encode(rewritten.tag(crypto.integrity_key(GOLDEN_IDENTITY))).decode()
    for key, value in (
        ("counts", json.dumps(rewritten.counts, sort_keys=True)),
        ("digest", rewritten.digest),
        ("tag", tag),
    ):
        conn.execute("UPDATE backup_generation SET value=? WHERE key=?", [value, key])
    conn.commit()
    path.write_bytes(pyrage.encrypt(conn.serialize(), [GOLDEN_IDENTITY.to_public()]))


def restore_refused(usb: Path, tmp_path: Path, keywrap: MemoKeyWrap) -> str:
    """Restore `usb` onto a fresh machine, expecting a refusal: its message key, once
    checked that nothing was left behind."""
    import pytest

    from journal.backup import restore
    from journal.errors import BackupError

    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(usb, target, GOLDEN_IDENTITY)
    assert not target.path.parent.exists()
    return caught.value.key
