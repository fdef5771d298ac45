"""The person's rights on the command line: access export, erasure of a version, erasure
of a person ("droit à l'oubli") and the retention review: `dentelle export`, `forget`,
`erase-version` and `review`.
"""

from __future__ import annotations

from pathlib import Path

import click

from journal import dates
from journal.config import load_config
from journal.errors import DentelleError
from journal.export import (
    FORMATS,
    collect,
    default_file_name,
    render,
    split_extension,
    write_export,
)
from journal.i18n import count, register
from journal.passphrase import check_strength
from journal.retention import due_for_review, keep_with_reason
from journal.store.consultations import record_consultation
from views.cli.group import command, option
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, echo_json, listed_names, one_line

register(
    {
        "cli.help.format": {
            "fr": "Format : html (imprimable), md ou json ; par défaut, celui du nom donné à --out, sinon html.",
            "en": "Format: html (printable), md or json; by default, the one --out's name ends in, else html.",
        },
        "cli.help.out": {
            "fr": "Fichier à écrire (par défaut, à côté, au nom de la personne).",
            "en": "File to write (default: here, named after the person).",
        },
        "cli.help.encrypt": {
            "fr": "Chiffrer l'export avec une phrase de passe (age) au lieu de l'écrire en clair.",
            "en": "Encrypt the export with a passphrase (age) instead of writing it in clear.",
        },
        "cli.help.keep": {
            "fr": "Garder cette personne (avec --reason).",
            "en": "Keep this person (with --reason).",
        },
        "cli.help.reason": {
            "fr": "La raison de la garder, relue à la prochaine revue.",
            "en": "Why you keep them, shown again at the next review.",
        },
        "cli.export.written": {
            "fr": "Export écrit dans {path}.",
            "en": "Export written to {path}.",
        },
        "cli.export.clear_warning": {
            "fr": "Attention : ce fichier n'est pas chiffré. Remettez-le à la personne puis effacez-le.",
            "en": "Careful: this file is not encrypted. Hand it to the person, then delete it.",
        },
        "cli.export.encrypted": {
            "fr": "Il est chiffré : « age -d » et la phrase de passe choisie l'ouvrent.",
            "en": "It is encrypted: “age -d” and the chosen passphrase open it.",
        },
        "cli.export.exists": {
            "fr": "{path} existe déjà ; choisissez un autre nom avec --out.",
            "en": "{path} already exists; choose another name with --out.",
        },
        "cli.forget.confirm": {
            "fr": "Oublier {name} ? Ses notes ({count}), leurs versions, son profil et sa clé seront effacés. C'est irréversible.",
            "en": "Forget {name}? Their entries ({count}), their versions, profile and key will be erased. This cannot be undone.",
        },
        "cli.forget.done": {
            "fr": "{name} a été oublié·e. Faites une sauvegarde pour que l'effacement atteigne aussi la clé USB.",
            "en": "{name} was forgotten. Run a backup so that the erasure also reaches the USB key.",
        },
        "cli.erase_version.confirm": {
            "fr": "Effacer la version {number} de cette note (écrite le {day}) ? C'est irréversible.",
            "en": "Erase version {number} of this entry (written on {day})? This cannot be undone.",
        },
        "cli.erase_version.done": {"fr": "Version effacée.", "en": "Version erased."},
        "cli.erase_version.bad_number": {
            "fr": "Il n'y a pas de version {n} (voir « dentelle history »).",
            "en": "There is no version {n} (see “dentelle history”).",
        },
        "cli.review.none": {
            "fr": "Aucune personne à revoir : tout le monde a eu un contact depuis moins de {years_text}.",
            "en": "Nobody to review: everyone had a contact within {years_text}.",
        },
        "cli.review.header": {
            "fr": "Sans contact depuis plus de {years_text} ({count}) — à oublier, ou à garder avec une raison :",
            "en": "No contact for more than {years_text} ({count}) — forget, or keep with a reason:",
        },
        "cli.review.line": {"fr": "dernier contact {when}", "en": "last contact {when}"},
        "cli.review.kept_before": {
            "fr": "gardé·e le {day} : {reason}",
            "en": "kept on {day}: {reason}",
        },
        "cli.review.how": {
            "fr": 'Oublier : dentelle forget NOM. Garder : dentelle review --keep NOM --reason "…".',
            "en": 'Forget: dentelle forget NAME. Keep: dentelle review --keep NAME --reason "…".',
        },
        "cli.review.kept": {
            "fr": "{name} est gardé·e ; la question reviendra vers le {day}.",
            "en": "{name} is kept; the question comes back around {day}.",
        },
        "cli.review.need_reason": {
            "fr": "Donnez la raison de garder cette personne avec --reason.",
            "en": "Give the reason to keep this person with --reason.",
        },
        "cli.export.mismatch": {
            "fr": "{path} ne se termine pas par .{fmt} : changez --format ou le nom du fichier.",
            "en": "{path} does not end in .{fmt}: change --format or the file's name.",
        },
    }
)


def confirm_or_yes(session: Session, yes: bool, question: str) -> bool:
    if yes:
        return True
    if not session.interactive():
        raise DentelleError("cli.need_yes")
    return session.confirm(question)


