"""The pertinence check on every field a person can read, in the app: the profile and
name (`p` on a story, `a` on the list), the language of the advice, the practice
journal's notice about names, and the word lists loaded off the UI thread.

Pilot tests over a real vault (tests/conftest.py); the clock is fixed (pilot.NOW).
"""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input, Static, TextArea

from journal.pertinence import Checker, Finding, question
from journal.store.practice import practice_notes
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    fill,
    open_person,
    screen_text,
    settle,
    unlock,
    wait_for,
)
from views.screens.dialogs import PersonFormScreen
from views.screens.mentions import NamesNoticeScreen
from views.screens.pertinence import MARK_STYLE, PertinenceScreen
from views.screens.practice import PracticeEditorScreen, PracticeScreen
from views.screens.timeline import TimelineScreen


def rendered(widget: Static) -> str:
    return str(widget.render())


def marked(screen) -> list[str]:
    """The words marked in the window's sentences, in order."""
    words = []
    for sentence in screen.query(".pertinence-sentence"):
        content = sentence.visual
        words += [content.plain[s.start : s.end] for s in content.spans if s.style == MARK_STYLE]
    return words


def window_text(screen) -> str:
    return "\n".join(rendered(widget) for widget in screen.query(Static))


# -- the profile and the name -----------------------------------------------------------


async def test_p_a_profile_with_a_judgement_shows_the_warning_before_saving(
    vault: Vault,
) -> None:
    ids = fill(vault)
    app = app_for(vault)
    profile = "Alcoolique, agressif."
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("p")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PersonFormScreen)
        form.query_one("#profile-text", TextArea).load_text(profile)
        await pilot.press("ctrl+s")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, PertinenceScreen)  # the note editor's window, as it is
        assert marked(window) == ["Alcoolique", "agressif"]
        shown = window_text(window)
        assert "Profil" in shown and "Jugement" in shown
        assert "Seriez-vous à l'aise si la personne le lisait ?" in shown
        # Escape: back to the profile, its first word found selected; nothing saved.
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
        area = form.query_one("#profile-text", TextArea)
        assert app.focused is area and area.selected_text == "Alcoolique"
        assert app.journal.person(ids["martin"]).profile == "Deux enfants, Léa et Tom."
        # ctrl+s, and ctrl+s again in the window: saved as it is.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PertinenceScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert profile in rendered(app.screen.query_one("#profile", Static))
    with vault.open(GOLDEN_IDENTITY) as journal:
        person = journal.person(ids["martin"])
        # Nothing about the warning is kept with the person.
        assert (person.profile, person.extra) == (profile, {})


