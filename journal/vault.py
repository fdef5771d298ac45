"""The vault folder: how it is created, unlocked, locked and re-keyed.

Its files are named in `journal.layout`. Unlocking is two steps so that the slow one
can run elsewhere: `unwrap_identity` runs scrypt (about 2 s, holding the GIL: the app
runs it in a subprocess), `Vault.open` is fast and returns a `journal.store.Journal`.
Changing the passphrase rewraps the master identity only; no entry ciphertext changes.
Rotating every key (`rekey`) and replacing the recovery code are `journal.rekey`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyrage

from journal import crypto
from journal import rekey as rotation
from journal.crypto import KeyWrap, ScryptKeyWrap
from journal.errors import DentelleError, VaultDamaged, VaultMissing
from journal.fsutil import make_private_dir, write_atomic
from journal.i18n import register
from journal.layout import DATABASE_FILE, IDENTITY_FILE, LOCK_FILE, RECOVERY_FILE
from journal.passphrase import check_strength
from journal.store import Journal

register(
    {
        "vault.missing": {
            "fr": "Aucun coffre à {path}. Créez-le avec « dentelle init ».",
            "en": "No vault at {path}. Create one with “dentelle init”.",
        },
        "vault.exists": {
            "fr": "Un coffre existe déjà à {path} ; rien n'a été modifié.",
            "en": "A vault already exists at {path}; nothing was changed.",
        },
        "vault.not_writable": {
            "fr": "Impossible d'écrire dans {path} ({reason}).",
            "en": "Cannot write to {path} ({reason}).",
        },
        "vault.wrong_recovery_code": {
            "fr": "Code de secours incorrect.",
            "en": "Wrong recovery code.",
        },
    }
)


@dataclass(frozen=True)
class Created:
    """What `Vault.create` hands back once: the recovery code is never stored in clear."""

    identity: pyrage.x25519.Identity
    recovery_code: str


class Vault:
    """A vault folder; holds no secret itself."""

    def __init__(self, path: Path, keywrap: KeyWrap | None = None) -> None:
        self.path = Path(path)
        self.keywrap: KeyWrap = keywrap or ScryptKeyWrap()

    @property
    def identity_file(self) -> Path:
        return self.path / IDENTITY_FILE

    @property
    def recovery_file(self) -> Path:
        return self.path / RECOVERY_FILE

    @property
    def database_file(self) -> Path:
        return self.path / DATABASE_FILE

    @property
    def lock_file(self) -> Path:
        return self.path / LOCK_FILE

    def exists(self) -> bool:
        return self.identity_file.exists() and self.database_file.exists()

    def require(self) -> None:
        rotation.resolve(self.path)  # a rekey a crash interrupted: finished or undone
        if not self.exists():
            raise VaultMissing("vault.missing", path=str(self.path))

    def create(
        self,
        passphrase: str,
        *,
        check: bool = True,
        identity: pyrage.x25519.Identity | None = None,
    ) -> Created:
        """Create the folder, the master identity, its two wrappings and the database."""
        if self.identity_file.exists() or self.database_file.exists():
            raise DentelleError("vault.exists", path=str(self.path))
        if check:
            check_strength(passphrase)
        identity = identity or crypto.generate_identity()
        recovery_code = crypto.new_recovery_code()
        secret = crypto.identity_to_bytes(identity)
        wrapped = self.keywrap.wrap(passphrase, secret)
        wrapped_recovery = self.keywrap.wrap(crypto.normalize_recovery_code(recovery_code), secret)
        try:
            make_private_dir(self.path)
            # The database first: a folder with a database but no identity file is
            # treated as absent, so an interrupted init can simply be run again.
            Journal.initialize(self.database_file, identity)
            write_atomic(self.recovery_file, wrapped_recovery)
            write_atomic(self.identity_file, wrapped)
        except OSError as error:
            raise DentelleError(
                "vault.not_writable", path=str(self.path), reason=error.strerror or str(error)
            ) from None
        return Created(identity=identity, recovery_code=recovery_code)

    def unwrap_identity(self, passphrase: str) -> pyrage.x25519.Identity:
        """The slow step: scrypt. Raises `VaultLocked` on a wrong passphrase."""
        self.require()
        return crypto.identity_from_bytes(self.keywrap.unwrap(passphrase, self._read_identity()))

    def unwrap_with_recovery_code(self, code: str) -> pyrage.x25519.Identity:
        self.require()
        try:
            blob = self.recovery_file.read_bytes()
        except OSError:
            raise VaultDamaged("crypto.damaged", what=RECOVERY_FILE) from None
        try:
            secret = self.keywrap.unwrap(crypto.normalize_recovery_code(code), blob)
        except DentelleError as error:
            if error.key == "crypto.wrong_secret":
                raise type(error)("vault.wrong_recovery_code") from None
            raise
        return crypto.identity_from_bytes(secret)

    def change_passphrase(
        self, identity: pyrage.x25519.Identity, new_passphrase: str, *, check: bool = True
    ) -> None:
        """Rewrap the master identity under a new passphrase; entries are untouched."""
        if check:
            check_strength(new_passphrase)
        wrapped = self.keywrap.wrap(new_passphrase, crypto.identity_to_bytes(identity))
        try:
            write_atomic(self.identity_file, wrapped)
        except OSError as error:
            raise DentelleError(
                "vault.not_writable", path=str(self.path), reason=error.strerror or str(error)
            ) from None

    def rekey(
        self, identity: pyrage.x25519.Identity, new_passphrase: str, *, check: bool = True
    ) -> rotation.Rekeyed:
        """A new master identity, new keys, every record re-sealed, a new recovery code."""
        self.require()
        return rotation.rekey(self, identity, new_passphrase, check=check)

    def new_recovery_code(self, identity: pyrage.x25519.Identity) -> str:
        """Replace the recovery code (shown once by the caller); the old one stops opening."""
        self.require()
        return rotation.new_recovery_code(self, identity)

    def open(
        self,
        identity: pyrage.x25519.Identity,
        *,
        clock: Callable[[], datetime] | None = None,
        person_keys: dict[str, bytes] | None = None,
    ) -> Journal:
        """Open the database with the master identity (fast), holding the vault's lock
        (`person_keys`: see `Journal.open`)."""
        self.require()
        return Journal.open(self, identity, clock=clock, person_keys=person_keys)

    def unlock(self, passphrase: str, *, clock: Callable[[], datetime] | None = None) -> Journal:
        """Both steps at once, for the CLI and tests."""
        return self.open(self.unwrap_identity(passphrase), clock=clock)

    def _read_identity(self) -> bytes:
        try:
            return self.identity_file.read_bytes()
        except OSError:
            raise VaultDamaged("crypto.damaged", what=IDENTITY_FILE) from None
