"""The `dentelle` command: the core exposed for the shell, scripts and tests.

Nothing here imports Textual at module level: commands that do not open the app must
start fast (importing Textual alone costs ~0.2 s). The app is imported only by the
bare `dentelle` and by `dentelle demo`.

Secrets come from, in order: `DENTELLE_PASSPHRASE` / `--passphrase-file` (automation),
else a hidden prompt when a terminal is attached, else a clear error: a command never
waits for input that cannot come.

Tests inject a `Seams` object as click's `obj` (see `tests/views/test_cli.py`): the key
wrapper (to skip repeated scrypt) and the clock.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import click

from journal import dates
from journal.crypto import KeyWrap
from journal.errors import Ambiguous, DentelleError
from journal.i18n import LANGUAGES, detect_language, normalize_language, plural, translate
from journal.layout import default_vault_path
from journal.model import Entry
from journal.store import Journal
from journal.story import EntryItem, Gap, MonthHeading, YearHeading, story_items
from journal.text import strip_controls
from journal.vault import Vault
from views import strings  # noqa: F401  (registers the CLI's messages)

PASSPHRASE_VARIABLE = "DENTELLE_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "DENTELLE_NEW_PASSPHRASE"
RECOVERY_CODE_VARIABLE = "DENTELLE_RECOVERY_CODE"


@dataclass
class Seams:
    """What tests may replace: never set by users."""

    keywrap: KeyWrap | None = None
    clock: Callable[[], datetime] | None = None
    stdin_is_tty: Callable[[], bool] | None = None


@dataclass
class Session:
    """Per-invocation state: the vault folder, the language and how to get secrets."""

    vault: Vault
    lang: str
    passphrase_file: Path | None
    seams: Seams = field(default_factory=Seams)

    def t(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)

    def now(self) -> datetime:
        return (self.seams.clock or (lambda: datetime.now().astimezone()))()

    def interactive(self) -> bool:
        if self.seams.stdin_is_tty is not None:
            return self.seams.stdin_is_tty()
        return sys.stdin is not None and sys.stdin.isatty()

    def passphrase(self) -> str:
        if os.environ.get(PASSPHRASE_VARIABLE):
            return os.environ[PASSPHRASE_VARIABLE]
        if self.passphrase_file is not None:
            return read_secret_file(self.passphrase_file)
        if not self.interactive():
            raise DentelleError("cli.need_passphrase")
        return click.prompt(self.t("cli.prompt.passphrase"), hide_input=True, err=True)

    def new_passphrase(self, new_file: Path | None, variable: str = NEW_PASSPHRASE_VARIABLE) -> str:
        if os.environ.get(variable):
            return os.environ[variable]
        if new_file is not None:
            return read_secret_file(new_file)
        if not self.interactive():
            missing = (
                "cli.need_passphrase"
                if variable == PASSPHRASE_VARIABLE
                else "cli.need_new_passphrase"
            )
            raise DentelleError(missing)
        first = click.prompt(self.t("cli.prompt.new_passphrase"), hide_input=True, err=True)
        second = click.prompt(self.t("cli.prompt.repeat"), hide_input=True, err=True)
        if first != second:
            raise DentelleError("passphrase.mismatch")
        return first

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask yes or no in the worker's language (o/oui/y/yes, n/non/no)."""
        choices = (
            ("[O/n]" if default else "[o/N]")
            if self.lang == "fr"
            else ("[Y/n]" if default else "[y/N]")
        )
        while True:
            answer = (
                click.prompt(f"{question} {choices}", default="", show_default=False, err=True)
                .strip()
                .lower()
            )
            if not answer:
                return default
            if answer in ("o", "oui", "y", "yes"):
                return True
            if answer in ("n", "non", "no"):
                return False

    @contextmanager
    def journal(self) -> Iterator[Journal]:
        self.vault.require()
        passphrase = self.passphrase()
        if self.interactive():
            click.echo(self.t("cli.unlocking"), err=True)
        opened = self.vault.unlock(passphrase, clock=self.seams.clock)
        try:
            yield opened
        finally:
            opened.close()


def read_secret_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        raise DentelleError("cli.passphrase_file_unreadable", path=str(path)) from None


# -- help in the worker's language --------------------------------------------------


_requested_language: str | None = None  # from the raw arguments, for help shown before parsing


def _lang_of(ctx: click.Context | None) -> str:
    while ctx is not None:
        if isinstance(ctx.obj, Session):
            return ctx.obj.lang
        chosen = normalize_language(ctx.params.get("lang")) if ctx.params else None
        if chosen:
            return chosen
        ctx = ctx.parent
    return _requested_language or detect_language()


def _lang_from_args(args: list[str]) -> str:
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return normalize_language(args[index + 1]) or detect_language()
        if arg.startswith("--lang="):
            return normalize_language(arg.split("=", 1)[1]) or detect_language()
    return detect_language()


