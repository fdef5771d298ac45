"""Reflective writing on the command line: the pertinence check, the practice journal,
rhythms of contact and the "soon" view. Registered on the `dentelle` group by views.cli.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from journal import dates
from journal.config import load_config
from journal.errors import DentelleError
from journal.i18n import register
from journal.pertinence import Checker, Finding, category_label, question, reason
from journal.rhythm import Rhythm, parse_rhythm, soon
from journal.store.practice import add_practice_note, practice_notes, prompts
from views.cli import Session, clean, cli, option, parse_day, pass_session, read_text, render_story

register(
    {
        "cli.help.check": {
            "fr": "Relire un texte avec la vérification de pertinence (FICHIER, ou - pour l'entrée standard). Code de sortie 1 si quelque chose est relevé.",
            "en": "Read a text with the pertinence check (FILE, or - for standard input). Exit code 1 when something is found.",
        },
        "cli.help.practice": {
            "fr": "Votre journal de pratique (notes réflexives sur votre travail).",
            "en": "Your practice journal (reflective notes on your work).",
        },
        "cli.help.practice_add": {
            "fr": "Écrire une note de pratique (texte en argument ou sur l'entrée standard).",
            "en": "Write a practice note (text as argument or on standard input).",
        },
        "cli.help.practice_show": {
            "fr": "Relire le journal de pratique.",
            "en": "Read the practice journal.",
        },
        "cli.help.practice_prompts": {
            "fr": "Afficher les questions du cycle de Gibbs, pour s'en servir comme trame (facultatif).",
            "en": "Print Gibbs' reflective questions, to use as a frame (optional).",
        },
        "cli.help.rhythm": {
            "fr": "Dire le rythme des rencontres d'une personne (« tous les mois », « le premier lundi du mois »…) ou l'afficher.",
            "en": "Say a person's rhythm of contact (“every month”, “the first monday of the month”…) or show it.",
        },
        "cli.help.rhythm_clear": {"fr": "Retirer le rythme.", "en": "Remove the rhythm."},
        "cli.help.soon": {
            "fr": "Qui pourrait passer bientôt, et qui n'a pas été vu depuis plus longtemps que d'habitude.",
            "en": "Who may come by soon, and who has not been seen for longer than usual.",
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
        "cli.practice.added": {
            "fr": "Note de pratique enregistrée ({id}).",
            "en": "Practice note saved ({id}).",
        },
        "cli.practice.empty": {
            "fr": "Votre journal de pratique est vide.",
            "en": "Your practice journal is empty.",
        },
        "cli.rhythm.set": {
            "fr": "Rythme de {name} : {rhythm}. Prochaine rencontre attendue vers le {day}.",
            "en": "{name}'s rhythm: {rhythm}. Next contact expected around {day}.",
        },
        "cli.rhythm.none": {
            "fr": "{name} n'a pas de rythme (c'est le cas de la plupart des gens).",
            "en": "{name} has no rhythm (most people have none).",
        },
        "cli.rhythm.cleared": {
            "fr": "Rythme retiré pour {name}.",
            "en": "Rhythm removed for {name}.",
        },
        "cli.soon.none": {
            "fr": "Personne à signaler cette semaine.",
            "en": "Nobody to mention this week.",
        },
        "cli.soon.expected": {"fr": "Attendu·es cette semaine", "en": "Expected this week"},
        "cli.soon.longer": {
            "fr": "Pas vu·es depuis plus longtemps que d'habitude",
            "en": "Not seen for longer than usual",
        },
    }
)


def load_checker(lang: str) -> Checker:
    """The shipped lists plus the worker's or service's own (config folder)."""
    return Checker.load(extra_dirs=[load_config().wordlists_dir], ui_lang=lang)


def render_findings(text: str, findings: list[Finding], lang: str) -> list[str]:
    """Each finding: the sentence with the words marked, the reason, maybe a better wording."""
    lines = [
        click.style(click.unstyle(_t("cli.check.header", lang, count=len(findings))), bold=True)
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
            lines.append("  " + _t("cli.check.suggestion", lang, suggestion=finding.suggestion))
    lines.append("")
    lines.append(question(lang))
    return lines


def _t(key: str, lang: str, **params: object) -> str:
    from journal.i18n import translate

    return translate(key, lang, **params)


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


@cli.command(help="cli.help.check")
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


@cli.group(help="cli.help.practice")
def practice() -> None:
    pass


@practice.command("add", help="cli.help.practice_add")
@click.argument("text", required=False)
@option("--date", "date_expression", help="cli.help.date")
@pass_session
def practice_add(session: Session, text: str | None, date_expression: str | None) -> None:
    parsed = parse_day(date_expression, session)
    body = read_text(text, session)
    if not body.strip():
        raise DentelleError("store.empty_text")
    confirm_pertinence(session, body)
    with session.journal() as journal:
        note = add_practice_note(journal, parsed.day, body)
    click.echo(session.t("cli.practice.added", id=note.id))


@practice.command("show", help="cli.help.practice_show")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def practice_show(session: Session, as_json: bool) -> None:
    with session.journal() as journal:
        notes = practice_notes(journal)
    if as_json:
        rows = [
            {
                "id": n.id,
                "occurred_on": n.occurred_on.isoformat(),
                "written_at": n.written_at.isoformat(),
                "text": n.text,
            }
            for n in notes
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not notes:
        click.echo(session.t("cli.practice.empty"))
        return
    for line in render_story(notes, session.lang):
        click.echo(line)


@practice.command("prompts", help="cli.help.practice_prompts")
@pass_session
def practice_prompts(session: Session) -> None:
    click.echo(prompts(session.lang))


def person_rhythm(extra: dict) -> Rhythm | None:
    data = extra.get("rhythm")
    return Rhythm.from_json(data) if data else None


@cli.command(help="cli.help.rhythm")
@click.argument("person_query", metavar="PERSON")
@click.argument("words", required=False)
@option("--clear", is_flag=True, help="cli.help.rhythm_clear")
@pass_session
def rhythm(session: Session, person_query: str, words: str | None, clear: bool) -> None:
    new = parse_rhythm(words) if words else None  # before unlocking: a typo costs no scrypt
    with session.journal() as journal:
        person = journal.find_person(person_query)
        name = clean(person.name)
        if clear:
            journal.update_person(person.id, extra={"rhythm": None})
            click.echo(session.t("cli.rhythm.cleared", name=name))
            return
        if new is not None:
            person = journal.update_person(person.id, extra={"rhythm": new.to_json()})
        current = person_rhythm(person.extra)
        last = next((s.last_contact for s in journal.summaries() if s.person.id == person.id), None)
    if current is None:
        click.echo(session.t("cli.rhythm.none", name=name))
        return
    today = session.now().date()
    upcoming = current.next_after(last or today)
    while upcoming < today:
        upcoming = current.next_after(upcoming)
    click.echo(
        session.t(
            "cli.rhythm.set",
            name=name,
            rhythm=current.describe(session.lang),
            day=dates.format_day(upcoming, session.lang),
        )
    )


@cli.command("soon", help="cli.help.soon")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def soon_command(session: Session, as_json: bool) -> None:
    today: date = session.now().date()
    with session.journal() as journal:
        summaries = journal.summaries()
    rhythms = {s.person.id: r for s in summaries if (r := person_rhythm(s.person.extra))}
    items = soon(summaries, rhythms, today)
    if as_json:
        rows = [
            {
                "person_id": i.summary.person.id,
                "name": i.summary.person.name,
                "kind": i.kind,
                "next_expected": i.next_expected.isoformat() if i.next_expected else None,
                "last_contact": i.summary.last_contact.isoformat()
                if i.summary.last_contact
                else None,
                "remark": i.remark(today, session.lang),
            }
            for i in items
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(session.t("cli.soon.none"))
        return
    for kind in ("expected", "longer"):
        group = [i for i in items if i.kind == kind]
        if not group:
            continue
        click.echo(click.style(session.t(f"cli.soon.{kind}"), bold=True))
        for item in group:
            when = ""
            if kind == "expected" and item.next_expected:
                when = f" ({dates.format_day(item.next_expected, session.lang)})"
            click.echo(
                f"  {clean(item.summary.person.name)}{when} — {item.remark(today, session.lang)}"
            )
        click.echo()
