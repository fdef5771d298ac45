"""The unlock agent (issue 15): its socket, who it answers, when it ends, what it writes.

The agent runs as a real process (`journal.agent_process.start`), as `dentelle unlock`
starts it; tests wait for conditions (the process gone, the socket gone), never a
fixed time.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from journal import agent
from journal.agent import AgentError, Peer, parse_duration, peer_allowed
from journal.agent_process import start
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.02)


def alive(pid: int) -> bool:
    """Running (a zombie child of the test, not yet reaped, has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short private XDG_RUNTIME_DIR (a Unix socket's path has at most 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="dta", dir="/tmp"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for sock in folder.glob("dentelle/*.sock"):
        with socket.socket(socket.AF_UNIX) as s:  # any agent left: asked to end
            try:
                s.connect(str(sock))
                s.sendall(b"lock\n")
                s.recv(10)
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)


def start_agent(vault: Vault, idle: float = 600.0, leader: int = 0) -> int:
    return start(vault.path, str(GOLDEN_IDENTITY), idle, leader)


def test_peer_check_refuses_another_uid_and_root() -> None:
    assert peer_allowed(Peer(pid=10, uid=1000, gid=1000), own_uid=1000)
    assert not peer_allowed(Peer(pid=10, uid=1001, gid=1000), own_uid=1000)
    assert not peer_allowed(Peer(pid=10, uid=0, gid=0), own_uid=1000)


def test_the_agent_answers_the_identity_only_for_its_vault(vault: Vault, runtime: Path) -> None:
    pid = start_agent(vault)
    assert agent.ask_identity(vault.path) == str(GOLDEN_IDENTITY)
    status = agent.agent_status(vault.path)
    assert status is not None and status[0] == pid
    path = agent.socket_path(vault.path)
    assert agent.request(path, "identity /somewhere/else") == "no"
    assert agent.request(path, "passphrase") == "no"


def test_the_socket_is_private_in_a_private_folder(vault: Vault, runtime: Path) -> None:
    start_agent(vault)
    path = agent.socket_path(vault.path)
    assert path.parent == runtime / "dentelle"
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_ISSOCK(os.lstat(path).st_mode)
    assert stat.S_IMODE(os.lstat(path).st_mode) == 0o600


def test_a_runtime_folder_open_to_others_is_refused(
    vault: Vault, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (runtime / "dentelle").mkdir(mode=0o755)
    (runtime / "dentelle").chmod(0o755)
    with pytest.raises(AgentError) as refused:
        agent.socket_path(vault.path)
    assert refused.value.key == "agent.no_runtime_dir"
    with pytest.raises(OSError):
        start_agent(vault)


def test_lock_ends_the_agent_and_removes_its_socket(vault: Vault, runtime: Path) -> None:
    pid = start_agent(vault)
    path = agent.socket_path(vault.path)
    assert agent.stop_agent(vault.path)
    wait_for(lambda: not alive(pid))
    assert not path.exists()
    with pytest.raises(AgentError) as none:
        agent.ask_identity(vault.path)
    assert none.value.key == "agent.none"
    assert not agent.stop_agent(vault.path)


def test_the_agent_ends_after_its_idle_time(vault: Vault, runtime: Path) -> None:
    pid = start_agent(vault, idle=1.0)
    path = agent.socket_path(vault.path)
    wait_for(lambda: not alive(pid))
    assert not path.exists()


def test_a_request_for_the_identity_restarts_the_idle_time(vault: Vault, runtime: Path) -> None:
    pid = start_agent(vault, idle=60.0)
    wait_for(lambda: (agent.agent_status(vault.path) or (0, 60.0))[1] < 59.0)
    agent.ask_identity(vault.path)
    status = agent.agent_status(vault.path)
    assert status is not None and status[1] > 59.0 and alive(pid)


def test_the_agent_ends_with_the_session_it_was_started_from(vault: Vault, runtime: Path) -> None:
    import subprocess

    leader = subprocess.Popen(["sleep", "600"])
    try:
        pid = start_agent(vault, leader=leader.pid)
        assert alive(pid)
    finally:
        leader.kill()
        leader.wait()
    wait_for(lambda: not alive(pid))


@pytest.mark.parametrize("name", ["SIGHUP", "SIGTERM"])
def test_a_hangup_or_a_termination_ends_the_agent_cleanly(
    vault: Vault, runtime: Path, name: str
) -> None:
    import signal

    pid = start_agent(vault)
    path = agent.socket_path(vault.path)
    os.kill(pid, getattr(signal, name))
    wait_for(lambda: not alive(pid))
    assert not path.exists()  # it removed its socket on the way out


def test_a_stale_socket_falls_back_and_is_removed(vault: Vault, runtime: Path) -> None:
    path = agent.socket_path(vault.path, create=True)
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(path))  # a socket file nobody listens on: the agent was killed
    left.close()
    with pytest.raises(AgentError) as stale:
        agent.ask_identity(vault.path)
    assert stale.value.key == "agent.stale"
    assert not path.exists()


def test_a_killed_agent_is_stale(vault: Vault, runtime: Path) -> None:
    import signal

    pid = start_agent(vault)
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid))
    with pytest.raises(AgentError) as stale:
        agent.ask_identity(vault.path)
    assert stale.value.key == "agent.stale"


def test_the_agent_refuses_and_ends_when_the_vault_has_another_identity(
    tmp_path: Path, vault: Vault, runtime: Path
) -> None:
    """A rekey made elsewhere (or another vault put at the path): never the old identity."""
    from tests.conftest import make_empty_vault

    pid = start_agent(vault)
    other = make_empty_vault(tmp_path / "other", vault.keywrap)  # type: ignore[arg-type]
    import pyrage

    from journal.store import Journal

    (other.path / "dentelle.db").unlink()
    Journal.initialize(other.path / "dentelle.db", pyrage.x25519.Identity.generate())
    os.replace(other.path / "dentelle.db", vault.path / "dentelle.db")
    assert agent.ask_identity(vault.path) is None
    wait_for(lambda: not alive(pid))


def test_the_agent_does_not_start_for_an_identity_the_vault_does_not_have(
    vault: Vault, runtime: Path
) -> None:
    import pyrage

    with pytest.raises(OSError):
        start(vault.path, str(pyrage.x25519.Identity.generate()), 600.0, 0)
    assert not list((runtime / "dentelle").iterdir())


def test_the_agent_cannot_dump_core(vault: Vault, runtime: Path) -> None:
    pid = start_agent(vault)
    limits = Path(f"/proc/{pid}/limits").read_text().splitlines()
    [core] = [line for line in limits if line.startswith("Max core file size")]
    assert core.split()[4:6] == ["0", "0"]


def test_nothing_is_written_but_the_socket(vault: Vault, runtime: Path) -> None:
    def files(folder: Path) -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")
        }

    before = files(vault.path)
    start_agent(vault)
    for _ in range(3):
        assert agent.ask_identity(vault.path) == str(GOLDEN_IDENTITY)
    assert files(vault.path) == before
    assert [p.name for p in runtime.rglob("*") if not p.is_dir()] == [
        agent.socket_path(vault.path).name
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800), ("1h", 3600), ("90s", 90), ("1h30m", 5400), ("45", 2700), ("2min", 120)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "m", "10x", "0", "5m3"])
def test_unreadable_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
