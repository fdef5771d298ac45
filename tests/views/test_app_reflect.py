"""Reflective writing in the app: the pertinence warning, the practice journal, rhythms
of contact in words, and the "soon" view. Pilot tests over a real vault (conftest);
the clock is fixed at Saturday 28 November 2026 (pilot.NOW).
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static, TextArea

from journal import crypto
from journal.rhythm import parse_rhythm
from journal.store.practice import PRACTICE, practice_notes, prompts
from journal.store.sealing import aad, unpack
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    NOW,
    SIZE,
    app_for,
    assert_locked,
    fill,
    fill_rhythms,
    open_person,
    palette,
    screen_text,
    settle,
    unlock,
    wait_for_search,
)
from views.screens.drafts import DraftsScreen
from views.screens.editor import EditorScreen
from views.screens.mentions import NamesNoticeScreen
from views.screens.pertinence import MARK_STYLE, PertinenceScreen
from views.screens.practice import PracticeEditorScreen, PracticeScreen
from views.screens.rhythm import RhythmScreen
from views.screens.soon import SoonRow, SoonScreen
from views.screens.timeline import TimelineScreen


def rendered(widget: Static) -> str:
    return str(widget.render())


async def write(pilot, text: str) -> None:
    """In an open editor: today's date, then `text`, then ctrl+s."""
    await pilot.press("enter")
    pilot.app.screen.query_one("#text", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await settle(pilot)


# -- the pertinence check -------------------------------------------------------------


async def test_the_warning_shows_the_words_and_escape_goes_back_to_rephrase(
    vault: Vault,
) -> None:
    ids = fill(vault)
    app = app_for(vault)
    text = "Passage à la permanence.\nIl était agressif avec moi, puis calme."
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n")
        await write(pilot, text)
        screen = app.screen
        assert isinstance(screen, PertinenceScreen)
        sentence = screen.query_one(".pertinence-sentence", Static)
        content = sentence.visual
        assert content.plain == "« Il était agressif avec moi, puis calme. »"
        marked = [content.plain[s.start : s.end] for s in content.spans if s.style == MARK_STYLE]
        assert marked == ["agressif"]
        reason = rendered(screen.query_one(".pertinence-reason", Static))
        assert "Jugement" in reason and "comportement ou le caractère" in reason
        assert "Plutôt : échange difficile" in reason
        assert "Seriez-vous à l'aise si la personne le lisait ?" in rendered(
            screen.query_one("#pertinence-question", Static)
        )
        await pilot.press("escape")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        area = editor.query_one("#text", TextArea)
        assert app.focused is area
        assert area.selected_text == "agressif"
        assert area.cursor_location == (1, text.split("\n")[1].index("agressif"))
        # Nothing was saved: the worker is rephrasing.
        assert len(app.journal.entries(ids["martin"])) == 4
        area.replace("tendu", area.selection.start, area.selection.end)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.selected_entry().text.endswith("Il était tendu avec moi, puis calme.")


async def test_ctrl_s_again_saves_as_it_is_and_nothing_records_the_warning(
    vault: Vault,
) -> None:
    ids = fill(vault)
    app = app_for(vault, lang="en")
    text = "He was aggressive at the desk."
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n")
        await write(pilot, text)
        assert isinstance(app.screen, PertinenceScreen)
        assert "Judgment" in rendered(app.screen.query_one(".pertinence-reason", Static))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.selected_entry().text == text
    with vault.open(GOLDEN_IDENTITY) as journal:
        entry = journal.entries(ids["martin"])[-1]
        assert entry.text == text and journal.drafts() == []
        # The sealed payload holds the note and its dates, and nothing about the check.
        row = journal._db.execute(
            "SELECT person_id, version_id, sealed FROM entries WHERE id=?", [entry.id]
        ).fetchone()
        associated = aad("entry", row[0], entry.id, row[1])
        payload = unpack(crypto.open_sealed(journal.person_key(row[0]), row[2], associated))
        assert set(payload) == {"occurred_on", "time", "written_at", "text"}


# -- the practice journal -------------------------------------------------------------


async def test_j_opens_the_practice_journal_and_n_writes_a_note_from_the_prompts(
    vault: Vault,
) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert rendered(app.screen.query_one("#practice-title", Static)).endswith("0 note")
        await pilot.press("n")
        editor = app.screen
        assert isinstance(editor, PracticeEditorScreen)
        assert "ctrl+t" in rendered(editor.query_one("#editor-status", Static))
        await pilot.press("enter", "ctrl+t")
        area = editor.query_one("#text", TextArea)
        assert area.text == prompts("fr")
        assert area.text.startswith("Ce qui s'est passé :\n\nCe que j'ai ressenti :")
        assert area.cursor_location == (1, 0)  # under the first question
        await pilot.press(*"Une visite difficile")
        # The questions are only headings: the worker deletes the ones that do not help.
        area.load_text(area.text.replace("Ce que j'en comprends :\n\n", ""))
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert rendered(screen.query_one("#practice-title", Static)) == (
            "Journal de pratique · 1 note"
        )
        assert screen.selected_note() is not None
    with vault.open(GOLDEN_IDENTITY) as journal:
        (note,) = practice_notes(journal)
        assert note.person_id == PRACTICE and note.occurred_on == NOW.date()
        # The questions left unanswered are not kept (the hint says they are optional).
        assert note.text == "Ce qui s'est passé :\nUne visite difficile"
        assert journal.drafts() == []


async def test_practice_notes_get_the_names_notice_and_have_their_own_search(
    vault: Vault,
) -> None:
    fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        from journal.store.practice import add_practice_note

        older = add_practice_note(journal, date(2026, 10, 2), "Supervision : la réunion d'équipe.")
        add_practice_note(journal, date(2026, 11, 2), "Retour sur une visite.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await palette(pilot, "pratique : nouvelle")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeEditorScreen)
        # Not the word lists (the worker's own reflection): the names of the people list.
        await write(pilot, "Je l'ai trouvé manipulateur, M. Noël.")
        assert isinstance(app.screen, NamesNoticeScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        # `/` here searches the practice notes only, and the people's search does not
        # show them.
        await pilot.press("slash", *"reunion")
        await wait_for_search(pilot)
        assert [hit.id for hit in app.screen.hits] == [older.id]
        search = app.screen
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.selected_note().id == older.id
        assert app.search_keeper.search_all("reunion") == []
        # Escape comes back to the results as they were, then to the journal.
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search
        assert search.query_one(Input).value == "reunion"
        assert [hit.id for hit in search.hits] == [older.id]
        await pilot.press("escape")
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("escape")
        assert app.screen is app.people_screen()


async def test_a_practice_note_left_open_at_a_lock_comes_back_as_a_draft(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("n", "enter", *"Pas fini")
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.journal is None
        await unlock(pilot)
        drafts = app.screen
        assert isinstance(drafts, DraftsScreen)
        assert drafts.drafts[0].person_id == PRACTICE
        assert drafts.query_one("#drafts")._lines[0][0][0].startswith("Journal de pratique")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeEditorScreen)
        assert app.screen.query_one("#text", TextArea).text == "Pas fini"


# -- rhythms --------------------------------------------------------------------------


async def test_a_rhythm_said_in_words_shows_the_next_expected_date(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        line = app.screen.query_one("#rhythm", Static)
        assert not line.display  # most people have none: nothing is shown
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, RhythmScreen)
        understood = dialog.query_one("#rhythm-understood", Static)
        await pilot.press(*"tous les moi")
        assert rendered(understood).startswith("✗ Rythme non compris : « tous les moi ».")
        assert "toutes les deux semaines" in rendered(understood)  # examples
        await pilot.press("enter")
        assert app.screen is dialog  # not understood: nothing saved, the field stays
        await pilot.press("s")
        # Last contact on Friday 20 November: a month later.
        assert rendered(understood) == (
            "✓ tous les mois → prochain contact attendu vers le dimanche 20 décembre 2026"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        line = app.screen.query_one("#rhythm", Static)
        assert line.display
        assert rendered(line) == (
            "Rythme : tous les mois · prochain contact vers le dimanche 20 décembre 2026"
        )
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert journal.person(ids["martin"]).extra["rhythm"] == {
            "rule": "FREQ=MONTHLY",
            "said": "tous les mois",
        }


async def test_an_empty_field_clears_the_rhythm_in_english(vault: Vault) -> None:
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        rhythm = parse_rhythm("le premier lundi du mois")
        journal.update_person(ids["martin"], extra={"rhythm": rhythm.to_json()})
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        line = app.screen.query_one("#rhythm", Static)
        assert rendered(line) == (
            "Rhythm: the first Monday of the month · next contact around Monday, 7 December 2026"
        )
        await pilot.press("r")
        field = app.screen.query_one("#rhythm-words", Input)
        assert field.value == "le premier lundi du mois"
        field.value = ""
        await pilot.pause()
        assert rendered(app.screen.query_one("#rhythm-understood", Static)) == (
            "Empty field: Enter removes the rhythm."
        )
        await pilot.press("enter")
        await settle(pilot)
        assert not app.screen.query_one("#rhythm", Static).display
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert not journal.person(ids["martin"]).extra.get("rhythm")


# -- the soon view --------------------------------------------------------------------


async def test_s_shows_who_may_come_by_gently_and_enter_opens_them(vault: Vault) -> None:
    ids = fill_rhythms(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SoonScreen)
        soon_lines = screen.query_one("#soon")._lines
        lines = ["".join(text for text, _ in line).rstrip() for line in soon_lines]
        assert lines == [
            "Attendu·es cette semaine",
            "Jeanne Dupré                    vers le mardi 1er décembre 2026",
            "    d'habitude toutes les semaines — dernier contact il y a 4 jours",
            "",
            "Sans contact depuis plus longtemps que d'habitude",
            "Élodie Noël",
            "    d'habitude tous les mois — dernier contact il y a 7 semaines",
        ]
        everything = " ".join(lines).lower()
        assert "retard" not in everything and "late" not in everything
        styles = {style for line in soon_lines for _, style in line}
        assert styles <= {"", "strong", "muted", "subheading"}  # no alarm colour
        assert [row.person_id for row in screen.rows if isinstance(row, SoonRow)] == [
            ids["jeanne"],
            ids["elodie"],
        ]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person_id == ids["elodie"]
        await pilot.press("escape")
        assert app.screen is screen  # back to the soon view


async def test_soon_from_a_story_in_english_and_the_people_sort_moved_to_o(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "jeanne")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SoonScreen)
        status = app.screen.query_one("#soon-status", Static)
        assert rendered(status).startswith("Nobody to mention this week.")
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_someone_forgotten_from_a_story_opened_in_soon_leaves_the_soon_view(
    vault: Vault,
) -> None:
    """No list may still show a person just forgotten: the soon view under the story too."""
    ids = fill_rhythms(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        soon_screen = app.screen
        assert isinstance(soon_screen, SoonScreen)
        await pilot.press("down", "enter")  # Élodie, not seen for longer than usual
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen) and app.screen.person_id == ids["elodie"]
        await pilot.press("ctrl+d")
        await pilot.press(*"Élodie Noël", "enter")
        await settle(pilot)
        assert app.screen is soon_screen
        shown = [row.person_id for row in soon_screen.rows if isinstance(row, SoonRow)]
        assert shown == [ids["jeanne"]]
        assert "Élodie" not in screen_text(app)  # her name is nowhere on screen any more


# -- locking --------------------------------------------------------------------------


async def test_a_lock_takes_down_the_warning_the_practice_journal_and_soon(
    vault: Vault,
) -> None:
    fill_rhythms(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        from journal.store.practice import add_practice_note

        add_practice_note(journal, date(2026, 11, 2), "Supervision : le silence de Jeanne.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert_locked(app, "Jeanne", "d'habitude")
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert_locked(app, "silence", "Supervision")
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n")
        await write(pilot, "Il était agressif.")
        assert isinstance(app.screen, PertinenceScreen)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert_locked(app, "agressif", "Martin")
        await unlock(pilot)
        drafts = app.screen  # the text was kept, encrypted, as any writing at a lock
        assert isinstance(drafts, DraftsScreen)
        assert drafts.drafts[0].text == "Il était agressif."
