"""The restored vault in its hidden folder, before it is swapped in (used by `restoring`).

A generation is decrypted straight into the staged folder's database (never into
memory, never copied a second time), joined with the keyring's keys there by
`restoring`, then finished here: the key files written, every deletion and erasure
known to the set or the vault applied again through the store, and everything read
back: every integrity tag once, every note, earlier version, draft, profile, practice
note and consultation line decrypted, in batches (bounded memory at any size).
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import sqlite3
from pathlib import Path

import pyrage

from journal.backup.io import Progress
from journal.backup.sets import table_counts
from journal.fsutil import fsync_dir, fsync_file, make_private_dir, write_atomic
from journal.layout import DATABASE_FILE
from journal.store import Journal
from journal.store.consultations import consultations
from journal.store.practice import practice_notes
from journal.vault import Vault


class Stage:
    """A new private, hidden folder beside the target, where the restore is written;
    `discard` removes it, with the target's parent folder if it was made for it."""

    def __init__(self, vault: Vault) -> None:
        parent = vault.path.parent
        self.made_parent = not parent.exists()
        make_private_dir(parent)
        self.path = parent / f".{vault.path.name}.restoring-{secrets.token_hex(4)}"
        try:
            make_private_dir(self.path)
        except OSError:
            self.discard()
            raise

    def discard(self) -> None:
        remove_tree(self.path)
        if self.made_parent:
            with contextlib.suppress(OSError):
                self.path.parent.rmdir()


def finish_stage(
    staged: Path,
    vault: Vault,
    key_files: dict[str, bytes],
    identity: pyrage.x25519.Identity,
    erased: dict[str, tuple[str, str]],
    progress: Progress,
    person_keys: dict[str, bytes] | None = None,
) -> tuple[dict[str, int], int]:
    """Make the staged folder a complete, verified, durable vault; its row counts, and
    how many deleted entries and erased versions were removed again. `person_keys`: the
    keys every note was already opened with (`restoring`), None to open them here."""
    progress("restore.phase.write", 0, 1)
    for name, data in key_files.items():
        write_atomic(staged / name, data)
    # Opened as the app will (migrating an older schema).
    journal = Vault(staged, keywrap=vault.keywrap).open(identity, person_keys=person_keys)
    try:
        # Through the store, which keeps every summary and tag right.
        removed = journal.apply_erased(erased)
        progress("restore.phase.write", 1, 1)
        read_everything(journal, progress, notes=person_keys is None)
    finally:
        journal.close()
    conn = sqlite3.connect(f"{(staged / DATABASE_FILE).as_uri()}?mode=ro", uri=True)
    try:
        counts = table_counts(conn)
    finally:
        conn.close()
    fsync_file(staged / DATABASE_FILE)
    fsync_dir(staged)
    return counts, removed


def read_everything(journal: Journal, progress: Progress, *, notes: bool = True) -> None:
    """Check every integrity tag of the staged vault, and decrypt every value it holds:
    profiles, entries (unless `notes` is False: checked before, on the generation),
    earlier versions, drafts, practice notes, consultation records."""
    # Every tag, after the erasures of `_join_keys` (they delete a forgotten person's
    # tags with their rows: tags carry `person_id`) and `apply_erased` (through the
    # store, which re-tags): what is restored is exactly what the tags vouch for. Each
    # note is opened (decrypted and authenticated) as its tag is checked, one row at a
    # time: at 250,000 notes, holding them all took 700 MB. Their JSON is the store's.
    progress("restore.phase.verify", 0, 1)
    if notes:  # else the keys were checked at open (`Journal.open`), the notes before
        journal.check_every_entry(lambda done: progress("restore.phase.verify", 0, 1))
    people = journal.people()
    journal.drafts()
    practice_notes(journal)
    for person in people:
        consultations(journal, person.id)
    for entry_id in journal.revised_entry_ids():
        journal.history(entry_id)
    progress("restore.phase.verify", 1, 1)


def remove_tree(path: Path) -> None:
    """Remove a folder; once more if a transient error left part of it."""
    for _ in range(2):
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            return
