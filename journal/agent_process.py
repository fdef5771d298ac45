"""The unlock agent itself: a small process that holds one vault's master identity.

Started by `dentelle unlock` (`start`) as `python -m journal.agent_process`, in its own
session (a closed terminal's SIGHUP does not reach it by accident; see below what ends
it). The identity comes on its standard input, never in its arguments or environment;
it answers "ready" on its standard output once its socket listens, then keeps nothing
open but the socket. Nothing is written anywhere but the socket file (`journal.agent`
says where, and the protocol).

It ends, removing its socket, at the first of:

- the idle time (`agent_idle_minutes`, default 15; `unlock --for` overrides) passing
  without a request for the identity;
- `dentelle lock` (request `lock`), and `rekey`, `passwd` and `recover`, which ask it
  to end: a secret changed;
- the vault's master recipient no longer matching its identity (a rekey made
  elsewhere, another vault moved to the path): it answers "no" and ends;
- the end of the login session it was started from: the session leader (the shell of
  the terminal where `unlock` ran) is gone, or SIGHUP, SIGTERM or SIGINT reaches it;
- its socket file removed or replaced (a logout clears the runtime folder).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from journal.agent import Peer, peer_allowed, peer_of, socket_path, vault_key
from journal.hygiene import harden_process

POLL = 0.5  # seconds between checks of the idle time, the session and the socket
READY = "ready"


def start(vault_dir: Path, identity_text: str, idle_seconds: float, session_leader: int) -> int:
    """Start the agent for one vault; its pid once it listens. `OSError` if it did not."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "journal.agent_process",
            vault_key(vault_dir),
            repr(float(idle_seconds)),
            str(session_leader),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(identity_text.encode("ascii") + b"\n")
        process.stdin.close()
        answer = process.stdout.readline().decode("ascii", "replace").strip()
    finally:
        process.stdout.close()
    if answer != READY:
        process.wait()
        raise OSError(answer or "the agent did not start")
    return process.pid


def _start_time(pid: int) -> str | None:
    """The process's start time (field 22 of /proc/<pid>/stat), None if it is gone or a
    zombie: with it, a pid reused by another process is not taken for the session."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()
    if not fields or fields[0] in ("Z", "X"):
        return None
    return fields[19] if len(fields) > 19 else ""


class Agent:
    def __init__(
        self, vault_dir: str, identity_text: str, idle_seconds: float, session_leader: int
    ) -> None:
        import pyrage

        from journal.layout import DATABASE_FILE

        self.vault = vault_dir
        self.database = Path(vault_dir) / DATABASE_FILE
        self.identity = pyrage.x25519.Identity.from_str(identity_text)
        self.recipient = str(self.identity.to_public())
        self.idle = idle_seconds
        self.last_used = time.monotonic()
        self.leader = session_leader if session_leader > 1 else 0
        self.leader_start = _start_time(self.leader) if self.leader else None
        self.path = socket_path(Path(vault_dir), create=True)
        self.running = True

    def current(self) -> bool:
        """Does the vault still have our identity? (Read without writing anything.)"""
        from journal.store.connection import read_recipient

        return read_recipient(self.database) == self.recipient

    def listen(self) -> socket.socket:
        if self.path.exists() or self.path.is_symlink():
            self.path.unlink()  # a stale socket: `unlock` stopped any live agent first
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            server.bind(str(self.path))
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        server.listen(8)
        server.settimeout(POLL)
        self.inode = os.stat(self.path).st_ino
        return server

    def should_end(self) -> bool:
        if not self.running or time.monotonic() - self.last_used >= self.idle:
            return True
        if self.leader and _start_time(self.leader) != self.leader_start:
            return True
        try:
            return os.stat(self.path).st_ino != self.inode
        except OSError:
            return True

    def answer(self, line: str, peer: Peer) -> str:
        if not peer_allowed(peer):
            return "no"
        verb, _, argument = line.partition(" ")
        if verb == "identity":
            if argument != self.vault:
                return "no"
            if not self.current():
                self.running = False
                return "no"
            self.last_used = time.monotonic()
            return f"ok {self.identity}"
        if verb == "lock":
            self.running = False
            return "ok"
        if verb == "status":
            left = max(0.0, self.idle - (time.monotonic() - self.last_used))
            return f"ok {os.getpid()} {left:.1f}"
        return "no"

    def serve(self, server: socket.socket) -> None:
        while not self.should_end():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except InterruptedError:
                continue
            with conn:
                self._one(conn)

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(2.0)
        try:
            peer = peer_of(conn)
            if not peer_allowed(peer):
                return  # another user: closed without a word
            data = b""
            while b"\n" not in data and len(data) < 4096:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            line = data.split(b"\n", 1)[0].decode("utf-8", "replace")
            conn.sendall(self.answer(line, peer).encode("utf-8") + b"\n")
        except OSError:
            return

    def remove_socket(self) -> None:
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except (OSError, AttributeError):
            pass


def main(argv: list[str]) -> int:
    harden_process()  # first: the identity arrives next (core limit 0, not dumpable)
    vault_dir, idle, leader = argv[0], float(argv[1]), int(argv[2])
    identity_text = sys.stdin.readline().strip()
    sys.stdin.close()
    agent = Agent(vault_dir, identity_text, idle, leader)
    del identity_text
    out = sys.stdout
    if not agent.current():
        out.write("wrong\n")
        out.flush()
        return 1

    def stop(signum: int, frame: object) -> None:
        agent.running = False

    for name in ("SIGHUP", "SIGTERM", "SIGINT"):
        signal.signal(getattr(signal, name), stop)
    try:
        server = agent.listen()
    except OSError:
        out.write("no socket\n")
        out.flush()
        return 1
    out.write(READY + "\n")
    out.flush()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.chdir("/")
    try:
        agent.serve(server)
    finally:
        server.close()
        agent.remove_socket()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
