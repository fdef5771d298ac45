"""The people list and the people themselves in the app: keys that never steal a letter
from the filter, two people of the same name, renaming and removing a person, the
unlock screen after wrong passphrases, the palette naming the person in view.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    fill,
    fixed_clock,
    open_person,
    palette,
    screen_text,
    settle,
    unlock,
    wait_for,
    wait_for_search,
)
from views.screens.help import HelpScreen
from views.screens.people import PeopleScreen
from views.screens.search import SearchScreen
from views.screens.timeline import TimelineScreen
from views.screens.unlock import UnlockScreen

# -- keys that go astray ---------------------------------------------------------------


async def _type_on_list(pilot, text: str) -> str:
    await pilot.press(*text)
    return pilot.app.screen.query_one("#filter", Input).value


async def test_every_letter_typed_on_the_list_reaches_the_filter(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        await pilot.press("tab")
        assert screen.query_one("#people").has_focus
        assert await _type_on_list(pilot, "dupont") == "dupont"
        assert app.screen is screen and not screen.sort_by_name
        await pilot.press("escape")
        # Every letter, including those that were actions (a o s j b x r) and `?`.
        await pilot.press("tab")
        assert await _type_on_list(pilot, "sarajbox?") == "sarajbox?"
        assert app.screen is screen and not screen.sort_by_name


async def test_after_the_add_dialog_letters_still_reach_the_filter(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#name", Input).has_focus
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert await _type_on_list(pilot, "sara") == "sara"
        assert app.screen is screen


async def test_list_actions_work_from_the_filter_and_from_the_list(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = app.screen
        for place in ("filter", "list"):
            if place == "list":
                await pilot.press("tab")
            await pilot.press("ctrl+o")
            assert screen.sort_by_name
            await pilot.press("ctrl+o")
            assert not screen.sort_by_name
            await pilot.press("ctrl+s")  # soon
            await wait_for(pilot, lambda: app.screen is not screen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)


async def test_the_footer_help_and_status_show_the_new_keys(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        text = screen_text(app)
        assert "^n" in text and "ctrl+s" in text and "ctrl+o" in text
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        assert "^n" in keys and "^o" in keys and "f2" in keys.lower()


async def test_letters_on_the_search_results_go_to_the_query(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        screen = app.screen
        await pilot.press(*"pause")
        await wait_for_search(pilot)
        screen.query_one(OptionList).focus()
        await pilot.press(*"s")
        assert app.screen is screen
        assert screen.query_one(Input).value == "pauses"


# -- the same name twice -----------------------------------------------------------------


async def test_adding_a_second_person_of_the_same_name_warns_first(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+n", *"jeanne dupre")
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = str(app.screen.query_one("#person-status", Static).render())
        assert "Jeanne Dupré" in status and "déjà" in status
        assert len(app.journal.people()) == 3  # nothing saved yet
        await pilot.press("ctrl+s")  # saving again: done knowingly
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert len(app.journal.people()) == 4


async def test_two_people_of_the_same_name_are_told_apart_in_the_list(vault: Vault) -> None:
    fill(vault)
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        journal.add_person("Jeanne Dupré", "Voisine de Mme Noël, deux chats.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(*"dupre")
        names = [row.shown or row.name for row in app.screen.query_one("#people").rows]
        assert len(names) == 2 and names[0] != names[1]
        assert any("Voisine de Mme Noël" in name for name in names)
        assert all("Jeanne Dupré" in name for name in names)
        await pilot.press("escape")
        hits = await palette(pilot, "dupr")
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("Voisine de Mme Noël" in prompt for prompt in prompts)


# -- renaming and removing ----------------------------------------------------------------


async def test_f2_renames_the_highlighted_person(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(*"dupre", "f2")
        field = app.screen.query_one("#name", Input)
        assert field.value == "Jeanne Dupré"
        field.value = "Jeanne Dupré-Martin"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert app.journal.person(ids["jeanne"]).name == "Jeanne Dupré-Martin"
        await wait_for(pilot, lambda: "Jeanne Dupré-Martin" in screen_text(app))


async def test_removing_a_person_without_notes_leaves_nothing(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(*"dupre", "ctrl+d")
        await wait_for(pilot, lambda: "Retirer" in screen_text(app))
        assert "Jeanne Dupré" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert ids["jeanne"] not in {p.id for p in app.journal.people()}
        assert ids["jeanne"] in app.journal.tombstones()
        await wait_for(pilot, lambda: "Jeanne Dupré" not in screen_text(app))


async def test_removing_someone_with_notes_leads_to_forgetting(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await palette(pilot, "retirer famille martin")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Oublier" in n.message for n in app._notifications))
        assert isinstance(app.screen, TimelineScreen)
        assert ids["martin"] in {p.id for p in app.journal.people()}


# -- wrong passphrases ---------------------------------------------------------------------


async def test_third_wrong_passphrase_mentions_the_recovery_code(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        for attempt in range(3):
            await unlock(pilot, f"not it {attempt}")
            assert isinstance(app.screen, UnlockScreen)
            status = str(app.screen.query_one("#unlock-status", Static).render())
            assert ("dentelle recover" in status) == (attempt == 2)
        assert "code de secours" in status


# -- the palette names the person ----------------------------------------------------------


async def test_palette_entries_about_the_person_in_view_name_them(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        hits = await palette(pilot, "export")
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("person: Export the story of Famille Martin…" in p for p in prompts), prompts


async def test_a_letter_on_a_dialog_opens_nothing_behind_it(vault: Vault) -> None:
    """The app's own letters (`s` soon, `/` search) act on screens, never over a dialog
    whose focus is on a button: there, they were typed for the dialog."""
    from views.screens.dialogs import ConfirmScreen

    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(*"dupre", "ctrl+d")  # nothing written: "Retirer ?"
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        dialog = app.screen
        await pilot.press("s", "slash")
        await settle(pilot)
        assert app.screen is dialog
