"""The sealed word index: it survives the process, follows every change, and is never
trusted when it does not match the notes (journal/store/wordindex.py)."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.search import SearchIndex
from journal.search.stored import StoredIndex
from journal.store import Journal
from journal.store.wordindex import WORD_INDEX_TABLE
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap, TickingClock, make_empty_vault

WORDS = ["facture", "électricité", "Loyer", "CAF", "mairie", "cœur", "rendez-vous", "café"]
WORDS += ["cafétéria", "d'électricité", "Noah", "visite", "appel", "école", "ÉCOLE", "a"]
QUERIES = ["électricité", "loyer caf", '"facture d\'électricité"', "caf*", "ecole", "coeur"]
QUERIES += ['"rendez vous"', "visite appel", "noah", "cafe*", "a", '"loyer caf"']


def rows(journal: Journal) -> dict[str, bytes]:
    conn = sqlite3.connect(journal.path / "dentelle.db")
    try:
        return dict(conn.execute(f"SELECT person_id, sealed FROM {WORD_INDEX_TABLE}"))
    finally:
        conn.close()


def answers(index, queries=QUERIES, person_id=None) -> list[tuple[list[str], int]]:
    out = []
    for query in queries:
        hits = index.search(query, person_id=person_id)
        out.append((sorted(hit.id for hit in hits), hits.total))
    return out


def no_rebuild(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the stored index was rebuilt")

    monkeypatch.setattr(journal, "rebuild_word_indexes", refuse)


@pytest.fixture
def story(journal: Journal) -> dict[str, str]:
    ids = {}
    for n, name in enumerate(["Mme Lemoine", "Famille Haddad"]):
        person = journal.add_person(name)
        ids[name] = person.id
        for day in range(6):
            text = " ".join(WORDS[(day * 3 + n + k) % len(WORDS)] for k in range(5))
            journal.add_entry(person.id, date(2026, 3, 1) + timedelta(days=day), text)
    return ids


notes = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.integers(0, 40),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=notes, edits=st.lists(st.integers(0, 11), max_size=3))
def test_the_index_survives_a_restart_and_answers_like_the_one_in_memory(
    notes: list, edits: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        vault = make_empty_vault(Path(folder) / "vault", MemoKeyWrap())
        clock = TickingClock(datetime(2026, 11, 1, 9).astimezone())
        with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
            people = [journal.add_person(f"Personne {n}").id for n in range(3)]
            written = []
            for who, day, words in notes:
                entry = journal.add_entry(
                    people[who], date(2026, 1, 1) + timedelta(day), " ".join(words)
                )
                written.append(entry.id)
            for n in edits:
                if n < len(written):
                    journal.edit_entry(written[n], text="visite " + WORDS[n])
            if len(written) > 2:
                journal.delete_entry(written[1])
        with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
            expected = answers(SearchIndex.build(journal))
            built = journal.rebuild_word_indexes  # a restart must not need it
            journal.rebuild_word_indexes = None  # type: ignore[method-assign]
            stored = StoredIndex.build(journal)
            journal.rebuild_word_indexes = built  # type: ignore[method-assign]
            assert answers(stored) == expected
            assert answers(stored, person_id=people[0]) == answers(
                SearchIndex.build(journal), person_id=people[0]
            )


def test_the_newest_come_first_and_limit_counts_the_rest(journal: Journal, story) -> None:
    stored, memory = StoredIndex.build(journal), SearchIndex.build(journal)
    for query in ("visite", "a", "caf*"):
        ours, theirs = stored.search(query, limit=3), memory.search(query, limit=3)
        assert [h.entry.occurred_on for h in ours] == [h.entry.occurred_on for h in theirs]
        assert ours.total == theirs.total


def test_a_note_added_while_closed_is_found_at_the_next_cold_search(
    vault: Vault, journal: Journal, clock: TickingClock, story, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:  # a command, app closed
        journal.add_entry(story["Mme Lemoine"], date(2026, 11, 2), "Quittance de gaz reçue.")
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        no_rebuild(journal, monkeypatch)
        hits = StoredIndex.build(journal).search("quittance")
        assert [hit.entry.text for hit in hits] == ["Quittance de gaz reçue."]


def test_every_change_is_written_with_the_note(journal: Journal, story, monkeypatch) -> None:
    person = story["Famille Haddad"]
    entry = journal.add_entry(person, date(2026, 5, 1), "Rendez-vous à la banque.")
    journal.edit_entry(entry.id, text="Rendez-vous à la poste.")
    other = journal.add_entry(person, date(2026, 5, 2), "Dossier de surendettement.")
    journal.delete_entry(other.id)
    versions = journal.history(entry.id)
    journal.erase_version(entry.id, versions[0].version_id)
    no_rebuild(journal, monkeypatch)
    stored = StoredIndex.build(journal)
    assert [h.id for h in stored.search("poste")] == [entry.id]
    assert stored.search("banque") == []  # the erased version's words are gone
    assert stored.search("surendettement") == []
    [(_, index, _)] = list(journal.word_indexes(person))
    assert len(index) == 7
    for gone in (b"surendettement", b"banque", b"dossier"):  # not even unreachable
        assert index.word_bits(gone) == 0
    assert answers(stored) == answers(SearchIndex.build(journal))


def test_an_index_that_does_not_open_is_rebuilt(journal: Journal, story) -> None:
    person = story["Mme Lemoine"]
    sealed = bytearray(rows(journal)[person])
    sealed[-5] ^= 1
    journal._db.execute(
        f"UPDATE {WORD_INDEX_TABLE} SET sealed=? WHERE person_id=?", [bytes(sealed), person]
    )
    expected = answers(SearchIndex.build(journal))
    assert answers(StoredIndex.build(journal)) == expected
    assert rows(journal)[person] != bytes(sealed)  # written again, and trusted again
    [(_, index, _)] = list(journal.word_indexes(person))
    assert index is not None


def test_a_missing_index_is_rebuilt(journal: Journal, story) -> None:
    journal._db.execute(f"DELETE FROM {WORD_INDEX_TABLE}")
    assert answers(StoredIndex.build(journal)) == answers(SearchIndex.build(journal))
    assert set(rows(journal)) == set(story.values())


def test_an_index_replayed_from_an_older_state_is_not_trusted(journal: Journal, story) -> None:
    person = story["Famille Haddad"]
    old = rows(journal)[person]
    journal.add_entry(person, date(2026, 6, 1), "Quittance de loyer reçue.")
    journal._db.execute(  # someone puts back the index as it was before that note
        f"UPDATE {WORD_INDEX_TABLE} SET sealed=? WHERE person_id=?", [old, person]
    )
    assert [index for _, index, _ in journal.word_indexes(person)] == [None]
    assert len(StoredIndex.build(journal).search("quittance")) == 1
    # ... and a change made on top of a replayed index does not launder it.
    journal._db.execute(f"UPDATE {WORD_INDEX_TABLE} SET sealed=? WHERE person_id=?", [old, person])
    journal.add_entry(person, date(2026, 6, 2), "Appel du bailleur.")
    stored = StoredIndex.build(journal)
    assert len(stored.search("quittance")) == 1
    assert len(stored.search("bailleur")) == 1


def test_an_index_moved_to_another_person_does_not_open(journal: Journal, story) -> None:
    lemoine, haddad = story["Mme Lemoine"], story["Famille Haddad"]
    theirs = rows(journal)[haddad]
    journal._db.execute(
        f"UPDATE {WORD_INDEX_TABLE} SET sealed=? WHERE person_id=?", [theirs, lemoine]
    )
    assert [index for _, index, _ in journal.word_indexes(lemoine)] == [None]


def test_forgetting_a_person_leaves_nothing_of_their_index(
    vault: Vault, journal: Journal, story
) -> None:
    person = story["Famille Haddad"]
    journal.add_entry(person, date(2026, 7, 1), "Zéphyrine rappellera la mutuelle.")
    sealed = rows(journal)[person]
    journal.forget_person(person)
    assert person not in rows(journal)
    assert StoredIndex.build(journal).search("zephyrine") == []
    journal.checkpoint()
    pieces = [sealed[i : i + 24] for i in range(12, len(sealed) - 24, 97)]
    for path in vault.path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for piece in pieces:
                assert piece not in data, path.name
            for word in (b"zephyrine", "Zéphyrine".encode(), b"mutuelle"):
                assert word not in data, path.name


def test_the_index_is_smaller_than_the_notes(journal: Journal, story) -> None:
    conn = sqlite3.connect(journal.path / "dentelle.db")
    try:
        notes = conn.execute("SELECT sum(length(sealed)) FROM entries").fetchone()[0]
        index = conn.execute(f"SELECT sum(length(sealed)) FROM {WORD_INDEX_TABLE}").fetchone()[0]
    finally:
        conn.close()
    assert 0 < index < notes * 2  # tiny notes: the headers weigh; see docs/performance.md


def test_a_vault_of_an_older_schema_gets_its_index_at_the_first_search(
    vault: Vault, journal: Journal, clock: TickingClock, story
) -> None:
    journal.close()
    conn = sqlite3.connect(vault.database_file)
    conn.execute(f"DROP TABLE {WORD_INDEX_TABLE}")
    conn.execute("PRAGMA user_version=4")
    conn.commit()
    conn.close()
    with vault.open(GOLDEN_IDENTITY, clock=clock) as journal:
        assert rows(journal) == {}
        assert answers(StoredIndex.build(journal)) == answers(SearchIndex.build(journal))
        assert set(rows(journal)) == set(story.values())


def test_words_searched_before_a_change_are_searched_again_after_it(
    journal: Journal, story
) -> None:
    stored = StoredIndex.build(journal)
    person = story["Mme Lemoine"]
    assert stored.search("quittance") == []
    assert stored.search('"quittance de gaz"') == []
    journal.add_entry(person, date(2026, 8, 1), "Quittance de gaz reçue.")
    stored.refresh(person)  # what the app does when told of the saved note
    assert len(stored.search("quittance")) == 1
    assert len(stored.search('"quittance de gaz"')) == 1
    journal.forget_person(person)
    stored.forget_person(person)
    assert stored.search("quittance") == []
    assert stored.search('"quittance de gaz"') == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.booleans(),
            st.integers(0, 30),
            st.integers(0, 99),
            st.sets(st.sampled_from(["a", "b", "caf", "cafe", "loyer", "zz"]), max_size=4),
        ),
        max_size=40,
    )
)
def test_changes_give_the_index_built_from_scratch(changes: list) -> None:
    """`inserted` and `removed` (every bitmap shifted as one integer) against `build`."""
    from journal.search.postings import PersonIndex, build, note_words, record

    cover = b"c" * 32
    index, notes = PersonIndex.empty(), {}
    for removal, which, day, words in changes:
        entry_id = f"{which:016x}"
        if index.holds(entry_id):
            index = index.removed(entry_id, cover)
        notes.pop(entry_id, None)
        if removal:
            continue
        payload = json.dumps(
            {
                "occurred_on": f"2026-01-{day % 28 + 1:02d}",
                "time": None,
                "written_at": "2026-01-01T00:00:00+00:00",
                "text": " ".join(words) or "-",
            }
        ).encode()
        order, found = note_words(payload)
        index = index.inserted(record(order, entry_id, "v"), found, cover)
        notes[entry_id] = payload
    expected = build((eid, "v", payload) for eid, payload in notes.items())
    assert sorted(index.records) == sorted(expected.records)
    assert len(index) == len(expected) == len(notes)
    for word in ["a", "b", "caf", "cafe", "loyer", "zz"]:
        for prefix in (False, True):
            ours = {index.records[i] for i in _bits(index.word_bits(word.encode(), prefix))}
            theirs = {expected.records[i] for i in _bits(expected.word_bits(word.encode(), prefix))}
            assert ours == theirs, (word, prefix)
    assert PersonIndex.from_bytes(index.to_bytes()).to_bytes() == index.to_bytes()


def _bits(bits: int) -> list[int]:
    return [i for i in range(bits.bit_length()) if bits >> i & 1]


def test_a_restored_vault_searches_from_its_indexes_and_drops_the_forgotten(
    journal: Journal, tmp_path: Path, keywrap: MemoKeyWrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generations carry the table like the others; a restore erases a forgotten person's
    row with their others, and the indexes it keeps are trusted (the tags it recomputes
    are the same) and answer like the notes."""
    from journal.backup import back_up, restore
    from tests.journal.backup_helpers import populate

    usb = tmp_path / "usb"
    usb.mkdir()
    ids = populate(journal)
    back_up(journal, usb)
    journal.forget_person(ids[0])
    journal.close()
    restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    with Vault(journal.path, keywrap=keywrap).open(GOLDEN_IDENTITY) as restored:
        assert set(rows(restored)) == set(ids[1:])
        expected = answers(SearchIndex.build(restored), ["facture", "bailleur", "corrige"])
        no_rebuild(restored, monkeypatch)
        stored = StoredIndex.build(restored)
        assert answers(stored, ["facture", "bailleur", "corrige"]) == expected
        assert all(hit.person_id != ids[0] for hit in stored.search("facture"))


def test_after_a_rekey_the_indexes_are_rebuilt_and_answer_the_same(tmp_path: Path) -> None:
    """Re-sealed under the new keys, but their covers were made of the old tags."""
    from tests.journal.rekey_helpers import NEW_PASSPHRASE, OLD_PASSPHRASE, fill, make_vault

    vault, _ = make_vault(tmp_path / "vault")
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal)
        before = answers(StoredIndex.build(journal), ["note", "cafe", "corrigee"])
    vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    with vault.unlock(NEW_PASSPHRASE) as journal:
        assert all(index is None for _, index, notes in journal.word_indexes() if notes)
        assert answers(StoredIndex.build(journal), ["note", "cafe", "corrigee"]) == before
        assert answers(SearchIndex.build(journal), ["note", "cafe", "corrigee"]) == before
