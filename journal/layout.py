"""The vault folder's files, by name, and where the folder is by default.

    <vault>/identity.age   master identity, age-encrypted with the passphrase (scrypt)
    <vault>/recovery.age   the same identity, age-encrypted with the recovery code
    <vault>/dentelle.db    SQLite: random ids and ciphertext only
    <vault>/.lock          held (flock) by the process that has the vault open

Documented for workers in docs/format.md. Kept apart from `journal.vault` so that the
store and the backups can name these files without importing the vault.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

IDENTITY_FILE = "identity.age"
RECOVERY_FILE = "recovery.age"
DATABASE_FILE = "dentelle.db"
LOCK_FILE = ".lock"
HOME_VARIABLE = "DENTELLE_HOME"


def default_vault_path(environ: Mapping[str, str] | None = None) -> Path:
    """`DENTELLE_HOME` if set, else the platform's user data folder."""
    env = os.environ if environ is None else environ
    if env.get(HOME_VARIABLE):
        return Path(env[HOME_VARIABLE]).expanduser()
    return Path(user_data_dir("dentelle", appauthor=False)) / "vault"
