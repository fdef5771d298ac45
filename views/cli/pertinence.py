"""The pertinence check on the command line: `dentelle check`, and the pause before
`add`, `edit` and `person add` save a text in which the check finds something.

The advice (category, reason, suggestion, question) is worded in the language of the
sentence it is about (`Finding.lang`), whatever the interface language; the frame
around it (header, field names, the question to save) in the interface language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click

from journal.config import load_config
from journal.errors import DentelleError
from journal.i18n import register, translate
from journal.pertinence import Checker, Finding, category_label, questions, reason
from journal.text import excerpts
from views.cli.group import command, option
from views.cli.session import Session
from views.cli.terminal import clean, echo_json, read_stdin

register(
    {
        "cli.check.none": {"fr": "Rien à relever.", "en": "Nothing to point out."},
        "cli.check.header": {"fr": "À relire ({count}) :", "en": "Worth a second look ({count}):"},
        "cli.check.suggestion": {"fr": "Plutôt : {suggestion}", "en": "Instead: {suggestion}"},
        "cli.check.field.name": {"fr": "Nom", "en": "Name"},
        "cli.check.field.profile": {"fr": "Profil", "en": "Profile"},
        "cli.check.save_anyway": {
            "fr": "Enregistrer tel quel ? (n pour reformuler)",
            "en": "Save as it is? (n to rephrase)",
        },
        "cli.check.not_saved": {
            "fr": "Rien n'a été enregistré : vous pouvez reformuler et relancer la commande.",
            "en": "Nothing was saved: you can rephrase and run the command again.",
        },
    }
)


QUOTED = 200  # characters of a sentence quoted around a finding, at most


def load_checker(lang: str) -> Checker:
    """The shipped lists plus the worker's or service's own (config folder)."""
    return Checker.load(extra_dirs=[load_config().wordlists_dir], ui_lang=lang)


@dataclass(frozen=True)
class Checked:
    """One text a person can read, and what the check found in it. `label` names the
    field ("Profil") when a command saves several; "" for a note."""

    label: str
    text: str
    findings: list[Finding]


def columns(text: str) -> int:
    """How many terminal columns `text` takes: none for a combining accent or an
    invisible format character, two for a wide character."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def marked_line(number: int, text: str, marks: list[tuple[int, int]], lang: str) -> list[str]:
    """`text` quoted after its line number, the `marks` (offsets in `text`) in reverse
    video, and a line of carets under them for a terminal without colours."""
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    # One character for one: a tab would move the words and not the carets.
    shown = clean(text).replace("\t", " ")
    marked, carets, done = "", "", 0
    prefix = f"  {number}: {opening}"
    for start, end in sorted(marks):
        if start < done:
            continue
        marked += shown[done:start] + click.style(shown[start:end], reverse=True, bold=True)
        carets += " " * (columns(prefix + shown[:start]) - columns(carets)) + "^" * max(
            1, columns(shown[start:end])
        )
        done = end
    return [prefix + marked + shown[done:] + closing, carets]


def quoted_piece(finding: Finding) -> tuple[str, list[tuple[int, int]]]:
    """At most `QUOTED` characters of the finding's sentence around its words, and
    where they are in it: a sentence may be a whole note without punctuation."""
    start = finding.start - finding.sentence_start
    end = finding.end - finding.sentence_start
    [(shown, marks)] = excerpts(finding.sentence, [(start, end)], QUOTED)
    return shown, marks


def render_findings(text: str, findings: list[Finding], lang: str) -> list[str]:
    """Each finding: the sentence with the words marked, the reason, maybe a better wording."""
    return render_checked([Checked("", text, findings)], lang)


def render_checked(fields: list[Checked], lang: str) -> list[str]:
    """What the check found in each field. The frame (header, field names, quotes) is
    in the interface's language `lang`; each finding's category, reason, suggestion and
    question in the language of its sentence (`Finding.lang`)."""
    count = sum(len(field.findings) for field in fields)
    lines = [
        click.style(click.unstyle(translate("cli.check.header", lang, count=count)), bold=True)
    ]
    for field in fields:
        if not field.findings:
            continue
        if field.label:
            lines.extend(["", click.style(field.label, underline=True)])
        for finding in field.findings:
            said = finding.lang
            line_number = field.text.count("\n", 0, finding.start) + 1
            lines.append("")
            lines.extend(marked_line(line_number, *quoted_piece(finding), lang))
            label = category_label(finding.category, said)
            lines.append(f"  {label} — {reason(finding.category, said)}")
            if finding.suggestion:
                suggestion = translate("cli.check.suggestion", said, suggestion=finding.suggestion)
                lines.append("  " + clean(suggestion))
    lines.append("")
    lines.extend(
        questions(
            (finding.lang, finding.category) for field in fields for finding in field.findings
        )
    )
    return lines


def confirm_pertinence(session: Session, text: str) -> None:
    """Before saving a note: show what the check finds; never block, but let the
    worker rephrase (see `confirm_fields`)."""
    confirm_fields(session, [("", text)])


def confirm_fields(session: Session, fields: list[tuple[str, str]]) -> None:
    """Before saving texts a person can read ((label, text) each: a note, a name, a
    profile): show what the check finds, then ask whether to save as it is.

    Without a terminal the findings go to standard error and the command goes on (a
    script cannot rephrase); with one, Enter saves as it is and "n" leaves without
    saving. Nothing about the warning is kept.
    """
    checker = load_checker(session.lang)
    checked = [Checked(label, text, checker.check(text)) for label, text in fields if text]
    if not any(field.findings for field in checked):
        return
    for line in render_checked(checked, session.lang):
        click.echo(line, err=True)
    ask_to_save(session)


def ask_to_save(session: Session) -> None:
    """On a terminal, "Save as it is? [Y/n]"; "n" leaves without saving (exit code 1)."""
    if session.interactive() and not session.confirm(session.t("cli.check.save_anyway"), True):
        click.echo(session.t("cli.check.not_saved"), err=True)
        raise click.exceptions.Exit(1)


@command(help="cli.help.check")
@click.argument("source", metavar="FILE")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@click.pass_context
def check(ctx: click.Context, source: str, as_json: bool) -> None:
    session: Session = ctx.obj
    if source == "-":
        text = read_stdin()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise DentelleError("cli.passphrase_file_unreadable", path=source) from None
    checker = load_checker(session.lang)
    for warning in checker.warnings:
        click.echo(clean(warning), err=True)  # it quotes the worker's own word list
    findings = checker.check(text)
    if as_json:
        rows = [
            {
                "start": f.start,
                "end": f.end,
                "matched": f.matched,
                "category": f.category,
                "lang": f.lang,
                "reason": reason(f.category, f.lang),
                "suggestion": f.suggestion,
                "excerpt": quoted_piece(f)[0],
            }
            for f in findings
        ]
        echo_json(rows)
    elif findings:
        for line in render_findings(text, findings, session.lang):
            click.echo(line)
    else:
        click.echo(session.t("cli.check.none"))
    ctx.exit(1 if findings else 0)
