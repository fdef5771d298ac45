"""The right of access: everything held about a person, as a document they can read.

Three forms of the same content — profile, rhythm, every entry with its date and its
earlier versions, and the record of consultations:

- HTML, printable on A4 (print styles, no script, no external resource);
- Markdown, for any editor;
- JSON, for portability (the right to data portability), with ISO dates.

The export is the one place where a person's data leaves the vault in clear, on
purpose: the file is created 0600, and `write_export` can age-encrypt it to a
passphrase instead.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from journal.crypto import KeyWrap, ScryptKeyWrap
from journal.dates import format_day
from journal.errors import DentelleError
from journal.fsutil import write_atomic
from journal.i18n import register, translate
from journal.model import Person, Version
from journal.rhythm import Rhythm
from journal.store import Journal
from journal.store.consultations import Consultation, consultations
from journal.text import fold, strip_controls

FORMATS = ("html", "md", "json")

register(
    {
        "export.title": {
            "fr": "Ce que contient l'histoire de {name}",
            "en": "What {name}'s file holds",
        },
        "export.made_on": {
            "fr": (
                "Document établi le {day}, à la demande de la personne "
                "(droit d'accès, RGPD art. 15)."
            ),
            "en": (
                "Document made on {day}, at the person's request (right of access, GDPR art. 15)."
            ),
        },
        "export.profile": {"fr": "Présentation", "en": "Profile"},
        "export.rhythm": {"fr": "Rythme des contacts", "en": "Rhythm of contact"},
        "export.story": {"fr": "Notes ({count})", "en": "Entries ({count})"},
        "export.no_entries": {"fr": "Aucune note.", "en": "No entry."},
        "export.written": {"fr": "écrite le {day}", "en": "written on {day}"},
        "export.earlier": {
            "fr": "Versions précédentes de cette note",
            "en": "Earlier versions of this entry",
        },
        "export.version": {"fr": "Version du {day}", "en": "Version of {day}"},
        "export.consultations": {
            "fr": "Consultations de l'histoire",
            "en": "Consultations of the file",
        },
        "export.no_consultations": {
            "fr": "Aucune consultation enregistrée.",
            "en": "No consultation recorded.",
        },
        "export.letters": {"fr": "Lettres de transmission", "en": "Handover letters"},
        "export.letter_from": {
            "fr": "Reçue de {name} le {day}",
            "en": "Received from {name} on {day}",
        },
        "export.opened_on": {"fr": "{day} à {time} : {what}", "en": "{day} at {time}: {what}"},
        "export.unknown_format": {
            "fr": "Format inconnu « {format} » : html, md ou json.",
            "en": "Unknown format “{format}”: html, md or json.",
        },
        "export.cannot_write": {
            "fr": "Impossible d'écrire l'export dans {path} ({reason}).",
            "en": "Cannot write the export to {path} ({reason}).",
        },
    }
)


@dataclass(frozen=True)
class ExportedEntry:
    id: str
    occurred_on: date
    written_at: datetime
    text: str
    earlier: list[Version]


@dataclass(frozen=True)
class PersonFile:
    """Everything held about one person, decrypted, in memory only."""

    person: Person
    rhythm: Rhythm | None
    entries: list[ExportedEntry]
    consultations: list[Consultation]
    made_at: datetime
    letters: list[dict] = field(default_factory=list)  # from colleagues (journal.handover)


def collect(journal: Journal, person_id: str) -> PersonFile:
    """Gather the person's whole file (call `record_consultation` after writing it)."""
    person = journal.person(person_id)
    entries = []
    for entry in journal.entries(person_id):
        versions = journal.history(entry.id) if entry.versions > 1 else []
        entries.append(
            ExportedEntry(entry.id, entry.occurred_on, entry.written_at, entry.text, versions[:-1])
        )
    rhythm_data = person.extra.get("rhythm")
    return PersonFile(
        person=person,
        rhythm=Rhythm.from_json(rhythm_data) if rhythm_data else None,
        entries=entries,
        consultations=consultations(journal, person_id),
        made_at=journal.clock(),
        letters=list(person.extra.get("letters") or []),
    )


