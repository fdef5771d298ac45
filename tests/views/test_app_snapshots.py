"""Snapshots of each screen of the app, in French and English, at 80×24.

Plain `def` tests: `snap_compare` runs the app with `asyncio.run`, which cannot nest in
pytest-asyncio's loop. Time is fixed (`NOW` in tests/views/pilot.py) and every cursor
is steady, so the SVGs are stable. Review `snapshot_report.html` before `--snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from journal.vault import Vault
from tests.views.pilot import LANGS, app_for, fill, open_person, steady, unlock
from tests.views.pilot import SNAPSHOT_SIZE as SIZE


async def _at_unlock(pilot) -> None:
    await steady(pilot)


async def _at_people(pilot) -> None:
    await unlock(pilot)
    await steady(pilot)


async def _at_timeline(pilot) -> None:
    await unlock(pilot)
    await open_person(pilot, "martin")
    await steady(pilot)


async def _at_editor(pilot) -> None:
    await _at_timeline(pilot)
    await pilot.press("n", *"hier")
    pilot.app.screen.query_one("#text", TextArea).insert("Passage à la permanence.")
    await steady(pilot)


async def _at_help(pilot) -> None:
    await _at_timeline(pilot)
    await pilot.press("f1")
    await steady(pilot)


@pytest.mark.parametrize("lang", LANGS)
def test_unlock_screen(snap_compare, vault: Vault, lang: str) -> None:
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_unlock)


@pytest.mark.parametrize("lang", LANGS)
def test_people_screen(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_people)


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_screen(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_timeline)


@pytest.mark.parametrize("lang", LANGS)
def test_editor_screen(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_editor)


@pytest.mark.parametrize("lang", LANGS)
def test_help_screen(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_help)


def test_timeline_in_the_light_theme(snap_compare, vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="fr")
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_timeline)
