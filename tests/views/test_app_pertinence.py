"""The pertinence check in the app: the language of the advice, the marks, and the word
lists loaded off the UI thread.

Pilot tests over a real vault (tests/conftest.py); the clock is fixed (pilot.NOW).
"""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Static, TextArea

from journal.pertinence import Checker, Finding, question
from journal.vault import Vault
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
from views.screens.pertinence import MARK_STYLE, PertinenceScreen


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
