"""Snapshots of the reading view turned towards the person (issue 14), at 80×24, in
French and English: their name, their profile and story with room between entries,
at a readable width; no footer, no other name, the reading keys on the last line.

Plain `def` tests, as in test_app_snapshots.py (fixed clock, steady screens).
"""

from __future__ import annotations

import pytest

from journal.vault import Vault
from tests.views.pilot import LANGS, app_for, fill, open_person, steady, unlock
from tests.views.pilot import SNAPSHOT_SIZE as SIZE


async def _at_reading(pilot) -> None:
    await unlock(pilot)
    await open_person(pilot, "martin")
    await pilot.press("l")
    await steady(pilot)


async def _at_reading_start(pilot) -> None:
    await _at_reading(pilot)
    await pilot.press("home")
    await steady(pilot)


@pytest.mark.parametrize("lang", LANGS)
def test_reading_view(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=_at_reading)


@pytest.mark.parametrize("lang", LANGS)
def test_reading_view_from_the_start(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_reading_start)
