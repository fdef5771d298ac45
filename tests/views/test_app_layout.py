"""Layout and keys of a worker's first day (issue 13): readable widths, lines that do
not wrap at 80 columns, the profile's "…", the drafts window, the contact strip's
months, French spaces, the practice journal's empty headings, ctrl+a, keys after Tab.
Pilot tests over a real vault (conftest); the clock is fixed (pilot.NOW).
"""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, TextArea

from journal.store.practice import practice_notes, prompts
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import SIZE, app_for, fill, open_person, settle, unlock, wait_for
from views.screens.dialogs import PersonFormScreen
from views.screens.drafts import DraftsScreen
from views.screens.editor import EditorScreen
from views.screens.people import PeopleScreen
from views.screens.practice import PracticeScreen


def send_at_once(app, keys: list[str]) -> None:
    """Post every key to the app without waiting between them: a fast typist, a paste."""
    driver = app._driver
    for key in keys:
        character = key if len(key) == 1 else None
        name = {" ": "space"}.get(key, key)
        event = events.Key(name, character)
        event.set_sender(app)
        driver.send_message(event)


def assert_unwrapped(widget) -> None:
    """Each line of `widget`'s text fits its width: it is drawn on as many rows."""
    from rich.cells import cell_len

    lines = str(widget.render()).split("\n")
    width = widget.content_region.width
    assert all(cell_len(line) <= width for line in lines), (width, lines)
    assert widget.content_region.height == len(lines), lines


# -- the drafts window ---------------------------------------------------------------


async def test_discarding_the_last_draft_closes_the_window_and_focus_returns(
    vault: Vault,
) -> None:
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.save_draft(ids["martin"], "Un brouillon oublié.", "hier")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("d", "d")  # discard, then confirm
        await settle(pilot)
        assert app.journal.drafts() == []
        assert isinstance(app.screen, PeopleScreen)
        assert app.screen.focused is app.screen.query_one("#filter", Input)


# -- the practice journal ------------------------------------------------------------


async def test_empty_gibbs_headings_are_dropped_on_save(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("n", "enter", "ctrl+t", *"Une visite difficile")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)
    headings = [line for line in prompts("fr").split("\n") if line.strip()]
    with vault.open(GOLDEN_IDENTITY) as journal:
        (note,) = practice_notes(journal)
    assert note.text == headings[0] + "\nUne visite difficile"


# -- keys in the editor --------------------------------------------------------------