class TranslatedOption(click.Option):
    """An option whose `help` is a message key, translated when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        key = self.help
        self.help = translate(key, _lang_of(ctx)) if key else key
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = key


class TranslatedCommand(click.Command):
    """A command whose `help` is a message key, translated when help is shown."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(translate(self.help, _lang_of(ctx)))

    def get_short_help_str(self, limit: int = 45) -> str:
        text = translate(self.help or "", _lang_of(click.get_current_context(silent=True)))
        first = text.split("\n")[0].strip()
        return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class TranslatedGroup(TranslatedCommand, click.Group):
    command_class = TranslatedCommand
    group_class = type


class RootGroup(TranslatedGroup):
    """Turns every expected failure into one message and an exit code, never a traceback."""

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: object,
    ) -> int:
        global _requested_language
        argv = list(sys.argv[1:] if args is None else args)
        lang = _requested_language = _lang_from_args(argv)
        try:
            result = super().main(
                argv, prog_name or "dentelle", complete_var, standalone_mode=False, **extra
            )
            code = result if isinstance(result, int) else 0
        except DentelleError as error:
            click.echo(error.message(lang), err=True)
            if isinstance(error, Ambiguous):
                for candidate_id, name in error.candidates:
                    click.echo(
                        translate("cli.candidates", lang, id=candidate_id, name=clean(name)),
                        err=True,
                    )
            code = error.exit_code
        except click.UsageError as error:
            click.echo(translate("cli.usage_error", lang, detail=error.format_message()), err=True)
            code = 2
        except click.Abort:
            click.echo(translate("cli.interrupted", lang), err=True)
            code = 130
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback
            click.echo(translate("cli.unexpected", lang, kind=type(error).__name__), err=True)
            code = 70
        if standalone_mode:
            sys.exit(code)
        return code


def option(*names: str, **kwargs: object) -> Callable:
    return click.option(*names, cls=TranslatedOption, **kwargs)


def clean(text: str) -> str:
    """User text as it may reach a terminal: no escape sequence ever executes."""
    return strip_controls(text)


# -- the commands ---------------------------------------------------------------------


@click.group(cls=RootGroup, help="cli.help.main", invoke_without_command=True)
@option("--vault", "vault_dir", type=click.Path(path_type=Path), help="cli.help.vault")
@option("--lang", type=click.Choice(LANGUAGES), help="cli.help.lang")
@option(
    "--passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="cli.help.passphrase_file",
)
@click.pass_context
def cli(
    ctx: click.Context, vault_dir: Path | None, lang: str | None, passphrase_file: Path | None
) -> None:
    os.umask(0o077)  # every file Dentelle creates is its owner's alone
    seams = ctx.obj if isinstance(ctx.obj, Seams) else Seams()
    ctx.obj = Session(
        vault=Vault(vault_dir or default_vault_path(), keywrap=seams.keywrap),
        lang=lang or detect_language(),
        passphrase_file=passphrase_file,
        seams=seams,
    )
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def open_app(session: Session, demo: bool = False) -> None:
    try:
        from views.app import run_app
    except ImportError:
        raise DentelleError("cli.app_unavailable") from None
    run_app(session.vault, lang=session.lang, demo=demo)


pass_session = click.make_pass_decorator(Session)


@cli.command(help="cli.help.init")
@pass_session
def init(session: Session) -> None:
    if session.vault.exists():
        raise DentelleError("vault.exists", path=str(session.vault.path))
    passphrase = session.new_passphrase(session.passphrase_file, PASSPHRASE_VARIABLE)
    created = session.vault.create(passphrase)
    click.echo(session.t("cli.created", path=str(session.vault.path)))
    click.echo()
    click.echo(session.t("cli.recovery_code", code=created.recovery_code))


@cli.command(help="cli.help.passwd")
@option(
    "--new-passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="cli.help.passphrase_file",
)
@pass_session
def passwd(session: Session, new_passphrase_file: Path | None) -> None:
    session.vault.require()
    identity = session.vault.unwrap_identity(session.passphrase())
    new = session.new_passphrase(new_passphrase_file)
    session.vault.change_passphrase(identity, new)
    click.echo(session.t("cli.passwd_done"))


@cli.command(help="cli.help.recover")
@option(
    "--new-passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="cli.help.passphrase_file",
)
@pass_session
def recover(session: Session, new_passphrase_file: Path | None) -> None:
    session.vault.require()
    code = os.environ.get(RECOVERY_CODE_VARIABLE)
    if not code:
        if not session.interactive():
            raise DentelleError("cli.need_recovery_code")
        code = click.prompt(session.t("cli.prompt.recovery_code"), err=True)
    identity = session.vault.unwrap_with_recovery_code(code)
    new = session.new_passphrase(new_passphrase_file)
    session.vault.change_passphrase(identity, new)
    click.echo(session.t("cli.recover_done"))


