"""Word lists: reading the shipped and the service's files into an index of terms.

Why word lists in plain files rather than code: a service manager, not a programmer,
should be able to add the slang of their own field or silence a word that is
routine in their service. The lists live in `journal/wordlists/<lang>/<category>.txt`
(shipped as package data, read through `importlib.resources`) and in any folder the
app passes as `extra_dirs` (the worker's `user_config_dir/dentelle/wordlists`). The
format is described at the top of every shipped file:

    terme | suggestion plus factuelle            one term, optional suggestion
    agressif, agressive, agressifs | suggestion  several forms sharing a suggestion
    manipulat*                                   * at the end of a word: any ending
    pet* les plombs                              several words, in that order
    !traité de *                                 * alone: any one word
    !assurance maladie                           trap: these words together are fine
    terme | suggestion | santé                   third column: category of this line

Trap lines ("!") are how the data, not the code, says when a listed word is not a
problem: a finding whose words all lie inside a trap's match is dropped, whatever list
it came from ("!famille d'origine", "!porte condamnée", "!victime d'une agression").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from journal.i18n import DEFAULT_LANGUAGE, LANGUAGES, register, translate
from journal.pertinence.forms import Forms
from journal.pertinence.terms import Term, TermIndex, gap_parts
from journal.pertinence.words import GAP, MIN_STEM, TERM_SPLIT, TERM_WORD, WORD
from journal.text import fold

register(
    {
        "pertinence.warning.unreadable": {
            "fr": "Liste de mots « {file} » : fichier illisible, ignoré.",
            "en": "Word list “{file}”: the file cannot be read; skipped.",
        },
        "pertinence.warning.encoding": {
            "fr": "Liste de mots « {file} » : le fichier n'est pas enregistré en UTF-8 ; "
            "il a été lu comme du Windows-1252, vérifiez les accents.",
            "en": "Word list “{file}”: the file is not saved as UTF-8; it was read as "
            "Windows-1252, check the accents.",
        },
        "pertinence.warning.too_large": {
            "fr": "Liste de mots « {file} » : fichier de plus de {limit} Ko, ignoré.",
            "en": "Word list “{file}”: file larger than {limit} KB; skipped.",
        },
        "pertinence.warning.unknown_file": {
            "fr": "Liste de mots « {file} » : le nom du fichier ne dit pas la catégorie ; "
            "{count} ligne(s) sans catégorie en 3e colonne ignorée(s). Nommez le fichier "
            "jugements.txt, insultes.txt, sante.txt, addictions.txt, religion.txt, "
            "politique.txt, origine.txt, vie_sexuelle.txt, infractions.txt, oui_dire.txt "
            "ou abreviations.txt.",
            "en": "Word list “{file}”: the file name does not give the category; "
            "{count} line(s) without a category in the third column skipped. Name the "
            "file judgments.txt, insults.txt, health.txt, addictions.txt, religion.txt, "
            "politics.txt, origin.txt, sexuality.txt, offences.txt, hearsay.txt or "
            "abbreviations.txt.",
        },
        "pertinence.warning.line_fields": {
            "fr": "Liste de mots « {file} », ligne {line} : trop de « | » (au plus : "
            "terme | suggestion | catégorie) ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: too many “|” (at most: "
            "term | suggestion | category); line skipped.",
        },
        "pertinence.warning.line_empty": {
            "fr": "Liste de mots « {file} », ligne {line} : aucun terme ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: no term; line skipped.",
        },
        "pertinence.warning.line_character": {
            "fr": "Liste de mots « {file} », ligne {line} : caractère non permis dans le "
            "terme (lettres, chiffres, espaces, apostrophes, traits d'union, et * en fin "
            "de mot) ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: character not allowed in a term "
            "(letters, digits, spaces, apostrophes, hyphens, and * at the end of a "
            "word); line skipped.",
        },
        "pertinence.warning.line_star": {
            "fr": "Liste de mots « {file} », ligne {line} : « * » se met seulement en fin "
            "de mot, après au moins {minimum} lettres ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: “*” goes only at the end of a word, "
            "after at least {minimum} letters; line skipped.",
        },
        "pertinence.warning.line_gap": {
            "fr": "Liste de mots « {file} », ligne {line} : « … » se met seulement entre "
            "deux mots ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: “…” goes only between two words; line skipped.",
        },
        "pertinence.warning.line_category": {
            "fr": "Liste de mots « {file} », ligne {line} : catégorie « {category} » "
            "inconnue ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: unknown category “{category}”; line skipped.",
        },
    }
)


@dataclass(frozen=True)
class ListProblem:
    """A word-list line or file that was skipped: kept as a key so any view can word it."""

    key: str
    params: tuple[tuple[str, object], ...]

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **dict(self.params))


MAX_FILE_KB = 1024

_CATEGORY_NAMES = {
    "judgment": ("jugement", "jugements", "judgment", "judgments", "judgement", "judgements"),
    "health": ("sante", "health"),
    "religion": ("religion", "religions"),
    "politics": (
        "politique",
        "politiques",
        "opinions",
        "opinions_politiques",
        "syndical",
        "politics",
        "political",
    ),
    "origin": ("origine", "origines", "origin", "origins", "ethnie"),
    "sexuality": (
        "vie_sexuelle",
        "sexualite",
        "sexuel",
        "sexuality",
        "sex_life",
        "sexual_life",
    ),
    "offence": (
        "infraction",
        "infractions",
        "penal",
        "condamnations",
        "offence",
        "offences",
        "offense",
        "offenses",
    ),
    "abbreviation": ("abreviation", "abreviations", "abbreviation", "abbreviations"),
    "insult": ("insulte", "insultes", "insult", "insults", "injure", "injures"),
    "addiction": ("addiction", "addictions", "addictologie"),
    "hearsay": ("oui_dire", "ouidire", "rumeur", "rumeurs", "hearsay", "rumour", "rumours"),
}
_CATEGORY_BY_NAME = {name: cat for cat, names in _CATEGORY_NAMES.items() for name in names}
_EXCEPTION_FILE_NAMES = ("exceptions", "exception", "pieges", "traps")
_SKIPPED_FILE_NAMES = ("lisezmoi", "readme", "lisez_moi", "read_me")


def _category_from_name(name: str) -> str | None:
    """'Vie sexuelle', 'vie-sexuelle', 'SANTÉ' → the category; None if not one."""
    key = re.sub(r"[\s\-]+", "_", fold(name).strip())
    return _CATEGORY_BY_NAME.get(key)


@cache
def _fold_word(word: str) -> str:
    return fold(word)


def parse_term(term: str) -> tuple[tuple[str, bool], ...] | str:
    """The folded words of `term`, or the key of the warning that says why not."""
    words: list[tuple[str, bool]] = []
    for raw in TERM_SPLIT.split(term.strip()):
        if not raw:
            continue
        if raw == "*":  # any one word: "!traité de *" (insults the person was called)
            words.append(("", True))
            continue
        if raw in (GAP, "..."):  # a few words of the same sentence: "voisin … affirme"
            if not words or words[-1][0] == GAP:
                return "pertinence.warning.line_gap"
            words.append((GAP, False))
            continue
        if not TERM_WORD.fullmatch(raw):
            return (
                "pertinence.warning.line_star"
                if "*" in raw
                else "pertinence.warning.line_character"
            )
        stem = raw.endswith("*")
        word = _fold_word(raw.rstrip("*"))
        if not WORD.fullmatch(word):
            return "pertinence.warning.line_character"
        if stem and len(word) < MIN_STEM:
            return "pertinence.warning.line_star"
        words.append((word, stem))
    if not any(word and word != GAP for word, _ in words):
        return "pertinence.warning.line_empty"
    if words[-1][0] == GAP:
        return "pertinence.warning.line_gap"
    return tuple(words)


class ListLoader:
    """Reads list files into one index, turning every bad line into a warning.

    `expand` gives each word its forms (gender, number, conjugation); off, a word
    matches only as written (how `journal.pertinence.forms` reads the lists to
    regenerate its table).
    """

    def __init__(self, expand: bool = True) -> None:
        self.index = TermIndex()
        self.problems: list[ListProblem] = []
        self._expand = expand
        self._forms: dict[str, Forms] = {}

    def _forms_of(self, words: tuple[tuple[str, bool], ...], category: str | None, lang: str):
        """The forms of each word of a term; () when the term matches as written."""
        if not self._expand or category == "abbreviation":
            return ()
        forms = self._forms.get(lang)
        if forms is None:
            forms = self._forms[lang] = Forms.shipped(lang)
        multi = len(words) > 1
        return tuple(
            frozenset((word,)) if stem or not word or word == GAP else forms.expand(word, multi)
            for word, stem in words
        )

    def warn(self, key: str, **params: object) -> None:
        self.problems.append(ListProblem(key, tuple(params.items())))

    def read(self, name: str, data: bytes, lang: str = DEFAULT_LANGUAGE) -> None:
        """Parse one file of a list in `lang`; `name` is shown in warnings (a file
        name, never a full path)."""
        if len(data) > MAX_FILE_KB * 1024:
            self.warn("pertinence.warning.too_large", file=name, limit=MAX_FILE_KB)
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Notepad on an old Windows saves "ANSI": read it rather than lose the list.
            text = data.decode("cp1252", errors="replace")
            self.warn("pertinence.warning.encoding", file=name)
        stem = name.rsplit(".", 1)[0]
        file_category = _category_from_name(stem)
        traps_only = fold(stem) in _EXCEPTION_FILE_NAMES
        orphans = 0
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            # A line that starts with "!" holds traps only ("!a, !b" or "!a, b"); a
            # single "!term" among ordinary terms is a trap too.
            trap = traps_only or line.startswith("!")
            fields = [field.strip() for field in line.split("|")]
            if len(fields) > 3:
                self.warn("pertinence.warning.line_fields", file=name, line=number)
                continue
            category = file_category
            if len(fields) == 3 and fields[2] and not trap:
                category = _category_from_name(fields[2])
                if category is None:
                    self.warn(
                        "pertinence.warning.line_category",
                        file=name,
                        line=number,
                        category=fields[2],
                    )
                    continue
            if not fields[0]:
                self.warn("pertinence.warning.line_empty", file=name, line=number)
                continue
            if not trap and category is None:
                orphans += 1
                continue
            suggestion = fields[1] if len(fields) > 1 and fields[1] else None
            parsed: list[tuple[tuple[tuple[str, bool], ...], bool]] = []
            for term in fields[0].split(","):
                term = term.strip()
                is_trap = trap or term.startswith("!")
                words = parse_term(term.removeprefix("!"))
                if isinstance(words, str):
                    self.warn(words, file=name, line=number, minimum=MIN_STEM)
                    parsed = []
                    break
                parsed.append((words, is_trap))
            for words, is_trap in parsed:
                kind = None if is_trap else category
                self.index.add(
                    Term(
                        words,
                        kind,
                        None if is_trap else suggestion,
                        lang,
                        self._forms_of(words, kind, lang),
                        gap_parts(words),
                    )
                )
        if orphans:
            self.warn("pertinence.warning.unknown_file", file=name, count=orphans)

    def read_shipped(self, lang: str) -> None:
        folder = resources.files("journal") / "wordlists" / lang
        if not folder.is_dir():
            return
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            if item.is_file() and item.name.endswith(".txt"):
                self.read(item.name, item.read_bytes(), lang)

    def read_folder(self, folder: Path, langs: tuple[str, ...]) -> None:
        """A worker's or service's lists: `*.txt` in the folder or a sub-folder.

        A sub-folder named after a language that was not asked for is left out, so a
        folder laid out like the shipped one (fr/, en/) behaves like it.
        """
        try:
            files = sorted(path for path in folder.rglob("*.txt") if path.is_file())
        except OSError:
            return  # the folder does not exist or cannot be listed: nothing to add
        for path in files:
            parts = path.relative_to(folder).parts
            if any(part.startswith(".") for part in parts):
                continue
            if len(parts) > 1 and parts[0] in LANGUAGES and parts[0] not in langs:
                continue
            if fold(path.stem) in _SKIPPED_FILE_NAMES:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                self.warn("pertinence.warning.unreadable", file=path.name)
                continue
            # A list in a language folder (fr/, en/) is in that language; one beside
            # them, in the first language asked for.
            lang = parts[0] if len(parts) > 1 and parts[0] in langs else langs[0]
            self.read(path.name, data, lang)
