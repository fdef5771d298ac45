"""Start-up of the `dentelle` command (issue 15): `--help` loads no command's module."""

from __future__ import annotations

import json
import subprocess
import sys

import click

from journal.i18n import translate
from views.cli import COMMANDS, cli

PROBE = """
import io, json, sys, contextlib
from views.cli import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        cli.main(["--help", "--lang", "en"], prog_name="dentelle")
    except SystemExit:
        pass
print(json.dumps({"help": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def test_help_lists_every_command_without_importing_them() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout)
    loaded = {spec.split(":")[0] for spec in COMMANDS.values()} & set(probe["modules"])
    assert not loaded
    assert not {"journal.store", "sqlite_utils", "journal.vault"} & set(probe["modules"])
    ctx = click.Context(cli, info_name="dentelle")
    for name in COMMANDS:  # the same short help as the loaded command's
        command = cli.get_command(ctx, name)
        assert command is not None and command.help
        short = translate(command.help, "en")
        line = next(line for line in probe["help"].splitlines() if line.strip().startswith(name))
        assert line.split(None, 1)[0] == name
        assert " ".join(line.split()[1:])[:20] == " ".join(short.split())[:20], name


def test_reading_commands_do_not_load_the_pertinence_check() -> None:
    """`show` and `people` write nothing: the word lists' code is not imported (~20 ms)."""
    code = (
        "import sys\nimport views.cli.entries, views.cli.people\n"
        "print(sorted(m for m in sys.modules if 'pertinence' in m))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
