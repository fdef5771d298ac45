"""The person's rights in the app: export (x), consultations (c), forget (ctrl+d), erasing
an earlier version (h then d), and the retention review (r).

Real vault files from the conftest; exports go to tmp (the Documents folder is replaced
in `views.screens.export`). Time is the fixed `NOW` of tests/views/pilot.py (28 November 2026).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pyrage
import pytest
from textual.widgets import Checkbox, Input, RadioSet, Static, TextArea

import views.screens.export
from journal.errors import NotFound
from journal.retention import Kept
from journal.state import remember_export_folder, state_file
from journal.store.consultations import consultations
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import (
    NOW,
    SIZE,
    add_old_people,
    app_for,
    fill,
    open_person,
    settle,
    timeline_text,
    unlock,
    wait_for,
)
from views.screens.consultations import ConsultationsScreen
from views.screens.dialogs import ConfirmScreen
from views.screens.export import ExportScreen, free_path
from views.screens.forget import ForgetScreen, confirms
from views.screens.help import HelpScreen
from views.screens.people import PeopleScreen
from views.screens.review import KeepScreen, ReviewScreen
from views.screens.timeline import TimelineScreen
from views.screens.versions import VersionsScreen

STRONG = "une phrase de passe pour la famille, sept mots"


def text(widget) -> str:
    return str(widget.render())


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(views.screens.export, "user_documents_dir", lambda: str(folder))
    return folder


def opened_lines(vault: Vault, person_id: str) -> list[tuple[str, str]]:
    with vault.open(GOLDEN_IDENTITY) as journal:
        return [(c.kind, c.detail) for c in consultations(journal, person_id)]


async def highlight(pilot, part_of_name: str) -> None:
    """Filter the list down to one person, then go to the list (its keys act from both)."""
    await pilot.press(*part_of_name, "tab")


# -- export ---------------------------------------------------------------------------


async def test_x_on_the_list_exports_html_to_documents_and_says_it_is_unencrypted(
    vault: Vault, documents: Path
) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert "Famille Martin" in text(screen.query_one(".label"))
        path = documents / "histoire-famille-martin.html"
        assert screen.query_one("#path", Input).value == str(path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = text(screen.query_one("#export-status"))
        assert f"Export écrit dans {path}." in status
        assert "Ce fichier n'est pas chiffré" in status
        await pilot.press("enter")
        assert isinstance(app.screen, PeopleScreen)
    assert os.stat(path).st_mode & 0o777 == 0o600
    document = path.read_text()
    assert "Visite à domicile avec Léa." in document and "<html" in document
    assert opened_lines(vault, ids["martin"]) == [("exported", "html")]


async def test_export_markdown_encrypted_from_the_timeline_asks_the_passphrase_twice(
    vault: Vault, documents: Path
) -> None:
    ids = fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("x")
        screen = app.screen
        await pilot.press("down", "enter")  # the format list has the focus: html → md
        assert screen.query_one("#format", RadioSet).pressed_index == 1
        await pilot.press("tab", "space")  # tick "Encrypt"
        assert screen.query_one("#encrypt", Checkbox).value
        path = documents / "histoire-famille-martin.md.age"
        assert screen.query_one("#path", Input).value == str(path)
        screen.query_one("#secret", Input).value = STRONG
        screen.query_one("#secret-again", Input).value = STRONG + "!"
        await pilot.press("ctrl+s")
        assert "do not match" in text(screen.query_one("#export-status"))
        for weak in ("short", "1 2 3 4 5 6 7"):  # seven "words" passed the old rule
            screen.query_one("#secret-again", Input).value = weak
            screen.query_one("#secret", Input).value = weak
            await pilot.press("ctrl+s")
            assert "too weak" in text(screen.query_one("#export-status"))
        assert "too predictable" in text(screen.query_one("#export-status"))
        assert not path.exists()
        screen.query_one("#secret", Input).value = STRONG
        screen.query_one("#secret-again", Input).value = STRONG
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = text(screen.query_one("#export-status"))
        assert "It is encrypted" in status and "not encrypted" not in status
        assert screen.query_one("#secret", Input).value == ""  # not kept once used
    document = pyrage.passphrase.decrypt(path.read_bytes(), STRONG).decode()
    assert document.startswith("#") and "Visite à domicile avec Léa." in document
    assert opened_lines(vault, ids["martin"]) == [("opened", ""), ("exported", "md")]


async def test_export_never_overwrites_a_file(vault: Vault, documents: Path) -> None:
    fill(vault)
    (documents / "histoire-famille-martin.html").write_text("someone else's")
    assert free_path(documents, "histoire-famille-martin.html").name == (
        "histoire-famille-martin-2.html"
    )
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+e")
        field = app.screen.query_one("#path", Input)
        assert field.value.endswith("histoire-famille-martin-2.html")
        field.value = str(documents / "histoire-famille-martin.html")
        await pilot.press("ctrl+s")
        assert "existe déjà" in text(app.screen.query_one("#export-status"))
    assert (documents / "histoire-famille-martin.html").read_text() == "someone else's"


async def test_the_extension_follows_the_format_even_in_a_path_the_worker_typed(
    vault: Vault, documents: Path
) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+e")
        screen = app.screen
        field = screen.query_one("#path", Input)
        field.value = str(documents / "martin.html")
        await pilot.press("down", "enter")  # html → md
        await wait_for(pilot, lambda: field.value == str(documents / "martin.md"))
        await pilot.press("tab", "space")  # encrypted: .age after the format's extension
        await wait_for(pilot, lambda: field.value == str(documents / "martin.md.age"))
        await pilot.press("space")
        await wait_for(pilot, lambda: field.value == str(documents / "martin.md"))
        field.value = str(documents / "martin.json")  # the reverse: the name picks the format
        await wait_for(pilot, lambda: screen.query_one("#format", RadioSet).pressed_index == 2)
        field.value = str(documents / "martin.html")
        await wait_for(pilot, lambda: screen.query_one("#format", RadioSet).pressed_index == 0)
        field.value = str(documents / "martin")  # no extension: the format's is added
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert "<html" in (documents / "martin.html").read_text()


async def test_the_export_dialog_remembers_the_last_folder_and_only_the_folder(
    vault: Vault, documents: Path, tmp_path: Path
) -> None:
    fill(vault)
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+e")
        app.screen.query_one("#path", Input).value = str(elsewhere / "martin.html")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.press("ctrl+e")
        field = app.screen.query_one("#path", Input)
        assert field.value == str(elsewhere / "histoire-famille-martin.html")
    remembered = state_file().read_text(encoding="utf-8")
    assert str(elsewhere) in remembered and "martin" not in remembered.lower()


async def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    vault: Vault, documents: Path, tmp_path: Path
) -> None:
    fill(vault)
    remember_export_folder(tmp_path / "gone")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+e")
        field = app.screen.query_one("#path", Input)
        assert field.value == str(documents / "histoire-famille-martin.html")


# -- consultations ------------------------------------------------------------------------


async def test_each_opening_is_recorded_once_and_c_shows_the_record(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        await pilot.press("e", "escape")  # the editor and back: still the same opening
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")  # the filter still says "martin": open again
        await settle(pilot)
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, ConsultationsScreen)
        assert "(2)" in text(screen.query_one(".label"))
        lines = text(screen.query_one("#consultation-lines")).splitlines()
        assert lines == ["samedi 28 novembre 2026 à 09:00 : histoire ouverte"] * 2
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
    assert opened_lines(vault, ids["martin"]) == [("opened", ""), ("opened", "")]
    assert opened_lines(vault, ids["jeanne"]) == []


# -- forget -------------------------------------------------------------------------


async def test_forget_from_the_timeline_needs_the_name_typed_back(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault)
    forgotten_in_index: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        keeper = app.search_keeper
        keeper.person_forgotten = forgotten_in_index.append
        await open_person(pilot, "martin")
        await pilot.press("ctrl+d")
        screen = app.screen
        assert isinstance(screen, ForgetScreen)
        words = " ".join(text(w) for w in screen.query(Static))
        assert "Oublier Famille Martin" in words and "C'est irréversible." in words
        await pilot.press("enter")  # an Enter alone erases nothing
        await pilot.press(*"Famille Dupré", "enter")
        assert "Ce n'est pas son nom" in text(screen.query_one("#forget-status"))
        assert app.screen is screen
        screen.query_one("#forget-name", Input).value = "famille  martin"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert [name for _id, name in app.people_screen().names()] == [
            "Élodie Noël",
            "Jeanne Dupré",
        ]
    assert forgotten_in_index == [ids["martin"]]
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert ids["martin"] in journal.tombstones()
        with pytest.raises(NotFound):
            journal.person(ids["martin"])


async def test_locking_clears_a_toast_that_names_the_person(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await unlock(pilot)
        await pilot.press(*"martin", "tab", "ctrl+d")  # notes: the erasure
        app.screen.query_one("#forget-name", Input).value = "Famille Martin"
        await pilot.press("enter")
        await settle(pilot)
        assert any("Famille Martin" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert not list(app._notifications)


async def test_escape_forgets_nobody(vault: Vault) -> None:
    ids = fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await highlight(pilot, "martin")
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, ForgetScreen)
        words = " ".join(text(w) for w in app.screen.query(Static))
        assert "This cannot be undone." in words
        await pilot.press(*"Famille Martin", "escape")
        assert isinstance(app.screen, PeopleScreen)
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert journal.person(ids["martin"]).name == "Famille Martin"


async def test_forget_from_the_list_keeps_the_list_whole(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        people = app.screen
        header = text(people.query_one("#people-header"))
        await pilot.press(*"martin", "tab", "ctrl+d")
        app.screen.query_one("#forget-name", Input).value = "Famille Martin"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is people
        assert [name for _id, name in people.names()] == ["Élodie Noël", "Jeanne Dupré"]
        assert text(people.query_one("#people-header")) == header  # laid out at full width


def test_the_typed_name_ignores_case_accents_and_spacing() -> None:
    assert confirms("elodie  NOEL", "Élodie Noël")
    assert confirms("Famille-Martin", "Famille Martin")
    assert not confirms("Famille", "Famille Martin")
    assert not confirms("", "Famille Martin")
    assert confirms("★", "★") and not confirms("", "★")


# -- erasing an earlier version -------------------------------------------------------------


async def test_an_earlier_version_is_erased_after_confirmation_the_current_one_never(
    vault: Vault,
) -> None:
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        entry = journal.entries(ids["martin"])[-1]
        journal.edit_entry(entry.id, text="Point sur l'école de Tom, avec sa mère.")
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        assert any("✎ 2 versions" in line for line in timeline_text(app))
        await pilot.press("h")
        screen = app.screen
        assert isinstance(screen, VersionsScreen)
        assert screen.chosen == 0  # the earlier version
        await pilot.press("down")  # the current one: `d` cannot erase it
        await pilot.press("d")
        assert "ne s'efface pas seule" in text(screen.query_one("#history-status"))
        await pilot.press("up", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "C'est irréversible." in app.screen.question
        await pilot.press("escape")  # "Garder"
        assert len(app.journal.history(entry.id)) == 2
        await pilot.press("d")
        await pilot.press("d")  # "Effacer"
        await settle(pilot)
        assert app.screen is screen
        assert [text(w) for w in screen.query(".version-text")] == [
            "Point sur l'école de Tom, avec sa mère."
        ]
        assert text(screen.query_one("#history-status")) == "Version effacée."
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert not any("✎" in line for line in timeline_text(app))
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert [v.text for v in journal.history(entry.id)] == [
            "Point sur l'école de Tom, avec sa mère."
        ]


# -- retention review ----------------------------------------------------------------------


async def test_review_lists_people_past_two_years_oldest_first_with_the_reason_kept(
    vault: Vault,
) -> None:
    fill(vault)
    add_old_people(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab", "ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [row.name for row in screen.rows] == ["Yvette Ancienne", "Paul Lointain"]
        assert "Revue de conservation · 2 personnes à revoir" in text(
            screen.query_one("#review-title")
        )
        paul = screen.rows[1]
        assert (
            paul.contact == "dernier contact il y a 2 ans et 2 mois (dimanche 1er septembre 2024)"
        )
        assert paul.kept == "gardé·e le dimanche 1er mars 2026 : Procédure en cours."
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_keep_with_a_reason_hides_the_person_until_the_delay(vault: Vault) -> None:
    fill(vault)
    ids = add_old_people(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab", "ctrl+r")
        await settle(pilot)
        await pilot.press("g")
        keep = app.screen
        assert isinstance(keep, KeepScreen)
        await pilot.press("ctrl+s")
        assert "Écrivez la raison" in text(keep.query_one("#keep-status"))
        keep.query_one("#reason", TextArea).insert("Sa fille a demandé le dossier.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [row.name for row in screen.rows] == ["Paul Lointain"]
    with vault.open(GOLDEN_IDENTITY) as journal:
        extra = journal.person(ids["yvette"]).extra["retention"]
    assert Kept.from_json(extra) == Kept(
        "Sa fille a demandé le dossier.", NOW.date(), date(2027, 5, 28)
    )


async def test_forget_from_the_review_stays_on_the_review(vault: Vault) -> None:
    fill(vault)
    ids = add_old_people(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p", *"retention")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+d")
        forget = app.screen
        assert isinstance(forget, ForgetScreen) and forget.person_name == "Yvette Ancienne"
        forget.query_one("#forget-name", Input).value = "yvette ancienne"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [row.name for row in screen.rows] == ["Paul Lointain"]
        names = [name for _id, name in app.people_screen().names()]
        assert "Yvette Ancienne" not in names and len(names) == 5
        await pilot.press("enter")  # open Paul's story from the review…
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape")  # …and come back to it
        assert isinstance(app.screen, ReviewScreen)
    with vault.open(GOLDEN_IDENTITY) as journal:
        assert ids["yvette"] in journal.tombstones()


async def test_nobody_to_review_says_so(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("tab", "ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert screen.rows == [] and screen.highlighted_name() is None
        assert screen.check_action("keep", ()) is None
        lines = screen.query_one("#review")._lines
        assert "Aucune personne à revoir pour l'instant." in "".join(
            piece for line in lines for piece, _style in line
        )


# -- keys are discoverable --------------------------------------------------------------


async def test_help_and_palette_list_the_rights_keys(vault: Vault) -> None:
    fill(vault)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await open_person(pilot, "martin")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "person: Export the story of Famille Martin…",
            "person: Forget Famille Martin…",
            "person: Consultations of the story of Famille Martin",
        ):
            assert title in titles
        assert "retention: Review" in titles and "backup: Run now" in titles
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = text(app.screen.query_one("#help-keys"))
        for line in (
            "x             Export",
            "c             Consultations",
            "^d            Remove or forget…",
        ):
            assert line in keys
        assert "Retention review" in keys and "Erase this version" in keys
