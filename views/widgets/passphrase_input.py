"""A hidden passphrase field that never hands its value to the clipboard.

Textual's `Input(password=True)` still copies and cuts: ctrl+c sends the passphrase to
the terminal's clipboard (OSC 52), where clipboard managers keep a history.
"""

from __future__ import annotations

from textual.widgets import Input


class PassphraseInput(Input):
    """`Input(password=True)` without copy and cut."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("password", True)
        super().__init__(**kwargs)

    def action_copy(self) -> None:
        self.app.bell()

    def action_cut(self) -> None:
        self.app.bell()

    def on_mount(self) -> None:
        self.cursor_blink = False  # steady snapshots; a blinking caret adds nothing here
