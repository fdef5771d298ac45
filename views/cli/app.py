"""Opening the Textual app: the bare `dentelle` and `dentelle demo`.

The app is imported here only, and only when it opens: commands that do not open it
must start fast (importing Textual alone costs ~0.2 s).
"""

from __future__ import annotations

from journal.errors import DentelleError
from views.cli.group import command
from views.cli.session import Session, pass_session


def open_app(session: Session, demo: bool = False) -> None:
    try:
        from views.app import run_app  # here, not at the top: Textual loads only now
    except ImportError:
        raise DentelleError("cli.app_unavailable") from None
    run_app(session.vault, lang=session.lang, demo=demo)


@command(help="cli.help.demo")
@pass_session
def demo(session: Session) -> None:
    open_app(session, demo=True)
