"""The click classes every command is built on.

Help texts are message keys, translated only when help is shown: the language is known
from `--lang` or the environment, and may be needed before the arguments are parsed.
The root group turns every expected failure into one message and an exit code.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from importlib import import_module

import click

from journal.errors import Ambiguous, DentelleError
from journal.i18n import detect_language, normalize_language, translate
from views.cli.session import Session
from views.cli.terminal import clean, one_line, tells_apart

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
        return _short(
            translate(self.help or "", _lang_of(click.get_current_context(silent=True))), limit
        )


def _short(text: str, limit: int) -> str:
    first = text.split("\n")[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class TranslatedGroup(TranslatedCommand, click.Group):
    command_class = TranslatedCommand
    group_class = type


class RootGroup(TranslatedGroup):
    """Turns every expected failure into one message and an exit code, never a traceback.

    Its commands are imported when they run (`lazy_commands`: name → "module:attribute"),
    so that `dentelle check` does not pay for the vault, backups and search: click's
    documented pattern for lazily loaded subcommands.
    """

    def __init__(self, *args: object, lazy_commands: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command's line from its message key (`cli.help.<name>`, a test holds every
        command to it) without importing its module: `dentelle --help` stays fast."""
        from gettext import gettext

        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        lang = _lang_of(ctx)
        rows = []
        for name in names:
            loaded = self.commands.get(name)
            if loaded is not None and loaded.hidden:
                continue
            key = loaded.help if loaded is not None else f"cli.help.{name.replace('-', '_')}"
            rows.append((name, _short(translate(key or "", lang), limit)))
        with formatter.section(gettext("Commands")):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, attribute = self.lazy_commands[cmd_name].split(":")
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

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
        _never_fail_to_encode()
        try:
            _require_utf8(argv)
            result = super().main(
                argv, prog_name or "dentelle", complete_var, standalone_mode=False, **extra
            )
            code = result if isinstance(result, int) else 0
        except DentelleError as error:
            click.echo(clean(error.message(lang)), err=True)  # it may echo an argument
            if isinstance(error, Ambiguous):
                for candidate in error.candidates:
                    line = translate(
                        "cli.candidates",
                        lang,
                        id=candidate.person.id,
                        name=one_line(candidate.person.name),
                        details=tells_apart(candidate, lang),
                    )
                    click.echo(line, err=True)
                click.echo(translate("cli.candidates.hint", lang), err=True)
            code = error.exit_code
        except click.UsageError as error:
            detail = clean(error.format_message())  # click quotes the argument as typed
            click.echo(translate("cli.usage_error", lang, detail=detail), err=True)
            code = 2
        except click.Abort:
            click.echo(translate("cli.interrupted", lang), err=True)
            code = 130
        except click.ClickException as error:
            click.echo(clean(error.format_message()), err=True)
            code = error.exit_code
        except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback
            click.echo(translate("cli.unexpected", lang, kind=type(error).__name__), err=True)
            code = 70
        if standalone_mode:
            sys.exit(code)
        return code


def _require_utf8(argv: list[str]) -> None:
    """An argument that was not UTF-8 (its bytes kept as lone surrogates by Python's
    surrogateescape) is refused before anything is read or written: saved, it would be
    a name or a note that no strict UTF-8 output can print."""
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise DentelleError("cli.argument_not_utf8", argument=argument) from None


def _never_fail_to_encode() -> None:
    """What the command prints is made inert by `clean`; this is the net below it.
    Under a strict or non-UTF-8 standard output, a character the stream cannot encode
    becomes '?' instead of ending the command with an UnicodeEncodeError (exit 70), and
    under the C locale's surrogateescape, instead of writing a raw byte (0x9B: a CSI)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def command(name: str | None = None, **kwargs: object) -> Callable:
    """`click.command` for a `dentelle` command: its `help` is a message key."""
    return click.command(name, cls=TranslatedCommand, **kwargs)


def group(name: str | None = None, **kwargs: object) -> Callable:
    """`click.group` for a family of subcommands (`person`, `practice`)."""
    return click.group(name, cls=TranslatedGroup, **kwargs)


def option(*names: str, **kwargs: object) -> Callable:
    return click.option(*names, cls=TranslatedOption, **kwargs)
