"""The unlock screen: a hidden passphrase, a live "unlocking…" state, a clear refusal.

scrypt runs in a child process (`journal.keywrap_process.SubprocessKeyWrap`, set by
`run_app`): the thread worker below only waits on a pipe, with the GIL released, so the
spinner keeps turning and keys keep working (measured in tests/bench/bench_app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Footer, Input, Static

from journal.errors import DentelleError, VaultLocked
from journal.i18n import translate
from journal.vault import Vault
from views.screens.base import DentelleScreen
from views.ui import literal
from views.widgets.passphrase_input import PassphraseInput

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
WRONG_BEFORE_RECOVERY = 3
"""From the third wrong passphrase in a row, the refusal names the recovery code and
`dentelle recover` (the only way back in when the passphrase is forgotten)."""


class UnlockScreen(DentelleScreen):
    """Ask for the passphrase; hand the open journal to the app."""

    BINDING_GROUP_TITLE = "key.group.unlock"
    BINDINGS = [
        Binding("enter", "unlock", "key.unlock.unlock", id="unlock.unlock", show=True),
        Binding("ctrl+q", "app.quit", "key.app.quit", id="unlock.quit"),
    ]

    class Unlocked(Message):
        """The passphrase was right and the vault is open."""

        def __init__(self, journal) -> None:
            super().__init__()
            self.journal = journal

    class Refused(Message):
        """The passphrase was wrong, or the vault could not be opened (`message` says why)."""

        def __init__(self, message: str, wrong_passphrase: bool) -> None:
            super().__init__()
            self.message = message
            self.wrong_passphrase = wrong_passphrase

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self._spin = 0
        self.wrong_count = 0
        """Wrong passphrases in a row: from the third, the recovery code is named."""

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="unlock-box", classes="box"):
            yield Static(literal("Dentelle"), id="unlock-title", classes="title")
            yield Static(self.t("unlock.tagline"), markup=False, classes="muted")
            yield Static(self.t("unlock.label"), markup=False, classes="label")
            yield PassphraseInput(placeholder=self.t("unlock.placeholder"), id="passphrase")
            yield Static("", id="unlock-status", markup=False)
            demo = self.app.demo_passphrase
            if demo:
                yield Static(
                    self.t("unlock.demo", passphrase=demo),
                    markup=False,
                    id="unlock-demo",
                    classes="notice",
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_unlock()

    def action_unlock(self) -> None:
        field = self.query_one("#passphrase", Input)
        passphrase = field.value
        if self.busy or not passphrase:
            return
        field.value = ""  # the widget forgets it at once; the worker holds it until done
        self.busy = True
        field.disabled = True
        self._show_status(self.t("unlock.working"))
        self._spinner = self.set_interval(0.1, self._turn)
        app = self.app
        self._unlock(app.vault, passphrase, app.clock, self.lang)

    def _turn(self) -> None:
        self._spin = (self._spin + 1) % len(SPINNER)
        self._show_status(f"{SPINNER[self._spin]} {self.t('unlock.working')}")

    def _show_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(text)
        status.set_class(error, "error")

    @work(thread=True, exclusive=True, exit_on_error=False, group="unlock")
    def _unlock(
        self, vault: Vault, passphrase: str, clock: Callable[[], datetime], lang: str
    ) -> None:
        try:
            identity = vault.unwrap_identity(passphrase)
            journal = vault.open(identity, clock=clock)
        except VaultLocked:
            self.post_message(self.Refused("", wrong_passphrase=True))
        except DentelleError as error:
            self.post_message(self.Refused(error.message(lang), wrong_passphrase=False))
        except Exception as error:  # noqa: BLE001 (shown by type only: no data in it)
            message = translate("app.unexpected", lang, kind=type(error).__name__)
            self.post_message(self.Refused(message, wrong_passphrase=False))
        else:
            self.post_message(self.Unlocked(journal))

    def _done(self) -> None:
        self.busy = False
        if getattr(self, "_spinner", None) is not None:
            self._spinner.stop()
            self._spinner = None
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        self._done()
        if event.wrong_passphrase:
            self.wrong_count += 1
            again = self.wrong_count >= WRONG_BEFORE_RECOVERY
            message = self.t("unlock.wrong_again" if again else "unlock.wrong")
        else:
            message = event.message
        self._show_status(message, error=True)

    @on(Unlocked)
    def _unlocked(self, event: Unlocked) -> None:
        self._done()
        self._show_status("")
        self.app.journal_opened(event.journal)