@command(help="cli.help.export")
@click.argument("person_query", metavar="PERSON")
@option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="cli.help.format")
@option("--out", type=click.Path(path_type=Path, dir_okay=False), help="cli.help.out")
@option("--encrypt", is_flag=True, help="cli.help.encrypt")
@pass_session
def export(
    session: Session, person_query: str, fmt: str | None, out: Path | None, encrypt: bool
) -> None:
    config = load_config()
    # The name's extension and --format agree: never Markdown in a file named .html.
    named = split_extension(out.name)[1] if out is not None else None
    if fmt is not None and named is not None and named != fmt:
        raise DentelleError("cli.export.mismatch", path=str(out), fmt=fmt)
    fmt = fmt or named or "html"
    with session.journal() as journal:
        person = journal.find_person(person_query)
        target = out or Path(default_file_name(person.name, fmt, encrypted=encrypt))
        if target.exists():
            raise DentelleError("cli.export.exists", path=str(target))
        document = render(collect(journal, person.id), fmt, session.lang)
        secret = session.new_passphrase(None) if encrypt else None
        if secret is not None:
            check_strength(secret)  # the rule of init and passwd: the file may travel
        write_export(document, target, secret)
        record_consultation(
            journal, person.id, "exported", fmt, keep_months=config.consultation_log_months
        )
    click.echo(session.t("cli.export.written", path=clean(str(target))))
    click.echo(
        session.t("cli.export.encrypted" if encrypt else "cli.export.clear_warning"), err=True
    )


@command(help="cli.help.forget")
@click.argument("person_query", metavar="PERSON")
@option("--yes", is_flag=True, help="cli.help.yes")
@pass_session
def forget(session: Session, person_query: str, yes: bool) -> None:
    if not yes and not session.interactive():
        raise DentelleError("cli.need_yes")
    with session.journal() as journal:
        person = journal.find_person(person_query)
        count = len(journal.entries(person.id))
        name = one_line(person.name)
        if not confirm_or_yes(
            session, yes, session.t("cli.forget.confirm", name=name, count=count)
        ):
            click.echo(session.t("cli.cancelled"))
            return
        journal.forget_person(person.id)
    click.echo(session.t("cli.forget.done", name=name))


@command("erase-version", help="cli.help.erase_version")
@click.argument("entry_id")
@click.argument("number", type=int)
@option("--yes", is_flag=True, help="cli.help.yes")
@pass_session
def erase_version(session: Session, entry_id: str, number: int, yes: bool) -> None:
    if not yes and not session.interactive():
        raise DentelleError("cli.need_yes")
    with session.journal() as journal:
        versions = journal.history(entry_id)
        if not 1 <= number <= len(versions):
            raise DentelleError("cli.erase_version.bad_number", n=number)
        version = versions[number - 1]
        question = session.t(
            "cli.erase_version.confirm",
            number=number,
            day=dates.format_day(version.written_at.date(), session.lang),
        )
        if not confirm_or_yes(session, yes, question):
            click.echo(session.t("cli.cancelled"))
            return
        journal.erase_version(version.entry_id, version.version_id)
    click.echo(session.t("cli.erase_version.done"))


@command(help="cli.help.review")
@option("--keep", "keep_query", metavar="PERSON", help="cli.help.keep")
@option("--reason", help="cli.help.reason")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def review(session: Session, keep_query: str | None, reason: str | None, as_json: bool) -> None:
    config = load_config()
    today = session.now().date()
    with session.journal() as journal:
        if keep_query:
            if not reason or not reason.strip():
                raise DentelleError("cli.review.need_reason")
            person = journal.find_person(keep_query)
            kept = keep_with_reason(journal, person.id, reason, today, config.review_delay_months)
            click.echo(
                session.t(
                    "cli.review.kept",
                    name=one_line(person.name),
                    day=dates.format_day(kept.review_after, session.lang),
                )
            )
            return
        summaries = journal.summaries()
        due = due_for_review(summaries, today, config.retention_years)
    if as_json:
        rows = [
            {
                "person_id": d.summary.person.id,
                "name": d.summary.person.name,
                "since": d.since.isoformat(),
                "entries": d.summary.entry_count,
                "kept": d.kept.to_json() if d.kept else None,
            }
            for d in due
        ]
        echo_json(rows)
        return
    if not due:
        click.echo(
            session.t(
                "cli.review.none", years_text=count("years", config.retention_years, session.lang)
            )
        )
        return
    click.echo(
        session.t(
            "cli.review.header",
            years_text=count("years", config.retention_years, session.lang),
            count=len(due),
        )
    )
    names = listed_names(summaries)  # namesakes told apart by their id
    for item in due:
        when = dates.format_ago(item.since, today, session.lang)
        line = f"  {names[item.summary.person.id]} — {session.t('cli.review.line', when=when)}"
        click.echo(line)
        if item.kept:
            day = dates.format_day(item.kept.kept_on, session.lang)
            text = session.t("cli.review.kept_before", day=day, reason=one_line(item.kept.reason))
            click.echo(f"      {text}")
    click.echo()
    click.echo(session.t("cli.review.how"))
