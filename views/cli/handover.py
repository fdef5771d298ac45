"""Handing a story to a colleague on the command line: `dentelle card`, `colleague add`,
`colleague remove`, `colleagues`, `handover` and `receive`.

Nothing is ever sent by itself: `handover` writes one file where the worker says, and
the worker carries it. `receive` shows who sent what before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from journal import dates
from journal.config import load_config
from journal.errors import DentelleError
from journal.fsutil import write_atomic
from journal.handover.cards import fingerprint
from journal.handover.colleagues import (
    add_colleague,
    colleagues,
    find_colleague,
    my_card,
    remove_colleague,
    set_my_name,
)
from journal.handover.receiving import UnknownSender, accept_handover, read_handover
from journal.handover.sending import hand_over
from journal.i18n import count, register
from views.cli.group import command, group, option
from views.cli.session import Session, pass_session
from views.cli.terminal import clean, echo_json, one_line

register(
    {
        "cli.help.card_name": {
            "fr": "Le nom affiché sur votre carte.",
            "en": "The name shown on your card.",
        },
        "cli.help.card_out": {
            "fr": "Écrire la carte dans ce fichier aussi.",
            "en": "Also write the card to this file.",
        },
        "cli.help.colleague_add": {
            "fr": "Ajouter un·e collègue : son nom, puis le fichier de sa carte ou son texte (« - » : l'entrée standard).",
            "en": "Add a colleague: their name, then their card's file or text (“-”: standard input).",
        },
        "cli.help.colleague_remove": {
            "fr": "Retirer un·e collègue : ses transmissions seront refusées.",
            "en": "Remove a colleague: their handovers will be refused.",
        },
        "cli.help.handover_to": {
            "fr": "Le nom du ou de la collègue.",
            "en": "The colleague's name.",
        },
        "cli.help.handover_out": {
            "fr": "Dossier (un nom de fichier neutre y est choisi) ou fichier à écrire ; par défaut, ici.",
            "en": "Folder (a neutral file name is chosen there) or file to write; by default, here.",
        },
        "cli.help.letter": {
            "fr": "La lettre de transmission (sinon demandée dans le terminal).",
            "en": "The handover letter (else asked in the terminal).",
        },
        "cli.help.then_forget": {
            "fr": "Oublier ensuite votre propre copie de l'histoire.",
            "en": "Then forget your own copy of the story.",
        },
        "cli.help.allow_unknown": {
            "fr": "Avec --yes : importer même si l'expéditeur n'est pas parmi vos collègues.",
            "en": "With --yes: import even when the sender is not among your colleagues.",
        },
        "cli.card.fingerprint": {
            "fr": "Empreinte à lire à voix haute avec votre collègue : {words}",
            "en": "Fingerprint to read aloud with your colleague: {words}",
        },
        "cli.card.written": {"fr": "Carte écrite dans {path}.", "en": "Card written to {path}."},
        "cli.card.exists": {
            "fr": "{path} existe déjà : choisissez un autre nom.",
            "en": "{path} already exists: choose another name.",
        },
        "cli.card.cannot_write": {
            "fr": "Impossible d'écrire la carte dans {path} ({reason}).",
            "en": "Cannot write the card to {path} ({reason}).",
        },
        "cli.card.unreadable": {
            "fr": "Impossible de lire la carte {path}.",
            "en": "Cannot read the card {path}.",
        },
        "cli.colleague.added": {
            "fr": "{name} est ajouté·e à vos collègues. Empreinte de sa carte : {words_text}\nLisez-la ensemble à voix haute (en face ou au téléphone) : si un mot diffère, retirez cette carte.",
            "en": "{name} is added to your colleagues. Their card's fingerprint: {words_text}\nRead it aloud together (face to face or on the phone): if a word differs, remove this card.",
        },
        "cli.colleague.removed": {
            "fr": "{name} est retiré·e de vos collègues : ses transmissions seront refusées.",
            "en": "{name} is removed from your colleagues: their handovers will be refused.",
        },
        "cli.colleagues.none": {
            "fr": "Aucun·e collègue pour l'instant : « dentelle colleague add NOM CARTE ».",
            "en": "No colleague yet: “dentelle colleague add NAME CARD”.",
        },
        "cli.colleagues.line": {
            "fr": "{name} — ajouté·e le {day} — {words}",
            "en": "{name} — added on {day} — {words}",
        },
        "cli.handover.letter_prompt": {
            "fr": "Lettre de transmission pour {name} (une ligne vide pour finir) :",
            "en": "Handover letter for {name} (an empty line to finish):",
        },
        "cli.handover.written": {
            "fr": "Transmission écrite dans {path}, pour {name} seulement. Remettez-la lui vous-même (clé USB…) : rien n'est envoyé.",
            "en": "Handover written to {path}, for {name} only. Give it to them yourself (USB key…): nothing is sent.",
        },
        "cli.handover.draft": {
            "fr": "Attention : un brouillon de cette histoire, pas encore enregistré, n'est pas transmis.",
            "en": "Careful: a draft of this story, not saved yet, is not handed over.",
        },
        "cli.handover.forget_question": {
            "fr": "Oublier maintenant votre propre copie de cette histoire ?",
            "en": "Forget your own copy of this story now?",
        },
        "cli.handover.kept": {
            "fr": "Vous gardez votre copie.",
            "en": "You keep your copy.",
        },
        "cli.receive.from": {"fr": "De : {name} (collègue)", "en": "From: {name} (colleague)"},
        "cli.receive.for": {"fr": "Pour : {name}", "en": "For: {name}"},
        "cli.receive.holds": {
            "fr": "Contenu : {notes_text} ({versions_text} avec les versions précédentes), fait le {day}",
            "en": "Holds: {notes_text} ({versions_text} with earlier versions), made on {day}",
        },
        "cli.receive.merges": {
            "fr": "Cette personne est déjà dans votre coffre : ses notes seront fusionnées (rien n'est perdu, rien n'est en double).",
            "en": "This person is already in your vault: the notes will be merged (nothing lost, nothing doubled).",
        },
        "cli.receive.letter": {"fr": "Lettre :", "en": "Letter:"},
        "cli.receive.no_letter": {"fr": "(pas de lettre)", "en": "(no letter)"},
        "cli.receive.confirm": {"fr": "Importer cette histoire ?", "en": "Import this story?"},
        "cli.receive.confirm_unknown": {
            "fr": "L'expéditeur est inconnu. Importer quand même ?",
            "en": "The sender is unknown. Import anyway?",
        },
        "cli.receive.need_allow_unknown": {
            "fr": "Expéditeur inconnu : ajoutez --allow-unknown à --yes pour importer quand même.",
            "en": "Unknown sender: add --allow-unknown to --yes to import anyway.",
        },
        "cli.receive.done": {
            "fr": "Histoire de {name} importée ({id}).",
            "en": "{name}'s story imported ({id}).",
        },
    }
)


@command(help="cli.help.card")
@option("--name", help="cli.help.card_name")
@option("--out", type=click.Path(path_type=Path, dir_okay=False), help="cli.help.card_out")
@pass_session
def card(session: Session, name: str | None, out: Path | None) -> None:
    if out is not None and out.exists():
        raise DentelleError("cli.card.exists", path=clean(str(out)))
    with session.journal() as journal:
        mine = set_my_name(journal, name) if name is not None else my_card(journal)
    click.echo(clean(mine.text()), nl=False)
    click.echo(session.t("cli.card.fingerprint", words=fingerprint(mine, session.lang)), err=True)
    if out is not None:
        try:
            write_atomic(out, mine.text().encode("utf-8"))
        except OSError as error:
            reason = error.strerror or str(error)
            raise DentelleError(
                "cli.card.cannot_write", path=clean(str(out)), reason=reason
            ) from None
        click.echo(session.t("cli.card.written", path=clean(str(out))), err=True)


@group(help="cli.help.colleague")
def colleague() -> None:
    pass


def card_text(argument: str) -> str:
    """The card from a file, from standard input (`-`), or the argument itself."""
    if argument == "-":
        return sys.stdin.read()
    path = Path(argument)
    if "\n" not in argument and len(argument) < 4096 and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise DentelleError("cli.card.unreadable", path=argument) from None
    return argument


@colleague.command("add", help="cli.help.colleague_add")
@click.argument("name")
@click.argument("card_argument", metavar="CARD-FILE|TEXT")
@pass_session
def colleague_add(session: Session, name: str, card_argument: str) -> None:
    text = card_text(card_argument)
    with session.journal() as journal:
        added = add_colleague(journal, name, text)
    words = fingerprint(added.card, session.lang)
    click.echo(session.t("cli.colleague.added", name=one_line(added.name), words_text=words))


@colleague.command("remove", help="cli.help.colleague_remove")
@click.argument("name")
@pass_session
def colleague_remove(session: Session, name: str) -> None:
    with session.journal() as journal:
        found = find_colleague(journal, name)
        remove_colleague(journal, found.name)
    click.echo(session.t("cli.colleague.removed", name=one_line(found.name)))


@command("colleagues", help="cli.help.colleagues")
@option("--json", "as_json", is_flag=True, help="cli.help.json")
@pass_session
def colleagues_command(session: Session, as_json: bool) -> None:
    with session.journal() as journal:
        found = colleagues(journal)
    if as_json:
        rows = [
            {
                "name": c.name,
                "added_on": c.added_on.isoformat(),
                "fingerprint": fingerprint(c.card, session.lang),
                "card": c.card.to_json(),
            }
            for c in found
        ]
        echo_json(rows)
        return
    if not found:
        click.echo(session.t("cli.colleagues.none"))
    for c in found:
        day = dates.format_day(c.added_on, session.lang)
        words = fingerprint(c.card, session.lang)
        click.echo(session.t("cli.colleagues.line", name=one_line(c.name), day=day, words=words))


def ask_letter(session: Session, name: str) -> str:
    """The letter, typed in the terminal line by line (never through a temporary file)."""
    click.echo(session.t("cli.handover.letter_prompt", name=name), err=True)
    lines = []
    while True:
        line = click.prompt("", default="", show_default=False, prompt_suffix="> ", err=True)
        if not line.strip():
            return "\n".join(lines)
        lines.append(line)


@command("handover", help="cli.help.handover")
@click.argument("person_query", metavar="PERSON")
@option("--to", "to", required=True, help="cli.help.handover_to")
@option("--out", type=click.Path(path_type=Path), help="cli.help.handover_out")
@option("--letter", help="cli.help.letter")
@option("--then-forget", is_flag=True, help="cli.help.then_forget")
@pass_session
def handover(
    session: Session,
    person_query: str,
    to: str,
    out: Path | None,
    letter: str | None,
    then_forget: bool,
) -> None:
    config = load_config()
    with session.journal() as journal:
        person = journal.find_person(person_query)
        colleague_ = find_colleague(journal, to)
        if any(draft.person_id == person.id for draft in journal.drafts()):
            click.echo(session.t("cli.handover.draft"), err=True)
        if letter is None:
            letter = ask_letter(session, clean(colleague_.name)) if session.interactive() else ""
        path = hand_over(
            journal,
            person.id,
            colleague_.name,
            out or Path.cwd(),
            letter,
            keep_months=config.consultation_log_months,
        )
        click.echo(
            session.t("cli.handover.written", path=clean(str(path)), name=one_line(colleague_.name))
        )
        forget = then_forget or (
            session.interactive()
            and session.confirm(session.t("cli.handover.forget_question"), default=False)
        )
        if forget:
            journal.forget_person(person.id)
    if forget:
        click.echo(session.t("cli.forget.done", name=one_line(person.name)))
    else:
        click.echo(session.t("cli.handover.kept"), err=True)


@command("receive", help="cli.help.receive")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@option("--yes", is_flag=True, help="cli.help.yes")
@option("--allow-unknown", is_flag=True, help="cli.help.allow_unknown")
@pass_session
def receive(session: Session, path: Path, yes: bool, allow_unknown: bool) -> None:
    config = load_config()
    with session.journal() as journal:
        incoming = read_handover(journal, path)
        known = incoming.sender_status == "known"
        if known:
            click.echo(session.t("cli.receive.from", name=one_line(incoming.sender_name or "")))
        else:
            click.echo(clean(UnknownSender(incoming.sender_card).message(session.lang)))
        click.echo(session.t("cli.receive.for", name=one_line(incoming.person_name)))
        click.echo(
            session.t(
                "cli.receive.holds",
                notes_text=count("entries", incoming.note_count, session.lang),
                versions_text=count("versions", incoming.version_count, session.lang),
                day=dates.format_day(incoming.created_at.date(), session.lang),
            )
        )
        if incoming.merges_with:
            click.echo(session.t("cli.receive.merges"))
        click.echo(session.t("cli.receive.letter"))
        for line in clean(incoming.letter).splitlines() or [session.t("cli.receive.no_letter")]:
            click.echo(f"    {line}")
        if yes:
            if not known and not allow_unknown:
                raise DentelleError("cli.receive.need_allow_unknown")
        elif not session.interactive():
            raise DentelleError("cli.need_yes")
        elif not session.confirm(
            session.t("cli.receive.confirm" if known else "cli.receive.confirm_unknown")
        ):
            click.echo(session.t("cli.cancelled"))
            return
        person_id = accept_handover(
            journal,
            incoming,
            allow_unknown=True,  # an unknown sender got here only by an explicit yes
            keep_months=config.consultation_log_months,
        )
    click.echo(session.t("cli.receive.done", name=one_line(incoming.person_name), id=person_id))
