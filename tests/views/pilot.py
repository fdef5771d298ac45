"""What the Pilot tests of the app share: vaults to fill, the app, and ways to wait.

Every test module under tests/views imports its helpers from here, never from another
test module (tests/conftest.py keeps the fixtures). Vaults are the conftest's: real
SQLite and real age files under the golden identity, with `MemoKeyWrap` so unlocking
with `GOLDEN_PASSPHRASE` costs no scrypt. Time is fixed (`NOW`, Saturday 28 November
2026).

Waiting. A test never sleeps a fixed time (`pilot.pause(0.3)`): on a busy machine (CI
beside other work) anything can take longer than the figure, and the test fails for
nothing. It waits for what it needs instead, as long as it takes, up to `WAIT_TIMEOUT`
(generous: a slow machine is not a failure; only a condition that never comes is):

| helper                      | returns once                                             |
|-----------------------------|----------------------------------------------------------|
| `wait_for(pilot, condition)`| `condition()` is true (checked after each `pilot.pause()`)|
| `settle(pilot)`             | no worker is pending or running and every message is     |
|                             | handled, twice in a row                                  |
| `wait_for_search(pilot)`    | the search screen shows the final answer to its field    |
| `palette(pilot, words)`     | the palette has typed `words` and lists their hits       |
| `steady(pilot)`             | settled, animations done, the screen drawn alike 3 times |

`pilot.pause()` without a number is fine: it waits for pending messages and idle, a
step, not a guess at a duration.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from textual.command import CommandInput, CommandList, CommandPalette
from textual.css.query import QueryError
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerState

from journal.retention import keep_with_reason
from journal.rhythm import parse_rhythm
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE
from views.app import make_app
from views.screens.editor import EditorScreen
from views.screens.people import PeopleScreen
from views.screens.search import SearchScreen
from views.screens.timeline import TimelineScreen
from views.screens.unlock import UnlockScreen
from views.shell import DentelleApp

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 32)
"""The terminal of the Pilot tests."""
SNAPSHOT_SIZE = (80, 24)
"""The terminal of the snapshots: the smallest the app is made for."""
LANGS = ["fr", "en"]

WAIT_TIMEOUT = 30.0
"""Seconds before a wait gives up. Generous on purpose: never make it short."""


def fixed_clock() -> datetime:
    return NOW


# -- vaults ---------------------------------------------------------------------------


def fill(vault: Vault) -> dict[str, str]:
    """Three people; the Martins have a story across two years. Returns name → id."""
    with vault.open(GOLDEN_IDENTITY, clock=fixed_clock) as journal:
        martin = journal.add_person("Famille Martin", "Deux enfants, Léa et Tom.")
        for day, text in [
            (date(2025, 3, 12), "Première rencontre à la permanence."),
            (date(2025, 4, 2), "Visite à domicile avec Léa."),
            (date(2026, 10, 5), "Retour après une longue pause."),
            (date(2026, 11, 20), "Point sur l'école de Tom."),
        ]:
            written = datetime.combine(day, datetime.min.time(), NOW.tzinfo) + timedelta(hours=18)
            journal.add_entry(martin.id, day, text, written_at=written)
        jeanne = journal.add_person("Jeanne Dupré")
        elodie = journal.add_person("Élodie Noël")
    return {"martin": martin.id, "jeanne": jeanne.id, "elodie": elodie.id}


def fill_searchable(vault: Vault) -> dict[str, str]:
    """`fill`'s people, and an accented word in one of Martin's older entries."""
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        written = NOW - timedelta(days=200)
        entry = journal.add_entry(
            ids["martin"],
            date(2026, 5, 4),
            "Facture d'électricité impayée : rendez-vous pris avec le fournisseur.",
            written_at=written,
        )
        journal.add_entry(ids["jeanne"], date(2026, 9, 1), "Premier échange au téléphone.")
        for n in range(20):  # a long story: the entry found is far from both ends
            for start in (date(2025, 6, 2), date(2026, 5, 11)):
                day = start + timedelta(days=4 * n)
                journal.add_entry(ids["martin"], day, f"Passage à la permanence ({n}).")
    return {**ids, "electricity": entry.id}


def fill_rhythms(vault: Vault) -> dict[str, str]:
    """Jeanne is expected this week; Élodie has not been seen for longer than usual."""
    ids = fill(vault)
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        for key, day in [("jeanne", date(2026, 11, 24)), ("elodie", date(2026, 10, 8))]:
            written = datetime.combine(day, datetime.min.time(), NOW.tzinfo) + timedelta(hours=18)
            journal.add_entry(ids[key], day, "Rencontre.", written_at=written)
        for key, said in [("jeanne", "toutes les semaines"), ("elodie", "tous les mois")]:
            journal.update_person(ids[key], extra={"rhythm": parse_rhythm(said).to_json()})
    return ids


def add_old_people(vault: Vault) -> dict[str, str]:
    """Two people past two years (one kept before, due again), one who came back."""
    with vault.open(GOLDEN_IDENTITY, clock=lambda: NOW) as journal:
        ids = {}
        for key, name, day in [
            ("yvette", "Yvette Ancienne", date(2023, 5, 2)),
            ("paul", "Paul Lointain", date(2024, 9, 1)),
            ("back", "Revenu Récemment", date(2023, 1, 1)),
        ]:
            person = journal.add_person(name)
            journal.add_entry(person.id, day, "Une visite.")
            ids[key] = person.id
        journal.add_entry(ids["back"], date(2026, 10, 20), "Il est revenu.")
        keep_with_reason(journal, ids["paul"], "Procédure en cours.", date(2026, 3, 1), 6)
    return ids


# -- the app ----------------------------------------------------------------------------


def app_for(vault: Vault, lang: str = "fr", **kwargs) -> DentelleApp:
    return make_app(vault, lang=lang, clock=fixed_clock, **kwargs)


def timeline_text(app: DentelleApp) -> list[str]:
    view = app.screen.query_one("#timeline")
    return ["".join(text for text, _style in line) for line in view._lines]


def screen_text(app) -> str:
    """What the terminal would receive for the whole screen, escape codes included."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def assert_locked(app: DentelleApp, *secrets: str) -> None:
    """The journal is closed, only the unlock screen is left, and no secret is shown."""
    assert app.journal is None
    assert isinstance(app.screen, UnlockScreen)
    assert len(app.screen_stack) == 2  # Textual's blank default screen, then unlock
    for screen in app.screen_stack:
        assert not isinstance(screen, (PeopleScreen, TimelineScreen, EditorScreen))
        for widget in screen.query("*"):
            shown = str(widget.render()) if hasattr(widget, "render") else ""
            for secret in secrets:
                assert secret not in shown
    output = screen_text(app)
    for secret in secrets:
        assert secret not in output


