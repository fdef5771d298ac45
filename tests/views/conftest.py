"""The CLI runner shared by the command-line tests: one vault folder, no terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.vault import Vault
from tests.conftest import GOLDEN_PASSPHRASE, MemoKeyWrap, TickingClock
from views.cli import Seams, cli


class Dentelle:
    """Runs `dentelle` commands against one vault folder (changeable via `home`).

    `tty` says whether standard input is a terminal (confirmations and prompts).
    """

    def __init__(self, home: Path, keywrap: MemoKeyWrap, clock: TickingClock) -> None:
        self.home = home
        self.tty = False
        self.seams = Seams(keywrap=keywrap, clock=clock, stdin_is_tty=lambda: self.tty)
        self.runner = CliRunner()

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        lang: str = "fr",
        env: dict | None = None,
        **more: str,
    ):
        environment = {
            "DENTELLE_HOME": str(self.home),
            "DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE,
            "DENTELLE_RECOVERY_CODE": "",
            "DENTELLE_CONFIG": str(self.home.parent / "no-config.toml"),
            "LANG": "fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8",
            "LC_ALL": "",
            "LC_MESSAGES": "",
            **(env or {}),
            **more,
        }
        return self.runner.invoke(cli, list(args), input=input, env=environment, obj=self.seams)


@pytest.fixture
def dentelle(vault: Vault, keywrap: MemoKeyWrap, clock: TickingClock) -> Dentelle:
    return Dentelle(vault.path, keywrap, clock)
