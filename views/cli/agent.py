"""`dentelle unlock` and `dentelle lock`: the unlock agent of the command line.

`unlock` runs scrypt once and starts the agent (`journal.agent_process`) with the
master identity; every later command that opens the vault asks it first
(`Session.unlock_identity`). `lock` ends it; so do `rekey`, `passwd` and `recover`.
"""

from __future__ import annotations

import os

import click

from journal.errors import DentelleError
from views.cli.group import command, option
from views.cli.session import Session, pass_session


@command(help="cli.help.unlock")
@option("--for", "idle", metavar="30m", help="cli.help.for")
@pass_session
def unlock(session: Session, idle: str | None) -> None:
    from journal import agent
    from journal.agent_process import start
    from journal.config import load_config

    if idle is None:
        seconds = load_config().agent_idle_minutes * 60
    else:
        try:
            seconds = agent.parse_duration(idle)
        except ValueError:
            raise DentelleError("cli.bad_duration", text=idle) from None
    session.vault.require()
    try:
        agent.runtime_dir()
    except agent.AgentError as error:
        raise DentelleError(error.key) from None
    passphrase = session.passphrase()
    if session.interactive():
        click.echo(session.t("cli.unlocking"), err=True)
    identity = session.vault.unwrap_identity(passphrase)
    agent.stop_agent(session.vault_dir)  # a second `unlock` starts afresh, with its time
    try:
        start(session.vault_dir, str(identity), seconds, login_session())
    except OSError as error:
        raise DentelleError("agent.start_failed", reason=str(error)) from None
    click.echo(session.t("cli.unlocked", quantity=worded(seconds, session.lang)))


def login_session() -> int:
    """The session leader the agent watches (the shell of this terminal: when it ends,
    at logout or when the terminal closes, the agent ends); 0, nothing to watch, when
    this command leads its own session (`setsid dentelle unlock`): it ends right away."""
    leader = os.getsid(0)
    return 0 if leader == os.getpid() else leader


def worded(seconds: float, lang: str) -> str:
    """'30 minutes', '1 heure et 30 minutes', '90 secondes': the idle time in words."""
    from journal import dates  # noqa: F401  (registers "dates.and")
    from journal.i18n import count, translate

    whole = round(seconds)
    if whole < 60 or whole % 60:
        return count("seconds", whole, lang)
    hours, minutes = divmod(whole // 60, 60)
    parts = ([count("hours", hours, lang)] if hours else []) + (
        [count("minutes", minutes, lang)] if minutes else []
    )
    return translate("dates.and", lang).join(parts)


@command(help="cli.help.lock")
@pass_session
def lock(session: Session) -> None:
    from journal.agent import stop_agent

    if stop_agent(session.vault_dir):
        click.echo(session.t("cli.locked"))
    else:
        click.echo(session.t("cli.not_unlocked"))
