"""One `dentelle` invocation: the vault folder, the language and how to get secrets.

The master identity comes from the unlock agent when `dentelle unlock` left one for
this vault (`journal.agent`; a dead or stale one is said in one line and skipped).
Secrets come from, in order: `DENTELLE_PASSPHRASE` / `--passphrase-file` (automation),
else a hidden prompt when a terminal is attached, else a clear error: a command never
waits for input that cannot come.

Tests inject a `Seams` object as click's `obj` (see `tests/views/conftest.py`): the key
wrapper (to skip repeated scrypt), the clock and whether a terminal is attached.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journal.crypto import KeyWrap
from journal.errors import DentelleError
from journal.i18n import translate
from views.cli import (
    click_strings,  # noqa: F401  (click's own words)
    help_strings,  # noqa: F401  (the commands' one-line help)
    strings,  # noqa: F401  (registers the CLI's messages)
)

if TYPE_CHECKING:
    import pyrage

    from journal.store import Journal
    from journal.vault import Vault

PASSPHRASE_VARIABLE = "DENTELLE_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "DENTELLE_NEW_PASSPHRASE"
RECOVERY_CODE_VARIABLE = "DENTELLE_RECOVERY_CODE"


@dataclass
class Seams:
    """What tests may replace: never set by users."""

    keywrap: KeyWrap | None = None
    clock: Callable[[], datetime] | None = None
    stdin_is_tty: Callable[[], bool] | None = None


@dataclass
class Session:
    """Per-invocation state: the vault folder, the language and how to get secrets."""

    vault_dir: Path
    lang: str
    passphrase_file: Path | None
    seams: Seams = field(default_factory=Seams)

    @cached_property
    def vault(self) -> Vault:
        """The vault, opened only by the commands that need it: `dentelle check`
        starts without loading the store."""
        from journal.vault import Vault

        return Vault(self.vault_dir, keywrap=self.seams.keywrap)

    def t(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)

    def now(self) -> datetime:
        return (self.seams.clock or (lambda: datetime.now().astimezone()))()

    def interactive(self) -> bool:
        if self.seams.stdin_is_tty is not None:
            return self.seams.stdin_is_tty()
        return sys.stdin is not None and sys.stdin.isatty()

    def passphrase(self) -> str:
        if os.environ.get(PASSPHRASE_VARIABLE):
            return os.environ[PASSPHRASE_VARIABLE]
        if self.passphrase_file is not None:
            return read_secret_file(self.passphrase_file)
        if not self.interactive():
            raise DentelleError("cli.need_passphrase")
        return click.prompt(self.t("cli.prompt.passphrase"), hide_input=True, err=True)

    def new_passphrase(self, new_file: Path | None, variable: str = NEW_PASSPHRASE_VARIABLE) -> str:
        if os.environ.get(variable):
            return os.environ[variable]
        if new_file is not None:
            return read_secret_file(new_file)
        if not self.interactive():
            missing = (
                "cli.need_passphrase"
                if variable == PASSPHRASE_VARIABLE
                else "cli.need_new_passphrase"
            )
            raise DentelleError(missing)
        first = click.prompt(self.t("cli.prompt.new_passphrase"), hide_input=True, err=True)
        second = click.prompt(self.t("cli.prompt.repeat"), hide_input=True, err=True)
        if first != second:
            raise DentelleError("passphrase.mismatch")
        return first

    def recovery_code(self) -> str:
        code = os.environ.get(RECOVERY_CODE_VARIABLE)
        if code:
            return code
        if not self.interactive():
            raise DentelleError("cli.need_recovery_code")
        return click.prompt(self.t("cli.prompt.recovery_code"), err=True)

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask yes or no in the worker's language (o/oui/y/yes, n/non/no)."""
        choices = (
            ("[O/n]" if default else "[o/N]")
            if self.lang == "fr"
            else ("[Y/n]" if default else "[y/N]")
        )
        while True:
            answer = (
                click.prompt(f"{question} {choices}", default="", show_default=False, err=True)
                .strip()
                .lower()
            )
            if not answer:
                return default
            if answer in ("o", "oui", "y", "yes"):
                return True
            if answer in ("n", "non", "no"):
                return False

    def identity_from_agent(self) -> pyrage.x25519.Identity | None:
        """The vault's identity from its unlock agent, or None (without an agent, nothing
        is said; with a dead, foreign or stale one, one line on standard error)."""
        from journal import agent

        try:
            text = agent.ask_identity(self.vault_dir)
        except agent.AgentError as error:
            if error.key != "agent.none":
                click.echo(self.t(error.key), err=True)
            return None
        if text is None:
            agent.stop_agent(self.vault_dir)
            click.echo(self.t("agent.refused"), err=True)
            return None
        from journal.crypto import identity_from_bytes

        try:
            return identity_from_bytes(text.encode("ascii", "replace"))
        except DentelleError:
            agent.stop_agent(self.vault_dir)
            click.echo(self.t("agent.refused"), err=True)
            return None

    def unlock_identity(self) -> pyrage.x25519.Identity:
        """The master identity: from the agent if one serves this vault, else scrypt."""
        identity = self.identity_from_agent()
        if identity is not None:
            return identity
        passphrase = self.passphrase()
        if self.interactive():
            click.echo(self.t("cli.unlocking"), err=True)
        return self.vault.unwrap_identity(passphrase)

    @contextmanager
    def journal(self) -> Iterator[Journal]:
        self.vault.require()
        opened = self.vault.open(self.unlock_identity(), clock=self.seams.clock)
        try:
            yield opened
        finally:
            opened.close()


def read_secret_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        raise DentelleError("cli.passphrase_file_unreadable", path=str(path)) from None


pass_session = click.make_pass_decorator(Session)
