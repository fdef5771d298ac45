"""Writing with the app: the timeline, the editor, dates, history, profile and drafts."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static, TextArea

from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    fill,
    open_person,
    settle,
    timeline_text,
    unlock,
    wait_for,
)
from views.screens.drafts import DraftsScreen
from views.screens.editor import EditorScreen
from views.screens.history import HistoryScreen
from views.screens.timeline import EntryRow, HeadingRow, TimelineScreen

# -- timeline and editor ------------------------------------------------------------


async def test_new_entry_dated_hier_lands_in_yesterdays_month(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n")
        assert isinstance(app.screen, EditorScreen)
        await pilot.press(*"hier")
        understood = str(app.screen.query_one("#understood", Static).render())
        assert "hier → vendredi 27 novembre 2026" in understood
        await pilot.press("enter", *"Passage rapide.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        rows = screen.rows
        new = screen.selected_entry()
        assert new is not None and new.text == "Passage rapide."
        assert new.occurred_on == date(2026, 11, 27)
        index = next(i for i, r in enumerate(rows) if isinstance(r, EntryRow) and r.entry == new)
        headings = [r.text for r in rows[:index] if isinstance(r, HeadingRow)]
        assert headings[-1] == "novembre 2026"
        previous = [r.entry.occurred_on for r in rows[:index] if isinstance(r, EntryRow)]
        assert previous[-1] == date(2026, 11, 20)
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert [e.text for e in journal.entries(ids["martin"])][-1] == "Passage rapide."


async def test_dates_people_say_are_understood_and_a_planned_day_is_flagged(
    vault: Vault,
) -> None:
    """ "demain" is a note about something planned: accepted, with "(dans le futur)";
    "hier soir" keeps the evening as a time (issue 13)."""
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", *"demain")
        understood = app.screen.query_one("#understood", Static)
        await wait_for(pilot, lambda: "(dans le futur)" in str(understood.render()))
        assert "demain → dimanche 29 novembre 2026" in str(understood.render())
        await pilot.press("enter", *"RDV CAF prévu.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        await pilot.press("n", *"hier soir")
        understood = app.screen.query_one("#understood", Static)
        await wait_for(pilot, lambda: "à 19:00" in str(understood.render()))
        assert "(dans le futur)" not in str(understood.render())
        await pilot.press("enter", *"Appel du soir.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
    with vault.open(GOLDEN_IDENTITY) as journal:
        saved = {e.text: e for e in journal.entries(ids["martin"])}
        assert saved["RDV CAF prévu."].occurred_on == date(2026, 11, 29)
        assert saved["Appel du soir."].occurred_on == date(2026, 11, 27)
        assert saved["Appel du soir."].time is not None
        assert saved["Appel du soir."].time.hour == 19


async def test_a_date_not_understood_is_explained_and_nothing_is_saved(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", *"someday")
        assert "not understood" in str(app.screen.query_one("#understood", Static).render())
        app.screen.query_one("#text", TextArea).insert("Text.")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.query_one("#date", Input).has_focus
        assert len(app.journal.entries(ids["martin"])) == 4


async def test_editing_keeps_the_history_viewable_from_the_timeline(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        old = app.screen.selected_entry()
        assert old is not None and old.text == "Point sur l'école de Tom."
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one("#date", Input).value == "20/11/2026"
        editor.query_one("#text", TextArea).load_text("Point sur l'école de Tom, avec sa mère.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.selected_entry().versions == 2
        assert any("✎ 2 versions" in line for line in timeline_text(app))
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        texts = [str(w.render()) for w in app.screen.query(".version-text")]
        assert texts == ["Point sur l'école de Tom.", "Point sur l'école de Tom, avec sa mère."]
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert len(journal.history(old.id)) == 2
        assert len(journal.entries(ids["martin"])) == 4


async def test_escape_asks_before_throwing_away_writing(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter", *"Quelques mots")
        await pilot.press("escape")
        assert not isinstance(app.screen, (EditorScreen, TimelineScreen))  # the question
        await pilot.press("escape")  # "Continuer": back to writing
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape", "d")  # "Jeter"
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.journal.drafts() == []


async def test_profile_is_shown_and_editable(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        assert "Léa et Tom" in str(app.screen.query_one("#profile", Static).render())
        assert "Contacts par mois" in str(app.screen.query_one("#strip", Static).render())
        await pilot.press("p")
        app.screen.query_one("#profile-text", TextArea).load_text("Trois enfants désormais.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Trois enfants" in str(app.screen.query_one("#profile", Static).render())
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert journal.person(ids["martin"]).profile == "Trois enfants désormais."


# -- drafts -------------------------------------------------------------------------


async def test_a_draft_survives_the_app_closing_mid_edit_and_is_offered_back(
    vault: Vault,
) -> None:
    fill(vault)
    words = "Écrit puis fenêtre fermée sans enregistrer."
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", *"avant-hier", "enter")
        app.screen.query_one("#text", TextArea).insert(words)
        await pilot.pause()
    # The app is closed: nothing readable on disk, the draft is sealed.
    for file in vault.path.iterdir():
        assert words.encode() not in file.read_bytes(), file.name
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one("#text", TextArea).text == words
        assert editor.query_one("#date", Input).value == "avant-hier"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.selected_entry().occurred_on == date(2026, 11, 26)
        assert app.journal.drafts() == []


async def test_writing_is_autosaved_as_a_draft_every_few_seconds(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import views.screens.editor as editor_module

    monkeypatch.setattr(editor_module, "AUTOSAVE_SECONDS", 0.2)
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter", *"Autosave")
        # Nothing but the autosave timer saves a draft here (it may have saved a part of
        # the word while it was typed): wait for it to have saved all of it.
        await wait_for(pilot, lambda: [d.text for d in app.journal.drafts()] == ["Autosave"])
        assert "Brouillon gardé" in str(app.screen.query_one("#editor-status", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.journal.drafts() == []
