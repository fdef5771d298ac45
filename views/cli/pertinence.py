"""The pertinence check on the command line: `dentelle check`, and the pause before
`add`, `edit` and `practice add` save a text in which the check finds something.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from journal.config import load_config
from journal.errors import DentelleError
from journal.i18n import register, translate
from journal.pertinence import Checker, Finding, category_label, question, reason
from views.cli.group import command, option
from views.cli.session import Session
from views.cli.terminal import clean

register(
    {
        "cli.help.check": {
            "fr": "Relire un texte avec la vérification de pertinence (FICHIER, ou - pour l'entrée standard). Code de sortie 1 si quelque chose est relevé.",
            "en": "Read a text with the pertinence check (FILE, or - for standard input). Exit code 1 when something is found.",
        },
        "cli.check.none": {"fr": "Rien à relever.", "en": "Nothing to point out."},
        "cli.check.header": {"fr": "À relire ({count}) :", "en": "Worth a second look ({count}):"},
        "cli.check.suggestion": {"fr": "Plutôt : {suggestion}", "en": "Instead: {suggestion}"},
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


def load_checker(lang: str) -> Checker:
    """The shipped lists plus the worker's or service's own (config folder)."""
    return Checker.load(extra_dirs=[load_config().wordlists_dir], ui_lang=lang)


def render_findings(text: str, findings: list[Finding], lang: str) -> list[str]:
    """Each finding: the sentence with the words marked, the reason, maybe a better wording."""
    lines = [
        click.style(
            click.unstyle(translate("cli.check.header", lang, count=len(findings))), bold=True
        )
    ]
    for finding in findings:
        line_number = text.count("\n", 0, finding.start) + 1
        start = finding.start - finding.sentence_start
        end = finding.end - finding.sentence_start
        sentence = clean(finding.sentence)
        marked = (
            sentence[:start]
            + click.style(sentence[start:end], reverse=True, bold=True)
            + sentence[end:]
        )
        lines.append("")
        lines.append(
            f"  {line_number}: « {marked} »" if lang == "fr" else f"  {line_number}: “{marked}”"
        )
        offset = len(f"  {line_number}: « ")
        lines.append(" " * (offset + start) + "^" * max(1, end - start))
        lines.append(
            f"  {category_label(finding.category, lang)} — {reason(finding.category, lang)}"
        )
        if finding.suggestion:
            lines.append(
                "  " + translate("cli.check.suggestion", lang, suggestion=finding.suggestion)
            )
    lines.append("")
    lines.append(question(lang))
    return lines


def confirm_pertinence(session: Session, text: str) -> None:
    """Before saving: show what the check finds; never block, but let the worker rephrase.

    Without a terminal the findings are printed and the text is saved (a script cannot
    rephrase); with one, Enter saves as it is and "n" leaves without saving.
    """
    findings = load_checker(session.lang).check(text)
    if not findings:
        return
    for line in render_findings(text, findings, session.lang):
        click.echo(line, err=True)
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
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise DentelleError("cli.passphrase_file_unreadable", path=source) from None
    checker = load_checker(session.lang)
    for warning in checker.warnings:
        click.echo(warning, err=True)
    findings = checker.check(text)
    if as_json:
        rows = [
            {
                "start": f.start,
                "end": f.end,
                "matched": f.matched,
                "category": f.category,
                "reason": reason(f.category, session.lang),
                "suggestion": f.suggestion,
                "sentence": f.sentence,
            }
            for f in findings
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif findings:
        for line in render_findings(text, findings, session.lang):
            click.echo(line)
    else:
        click.echo(session.t("cli.check.none"))
    ctx.exit(1 if findings else 0)
