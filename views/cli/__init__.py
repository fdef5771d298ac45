"""The `dentelle` command: the core exposed for the shell, scripts and tests.

This module is the table of contents: the root group, its options, and every command
attached from the module of its family. Nothing here imports Textual at module level:
commands that do not open the app must start fast (see `views.cli.app`).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from journal.hygiene import harden_process
from journal.i18n import LANGUAGES, detect_language
from journal.layout import default_vault_path
from views.cli.group import RootGroup, option
from views.cli.session import Seams, Session

__all__ = ["Seams", "Session", "cli", "main"]


# Every command, family by family, imported only when it runs (`dentelle --help` lists
# them in alphabetical order).
COMMANDS = {
    "init": "views.cli.vault:init",
    "passwd": "views.cli.vault:passwd",
    "recover": "views.cli.vault:recover",
    "person": "views.cli.people:person",
    "people": "views.cli.people:people",
    "add": "views.cli.entries:add",
    "show": "views.cli.entries:show",
    "edit": "views.cli.entries:edit",
    "history": "views.cli.entries:history",
    "delete": "views.cli.entries:delete",
    "demo": "views.cli.app:demo",
    "backup": "views.cli.backup:backup",
    "backups": "views.cli.backup:backups",
    "restore": "views.cli.backup:restore_command",
    "check": "views.cli.pertinence:check",
    "practice": "views.cli.practice:practice",
    "rhythm": "views.cli.rhythm:rhythm",
    "soon": "views.cli.rhythm:soon_command",
    "export": "views.cli.rights:export",
    "forget": "views.cli.rights:forget",
    "erase-version": "views.cli.rights:erase_version",
    "review": "views.cli.rights:review",
    "search": "views.cli.search:search",
    "rekey": "views.cli.vault:rekey",
    "card": "views.cli.handover:card",
    "colleague": "views.cli.handover:colleague",
    "colleagues": "views.cli.handover:colleagues_command",
    "handover": "views.cli.handover:handover",
    "receive": "views.cli.handover:receive",
    "unlock": "views.cli.agent:unlock",
    "lock": "views.cli.agent:lock",
}


@click.group(
    cls=RootGroup,
    lazy_commands=COMMANDS,
    help="cli.help.main",
    invoke_without_command=True,
)
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
    harden_process()  # before any secret is read: no core dump, no ptrace
    seams = ctx.obj if isinstance(ctx.obj, Seams) else Seams()
    ctx.obj = Session(
        vault_dir=vault_dir or default_vault_path(),
        lang=lang or detect_language(),
        passphrase_file=passphrase_file,
        seams=seams,
    )
    if ctx.invoked_subcommand is None:
        from views.cli.app import open_app

        open_app(ctx.obj)


def main() -> None:
    """Console entry point (`dentelle`)."""
    cli.main(prog_name="dentelle")
