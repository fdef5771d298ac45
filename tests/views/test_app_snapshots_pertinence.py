"""Snapshots of the second look before saving, in French and English, at 80×24: the
warning on a profile, a long warning (what scrolls, what stays), the advice in the
language of the text under the other interface, and the practice journal's notice
about names. (The warning on a note is in test_app_snapshots_reflect.py.)

Plain `def` tests (see test_app_snapshots.py for why). Time is fixed (pilot.NOW);
review `snapshot_report.html` before `--snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from journal.vault import Vault
from tests.views.pilot import LANGS, app_for, fill, open_person, settle, steady, unlock
from tests.views.pilot import SNAPSHOT_SIZE as SIZE

PROFILE = {"fr": "Alcoolique, agressif.", "en": "Alcoholic, aggressive."}
LONG = {
    "fr": "Il était agressif et menteur. Elle est alcoolique et sale. Il a un casier "
    "judiciaire. Son traitement est lourd. D'après la voisine, il boit.",
    "en": "He was aggressive and a liar. She is an alcoholic and dirty. He has a criminal "
    "record. His treatment is heavy. According to the neighbour, he drinks.",
}
OTHER = {
    "fr": "Meeting at the office. He was aggressive and a liar.",
    "en": "Entretien au bureau. Il était agressif et menteur.",
}
PRACTICE = {
    "fr": "Visite chez Mme Dupré : je suis arrivé après l'heure, tendu.\n"
    "J'en ai parlé en supervision, sans nommer Élodie Noël cette fois.",
    "en": "Visit to Mrs Dupré: I came after the time we agreed, tense.\n"
    "I spoke of it in supervision, without naming Élodie Noël this time.",
}


def writing(text: str):
    async def run_before(pilot) -> None:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter")
        pilot.app.screen.query_one("#text", TextArea).insert(text)
        await pilot.press("ctrl+s")
        await steady(pilot)

    return run_before


@pytest.mark.parametrize("lang", LANGS)
def test_the_warning_on_a_profile(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("p")
        await settle(pilot)
        pilot.app.screen.query_one("#profile-text", TextArea).load_text(PROFILE[lang])
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_warning_scrolls_between_the_title_and_the_keys(
    snap_compare, vault: Vault, lang: str
) -> None:
    fill(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=writing(LONG[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_advice_follows_the_language_of_the_text(snap_compare, vault: Vault, lang: str) -> None:
    """An English note in a French app gets English advice, and the other way round;
    the window's own words stay in the interface's language."""
    fill(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=writing(OTHER[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_practice_journal_notice_about_names(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)

    async def run_before(pilot) -> None:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("n", "enter")
        await settle(pilot)
        pilot.app.screen.query_one("#text", TextArea).insert(PRACTICE[lang])
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(app_for(vault, lang=lang), terminal_size=SIZE, run_before=run_before)
