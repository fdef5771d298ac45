"""Benchmarks of the terminal app on the 1,000-person / 50,000-entry service vault.

    python tests/bench/bench_app.py [--runs 5]

What is measured, inside the running app (Textual's headless `run_test`, 80×24), from
the moment the action starts until the screen has painted the result (the lazy lists
count the lines they draw, so "painted" means lines really went to the compositor):

1. opening the person with ~1,000 entries until the timeline is painted;
2. each keystroke in the people filter until the list is repainted;
3. from the passphrase accepted to the people list painted. scrypt is *not* in this
   figure: the vault's key wrapper is replaced by one that hands back the golden
   identity at once (`InjectedKeyWrap`), so the figure is everything after scrypt;
4. the longest event-loop stall while unlocking with the real `SubprocessKeyWrap`
   (scrypt in a child process), measured by a 10 ms ticker; the same with scrypt in a
   thread of the app's process is shown for comparison (pyrage holds the GIL).

The vault comes from tests/bench/make_vault.py (built once, cached); each run works
on a private copy.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal import crypto  # noqa: E402
from journal.crypto import ScryptKeyWrap  # noqa: E402
from journal.keywrap_process import SubprocessKeyWrap  # noqa: E402
from journal.vault import Vault  # noqa: E402
from tests.bench.make_vault import (  # noqa: E402
    GOLDEN_PASSPHRASE,
    TODAY,
    copy_vault,
    first_person_id,
    golden_identity,
)

SIZE = (80, 24)


class InjectedKeyWrap:
    """Hands back the golden identity for the golden passphrase, with no scrypt."""

    def __init__(self) -> None:
        self.secret = crypto.identity_to_bytes(golden_identity())

    def wrap(self, secret: str, payload: bytes) -> bytes:  # pragma: no cover
        raise NotImplementedError

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        if secret != GOLDEN_PASSPHRASE:
            from journal.errors import VaultLocked

            raise VaultLocked("crypto.wrong_secret")
        return self.secret


def make(vault: Vault, keywrap=None):
    from datetime import datetime

    from views.app import make_app

    noon = datetime.combine(TODAY, datetime.min.time()).replace(hour=12).astimezone()
    return make_app(vault, lang="fr", keywrap=keywrap, clock=lambda: noon)


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.001)


async def unlocked_app(vault: Vault, keywrap, body: Callable[..., Awaitable[None]]) -> None:
    """Run `body(app, pilot)` once the people list is loaded and painted."""
    app = make(vault, keywrap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await start_unlock(app)
        await until(lambda: people_painted(app))
        await body(app, pilot)


async def start_unlock(app) -> None:
    screen = app.screen
    screen.query_one("#passphrase").value = GOLDEN_PASSPHRASE
    screen.action_unlock()


def people_painted(app) -> bool:
    from views.screens.people import PeopleScreen

    screen = app.screen
    if not isinstance(screen, PeopleScreen) or not screen.loaded:
        return False
    return screen.query_one("#people").painted > 0


# -- the measures -------------------------------------------------------------------


async def measure_unlock_to_people(vault: Vault, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        app = make(vault, InjectedKeyWrap())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await start_unlock(app)
            await until(lambda: people_painted(app))  # noqa: B023
            times.append(time.perf_counter() - start)
    return times


async def measure_open_person(vault: Vault, person_id: str, runs: int) -> tuple[list[float], int]:
    times: list[float] = []
    count = 0

    async def body(app, pilot) -> None:
        nonlocal count
        from views.screens.timeline import EntryRow, TimelineScreen

        for _ in range(runs):
            start = time.perf_counter()
            await app.show_person(person_id)

            def painted() -> bool:
                screen = app.screen
                return (
                    isinstance(screen, TimelineScreen)
                    and screen.loaded
                    and screen.query_one("#timeline").painted > 0
                )

            await until(painted)
            times.append(time.perf_counter() - start)
            count = sum(1 for row in app.screen.rows if isinstance(row, EntryRow))
            await app.show_people()
            await pilot.pause()

    await unlocked_app(vault, InjectedKeyWrap(), body)
    return times, count


async def measure_filter_keystrokes(vault: Vault, runs: int) -> tuple[list[float], int]:
    times: list[float] = []
    people_count = 0
    typed = ["m", "a", "r", "i", "e", "", "", "", "", "", "l", "e", "f", "", "", ""]

    async def body(app, pilot) -> None:
        nonlocal people_count
        screen = app.screen
        field = screen.query_one("#filter")
        people = screen.query_one("#people")
        people_count = people.row_count
        for _ in range(runs):
            for key in typed:
                value = field.value + key if key else field.value[:-1]
                before = people.painted
                start = time.perf_counter()
                field.value = value  # what a keystroke does; Input.Changed follows

                def repainted() -> bool:
                    return people.painted > before and screen.applied_filter == value  # noqa: B023

                await until(repainted)
                times.append(time.perf_counter() - start)

    await unlocked_app(vault, InjectedKeyWrap(), body)
    return times, people_count


async def measure_unlock_stall(vault: Vault, keywrap, runs: int) -> tuple[list[float], list[float]]:
    """(longest stall during scrypt, scrypt-and-open time) for each run."""
    stalls, durations = [], []
    for _ in range(runs):
        app = make(vault, keywrap)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            ticks: list[float] = []
            ticker = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))  # noqa: B023
            await asyncio.sleep(0.05)
            start = time.perf_counter()
            ticks.append(start)
            await start_unlock(app)
            await until(lambda: app.journal is not None, timeout=120)  # noqa: B023
            end = time.perf_counter()
            ticks.append(end)
            ticker.stop()
            stalls.append(max(b - a for a, b in zip(ticks, ticks[1:], strict=False)))
            durations.append(end - start)
            await until(lambda: people_painted(app))  # noqa: B023
    return stalls, durations


# -- report -------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def row(name: str, values: list[float], target: str) -> str:
    median = statistics.median(values)
    return (
        f"| {name} | {ms(median)} | {ms(min(values))} | {ms(max(values))} "
        f"| {len(values)} | {target} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-inprocess", action="store_true", help="skip the GIL comparison")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dentelle-bench-app-") as tmp:
        vault = copy_vault("service", Path(tmp) / "vault")
        person_id = first_person_id(vault)

        unlock_times = asyncio.run(measure_unlock_to_people(vault, args.runs))
        open_times, entry_count = asyncio.run(measure_open_person(vault, person_id, args.runs))
        key_times, people_count = asyncio.run(measure_filter_keystrokes(vault, args.runs))
        stalls, scrypt_times = asyncio.run(
            measure_unlock_stall(vault, SubprocessKeyWrap(), max(2, args.runs // 2))
        )
        inprocess = None
        if not args.skip_inprocess:
            inprocess = asyncio.run(measure_unlock_stall(vault, ScryptKeyWrap(), 1))

    print(f"Service vault: {people_count:,} people, 50,000 entries; person 0: {entry_count:,}.")
    print("Headless Textual at 80×24; times until the result is painted; medians.\n")
    print("| measure | median | min | max | runs | target |")
    print("|---|---:|---:|---:|---:|---|")
    print(row(f"open a {entry_count:,}-entry timeline, painted", open_times, "≤ 300 ms"))
    print(row("one keystroke in the people filter, repainted", key_times, "≤ 50 ms"))
    print(
        row(
            "passphrase accepted → people list painted (scrypt injected)",
            unlock_times,
            "≤ 500 ms beyond scrypt",
        )
    )
    print(row("longest loop stall, unlock with SubprocessKeyWrap", stalls, "≤ 100 ms"))
    print(row("  (that unlock: scrypt + open)", scrypt_times, "—"))
    if inprocess is not None:
        print(row("longest loop stall, scrypt in an app thread (why not)", inprocess[0], "(ref.)"))


if __name__ == "__main__":
    main()
