"""The waiting helpers of tests/views/pilot.py: a helper that cannot fail hides failures."""

from __future__ import annotations

import threading
import time

import pytest
from textual import work
from textual.app import App
from textual.message import Message

from tests.views.pilot import settle, wait_for


class Chain(App):
    """A worker whose result starts a second worker, whose result is recorded."""

    class Step(Message):
        def __init__(self, n: int) -> None:
            super().__init__()
            self.n = n

    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release
        self.steps: list[int] = []

    @work(thread=True)
    def step(self, n: int) -> None:
        self.release.wait(30)
        time.sleep(0.1)  # longer than a `pilot.pause()` on an idle machine
        self.post_message(self.Step(n))

    def on_chain_step(self, message: Step) -> None:
        self.steps.append(message.n)
        if message.n < 3:
            self.step(message.n + 1)


async def test_wait_for_returns_once_the_condition_holds() -> None:
    app = Chain(threading.Event())
    async with app.run_test() as pilot:
        app.set_timer(0.3, lambda: app.steps.append(0))
        await wait_for(pilot, lambda: app.steps == [0])
        assert app.steps == [0]


async def test_wait_for_fails_saying_what_it_waited_for() -> None:
    app = Chain(threading.Event())
    async with app.run_test() as pilot:
        with pytest.raises(AssertionError, match=r"still waiting after 0.2 s for: .*never"):
            await wait_for(pilot, lambda: app.steps == ["never"], timeout=0.2)
        with pytest.raises(AssertionError, match="the answer"):
            await wait_for(pilot, lambda: False, timeout=0.2, message="the answer")


async def test_settle_waits_for_what_a_workers_result_starts() -> None:
    release = threading.Event()
    app = Chain(release)
    async with app.run_test() as pilot:
        app.step(1)
        release.set()
        await settle(pilot)
        assert app.steps == [1, 2, 3]


async def test_settle_gives_up_on_a_worker_that_never_ends() -> None:
    release = threading.Event()
    app = Chain(release)
    try:
        async with app.run_test() as pilot:
            app.step(1)
            with pytest.raises(AssertionError, match="not settled after 0.3 s.*step"):
                await settle(pilot, timeout=0.3)
            release.set()
            await settle(pilot)
    finally:
        release.set()
