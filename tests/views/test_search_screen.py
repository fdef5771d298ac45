"""The search screen on its own, in a small app: typing, results, choosing, safety."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from textual.app import App
from textual.widgets import Input, OptionList, Static

from journal.search import Hit, Hits, SearchIndex
from journal.store import Journal
from tests.views.pilot import WAIT_TIMEOUT, wait_for, wait_for_search
from views.screens.search import SearchScreen


class Harness(App):
    """Pushes the screen and records what it asks the app to open."""

    def __init__(self, screen: SearchScreen) -> None:
        super().__init__()
        self.search_screen = screen
        self.chosen: list[Hit] = []

    def on_mount(self) -> None:
        self.push_screen(self.search_screen)

    def on_search_screen_hit_chosen(self, message: SearchScreen.HitChosen) -> None:
        self.chosen.append(message.hit)


@pytest.fixture
def index(journal: Journal) -> SearchIndex:
    lemoine = journal.add_person("Mme Bérénice Lemoine")
    haddad = journal.add_person("Famille [b]Haddad[/b]\x1b]0;x\x07")
    journal.add_entry(lemoine.id, date(2026, 3, 2), "Facture d'électricité impayée.")
    journal.add_entry(haddad.id, date(2026, 6, 12), "La facture\nd'ÉLECTRICITÉ attendra.")
    journal.add_entry(
        haddad.id, date(2026, 1, 2), "Colis [/red] [@click=app.quit]x[/] \x1b]52;c;aGk=\x07 reçu."
    )
    return SearchIndex.build(journal)


async def settle(pilot) -> None:
    """The debounce, the search in its worker, the answer shown."""
    await wait_for_search(pilot)


def status(app: App) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


def prompts(app: App) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_typing_shows_hits_newest_first_and_enter_opens_one(index: SearchIndex) -> None:
    app = Harness(SearchScreen(index.search, lang="fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"electricite")
        await settle(pilot)
        assert status(app) == "2 notes"
        shown = prompts(app)
        assert shown[0].startswith("vendredi 12 juin 2026  ·  Famille [b]Haddad[/b]")
        assert "d'ÉLECTRICITÉ attendra." in shown[0]
        assert shown[1].startswith("lundi 2 mars 2026  ·  Mme Bérénice Lemoine")
        await pilot.press("down", "down", "enter")
        assert [hit.entry.occurred_on for hit in app.chosen] == [date(2026, 3, 2)]
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_enter_in_the_field_opens_the_newest(index: SearchIndex) -> None:
    app = Harness(SearchScreen(index.search, lang="en", query="facture"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert status(app) == "2 entries"
        assert prompts(app)[0].startswith("Friday, 12 June 2026")
        await pilot.press("enter")
        assert [hit.entry.occurred_on for hit in app.chosen] == [date(2026, 6, 12)]


async def test_nothing_found_says_so(index: SearchIndex) -> None:
    app = Harness(SearchScreen(index.search, lang="en"))
    async with app.run_test() as pilot:
        await pilot.press(*"loyer")
        await settle(pilot)
        assert status(app) == "No entry contains “loyer”."
        assert prompts(app) == []


async def test_markup_and_escape_sequences_stay_text(index: SearchIndex) -> None:
    app = Harness(SearchScreen(index.search, lang="fr", query="colis"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        (shown,) = prompts(app)
        assert "[/red] [@click=app.quit]x[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "Famille [b]Haddad[/b]" in shown
        await pilot.click(OptionList)  # a click on a would-be link runs no action
        await pilot.pause()
        assert app.is_running


async def test_an_index_still_loading_is_searched_again(index: SearchIndex) -> None:
    calls: list[str] = []
    again = threading.Event()  # the second search waits until the first answer is seen

    def search(text: str) -> Hits:
        calls.append(text)
        if len(calls) > 1:
            again.wait(4 * WAIT_TIMEOUT)
        hits = index.search(text)
        hits.complete = len(calls) > 1
        return hits

    screen = SearchScreen(search, lang="fr", progress=lambda: (1000, 50000), query="facture")
    app = Harness(screen)
    try:
        async with app.run_test() as pilot:
            loading = "2 notes (recherche : 1000 sur 50000 notes, la suite arrive…)"
            await wait_for(pilot, lambda: status(app) == loading)
            again.set()
            await settle(pilot)  # searched again, complete this time
            assert status(app) == "2 notes"
            assert calls == ["facture", "facture"]
    finally:
        again.set()


async def test_only_the_latest_text_is_shown(index: SearchIndex) -> None:
    app = Harness(SearchScreen(index.search, lang="fr"))
    async with app.run_test() as pilot:
        field = app.screen.query_one(Input)
        field.value = "colis"
        field.value = "facture"
        await settle(pilot)
        assert status(app) == "2 notes"
