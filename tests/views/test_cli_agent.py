"""`dentelle unlock` and `dentelle lock` (issue 15): the passphrase once, then commands
without it; a dead, stale or replaced agent falls back to the passphrase in one line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from journal import agent
from tests.conftest import GOLDEN_PASSPHRASE, TickingClock
from tests.journal.rekey_helpers import NEW_PASSPHRASE, OLD_PASSPHRASE, FastKeyWrap, make_vault
from tests.journal.test_agent import alive, runtime, wait_for  # noqa: F401  (fixture)
from tests.views.conftest import Dentelle

NO_PASSPHRASE = {"DENTELLE_PASSPHRASE": ""}


@pytest.fixture
def unlocked(dentelle: Dentelle, runtime: Path) -> Dentelle:  # noqa: F811
    result = dentelle("unlock", "--for", "10m", lang="en")
    assert result.exit_code == 0, result.output
    assert "dentelle lock" in result.output and "10 minutes unused" in result.output
    return dentelle


def agent_pid(dentelle: Dentelle) -> int:
    status = agent.agent_status(dentelle.home)
    assert status is not None
    return status[0]


def test_after_unlock_commands_need_no_passphrase(unlocked: Dentelle) -> None:
    dentelle = unlocked
    refused = dentelle("people", env=NO_PASSPHRASE, DENTELLE_HOME=str(dentelle.home) + "-none")
    assert refused.exit_code != 0  # another vault: no agent, no passphrase
    assert dentelle("person", "add", "Awa Diallo", env=NO_PASSPHRASE).exit_code == 0
    added = dentelle("add", "Awa Diallo", "Rencontre au jardin", env=NO_PASSPHRASE)
    assert added.exit_code == 0, added.output
    people = dentelle("people", env=NO_PASSPHRASE)
    assert people.exit_code == 0 and "Awa Diallo" in people.output
    shown = dentelle("show", "Awa Diallo", env=NO_PASSPHRASE)
    assert shown.exit_code == 0 and "Rencontre au jardin" in shown.output
    found = dentelle("search", "jardin", env=NO_PASSPHRASE)
    assert found.exit_code == 0 and "Awa Diallo" in found.output
    assert "agent" not in (shown.output + found.output).lower()


def test_lock_ends_the_agent(unlocked: Dentelle) -> None:
    dentelle = unlocked
    pid = agent_pid(dentelle)
    locked = dentelle("lock")
    assert locked.exit_code == 0 and "verrouillé" in locked.output
    wait_for(lambda: not alive(pid))
    refused = dentelle("people", env=NO_PASSPHRASE)
    assert refused.exit_code != 0 and "DENTELLE_PASSPHRASE" in refused.output
    assert "agent" not in refused.output  # no agent: nothing said about one
    again = dentelle("lock")
    assert again.exit_code == 0 and "Aucun agent" in again.output


def test_the_agent_expires_after_the_idle_time(dentelle: Dentelle, runtime: Path) -> None:  # noqa: F811
    assert dentelle("unlock", "--for", "1s").exit_code == 0
    pid = agent_pid(dentelle)
    wait_for(lambda: not alive(pid))
    refused = dentelle("people", env=NO_PASSPHRASE)
    assert refused.exit_code != 0 and "agent" not in refused.output


def test_the_idle_time_comes_from_the_config(
    dentelle: Dentelle,
    runtime: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("agent_idle_minutes = 2\n")
    result = dentelle("unlock", DENTELLE_CONFIG=str(config))
    assert result.exit_code == 0 and "après 2 minutes sans usage" in result.output
    status = agent.agent_status(dentelle.home)
    assert status is not None and 100 < status[1] <= 120


def test_an_unreadable_duration_is_said(dentelle: Dentelle, runtime: Path) -> None:  # noqa: F811
    result = dentelle("unlock", "--for", "bientôt")
    assert result.exit_code != 0 and "Durée illisible" in result.output
    assert "Traceback" not in result.output
    assert agent.agent_status(dentelle.home) is None


def test_a_wrong_passphrase_starts_no_agent(dentelle: Dentelle, runtime: Path) -> None:  # noqa: F811
    result = dentelle("unlock", DENTELLE_PASSPHRASE="pas la bonne phrase")
    assert result.exit_code != 0
    assert agent.agent_status(dentelle.home) is None


def test_a_dead_agent_falls_back_to_the_passphrase_in_one_line(unlocked: Dentelle) -> None:
    dentelle = unlocked
    pid = agent_pid(dentelle)
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid))
    result = dentelle("people", lang="en")  # DENTELLE_PASSPHRASE is set: it opens
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "agent" in line]
    assert lines == ["The unlock agent no longer answers (ended?): asking for the passphrase."]
    again = dentelle("people")  # the stale socket was removed: nothing more is said
    assert again.exit_code == 0 and "agent" not in again.output


@pytest.fixture
def fast(tmp_path: Path, clock: TickingClock, runtime: Path) -> tuple[Dentelle, str]:  # noqa: F811
    """A vault under the scrypt-less test wrapper (rekey, passwd and recover wrap new
    secrets), unlocked; with its recovery code."""
    vault, code = make_vault(tmp_path / "fast")
    dentelle = Dentelle(vault.path, FastKeyWrap(), clock)  # type: ignore[arg-type]
    result = dentelle("unlock", DENTELLE_PASSPHRASE=OLD_PASSPHRASE)
    assert result.exit_code == 0, result.output
    return dentelle, code


@pytest.mark.parametrize("command", ["rekey", "passwd", "recover"])
def test_a_change_of_secret_ends_the_agent(fast: tuple[Dentelle, str], command: str) -> None:
    dentelle, code = fast
    pid = agent_pid(dentelle)
    result = dentelle(
        command,
        DENTELLE_PASSPHRASE=OLD_PASSPHRASE,
        DENTELLE_NEW_PASSPHRASE=NEW_PASSPHRASE,
        DENTELLE_RECOVERY_CODE=code,
    )
    assert result.exit_code == 0, result.output
    wait_for(lambda: not alive(pid))
    refused = dentelle("people", env=NO_PASSPHRASE)
    assert refused.exit_code != 0 and "DENTELLE_PASSPHRASE" in refused.output


def test_an_agent_holding_another_identity_is_refused_and_ended(
    unlocked: Dentelle, tmp_path: Path
) -> None:
    """What a rekey done elsewhere leaves: the vault's recipient is not the agent's."""
    import pyrage

    from journal.store import Journal

    dentelle = unlocked
    pid = agent_pid(dentelle)
    other = tmp_path / "other.db"
    Journal.initialize(other, pyrage.x25519.Identity.generate())
    os.replace(other, dentelle.home / "dentelle.db")
    result = dentelle("people", env=NO_PASSPHRASE, lang="en")
    assert result.exit_code != 0
    assert "no longer holds this vault's key" in result.output
    assert "Traceback" not in result.output
    wait_for(lambda: not alive(pid))


def test_the_passphrase_is_never_sent_to_the_agent(unlocked: Dentelle) -> None:
    answer = agent.request(agent.socket_path(unlocked.home), "passphrase")
    assert answer == "no" and GOLDEN_PASSPHRASE not in answer


PEER = "dentelle-peer"

ASK_AS_PEER = """
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
try:
    s.sendall(("identity " + sys.argv[2] + "\\n").encode())
    data = s.recv(4096)
