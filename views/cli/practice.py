"""`dentelle practice`: the worker's own practice journal (reflective notes on their work).

A practice note is not read against the word lists: it is the worker's reflection, not
a file about a person, and strong words about a hard visit belong there. What deserves
a second look is a name from the people list (`journal.pertinence.names`): the same
pause as the pertinence check, never a barrier, nothing kept.
"""

from __future__ import annotations

import click

from journal.errors import DentelleError
from journal.i18n import register, translate
from journal.pertinence.names import Mention, advice, find_mentions, named, passages
from journal.store.practice import add_practice_note, practice_notes, prompts
from views.cli.group import group, option
from views.cli.pertinence import ask_to_save, marked_line
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, echo_json, parse_day, read_text, render_story

register(
    {
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
        "cli.practice.added": {
            "fr": "Note de pratique enregistrée ({id}).",
            "en": "Practice note saved ({id}).",
        },
        "cli.practice.names": {
            "fr": "Avant d'enregistrer : un nom dans votre journal de pratique.",
            "en": "Before saving: a name in your practice journal.",
        },
        "cli.practice.empty": {
            "fr": "Votre journal de pratique est vide.",
            "en": "Your practice journal is empty.",
        },
    }
)


@group(help="cli.help.practice")
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
    with session.journal() as journal:
        mentions = find_mentions(body, [person.name for person in journal.people()])
        if mentions:
            for line in render_mentions(body, mentions, session.lang):
                click.echo(line, err=True)
            ask_to_save(session)
        note = add_practice_note(journal, parsed.day, body)
    click.echo(session.t("cli.practice.added", id=note.id))


def render_mentions(text: str, mentions: list[Mention], lang: str) -> list[str]:
    """The lines that name someone, the names marked; who they are, and what to write."""
    lines = [click.style(translate("cli.practice.names", lang), bold=True)]
    for passage in passages(text, mentions):
        shown = ("…" if passage.cut_before else "") + passage.text
        shift = len(shown) - len(passage.text)
        marks = [(start + shift, end + shift) for start, end in passage.marks()]
        shown += "…" if passage.cut_after else ""
        lines.append("")
        lines.extend(marked_line(passage.line, shown, marks, lang))
    lines.extend(["", clean(named(mentions, lang)), advice(lang)])  # it holds names
    return lines


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
        echo_json(rows)
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
