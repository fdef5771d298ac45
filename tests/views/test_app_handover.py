"""Handing a story to a colleague in the app (issue 14): the cards screen (palette), the
handover dialog (`t` on a story) and receiving a file (palette).

Two vaults in tmp folders, both with the conftest's injected keys: A is the app's,
B is a colleague's, opened directly. Each vault makes its own handover keys on first
use, so A and B have different cards. USB keys are folders in tmp
(`views.screens.handover.find_drives` replaced).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

import views.screens.handover
from journal.backup import Drive
from journal.handover.colleagues import (
    add_colleague,
    colleagues,
    my_card,
    remove_colleague,
    set_my_name,
)
from journal.handover.receiving import accept_handover, read_handover
from journal.handover.sending import hand_over
from journal.store import Journal
from journal.store.consultations import consultations
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap, make_empty_vault
from tests.views.pilot import SIZE, app_for, fill, open_person, palette, settle, unlock, wait_for
from views.screens.colleagues import ColleaguesScreen
from views.screens.dialogs import ConfirmScreen
from views.screens.forget import ForgetScreen
from views.screens.handover import HandoverScreen, ReceiveScreen
from views.screens.people import PeopleScreen
from views.screens.timeline import TimelineScreen


@pytest.fixture
def colleague_vault(tmp_path: Path, keywrap: MemoKeyWrap) -> Vault:
    """B: Bruno's vault, with one person of his own."""
    vault = make_empty_vault(tmp_path / "bruno", keywrap)
    with vault.open(GOLDEN_IDENTITY) as journal:
        set_my_name(journal, "Bruno")
    return vault


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "media" / "CLE"
    folder.mkdir(parents=True)
    drive = Drive(path=folder, label="CLE", free=10**9, has_set=False)
    monkeypatch.setattr(views.screens.handover, "find_drives", lambda: [drive])
    return folder


def card_of(vault: Vault) -> str:
    with vault.open(GOLDEN_IDENTITY) as journal:
        return my_card(journal).text()


def exchange_cards(a: Vault, b: Vault) -> None:
    """Alice (A) and Bruno (B) add each other's card."""
    with a.open(GOLDEN_IDENTITY) as journal:
        set_my_name(journal, "Alice")
    with a.open(GOLDEN_IDENTITY) as journal:
        add_colleague(journal, "Bruno", card_of(b))
    with b.open(GOLDEN_IDENTITY) as journal:
        add_colleague(journal, "Alice", card_of(a))


@contextlib.contextmanager
def open_in(app) -> Iterator[Journal]:
    """The app's own open journal (the vault is locked while the app has it)."""
    assert app.journal is not None
    yield app.journal


def status(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def kinds(vault: Vault, person_id: str) -> list[tuple[str, str]]:
    with vault.open(GOLDEN_IDENTITY) as journal:
        return [(c.kind, c.detail) for c in consultations(journal, person_id)]


# -- the cards -------------------------------------------------------------------------


async def test_my_card_my_name_and_adding_then_removing_a_colleague(
    vault: Vault, colleague_vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    card_file = tmp_path / "bruno.card"
    card_file.write_text(card_of(colleague_vault), encoding="utf-8")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await palette(pilot, "Ma carte")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ColleaguesScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.cards is not None)
        assert "dentelle-card: v1" in status(app, "#my-card")
        assert "Empreinte, à lire ensemble à voix haute" in status(app, "#my-fingerprint")
        # My name on the card.
        screen.query_one("#my-name", Input).focus()
        screen.query_one("#my-name", Input).value = "Alice Martin"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Nom enregistré" in status(app, "#colleagues-status"))
        assert "name: Alice Martin" in status(app, "#my-card")
        # My own card is not a colleague's.
        screen.query_one("#colleague-name", Input).value = "Moi"
        screen.query_one("#colleague-card", TextArea).text = screen.cards.mine.text()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "votre propre carte" in status(app, "#colleagues-status"))
        # Bruno's card, given as the path of its file.
        screen.query_one("#colleague-name", Input).value = "Bruno"
        screen.query_one("#colleague-card", TextArea).text = str(card_file)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Bruno est ajouté·e" in status(app, "#colleagues-status"))
        listed = screen.query_one("#colleague-list", OptionList)
        assert listed.option_count == 1 and "Bruno" in str(listed.get_option_at_index(0).prompt)
        # Removing him asks first; Escape keeps him.
        listed.focus()
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")
        await settle(pilot)
        with open_in(app) as journal:
            assert [c.name for c in colleagues(journal)] == ["Bruno"]
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: "Bruno est retiré·e" in status(app, "#colleagues-status"))
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert colleagues(journal) == []
        assert my_card(journal).name == "Alice Martin"


