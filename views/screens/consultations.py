"""The record of consultations of one person's file: when it was opened or exported.

A person may ask who looked at their file and when; the worker reads the answer here
(newest first), and the person finds the same lines in their export. Lines are sealed
under the person's key and dropped after `consultation_log_months` (config).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from journal import dates
from journal import export as _export  # noqa: F401  (registers the wordings it shares)
from journal.errors import DentelleError
from journal.i18n import count, translate
from journal.store.consultations import Consultation, consultations
from views.screens.base import DentelleModal


def consultation_line(line: Consultation, lang: str) -> str:
    """'samedi 28 novembre 2026 à 09:01 : histoire ouverte' (the export's wording)."""
    return translate(
        "export.opened_on",
        lang,
        day=dates.format_day(line.at.date(), lang),
        time=line.at.strftime("%H:%M"),
        what=line.describe(lang),
    )


class ConsultationsScreen(DentelleModal[None]):
    """Every line of the person's record, newest first."""

    BINDINGS = [Binding("escape,c", "close", "key.dialog.close", id="consultations.close")]

    def __init__(self, person_id: str, name: str) -> None:
        """`name` is already cleaned (`views.ui.one_line`)."""
        super().__init__()
        self.person_id = person_id
        self.person_name = name

    def compose(self) -> ComposeResult:
        journal = self.journal
        try:
            lines = consultations(journal, self.person_id) if journal is not None else []
            problem = ""
        except DentelleError as error:
            lines, problem = [], error.message(self.lang)
        months = self.app.config.consultation_log_months
        with Vertical(classes="dialog wide tall", id="consultations-dialog"):
            title = self.t("consult.app.title", name=self.person_name, n=len(lines))
            yield Static(title, markup=False, classes="label")
            yield Static(
                self.t("consult.app.about", months_text=count("months", months, self.lang)),
                markup=False,
                classes="muted",
            )
            with VerticalScroll(id="consultations"):
                text = "\n".join(consultation_line(c, self.lang) for c in reversed(lines))
                shown = problem or text or translate("export.no_consultations", self.lang)
                yield Static(shown, markup=False, id="consultation-lines")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#consultations").focus()

    def action_close(self) -> None:
        self.dismiss(None)
