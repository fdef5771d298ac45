"""Reading a story with the person (issue 14): `l` on a story opens it turned towards them.

Their story only, no other name anywhere on screen (no toast either), no key of the
story screen or of the app at work there but Escape (back) and ctrl+l (lock); the
opening is written in their record of consultations; the idle lock still applies.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding

from journal.store.consultations import consultations
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    assert_locked,
    fill,
    open_person,
    screen_text,
    settle,
    unlock,
    wait_for,
)
from views.screens.help import HelpScreen
from views.screens.reading import ReadingScreen
from views.screens.timeline import TimelineScreen
from views.screens.unlock import UnlockScreen
from views.shell import DentelleApp

OTHER_NAMES = ("Jeanne", "Dupré", "Élodie", "Noël")
"""Every name of `fill`'s vault but the Martins'."""


def fill_with_others(vault: Vault) -> dict[str, str]:
    """`fill`, with a note for Jeanne too (her words must never show)."""
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.add_entry(ids["jeanne"], date(2026, 11, 2), "Jeanne parle de son déménagement.")
    return ids


def lines_of(vault: Vault, person_id: str) -> list[tuple[str, str]]:
    with vault.open(GOLDEN_IDENTITY) as journal:
        return [(c.kind, c.detail) for c in consultations(journal, person_id)]


def everything_in(vault: Vault) -> list:
    """People and every entry with its versions: what no key may change."""
    with vault.open(GOLDEN_IDENTITY) as journal:
        people = journal.people()
        return [
            (p.id, p.name, p.profile, [(e.id, e.text, e.versions) for e in journal.entries(p.id)])
            for p in people
        ]


def shown(app: DentelleApp) -> str:
    return screen_text(app)


async def open_reading(pilot, part_of_name: str = "martin") -> ReadingScreen:
    await unlock(pilot)
    await open_person(pilot, part_of_name)
    await pilot.press("l")
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.loaded)
    await settle(pilot)
    return app.screen


async def test_l_shows_their_story_and_no_other_name_not_even_a_toast(vault: Vault) -> None:
    fill_with_others(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        app.notify("Jeanne Dupré : une notification d'avant", markup=False)
        await wait_for(pilot, lambda: "Jeanne" in shown(app))  # the toast is on the story
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.loaded)
        await settle(pilot)
        reading = app.screen
        text = shown(app)
        assert "Famille Martin" in text and "Point sur l'école de Tom" in text
        for name in OTHER_NAMES:
            assert name not in text, name
        # A notification while the person reads (a backup that ends, a forgotten person's
        # notice) waits: it shows once the reading view is left.
        app.notify("Élodie Noël : pendant la lecture", markup=False)
        await settle(pilot)
        text = shown(app)
        for name in OTHER_NAMES:
            assert name not in text, name
        # Reading: Home goes to the first lines, End to the last.
        await pilot.press("home")
        await wait_for(pilot, lambda: "Première rencontre" in shown(app))
        assert reading.query_one("#reading").scroll_offset.y == 0
        await pilot.press("end")
        await wait_for(pilot, lambda: "Point sur l'école de Tom" in shown(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        await wait_for(pilot, lambda: "pendant la lecture" in shown(app))


async def test_no_key_of_the_story_or_the_app_works_in_the_reading_view(vault: Vault) -> None:
    fill_with_others(vault)
    before = everything_in(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        reading = await open_reading(pilot)
        stack = list(app.screen_stack)
        keys = [
            key.strip()
            for binding in (*TimelineScreen.BINDINGS, *DentelleApp.BINDINGS)
            if isinstance(binding, Binding)
            for key in binding.key.split(",")
        ]
        keys += ["enter", "tab", "ctrl+a", "ctrl+c", "ctrl+n", "delete"]
        tried = [k for k in keys if k not in ("escape", "ctrl+l")]
        assert {"n", "e", "h", "p", "r", "x", "c", "ctrl+d", "b", "l"} <= set(tried)
        assert {"slash", "s", "f1", "question_mark", "ctrl+p", "ctrl+q"} <= set(tried)
        for key in tried:
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is reading, key
            assert list(app.screen_stack) == stack, key
            assert app.journal is not None, key
        for name in OTHER_NAMES:
            assert name not in shown(app)
        await pilot.press("ctrl+l")  # the one key of the app that works there
        await settle(pilot)
        assert_locked(app, "Martin", "Léa", "Tom")
    assert everything_in(vault) == before


async def test_opening_it_writes_read_with_the_person_and_escape_returns(vault: Vault) -> None:
    ids = fill_with_others(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_reading(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert app.screen.person_id == ids["martin"]
        await pilot.press("c")  # the record shows it
        await settle(pilot)
        record = str(app.screen.query_one("#consultation-lines").render())
        assert "read with the person" in record.splitlines()[0]
    assert lines_of(vault, ids["martin"]) == [("opened", ""), ("read_with", "")]
    assert lines_of(vault, ids["jeanne"]) == []
    with vault.open(GOLDEN_IDENTITY) as journal:
        line = consultations(journal, ids["martin"])[-1]
        assert line.describe("fr") == "lu avec la personne"


async def test_the_idle_lock_still_locks_the_reading_view(vault: Vault) -> None:
    fill_with_others(vault)
    app = app_for(vault)
    idle = app.session.idle_clock = IdleClock()
    async with app.run_test(size=SIZE) as pilot:
        await open_reading(pilot)
        idle.seconds += 4 * 60
        await app.lock_if_idle()
        assert isinstance(app.screen, ReadingScreen)
        idle.seconds += 2 * 60
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert_locked(app, "Martin", "Léa", "Tom")
        assert not any(isinstance(s, ReadingScreen) for s in app.screen_stack)


async def test_help_and_palette_name_the_reading_and_handover_keys(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "personne : Lire son histoire avec Famille Martin" in titles
        assert "personne : Transmettre l'histoire de Famille Martin…" in titles
        assert "Ma carte et mes collègues…" in titles and "Recevoir une transmission…" in titles
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        assert "l             Lire avec la personne" in keys
        assert "t             Transmettre…" in keys


class IdleClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds
