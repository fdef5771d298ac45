"""Search: what a worker types finds what they wrote, and nothing of it reaches the disk."""

from __future__ import annotations

import os
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.search import SearchIndex, parse_query, payload_key, snippet, text_key
from journal.search.stored import StoredIndex
from journal.store import Journal, decode_entry
from journal.store.sealing import pack as _pack
from journal.vault import Vault

NOTES = {
    "Mme Bérénice Lemoine": [
        (date(2026, 3, 2), "Facture d'électricité impayée : appel au fournisseur."),
        (date(2026, 5, 14), "Visite à domicile. L'ÉLECTRICITÉ est rétablie, soulagement."),
        (date(2025, 1, 9), "Premier rendez-vous, à la mairie, pour la CAF et le loyer."),
    ],
    "Famille Haddad": [
        (date(2026, 4, 1), "Le loyer est payé ; la facture\nd’électricité attendra."),
        (date(2024, 12, 2), "Cœur gros : la sœur aînée part à Lyon. Électricité coupée 2 jours."),
        (date(2026, 6, 30), 'Elle dit : "ça va mieux". Prochain appel en juillet.'),
    ],
}


@pytest.fixture
def people(journal: Journal) -> dict[str, str]:
    ids = {}
    for name, notes in NOTES.items():
        person = journal.add_person(name)
        ids[name] = person.id
        for day, text in notes:
            journal.add_entry(person.id, day, text)
    return ids


@pytest.fixture(params=["scan", "words", "stored"])
def index(request: pytest.FixtureRequest, journal: Journal, people: dict[str, str]):
    """The index as the first search after unlock sees it (scan), after warm-up, and
    the sealed word index read from the vault (journal.search.stored)."""
    if request.param == "stored":
        return StoredIndex.build(journal)
    built = SearchIndex.build(journal, warm=request.param == "words")
    assert built.warm == (request.param == "words")
    return built


def days(hits) -> list[date]:
    return [hit.entry.occurred_on for hit in hits]


@pytest.mark.parametrize("typed", ["electricite", "ÉLECTRICITÉ", "Electricité", "électri*"])
def test_accents_and_case_do_not_matter(index: SearchIndex, typed: str) -> None:
    hits = index.search(typed)
    assert days(hits) == [
        date(2026, 5, 14),
        date(2026, 4, 1),
        date(2026, 3, 2),
        date(2024, 12, 2),
    ]  # newest first


def test_words_match_where_a_word_starts(index: SearchIndex) -> None:
    assert index.search("tricite*") == []
    assert index.search("loy") == []  # a whole word, unless a star says otherwise
    assert days(index.search("loy*")) == [date(2026, 4, 1), date(2025, 1, 9)]
    assert days(index.search("coeur")) == [date(2024, 12, 2)]  # 'Cœur'
    assert days(index.search("soeur aînee")) == [date(2024, 12, 2)]


def test_every_word_must_appear(index: SearchIndex) -> None:
    assert days(index.search("loyer facture")) == [date(2026, 4, 1)]
    assert days(index.search(["loyer", "caf"])) == [date(2025, 1, 9)]
    assert index.search("loyer juillet") == []


def test_quotes_make_a_phrase(index: SearchIndex) -> None:
    phrase = index.search('"facture d\'électricité"')
    assert days(phrase) == [date(2026, 4, 1), date(2026, 3, 2)]  # across a line break too
    assert index.search('"électricité facture"') == []
    both = [date(2026, 4, 1), date(2026, 3, 2)]
    assert days(index.search(["électricité facture"])) == both  # a shell-quoted argument
    assert days(index.search(['"électricité facture"'])) == []  # quotes inside it
    assert days(index.search(['"la facture"'])) == [date(2026, 4, 1)]
    assert days(index.search('"ça va"')) == [date(2026, 6, 30)]  # between quote marks


def test_one_person_or_everyone(index: SearchIndex, people: dict[str, str]) -> None:
    haddad = people["Famille Haddad"]
    hits = index.search("électricité", person_id=haddad)
    assert days(hits) == [date(2026, 4, 1), date(2024, 12, 2)]
    assert {hit.person for hit in hits} == {"Famille Haddad"}
    assert {hit.person for hit in index.search("électricité")} == set(NOTES)


