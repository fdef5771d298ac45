"""First run: a short welcome, a passphrase chosen twice, the recovery code shown once.

The vault is created in a thread worker: with `SubprocessKeyWrap` the two scrypt wraps
(~4 s each) run in child processes, so the "creating…" state stays live. The worker
cannot leave this screen before confirming that the recovery code is written down:
it is the only way back in if the passphrase is forgotten, and it is never shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, ContentSwitcher, Footer, Input, Static

from journal.errors import DentelleError, WeakPassphrase
from journal.i18n import translate
from journal.passphrase import check_strength, verdict
from journal.vault import Vault
from views.screens.base import DentelleScreen
from views.ui import literal
from views.widgets.passphrase_input import PassphraseInput

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class FirstRunScreen(DentelleScreen):
    """Welcome → passphrase twice → creating → recovery code → the people list."""

    BINDING_GROUP_TITLE = "key.group.first_run"
    BINDINGS = [
        Binding("escape", "back", "key.first_run.back", id="first-run.back"),
        # Priority: what is typed right after Enter lands in the second field (as Tab).
        Binding("enter", "to_second", "key.first_run.to_second", show=False, priority=True),
    ]

    class Created(Message):
        """The vault exists and is open; the recovery code must now be shown."""

        def __init__(self, journal, recovery_code: str) -> None:
            super().__init__()
            self.journal = journal
            self.recovery_code = recovery_code

    class Failed(Message):
        """The vault could not be created (`message` says why)."""

        def __init__(self, message: str) -> None:
            super().__init__()
            self.message = message

    def __init__(self) -> None:
        super().__init__()
        self._journal = None
        self._spin = 0
        self._spinner = None

    def compose(self) -> ComposeResult:
        with Center(), Vertical(classes="box", id="first-run-box"):
            yield Static(literal("Dentelle"), classes="title")
            with ContentSwitcher(initial="welcome", id="steps"):
                with Vertical(id="welcome"):
                    yield Static(self.t("first.welcome"), markup=False)
                    yield Button(self.t("first.start"), id="start", variant="primary")
                with Vertical(id="choose"):
                    yield Static(self.t("first.choose"), markup=False, classes="label")
                    yield PassphraseInput(placeholder=self.t("first.first"), id="new1")
                    yield PassphraseInput(placeholder=self.t("first.second"), id="new2")
                    yield Static("", id="strength", markup=False)
                    yield Static("", id="choose-status", markup=False, classes="error")
                with Vertical(id="creating"):
                    yield Static("", id="creating-status", markup=False)
                with Vertical(id="recovery"):
                    yield Static(self.t("first.recovery_intro"), markup=False)
                    yield Static("", id="recovery-code", markup=False, classes="code")
                    yield Static(self.t("first.recovery_why"), markup=False, classes="muted")
                    yield Checkbox(self.t("first.written"), id="written")
                    yield Button(self.t("first.continue"), id="continue", disabled=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()
        self._update_strength("")

    # -- steps --------------------------------------------------------------------

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.query_one("#steps", ContentSwitcher).current = "choose"
        self.query_one("#new1", Input).focus()

    def action_back(self) -> None:
        switcher = self.query_one("#steps", ContentSwitcher)
        if switcher.current == "choose":
            switcher.current = "welcome"
            self.query_one("#start", Button).focus()

    @on(Input.Changed, "#new1")
    def _typed(self, event: Input.Changed) -> None:
        self._update_strength(event.value)

    def _update_strength(self, passphrase: str) -> None:
        """The estimate, live: why not yet, or how long guessing it would take (✓ / ✗,
        not colour)."""
        strong, sentence = verdict(passphrase, self.lang)
        mark = "✓" if strong else "✗"
        self.query_one("#strength", Static).update(f"{self.t('first.rule')}\n{mark} {sentence}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_second":  # only from the first field
            return self.focused is not None and self.focused.id == "new1"
        return True

    def action_to_second(self) -> None:
        self.set_focus(self.query_one("#new2", Input))

    @on(Input.Submitted, "#new2")
    def _second_done(self) -> None:
        first = self.query_one("#new1", Input)
        second = self.query_one("#new2", Input)
        status = self.query_one("#choose-status", Static)
        try:
            check_strength(first.value)
        except WeakPassphrase as weak:
            status.update(weak.message(self.lang))
            first.focus()
            return
        if first.value != second.value:
            status.update(translate("passphrase.mismatch", self.lang))
            second.value = ""
            second.focus()
            return
        passphrase = first.value
        first.value = second.value = ""
        status.update("")
        self.query_one("#steps", ContentSwitcher).current = "creating"
        self._spinner = self.set_interval(0.1, self._turn)
        self._turn()
        app = self.app
        self._create(app.vault, passphrase, app.clock, self.lang)

    def _turn(self) -> None:
        self._spin = (self._spin + 1) % len(SPINNER)
        text = f"{SPINNER[self._spin]} {self.t('first.creating')}"
        self.query_one("#creating-status", Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="create")
    def _create(
        self, vault: Vault, passphrase: str, clock: Callable[[], datetime], lang: str
    ) -> None:
        try:
            created = vault.create(passphrase)
            journal = vault.open(created.identity, clock=clock)
        except DentelleError as error:
            self.post_message(self.Failed(error.message(lang)))
        except Exception as error:  # noqa: BLE001 (shown by type only)
            self.post_message(
                self.Failed(translate("app.unexpected", lang, kind=type(error).__name__))
            )
        else:
            self.post_message(self.Created(journal, created.recovery_code))

    def _stop_spinner(self) -> None:
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self._stop_spinner()
        self.query_one("#steps", ContentSwitcher).current = "choose"
        self.query_one("#choose-status", Static).update(event.message)
        self.query_one("#new1", Input).focus()

    @on(Created)
    def _created(self, event: Created) -> None:
        self._stop_spinner()
        self._journal = event.journal
        self.query_one("#recovery-code", Static).update(event.recovery_code)
        self.query_one("#steps", ContentSwitcher).current = "recovery"
        self.query_one("#written", Checkbox).focus()

    @on(Checkbox.Changed, "#written")
    def _written(self, event: Checkbox.Changed) -> None:
        self.query_one("#continue", Button).disabled = not event.value

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        if self._journal is None or not self.query_one("#written", Checkbox).value:
            return
        journal, self._journal = self._journal, None
        self.query_one("#recovery-code", Static).update("")
        self.app.journal_opened(journal)

    def on_unmount(self) -> None:
        if self._journal is not None:  # the app closed on the recovery step
            self._journal.close()
            self._journal = None
