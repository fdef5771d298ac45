"""The click classes every command is built on.

Help texts are message keys, translated only when help is shown: the language is known
from `--lang` or the environment, and may be needed before the arguments are parsed.
The root group turns every expected failure into one message and an exit code.

click's own words ("Usage:", "Options", its errors) come from gettext, which follows
the environment and not `--lang`: while a command runs, `click_speaks` has click read
them from our catalogue (the `cli.click.*` keys, whose English is click's message id),
and the names in a usage line (click's metavars: PERSON, TEXT) are said the same way.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import import_module

import click

from journal.errors import Ambiguous, DentelleError
from journal.i18n import MESSAGES, detect_language, normalize_language, translate
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


# The click modules that bind gettext's `_` (and `ngettext`) at their import.
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")
_METAVAR = re.compile(r"(?P<q>'?)\b(?P<word>[A-Z][A-Z_-]*[A-Z])\b(?P=q)")
_QUOTED_OPTION = re.compile(r"'(--?[a-z][a-z-]*)'")  # click's '--limit' → « --limit »


@cache
def _keys_by_english(prefix: str) -> dict[str, str]:
    """click's English words → our catalogue keys (their "en" is click's message id)."""
    return {texts["en"]: key for key, texts in MESSAGES.items() if key.startswith(prefix)}


def click_word(message: str, lang: str) -> str:
    """One of click's gettext messages in `lang` (unknown ones stay as click wrote them)."""
    key = _keys_by_english("cli.click.").get(message)
    return translate(key, lang) if key else message


def metavars(text: str, lang: str) -> str:
    """The names of a usage line in `lang`: 'PERSON' → « PERSONNE », TEXT → TEXTE."""
    if lang == "en":
        return text
    words = _keys_by_english("cli.metavar.")

    def said(match: re.Match[str]) -> str:
        key = words.get(match["word"])
        if key is None:
            return match[0]
        word = translate(key, lang)
        return f"« {word} »" if match["q"] else word

    return _QUOTED_OPTION.sub(r"« \1 »", _METAVAR.sub(said, text))


@contextmanager
def click_speaks(lang: str) -> Iterator[None]:
    """click's own words in `lang` for the duration of one command, then as they were."""

    def gettext(message: str) -> str:
        return click_word(message, lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return click_word(singular if n == 1 else plural, lang)

    saved = []
    for name in _CLICK_MODULES:
        module = import_module(f"click.{name}")
        for attribute, words in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attribute):
                saved.append((module, attribute, getattr(module, attribute)))
                setattr(module, attribute, words)
    try:
        yield
    finally:
        for module, attribute, words in reversed(saved):
            setattr(module, attribute, words)


def show_usage_error(error: click.UsageError, lang: str) -> None:
    """click's `UsageError.show`, with the names in its message said in `lang`."""
    ctx = error.ctx
    if ctx is None:  # the parser's own errors come without the command: point at the root
        click.echo(translate("cli.click.try", lang, command="dentelle", option="--help"), err=True)
    elif ctx.command.get_help_option(ctx) is not None:
        hint = translate("cli.click.try", lang, command=ctx.command_path, option="--help")
        click.echo(f"{ctx.get_usage()}\n{hint}\n", err=True)
    message = metavars(clean(error.format_message()), lang)  # click quotes the argument as typed
    click.echo(translate("cli.click.error", lang, message=message), err=True)


class TranslatedOption(click.Option):
    """An option whose `help` is a message key, translated when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        key = self.help
        self.help = translate(key, _lang_of(ctx)) if key else key
        try:
            record = super().get_help_record(ctx)
        finally:
            self.help = key
        return (metavars(record[0], _lang_of(ctx)), record[1]) if record else record


class TranslatedCommand(click.Command):
    """A command whose `help` is a message key, translated when help is shown."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [metavars(piece, _lang_of(ctx)) for piece in super().collect_usage_pieces(ctx)]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click builds `--help` once and keeps it: its help is said again each time.
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = translate("cli.click.help_option", _lang_of(ctx))
        return option

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
        with formatter.section(click_word("Commands", lang)):
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
        with click_speaks(lang):
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
            except click.exceptions.NoArgsIsHelpError as error:
                click.echo(clean(error.format_message()), err=True)  # a family alone: its help
                code = 2
            except click.UsageError as error:
                show_usage_error(error, lang)
                code = 2
            except click.Abort:
                click.echo(translate("cli.interrupted", lang), err=True)
                code = 130
            except click.ClickException as error:
                # click's own layout ("Error: …"), its message cleaned: it may quote an argument.
                error.message = clean(error.format_message())
                error.show()
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