def test_hits_carry_a_snippet_with_the_words_marked(index: SearchIndex) -> None:
    hit = index.search("facture électricité")[0]
    assert hit.entry.text == "Le loyer est payé ; la facture\nd’électricité attendra."
    assert "\n" not in hit.snippet
    marked = [hit.snippet[a:b] for a, b in hit.matches]
    assert marked == ["facture", "électricité"]
    assert hit.person == "Famille Haddad"


def test_limit_keeps_the_newest_and_counts_the_rest(index: SearchIndex) -> None:
    hits = index.search("électricité", limit=2)
    assert days(hits) == [date(2026, 5, 14), date(2026, 4, 1)]
    assert hits.total == 4


def test_nothing_to_search_finds_nothing(index: SearchIndex) -> None:
    assert index.search("  ' - ") == []
    assert index.search("") == []


def test_a_forgotten_person_disappears(
    journal: Journal, people: dict[str, str], index: SearchIndex
) -> None:
    haddad = people["Famille Haddad"]
    journal.forget_person(haddad)
    index.forget_person(haddad)
    assert {hit.person for hit in index.search("électricité")} == {"Mme Bérénice Lemoine"}
    assert index.search("coeur") == []
    index.add(journal.entries(people["Mme Bérénice Lemoine"])[0])  # later edits too
    rebuilt = SearchIndex.build(journal)
    assert rebuilt.search("coeur") == []
    assert len(rebuilt) == 3


def test_edits_keep_the_index_current(journal: Journal, people: dict[str, str]) -> None:
    for warm in (False, True):
        index = SearchIndex.build(journal, warm=warm)
        lemoine = people["Mme Bérénice Lemoine"]
        added = journal.add_entry(lemoine, date(2026, 7, 1), "Dossier de surendettement déposé.")
        index.add(added)
        assert days(index.search("surendettement")) == [date(2026, 7, 1)]
        edited = journal.edit_entry(added.id, text="Dossier de médiation déposé.")
        index.update(edited)
        assert index.search("surendettement") == []
        assert index.search("mediation")[0].entry.versions == 2
        journal.delete_entry(added.id)
        index.remove(added.id)
        assert index.search("mediation") == []
        assert len(index) == 6


def test_many_edits_fold_into_few_chunks(journal: Journal, people: dict[str, str]) -> None:
    index = SearchIndex.build(journal)
    lemoine = people["Mme Bérénice Lemoine"]
    for n in range(30):
        index.add(journal.add_entry(lemoine, date(2026, 8, 1), f"Note numéro {n} sur la CAF."))
    assert len(index._chunks) <= 2
    assert index.search("caf").total == 31
    assert index.search('"numero 17"')[0].entry.text == "Note numéro 17 sur la CAF."


def test_search_while_loading_sees_what_is_ready(journal: Journal, people: dict[str, str]) -> None:
    lemoine = people["Mme Bérénice Lemoine"]
    for n in range(2500):
        journal.add_entry(lemoine, date(2020, 1, 1), f"Ancienne note {n}, électricité.")
    index = SearchIndex()
    seen: list[tuple[int, bool]] = []

    def search_meanwhile(done: int, total: int) -> None:
        hits = index.search("électricité", limit=1)
        seen.append((hits.total, hits.complete))

    worker = threading.Thread(
        target=index.load, args=(journal,), kwargs={"progress": search_meanwhile}
    )
    worker.start()
    worker.join()
    assert any(not complete and 0 < total < 2504 for total, complete in seen)
    assert index.search("électricité").total == 2504
    assert index.progress == (2506, 2506)


def test_edits_made_while_loading_are_not_undone(journal: Journal, people: dict[str, str]) -> None:
    lemoine = people["Mme Bérénice Lemoine"]
    entry = journal.entries(lemoine)[0]
    index = SearchIndex()
    index.remove(entry.id)  # deleted in the app before the loader reached it
    index.load(journal)
    assert entry.id not in {hit.id for hit in index.search("loyer")}


