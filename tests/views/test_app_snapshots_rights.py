"""Snapshots of the backup window and the retention review, in French and English, 80×24.

Plain `def` tests (see test_app_snapshots.py). The keys are fake: `find_drives` returns
folders given by relative paths from a tmp working directory, so the paths and sizes on
screen are the same on every run. Review `snapshot_report.html` before
`--snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import views.screens.backup
from journal.backup import Drive
from journal.vault import Vault
from tests.views.pilot import LANGS, add_old_people, app_for, fill, steady, unlock
from tests.views.pilot import SNAPSHOT_SIZE as SIZE


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Drive]:
    """Two keys plugged in: CLE (empty, 8 GB free) and ARCHIVES (already has backups)."""
    monkeypatch.chdir(tmp_path)
    drives = [
        Drive(Path("media/CLE"), "CLE", 8_000_000_000, False),
        Drive(Path("media/ARCHIVES"), "ARCHIVES", 3_500_000_000, True),
    ]
    for drive in drives:
        drive.path.mkdir(parents=True)
    monkeypatch.setattr(views.screens.backup, "find_drives", lambda: list(drives))
    # A generation's size moves by a few hundred bytes from run to run (random ids
    # compress differently): the written size is shown as a steady figure.
    real_format_size = views.screens.backup.format_size

    def steady_size(size: int, lang: str = "fr") -> str:
        return real_format_size(size if size >= 1_000_000 else 90_000, lang)

    monkeypatch.setattr(views.screens.backup, "format_size", steady_size)
    return drives


async def _at_backup_choice(pilot) -> None:
    await unlock(pilot)
    await pilot.press("ctrl+b")
    await steady(pilot)


async def _at_backup_done(pilot) -> None:
    await _at_backup_choice(pilot)
    await pilot.press("enter")
    await steady(pilot)


async def _at_review(pilot) -> None:
    await unlock(pilot)
    await pilot.press("ctrl+r")
    await steady(pilot)


@pytest.mark.parametrize("lang", LANGS)
def test_backup_choosing_a_key(snap_compare, vault: Vault, keys: list[Drive], lang: str) -> None:
    fill(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_backup_choice)


@pytest.mark.parametrize("lang", LANGS)
def test_backup_written_and_verified(
    snap_compare, vault: Vault, keys: list[Drive], lang: str
) -> None:
    fill(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_backup_done)


@pytest.mark.parametrize("lang", LANGS)
def test_retention_review(snap_compare, vault: Vault, lang: str) -> None:
    fill(vault)
    add_old_people(vault)
    app = app_for(vault, lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_at_review)
