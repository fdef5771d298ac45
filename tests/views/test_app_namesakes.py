"""Two people with the same name are told apart on every list that names them
(issue 13): the soon view and the retention review, as the people list does; and a
long list of people keeps its lines whole.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from rich.cells import cell_len

from journal.rhythm import parse_rhythm
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    SIZE,
    app_for,
    fill_rhythms,
    fixed_clock,
    screen_text,
    settle,
    unlock,
    wait_for,
)
from views.screens.review import ReviewScreen
from views.screens.soon import SoonRow, SoonScreen


def _lines(screen, selector: str) -> list[str]:
    return ["".join(t for t, _ in line).rstrip() for line in screen.query_one(selector)._lines]


async def test_soon_tells_two_people_of_the_same_name_apart(vault: Vault) -> None:
    ids = fill_rhythms(vault)
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        other = journal.add_person("Jeanne Dupré", "Mère de trois enfants, quartier nord")
        journal.add_entry(other.id, date(2026, 11, 25), "Rencontre.")
        rhythm = parse_rhythm("toutes les semaines").to_json()
        journal.update_person(other.id, extra={"rhythm": rhythm})
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SoonScreen)
        names = {row.person_id: row.name for row in screen.rows if isinstance(row, SoonRow)}
        assert names[ids["jeanne"]] == f"Jeanne Dupré · sans profil · {ids['jeanne'][:8]}"
        assert names[other.id] == (
            f"Jeanne Dupré · Mère de trois enfants, quarti… · {other.id[:8]}"
        )
        assert names[ids["elodie"]] == "Élodie Noël"  # no namesake: the name alone
        shown = "\n".join(_lines(screen, "#soon"))
        assert ids["jeanne"][:8] in shown and other.id[:8] in shown
        assert "vers le mardi 1er décembre 2026" in shown  # the day is never cut


async def test_the_retention_review_tells_two_people_of_the_same_name_apart(
    vault: Vault,
) -> None:
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        first = journal.add_person("Yvette Ancienne", "Rue des Lilas")
        second = journal.add_person("Yvette Ancienne")
        third = journal.add_person("Paul Lointain")
        for person, day in [(first, date(2023, 5, 2)), (second, date(2024, 1, 3)),
                            (third, date(2024, 2, 1))]:  # fmt: skip
            journal.add_entry(person.id, day, "Une visite.")
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab", "ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [row.name for row in screen.rows] == [
            f"Yvette Ancienne · Rue des Lilas · {first.id[:8]}",
            f"Yvette Ancienne · no profile · {second.id[:8]}",
            "Paul Lointain",
        ]
        shown = "\n".join(_lines(screen, "#review"))
        assert first.id[:8] in shown and second.id[:8] in shown


@pytest.mark.parametrize(("lang", "end"), [("fr", "· F2 renommer"), ("en", "· F2 rename")])
async def test_the_shown_line_of_a_long_people_list_is_whole_at_80_columns(
    vault: Vault, lang: str, end: str
) -> None:
    """With three-digit counts ("120 sur 120 · ctrl+s bientôt…"), nothing is cut."""
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        for n in range(120):
            journal.add_person(f"Personne {n:03d}")
    app = app_for(vault, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await settle(pilot)
        status = app.screen.query_one("#people-status")
        await wait_for(pilot, lambda: "120" in str(status.render()))
        said = str(status.render())
        assert said.endswith(end)
        assert cell_len(said) <= status.content_size.width
        # and on screen, as the terminal receives it
        plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen_text(app))
        assert end in plain
        await pilot.press(*"personne 1")  # a filter: "20 sur 120"
        await wait_for(pilot, lambda: str(status.render()).startswith("20 "))
        assert cell_len(str(status.render())) <= status.content_size.width
