"""What goes to and comes from the terminal, shared by the commands: user text made
inert, what tells two people of the same name apart, a note read from an argument or a pipe, a day in the worker's words, a story
as plain lines.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator

import click

from journal import dates
from journal.errors import DentelleError
from journal.i18n import translate
from journal.model import Entry, PersonSummary
from journal.story import EntryItem, Gap, MonthHeading, YearHeading, story_items
from journal.text import fold, safe_json, strip_controls
from views.cli.session import Session


def clean(text: str) -> str:
    """User text as it may reach a terminal: no escape sequence ever executes, no bidi
    override reorders it, nothing invisible hides in it (`journal.text.strip_controls`,
    one character for one). Every string a command prints that a person, a file or an
    argument supplied goes through here: names, profiles, notes, paths, error messages."""
    return strip_controls(text)


def one_line(text: str) -> str:
    """`clean`, on one line: for names, labels and reasons in lists, where a newline
    would start what looks like another person's line."""
    return " ".join(clean(text).split())


def echo_json(value: object) -> None:
    """`--json` output: the data exact, its unsafe characters escaped (`safe_json`)."""
    click.echo(safe_json(value))


def read_stdin() -> str:
    """Standard input as UTF-8, strictly: text that is not UTF-8 is refused with a clear
    message rather than saved with raw bytes in it (the C locale's surrogateescape) or
    ending on an UnicodeDecodeError."""
    stream = sys.stdin
    raw = getattr(stream, "buffer", None)
    try:
        if raw is not None:
            # A leading BOM (Windows editors) is not text; newlines read as the text layer
            # would read them (universal newlines).
            text = raw.read().decode("utf-8-sig")
            return text.replace("\r\n", "\n").replace("\r", "\n")
        text = stream.read()
        text.encode("utf-8")  # a lone surrogate: a byte that was not UTF-8
        return text
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise DentelleError("cli.stdin_not_utf8") from None


def tells_apart(summary: PersonSummary, lang: str, width: int = 40) -> str:
    """What tells two people of the same name apart: their profile's start, their last
    note ("sans profil · pas encore de note" when there is neither)."""
    profile = one_line(summary.person.profile)
    if len(profile) > width:
        profile = profile[: width - 1].rstrip() + "…"
    last = summary.last_contact
    when = (
        translate("cli.person.last_note", lang, day=dates.format_day(last, lang))
        if last
        else translate("cli.no_contact", lang)
    )
    return f"{profile or translate('cli.person.no_profile', lang)} · {when}"


def listed_names(summaries: list[PersonSummary]) -> dict[str, str]:
    """Each person's name as a list prints it (by id): followed by the id the commands
    take when someone else has the same name, the name alone otherwise."""
    same = Counter(fold(s.person.name.strip()) for s in summaries)
    return {
        s.person.id: f"{one_line(s.person.name)} ({s.person.id})"
        if same[fold(s.person.name.strip())] > 1
        else one_line(s.person.name)
        for s in summaries
    }


def read_text(text: str | None, session: Session) -> str:
    if text is not None:
        return text
    if session.interactive():
        raise DentelleError("cli.need_text")
    data = read_stdin()
    # The shell adds one newline at the end of piped text; it is not part of the note.
    return data[:-1] if data.endswith("\n") else data


def parse_day(expression: str | None, session: Session) -> dates.ParsedDate:
    parsed = dates.parse_date(expression or "", session.now(), session.lang)
    if parsed.in_future:
        click.echo(
            session.t("cli.future_date", day=dates.format_day(parsed.day, session.lang)), err=True
        )
    return parsed


def render_story(entries: list[Entry], lang: str) -> Iterator[str]:
    """The plain-text timeline: years, months, entries and the silences between."""
    for item in story_items(entries):
        if isinstance(item, YearHeading):
            yield ""
            yield click.style(f"── {item.year} ──", bold=True)
        elif isinstance(item, MonthHeading):
            yield ""
            yield click.style(dates.format_month(item.year, item.month, lang), underline=True)
        elif isinstance(item, Gap):
            gap = dates.format_gap(item.earlier, item.later, lang)
            if gap:
                yield ""
                yield click.style(f"        — {gap} —", dim=True)
        elif isinstance(item, EntryItem):
            entry = item.entry
            heading = dates.format_day(entry.occurred_on, lang)
            if entry.time:
                heading += f", {entry.time.strftime('%H:%M')}"
            suffix = f"  ·  {entry.id}"
            if entry.versions > 1:
                suffix += f"  ·  v{entry.versions}"
            yield ""
            yield "  " + click.style(heading, bold=True) + click.style(suffix, dim=True)
            for line in clean(entry.text).splitlines() or [""]:
                yield "    " + line