# -- waiting ----------------------------------------------------------------------------


def _describe(condition: Callable[[], object]) -> str:
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return repr(condition)


async def wait_for(
    pilot,
    condition: Callable[[], object],
    *,
    timeout: float = WAIT_TIMEOUT,
    message: str | None = None,
    steady: bool = False,
) -> None:
    """Pump the app (`pilot.pause()`) until `condition()` is true.

    A `QueryError` from the condition (the widget it reads is not mounted yet) counts
    as "not yet". With `steady`, the condition must still hold after one more pause,
    that is once the messages pending when it first held are handled (a worker that
    just finished has posted its result, not yet seen by the screen).
    Fails with `message` (or the condition's source) after `timeout` seconds.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    last_error: QueryError | None = None
    held = False
    while True:
        try:
            holds = bool(condition())
            last_error = None
        except QueryError as error:
            holds, last_error = False, error
        if holds and (held or not steady):
            return
        held = holds
        if app._exception is not None:
            raise AssertionError(
                f"the app failed while waiting for: {message or _describe(condition)}"
            ) from app._exception
        if time.monotonic() > deadline:
            detail = f" (last: {last_error!r})" if last_error is not None else ""
            raise AssertionError(
                f"still waiting after {timeout:g} s for: {message or _describe(condition)}{detail}"
            )
        await pilot.pause()


def _active_workers(app) -> list:
    return [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]


def _pending_messages(app) -> bool:
    """Does any message pump of the app (app, screens, widgets) have messages queued?"""
    pumps = [app]
    for screen in app.screen_stack:
        pumps.extend(screen.walk_children(with_self=True))
    return any(pump.message_queue_size for pump in pumps)


async def settle(pilot, *, timeout: float = WAIT_TIMEOUT) -> None:
    """Wait until no worker is pending or running and their messages are handled.

    Rounds of (wait for the workers, one `pilot.pause()`), until two rounds in a row
    find no worker and no message queued anywhere: what a worker's result started (a
    screen pushed, another worker) has happened too. Timers still to fire are not
    waited for (the search index starts 2 s after the people list, for one). A worker
    that failed raises `WorkerFailed`, as `app.workers.wait_for_complete()` does; a
    worker cancelled (a newer one in its group replaced it) is not an error.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:
        busy = _active_workers(app)
        for worker in busy:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            with contextlib.suppress(WorkerCancelled):  # replaced by a newer one: fine
                await _wait_worker(worker, remaining)
        await pilot.pause()
        quiet = 0 if busy or _pending_messages(app) else quiet + 1
        if time.monotonic() > deadline:
            still = [f"{w.group}/{w.name}" for w in _active_workers(app)]
            raise AssertionError(f"not settled after {timeout:g} s; workers running: {still}")


