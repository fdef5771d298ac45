"""Encrypted, verified backups of the vault to a USB key: what the views import.

Nothing here prompts or prints: progress goes to a callback, failures are
`BackupError`s whose message keys exist in French and English and never carry a
person's data. The parts: `sets` (the set's files and their formats), `io` (durable,
read-back writes on USB keys), `write` (one new generation), `listing` (what a set holds,
without a key), `unlock` and `verify` (a set's keys, a whole check), `restoring`,
`drives` (finding the keys plugged in), `strings` (messages).
"""

from journal.backup.drives import Drive, find_drives
from journal.backup.io import Progress
from journal.backup.listing import GenerationInfo, SetInfo, describe_set, erasures_pending
from journal.backup.restoring import RestoreReport, restore
from journal.backup.sets import SET_DIR_NAME, set_path
from journal.backup.strings import format_size
from journal.backup.unlock import unlock_set
from journal.backup.verify import CheckResult, verify_set
from journal.backup.write import (
    BackupReport,
    back_up,
    check_destination,
    last_backup,
    record_backup,
)

__all__ = [
    "SET_DIR_NAME",
    "BackupReport",
    "CheckResult",
    "Drive",
    "GenerationInfo",
    "Progress",
    "RestoreReport",
    "SetInfo",
    "back_up",
    "check_destination",
    "describe_set",
    "erasures_pending",
    "find_drives",
    "format_size",
    "last_backup",
    "record_backup",
    "restore",
    "set_path",
    "unlock_set",
    "verify_set",
]
