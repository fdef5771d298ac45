"""What must never leak: locking drops decrypted data, user text is never markup or
escape sequences, no tracebacks or screenshots, no Textual debug variables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    assert_locked,
    fill,
    fixed_clock,
    open_person,
    palette,
    screen_text,
    unlock,
    wait_for,
)
from views.app import private_temp_folder, scrub_textual_environment
from views.screens.drafts import DraftsScreen
from views.screens.timeline import TimelineScreen
from views.screens.unlock import UnlockScreen

# -- locking ------------------------------------------------------------------------


class IdleClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


async def test_idle_time_locks_and_an_open_editor_keeps_its_draft(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    idle = app.session.idle_clock = IdleClock()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        journal = app.journal
        await open_person(pilot, "martin")
        await pilot.press("n", "enter", *"Brouillon")
        # The check the app runs every second, run here at the moments that matter (its
        # own timer may run it as well: the idle clock stands still between the steps).
        idle.seconds += 4 * 60  # 4 minutes: not yet
        await app.lock_if_idle()
        assert app.journal is not None
        await pilot.press("!")  # activity restarts the count
        idle.seconds += 4 * 60
        await app.lock_if_idle()
        assert app.journal is not None
        idle.seconds += 61
        # Now the app's own timer locks (the check runs every second).
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert_locked(app, "Martin", "Brouillon", "Léa")
        assert not journal.is_open
        await unlock(pilot)
        assert isinstance(app.screen, DraftsScreen)
        assert app.screen.drafts[0].text == "Brouillon!"


async def test_ctrl_l_locks_at_once(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert_locked(app, "Martin", "Léa")


# -- user text is text --------------------------------------------------------------

HOSTILE_NAME = "[/red] [@click=app.quit]x[/] \x1b]0;title\x07"
HOSTILE_TEXT = "osc52 \x1b]52;c;aGVsbG8=\x07 csi \x1b[2J c1 \x9b31m nel \x85 [b]not bold[/b]"


async def test_markup_and_escape_sequences_are_shown_literally(vault: Vault) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        person = journal.add_person(HOSTILE_NAME, "[red]profil[/red] \x1b]0;x\x07")
        journal.add_entry(person.id, date(2026, 11, 1), HOSTILE_TEXT)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert "[/red] [@click=app.quit]x[/]" in screen_text(app)
        await open_person(pilot, "red")
        assert isinstance(app.screen, TimelineScreen)
        await pilot.click("#timeline-title")  # a live [@click] would quit here
        await pilot.pause()
        output = screen_text(app)
        assert "[@click=app.quit]x[/]" in output
        assert "[red]profil[/red]" in output
        assert "[b]not bold[/b]" in output
        for raw in ("\x1b]", "\x07", "\x9b", "\x85", "\x1b[2J"):
            assert raw not in output, repr(raw)
        assert "\N{REPLACEMENT CHARACTER}]52;c;" in output
        hits = await palette(pilot, "red")
        assert "[/red] [@click=app.quit]x[/]" in str(hits.get_option_at_index(0).prompt)
        assert "[/red] [@click=app.quit]x[/]" in screen_text(app)
        assert "\x1b]" not in screen_text(app)
        await pilot.press("escape")
        assert app.is_running


# -- framework leaks ----------------------------------------------------------------


async def test_no_screenshot_command_and_screenshots_refused(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "coffre : Verrouiller" in titles
        assert not [t for t in titles if "screenshot" in t.lower() or "capture" in t.lower()]
        with pytest.raises(PermissionError):
            app.save_screenshot()
        assert app.deliver_screenshot() is None


async def test_a_crash_prints_one_line_without_the_data(
    vault: Vault, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    fill(vault)

    def boom(self) -> None:
        secret = "Point sur l'école de Tom."  # noqa: F841 (a local a traceback would show)
        raise ValueError("Famille Martin")

    monkeypatch.setattr(TimelineScreen, "action_history", boom)
    app = app_for(vault)
    with pytest.raises(ValueError):  # run_test re-raises, so the test sees the real error
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            await open_person(pilot, "martin")
            await pilot.press("h")
            await pilot.pause()
    assert app.return_code == 1
    printed = " ".join(capsys.readouterr().err.split())
    assert printed.startswith("dentelle : erreur interne (ValueError). Le coffre est fermé")
    for leak in ("Traceback", "Martin", "Tom", "secret", "boom"):
        assert leak not in printed


def test_textual_debug_variables_are_removed_before_textual_reads_them() -> None:
    env = {
        "TEXTUAL_DEBUG": "1",
        "TEXTUAL_LOG": "/tmp/log",
        "TEXTUAL_SCREENSHOT": "1",
        "TEXTUAL_PRESS": "a",
        "TEXTUAL": "devtools",
        "TEXTUAL_THEME": "textual-light",
        "HOME": "/home/x",
    }
    removed = scrub_textual_environment(env)
    assert sorted(removed) == [
        "TEXTUAL",
        "TEXTUAL_DEBUG",
        "TEXTUAL_LOG",
        "TEXTUAL_PRESS",
        "TEXTUAL_SCREENSHOT",
    ]
    assert env == {"TEXTUAL_THEME": "textual-light", "HOME": "/home/x"}


def test_views_app_does_not_import_textual_before_scrubbing() -> None:
    import subprocess
    import sys

    code = "import views.app, sys; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_demo_folder_is_private() -> None:
    folder = private_temp_folder()
    try:
        assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        folder.rmdir()


def test_app_messages_exist_in_both_languages_and_avoid_management_words() -> None:
    import views.app_strings  # noqa: F401
    from journal.i18n import MESSAGES
    from journal.text import fold

    forbidden = ["usager", "beneficiaire", "dossier clos", "mode d'intervention", "parcours"]
    forbidden += ["objectif atteint", "en retard"]
    keys = [k for k in MESSAGES if k.split(".")[0] in {"key", "cmd", "app", "unlock", "first"}]
    assert len(keys) > 60
    for key, texts in MESSAGES.items():
        assert texts.get("fr") and texts.get("en"), key
        for text in texts.values():
            assert not [word for word in forbidden if word in fold(text)], key
