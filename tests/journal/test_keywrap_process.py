"""Scrypt in a child process: same results as in-process, and the caller's threads run."""

from __future__ import annotations

import threading
import time

import pytest

from journal.errors import VaultLocked
from journal.keywrap_process import SubprocessKeyWrap
from tests.conftest import GOLDEN, GOLDEN_IDENTITY, GOLDEN_PASSPHRASE


@pytest.mark.slow
def test_unwrap_in_a_child_process_leaves_threads_running() -> None:
    blob = (GOLDEN / "identity.age").read_bytes()
    ticks: list[float] = []
    done = threading.Event()

    def ticker() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.01)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        secret = SubprocessKeyWrap().unwrap(GOLDEN_PASSPHRASE, blob)
    finally:
        done.set()
        thread.join()
    assert secret.decode().strip() == str(GOLDEN_IDENTITY)
    longest_stall = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    # In-process pyrage gives the other thread about one tick in 2 s; here it keeps ticking.
    assert len(ticks) > 50
    assert longest_stall < 0.5
    with pytest.raises(VaultLocked):
        SubprocessKeyWrap().unwrap("wrong", blob)


def test_a_too_high_work_factor_keeps_its_message_across_the_pipe() -> None:
    from journal import agefile
    from journal.errors import VaultDamaged

    blob = agefile.encrypt(b"x", "p", work_factor=10).replace(b" 10\n", b" 30\n", 1)
    with pytest.raises(VaultDamaged) as caught:
        SubprocessKeyWrap().unwrap("p", blob)
    assert caught.value.key == "crypto.work_factor"
    assert caught.value.params["n"] == 30
