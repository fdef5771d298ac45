"""`dentelle person add|rename|remove` and `dentelle people`: the people you accompany.

The name and the profile are read by the pertinence check before they are saved, as a
note is (`confirm_fields`): the person reads them at the head of their story and in
the export of their file. A name someone else already has is said before saving, with
what tells them apart, and asked about on a terminal: two "Mme B" make every later
`dentelle add "Mme B"` ambiguous.
"""

from __future__ import annotations

import click

from journal import dates
from journal.errors import DentelleError
from journal.i18n import plural
from journal.model import PersonSummary
from views.cli.group import command, group, option
from views.cli.session import Session, pass_session
from views.cli.terminal import echo_json, one_line, tells_apart


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
    from views.cli.pertinence import confirm_fields  # not loaded by `people`: ~20 ms

    confirm_fields(session, fields)
    with session.journal() as journal:
        warn_namesakes(session, journal.namesakes(name), "cli.namesake.confirm")
        added = journal.add_person(name, profile)
    click.echo(session.t("cli.person_added", name=one_line(added.name), id=added.id))


def warn_namesakes(session: Session, same: list[PersonSummary], question: str) -> None:
    """Say who already has the name, with what tells them apart; on a terminal, ask
    (no: nothing saved, exit code 1). Without one, the warning and the command goes on."""
    if not same:
        return
    click.echo(session.t("cli.namesake", name=one_line(same[0].person.name)), err=True)
    for summary in same:
        details = tells_apart(summary, session.lang)
        line = session.t(
            "cli.candidates",
            id=summary.person.id,
            name=one_line(summary.person.name),
            details=details,
        )
        click.echo(line, err=True)
    click.echo(session.t("cli.namesake.hint"), err=True)
    if session.interactive() and not session.confirm(session.t(question)):
        click.echo(session.t("cli.cancelled"), err=True)
        raise click.exceptions.Exit(1)


@person.command("rename", help="cli.help.person_rename")
@click.argument("person_query", metavar="NAME")
@click.argument("new_name", metavar="NEW-NAME")
@pass_session
def person_rename(session: Session, person_query: str, new_name: str) -> None:
    if not new_name.strip():
        raise DentelleError("store.empty_name")
    from views.cli.pertinence import confirm_fields

    confirm_fields(session, [(session.t("cli.check.field.name"), new_name)])
    with session.journal() as journal:
        found = journal.find_person(person_query)
        same = [s for s in journal.namesakes(new_name) if s.person.id != found.id]
        warn_namesakes(session, same, "cli.namesake.rename_confirm")
        renamed = journal.update_person(found.id, name=new_name)
    click.echo(
        session.t(
            "cli.person_renamed",
            old=one_line(found.name),
            name=one_line(renamed.name),
            id=renamed.id,
        )
    )


@person.command("remove", help="cli.help.person_remove")
@click.argument("person_query", metavar="NAME")
@pass_session
def person_remove(session: Session, person_query: str) -> None:
    """Only someone with no entry and no draft (the journal refuses otherwise); on a
    terminal, asked first. Without one it is done: there is nothing but a name to lose."""
    with session.journal() as journal:
        found = journal.find_person(person_query)
        name = one_line(found.name)
        if (
            not journal.entries(found.id)
            and session.interactive()
            and not session.confirm(session.t("cli.remove.confirm", name=name))
        ):
            click.echo(session.t("cli.cancelled"))
            return
        journal.remove_person(found.id)
    click.echo(session.t("cli.person_removed", name=name))


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
        echo_json(rows)
        return
    if not summaries:
        click.echo(session.t("cli.no_people"))
        return
    today = session.now().date()
    lines = []
    for summary in summaries:
        when = (
            session.t(
                "cli.last_contact", when=dates.format_ago(summary.last_contact, today, session.lang)
            )
            if summary.last_contact
            else session.t("cli.no_contact")
        )
        count = plural("cli.entries_count", summary.entry_count, session.lang)
        lines.append(f"{summary.person.id}  {one_line(summary.person.name)}  ·  {count}  ·  {when}")
    click.echo("\n".join(lines))  # one write: a thousand `echo` calls cost 0.1 s