def test_a_vault_folder_holds_no_searched_word(
    vault: Vault, journal: Journal, people: dict[str, str], tmp_path: Path
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(scratch)
    tempfile.tempdir = None
    try:
        index = SearchIndex.build(journal)
        for query in ("électricité", '"facture d\'électricité"', "soeur", "loyer caf"):
            assert index.search(query)
        index.add(journal.add_entry(people["Famille Haddad"], date(2026, 7, 2), "Quittance."))
        journal.checkpoint()
    finally:
        if before is None:
            os.environ.pop("TMPDIR")
        else:
            os.environ["TMPDIR"] = before
        tempfile.tempdir = None
    assert list(scratch.iterdir()) == []
    needles = []
    for word in ("électricité", "electricite", "facture", "loyer", "soeur", "sœur", "Quittance"):
        needles += [word.encode(), word.lower().encode(), word.encode("utf-16-le")]
    for path in vault.path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, (needle, path.name)


def test_opened_entries_are_what_entries_hold(journal: Journal, people: dict[str, str]) -> None:
    haddad = people["Famille Haddad"]
    progress: list[tuple[int, int]] = []
    opened = list(journal.opened_entries(lambda d, t: progress.append((d, t)), haddad))
    assert progress[-1] == (3, 3)
    decoded = {decode_entry(*row) for row in opened}
    assert decoded == set(journal.entries(haddad))
    assert sorted(e.id for e in journal.all_entries()) == sorted(
        e.id for p in people.values() for e in journal.entries(p)
    )


def test_parse_query() -> None:
    assert [t.words for t in parse_query('loyer "Facture  d\'EDF" Électricité').terms] == [
        ("loyer",),
        ("facture", "d", "edf"),
        ("electricite",),
    ]
    assert [t.words for t in parse_query(["rendez-vous", '"mairie de Lyon"']).terms] == [
        ("rendez", "vous"),
        ("mairie", "de", "lyon"),
    ]
    stars = parse_query('caf* "facture d\'élec*" CAF* É*')
    assert [(t.words, t.prefix) for t in stars.terms] == [
        (("caf",), (True,)),
        (("facture", "d", "elec"), (False, False, True)),
        (("caf",), (False,)),  # an acronym in capitals: the word itself
        (("e",), (True,)),  # one letter is not an acronym
    ]
    assert not parse_query('"" , ;')


def test_snippet_marks_the_words_and_stays_on_one_line() -> None:
    text = "Début.\n" + "x" * 300 + " Le loyer\tde\x1b[2J mars " + "y" * 300
    query = parse_query("loyer mars")
    from journal.search import highlights

    shown, marks = snippet(text, highlights(query, text))
    assert shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in marks] == ["loyer", "mars"]
    assert "\x1b" not in shown and "\t" not in shown


