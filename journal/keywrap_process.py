"""age scrypt in a child process, so that the caller's threads keep running.

pyrage holds the GIL for the whole scrypt computation (~2 s to unwrap, more to wrap):
run in a thread of the app's process, it freezes the interface. Run in a child process,
the parent only waits on a pipe, with the GIL released, and a Textual thread worker
calling `SubprocessKeyWrap.unwrap` leaves the event loop free.

Protocol, over pipes only (never argv, environment or files, which other users or
crash reports could see): the parent writes `<mode>\\n<len(blob)>\\n<blob><secret>` to
the child's standard input; the child writes the result to standard output and exits
0, or exits with `EXIT_WRONG_SECRET` / `EXIT_DAMAGED` / `EXIT_WORK_FACTOR` and writes
nothing.
"""

from __future__ import annotations

import subprocess
import sys

from journal import agefile
from journal.crypto import ScryptKeyWrap
from journal.errors import DentelleError, VaultDamaged, VaultLocked
from journal.hygiene import harden_process

EXIT_WRONG_SECRET = 3
EXIT_DAMAGED = 4
EXIT_WORK_FACTOR = 5


class SubprocessKeyWrap:
    """`ScryptKeyWrap`, computed in a child Python process."""

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable

    def _run(self, mode: str, secret: str, blob: bytes) -> bytes:
        request = f"{mode}\n{len(blob)}\n".encode() + blob + secret.encode("utf-8")
        result = subprocess.run(
            [self.python, "-m", "journal.keywrap_process"],
            input=request,
            capture_output=True,
            check=False,
        )
        if result.returncode == 0:
            return result.stdout
        if result.returncode == EXIT_WRONG_SECRET:
            raise VaultLocked("crypto.wrong_secret")
        if result.returncode == EXIT_WORK_FACTOR:
            raise VaultDamaged("crypto.work_factor", n=agefile.work_factor(blob))
        raise VaultDamaged("crypto.damaged", what="identity")

    def wrap(self, secret: str, payload: bytes) -> bytes:
        return self._run("wrap", secret, payload)

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        return self._run("unwrap", secret, blob)


def _serve() -> int:
    harden_process()  # it holds the passphrase and the secret; exec made it dumpable again
    data = sys.stdin.buffer.read()
    try:
        mode, size, rest = data.split(b"\n", 2)
        blob, secret = rest[: int(size)], rest[int(size) :].decode("utf-8")
    except ValueError:
        return EXIT_DAMAGED
    wrapper = ScryptKeyWrap()
    try:
        out = wrapper.wrap(secret, blob) if mode == b"wrap" else wrapper.unwrap(secret, blob)
    except VaultLocked:
        return EXIT_WRONG_SECRET
    except VaultDamaged as error:
        return EXIT_WORK_FACTOR if error.key == "crypto.work_factor" else EXIT_DAMAGED
    except DentelleError:
        return EXIT_DAMAGED
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
