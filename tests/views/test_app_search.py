"""Search in the app (`/`): the index built after unlock, kept current, gone after a lock.

The screen itself is tested alone in test_search_screen.py; here it runs inside the
app, over a real vault (conftest), and Enter must land on the entry in its timeline.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

import views.shell
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE
from tests.views.pilot import (
    SIZE,
    WAIT_TIMEOUT,
    app_for,
    assert_locked,
    fill_searchable,
    open_person,
    palette,
    settle,
    wait_for,
    wait_for_search,
)
from tests.views.pilot import unlock as unlock_only
from views.screens.search import ChosenSearchScreen, SearchScreen
from views.screens.timeline import EntryRow, TimelineScreen


async def unlock(pilot) -> None:
    """Unlock, then let the delayed start of the search index happen now."""
    await unlock_only(pilot)
    pilot.app.ensure_reflect_started()
    await settle(pilot)


async def search_for(pilot, words: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, ChosenSearchScreen)
    await pilot.press(*words)
    await wait_for_search(pilot)  # the screen's debounce, then its search


def status(app) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


async def test_slash_finds_an_accented_word_typed_without_accents_and_enter_opens_it(
    vault: Vault,
) -> None:
    ids = fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert app.search_keeper.index is not None and app.search_keeper.index.complete
        await search_for(pilot, "electricite")
        assert status(app) == "1 note"
        assert [hit.id for hit in app.screen.hits] == [ids["electricity"]]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.person_id == ids["martin"]
        entry = screen.selected_entry()
        assert entry is not None and entry.id == ids["electricity"]
        # Not merely the newest entry, where a timeline opens by default; and in view.
        last = [row for row in screen.rows if isinstance(row, EntryRow)][-1]
        assert last.entry.id != ids["electricity"]
        view = screen.query_one("#timeline")
        top, height = view.scroll_offset.y, view.scrollable_content_region.height
        assert top > 0 and top <= view._row_start[view.cursor] < top + height
        await pilot.press("escape")  # back to the results, then where the search began
        assert isinstance(app.screen, ChosenSearchScreen)
        await pilot.press("escape")
        assert app.screen is app.people_screen()


async def test_search_from_a_story_and_from_the_palette_in_english(vault: Vault) -> None:
    ids = fill_searchable(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "jeanne")
        await palette(pilot, "search: find")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChosenSearchScreen)
        await pilot.press(*"TELEPHONE")
        await wait_for_search(pilot)
        assert status(app) == "1 entry"
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)  # back where the search started
        await search_for(pilot, "rendez vous")
        assert [hit.id for hit in app.screen.hits] == [ids["electricity"]]


async def test_what_is_written_renamed_or_added_is_found_at_once(vault: Vault) -> None:
    ids = fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "jeanne")
        await pilot.press("n", "enter")
        app.screen.query_one("#text", TextArea).insert("Apporté la girafe en peluche.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("p")
        name = app.screen.query_one("#name", Input)
        name.value = "Jeanne Dupré-Mercier"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await search_for(pilot, "girafe")
        hits = app.screen.hits
        assert [hit.person for hit in hits] == ["Jeanne Dupré-Mercier"]
        assert hits[0].person_id == ids["jeanne"]


async def test_a_search_typed_while_the_index_loads_says_so_then_finds(
    vault: Vault, monkeypatch
) -> None:
    ids = fill_searchable(vault)
    reached, gate = threading.Event(), threading.Event()
    opened = Journal.word_indexes

    def slow(self, person_id=None):
        yield from opened(self, person_id)
        reached.set()
        gate.wait(4 * WAIT_TIMEOUT)  # the rows are read; the index is not complete until this opens

    monkeypatch.setattr(Journal, "word_indexes", slow)
    app = app_for(vault)
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#passphrase", Input).value = GOLDEN_PASSPHRASE
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.journal is not None and app.people_screen())
            app.ensure_reflect_started()  # what the timer after the people list does
            await wait_for(pilot, reached.is_set, message="the index to read every row")
            assert not app.search_keeper.index.complete
            await pilot.press("slash", *"electricite")
            # Searched what was there, says more comes (and asks again every half second).
            await wait_for(pilot, lambda: "la suite arrive" in status(app))
            gate.set()
            await wait_for(pilot, lambda: "la suite" not in status(app))
            assert status(app) == "1 note"
            assert [hit.id for hit in app.screen.hits] == [ids["electricity"]]
    finally:
        gate.set()  # a failure above must not leave the index's thread waiting


async def test_after_a_lock_the_index_holds_nothing_and_finds_nothing(vault: Vault) -> None:
    fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        keeper = app.search_keeper
        index = keeper.index
        await search_for(pilot, "electricite")
        stale_search = app.screen._search  # what the open screen searches with
        assert len(stale_search("electricite")) == 1
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert_locked(app, "électricité", "fournisseur", "Martin")
        assert not any(isinstance(s, SearchScreen) for s in app.screen_stack)
        assert keeper.index is None and keeper.practice is None
        assert len(index) == 0 and index.progress == (0, 0)
        assert index._people == {} and index._names == {} and index._journal is None
        assert index._words == {}
        assert list(stale_search("electricite")) == []
        # Unlocking again builds a fresh index.
        await unlock(pilot)
        assert keeper.index is not None and keeper.index is not index
        assert len(keeper.search_all("electricite")) == 1


async def test_slash_in_the_people_filter_searches_and_letters_still_filter(
    vault: Vault,
) -> None:
    fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(*"jea")
        assert app.screen.query_one("#filter", Input).value == "jea"
        await pilot.press("escape", "tab", "slash")  # from the list as well
        assert isinstance(app.screen, ChosenSearchScreen)


async def test_a_person_forgotten_leaves_the_index(vault: Vault) -> None:
    ids = fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert len(app.search_keeper.search_all("electricite")) == 1
        app.journal.forget_person(ids["martin"])
        await app.person_forgotten(ids["martin"], "Famille Martin")  # views/shell.py
        await settle(pilot)
        index = app.search_keeper.index
        assert list(app.search_keeper.search_all("electricite")) == []
        assert list(app.search_keeper.search_all("permanence")) == []
        assert ids["martin"] not in index._names
        assert ids["martin"] not in index._people


async def test_the_index_waits_for_the_people_list_then_builds(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unlock shows the people list first; the index follows, or comes at once for `/`."""
    fill_searchable(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_only(pilot)
        # The index follows the list (a timer, REFLECT_DELAY after it is shown).
        await wait_for(pilot, lambda: app.search_keeper.index is not None)
        await settle(pilot)
        assert app.search_keeper.index.complete
    # The timers pushed far away, so that a slow unlock cannot let them fire first.
    monkeypatch.setattr(views.shell, "REFLECT_DELAY", 100 * WAIT_TIMEOUT)
    monkeypatch.setattr(views.shell, "REFLECT_FALLBACK_DELAY", 100 * WAIT_TIMEOUT)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_only(pilot)
        assert app.search_keeper.index is None  # not competing with the list's decryption
        await pilot.press("slash")  # asking for search starts it at once
        await settle(pilot)
        assert app.search_keeper.index is not None and app.search_keeper.index.complete


# -- whole words, and back to the results (issue 13) ------------------------------------


def fill_caf(vault: Vault) -> dict[str, str]:
    """Jeanne has notes where 'caf' is a word, the start of one, and an acronym."""
    ids = fill_searchable(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        for day, text in [
            (date(2026, 6, 1), "Appel à la CAF pour l'APL."),
            (date(2026, 6, 2), "Café des anciens avec sa voisine."),
            (date(2026, 6, 3), "Dossier caf à compléter ; la cafétéria de l'hôpital."),
            (date(2026, 6, 4), "Courrier de la caf reçu."),
        ]:
            ids[f"caf{day.day}"] = journal.add_entry(ids["jeanne"], day, text).id
    return ids


async def test_a_word_is_a_whole_word_and_a_star_a_prefix_as_the_hint_says(vault: Vault) -> None:
    ids = fill_caf(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("slash")
        hint = " ".join(status(app).split())
        assert "des mots entiers" in hint and "caf*" in hint and "CAF" in hint
        await pilot.press(*"caf")
        await wait_for_search(pilot)
        assert [hit.id for hit in app.screen.hits] == [ids["caf4"], ids["caf3"], ids["caf1"]]
        await pilot.press("ctrl+u", *'"caf"')  # quotes: the same whole word
        await wait_for_search(pilot)
        assert [hit.id for hit in app.screen.hits] == [ids["caf4"], ids["caf3"], ids["caf1"]]
        await pilot.press("ctrl+u", *"caf*")
        await wait_for_search(pilot)
        assert len(app.screen.hits) == 4
        await pilot.press("ctrl+u", *"CAF*")  # an acronym: the word itself
        await wait_for_search(pilot)
        assert len(app.screen.hits) == 3


async def test_escape_from_a_result_comes_back_to_the_results_as_they_were(
    vault: Vault,
) -> None:
    ids = fill_caf(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await search_for(pilot, "caf")
        search = app.screen
        await pilot.press("down", "down")  # into the list, on the second hit
        assert search.query_one("#search-results").highlighted == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.selected_entry().id == ids["caf3"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search  # the very screen: its query, its list, its row
        await wait_for_search(pilot)
        assert search.query_one(Input).value == "caf"
        assert [hit.id for hit in search.hits] == [ids["caf4"], ids["caf3"], ids["caf1"]]
        assert search.query_one("#search-results").highlighted == 1
        await pilot.press("escape")  # and from the results, back where the search began
        assert app.screen is app.people_screen()


async def test_a_person_erased_from_a_result_leaves_the_results_at_once(vault: Vault) -> None:
    ids = fill_caf(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        other = journal.add_entry(ids["martin"], date(2026, 7, 1), "Dossier CAF de Tom.").id
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await search_for(pilot, "caf")
        search = app.screen
        assert len(search.hits) == 4
        await pilot.press("down", "down", "enter")  # her newest, under Tom's
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        await app.person_forgotten(ids["jeanne"], "Jeanne Dupré")
        # Her story closes; the results under it no longer hold a word of hers, even
        # before they are searched again.
        assert app.screen is search
        assert [hit.id for hit in search.hits] == [other]
        results = search.query_one("#search-results", OptionList)
        shown = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
        assert "Jeanne" not in " ".join(str(prompt) for prompt in shown)
        await settle(pilot)
        assert [hit.id for hit in search.hits] == [other]


async def test_f1_from_the_search_says_how_words_are_matched(vault: Vault) -> None:
    fill_searchable(vault)
    for lang, words in [
        ("fr", ["mots entiers", "caf*", "CAF", "guillemets"]),
        ("en", ["whole words", "caf*", "CAF", "quotes"]),
    ]:
        app = app_for(vault, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            await pilot.press("slash")
            await pilot.press("f1")
            await settle(pilot)
            help_text = " ".join(
                " ".join(str(s.render()).split()) for s in app.screen.query(Static)
            )
            for word in words:
                assert word in help_text, (lang, word)
