"""The person's rights in the core: access export, consultations, erasure, retention review."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pyrage
import pytest

from journal.errors import DentelleError, NotFound, VaultDamaged
from journal.export import collect, render, write_export
from journal.retention import due_for_review, keep_with_reason
from journal.rhythm import parse_rhythm
from journal.store import Journal
from journal.store.consultations import consultations, record_consultation
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, TickingClock


@pytest.fixture
def story(journal: Journal) -> str:
    person = journal.add_person("Mme Élise <Durand> & fils", "Deux enfants [bold]x[/bold].")
    journal.update_person(person.id, extra={"rhythm": parse_rhythm("tous les mois").to_json()})
    first = journal.add_entry(
        person.id, date(2025, 1, 10), "Première rencontre <script>alert(1)</script>."
    )
    journal.edit_entry(first.id, text="Première rencontre, corrigée.")
    journal.add_entry(
        person.id, date(2026, 11, 2), "Visite : facture d'électricité.\nDeuxième ligne."
    )
    record_consultation(journal, person.id, "opened")
    return person.id


class Structure(HTMLParser):
    """Checks that every opened tag is closed, in order (the HTML is well formed)."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_export_holds_every_entry_version_and_consultation(journal: Journal, story: str) -> None:
    file = collect(journal, story)
    data = json.loads(render(file, "json", "fr"))
    assert [e["text"] for e in data["entries"]] == [
        "Première rencontre, corrigée.",
        "Visite : facture d'électricité.\nDeuxième ligne.",
    ]
    assert data["entries"][0]["earlier_versions"][0]["text"].startswith(
        "Première rencontre <script>"
    )
    assert data["rhythm"]["rule"] == "FREQ=MONTHLY"
    assert [c["kind"] for c in data["consultations"]] == ["opened"]
    assert data["person"]["profile"] == "Deux enfants [bold]x[/bold]."

    markdown = render(file, "md", "fr")
    for needle in (
        "# Ce que contient l'histoire de Mme Élise",
        "tous les mois",
        "corrigée",
        "Versions précédentes",
        "histoire ouverte",
        "lundi 2 novembre 2026",
    ):
        assert needle in markdown
    assert "Entries (2)" in render(file, "md", "en")


def test_html_is_well_formed_escaped_and_printable(journal: Journal, story: str) -> None:
    page = render(collect(journal, story), "html", "fr")
    parser = Structure()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    assert "script" not in parser.seen  # the note's <script> is text, not a tag
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text
    assert "Mme Élise <Durand> & fils" in text
    assert "@page { size: A4" in page and "@media print" in page
    assert '<html lang="fr">' in page
    assert "http" not in page  # no external resource


def test_export_file_is_private_and_can_be_encrypted(tmp_path: Path) -> None:
    clear = tmp_path / "clear.md"
    write_export("# secret", clear)
    assert clear.stat().st_mode & 0o077 == 0
    assert clear.read_text() == "# secret"
    sealed = tmp_path / "sealed.md.age"
    write_export("# secret", sealed, passphrase="une phrase de passe pour l'export")
    assert b"secret" not in sealed.read_bytes()
    assert (
        pyrage.passphrase.decrypt(sealed.read_bytes(), "une phrase de passe pour l'export")
        == b"# secret"
    )


def test_consultations_are_trimmed_after_their_period(
    journal: Journal, clock: TickingClock
) -> None:
    person = journal.add_person("X")
    record_consultation(journal, person.id, "opened")
    clock.now += timedelta(days=200)
    record_consultation(journal, person.id, "exported", "html")
    clock.now += timedelta(days=200)  # the first line is now more than 12 months old
    record_consultation(journal, person.id, "opened")
    kinds = [c.kind for c in consultations(journal, person.id)]
    assert kinds == ["exported", "opened"]
    with pytest.raises(ValueError):
        record_consultation(journal, person.id, "peeked")


def test_erasing_one_earlier_version(journal: Journal) -> None:
    person = journal.add_person("X")
    entry = journal.add_entry(person.id, date(2026, 1, 1), "faux")
    journal.edit_entry(entry.id, text="juste")
    wrong, current = journal.history(entry.id)
    with pytest.raises(DentelleError):
        journal.erase_version(entry.id, current.version_id)
    journal.erase_version(entry.id, wrong.version_id)
    assert [v.text for v in journal.history(entry.id)] == ["juste"]
    with pytest.raises(NotFound):
        journal.erase_version(entry.id, wrong.version_id)


def test_forgetting_leaves_nothing_decryptable(vault: Vault, journal: Journal, story: str) -> None:
    conn = sqlite3.connect(vault.database_file)
    blobs = [
        row[0]
        for row in conn.execute(
            "SELECT sealed FROM entries UNION ALL SELECT sealed FROM revisions "
            "UNION ALL SELECT sealed FROM consultations"
        )
    ]
    wrapped = conn.execute("SELECT wrapped_key FROM people").fetchone()[0]
    conn.close()
    journal.forget_person(story)
    journal.close()
    files = b"".join(p.read_bytes() for p in vault.path.iterdir() if p.is_file())
    for blob in [*blobs, wrapped]:
        assert blob[12:44] not in files  # no page of the database or WAL keeps it
    with vault.open(GOLDEN_IDENTITY) as again:
        assert again.people() == []
        assert again.tombstones() == [story]
        with pytest.raises(NotFound):
            again.person_key(story)


def test_review_lists_people_past_two_years_oldest_first(
    journal: Journal, clock: TickingClock
) -> None:
    today = date(2026, 11, 28)
    gone = journal.add_person("Partie en 2023")
    journal.add_entry(gone.id, date(2023, 5, 1), "x")
    just = journal.add_person("Juste deux ans")
    journal.add_entry(just.id, date(2024, 11, 20), "x")
    back = journal.add_person("Revenue le mois dernier")
    journal.add_entry(back.id, date(2020, 1, 1), "x")
    journal.add_entry(back.id, date(2026, 10, 28), "y")
    due = due_for_review(journal.summaries(), today)
    assert [d.summary.person.name for d in due] == ["Partie en 2023", "Juste deux ans"]

    kept = keep_with_reason(
        journal, gone.id, "Procédure en cours au tribunal.", today, delay_months=6
    )
    assert [d.summary.person.name for d in due_for_review(journal.summaries(), today)] == [
        "Juste deux ans"
    ]
    later = kept.review_after + timedelta(days=1)
    again = due_for_review(journal.summaries(), later)
    assert again[0].summary.person.name == "Partie en 2023"
    assert again[0].kept is not None and again[0].kept.reason == "Procédure en cours au tribunal."


def test_a_person_without_entries_is_reviewed_from_when_they_were_added(
    journal: Journal, clock: TickingClock
) -> None:
    clock.now = datetime(2023, 1, 1, tzinfo=UTC)
    journal.add_person("Jamais revue")
    assert len(due_for_review(journal.summaries(), date(2026, 11, 28))) == 1
    assert due_for_review(journal.summaries(), date(2024, 6, 1)) == []


def test_a_moved_consultation_does_not_open(journal: Journal) -> None:
    a = journal.add_person("A")
    b = journal.add_person("B")
    record_consultation(journal, a.id, "opened")
    journal._db.execute("UPDATE consultations SET person_id=?", [b.id])
    journal._db.conn.commit()
    with pytest.raises(VaultDamaged):
        consultations(journal, b.id)
