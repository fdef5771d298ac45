"""The terminal app driven with Textual's Pilot: unlock, people, timeline, editor, drafts, lock.

Vaults are the conftest's: real SQLite and real age files under the golden identity,
with `MemoKeyWrap` so unlocking with `GOLDEN_PASSPHRASE` costs no scrypt. Time is fixed
(`NOW`); the idle clock of the auto-lock is replaced by a counter the test moves.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static, TextArea

from journal.errors import VaultLocked
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE
from views.app import make_app, private_temp_folder, scrub_textual_environment
from views.screens.dialogs import HistoryScreen
from views.screens.drafts import DraftsScreen
from views.screens.editor import EditorScreen
from views.screens.first_run import FirstRunScreen
from views.screens.help import HelpScreen
from views.screens.people import PeopleScreen
from views.screens.timeline import EntryRow, HeadingRow, TimelineScreen
from views.screens.unlock import UnlockScreen
from views.shell import DentelleApp

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 32)


def fixed_clock() -> datetime:
    return NOW


def fill(vault: Vault) -> dict[str, str]:
    """Three people; the Martins have a story across two years. Returns name → id."""
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        martin = journal.add_person("Famille Martin", "Deux enfants, Léa et Tom.")
        for day, text in [
            (date(2025, 3, 12), "Première rencontre à la permanence."),
            (date(2025, 4, 2), "Visite à domicile avec Léa."),
            (date(2026, 10, 5), "Retour après une longue pause."),
            (date(2026, 11, 20), "Point sur l'école de Tom."),
        ]:
            written = datetime.combine(day, datetime.min.time(), NOW.tzinfo) + timedelta(hours=18)
            journal.add_entry(martin.id, day, text, written_at=written)
        jeanne = journal.add_person("Jeanne Dupré")
        elodie = journal.add_person("Élodie Noël")
    return {"martin": martin.id, "jeanne": jeanne.id, "elodie": elodie.id}


def app_for(vault: Vault, lang: str = "fr", **kwargs) -> DentelleApp:
    return make_app(vault, lang=lang, clock=fixed_clock, **kwargs)


async def settle(pilot) -> None:
    """Wait until every worker (and what its messages started) is done."""
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()


async def unlock(pilot, passphrase: str = GOLDEN_PASSPHRASE) -> None:
    pilot.app.screen.query_one("#passphrase", Input).value = passphrase
    await pilot.press("enter")
    await settle(pilot)


async def open_person(pilot, part_of_name: str) -> None:
    await pilot.press(*part_of_name)
    await pilot.press("enter")
    await settle(pilot)


def timeline_text(app: DentelleApp) -> list[str]:
    view = app.screen.query_one("#timeline")
    return ["".join(text for text, _style in line) for line in view._lines]


def screen_text(app: DentelleApp) -> str:
    """What the terminal would receive for the whole screen, escape codes included."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


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
    class SlowKeyWrap:
        def __init__(self, inner) -> None:
            self.inner = inner

        def wrap(self, secret: str, payload: bytes) -> bytes:
            return self.inner.wrap(secret, payload)

        def unwrap(self, secret: str, blob: bytes) -> bytes:
            import time

            time.sleep(0.5)
            return self.inner.unwrap(secret, blob)

    app = app_for(vault, keywrap=SlowKeyWrap(vault.keywrap))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#passphrase", Input).value = GOLDEN_PASSPHRASE
        await pilot.press("enter")
        await pilot.pause(0.25)
        screen = app.screen
        assert isinstance(screen, UnlockScreen) and screen.busy
        assert "Déverrouillage" in str(screen.query_one("#unlock-status", Static).render())
        assert screen.query_one("#passphrase", Input).value == ""
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)


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
        await pilot.press("tab", "s")
        assert [r.name for r in people.rows] == ["Élodie Noël", "Famille Martin", "Jeanne Dupré"]
        martin = people.rows[1]
        assert (martin.ago, martin.count_text) == ("il y a 8 jours", "4 notes")


async def test_a_adds_a_person_and_opens_their_story(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab", "a")
        await pilot.press(*"Famille Ndiaye", "enter")
        app.screen.query_one("#profile-text", TextArea).insert("Trois enfants.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.person.name == "Famille Ndiaye"
        assert "Trois enfants." in str(app.screen.query_one("#profile", Static).render())


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


# -- locking ------------------------------------------------------------------------


class IdleClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def assert_locked(app: DentelleApp, *secrets: str) -> None:
    assert app.journal is None
    assert isinstance(app.screen, UnlockScreen)
    assert len(app.screen_stack) == 2  # Textual's blank default screen, then unlock
    for screen in app.screen_stack:
        assert not isinstance(screen, (PeopleScreen, TimelineScreen, EditorScreen))
        for widget in screen.query("*"):
            shown = str(widget.render()) if hasattr(widget, "render") else ""
            for secret in secrets:
                assert secret not in shown
    output = screen_text(app)
    for secret in secrets:
        assert secret not in output


async def test_idle_time_locks_and_an_open_editor_keeps_its_draft(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    idle = app.idle_clock = IdleClock()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        journal = app.journal
        await open_person(pilot, "martin")
        await pilot.press("n", "enter", *"Brouillon")
        idle.seconds += 4 * 60  # 4 minutes: not yet
        await pilot.pause(0.4)
        assert app.journal is not None
        await pilot.press("!")  # activity restarts the count
        idle.seconds += 4 * 60
        await pilot.pause(0.4)
        assert app.journal is not None
        idle.seconds += 61
        await pilot.pause(1.2)  # the idle check runs every second
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
        await pilot.press("ctrl+p", *"red")
        await pilot.pause(0.5)
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
        await pilot.press("ctrl+p", *"dupr")
        await pilot.pause(0.5)
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


def test_clean_agrees_with_the_core_on_every_code_point() -> None:
    from journal.text import strip_controls
    from views.ui import clean

    for code in range(0x3000):
        assert clean(chr(code)) == strip_controls(chr(code)), hex(code)


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


async def test_letters_typed_on_the_list_go_to_the_filter_and_a_adds(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab")
        assert app.screen.query_one("#people").has_focus
        await pilot.press("d", "u", "p")
        field = app.screen.query_one("#filter", Input)
        assert field.has_focus and field.value == "dup"
        await pilot.press("down", "up", "tab", "a")
        assert app.screen.query_one("#name", Input).has_focus  # the "add a person" form
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_an_empty_vault_puts_a_under_the_finger(vault: Vault) -> None:
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert "a : ajouter une personne" in screen_text(app)
        await pilot.press("a")
        assert app.screen.query_one("#name", Input).has_focus


async def test_the_passphrase_never_reaches_the_clipboard(vault: Vault) -> None:
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"secret", "ctrl+shift+a", "ctrl+c", "ctrl+x")
        assert app.clipboard == ""
        assert app.screen.query_one("#passphrase", Input).value == "secret"


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
        await pilot.pause(0.5)
        assert [d.text for d in app.journal.drafts()] == ["Autosave"]
        assert "Brouillon gardé" in str(app.screen.query_one("#editor-status", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.journal.drafts() == []
