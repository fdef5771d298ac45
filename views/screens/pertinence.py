"""The pertinence check in the app: a second look before saving, never a barrier.

ctrl+s first reads every text a person can read against the word lists
(`journal.pertinence`): a note, and a person's name and profile (the profile heads
their story and goes into their export). When something is found, `PertinenceScreen`
shows each sentence with the words marked (bold, reversed and underlined: a shape, not
only a colour), the reason in plain words, a more factual wording where the list has
one, and the reflective question. ctrl+s again saves as it is; Escape goes back to the
text with the first word selected, to rephrase (both keys are in the footer, which the
mouse can click too). Nothing about the warning is stored: not in the entry, not in a
draft, not in a log.

The advice (category, reason, suggestion, question) is in the language of the sentence
(`Finding.lang`), whatever the interface's: a French sentence gets French advice in an
English app. The window's own words (title, keys, the quotes around a sentence) are
the interface's. At 80×24 everything between the title and the keys scrolls.

The checker is loaded once per app, never on the UI thread (views/services/wordlists.py):
a ctrl+s that comes before it waits for it. A checker that fails to load, or a check
that fails, saves without a word rather than stand in the way.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Static, TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Selection

from journal.i18n import translate
from journal.pertinence import Checker, Finding, category_label, reason
from journal.pertinence import questions as ask
from journal.text import excerpts
from views.screens.base import DentelleModal, DentelleScreen
from views.ui import clean

MARK_STYLE = "bold reverse underline"
QUOTED = 200  # characters of a sentence quoted around its findings, at most


def quoted(text: str, marks: Sequence[tuple[int, int]], lang: str) -> Content:
    """`text` in the quotes of `lang`, each (start, end) of `marks` marked."""
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    # `clean` replaces each control character by one character: offsets still hold.
    content = Content(opening + clean(text) + closing)
    for start, end in marks:
        content = content.stylize(MARK_STYLE, len(opening) + start, len(opening) + end)
    return content


def by_piece(findings: list[Finding]) -> list[tuple[str, list[tuple[int, int]], list[Finding]]]:
    """Findings grouped by the piece of their sentence quoted around them (at most
    `QUOTED` characters: a note without punctuation is one sentence), in the order of
    the text: each piece, where the findings' words are in it, and the findings."""
    pieces = []
    for sentence, group in by_sentence(findings):
        ordered = sorted(group, key=lambda f: (f.start, f.end))
        spans = [(f.start - f.sentence_start, f.end - f.sentence_start) for f in ordered]
        for shown, marks in excerpts(sentence, spans, QUOTED):
            pieces.append((shown, marks, ordered[: len(marks)]))
            ordered = ordered[len(marks) :]
    return pieces


def finding_lines(finding: Finding) -> Content:
    """Why the word was pointed at, and a more factual way to say it when the list has
    one: in the language of its sentence (`Finding.lang`), whatever the interface's."""
    lang = finding.lang
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


def questions(findings: Sequence[Finding]) -> list[str]:
    """The reflective questions of the findings, in their sentences' languages, each once."""
    return ask((finding.lang, finding.category) for finding in findings)


