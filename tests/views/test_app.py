"""The terminal app driven with Textual's Pilot: unlock, first run, people, keys, palette.

The helpers (vaults, the app, waiting) are in tests/views/pilot.py, shared with the
other app tests (test_app_writing.py: timeline, editor, drafts; test_app_safety.py:
locking and leaks; test_app_snapshots.py). Time is fixed (`pilot.NOW`).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static, TextArea

from journal.errors import VaultLocked
from journal.vault import Vault
from tests.conftest import GOLDEN_PASSPHRASE
from tests.views.pilot import (
    SIZE,
    WAIT_TIMEOUT,
    app_for,
    fill,
    open_person,
    palette,
    screen_text,
    settle,
    timeline_text,
    unlock,
    wait_for,
)
from views.screens.first_run import FirstRunScreen
from views.screens.help import HelpScreen
from views.screens.people import PeopleScreen
from views.screens.timeline import TimelineScreen
from views.screens.unlock import UnlockScreen
from views.shell import DentelleApp

# -- unlock -------------------------------------------------------------------------


async def test_wrong_passphrase_is_refused_then_the_right_one_opens(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await unlock(pilot, "not the passphrase")
        assert isinstance(app.screen, UnlockScreen)
        assert app.journal is None
        status = app.screen.query_one("#unlock-status", Static)
        assert "incorrecte" in str(status.render())
        assert app.screen.query_one("#passphrase", Input).value == ""
        await unlock(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert app.journal is not None and app.journal.is_open
        assert app.screen.loaded


async def test_unlocking_shows_a_live_state_and_keeps_the_passphrase_out_of_the_field(
    vault: Vault,
) -> None:
    class HeldKeyWrap:
        """Unwraps only once the test has seen the screen while it works."""

        def __init__(self, inner) -> None:
            self.inner = inner
            self.release = threading.Event()

        def wrap(self, secret: str, payload: bytes) -> bytes:
            return self.inner.wrap(secret, payload)

        def unwrap(self, secret: str, blob: bytes) -> bytes:
            self.release.wait(WAIT_TIMEOUT)
            return self.inner.unwrap(secret, blob)

    keywrap = HeldKeyWrap(vault.keywrap)
    app = app_for(vault, keywrap=keywrap)
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#passphrase", Input).value = GOLDEN_PASSPHRASE
            await pilot.press("enter")
            screen = app.screen
            await wait_for(pilot, lambda: "Déverrouillage" in screen_text(app))
            assert isinstance(screen, UnlockScreen) and screen.busy
            assert "Déverrouillage" in str(screen.query_one("#unlock-status", Static).render())
            assert screen.query_one("#passphrase", Input).value == ""
            keywrap.release.set()
            await settle(pilot)
            assert isinstance(app.screen, PeopleScreen)
    finally:
        keywrap.release.set()  # a failure above must not leave the unlock thread waiting


# -- first run ----------------------------------------------------------------------


class FastKeyWrap:
    """A test double for the passphrase wrap: a hash check instead of scrypt.

    Creating a vault wraps a fresh random identity twice (passphrase and recovery code);
    with real scrypt that is ~8 s, which tests/journal already cover (`-m slow`).
    """

    def wrap(self, secret: str, payload: bytes) -> bytes:
        return b"FAST" + hashlib.sha256(secret.encode()).digest() + payload

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        if blob[4:36] != hashlib.sha256(secret.encode()).digest():
            raise VaultLocked("crypto.wrong_secret")
        return blob[36:]


async def test_first_run_creates_the_vault_and_requires_the_recovery_code_noted(
    tmp_path: Path,
) -> None:
    vault = Vault(tmp_path / "new-vault", keywrap=FastKeyWrap())
    app = app_for(vault)
    strong = "Une phrase de passe de sept mots au moins"
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("enter")  # "Commencer"
        first = app.screen.query_one("#new1", Input)
        assert first.has_focus
        await pilot.press(*"court")
        assert "✗" in str(app.screen.query_one("#strength", Static).render())
        first.value = strong
        await pilot.pause()
        assert "✓" in str(app.screen.query_one("#strength", Static).render())
        await pilot.press("enter")
        app.screen.query_one("#new2", Input).value = strong + " !"
        await pilot.press("enter")
        assert "identiques" in str(app.screen.query_one("#choose-status", Static).render())
        app.screen.query_one("#new2", Input).value = strong
        await pilot.press("enter")
        await settle(pilot)
        code = str(app.screen.query_one("#recovery-code", Static).render())
        assert len(code.replace("-", "")) >= 20
        assert app.screen.query_one("#continue").disabled
        await pilot.click("#continue")  # refused until the box is ticked
        assert isinstance(app.screen, FirstRunScreen)
        app.screen.query_one("#written", Checkbox).value = True
        await pilot.pause()
        await pilot.click("#continue")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert app.journal is not None
    assert vault.exists()
    assert Vault(vault.path, keywrap=FastKeyWrap()).unwrap_identity(strong) is not None
    with pytest.raises(VaultLocked):
        Vault(vault.path, keywrap=FastKeyWrap()).unwrap_identity("wrong")


async def test_first_run_refuses_a_trivial_passphrase_and_says_why(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "new-vault", keywrap=FastKeyWrap())
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # "Commencer"
        first = app.screen.query_one("#new1", Input)
        first.value = "a a a a a a a"  # seven "words": the old rule let it pass

        def said(selector: str) -> str:
            return str(app.screen.query_one(selector, Static).render())

        await wait_for(pilot, lambda: "trop de mots répétés" in said("#strength"))
        assert "✗" in said("#strength")
        await pilot.press("enter")
        app.screen.query_one("#new2", Input).value = "a a a a a a a"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "trop faible" in said("#choose-status"))
        assert "moins d'une seconde" in said("#choose-status")
        assert isinstance(app.screen, FirstRunScreen)
    assert not vault.exists()


# -- people -------------------------------------------------------------------------


async def test_filter_ignores_case_and_accents_and_enter_opens_the_person(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        people = app.screen.query_one("#people")
        assert people.row_count == 3
        await pilot.press(*"NOEL")
        assert [row.name for row in people.rows] == ["Élodie Noël"]
        await pilot.press("escape")
        assert people.row_count == 3
        await open_person(pilot, "dupre")
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person_id == ids["jeanne"]
        assert "Pas encore de note" in "\n".join(timeline_text(app))
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_sort_toggles_between_last_contact_and_name(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        people = app.screen.query_one("#people")
        # People never met (just added) first, then the most recent contact.
        assert [r.name for r in people.rows] == ["Élodie Noël", "Jeanne Dupré", "Famille Martin"]
        await pilot.press("tab", "ctrl+o")  # from the list as from the filter
        assert [r.name for r in people.rows] == ["Élodie Noël", "Famille Martin", "Jeanne Dupré"]
        martin = people.rows[1]
        assert (martin.ago, martin.count_text) == ("il y a 8 jours", "4 notes")


async def test_ctrl_n_adds_a_person_and_opens_their_story(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+n")
        await pilot.press(*"Famille Ndiaye", "enter")
        app.screen.query_one("#profile-text", TextArea).insert("Trois enfants.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person.name == "Famille Ndiaye"
        assert "Trois enfants." in str(app.screen.query_one("#profile", Static).render())


async def test_letters_typed_on_the_list_go_to_the_filter_and_ctrl_n_adds(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab")
        assert app.screen.query_one("#people").has_focus
        await pilot.press("d", "u", "p")
        field = app.screen.query_one("#filter", Input)
        assert field.has_focus and field.value == "dup"
        await pilot.press("down", "up", "tab", "ctrl+n")
        assert app.screen.query_one("#name", Input).has_focus  # the "add a person" form
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_an_empty_vault_puts_ctrl_n_under_the_finger(vault: Vault) -> None:
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert "ctrl+n : ajouter une personne" in screen_text(app)
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#name", Input).has_focus


async def test_the_passphrase_never_reaches_the_clipboard(vault: Vault) -> None:
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"secret", "ctrl+shift+a", "ctrl+c", "ctrl+x")
        assert app.clipboard == ""
        assert app.screen.query_one("#passphrase", Input).value == "secret"


# -- keys, help, palette, language --------------------------------------------------


async def test_help_lists_the_keys_of_every_screen(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).render())
        for expected in ("Write", "Versions", "Lock", "Save", "Add", "Sort"):
            assert expected in keys
        assert keys.index("A person's story") < keys.index("People list")
        await pilot.press("f1")
        assert isinstance(app.screen, TimelineScreen)


async def test_every_binding_has_an_id_and_a_translated_description() -> None:
    from journal.i18n import MESSAGES
    from views.screens import dialogs, drafts, editor, first_run, help, people, timeline, unlock
    from views.widgets.line_list import LineList

    classes = [DentelleApp, LineList]
    for module in (dialogs, drafts, editor, first_run, help, people, timeline, unlock):
        classes += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and v.__module__ == module.__name__ and "BINDINGS" in vars(v)
        ]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.description.startswith("key."), (cls, binding)
            assert binding.description in MESSAGES, binding.description
            if binding.show:
                assert binding.id, (cls, binding.key)


async def test_palette_opens_a_person_by_name(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await palette(pilot, "dupr")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person_id == ids["jeanne"]


async def test_english_everywhere(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        assert "Passphrase" in screen_text(app)
        await unlock(pilot)
        text = screen_text(app)
        assert "order: last contact" in text and "8 days ago" in text and "4 entries" in text
        await open_person(pilot, "martin")
        assert "— 18 months without contact —" in "\n".join(timeline_text(app))
