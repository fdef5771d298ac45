"""`dentelle` in a real process with the tests' seams: `python -m tests.views.real_process ARGS`.

For what only a real process shows (the locale, the encoding of its streams, argv
bytes, its limits): keys come from `MemoKeyWrap` (no scrypt, as in the CliRunner
tests), the clock from `TickingClock`. `DENTELLE_TEST_TTY=1` makes standard input count
as a terminal (confirmations are asked); `DENTELLE_TEST_REPORT=1` makes each prompt
first write, on standard error, what the process sees of itself: "dumpable=N core=S,H".
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys
from datetime import datetime, timedelta, timezone

import click

from tests.conftest import MemoKeyWrap, TickingClock
from views.cli import Seams, cli

PR_GET_DUMPABLE = 3


def report_then(prompt):  # noqa: ANN001, ANN202 - wraps click.prompt as is
    def reporting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        dumpable = ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        sys.stderr.write(f"dumpable={dumpable} core={soft},{hard}\n")
        sys.stderr.flush()
        return prompt(*args, **kwargs)

    return reporting


if __name__ == "__main__":
    if os.environ.get("DENTELLE_TEST_REPORT") == "1":
        click.prompt = report_then(click.prompt)
    tty = os.environ.get("DENTELLE_TEST_TTY") == "1"
    clock = TickingClock(datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=1))))
    seams = Seams(keywrap=MemoKeyWrap(), clock=clock, stdin_is_tty=lambda: tty)
    cli.main(prog_name="dentelle", obj=seams)