def to_json(file: PersonFile) -> str:
    data = {
        "format": "dentelle-export-1",
        "made_at": file.made_at.isoformat(timespec="seconds"),
        "person": {"id": file.person.id, "name": file.person.name, "profile": file.person.profile},
        "rhythm": file.rhythm.to_json() if file.rhythm else None,
        "entries": [
            {
                "id": e.id,
                "occurred_on": e.occurred_on.isoformat(),
                "written_at": e.written_at.isoformat(timespec="seconds"),
                "text": e.text,
                "earlier_versions": [
                    {
                        "occurred_on": v.occurred_on.isoformat(),
                        "written_at": v.written_at.isoformat(timespec="seconds"),
                        "text": v.text,
                    }
                    for v in e.earlier
                ],
            }
            for e in file.entries
        ],
        "consultations": [
            {"at": c.at.isoformat(timespec="seconds"), "kind": c.kind, "detail": c.detail}
            for c in file.consultations
        ],
        "letters": file.letters,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_markdown(file: PersonFile, lang: str) -> str:
    t = _translator(lang)
    name = strip_controls(file.person.name)
    out = [
        f"# {t('export.title', name=name)}",
        "",
        t("export.made_on", day=_day(file.made_at, lang)),
        "",
    ]
    if file.person.profile:
        out += [f"## {t('export.profile')}", "", strip_controls(file.person.profile), ""]
    if file.rhythm:
        out += [f"## {t('export.rhythm')}", "", file.rhythm.describe(lang), ""]
    out += [f"## {t('export.story', count=len(file.entries))}", ""]
    if not file.entries:
        out += [t("export.no_entries"), ""]
    for entry in file.entries:
        out += [
            f"### {format_day(entry.occurred_on, lang)}",
            "",
            f"*{t('export.written', day=_day(entry.written_at, lang))}*",
            "",
            _quote(entry.text),
            "",
        ]
        if entry.earlier:
            out += [f"**{t('export.earlier')}**", ""]
            for version in entry.earlier:
                out += [f"- {t('export.version', day=_day(version.written_at, lang))}", ""]
                out += ["  " + line for line in _quote(version.text).splitlines()] + [""]
    if file.letters:
        out += [f"## {t('export.letters')}", ""]
        for heading, text in _letters(file, lang):
            out += [f"*{heading}*", "", _quote(text), ""]
    out += [f"## {t('export.consultations')}", ""]
    out += _consultation_lines(file, lang, "- {}") or [t("export.no_consultations")]
    return "\n".join(out) + "\n"


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in strip_controls(text).splitlines())


_CSS = """
body {
  font-family: Georgia, 'DejaVu Serif', serif; max-width: 42em; margin: 2em auto;
  padding: 0 1em; line-height: 1.5; color: #111;
}
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.5em 0 .2em; }
.written, .made { color: #444; font-style: italic; font-size: .9em; }
.text { white-space: pre-wrap; margin: .3em 0 1em; }
.earlier { margin-left: 1.5em; border-left: 3px solid #ccc; padding-left: 1em; }
ul.consultations { padding-left: 1.2em; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h3, .text { break-inside: avoid-page; }
  h2 { break-after: avoid-page; }
}
"""


