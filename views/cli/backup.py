"""`dentelle backup`, `dentelle backups`, `dentelle restore`: the USB key from the shell.

The work is in `journal.backup`; this module chooses the drive, asks for secrets and
confirmations the way the other commands do (`Session`), and draws rich progress bars
on standard error when it is a terminal. rich is imported only then: the core never sees it.

Tests replace `find_drives` in this module to fake plugged-in keys, and
`stderr_is_tty` to exercise the progress bars without a terminal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click
from babel.dates import format_datetime
from babel.numbers import format_decimal

from journal.backup import (
    GenerationInfo,
    Progress,
    back_up,
    check_destination,
    describe_set,
    erasures_pending,
    find_drives,
    format_size,
    restore,
    unlock_set,
    verify_set,
)
from journal.backup.io import no_progress
from journal.backup.rekeyed import old_key_generations
from journal.config import load_config
from journal.errors import DentelleError
from journal.i18n import plural
from views import backup_strings  # noqa: F401  (registers the messages)
from views.cli.group import command, option
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, one_line


def stderr_is_tty() -> bool:
    return sys.stderr is not None and sys.stderr.isatty()


@contextmanager
def progress_bars(session: Session) -> Iterator[Progress]:
    """A `Progress` callback drawing one bar per phase, or a silent one off a terminal."""
    if not stderr_is_tty():
        yield no_progress
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    columns = (TextColumn("{task.description:<28}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bars:
        tasks: dict[str, object] = {}

        def update(phase: str, done: int, total: int) -> None:
            task = tasks.get(phase)
            if task is None:
                task = tasks[phase] = bars.add_task(session.t(phase), total=total)
            bars.update(task, completed=done, total=total)  # type: ignore[arg-type]

        yield update


def when(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return "?"
    return format_datetime(moment, "d MMM y, HH:mm", locale=lang)


def choose_drive(session: Session, *, with_set: bool = False) -> Path:
    """The one plugged-in key, or the one the worker picks; never a silent guess."""
    drives = find_drives()
    if with_set:
        drives = [d for d in drives if d.has_set]
    if not drives:
        raise DentelleError("cli.backup.no_set_drive" if with_set else "cli.backup.no_drive")
    if len(drives) == 1:
        click.echo(session.t("cli.backup.using_drive", path=clean(str(drives[0].path))), err=True)
        return drives[0].path
    lines = [
        session.t(
            "cli.backup.drive_line",
            n=n,
            label=one_line(drive.label),
            path=clean(str(drive.path)),
            free=format_size(drive.free, session.lang) if drive.free is not None else "?",
            mark=session.t("cli.backup.has_set_mark") if drive.has_set else "",
        )
        for n, drive in enumerate(drives, 1)
    ]
    if not session.interactive():
        raise DentelleError("cli.backup.several_drives", drives="\n".join(lines))
    for line in lines:
        click.echo(line, err=True)
    choice = click.prompt(
        session.t("cli.backup.which_drive"), type=click.IntRange(1, len(drives)), err=True
    )
    return drives[choice - 1].path


@command(help="cli.help.backup")
@option(
    "--to",
    "destination",
    type=click.Path(path_type=Path, file_okay=False),
    help="cli.help.backup_to",
)
@pass_session
def backup(session: Session, destination: Path | None) -> None:
    session.vault.require()
    folder = destination or choose_drive(session)
    check_destination(folder, session.vault.path)  # before unlocking: a typo costs no scrypt
    keep = load_config().backup_generations
    with session.journal() as journal, progress_bars(session) as progress:
        report = back_up(journal, folder, keep=keep, progress=progress, now=session.now())
    click.echo(
        session.t(
            "cli.backup.done",
            number=report.number,
            path=clean(str(report.path)),
            size=format_size(report.size, session.lang),
            people=format_decimal(report.people, locale=session.lang),
            entries=format_decimal(report.entries, locale=session.lang),
        )
    )
    if report.removed:
        numbers = ", ".join(str(n) for n in report.removed)
        click.echo(session.t("cli.backup.rotated", keep=keep, numbers=numbers))


def _status(info: GenerationInfo, session: Session) -> str:
    if info.ok is False:
        return session.t("cli.backups.damaged")
    if info.checked is None:
        return session.t("cli.backups.unchecked")
    return session.t("cli.backups.checked", when=when(info.checked, session.lang))


@command(help="cli.help.backups")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@option("--verify", is_flag=True, help="cli.help.backups_verify")
@pass_session
def backups(session: Session, folder: Path | None, as_json: bool, verify: bool) -> int:
    folder = folder or choose_drive(session, with_set=True)
    info = describe_set(folder)
    results = {}
    old_keys, gone = old_key_generations(info, session.vault.database_file)
    # Right after a rekey every generation may be from before it: none opens with the
    # current passphrase, and the line about old keys below says so.
    current = [g for g in info.generations if g.number not in old_keys and g.number not in gone]
    foreign: list[int] = []
    if verify and current:
        if session.interactive():
            click.echo(session.t("cli.unlocking"), err=True)
        identity = unlock_set(info.path, session.vault.keywrap, passphrase=session.passphrase())
        with progress_bars(session) as progress:
            checks = verify_set(
                info.path,
                identity,
                progress=progress,
                now=session.now(),
                spool_dir=session.vault.path,
            )
        results = {check.number: check.ok for check in checks}
        foreign = [check.number for check in checks if check.other_set]
        info = describe_set(info.path)
    if as_json:
        rows = [
            {
                "number": g.number,
                "created": g.created.isoformat() if g.created else None,
                "size": g.size,
                "checked": g.checked.isoformat() if g.checked else None,
                "ok": g.ok,
                **({"verified": results[g.number]} if g.number in results else {}),
                "keys": "old"
                if g.number in old_keys
                else "gone"
                if g.number in gone
                else "current",
            }
            for g in info.generations
        ]
        click.echo(json.dumps({"path": str(info.path), "generations": rows}, indent=2))
    else:
        click.echo(session.t("cli.backups.header", path=clean(str(info.path))))
        if not info.generations:
            click.echo(session.t("cli.backups.none"))
        for generation in reversed(info.generations):
            line = session.t(
                "cli.backups.line",
                number=generation.number,
                created=when(generation.created, session.lang),
                size=format_size(generation.size, session.lang),
                status=_status(generation, session),
            )
            click.echo(line)
    if old_keys:
        numbers = ", ".join(map(str, reversed(old_keys)))
        click.echo(session.t("cli.backups.old_keys", numbers=numbers), err=as_json)
    if gone:
        numbers = ", ".join(map(str, reversed(gone)))
        click.echo(session.t("cli.backups.keys_gone", numbers=numbers), err=as_json)
    pending = erasures_pending(info, session.vault.database_file)
    if pending:
        click.echo(plural("cli.backups.erasures_pending", pending, session.lang), err=as_json)
    if not results:
        return 0
    bad = [n for n, ok in results.items() if not ok]
    good = [n for n, ok in results.items() if ok]
    if not bad:
        message = session.t("cli.backups.all_good", count=len(good))
    elif good:
        message = session.t(
            "cli.backups.some_damaged",
            bad=", ".join(map(str, bad)),
            good=", ".join(map(str, reversed(good))),
        )
    else:
        message = session.t("cli.backups.all_damaged", bad=", ".join(map(str, bad)))
    click.echo(message, err=as_json)
    for number in foreign:
        click.echo(session.t("cli.backups.other_set", number=number), err=as_json)
    return 1 if bad else 0


@command("restore", help="cli.help.restore")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@option("--generation", type=int, help="cli.help.generation")
@option("--recovery-code", "use_recovery_code", is_flag=True, help="cli.help.recovery_code_flag")
@option("--yes", is_flag=True, help="cli.help.yes")
@pass_session
def restore_command(
    session: Session, folder: Path, generation: int | None, use_recovery_code: bool, yes: bool
) -> None:
    info = describe_set(folder)
    chosen = info.generation(generation)
    if session.vault.exists() and not yes:
        if not session.interactive():
            raise DentelleError("cli.need_yes")
        question = session.t(
            "cli.restore.confirm",
            path=clean(str(session.vault.path)),
            number=chosen.number,
            when=when(chosen.created, session.lang),
        )
        if not session.confirm(question):
            click.echo(session.t("cli.cancelled"))
            return
    keywrap = session.vault.keywrap
    if use_recovery_code:
        code = session.recovery_code()
        if session.interactive():
            click.echo(session.t("cli.unlocking"), err=True)
        identity = unlock_set(info.path, keywrap, recovery_code=code, generation=chosen.number)
    else:
        passphrase = session.passphrase()
        if session.interactive():
            click.echo(session.t("cli.unlocking"), err=True)
        identity = unlock_set(info.path, keywrap, passphrase=passphrase, generation=chosen.number)
    with progress_bars(session) as progress:
        report = restore(
            info.path,
            session.vault,
            identity,
            generation=chosen.number,
            progress=progress,
            today=session.now().date(),
        )
    click.echo(
        session.t(
            "cli.restore.done",
            number=report.number,
            when=when(report.created, session.lang),
            path=clean(str(report.vault_path)),
            people=format_decimal(report.people, locale=session.lang),
            entries=format_decimal(report.entries, locale=session.lang),
        )
    )
    if report.forgotten:
        click.echo(plural("cli.restore.forgotten", report.forgotten, session.lang))
    if report.erased:
        click.echo(plural("cli.restore.erased", report.erased, session.lang))
    if not report.authenticated:
        click.echo(session.t("cli.restore.not_authenticated"))
    if use_recovery_code:
        click.echo(session.t("cli.restore.recovery_hint"))
