"""What reaches the terminal from the app (issue 11, item 7): names and notes holding C1
codes, bidi overrides and zero-width characters are drawn inert, and the check window
quotes a bounded piece of a note without punctuation."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from journal.pertinence import Checker
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import SIZE, app_for, fixed_clock, open_person, screen_text, settle, unlock
from views.screens.pertinence import MARK_STYLE, PertinenceScreen
from views.screens.timeline import TimelineScreen

NAME = "Mallory\x9d0;PWNED\x9c\x9b2J \u202eB\u200b"
RAW = ("\x9b", "\x9c", "\x9d", "\u202e", "\u2066", "\u2069", "\u200b", "\ufeff")


def assert_drawn_inert(output: str) -> None:
    for raw in RAW:
        assert raw not in output, hex(ord(raw))
    assert "Mallory�0;PWNED��2J �B�" in output


async def test_c1_and_bidi_names_are_inert_in_the_list_and_the_story_header(
    vault: Vault,
) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        person = journal.add_person(NAME, "Profil \u2066caché\u2069")
        journal.add_entry(person.id, date(2026, 11, 1), "Note\ufeff \u202eavec\u202c Zoé.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert_drawn_inert(screen_text(app))  # the people list
        await open_person(pilot, "Mallory")
        assert isinstance(app.screen, TimelineScreen)
        output = screen_text(app)  # the story: its header and the note
        assert_drawn_inert(output)
        assert "Profil �caché�" in output and "Note� �avec� Zoé." in output


async def test_the_check_window_quotes_a_bounded_piece_around_each_word(vault: Vault) -> None:
    words = [f"mot{n}" for n in range(16_000)]  # ~100 KB, one sentence
    for at in (100, 8_000, 15_900):
        words[at] = "agressif"
    findings = Checker.load().check(" ".join(words))
    assert len(findings) == 3
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.push_screen(PertinenceScreen(findings))
        await settle(pilot)
        pieces = [widget.visual for widget in app.screen.query(".pertinence-sentence")]
        assert len(pieces) == 3
        for content in pieces:
            assert len(content.plain) <= 200 + 2  # the quotes around it
            marked = [
                content.plain[s.start : s.end] for s in content.spans if s.style == MARK_STYLE
            ]
            assert marked == ["agressif"]
        assert len(app.screen.query(".pertinence-reason")) == 3
        assert all(isinstance(w, Static) for w in app.screen.query(".pertinence-reason"))