except OSError:
    data = b""
print(repr(data))
"""


def second_user() -> tuple[int, int] | None:
    """A real second user where the machine has one (`.ci/run` makes it as root); a test
    never adds a user to the machine itself."""
    if os.getuid() != 0 or not shutil.which("setpriv") or not Path("/usr/bin/python3").exists():
        return None
    import pwd

    try:
        entry = pwd.getpwnam(PEER)
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


def test_the_agent_refuses_another_user(unlocked: Dentelle) -> None:
    """Even with the folder and the socket opened to everyone (a mistake): the other
    user's connection is closed without a word, by the SO_PEERCRED check."""
    peer = second_user()
    if peer is None:
        pytest.skip("no second user on this machine (the check is unit-tested)")
    path = agent.socket_path(unlocked.home)
    for folder in (path.parent.parent, path.parent):
        folder.chmod(0o711)
    path.chmod(0o666)
    asked = subprocess.run(
        [
            "setpriv",
            f"--reuid={peer[0]}",
            f"--regid={peer[1]}",
            "--clear-groups",
            "/usr/bin/python3",
            "-c",
            ASK_AS_PEER,
            str(path),
            agent.vault_key(unlocked.home),
        ],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.strip() == "b''"  # connected, answered nothing
    for folder in (path.parent.parent, path.parent):
        folder.chmod(0o700)  # (a folder open to others is not used by a command)
    assert agent.ask_identity(unlocked.home) is not None  # its own user still served