@cli.group(help="cli.help.person")
def person() -> None:
    pass


@person.command("add", help="cli.help.person_add")
@click.argument("name")
@option("--profile", default="", help="cli.help.profile")
@pass_session
def person_add(session: Session, name: str, profile: str) -> None:
    with session.journal() as journal:
        added = journal.add_person(name, profile)
    click.echo(session.t("cli.person_added", name=clean(added.name), id=added.id))


@cli.command(help="cli.help.people")
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


def read_text(text: str | None, session: Session) -> str:
    if text is not None:
        return text
    if session.interactive():
        raise DentelleError("cli.need_text")
    data = sys.stdin.read()
    # The shell adds one newline at the end of piped text; it is not part of the note.
    return data[:-1] if data.endswith("\n") else data


def parse_day(expression: str | None, session: Session) -> dates.ParsedDate:
    parsed = dates.parse_date(expression or "", session.now())
    if parsed.in_future:
        click.echo(
            session.t("cli.future_date", day=dates.format_day(parsed.day, session.lang)), err=True
        )
    return parsed


@cli.command(help="cli.help.add")
@click.argument("person_query", metavar="PERSON")
@click.argument("text", required=False)
@option("--date", "date_expression", help="cli.help.date")
@pass_session
def add(session: Session, person_query: str, text: str | None, date_expression: str | None) -> None:
    parsed = parse_day(date_expression, session)  # before unlocking: a typo costs no scrypt
    body = read_text(text, session)
    if not body.strip():
        raise DentelleError("store.empty_text")
    from views.cli_reflect import confirm_pertinence

    confirm_pertinence(session, body)
    with session.journal() as journal:
        found = journal.find_person(person_query)
        entry = journal.add_entry(found.id, parsed.day, body, entry_time=parsed.time)
    click.echo(
        session.t(
            "cli.entry_added",
            name=clean(found.name),
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


@cli.command(help="cli.help.show")
@click.argument("person_query", metavar="PERSON")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def show(session: Session, person_query: str, as_json: bool) -> None:
    from journal.config import load_config
    from journal.store.consultations import record_consultation

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
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(click.style(clean(found.name), bold=True))
    if found.profile:
        click.echo(clean(found.profile))
    if not entries:
        click.echo(session.t("cli.story_empty", name=clean(found.name)))
        return
    click.echo(plural("cli.story_count", len(entries), session.lang))
    for line in render_story(entries, session.lang):
        click.echo(line)


def render_story(entries: list[Entry], lang: str) -> Iterator[str]:
    """The plain-text timeline: years, months, entries and the silences between."""
    for item in story_items(entries):
        if isinstance(item, YearHeading):
            yield ""
            yield click.style(f"── {item.year} ──", bold=True)
        elif isinstance(item, MonthHeading):
            yield ""
            yield click.style(dates.format_month(item.year, item.month, lang), underline=True)
        elif isinstance(item, Gap):
            gap = dates.format_gap(item.earlier, item.later, lang)
            if gap:
                yield ""
                yield click.style(f"        — {gap} —", dim=True)
        elif isinstance(item, EntryItem):
            entry = item.entry
            heading = dates.format_day(entry.occurred_on, lang)
            if entry.time:
                heading += f", {entry.time.strftime('%H:%M')}"
            suffix = f"  ·  {entry.id}"
            if entry.versions > 1:
                suffix += f"  ·  v{entry.versions}"
            yield ""
            yield "  " + click.style(heading, bold=True) + click.style(suffix, dim=True)
            for line in clean(entry.text).splitlines() or [""]:
                yield "    " + line


@cli.command(help="cli.help.edit")
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
        from views.cli_reflect import confirm_pertinence

        confirm_pertinence(session, body)
    with session.journal() as journal:
        kwargs: dict = {"text": body}
        if parsed is not None:
            kwargs.update(occurred_on=parsed.day, entry_time=parsed.time)
        if body is None and parsed is None:
            raise DentelleError("cli.need_text")
        edited = journal.edit_entry(entry_id, **kwargs)
    click.echo(session.t("cli.entry_edited", id=edited.id, count=edited.versions))


@cli.command(help="cli.help.history")
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
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
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


@cli.command(help="cli.help.delete")
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


@cli.command(help="cli.help.demo")
@pass_session
def demo(session: Session) -> None:
    open_app(session, demo=True)


def main() -> None:
    """Console entry point (`dentelle`)."""
    cli.main(prog_name="dentelle")


# Commands kept in modules of their own register themselves on `cli` when imported.
from views import cli_backup  # noqa: E402,F401,I001  (backup, backups, restore)
from views import cli_reflect  # noqa: E402,F401,I001  (check, practice, rhythm, soon)
from views import cli_rights  # noqa: E402,F401,I001  (export, forget, erase-version, review)
from views import cli_search  # noqa: E402,F401,I001  (search)
