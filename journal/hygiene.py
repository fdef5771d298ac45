"""Process hygiene: no core dump, no ptrace by other processes of the same user.

A core of a `dentelle` process waiting at a confirmation held the passphrase three
times and the master X25519 secret; a crash report tool or a `ulimit -c unlimited`
shell would have written it to disk in clear. `harden_process` is called first by the
CLI (`views.cli.cli`), the app (`views.app.run_app`) and the scrypt child process
(`journal.keywrap_process`, which holds the passphrase and the secret too: the
"not dumpable" flag is reset by `exec`, the core limit is inherited).
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>


def harden_process() -> None:
    """Core size limit 0 (soft and hard, so a child cannot raise it) and, on Linux,
    the process not dumpable: no core, and /proc/<pid>/mem, environ and ptrace closed to
    other processes of the user. A no-op where the system has neither; never fails."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
