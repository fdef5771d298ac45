"""`dentelle init`, `passwd`, `recover` and `rekey`: the vault and the secrets that open it."""

from __future__ import annotations

from pathlib import Path

import click

from journal.agent import stop_agent
from journal.errors import DentelleError
from journal.passphrase import check_strength
from views.cli.group import command, option
from views.cli.session import PASSPHRASE_VARIABLE, Session, pass_session
from views.cli.terminal import clean


@command(help="cli.help.init")
@pass_session
def init(session: Session) -> None:
    if session.vault.exists():
        raise DentelleError("vault.exists", path=str(session.vault.path))
    passphrase = session.new_passphrase(session.passphrase_file, PASSPHRASE_VARIABLE)
    created = session.vault.create(passphrase)
    click.echo(session.t("cli.created", path=clean(str(session.vault.path))))
    click.echo()
    click.echo(session.t("cli.recovery_code", code=created.recovery_code))


@command(help="cli.help.passwd")
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
    stop_agent(session.vault_dir)  # a secret changed: the agent ends too
    click.echo(session.t("cli.passwd_done"))


@command(help="cli.help.recover")
@option(
    "--new-passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="cli.help.passphrase_file",
)
@pass_session
def recover(session: Session, new_passphrase_file: Path | None) -> None:
    session.vault.require()
    identity = session.vault.unwrap_with_recovery_code(session.recovery_code())
    new = session.new_passphrase(new_passphrase_file)
    session.vault.change_passphrase(identity, new)
    # The code was used (read aloud, typed, perhaps seen): it is replaced at once.
    code = session.vault.new_recovery_code(identity)
    stop_agent(session.vault_dir)  # a secret changed: the agent ends too
    click.echo(session.t("cli.recover_done"))
    click.echo()
    click.echo(session.t("cli.recovery_code", code=code))


@command(help="cli.help.rekey")
@option(
    "--new-passphrase-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="cli.help.passphrase_file",
)
@pass_session
def rekey(session: Session, new_passphrase_file: Path | None) -> None:
    session.vault.require()
    identity = session.vault.unwrap_identity(session.passphrase())
    new = session.new_passphrase(new_passphrase_file)
    check_strength(new)  # before the long part, not after it
    if session.interactive():
        click.echo(session.t("cli.rekey_working"), err=True)
    done = session.vault.rekey(identity, new)
    stop_agent(session.vault_dir)  # its identity is the old one: it must not serve it
    click.echo(session.t("cli.rekey_done"))
    click.echo()
    click.echo(session.t("cli.recovery_code", code=done.recovery_code))
    click.echo()
    click.echo(session.t("cli.rekey_backup_hint"))