async def test_text_typed_right_after_tab_lands_in_the_text(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", *"hier")
        assert isinstance(app.screen, EditorScreen)
        send_at_once(app, ["tab", *"Texte rapide"])
        await settle(pilot)
        editor = app.screen
        assert editor.query_one("#date", Input).value == "hier"
        assert editor.query_one("#text", TextArea).text == "Texte rapide"


async def test_ctrl_a_selects_all_the_text_in_the_editor(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "enter", *"Deux lignes", "enter", *"de texte")
        area = app.screen.query_one("#text", TextArea)
        await pilot.press("ctrl+a")
        assert area.selected_text == "Deux lignes\nde texte"


async def test_text_typed_right_after_enter_on_a_name_lands_in_the_profile(
    vault: Vault,
) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+n", *"Famille Roux")
        assert isinstance(app.screen, PersonFormScreen)
        send_at_once(app, ["enter", *"Trois enfants"])
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "Famille Roux"
        assert app.screen.query_one("#profile-text", TextArea).text == "Trois enfants"


async def test_text_typed_right_after_tab_in_the_person_form_and_back(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+n", *"Famille")
        send_at_once(app, ["tab", *"Un profil", "shift+tab", *"Roux"])
        await settle(pilot)
        # Back in the name, its text is selected as ever (select_on_focus): Roux replaces it.
        assert app.screen.query_one("#name", Input).value == "Roux"
        assert app.screen.query_one("#profile-text", TextArea).text == "Un profil"


async def test_the_second_passphrase_gets_what_is_typed_right_after_enter(tmp_path) -> None:
    from tests.conftest import MemoKeyWrap
    from views.screens.first_run import FirstRunScreen

    app = app_for(Vault(tmp_path / "new", keywrap=MemoKeyWrap()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("enter")  # "Commencer"
        await settle(pilot)
        send_at_once(app, [*"un", "enter", *"deux"])
        await settle(pilot)
        assert app.screen.query_one("#new1", Input).value == "un"
        assert app.screen.query_one("#new2", Input).value == "deux"


async def test_ctrl_a_is_in_the_help_of_the_editor(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("n", "f1")
        await settle(pilot)
        help_keys = str(app.screen.query_one("#help-keys").render())
        editor = help_keys.split("Writing an entry")[1].split("\n\n")[0]
        assert "^a            Select all" in editor


# -- lines that do not wrap at 80 columns ---------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_status_line_breaks_between_its_parts_never_inside_one(
    vault: Vault, lang: str
) -> None:
    from datetime import timedelta

    from journal.backup.write import LAST_BACKUP_META
    from journal.config import Config
    from tests.views.pilot import NOW, add_old_people
    from views.widgets.care_status import CareStatus

    fill(vault)
    add_old_people(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:
        when = NOW - timedelta(days=9)
        journal.set_meta(LAST_BACKUP_META, when.isoformat(timespec="seconds"))
    app = app_for(vault, lang=lang, config=Config(backup_reminder_days=7))
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        status = app.people_screen().query_one(CareStatus)
        await wait_for(pilot, lambda: status.read)
        await settle(pilot)
        parts = [
            "Sauvegardé il y a 9 jours : le moment de brancher la clé ? (ctrl+b)",
            "2 personnes à revoir (conservation, ctrl+r)",
        ]
        if lang == "en":
            parts = [
                "Backed up 9 days ago: time to plug in the key? (ctrl+b)",
                "2 people to review (retention, ctrl+r)",
            ]
        # One part a line when both do not fit on one: never "(conservation,⏎ r)".
        lines = str(status.render()).split("\n")
        assert all(line in (parts[0], parts[1], " · ".join(parts)) for line in lines), lines
        assert_unwrapped(status)


LONG_PROFILE = (
    "Mère de trois enfants, Léa (9 ans), Tom (6 ans) et Inès (2 ans). "
    "Vit seule depuis le départ du père, en 2024 ; loyer de 450 € par mois. "
    "Travaille à mi-temps dans une boulangerie du quartier, horaires du matin. "
    "Suivie par la PMI pour Inès ; la grand-mère aide le mercredi. "
    "Souhaite un logement plus grand, demande faite auprès du bailleur social."
)


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_long_profile_says_there_is_more_and_how_to_read_it(
    vault: Vault, lang: str
) -> None:
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.add_person("Famille Martin", LONG_PROFILE)
    app = app_for(vault, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        profile = app.screen.query_one("#profile")
        lines = str(profile.render()).split("\n")
        assert len(lines) == 3
        more = "… (p : tout lire)" if lang == "fr" else "… (p: read it all)"
        assert lines[-1].endswith(more)
        assert_unwrapped(profile)


# -- the contact strip ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_contact_strip_names_its_months_and_its_bars(vault: Vault, lang: str) -> None:
    fill(vault)
    app = app_for(vault, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        strip = app.screen.query_one("#strip")
        legend, years, months = str(strip.render()).split("\n")
        assert "·" in legend and "▁" in legend and "█" in legend
        assert ("mois" in legend) == (lang == "fr")
        start = years.index("2025 ") + len("2025 ")
        assert months[start : start + 12] == "JFMAMJJASOND"
        start = years.index("2026 ") + len("2026 ")
        assert months[start : start + 12] == "JFMAMJJASOND"
        assert_unwrapped(strip)


# -- a readable width -----------------------------------------------------------------


async def test_at_200_columns_text_keeps_a_readable_width_in_the_middle(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=(200, 50)) as pilot:

        def readable(*selectors: str) -> None:
            for selector in selectors:
                region = app.screen.query_one(selector).region
                if not region:  # not shown (no rhythm said)
                    continue
                assert region.width <= 100, (selector, region)
                assert abs(region.x - (200 - region.right)) <= 1, (selector, region)  # centred

        await unlock(pilot)
        readable("#filter", "#people-header", "#people", "#people-status", "#care-status")
        assert app.screen.query_one("#people-title").region.width == 200
        await open_person(pilot, "martin")
        readable("#profile", "#rhythm", "#strip", "#timeline")
        await pilot.press("n")
        await settle(pilot)
        readable("#date-row", "#understood", "#text", "#editor-status")


# -- French spaces ----------------------------------------------------------------------

GLUED = [
    ("un loyer de 450 € et des frais ; voilà", 16),  # "450⏎€"
    ("Ce qui compte pour elle : le logement", 20),  # "elle⏎:"
    ("elle dit « je n'y arrive plus » ! Puis rien", 12),  # "«⏎je", "plus⏎»"
    ("Et maintenant ? Une remise de 10 % sur la facture", 27),  # "10⏎%"
    ("Loyer impayé de 1 450 euros", 18),  # "1⏎450"
]


@pytest.mark.parametrize(("text", "width"), GLUED)
def test_no_line_starts_with_french_punctuation_or_ends_with_a_guillemet(
    text: str, width: int
) -> None:
    from textual._wrap import compute_wrap_offsets
    from textual.content import Content

    import views.shell  # noqa: F401  (the app teaches Rich and Textual the French spaces)
    from views.widgets.wrap import wrap_text

    starts = tuple(";:!?»€%")
    offsets = compute_wrap_offsets(text, width, 4)  # the editor's soft wrap
    area_lines = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]
    for lines in (
        wrap_text(text, width),  # the story
        [str(line) for line in Content(text).wrap(width)],  # every Static
        area_lines,
    ):
        assert len(lines) > 1, lines
        for line in lines:
            assert not line.strip().startswith(starts), lines
            assert line.strip() != "Loyer impayé de 1", lines
            assert not line.rstrip().endswith("«"), lines
        assert " ".join(" ".join(lines).split()) == " ".join(text.split())  # nothing lost


async def test_the_story_keeps_a_sum_with_its_euro_sign(vault: Vault) -> None:
    from datetime import date

    from tests.views.pilot import timeline_text

    ids = fill(vault)
    text = "Mme R. évoque un loyer impayé de 1 450 € et une facture d'électricité de 86,50 € ; "
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.add_entry(ids["martin"], date(2026, 11, 25), text * 6)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        for width in (80, 100, 67, 71, 73):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            lines = [line.strip(" │") for line in timeline_text(app)]
            assert not [line for line in lines if line.startswith(("€", ";"))], width
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert journal.entries(ids["martin"])[-1].text == text * 6  # stored as typed
