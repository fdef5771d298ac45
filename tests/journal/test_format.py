"""The on-disk format must not change silently: the committed golden vault still opens.

If this fails, the format changed. Either revert, or write a migration, document it in
docs/format.md and regenerate the golden vault on purpose (tests/data/make_golden.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyrage

from journal.vault import Vault
from tests.conftest import (
    DATA,
    GOLDEN,
    GOLDEN3,
    GOLDEN_IDENTITY,
    GOLDEN_PASSPHRASE,
    MemoKeyWrap,
)


def test_golden_vault_opens_and_reads_back(tmp_path: Path, keywrap: MemoKeyWrap) -> None:
    expected = json.loads((DATA / "golden-expected.json").read_text())
    copy = tmp_path / "golden"
    shutil.copytree(GOLDEN, copy)
    with Vault(copy, keywrap=keywrap).unlock(GOLDEN_PASSPHRASE) as journal:
        person = journal.person(expected["person"]["id"])
        assert (person.name, person.profile) == (
            expected["person"]["name"],
            expected["person"]["profile"],
        )
        entries = journal.entries(person.id)
        assert [e.id for e in entries] == [e["id"] for e in expected["entries"]]
        for entry, want in zip(entries, expected["entries"], strict=True):
            assert entry.occurred_on.isoformat() == want["occurred_on"]
            history = journal.history(entry.id)
            got = [{"text": v.text, "written_at": v.written_at.isoformat()} for v in history]
            assert got == want["versions"]
        assert [d.text for d in journal.drafts()] == [d["text"] for d in expected["drafts"]]


def test_golden_files_are_plain_age_and_sqlite(tmp_path: Path) -> None:
    """What docs/format.md promises: the age CLI and sqlite3 are enough."""
    header = (GOLDEN / "identity.age").read_bytes().split(b"\n")[:2]
    assert header[0] == b"age-encryption.org/v1"
    assert header[1].startswith(b"-> scrypt ")
    shutil.copyfile(GOLDEN / "dentelle.db", tmp_path / "copy.db")
    conn = sqlite3.connect(tmp_path / "copy.db")
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert {"meta", "people", "entries", "revisions", "drafts", "tombstones"} <= tables
        wrapped = conn.execute("SELECT wrapped_key FROM people").fetchone()[0]
        recipient = conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()[0]
    finally:
        conn.close()
    assert recipient == str(GOLDEN_IDENTITY.to_public())
    assert len(pyrage.decrypt(wrapped, [GOLDEN_IDENTITY])) == 32  # a person key, age-wrapped


def test_golden_vault_of_schema_3_opens_and_reads_back(
    tmp_path: Path, keywrap: MemoKeyWrap
) -> None:
    """The format of schema 3, frozen: tags, practice journal, consultations, namesakes."""
    from journal.store.consultations import consultations
    from journal.store.practice import practice_notes

    expected = json.loads((DATA / "golden-3-expected.json").read_text())
    copy = tmp_path / "golden-3"
    shutil.copytree(GOLDEN3, copy)
    conn = sqlite3.connect(copy / "dentelle.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()
    with Vault(copy, keywrap=keywrap).unlock(GOLDEN_PASSPHRASE) as journal:
        journal.verify_integrity()
        for want in expected["people"]:
            person = journal.person(want["id"])
            assert (person.name, person.profile) == (want["name"], want["profile"])
            entries = journal.entries(person.id)
            assert [e.id for e in entries] == [e["id"] for e in want["entries"]]
            for entry, wanted in zip(entries, want["entries"], strict=True):
                assert entry.occurred_on.isoformat() == wanted["occurred_on"]
                assert [v.text for v in journal.history(entry.id)] == wanted["versions"]
            assert [c.kind for c in consultations(journal, person.id)] == want["consultations"]
        assert [n.text for n in practice_notes(journal)] == expected["practice"]
        assert [d.text for d in journal.drafts()] == expected["drafts"]