def by_sentence(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the sentence they are in, in the order of the text."""
    groups: dict[int, tuple[str, list[Finding]]] = {}
    for finding in findings:
        groups.setdefault(finding.sentence_start, (finding.sentence, []))[1].append(finding)
    return list(groups.values())


class SecondLook(DentelleModal[str]):
    """A second look before saving, never a barrier: a title, what deserves it (scrolls),
    and the keys; dismisses with "save" (as it is) or "rephrase" (back to the text).

    The title, the question and the keys stay in view at any height (80×24 included):
    what deserves a second look is given the rows that are left (`fit`), and scrolls
    beyond them.
    """

    BINDING_GROUP_TITLE = "key.group.pertinence"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.pertinence.save", priority=True, id="pertinence.save"),
        Binding("escape", "rephrase", "key.pertinence.rephrase", id="pertinence.rephrase"),
    ]

    def title_text(self) -> str:
        raise NotImplementedError

    def keys_text(self) -> str:
        return self.t("pertinence.you_decide")

    def compose_body(self) -> ComposeResult:
        """What deserves a second look (it scrolls)."""
        raise NotImplementedError
        yield

    def question_text(self) -> str:
        """The question to ask oneself, always in view under what scrolls."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="pertinence-dialog"):
            yield Static(self.title_text(), markup=False, id="pertinence-title")
            with VerticalScroll(id="pertinence-findings"):
                yield from self.compose_body()
            yield Static(self.question_text(), markup=False, id="pertinence-question")
            yield Static(self.keys_text(), markup=False, id="pertinence-keys")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#pertinence-findings").focus()  # arrows scroll a long list
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Give the scrolling part the rows the title, the keys, the frame and the
        footer leave (CSS cannot say "the rest, but no more than the content")."""
        dialog = self.query_one("#pertinence-dialog")
        body = self.query_one("#pertinence-findings")
        width = dialog.content_size.width
        if width <= 0:  # not laid out yet: `on_resize` comes back
            return
        fixed = 0
        for widget in dialog.children:
            if widget is not body:
                # What the widget needs, not what it got: squeezed, it got less.
                styles = widget.styles
                inner = width - styles.gutter.width
                lines = widget.get_content_height(self.size, self.size, inner)
                fixed += lines + styles.gutter.height + styles.margin.height
        frame = dialog.styles.gutter.height
        footer = self.query_one(Footer).outer_size.height
        room = max(3, self.size.height - footer - frame - fixed)
        if body.styles.max_height != room:
            body.styles.max_height = room

    def action_save(self) -> None:
        self.dismiss("save")

    def action_rephrase(self) -> None:
        self.dismiss("rephrase")


class PertinenceScreen(SecondLook):
    """What the check found, with the reasons and the question.

    `sections` are (field name, findings) for a form of several fields (a name and a
    profile); a note's findings come alone, without a field name.
    """

    def __init__(
        self,
        findings: list[Finding] | None = None,
        *,
        sections: Sequence[tuple[str, list[Finding]]] = (),
    ) -> None:
        super().__init__()
        self.sections = list(sections) or [("", list(findings or []))]
        self.findings = [finding for _label, found in self.sections for finding in found]

    def title_text(self) -> str:
        return self.t("pertinence.title", n=len(self.findings))

    def compose_body(self) -> ComposeResult:
        yield Static(self.t("pertinence.intro"), markup=False, classes="muted")
        for label, findings in self.sections:
            if not findings:
                continue
            if label:
                yield Static(label, markup=False, classes="pertinence-field")
            for shown, marks, group in by_piece(findings):
                yield Static(quoted(shown, marks, self.lang), classes="pertinence-sentence")
                for finding in group:
                    yield Static(finding_lines(finding), classes="pertinence-reason")

    def question_text(self) -> str:
        return "\n".join(questions(self.findings))


@dataclass(frozen=True)
class Field:
    """A text a person can read, in the widget it is typed in; `label` names it in the
    window when a form has several ("" for a note)."""

    label: str
    widget: TextArea | Input

    @property
    def text(self) -> str:
        widget = self.widget
        return widget.text if isinstance(widget, TextArea) else widget.value


# Screens whose ctrl+s waits for the word lists: a second ctrl+s meanwhile does nothing.
_waiting: weakref.WeakSet[DentelleScreen] = weakref.WeakSet()


def check_before_saving(
    screen: DentelleScreen, fields: Sequence[Field], save: Callable[[], None]
) -> None:
    """Save at once when the check finds nothing in `fields`; else show what it found
    and let the worker choose. The texts are read now, as `save` will write them."""
    if screen in _waiting:
        return
    _waiting.add(screen)
    texts = [(field, field.text) for field in fields]

    def checked(checker: Checker | None) -> None:
        _waiting.discard(screen)
        if not screen.is_attached:  # closed meanwhile (a lock): nothing to save from here
            return
        found: list[tuple[Field, list[Finding]]] = []
        if checker is not None:
            with contextlib.suppress(Exception):  # a broken list must never stop a save
                found = [(field, checker.check(text)) for field, text in texts]
        found = [(field, findings) for field, findings in found if findings]
        if not found:
            save()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                save()
            else:
                field, findings = found[0]
                select_finding(field.widget, findings[0])

        sections = [(field.label, findings) for field, findings in found]
        screen.app.push_screen(PertinenceScreen(sections=sections), chosen)

    screen.app.wordlists.with_checker(checked)


class Span(Protocol):
    """Where something was found in a text (a `Finding`, a name's `Mention`)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def select_finding(widget: TextArea | Input, finding: Span) -> None:
    """Back to the text, the first word found selected and the cursor at its start."""
    widget.focus()
    if isinstance(widget, Input):
        # An Input selects all of itself when the focus comes (an event handled later):
        # not this time, nor for the rest of this short-lived form.
        widget.select_on_focus = False
        widget.selection = InputSelection(finding.end, finding.start)
        return
    document = widget.document
    start = document.get_location_from_index(finding.start)
    end = document.get_location_from_index(finding.end)
    widget.selection = Selection(end, start)  # the cursor sits at the selection's end
    widget.scroll_cursor_visible()