# -- handing over -----------------------------------------------------------------------


async def test_t_hands_the_story_to_a_colleague_on_the_usb_key_and_keeps_the_copy(
    vault: Vault, colleague_vault: Vault, usb: Path
) -> None:
    ids = fill(vault)
    exchange_cards(vault, colleague_vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, HandoverScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.colleagues)
        assert screen.query_one("#handover-folder", Input).value == str(usb)
        assert "CLE" in str(
            screen.query_one("#handover-drives", OptionList).get_option_at_index(0).prompt
        )
        screen.query_one("#handover-letter", TextArea).text = "Tom change d'école en janvier."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "à Bruno" in app.screen.question
        await pilot.press("t")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ConfirmScreen) and "Garder" in app.screen.question
        )
        written = list(usb.iterdir())
        assert len(written) == 1 and written[0].name.startswith("transmission-")
        assert "Martin" not in written[0].name
        assert "Martin" not in written[0].read_bytes().decode("latin-1")
        await pilot.press("escape")  # keep my copy (the default)
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
    assert kinds(vault, ids["martin"])[-1] == ("handed", "Bruno")
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert len(journal.entries(ids["martin"])) == 4
    with colleague_vault.open(GOLDEN_IDENTITY) as journal:
        incoming = read_handover(journal, written[0])
        assert (incoming.sender_name, incoming.person_name) == ("Alice", "Famille Martin")
        assert incoming.letter == "Tom change d'école en janvier."
        person_id = accept_handover(journal, incoming)
        assert len(journal.entries(person_id)) == 4


async def test_after_handing_over_forgetting_goes_through_the_erasure(
    vault: Vault, colleague_vault: Vault, usb: Path
) -> None:
    ids = fill(vault)
    exchange_cards(vault, colleague_vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("t")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HandoverScreen) and app.screen.colleagues
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("t")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ConfirmScreen) and "Garder" in app.screen.question
        )
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ForgetScreen))
        app.screen.query_one("#forget-name", Input).value = "Famille Martin"
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen))
        assert "Famille Martin" not in [name for _id, name in app.people_screen().names()]
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert ids["martin"] in journal.tombstones()
    assert len(list(usb.iterdir())) == 1


async def test_a_folder_that_does_not_exist_is_said_and_nothing_is_written(
    vault: Vault, colleague_vault: Vault, usb: Path, tmp_path: Path
) -> None:
    fill(vault)
    exchange_cards(vault, colleague_vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("t")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HandoverScreen) and app.screen.colleagues
        )
        app.screen.query_one("#handover-folder", Input).value = str(tmp_path / "nowhere")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "n'existe pas" in status(app, "#handover-status"))
        assert isinstance(app.screen, HandoverScreen)
    assert list(usb.iterdir()) == []


# -- receiving ---------------------------------------------------------------------------


def bruno_hands_over(b: Vault, folder: Path) -> Path:
    """Bruno writes Zoé's story (2 notes, one with 2 versions) for Alice."""
    with b.open(GOLDEN_IDENTITY) as journal:
        zoe = journal.add_person("Zoé Arrivée", "Arrivée de Lille en octobre.")
        first = journal.add_entry(zoe.id, date(2026, 10, 12), "Premier rendez-vous à Lille.")
        journal.edit_entry(first.id, text="Premier rendez-vous, venue de Lille.")
        journal.add_entry(zoe.id, date(2026, 11, 3), "Elle cherche une école pour sa fille.")
        return hand_over(journal, zoe.id, "Alice", folder, "Zoé préfère le matin.")


async def receive(pilot, path: Path) -> ReceiveScreen:
    app = pilot.app
    await palette(pilot, "Recevoir")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReceiveScreen))
    screen = app.screen
    screen.query_one("#receive-path", Input).value = str(path)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not screen.working)
    await settle(pilot)
    return screen


async def test_receiving_shows_the_file_imports_after_a_yes_and_opens_the_story(
    vault: Vault, colleague_vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    exchange_cards(vault, colleague_vault)
    path = bruno_hands_over(colleague_vault, tmp_path)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = await receive(pilot, path)
        details = status(app, "#receive-details")
        for words in ("De : Bruno (collègue)", "Pour : Zoé Arrivée", "2 notes", "3 versions"):
            assert words in details, words
        assert "Zoé préfère le matin." in details
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # no: nothing imported
        await settle(pilot)
        assert app.screen is screen
        with open_in(app) as journal:
            assert "Zoé Arrivée" not in [p.name for p in journal.people()]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.loaded)
        assert app.screen.person is not None and app.screen.person.name == "Zoé Arrivée"
        person_id = app.screen.person_id
    assert ("received", "Bruno") in kinds(vault, person_id)
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert len(journal.entries(person_id)) == 2


