"""Entry points of the terminal app: `make_app` for the CLI and tests, `run_app` for the CLI.

This module imports no Textual at load time, on purpose: Textual reads its environment
variables once, when `textual.constants` is first imported, and several of them write
a worker's data to files (`TEXTUAL_DEBUG` logs every keystroke, passphrase included,
to ./keys.log; `TEXTUAL_LOG` appends every log call to a file; `TEXTUAL_SCREENSHOT`
saves an SVG of the screen; `TEXTUAL_PRESS` types keys at start-up). `run_app` removes
them first, then imports the app (`views.shell`). The CLI imports this module only for
the bare `dentelle` and `dentelle demo`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, MutableMapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from journal.config import Config, load_config
from journal.crypto import KeyWrap, ScryptKeyWrap
from journal.hygiene import harden_process
from journal.vault import Vault

if TYPE_CHECKING:
    from views.shell import DentelleApp

# Textual settings that only change looks or feel; every other TEXTUAL* is removed.
HARMLESS_TEXTUAL_VARIABLES = frozenset(
    {
        "TEXTUAL_THEME",
        "TEXTUAL_ANIMATIONS",
        "TEXTUAL_COLOR_SYSTEM",
        "TEXTUAL_FPS",
        "TEXTUAL_SMOOTH_SCROLL",
        "TEXTUAL_DIM_FACTOR",
        "TEXTUAL_DISABLE_KITTY_KEY",
    }
)


def scrub_textual_environment(environ: MutableMapping[str, str] | None = None) -> list[str]:
    """Remove Textual's debugging variables (see the module docstring); return their names."""
    env = os.environ if environ is None else environ
    removed = [
        name
        for name in list(env)
        if name.upper().startswith("TEXTUAL") and name.upper() not in HARMLESS_TEXTUAL_VARIABLES
    ]
    for name in removed:
        del env[name]
    return removed


def make_app(
    vault: Vault,
    *,
    lang: str,
    keywrap: KeyWrap | None = None,
    clock: Callable[[], datetime] | None = None,
    config: Config | None = None,
    demo_passphrase: str | None = None,
) -> DentelleApp:
    """Build the app on `vault`; the one factory for the CLI, the tests and the benchmarks.

    Args:
        vault: the vault folder (it may not exist yet: the app then offers to create it).
        lang: "fr" or "en".
        keywrap: replaces the vault's key wrapper (production: `SubprocessKeyWrap`, so
            scrypt never holds the app's GIL; tests: a memoizing wrapper).
        clock: "now" for dates and "today"; tests fix it.
        config: settings (idle lock); defaults when None.
        demo_passphrase: shown on the unlock screen (`dentelle demo` only).
    """
    from views.shell import DentelleApp

    if keywrap is not None:
        vault = Vault(vault.path, keywrap=keywrap)
    return DentelleApp(
        vault, lang=lang, clock=clock, config=config or Config(), demo_passphrase=demo_passphrase
    )


def private_temp_folder() -> Path:
    """A folder only this user can read, in memory (/dev/shm) when the system has one."""
    shm = Path("/dev/shm")
    parent = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="dentelle-demo-", dir=parent))


def run_app(vault: Vault, lang: str, demo: bool = False) -> None:
    """Run the app in this terminal until the worker quits; exit non-zero after a crash."""
    harden_process()
    scrub_textual_environment()
    from journal.keywrap_process import SubprocessKeyWrap

    config = load_config()
    subprocess_keywrap = SubprocessKeyWrap()
    if demo:
        from journal.demo import create_demo_vault, demo_passphrase

        folder = private_temp_folder()
        try:
            demo_vault = create_demo_vault(
                folder / "vault", date.today(), subprocess_keywrap, lang=lang
            )
            app = make_app(
                demo_vault,
                lang=lang,
                keywrap=subprocess_keywrap,
                config=config,
                demo_passphrase=demo_passphrase(lang),
            )
            code = _run(app)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        # The CLI's default wrapper runs scrypt in this process (holding the GIL for
        # seconds); any other wrapper was injected on purpose (tests) and is kept.
        keywrap = subprocess_keywrap if isinstance(vault.keywrap, ScryptKeyWrap) else None
        code = _run(make_app(vault, lang=lang, keywrap=keywrap, config=config))
    if code:
        sys.exit(code)


def _run(app: DentelleApp) -> int:
    app.handle_signals = True
    app.run()
    return app.return_code or 0
