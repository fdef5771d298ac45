"""`dentelle search`: every story, from the shell.

The index is built in memory for this one search (`journal.search`) and dropped with
the process; with `--person`, only that person's entries are opened. Hits come newest
first: the day (in the session's language), the person, the entry id (for `dentelle
edit` and `history`), then an extract where the words are in bold reverse video on a
terminal (click drops the styles when the output is not one). `--json` lists `id`,
`person_id`, `person`, `occurred_on`, `snippet` and `matches`, `[start, end]` offsets
into `snippet`.
"""

from __future__ import annotations

import click

from journal import dates
from journal.errors import DentelleError
from journal.i18n import plural, register
from journal.search import Hit
from journal.search.stored import StoredIndex
from journal.search.text import parse_query
from views.cli.group import command, option
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, echo_json, one_line

register(
    {
        "cli.help.search_person": {
            "fr": "Chercher seulement dans l'histoire de cette personne.",
            "en": "Search only this person's story.",
        },
        "cli.help.search_limit": {
            "fr": "Nombre de notes à afficher au plus (0 : toutes).",
            "en": "How many entries to show at most (0: all).",
        },
        "cli.search.no_words": {
            "fr": "Donnez au moins un mot à chercher.",
            "en": "Give at least one word to search for.",
        },
        "cli.search.none": {
            "fr": "Aucune note ne contient « {query} ».",
            "en": "No entry contains “{query}”.",
        },
        "cli.search.count": {
            "fr": "{n} notes contiennent « {query} ».",
            "en": "{n} entries contain “{query}”.",
        },
        "cli.search.count.one": {
            "fr": "{n} note contient « {query} ».",
            "en": "{n} entry contains “{query}”.",
        },
        "cli.search.more": {
            "fr": "… et {n} de plus, plus anciennes : --limit 0 pour toutes les voir.",
            "en": "… and {n} more, older: --limit 0 to see them all.",
        },
        "cli.search.more.one": {
            "fr": "… et {n} de plus, plus ancienne : --limit 0 pour la voir.",
            "en": "… and {n} more, older: --limit 0 to see it.",
        },
        "cli.search.indexing": {
            "fr": (
                "Préparation de l'index de recherche, une fois pour toutes "
                "(un coffre d'une version antérieure) : un instant…"
            ),
            "en": (
                "Preparing the search index, once and for all "
                "(a vault from an earlier version): a moment…"
            ),
        },
    }
)


@command(help="cli.help.search")
@click.argument("words", nargs=-1, required=True)
@option("--person", "person_query", metavar="PERSON", help="cli.help.search_person")
@option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="INTEGER",  # not "INTEGER RANGE": the help says what it may be
    default=50,
    show_default=True,
    help="cli.help.search_limit",
)
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def search(
    session: Session, words: tuple[str, ...], person_query: str | None, limit: int, as_json: bool
) -> None:
    query = parse_query(words)
    if not query:
        raise DentelleError("cli.search.no_words")  # before unlocking: a typo costs no scrypt
    with session.journal() as journal:
        person_id = journal.find_person(person_query).id if person_query else None
        index = StoredIndex()  # the sealed word indexes: no note opened but those shown
        index.load(
            journal,
            person_id=person_id,
            rebuilding=lambda _: click.echo(session.t("cli.search.indexing"), err=True),
        )
        hits = index.search(query, person_id=person_id, limit=limit or None)
    if as_json:
        echo_json([hit_json(hit) for hit in hits])
        return
    typed = clean(" ".join(words))
    if not hits:
        click.echo(session.t("cli.search.none", query=typed))
        return
    click.echo(plural("cli.search.count", hits.total, session.lang, query=typed))
    for hit in hits:
        click.echo()
        click.echo(render_heading(hit, session.lang))
        click.echo("    " + render_snippet(hit))
    if hits.total > len(hits):
        click.echo()
        click.echo(
            click.style(plural("cli.search.more", hits.total - len(hits), session.lang), dim=True)
        )


def hit_json(hit: Hit) -> dict:
    return {
        "id": hit.id,
        "person_id": hit.person_id,
        "person": hit.person,
        "occurred_on": hit.entry.occurred_on.isoformat(),
        "snippet": hit.snippet,
        "matches": [list(span) for span in hit.matches],
    }


def render_heading(hit: Hit, lang: str) -> str:
    day = dates.format_day(hit.entry.occurred_on, lang)
    return (
        click.style(day, bold=True)
        + "  ·  "
        + one_line(hit.person)
        + click.style(f"  ·  {hit.id}", dim=True)
    )


def render_snippet(hit: Hit) -> str:
    """The extract with the matched words styled (it is already one clean line)."""
    out, at = [], 0
    for start, end in hit.matches:
        if start < at:
            continue
        out += [hit.snippet[at:start], click.style(hit.snippet[start:end], bold=True, reverse=True)]
        at = end
    out.append(hit.snippet[at:])
    return "".join(out)
