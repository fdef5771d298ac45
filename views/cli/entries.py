"""`dentelle add`, `show`, `edit`, `history` and `delete`: the entries of a person's story.

Every text is read by the pertinence check before it is saved (`confirm_pertinence`).
"""

from __future__ import annotations

import click

from journal import dates
from journal.config import load_config
from journal.errors import DentelleError
from journal.i18n import plural
from journal.model import Entry
from journal.store.consultations import record_consultation
from views.cli.group import command, option
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, echo_json, one_line, parse_day, read_text, render_story


@command(help="cli.help.add")
@click.argument("person_query", metavar="PERSON")
@click.argument("text", required=False)
@option("--date", "date_expression", help="cli.help.date")
@pass_session
def add(session: Session, person_query: str, text: str | None, date_expression: str | None) -> None:
    parsed = parse_day(date_expression, session)  # before unlocking: a typo costs no scrypt
    body = read_text(text, session)
    if not body.strip():
        raise DentelleError("store.empty_text")
    from views.cli.pertinence import confirm_pertinence  # not loaded by `show`

    confirm_pertinence(session, body)
    with session.journal() as journal:
        found = journal.find_person(person_query)
        entry = journal.add_entry(found.id, parsed.day, body, entry_time=parsed.time)
    click.echo(
        session.t(
            "cli.entry_added",
            name=one_line(found.name),
            day=dates.format_day(entry.occurred_on, session.lang),
            id=entry.id,
        )
    )


def entry_json(entry: Entry) -> dict:
    return {
        "id": entry.id,
        "occurred_on": entry.occurred_on.isoformat(),
        "time": entry.time.isoformat(timespec="minutes") if entry.time else None,
        "written_at": entry.written_at.isoformat(),
        "text": entry.text,
        "versions": entry.versions,
    }


@command(help="cli.help.show")
@click.argument("person_query", metavar="PERSON")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def show(session: Session, person_query: str, as_json: bool) -> None:
    with session.journal() as journal:
        found = journal.find_person(person_query)
        entries = journal.entries(found.id)
        record_consultation(
            journal, found.id, "shown", keep_months=load_config().consultation_log_months
        )
    if as_json:
        payload = {
            "person": {"id": found.id, "name": found.name, "profile": found.profile},
            "entries": [entry_json(e) for e in entries],
        }
        echo_json(payload)
        return
    click.echo(click.style(one_line(found.name), bold=True))
    if found.profile:
        click.echo(clean(found.profile))
    if not entries:
        click.echo(session.t("cli.story_empty", name=one_line(found.name)))
        return
    click.echo(plural("cli.story_count", len(entries), session.lang))
    click.echo("\n".join(render_story(entries, session.lang)))  # one write, not one a line


@command(help="cli.help.edit")
@click.argument("entry_id")
@click.argument("text", required=False)
@option("--date", "date_expression", help="cli.help.date")
@pass_session
def edit(session: Session, entry_id: str, text: str | None, date_expression: str | None) -> None:
    parsed = parse_day(date_expression, session) if date_expression else None
    body = None
    if text is not None or not session.interactive():
        body = read_text(text, session)
        if body == "" and parsed is not None:
            body = None  # only the date changes
    if body is not None:
        from views.cli.pertinence import confirm_pertinence

        confirm_pertinence(session, body)
    with session.journal() as journal:
        kwargs: dict = {"text": body}
        if parsed is not None:
            kwargs.update(occurred_on=parsed.day, entry_time=parsed.time)
        if body is None and parsed is None:
            raise DentelleError("cli.need_text")
        edited = journal.edit_entry(entry_id, **kwargs)
    click.echo(plural("cli.entry_edited", edited.versions, session.lang, id=edited.id))


@command(help="cli.help.history")
@click.argument("entry_id")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def history(session: Session, entry_id: str, as_json: bool) -> None:
    with session.journal() as journal:
        versions = journal.history(entry_id)
    if as_json:
        rows = [
            {
                "version": n,
                "current": v.current,
                "occurred_on": v.occurred_on.isoformat(),
                "written_at": v.written_at.isoformat(),
                "text": v.text,
            }
            for n, v in enumerate(versions, 1)
        ]
        echo_json(rows)
        return
    for n, version in enumerate(versions, 1):
        label = session.t("cli.version", n=n)
        if version.current:
            label += f" ({session.t('cli.version_current')})"
        written = session.t(
            "cli.written_at", when=dates.format_day(version.written_at.date(), session.lang)
        )
        day = dates.format_day(version.occurred_on, session.lang)
        at = version.written_at.strftime("%H:%M")
        click.echo(click.style(label, bold=True) + f"  ·  {day}  ·  {written} {at}")
        for line in clean(version.text).splitlines() or [""]:
            click.echo("    " + line)
        click.echo()


@command(help="cli.help.delete")
@click.argument("entry_id")
@option("--yes", is_flag=True, help="cli.help.yes")
@pass_session
def delete(session: Session, entry_id: str, yes: bool) -> None:
    if not yes and not session.interactive():
        raise DentelleError("cli.need_yes")
    with session.journal() as journal:
        entry = journal.entry(entry_id)
        if not yes:
            question = session.t(
                "cli.confirm_delete",
                day=dates.format_day(entry.occurred_on, session.lang),
                count=entry.versions,
            )
            if not session.confirm(question):
                click.echo(session.t("cli.cancelled"))
                return
        journal.delete_entry(entry.id)
    click.echo(session.t("cli.entry_deleted"))
