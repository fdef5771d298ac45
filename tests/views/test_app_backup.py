"""Backing up from the app: `b`, the key picker, progress, the status line, a lock midway.

Keys are folders in tmp: the tests replace `find_drives` in `views.screens.backup`
(the module the backup window calls). The backups are real sets written by
`journal.backup.back_up` and read back with `describe_set`.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, ProgressBar, Static

import views.screens.backup
import views.services.backup
from journal.backup import Drive, describe_set, erasures_pending, last_backup
from journal.backup.write import LAST_BACKUP_META
from journal.config import Config
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY
from tests.views.pilot import NOW, SIZE, app_for, fill, settle, unlock, wait_for
from views.screens.backup import BackupScreen
from views.screens.people import PeopleScreen
from views.screens.timeline import TimelineScreen
from views.services.backup import BACKUP_PHASES
from views.widgets.care_status import CareStatus


def plug(monkeypatch: pytest.MonkeyPatch, *folders: Path) -> list[Drive]:
    """Pretend these folders are the USB keys plugged in."""
    drives = [Drive(path=f, label=f.name, free=8_000_000_000, has_set=False) for f in folders]
    monkeypatch.setattr(views.screens.backup, "find_drives", lambda: list(drives))
    return drives


def key(tmp_path: Path, name: str = "CLE") -> Path:
    folder = tmp_path / "media" / name
    folder.mkdir(parents=True)
    return folder


def text(widget: Static) -> str:
    return str(widget.render())


def status_line(app) -> str:
    return text(app.people_screen().query_one(CareStatus))


async def to_list(pilot) -> None:
    """Unlock, then Tab to the list (its ctrl keys work from the filter as well)."""
    await unlock(pilot)
    await pilot.press("tab")


async def test_b_backs_up_to_the_only_key_with_progress_and_records_it(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    with vault.open(GOLDEN_IDENTITY) as journal:  # one forgetting for the key to receive
        journal.forget_person(journal.add_person("Ajoutée par erreur").id)
    usb = key(tmp_path)
    plug(monkeypatch, usb)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        assert "Pas encore de sauvegarde" in status_line(app)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BackupScreen)
        bars = [screen.query_one("#" + p.replace(".", "-"), ProgressBar) for p in BACKUP_PHASES]
        assert [bar.percentage for bar in bars] == [1, 1, 1, 1]
        outcome = text(screen.query_one("#backup-outcome", Static))
        assert outcome.startswith("✓ Sauvegarde n° 1 écrite et vérifiée")
        assert "personnes : 3" in outcome and "notes : 4" in outcome
        assert last_backup(app.journal) == NOW
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert status_line(app) == "Sauvegardé aujourd'hui"
    info = describe_set(usb)
    assert [g.number for g in info.generations] == [1]
    # The app recorded what this key received: no erasure is said to be pending.
    assert erasures_pending(info, vault.database_file) == 0


async def test_the_backup_never_uses_the_journals_own_connection(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    plug(monkeypatch, key(tmp_path))
    used_by_backup: list[str] = []
    real_back_up = views.services.backup.back_up

    class WatchedDatabase:
        """The journal's database, noting any use from the backup's thread."""

        def __init__(self, db, backup_thread: threading.Thread) -> None:
            self._db, self._thread = db, backup_thread

        def __getattr__(self, name: str):
            if threading.current_thread() is self._thread:
                used_by_backup.append(name)
            return getattr(self._db, name)

    def watched_back_up(journal, *args, **kwargs):
        real_db = journal._db
        journal._db = WatchedDatabase(real_db, threading.current_thread())
        try:
            return real_back_up(journal, *args, **kwargs)
        finally:
            journal._db = real_db

    monkeypatch.setattr(views.services.backup, "back_up", watched_back_up)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.backup_state.report is not None
        assert last_backup(app.journal) == NOW  # recorded, on the app's thread
    assert used_by_backup == []


async def test_several_keys_are_offered_and_the_chosen_one_is_used(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    first, second = key(tmp_path, "ROUGE"), key(tmp_path, "BLEUE")
    plug(monkeypatch, first, second)
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert "Several USB keys" in text(screen.query_one("#backup-message", Static))
        options = screen.query_one("#drives", OptionList)
        assert options.display and options.option_count == 2
        assert app.backup_state is None  # nothing starts before the worker chooses
        await pilot.press("down", "enter")
        await settle(pilot)
        assert "Backup no. 1 written and verified" in text(screen.query_one("#backup-outcome"))
    assert describe_set(second).generations and not (first / "dentelle-backup").exists()


async def test_no_key_says_so_then_r_looks_again(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    plug(monkeypatch)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        message = text(app.screen.query_one("#backup-message", Static))
        assert "Aucune clé USB trouvée" in message and "--to" not in message
        usb = key(tmp_path)
        plug(monkeypatch, usb)
        await pilot.press("r")
        await settle(pilot)
        assert app.backup_state.report is not None
    assert describe_set(usb).generations


async def test_without_a_key_the_worker_backs_up_to_a_folder_they_type(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    plug(monkeypatch)
    folder = tmp_path / "Sauvegardes"
    folder.mkdir()
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        message = text(screen.query_one("#backup-message", Static))
        assert "f" in message and "emplacement" in message
        await pilot.press("f")
        field = screen.query_one("#backup-folder", Input)
        assert field.has_focus
        field.value = str(tmp_path / "absent")
        await pilot.press("enter")
        assert "n'existe pas" in text(screen.query_one("#backup-outcome", Static))
        field.value = str(vault.path)
        await pilot.press("enter")
        assert "dans le coffre" in text(screen.query_one("#backup-outcome", Static))
        assert app.backup_state is None
        field.value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        assert app.backup_state.report is not None
        assert "Sauvegarde n° 1" in text(screen.query_one("#backup-outcome", Static))
    assert describe_set(folder).generations


async def test_the_folder_field_offers_the_last_folder_backed_up_to(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    plug(monkeypatch)
    folder = tmp_path / "Sauvegardes"
    folder.mkdir()
    app = app_for(vault, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("f")
        app.screen.query_one("#backup-folder", Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.screen.query_one("#backup-folder", Input).value == str(folder)


async def test_a_backup_error_is_said_in_words_and_nothing_is_recorded(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    gone = tmp_path / "media" / "PULLED-OUT"  # listed, then pulled out: no folder
    plug(monkeypatch, gone)
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        outcome = app.screen.query_one("#backup-outcome", Static)
        assert text(outcome).startswith("✗ La sauvegarde n'a pas été faite.")
        assert "la clé est-elle bien branchée" in text(outcome)
        assert "Traceback" not in text(outcome)
        assert last_backup(app.journal) is None
        assert app.screen.check_action("look_again", ()) is True


def slow_back_up(release: threading.Event):
    """A `back_up` that reports progress until `release` is set, then does the real one."""
    real_back_up = views.services.backup.back_up

    def back_up(journal, folder, *, keep, progress, now, record):
        step = 0
        while not release.wait(0.01):  # a backup moving on, until the test lets it end
            progress("backup.phase.snapshot", min(step, 9), 10)
            step += 1
        return real_back_up(journal, folder, keep=keep, progress=progress, now=now, record=record)

    return back_up


async def test_the_app_stays_usable_during_a_backup_closed_to_keep_working(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    usb = key(tmp_path)
    plug(monkeypatch, usb)
    release = threading.Event()
    monkeypatch.setattr(views.services.backup, "back_up", slow_back_up(release))
    app = app_for(vault)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.backup_running)
        note = app.screen.query_one("#backup-note", Static)
        await wait_for(pilot, lambda: "Échap ferme cette fenêtre" in text(note))
        await pilot.press("escape")  # the window closes, the backup goes on
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen))
        assert app.backup_running
        await wait_for(pilot, lambda: status_line(app).startswith("Sauvegarde en cours…"))
        await pilot.press("enter")  # open a story meanwhile
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.loaded)
        assert app.backup_running
        release.set()
        await settle(pilot)
        assert not app.backup_running and app.backup_state.report is not None
        messages = [str(n.message) for n in app._notifications]
        assert "Sauvegarde n° 1 écrite et vérifiée." in messages
        await pilot.press("escape")
        await settle(pilot)
        assert status_line(app) == "Sauvegardé aujourd'hui"
    assert describe_set(usb).generations


async def test_locking_during_a_backup_stops_it_and_leaves_no_generation(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault)
    usb = key(tmp_path)
    plug(monkeypatch, usb)
    monkeypatch.setattr(views.services.backup, "back_up", slow_back_up(threading.Event()))
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await to_list(pilot)
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.backup_running)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.journal is None
        assert app.backup_state.interrupted and not app.backup_running
    assert not (usb / "dentelle-backup").exists()


def set_last_backup(vault: Vault, when: datetime) -> None:
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.set_meta(LAST_BACKUP_META, when.isoformat(timespec="seconds"))


async def test_the_status_line_reminds_gently_and_counts_people_due_for_review(
    vault: Vault,
) -> None:
    fill(vault)
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        old = journal.add_person("Yvette Ancienne")
        journal.add_entry(old.id, date(2023, 5, 2), "Dernière visite.")
    set_last_backup(vault, NOW - timedelta(days=3))
    app = app_for(vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        status = app.people_screen().query_one(CareStatus)
        assert text(status) == (
            "Sauvegardé il y a 3 jours · 1 personne à revoir (conservation, ctrl+r)"
        )
        assert not status.has_class("-reminder")
    set_last_backup(vault, NOW - timedelta(days=9))
    app = app_for(vault, lang="en", config=Config(backup_reminder_days=7))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        status = app.people_screen().query_one(CareStatus)
        assert text(status) == (
            "Backed up 9 days ago: time to plug in the key? (ctrl+b) · "
            "1 person to review (retention, ctrl+r)"
        )
        assert status.has_class("-reminder")


async def test_palette_offers_the_backup_in_both_languages(vault: Vault) -> None:
    fill(vault)
    for lang, title in (("fr", "sauvegarde : Lancer"), ("en", "backup: Run now")):
        app = app_for(vault, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert title in titles
