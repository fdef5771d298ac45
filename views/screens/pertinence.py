"""The pertinence check in the editor: a second look before saving, never a barrier.

ctrl+s first reads the text against the word lists (`journal.pertinence`). When
something is found, `PertinenceScreen` shows each sentence with the words marked
(bold, reversed and underlined: a shape, not only a colour), the reason in plain words,
a more factual wording where the list has one, and the reflective question. ctrl+s
again saves as it is; Escape goes back to the text with the first word selected, to
rephrase (both keys are in the footer, which the mouse can click too). Nothing about
the warning is stored: not in the entry, not in a draft, not in a log.

The checker is loaded once per app (20–50 ms), in a worker after unlock when possible
(views/services/wordlists.py); a checker that fails to load, or a check that fails,
saves without a word rather than stand in the way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from journal.i18n import translate
from journal.pertinence import Finding, category_label, question, reason
from views.screens.base import DentelleModal
from views.ui import clean

if TYPE_CHECKING:
    from views.screens.editor import EditorScreen

MARK_STYLE = "bold reverse underline"


def marked_sentence(sentence: str, findings: list[Finding], lang: str) -> Content:
    """The sentence in quotes, with each finding's words marked (offsets kept exact)."""
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    # `clean` replaces each control character by one character: offsets still hold.
    content = Content(opening + clean(sentence) + closing)
    for finding in findings:
        start = len(opening) + finding.start - finding.sentence_start
        end = len(opening) + finding.end - finding.sentence_start
        content = content.stylize(MARK_STYLE, start, end)
    return content


def finding_lines(finding: Finding, lang: str) -> Content:
    """Why the word was pointed at, and a more factual way to say it when the list has one."""
    parts: list[str | tuple[str, str]] = [
        (clean(finding.matched), "bold"),
        " — ",
        (category_label(finding.category, lang), "italic"),
        " : " if lang == "fr" else ": ",
        reason(finding.category, lang),
    ]
    if finding.suggestion:
        parts.extend(["\n→ ", (translate_suggestion(finding.suggestion, lang), "bold")])
    return Content.assemble(*parts)


def translate_suggestion(suggestion: str, lang: str) -> str:
    # The suggestion comes from an editable list file: cleaned, shown as plain text.
    return translate("pertinence.suggestion", lang, suggestion=clean(suggestion))


def by_sentence(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the sentence they are in, in the order of the text."""
    groups: dict[int, tuple[str, list[Finding]]] = {}
    for finding in findings:
        groups.setdefault(finding.sentence_start, (finding.sentence, []))[1].append(finding)
    return list(groups.values())


class PertinenceScreen(DentelleModal[str]):
    """What the check found; dismisses with "save" (as it is) or "rephrase"."""

    BINDING_GROUP_TITLE = "key.group.pertinence"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.pertinence.save", priority=True, id="pertinence.save"),
        Binding("escape", "rephrase", "key.pertinence.rephrase", id="pertinence.rephrase"),
    ]

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="pertinence-dialog"):
            yield Static(
                self.t("pertinence.title", n=len(self.findings)),
                markup=False,
                id="pertinence-title",
            )
            yield Static(self.t("pertinence.intro"), markup=False, classes="muted")
            with VerticalScroll(id="pertinence-findings"):
                for sentence, findings in by_sentence(self.findings):
                    yield Static(
                        marked_sentence(sentence, findings, lang), classes="pertinence-sentence"
                    )
                    for finding in findings:
                        yield Static(finding_lines(finding, lang), classes="pertinence-reason")
            yield Static(question(lang), markup=False, id="pertinence-question")
            yield Static(self.t("pertinence.you_decide"), markup=False, classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#pertinence-findings").focus()  # arrows scroll a long list

    def action_save(self) -> None:
        self.dismiss("save")

    def action_rephrase(self) -> None:
        self.dismiss("rephrase")


def check_before_saving(editor: EditorScreen, text: str, save: Callable[[], None]) -> None:
    """Save at once when the check finds nothing; else show what it found and let them choose."""
    app = editor.app
    findings: list[Finding] = []
    with contextlib.suppress(Exception):  # a broken list must never stop a note being saved
        findings = app.wordlists.checker().check(text)
    if not findings:
        save()
        return

    def chosen(choice: str | None) -> None:
        if choice == "save":
            save()
        else:
            select_finding(editor.query_one("#text", TextArea), findings[0])

    app.push_screen(PertinenceScreen(findings), chosen)


def select_finding(area: TextArea, finding: Finding) -> None:
    """Back to the text, the first word found selected and the cursor at its start."""
    document = area.document
    start = document.get_location_from_index(finding.start)
    end = document.get_location_from_index(finding.end)
    area.focus()
    area.selection = Selection(end, start)  # the cursor sits at the selection's end
    area.scroll_cursor_visible()
