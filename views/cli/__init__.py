"""The `dentelle` command: the core exposed for the shell, scripts and tests.

This module is the table of contents: the root group, its options, and every command
attached from the module of its family. Nothing here imports Textual at module level:
commands that do not open the app must start fast (see `views.cli.app`).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from journal.i18n import LANGUAGES, detect_language
from journal.layout import default_vault_path
from journal.vault import Vault
from views.cli import (
    app,
    backup,
    entries,
    people,
    pertinence,
    practice,
    rhythm,
    rights,
    search,
    vault,
)
from views.cli.group import RootGroup, option
from views.cli.session import Seams, Session

__all__ = ["Seams", "Session", "cli", "main"]


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
        app.open_app(ctx.obj)


# Every command, family by family (`dentelle --help` lists them in alphabetical order).
cli.add_command(vault.init)
cli.add_command(vault.passwd)
cli.add_command(vault.recover)
cli.add_command(people.person)
cli.add_command(people.people)
cli.add_command(entries.add)
cli.add_command(entries.show)
cli.add_command(entries.edit)
cli.add_command(entries.history)
cli.add_command(entries.delete)
cli.add_command(app.demo)
cli.add_command(backup.backup)
cli.add_command(backup.backups)
cli.add_command(backup.restore_command)
cli.add_command(pertinence.check)
cli.add_command(practice.practice)
cli.add_command(rhythm.rhythm)
cli.add_command(rhythm.soon_command)
cli.add_command(rights.export)
cli.add_command(rights.forget)
cli.add_command(rights.erase_version)
cli.add_command(rights.review)
cli.add_command(search.search)


def main() -> None:
    """Console entry point (`dentelle`)."""
    cli.main(prog_name="dentelle")
