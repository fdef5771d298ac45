"""jrnl 4.6, the nearest peer, set up with an encrypted journal of the same notes.

Used by `tests/bench/harness.py` (pip extra `bench`). jrnl takes an encrypted journal's
password from the system keyring or from a prompt on the terminal; it reads no
environment variable for it. The `keyring` library it uses loads the backend named in
`PYTHON_KEYRING_BACKEND`, so the harness names `EnvKeyring` below, which answers with
`JRNL_BENCH_PASSWORD`: no prompt, no keyring daemon, no password on disk. Importing
this module costs jrnl a few milliseconds (keyring is imported by jrnl anyway).

The journal is made with jrnl's own classes (entries, text format, `Jrnlv3Encryption`:
Fernet under PBKDF2-SHA256, 100,000 iterations, the format jrnl 4.6 writes) from
`journal.demo.fiction` with the seed and sizes of `make_vault.py`, and cached beside the
benchmark vaults. Each entry is dated 18:00 on the day it happened, as in the vaults.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

PASSWORD_VARIABLE = "JRNL_BENCH_PASSWORD"
PASSWORD = "a benchmark password, not a secret"
JRNL_VERSION = "4.6"


class EnvKeyring(KeyringBackend):
    """A keyring that knows one password: the one in `JRNL_BENCH_PASSWORD`."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get(PASSWORD_VARIABLE)

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        return None


@dataclass(frozen=True)
class JrnlSetup:
    """A folder with jrnl's config and its encrypted journal; `command` runs jrnl there."""

    home: Path

    @property
    def journal_file(self) -> Path:
        return self.home / "data" / "journal.txt"

    def env(self) -> dict[str, str]:
        root = Path(__file__).resolve().parents[2]
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "PYTHONPATH": str(root),
            "PYTHON_KEYRING_BACKEND": "tests.bench.peers.EnvKeyring",
            PASSWORD_VARIABLE: PASSWORD,
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
        }

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "jrnl", *args]

    def copy_to(self, target: Path) -> JrnlSetup:
        shutil.copytree(self.home, target)
        copied = JrnlSetup(target)
        copied.write_config()
        return copied

    def write_config(self) -> None:
        config = self.home / "config" / "jrnl" / "jrnl.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(
            "\n".join(
                [
                    f"version: '{JRNL_VERSION}'",
                    "journals:",
                    "  default:",
                    f"    journal: {self.journal_file}",
                    "    encrypt: true",
                    "encrypt: true",
                    "editor: ''",
                    "template: false",
                    "default_hour: 9",
                    "default_minute: 0",
                    "timeformat: '%F %r'",
                    "tagsymbols: '#@'",
                    "highlight: false",
                    "linewrap: 79",
                    "indent_character: '|'",
                    "colors: {body: none, date: none, tags: none, title: none}",
                    "",
                ]
            )
        )


def fictional_notes(people: int, entries: int) -> Iterator[tuple[object, str]]:
    """(datetime, text) of every note of the benchmark vault of that size."""
    from datetime import datetime, time

    from journal.demo.fiction import generate_people
    from tests.bench.make_vault import SEED, TODAY

    for person in generate_people(people, entries, SEED, TODAY):
        for entry in person.entries:
            yield datetime.combine(entry.occurred_on, time(18, 0)), entry.text


def jrnl_setup(name: str, people: int, entries: int, cache: Path) -> JrnlSetup:
    """The cached jrnl journal holding the same notes as the vault `name`."""
    setup = JrnlSetup(cache / f"jrnl-{name}-{entries}")
    done = setup.home / ".complete"
    if not done.exists():
        shutil.rmtree(setup.home, ignore_errors=True)
        setup.journal_file.parent.mkdir(parents=True)
        setup.write_config()
        setup.journal_file.write_bytes(_encrypted_journal(fictional_notes(people, entries)))
        done.write_text("ok\n")
    return setup


def _encrypted_journal(notes: Iterator[tuple[object, str]]) -> bytes:
    from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
    from jrnl.journals.Entry import Entry
    from jrnl.journals.Journal import Journal

    config = {"journal": "journal.txt", "encrypt": True, "timeformat": "%F %r", "tagsymbols": "#@"}
    journal = Journal("default", **config)
    journal.entries = sorted(
        (Entry(journal, date=day, text=text) for day, text in notes), key=lambda e: e.date
    )
    encryption = Jrnlv3Encryption("default", config)
    encryption.password = PASSWORD
    return encryption.encrypt(journal._to_text())