TRICKY = list("ab zÉéèàçÇœŒæß€’«»\u00a0\u202f—…°²ŞşćıșøÐ\"\\\n\t\r\x1b/.,'-") + [
    "\ud800",
    "e\u0301",
    "Ольга",
    "ﬁ",
    "µ",
    "𝔘",
    "İ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=40).map("".join), st.booleans())
def test_the_fast_key_of_a_payload_is_the_key_of_its_text(text: str, timed: bool) -> None:
    payload = _pack(
        {
            "occurred_on": "2026-01-02",
            "time": "09:30" if timed else None,
            "written_at": "2026-01-02T18:00:00+01:00",
            "text": text,
        }
    )
    key, start = payload_key(payload)
    spaced = key[start:].replace(b"\x02n", b"  ").replace(b"\x02", b" ")
    assert spaced.split() == text_key(text).split()


def test_closing_lets_go_of_everything(index: SearchIndex) -> None:
    index.close()
    assert len(index) == 0
    assert index.search("électricité") == []


def test_word_tables_split_by_size_answer_the_same(
    journal: Journal, people: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.search import index as search_module

    monkeypatch.setattr(search_module, "FTS_TABLE_SLOTS", 2)
    split = SearchIndex.build(journal)
    assert len(split._fts_tables) == 3
    scan = SearchIndex.build(journal, warm=False)
    for query in ("électricité", '"facture d\'électricité"', "loyer", "coeur"):
        assert [h.id for h in split.search(query)] == [h.id for h in scan.search(query)]
    haddad = people["Famille Haddad"]
    split.forget_person(haddad)
    scan.forget_person(haddad)
    assert [h.id for h in split.search("électricité")] == [h.id for h in scan.search("électricité")]


# -- whole words, prefixes with a star, acronyms in capitals (issue 13) --------------------

WORDS = [
    (date(2026, 1, 5), "Appel à la CAF pour le dossier d'APL."),
    (date(2026, 1, 6), "Café des anciens avec sa voisine : elle y retourne jeudi."),
    (date(2026, 1, 7), "Rendez-vous à la caf, puis à la cafétéria de l'hôpital."),
    (date(2026, 1, 8), "Le frigo vide ; facture d'électricité réglée. Beaucoup d'aplomb."),
    (date(2026, 1, 9), "Frigo à vider avant le déménagement."),
]


@pytest.fixture(params=["scan", "words"])
def words_index(request: pytest.FixtureRequest, journal: Journal):
    person = journal.add_person("Mme Test")
    for day, text in WORDS:
        journal.add_entry(person.id, day, text)
    return SearchIndex.build(journal, warm=request.param == "words")


def found(index: SearchIndex, query) -> list[int]:
    """The days (of January) of the notes found, oldest first."""
    return sorted(hit.entry.occurred_on.day for hit in index.search(query))


def test_a_word_matches_whole_words_only(words_index: SearchIndex) -> None:
    assert found(words_index, "caf") == [5, 7]  # not 'Café', not 'cafétéria'
    assert found(words_index, '"caf"') == [5, 7]
    assert found(words_index, "cafe") == [6]  # accents still make no difference
    assert found(words_index, "électri") == []
    assert found(words_index, "frigo vid") == []
    assert found(words_index, "frigo vide") == [8]


def test_a_trailing_star_matches_the_start_of_words(words_index: SearchIndex) -> None:
    assert found(words_index, "caf*") == [5, 6, 7]
    assert found(words_index, "électri*") == [8]
    assert found(words_index, "frigo vid*") == [8, 9]
    assert found(words_index, '"frigo vid*"') == [8]
    assert found(words_index, '"fri* vide"') == [8]
    assert found(words_index, '"facture d\'élec*"') == [8]


def test_an_acronym_in_capitals_matches_whole_words_only(words_index: SearchIndex) -> None:
    assert found(words_index, "CAF") == [5, 7]  # 'la caf' too: case makes no difference
    assert found(words_index, "CAF*") == [5, 7]  # not 'Café': a star changes nothing
    assert found(words_index, "APL*") == [5]  # not 'aplomb'
    assert found(words_index, "apl*") == [5, 8]


def test_a_phrase_is_whole_words(words_index: SearchIndex) -> None:
    assert found(words_index, '"frigo vide"') == [8]
    assert found(words_index, '"frigo vid"') == []
    assert found(words_index, '"la caf"') == [5, 7]
    assert found(words_index, '"la caf*"') == [5, 7]
    assert found(words_index, '"sa voisine"') == [6]


def test_only_the_words_found_are_marked(words_index: SearchIndex) -> None:
    (hit,) = words_index.search("caf", limit=None)[1:]  # the oldest: 'la CAF… d'APL'
    assert [hit.snippet[a:b] for a, b in hit.matches] == ["CAF"]
    (mixed,) = [h for h in words_index.search("caf") if "cafétéria" in h.snippet]
    assert [mixed.snippet[a:b] for a, b in mixed.matches] == ["caf"]
    (prefixed,) = [h for h in words_index.search("caf*") if "cafétéria" in h.snippet]
    assert [prefixed.snippet[a:b] for a, b in prefixed.matches] == ["caf", "cafétéria"]


def test_one_argument_with_spaces_is_all_its_words() -> None:
    """`dentelle search "frigo vide"`: the shell's quotes only keep the words together."""
    assert [t.words for t in parse_query(["frigo vide"]).terms] == [("frigo",), ("vide",)]
    assert [t.words for t in parse_query(['"frigo vide"']).terms] == [("frigo", "vide")]
    assert parse_query(["frigo vide"]) == parse_query("frigo vide")
    assert parse_query(['frigo "vide"', "caf*"]) == parse_query('frigo "vide" caf*')
