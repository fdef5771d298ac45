"""Notifications held while a screen turned towards a person is up (the reading view).

Textual shows a toast on whatever screen is on top; a notice such as "Jeanne Dupré
oubliée" or a backup's end must not appear while a person reads their story with the
worker. `DentelleApp.notify` hands every notification here: shown at once, or kept
until the reading view is left. Held notices that meet a lock are dropped (the lock
clears every toast: they may name a person).
"""

from __future__ import annotations

from collections.abc import Callable


class Notices:
    """Show notifications now, or hold them while `holding`."""

    def __init__(self) -> None:
        self._held: list[Callable[[], None]] | None = None

    @property
    def holding(self) -> bool:
        return self._held is not None

    def show(self, notify: Callable[[], None]) -> None:
        """Run `notify` (Textual's own) now, or later if held."""
        if self._held is not None:
            self._held.append(notify)
        else:
            notify()

    def hold(self) -> None:
        if self._held is None:
            self._held = []

    def release(self, show_held: bool) -> None:
        """Stop holding; show what was held if `show_held` (else drop it)."""
        held, self._held = self._held or [], None
        if show_held:
            for notify in held:
                notify()
