"""The open journal of the app, and when it closes: a lock (ctrl+l), idleness, the exit.

The unlock and first-run screens hand the journal over (`DentelleApp.journal_opened`);
from then on it is read through `DentelleApp.journal` (this session's). Closing stops
the thread workers reading it first: closing a SQLite connection under a thread that
is using it crashed the process. Those workers are the ones whose group starts with
"journal-" (`DentelleScreen.load_in_worker`, the search index, the backup).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from journal.store import Journal

JOURNAL_WORKERS = "journal-"
"""The group prefix of every worker that reads the journal."""


def idle_seconds_clock() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps.

    `time.monotonic` stops during suspend on Linux: a laptop closed for an hour would
    wake up still unlocked. CLOCK_BOOTTIME includes the time asleep.
    """
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()  # pragma: no cover


class Session:
    """Holds the journal between unlock and lock, and counts the time since the last key."""

    def __init__(self, app: App, idle_lock_minutes: float) -> None:
        self._app = app
        self.journal: Journal | None = None
        self.idle_clock: Callable[[], float] = idle_seconds_clock
        self.idle_lock_seconds = max(1.0, float(idle_lock_minutes) * 60)
        self._last_input = self.idle_clock()

    def open(self, journal: Journal) -> None:
        """The journal was unlocked (or created): it is the session's now."""
        self.journal = journal
        self.touch()

    def touch(self) -> None:
        """The worker is there (a key, a click): the idle count starts again."""
        self._last_input = self.idle_clock()

    def idle_too_long(self) -> bool:
        """Open, and nobody touched a key for longer than the idle lock allows."""
        idle = self.idle_clock() - self._last_input
        return self.journal is not None and idle >= self.idle_lock_seconds

    async def close(self, quiet: bool = False) -> None:
        """Let the workers reading the journal finish, then close it (its keys go with it).

        `quiet`: at the exit, a journal that fails to close says nothing.
        """
        await self.stop_journal_workers()
        journal, self.journal = self.journal, None
        if journal is None:
            return
        if quiet:
            with contextlib.suppress(Exception):
                journal.close()
        else:
            journal.close()

    async def stop_journal_workers(self) -> None:
        """Cancel the workers reading the journal and wait (3 s at most each) for them to end."""
        workers = self._app.workers
        running = [w for w in workers if w.group.startswith(JOURNAL_WORKERS) and w.is_running]
        for worker in running:
            worker.cancel()
        for worker in running:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(worker.wait(), timeout=3)