async def _wait_worker(worker, timeout: float) -> None:
    """Wait for `worker` up to `timeout` s; then raise what it raised, if it is done."""
    task = worker._task  # Worker.wait() has no timeout; waiting on its task leaves it be
    if task is None:
        return
    await asyncio.wait([task], timeout=timeout)
    if task.done():
        await worker.wait()


async def steady(pilot, *, timeout: float = WAIT_TIMEOUT) -> None:
    """For a snapshot: settled, animations over, and the screen drawn alike 3 times.

    The footer recomposes after the bindings change, a moment after the screen is up:
    waiting for three identical renders in a row lets it, so the shot is stable.
    """
    deadline = time.monotonic() + timeout
    shown, alike = None, 0
    while alike < 3:
        await settle(pilot, timeout=max(1.0, deadline - time.monotonic()))
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        now_shown = screen_text(pilot.app)
        alike = alike + 1 if now_shown == shown else 1
        shown = now_shown
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen still changed after {timeout:g} s")


# -- doing --------------------------------------------------------------------------


async def unlock(pilot, passphrase: str = GOLDEN_PASSPHRASE) -> None:
    pilot.app.screen.query_one("#passphrase", Input).value = passphrase
    await pilot.press("enter")
    await settle(pilot)


async def open_person(pilot, part_of_name: str) -> None:
    await pilot.press(*part_of_name)
    await pilot.press("enter")
    await settle(pilot)


def search_answered(screen: SearchScreen) -> bool:
    """The screen shows its final answer to the text in its field (`SearchScreen.answered`)."""
    return screen.answered


async def wait_for_search(pilot, *, timeout: float = WAIT_TIMEOUT) -> None:
    """After typing in the search screen: its debounce, its search, its answer shown."""
    app = pilot.app

    def answered() -> bool:
        return isinstance(app.screen, SearchScreen) and search_answered(app.screen)

    await wait_for(
        pilot,
        answered,
        timeout=timeout,
        message="the search screen to show its answer to what is typed",
        steady=True,
    )


def palette_ready(app, words: str) -> bool:
    """The palette on top has `words` typed and shows the hits of its search for them."""
    palette = app.screen
    if not isinstance(palette, CommandPalette):
        return False
    if palette.query_one(CommandInput).value != words:
        return False
    gathering = [w for w in palette.workers if w.node is palette and not w.is_finished]
    return not gathering and palette.query_one(CommandList).option_count > 0


async def palette(pilot, words: str, *, timeout: float = WAIT_TIMEOUT) -> CommandList:
    """Open the palette (ctrl+p), type `words`, wait for their hits; returns the list."""
    await pilot.press("ctrl+p", *words)
    await wait_for(
        pilot,
        lambda: palette_ready(pilot.app, words),
        timeout=timeout,
        message=f"the palette's hits for {words!r}",
        steady=True,
    )
    return pilot.app.screen.query_one(CommandList)