async def test_an_unknown_sender_is_said_plainly_and_needs_a_second_yes(
    vault: Vault, colleague_vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    exchange_cards(vault, colleague_vault)
    # Someone who has Alice's card, but whose card Alice never kept.
    stranger = make_empty_vault(tmp_path / "stranger", MemoKeyWrap())
    with stranger.open(GOLDEN_IDENTITY) as journal:
        set_my_name(journal, "Inconnu")
        add_colleague(journal, "Alice", card_of(vault))
    path = bruno_hands_over(stranger, tmp_path)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = await receive(pilot, path)
        assert "n'est pas parmi vos collègues" in status(app, "#receive-details")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("i")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ConfirmScreen) and "quand même" in app.screen.question,
        )
        await pilot.press("escape")  # the second question: no
        await settle(pilot)
        assert app.screen is screen
        with open_in(app) as journal:
            assert "Zoé Arrivée" not in [p.name for p in journal.people()]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("i")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ConfirmScreen) and "quand même" in app.screen.question,
        )
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.loaded)
        assert app.screen.person.name == "Zoé Arrivée"


async def test_altered_files_and_removed_colleagues_are_refused_in_one_sentence(
    vault: Vault, colleague_vault: Vault, tmp_path: Path
) -> None:
    fill(vault)
    exchange_cards(vault, colleague_vault)
    path = bruno_hands_over(colleague_vault, tmp_path)
    altered = tmp_path / "altered.dentelle"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered.write_bytes(bytes(data))
    (tmp_path / "usb-carl").mkdir()
    # A file Bruno made for Carl, another colleague of his.
    carl = make_empty_vault(tmp_path / "carl", MemoKeyWrap())
    with colleague_vault.open(GOLDEN_IDENTITY) as journal:
        add_colleague(journal, "Carl", card_of(carl))
        zoe = next(p for p in journal.people() if p.name == "Zoé Arrivée")
        for_carl = hand_over(journal, zoe.id, "Carl", tmp_path / "usb-carl", "Pour Carl.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = await receive(pilot, for_carl)
        assert "ne s'ouvre pas avec votre carte" in status(app, "#receive-status")
        assert screen.incoming is None
        screen.query_one("#receive-path", Input).value = str(altered)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "modifié" in status(app, "#receive-status"))
        said = status(app, "#receive-status")
        assert said.startswith("✗ ") and "Rien n'a été importé" in said and "\n" not in said
        assert screen.incoming is None
        with open_in(app) as journal:
            remove_colleague(journal, "Bruno")
        screen.query_one("#receive-path", Input).value = str(path)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "retiré·e" in status(app, "#receive-status"))
        assert screen.incoming is None
        screen.query_one("#receive-path", Input).value = str(tmp_path / "nothing-here")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Impossible de lire" in status(app, "#receive-status"))
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert "Zoé Arrivée" not in [p.name for p in journal.people()]


async def test_a_draft_of_the_story_is_said_not_to_be_handed_over(
    vault: Vault, colleague_vault: Vault, usb: Path
) -> None:
    ids = fill(vault)
    exchange_cards(vault, colleague_vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        with open_in(app) as journal:
            journal.save_draft(ids["martin"], "Un début de note.")
        await open_person(pilot, "martin")
        await pilot.press("t")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HandoverScreen) and app.screen.colleagues
        )
        assert "brouillon" in status(app, "#handover-draft")


async def test_the_field_for_my_name_can_be_seen_before_anything_is_typed(vault: Vault) -> None:
    """Found in the walkthrough: a compact field with no placeholder was an empty line."""
    import html
    import re

    app = app_for(vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await palette(pilot, "Ma carte")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ColleaguesScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.cards is not None)
        field = screen.query_one("#my-name", Input)
        assert field.placeholder
        texts = re.findall(r'<text[^>]*y="([\d.]+)"[^>]*>(.*?)</text>', app.export_screenshot())
        rows: dict[float, str] = {}
        for y, text in texts:
            rows[float(y)] = rows.get(float(y), "") + html.unescape(re.sub("<[^>]+>", "", text))
        shown = "\n".join(rows[y].replace("\xa0", " ") for y in sorted(rows))
        assert field.placeholder in shown