def to_html(file: PersonFile, lang: str) -> str:
    t = _translator(lang)

    def esc(text: str) -> str:
        return html.escape(strip_controls(text), quote=True)

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(t('export.title', name=file.person.name))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(t('export.title', name=file.person.name))}</h1>",
        f'<p class="made">{esc(t("export.made_on", day=_day(file.made_at, lang)))}</p>',
    ]
    if file.person.profile:
        out += [
            f"<h2>{esc(t('export.profile'))}</h2>",
            f'<p class="text">{esc(file.person.profile)}</p>',
        ]
    if file.rhythm:
        out += [f"<h2>{esc(t('export.rhythm'))}</h2>", f"<p>{esc(file.rhythm.describe(lang))}</p>"]
    out.append(f"<h2>{esc(t('export.story', count=len(file.entries)))}</h2>")
    if not file.entries:
        out.append(f"<p>{esc(t('export.no_entries'))}</p>")
    for entry in file.entries:
        out += [
            '<section class="entry">',
            f"<h3>{esc(format_day(entry.occurred_on, lang))}</h3>",
            f'<p class="written">{esc(t("export.written", day=_day(entry.written_at, lang)))}</p>',
            f'<div class="text">{esc(entry.text)}</div>',
        ]
        if entry.earlier:
            out += ['<div class="earlier">', f"<p><strong>{esc(t('export.earlier'))}</strong></p>"]
            for version in entry.earlier:
                when = t("export.version", day=_day(version.written_at, lang))
                out += [
                    f'<p class="written">{esc(when)}</p>',
                    f'<div class="text">{esc(version.text)}</div>',
                ]
            out.append("</div>")
        out.append("</section>")
    if file.letters:
        out.append(f"<h2>{esc(t('export.letters'))}</h2>")
        for heading, text in _letters(file, lang):
            out += [
                f'<p class="written">{esc(heading)}</p>',
                f'<div class="text">{esc(text)}</div>',
            ]
    out.append(f"<h2>{esc(t('export.consultations'))}</h2>")
    lines = _consultation_lines(file, lang, "{}")
    if lines:
        out += ['<ul class="consultations">', *(f"<li>{esc(line)}</li>" for line in lines), "</ul>"]
    else:
        out.append(f"<p>{esc(t('export.no_consultations'))}</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _letters(file: PersonFile, lang: str) -> list[tuple[str, str]]:
    """Each handover letter received with the story: who sent it and when, then its text."""
    found = []
    for letter in file.letters:
        day = format_day(datetime.fromisoformat(letter["at"]).date(), lang)
        heading = translate("export.letter_from", lang, name=letter.get("from", "?"), day=day)
        found.append((heading, letter.get("text", "")))
    return found


def _consultation_lines(file: PersonFile, lang: str, pattern: str) -> list[str]:
    return [
        pattern.format(
            translate(
                "export.opened_on",
                lang,
                day=format_day(c.at.date(), lang),
                time=c.at.strftime("%H:%M"),
                what=c.describe(lang),
            )
        )
        for c in file.consultations
    ]


def _translator(lang: str):
    return lambda key, **params: translate(key, lang, **params)


def _day(moment: datetime, lang: str) -> str:
    return format_day(moment.date(), lang)


def render(file: PersonFile, fmt: str, lang: str) -> str:
    if fmt == "json":
        return to_json(file)
    if fmt == "md":
        return to_markdown(file, lang)
    if fmt == "html":
        return to_html(file, lang)
    raise DentelleError("export.unknown_format", format=fmt)


def default_file_name(name: str, fmt: str, *, encrypted: bool = False) -> str:
    """'histoire-famille-martin.html' for "Famille Martin": the export's suggested name.

    Only letters and digits of the folded name survive, so the name is safe on every
    file system (FAT keys refuse ':' and friends) and carries no accents to mangle.
    """
    slug = "".join(ch if ch.isalnum() else "-" for ch in fold(name)).strip("-")
    stem = "-".join(filter(None, slug.split("-"))) or "personne"
    return f"histoire-{stem}.{fmt}" + (".age" if encrypted else "")


EXTENSIONS = {"html": "html", "htm": "html", "md": "md", "markdown": "md", "json": "json"}
"""A file's extension → the format it is written in (the app and the CLI read it)."""


def split_extension(path: str) -> tuple[str, str | None, bool]:
    """'a/b.md.age' → ('a/b', 'md', True); 'a/b.txt' → ('a/b.txt', None, False)."""
    base, encrypted = path, False
    if base.lower().endswith(".age"):
        base, encrypted = base[: -len(".age")], True
    stem, dot, extension = base.rpartition(".")
    fmt = EXTENSIONS.get(extension.lower()) if dot and "/" not in extension else None
    if fmt is None:
        return base, None, encrypted
    return stem, fmt, encrypted


def with_extension(path: str, fmt: str, encrypted: bool) -> str:
    """`path` with the extension of `fmt` (and `.age` when encrypted) in place of its own."""
    stem, _, _ = split_extension(path)
    return f"{stem}.{fmt}" + (".age" if encrypted else "")


def write_export(
    document: str, path: Path, passphrase: str | None = None, keywrap: KeyWrap | None = None
) -> None:
    """Write the export 0600; age-encrypted to `passphrase` when one is given.

    `keywrap` does the age scrypt encryption: the app passes `SubprocessKeyWrap` so the
    ~1–4 s of scrypt (which holds the GIL in pyrage) does not freeze its interface.
    """
    data = document.encode("utf-8", "surrogatepass")
    if passphrase is not None:
        data = (keywrap or ScryptKeyWrap()).wrap(passphrase, data)
    try:
        write_atomic(path, data)  # created 0600
    except OSError as error:
        raise DentelleError(
            "export.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from None
