"""Snapshots of search and reflective writing, in French and English, at 80×24: the
pertinence warning, the practice journal, the soon view and the search screen.

Plain `def` tests (see test_app_snapshots.py for why). Time is fixed (pilot.NOW);
review `snapshot_report.html` before `--snapshot-update`.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import TextArea

from journal.store.practice import add_practice_note
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    LANGS,
    app_for,
    fill,
    fill_rhythms,
    fill_searchable,
    open_person,
    steady,
    unlock,
    wait_for_search,
)
from tests.views.pilot import SNAPSHOT_SIZE as SIZE


@pytest.mark.parametrize("lang", LANGS)
def test_pertinence_warning(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    text = {
        "fr": "Entretien au bureau. Il était agressif et menteur, puis parla de son traitement.",
        "en": "Meeting at the office. He was aggressive and a liar, then spoke of his treatment.",
    }[lang]

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter")
        pilot.app.screen.query_one("#text", TextArea).insert(text)
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_practice_journal(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        add_practice_note(journal, date(2026, 10, 14), "Supervision : parler du silence.")
        add_practice_note(
            journal,
            date(2026, 11, 26),
            "Ce qui s'est passé :\nUne visite où je suis arrivé après l'heure.\n\n"
            "Ce que j'essaierai la prochaine fois :\nPrévenir la famille.",
        )

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_soon_view(snap_compare, vault: Vault, lang: str) -> None:
    fill_rhythms(vault)

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_search_screen(snap_compare, vault: Vault, lang: str) -> None:
    fill_searchable(vault)

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await pilot.press("slash", *"facture electricite")
        await wait_for_search(pilot)  # the screen's debounce, its search, complete
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)
