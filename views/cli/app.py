"""Opening the Textual app: the bare `dentelle` and `dentelle demo`.

The app is imported here only, and only when it opens: commands that do not open it
must start fast (importing Textual alone costs ~0.2 s).
"""

from __future__ import annotations

import click

from journal.errors import DentelleError
from journal.i18n import LANGUAGES
from views.cli.group import command, option
from views.cli.session import Session, pass_session


def open_app(session: Session, demo: bool = False, lang: str | None = None) -> None:
    try:
        from views.app import run_app  # here, not at the top: Textual loads only now
    except ImportError:
        raise DentelleError("cli.app_unavailable") from None
    run_app(session.vault, lang=lang or session.lang, demo=demo)


@command(help="cli.help.demo")
@option("--lang", type=click.Choice(LANGUAGES), help="cli.help.lang")
@pass_session
def demo(session: Session, lang: str | None) -> None:
    """`dentelle demo --lang en` as well as `dentelle --lang en demo`: the English demo."""
    open_app(session, demo=True, lang=lang)
