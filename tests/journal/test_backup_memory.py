"""Backup in bounded memory: the generation's image is never whole in Python's memory.

The snapshot was copied into memory, serialized (a second and third copy), encrypted,
then read back and opened whole while the serialized image was still held: about four
times the database at the peak (512 MB for the 1,000-person vault). The image is now made
in a private file of the vault's folder (it holds what the vault's file holds, less the
person keys) and encrypted from it chunk by chunk. `tracemalloc` sees Python's
allocations (the serialized image, the decrypted copy), not SQLite's pages: enough to
tell. The generation is also read back by decrypting it over that same file and opening
it there, rather than into memory.
"""

from __future__ import annotations

import errno
import fcntl
import os
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from journal.backup import back_up, restore, verify_set, write
from journal.errors import BackupError
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap

# Notes large enough that the database (~25 MB) dwarfs what a backup or restore holds
# at any size: its buffers (a few MiB: the chunks handed to the writing thread, the
# device read ahead, a block being hashed) must stay far below half of it.
NOTE_BYTES = 18_000


def write_many_notes(journal: Journal) -> int:
    """336 notes for 12 people (each one's word index is rewritten with each of their
    notes: one person would make it quadratic); the database's size."""
    people = [journal.add_person(f"Personne {n}", "Profil") for n in range(12)]
    with journal.transaction():
        for day in range(1, 29):
            for person in people:
                # Random text does not compress: the database grows as the notes do.
                text = os.urandom(NOTE_BYTES).hex()
                journal.add_entry(person.id, date(2026, 2, day), text)
    journal.checkpoint()
    return (journal.path / "dentelle.db").stat().st_size


def test_backup_never_holds_the_image_whole_in_python_memory(
    journal: Journal, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    size = write_many_notes(journal)
    assert size > 20_000_000
    tracemalloc.start()
    try:
        back_up(journal, usb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 0.5 * size, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB database"


def test_the_image_file_leaves_the_vault_folder_after_a_backup_and_a_failure(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    journal.add_person("Awa Diallo", "Profil")
    before = sorted(p.name for p in journal.path.iterdir())
    back_up(journal, usb)
    assert sorted(p.name for p in journal.path.iterdir()) == before

    seen = []

    def full(set_dir, number, snap, *args):
        seen.append((snap.image.parent, snap.image.stat().st_mode & 0o777))
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(write, "_write_generation", full)
    with pytest.raises(BackupError):
        back_up(journal, usb)
    assert seen == [(journal.path, 0o600)]
    assert sorted(p.name for p in journal.path.iterdir()) == before


def backed_up_story(journal: Journal, tmp_path: Path) -> tuple[Path, int]:
    """336 notes of 36 KB (incompressible) backed up once: the set, the database's size."""
    usb = tmp_path / "usb"
    usb.mkdir()
    write_many_notes(journal)
    back_up(journal, usb)
    return usb, (journal.path / "dentelle.db").stat().st_size


def test_restore_never_holds_the_generation_whole_in_python_memory(
    journal: Journal, tmp_path: Path, keywrap: MemoKeyWrap
) -> None:
    usb, size = backed_up_story(journal, tmp_path)
    target = Vault(tmp_path / "home" / "vault", keywrap=keywrap)
    # The whole restore, including the check of the restored vault that decrypts every
    # note: notes are opened a batch at a time, never all held at once.
    tracemalloc.start()
    try:
        report = restore(usb, target, GOLDEN_IDENTITY)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.entries == 28 * 12
    assert peak < 0.5 * size, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB database"
    # The decrypted spool is gone: only the vault is left beside it.
    assert [p.name for p in target.path.parent.iterdir()] == ["vault"]


def test_an_image_left_by_a_crashed_backup_is_removed_by_the_next_one(
    journal: Journal, tmp_path: Path
) -> None:
    """A backup killed mid-way leaves its image (`.backup-*.tmp`) in the vault's folder:
    the next backup removes it, but never the image of a backup still running."""
    usb = tmp_path / "usb"
    usb.mkdir()
    journal.add_person("Awa Diallo", "Profil")
    crashed = journal.path / ".backup-crashed.tmp"
    crashed.write_bytes(b"SQLite format 3\0" + bytes(4080))
    running = journal.path / ".backup-running.tmp"
    running.write_bytes(b"SQLite format 3\0" + bytes(4080))
    with open(running, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running backup holds it
        back_up(journal, usb)
        assert not crashed.exists()
        assert running.exists()
    back_up(journal, usb)
    assert not running.exists()
    assert not [p.name for p in journal.path.iterdir() if p.name.startswith(".backup-")]


def test_verifying_a_set_never_holds_a_generation_whole_in_python_memory(
    journal: Journal, tmp_path: Path
) -> None:
    """`dentelle backups --verify` decrypts each generation into a private file of the
    vault's folder (`spool_dir`), then removes it."""
    usb, size = backed_up_story(journal, tmp_path)
    before = sorted(p.name for p in journal.path.iterdir())
    tracemalloc.start()
    try:
        results = verify_set(usb, GOLDEN_IDENTITY, spool_dir=journal.path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.ok for r in results] == [True]
    assert peak < 0.5 * size, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB database"
    assert sorted(p.name for p in journal.path.iterdir()) == before
