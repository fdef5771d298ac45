"""`dentelle person add` and `dentelle people`: the people you accompany.

The name and the profile are read by the pertinence check before they are saved, as a
note is (`confirm_fields`): the person reads them at the head of their story and in
the export of their file.
"""

from __future__ import annotations

import json

import click

from journal import dates
from journal.errors import DentelleError
from journal.i18n import plural
from views.cli.group import command, group, option
from views.cli.pertinence import confirm_fields
from views.cli.session import Session, pass_session
from views.cli.terminal import clean


@group(help="cli.help.person")
def person() -> None:
    pass


@person.command("add", help="cli.help.person_add")
@click.argument("name")
@option("--profile", default="", help="cli.help.profile")
@pass_session
def person_add(session: Session, name: str, profile: str) -> None:
    if not name.strip():  # before the check and the passphrase: nothing to save
        raise DentelleError("store.empty_name")
    fields = [(session.t("cli.check.field.name"), name)]
    fields.append((session.t("cli.check.field.profile"), profile))
    confirm_fields(session, fields)
    with session.journal() as journal:
        added = journal.add_person(name, profile)
    click.echo(session.t("cli.person_added", name=clean(added.name), id=added.id))


@command(help="cli.help.people")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def people(session: Session, as_json: bool) -> None:
    with session.journal() as journal:
        summaries = journal.summaries()
    if as_json:
        rows = [
            {
                "id": s.person.id,
                "name": s.person.name,
                "profile": s.person.profile,
                "entries": s.entry_count,
                "last_contact": s.last_contact.isoformat() if s.last_contact else None,
            }
            for s in summaries
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not summaries:
        click.echo(session.t("cli.no_people"))
        return
    today = session.now().date()
    for summary in summaries:
        when = (
            session.t(
                "cli.last_contact", when=dates.format_ago(summary.last_contact, today, session.lang)
            )
            if summary.last_contact
            else session.t("cli.no_contact")
        )
        count = plural("cli.entries_count", summary.entry_count, session.lang)
        click.echo(f"{summary.person.id}  {clean(summary.person.name)}  ·  {count}  ·  {when}")