async def test_a_profile_the_check_finds_nothing_in_is_saved_at_once(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("p")
        await settle(pilot)
        app.screen.query_one("#profile-text", TextArea).load_text("Trois enfants.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.journal.person(ids["martin"]).profile == "Trois enfants."


async def test_a_adds_a_person_after_the_same_warning_on_the_name_and_profile(
    vault: Vault,
) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+n")
        await pilot.press(*"Le menteur", "enter")
        app.screen.query_one("#profile-text", TextArea).insert("Toxicomane, agressif.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, PertinenceScreen)
        assert marked(window) == ["menteur", "Toxicomane", "agressif"]
        shown = window_text(window)
        assert shown.index("Nom") < shown.index("menteur") < shown.index("Profil")
        # Back to the name first: it comes first in the form.
        await pilot.press("escape")
        await settle(pilot)
        name = app.screen.query_one("#name", Input)
        assert app.focused is name and name.selected_text == "menteur"
        assert len(app.journal.people()) == 3
        name.value = "Famille Ndiaye"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PertinenceScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person.name == "Famille Ndiaye"
        assert app.screen.person.profile == "Toxicomane, agressif."


# -- the language of the text -----------------------------------------------------------


def english(text: str, word: str, category: str = "judgment") -> Finding:
    start = text.index(word)
    return Finding(start, start + len(word), word, category, "a difficult exchange", text, 0, "en")


async def test_an_english_sentence_gets_english_advice_in_a_french_window(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="fr")
    text = "He was aggressive at the desk."
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.push_screen(PertinenceScreen([english(text, "aggressive")]))
        await settle(pilot)
        window = app.screen
        reason = rendered(window.query_one(".pertinence-reason", Static))
        assert "Judgment" in reason and "A judgment of the person's behaviour" in reason
        assert "Instead: a difficult exchange" in reason
        assert "Jugement" not in reason and "Plutôt" not in reason
        shown = window_text(window)
        assert question("en", "judgment") in shown
        assert question("fr", "judgment") not in shown
        # The window's own words stay in the worker's language.
        assert "À relire avant d'enregistrer (1)" in rendered(window.query_one("#pertinence-title"))
        assert "Enregistrer tel quel" in screen_text(app)  # the footer's keys
        assert marked(window) == ["aggressive"]


# -- the highlight ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Il était agressif et menteur.",
        "Il était  agressif\tet menteur.",
        "Il e\u0301tait agressif et menteur.",
    ],
)
async def test_the_marks_cover_the_words_and_not_the_space_after(vault: Vault, text: str) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    findings = Checker.load().check(text)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.push_screen(PertinenceScreen(findings))
        await settle(pilot)
        assert marked(app.screen) == ["agressif", "menteur"]
        line = next(
            strip
            for strip in app.screen._compositor.render_strips()
            if "menteur" in strip.text and "“" in strip.text
        )
        reversed_ = [seg.text for seg in line if seg.style and seg.style.reverse and seg.style.bold]
        assert reversed_ == ["agressif", "menteur"]


# -- the practice journal ---------------------------------------------------------------


async def test_a_practice_note_naming_someone_gets_a_gentle_notice(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    text = "Visite chez Mme Dupré : je suis arrivé après l'heure, tendu."
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeEditorScreen)
        app.screen.query_one("#text", TextArea).insert(text)
        await pilot.press("ctrl+s")
        await settle(pilot)
        notice = app.screen
        assert isinstance(notice, NamesNoticeScreen)
        shown = window_text(notice)
        assert "Cette note nomme Jeanne Dupré, qui a une histoire dans Dentelle." in shown
        assert "une initiale suffit" in shown
        assert marked(notice) == ["Mme Dupré"]
        await pilot.press("escape")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, PracticeEditorScreen)
        area = editor.query_one("#text", TextArea)
        assert area.selected_text == "Mme Dupré"
        assert practice_notes(app.journal) == []
        area.replace("Mme D.", area.selection.start, area.selection.end)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        [note] = practice_notes(app.journal)
        assert note.text == "Visite chez Mme D. : je suis arrivé après l'heure, tendu."


async def test_the_notice_lets_the_worker_save_the_name_as_it_is(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("n", "enter")
        await settle(pilot)
        app.screen.query_one("#text", TextArea).insert("Supervision about Élodie Noël.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NamesNoticeScreen)
        assert "This note names Élodie Noël, who has a story in Dentelle." in window_text(
            app.screen
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        assert [n.text for n in practice_notes(app.journal)] == ["Supervision about Élodie Noël."]


async def test_the_practice_journal_is_not_read_against_the_word_lists(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("n", "enter")
        await settle(pilot)
        app.screen.query_one("#text", TextArea).insert("Je me suis senti agressif.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


# -- the word lists ----------------------------------------------------------------------


async def test_the_word_lists_are_never_loaded_on_the_ui_thread(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+s before the lists are loaded (right after unlock) waits for a worker; the
    UI thread never reads the lists (with lemmas they take up to 200 ms)."""
    fill(vault)
    threads: list[bool] = []
    real_load = Checker.load.__func__

    def load(cls, *args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_load(cls, *args, **kwargs)

    monkeypatch.setattr(Checker, "load", classmethod(load))
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter")
        app.screen.query_one("#text", TextArea).insert("Il était agressif.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, PertinenceScreen))
        assert threads and not any(threads), threads


def test_the_word_lists_worker_makes_its_coroutine_when_it_runs(tmp_path) -> None:
    """The lists' worker is given the coroutine function, not a coroutine made before it
    runs: an app closed before the worker started left one never awaited (a
    RuntimeWarning at the end of a CI run)."""
    import inspect

    from views.services.wordlists import WordLists

    given = []

    class App:
        def run_worker(self, work, **options):
            given.append(work)
            return object()

    WordLists(App(), tmp_path, "fr").load_soon()
    (work,) = given
    if inspect.iscoroutine(work):
        work.close()  # this test's own: no warning from it either
    assert not inspect.iscoroutine(work)
    assert inspect.iscoroutinefunction(work)
