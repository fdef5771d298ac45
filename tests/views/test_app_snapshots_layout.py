"""Snapshots of the people list and of a story at 80×24 and 200×50, in French and in
English (issue 13): at 200 columns text keeps a readable width in the middle; at 80
the status line breaks between its parts; a long profile ends with "… (p : tout lire)";
the contact strip has its months and legend; no line starts with " ;" or "€".

Plain `def` tests, as in test_app_snapshots.py (fixed clock, steady screens).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import LANGS, NOW, add_old_people, app_for, fill, open_person, steady, unlock

SIZES = {"80x24": (80, 24), "200x50": (200, 50)}

PROFILE = (
    "Mère de deux enfants, Léa (9 ans) et Tom (6 ans). Vit seule depuis le départ du père, "
    "en 2024 ; loyer de 450 € par mois. Travaille à mi-temps dans une boulangerie du "
    "quartier, horaires du matin. Suivie par la PMI ; la grand-mère aide le mercredi. "
    "Souhaite un logement plus grand, demande faite auprès du bailleur social."
)
NOTE = (
    "Rencontre au café des anciens ; Mme Martin évoque un loyer impayé de 1 450 € et une "
    "facture d'électricité de 86,50 € : elle dit « je n'y arrive plus » ! Elle demande si "
    "l'assistante sociale du département peut l'aider ? Nous convenons de préparer ensemble "
    "la demande d'aide au FSL, avec les trois dernières quittances et l'avis d'imposition.\n\n"
    "Tom va mieux à l'école ; Léa a repris le judo le mercredi."
)


def fill_wide(vault: Vault) -> None:
    """`fill`'s people and two past the retention period; Martin's long profile and note."""
    ids = fill(vault)
    add_old_people(vault)
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        journal.update_person(ids["martin"], profile=PROFILE)
        written = datetime.combine(date(2026, 11, 25), datetime.min.time(), NOW.tzinfo)
        journal.add_entry(
            ids["martin"], date(2026, 11, 25), NOTE, written_at=written + timedelta(hours=18)
        )


async def _at_people(pilot) -> None:
    await unlock(pilot)
    await steady(pilot)


async def _at_story(pilot) -> None:
    await unlock(pilot)
    await open_person(pilot, "martin")
    await steady(pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_people_list(snap_compare, vault: Vault, lang: str, size: str) -> None:
    fill_wide(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_at_people)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_story(snap_compare, vault: Vault, lang: str, size: str) -> None:
    fill_wide(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_at_story)
