"""The unlock agent's client side: where its socket is, who may talk to it, what it says.

`dentelle unlock` runs scrypt once and leaves a small process (`journal.agent_process`)
holding the master identity in memory; later commands of the same user ask it over a
Unix socket instead of asking the passphrase, the way `ssh-agent` serves keys.

- **Where.** One socket per vault, named from a hash of the vault's absolute path, in
  the user's runtime folder: `$XDG_RUNTIME_DIR/dentelle`, else `/run/user/<uid>/dentelle`,
  else `<tmp>/dentelle-<uid>`. The folder is made 0700 and refused unless it is a real
  folder owned by the user with no access for anyone else (a folder planted in /tmp by
  someone else must not receive the socket). The socket is 0600.
- **Who.** Each side reads the other's uid with `SO_PEERCRED`: the agent answers only
  its own uid (`peer_allowed`), and a command trusts only an agent of its own uid.
- **What.** One line each way, never the passphrase:
  `identity <vault path>` → `ok <AGE-SECRET-KEY-…>` or `no`; `lock` → `ok` (it ends);
  `status` → `ok <pid> <seconds left>`.

This module is imported by every command that unlocks: standard library only.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import struct
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SOCKET_SUFFIX = ".sock"
MAX_LINE = 4096
TIMEOUT = 5.0  # seconds a command waits for the agent before it asks the passphrase
_UCRED = struct.Struct("3i")  # struct ucred: pid, uid, gid (<sys/socket.h>)


class AgentError(Exception):
    """No usable agent: the message key says why (for the one line a command prints)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Peer:
    pid: int
    uid: int
    gid: int


def runtime_root(environ: Mapping[str, str] | None = None) -> Path:
    """The user's runtime folder (not ours inside it): XDG first, then the usual places."""
    env = os.environ if environ is None else environ
    uid = os.getuid()
    for candidate in (env.get("XDG_RUNTIME_DIR", "").strip(), f"/run/user/{uid}"):
        if candidate and _private_folder(Path(candidate), uid):
            return Path(candidate)
    return Path(tempfile.gettempdir())


def runtime_dir(environ: Mapping[str, str] | None = None, *, create: bool = True) -> Path:
    """Dentelle's folder in the runtime folder, created 0700 (unless `create` is false:
    a command looking for an agent writes nothing); `AgentError` if it is not private."""
    root = runtime_root(environ)
    uid = os.getuid()
    folder = root / "dentelle" if root != Path(tempfile.gettempdir()) else root / f"dentelle-{uid}"
    if not create:
        if not os.path.lexists(folder):
            raise AgentError("agent.none")
    else:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            raise AgentError("agent.no_runtime_dir") from None
    if not _private_folder(folder, uid):
        raise AgentError("agent.no_runtime_dir")
    return folder


def _private_folder(path: Path, uid: int) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == uid
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def vault_key(vault_dir: Path) -> str:
    """What names a vault to the agent: its absolute path, symlinks resolved."""
    return str(Path(vault_dir).expanduser().resolve())


def socket_path(
    vault_dir: Path, environ: Mapping[str, str] | None = None, *, create: bool = False
) -> Path:
    """The vault's socket. `AgentError("agent.none")` if the folder does not exist yet
    (and `create` is false), `"agent.no_runtime_dir"` if it is not private."""
    digest = hashlib.sha256(vault_key(vault_dir).encode("utf-8")).hexdigest()[:20]
    return runtime_dir(environ, create=create) / f"{digest}{SOCKET_SUFFIX}"


def peer_of(sock: socket.socket) -> Peer:
    """The process at the other end of a connected Unix socket, as the kernel says."""
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
    return Peer(*_UCRED.unpack(raw))


def peer_allowed(peer: Peer, own_uid: int | None = None) -> bool:
    """Only the agent's own user: not another user, not even root (root can read memory
    anyway, but a root process asking is not the worker at their terminal)."""
    return peer.uid == (os.getuid() if own_uid is None else own_uid)


def request(path: Path, line: str, timeout: float = TIMEOUT) -> str:
    """Send one request line, read one answer line. `AgentError` if nobody answers.

    `agent.none`: no socket (no agent; nothing to say). `agent.stale`: a socket but
    nobody behind it (the agent died): the file is removed. `agent.foreign`: the process
    behind it is another user's."""
    if not path.exists():
        raise AgentError("agent.none")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            _remove_stale(path)
            raise AgentError("agent.stale") from None
        except OSError:
            raise AgentError("agent.stale") from None
        if not peer_allowed(peer_of(sock)):
            raise AgentError("agent.foreign")
        try:
            sock.sendall(line.encode("utf-8") + b"\n")
            answer = _read_line(sock)
        except OSError:
            raise AgentError("agent.stale") from None
    finally:
        sock.close()
    if answer is None:
        raise AgentError("agent.stale")
    return answer


def ask_identity(vault_dir: Path) -> str | None:
    """The identity (its `AGE-SECRET-KEY-…` text) for this vault, or None if the agent
    has none for it. `AgentError` when there is no agent or it does not answer."""
    answer = request(socket_path(vault_dir), f"identity {vault_key(vault_dir)}")
    if answer.startswith("ok "):
        return answer[3:]
    return None


def stop_agent(vault_dir: Path) -> bool:
    """Ask the vault's agent to end. True if one was running and said so."""
    try:
        path = socket_path(vault_dir)
        if request(path, "lock") != "ok":
            return False
    except AgentError:
        return False
    _wait_gone(path)
    return True


def agent_status(vault_dir: Path) -> tuple[int, float] | None:
    """(pid, seconds left before it ends when idle), or None without a live agent."""
    try:
        answer = request(socket_path(vault_dir), "status")
    except AgentError:
        return None
    parts = answer.split()
    if len(parts) != 3 or parts[0] != "ok":
        return None
    return int(parts[1]), float(parts[2])


def _wait_gone(path: Path, timeout: float = TIMEOUT) -> None:
    """After `lock`: until the agent has removed its socket (a new one may take the name)."""
    import time

    deadline = time.monotonic() + timeout
    while os.path.lexists(path) and time.monotonic() < deadline:
        time.sleep(0.01)


def _read_line(sock: socket.socket) -> str | None:
    data = b""
    while b"\n" not in data:
        chunk = sock.recv(MAX_LINE)
        if not chunk:
            return None
        data += chunk
        if len(data) > MAX_LINE:
            return None
    return data.split(b"\n", 1)[0].decode("utf-8", "replace")


def _remove_stale(path: Path) -> None:
    try:
        if stat.S_ISSOCK(os.lstat(path).st_mode):
            os.unlink(path)
    except OSError:
        pass


def parse_duration(text: str) -> float:
    """`30m`, `1h`, `90s`, `1h30m` or plain minutes (`45`) as seconds; ValueError if not."""
    text = text.strip().lower().replace(" ", "")
    if not text:
        raise ValueError(text)
    if text.replace(".", "", 1).isdigit():
        if float(text) <= 0:
            raise ValueError(text)
        return float(text) * 60
    units = {"h": 3600, "m": 60, "min": 60, "s": 1}
    total, number = 0.0, ""
    rest = text
    while rest:
        if rest[0].isdigit() or rest[0] == ".":
            number += rest[0]
            rest = rest[1:]
            continue
        unit = next((u for u in ("min", "h", "m", "s") if rest.startswith(u)), None)
        if unit is None or not number:
            raise ValueError(text)
        total += float(number) * units[unit]
        number, rest = "", rest[len(unit) :]
    if number:
        raise ValueError(text)
    if total <= 0:
        raise ValueError(text)
    return total
