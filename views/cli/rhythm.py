"""`dentelle rhythm` and `dentelle soon`: a person's rhythm of contact, and who may come
by soon or has not been seen for longer than usual.

No pertinence check here, unlike `person add`: a rhythm's words are only its grammar's
(views/screens/rhythm.py says why), so there is no free text to read.
"""

from __future__ import annotations

from datetime import date

import click

from journal import dates
from journal.i18n import register
from journal.rhythm import Rhythm, parse_rhythm, soon
from views.cli.group import command, option
from views.cli.session import Session, pass_session
from views.cli.terminal import echo_json, listed_names, one_line

register(
    {
        "cli.help.rhythm_clear": {"fr": "Retirer le rythme.", "en": "Remove the rhythm."},
        "cli.rhythm.set": {
            "fr": "Rythme de {name} : {rhythm}. Prochain contact attendu vers le {day}.",
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
            "fr": "Aucune personne à signaler cette semaine.",
            "en": "Nobody to mention this week.",
        },
        "cli.soon.expected": {"fr": "Attendu·es cette semaine", "en": "Expected this week"},
        "cli.soon.longer": {
            "fr": "Sans contact depuis plus longtemps que d'habitude",
            "en": "No contact for longer than usual",
        },
    }
)


def person_rhythm(extra: dict) -> Rhythm | None:
    data = extra.get("rhythm")
    return Rhythm.from_json(data) if data else None


@command(help="cli.help.rhythm")
@click.argument("person_query", metavar="PERSON")
@click.argument("words", required=False)
@option("--clear", is_flag=True, help="cli.help.rhythm_clear")
@pass_session
def rhythm(session: Session, person_query: str, words: str | None, clear: bool) -> None:
    new = parse_rhythm(words) if words else None  # before unlocking: a typo costs no scrypt
    with session.journal() as journal:
        person = journal.find_person(person_query)
        name = one_line(person.name)
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


@command("soon", help="cli.help.soon")
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
        echo_json(rows)
        return
    if not items:
        click.echo(session.t("cli.soon.none"))
        return
    names = listed_names(summaries)  # namesakes told apart by their id
    for kind in ("expected", "longer"):
        group = [i for i in items if i.kind == kind]
        if not group:
            continue
        click.echo(click.style(session.t(f"cli.soon.{kind}"), bold=True))
        for item in group:
            when = ""
            if kind == "expected" and item.next_expected:
                when = f" ({dates.format_day(item.next_expected, session.lang)})"
            name = names[item.summary.person.id]
            click.echo(f"  {name}{when} — {item.remark(today, session.lang)}")
        click.echo()
