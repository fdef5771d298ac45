"""Issue 5, item 4: nothing marks a support as finished, failed or chronic.

No status, outcome, category or closure field exists for people or entries. Checked
where such a field would have to live, so that the test fails if one is added and
passes for that reason, not because a word happens to be absent:

1. the SQLite schema of a new vault, migrated to the current version: every column;
2. the records the core hands out (`journal.model`): every field;
3. what is sealed: a person with a profile and a rhythm, entries with an earlier
   version, a draft, the person's summary and a practice note are written through the
   real API, then every sealed value is opened and its JSON keys read;
4. the source: every key the code puts in a person's `extra` (`update_person(extra=…)`),
   in journal/ and views/.

The pertinence check has a `category` (judgment, health…), but it belongs to a
*finding* about words, shown and forgotten: test 5 checks that the modules handling
findings cannot write to the journal at all.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from journal import crypto, model
from journal.rhythm import parse_rhythm
from journal.store import Journal
from journal.store.practice import PRACTICE, add_practice_note, practice_cipher
from journal.store.sealing import aad, unpack
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY

ROOT = Path(__file__).parents[1]

VERDICT_WORDS = {
    "status",
    "state",
    "outcome",
    "result",
    "category",
    "categories",
    "closure",
    "closed",
    "close",
    "clos",
    "cloture",
    "resolved",
    "finished",
    "ended",
    "failed",
    "chronic",
    "verdict",
}


def verdicts(names: set[str]) -> set[str]:
    """The names among `names` that say how a support went (split on '_' and case)."""
    return {
        name
        for name in names
        if VERDICT_WORDS & {part.lower() for part in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", name)}
    }


def test_the_words_are_recognised_in_field_names() -> None:
    """The check itself: it must see these, or the tests below would pass for nothing."""
    found = verdicts({"status", "case_outcome", "closedAt", "CATEGORY", "support_state"})
    assert found == {"status", "case_outcome", "closedAt", "CATEGORY", "support_state"}
    assert verdicts({"occurred_on", "written_at", "profile", "rhythm", "forgotten_on"}) == set()


def test_no_column_of_the_schema_holds_a_verdict(journal: Journal) -> None:
    tables = [
        row[0] for row in journal._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    assert {"people", "entries", "revisions", "drafts", "practice"} <= set(tables)
    columns = {
        f"{table}.{column[1]}": column[1]
        for table in tables
        for column in journal._db.execute(f"PRAGMA table_info('{table}')")
    }
    assert "people.sealed" in columns and "entries.person_id" in columns
    assert verdicts(set(columns.values())) == set(), columns


def test_no_record_of_the_core_has_a_verdict_field() -> None:
    records = [model.Person, model.Entry, model.Version, model.PersonSummary, model.Draft]
    names = {field.name for record in records for field in dataclasses.fields(record)}
    assert {"name", "profile", "occurred_on", "text", "last_contact"} <= names
    assert verdicts(names) == set()


def test_nothing_sealed_about_a_person_or_an_entry_holds_a_verdict(vault: Vault) -> None:
    now = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    with vault.open(GOLDEN_IDENTITY, clock=lambda: now) as journal:
        person = journal.add_person("Famille Martin", "Deux enfants.")
        journal.update_person(person.id, extra={"rhythm": parse_rhythm("tous les mois").to_json()})
        entry = journal.add_entry(person.id, date(2026, 11, 2), "Visite.", entry_time=time(9))
        journal.edit_entry(entry.id, text="Visite à domicile.")
        journal.save_draft(person.id, "Pas fini", "hier")
        journal.save_draft(PRACTICE, "Une note de pratique pas finie")
        add_practice_note(journal, date(2026, 11, 3), "Supervision.")

        keys: dict[str, set[str]] = {}

        def opened(kind: str, cipher, sealed: bytes, *ids: str) -> None:
            payload = unpack(crypto.open_sealed(cipher, sealed, aad(*ids)))
            keys.setdefault(kind, set()).update(payload)

        db = journal._db
        for pid, sealed, summary in db.execute("SELECT id, sealed, summary FROM people"):
            opened("person", journal.person_key(pid), sealed, "person", pid)
            opened("summary", journal.person_key(pid), summary, "summary", pid)
        queries = {
            "entries": "SELECT id, person_id, version_id, sealed FROM entries",
            "revisions": "SELECT entry_id, person_id, version_id, sealed FROM revisions",
        }
        for table, query in queries.items():
            for eid, pid, vid, sealed in db.execute(query):
                opened(table, journal.person_key(pid), sealed, "entry", pid, eid, vid)
        for did, pid, sealed in db.execute("SELECT id, person_id, sealed FROM drafts"):
            cipher = practice_cipher(journal) if pid == PRACTICE else journal.person_key(pid)
            opened("draft", cipher, sealed, "draft", pid, did)
        for nid, sealed in db.execute("SELECT id, sealed FROM practice"):
            opened("practice", practice_cipher(journal), sealed, PRACTICE, nid)

    assert keys["person"] == {"name", "profile", "created_at", "rhythm"}
    assert keys["entries"] == keys["revisions"] == {"occurred_on", "time", "written_at", "text"}
    assert keys["summary"] == {
        "count",
        "last",
        "ahead",
    }  # ahead: days of notes about something planned
    assert keys["draft"] == {"text", "date_text", "entry_id", "saved_at"}
    assert keys["practice"] == {"occurred_on", "time", "written_at", "text"}
    assert verdicts(set().union(*keys.values())) == set()


def _sources() -> list[Path]:
    return sorted((ROOT / "journal").rglob("*.py")) + sorted((ROOT / "views").rglob("*.py"))


def test_no_code_puts_a_verdict_in_a_persons_profile() -> None:
    """Every literal key given to `update_person(extra=…)` in journal/ and views/."""
    call = re.compile(r"update_person\((?:[^()]|\([^()]*\))*?extra=\{([^}]*)\}", re.S)
    written: dict[str, set[str]] = {}
    for path in _sources():
        for match in call.finditer(path.read_text(encoding="utf-8")):
            for key in re.findall(r"[\"'](\w+)[\"']\s*:", match.group(1)):
                written.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    assert "rhythm" in written  # the pattern finds real calls (views/screens/rhythm.py, the CLI)
    assert verdicts(set(written)) == set(), written


def test_the_category_of_a_finding_is_never_stored() -> None:
    """The pertinence check points at words and forgets: its modules cannot write.

    journal/pertinence/ imports no storage and opens no database; the app's warning
    screen calls no method of the journal (it only hands back "save" or "rephrase",
    and the editor saves the text alone, test_app_reflect.py checks the payload).
    """
    core = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "journal" / "pertinence").glob("*.py"))
    )
    assert "category" in core  # findings do have one
    assert not re.search(r"^\s*(from|import)\s+(journal\.store|sqlite3|sqlite_utils)", core, re.M)
    screen = (ROOT / "views" / "screens" / "pertinence.py").read_text(encoding="utf-8")
    assert "category" in screen
    code = "\n".join(
        line for line in screen.splitlines() if not line.lstrip().startswith(("from ", "import "))
    )
    assert not re.search(r"\.journal\b|\bjournal\s*\.\s*\w+\s*\(", code)  # no app.journal
    assert not re.search(
        r"\.(add_entry|edit_entry|update_person|save_draft|set_meta|execute)\(", screen
    )
