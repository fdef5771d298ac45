"""Read a note against editable word lists before it is saved, as the CNIL asks.

The CNIL's guidance on free-text "comment zones" applies to every note a social
worker writes: the person can read it through their right of access, so it must be
adequate, relevant, not excessive and objective; it must never insult; it must not
hold sensitive data (health, sexual life, religion, political or union opinions,
ethnic origin, offences and convictions) unless the support needs it; and it must
not use ambiguous abbreviations.

This module only points at words and asks the question; the worker decides. It never
blocks, never stores that it warned and does no I/O besides reading the lists, so
`Checker.check` is a pure function of the text and the lists.

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

Matching works on words, never on raw substrings, so that "sale" cannot flag
"salle" or "salaire" and "parasite" cannot flag "antiparasitaire". Words are cut on
Unicode word boundaries; apostrophes and hyphens separate words but may join the
words of a multi-word term ("d'origine", "je-m'en-foutiste"). Case and accents are
ignored on both sides ("hysterique" matches "Hystérique").

Trap lines ("!") are how the data, not the code, says when a listed word is not a
problem: a finding whose words all lie inside a trap's match is dropped, whatever list
it came from ("!famille d'origine", "!porte condamnée", "!victime d'une agression").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from journal.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalize_language, register, translate
from journal.text import fold

CATEGORIES = (
    "judgment",
    "health",
    "religion",
    "politics",
    "origin",
    "sexuality",
    "offence",
    "abbreviation",
)

QUESTION = "pertinence.question"

register(
    {
        QUESTION: {
            "fr": "Est-ce utile à l'accompagnement ? "
            "Seriez-vous à l'aise si la personne le lisait ?",
            "en": "Would this be useful to the person's support? "
            "Would you be comfortable if they read it?",
        },
        "pertinence.reason.judgment": {
            "fr": "Un jugement sur le comportement ou le caractère de la personne.",
            "en": "A judgment of the person's behaviour or character.",
        },
        "pertinence.reason.health": {
            "fr": "Une donnée de santé : à n'écrire que si c'est nécessaire à l'accompagnement.",
            "en": "Health data: write it only if the person's support needs it.",
        },
        "pertinence.reason.religion": {
            "fr": "Une conviction religieuse : à n'écrire que si c'est nécessaire "
            "à l'accompagnement.",
            "en": "A religious belief: write it only if the person's support needs it.",
        },
        "pertinence.reason.politics": {
            "fr": "Une opinion politique ou un engagement syndical : à n'écrire que si "
            "c'est nécessaire à l'accompagnement.",
            "en": "A political opinion or trade-union membership: write it only if the "
            "person's support needs it.",
        },
        "pertinence.reason.origin": {
            "fr": "Une origine ethnique ou « raciale » : à n'écrire que si c'est "
            "nécessaire à l'accompagnement.",
            "en": "Ethnic or racial origin: write it only if the person's support needs it.",
        },
        "pertinence.reason.sexuality": {
            "fr": "La vie ou l'orientation sexuelle : à n'écrire que si c'est nécessaire "
            "à l'accompagnement.",
            "en": "Sex life or sexual orientation: write it only if the person's support needs it.",
        },
        "pertinence.reason.offence": {
            "fr": "Une infraction, une condamnation ou une mesure pénale : à n'écrire que "
            "si c'est nécessaire à l'accompagnement.",
            "en": "An offence, a conviction or a criminal-justice measure: write it only "
            "if the person's support needs it.",
        },
        "pertinence.reason.abbreviation": {
            "fr": "Une abréviation ambiguë ou péjorative : écrivez le mot en entier, "
            "ou décrivez les faits.",
            "en": "An ambiguous or derogatory abbreviation: spell it out, or describe the facts.",
        },
        "pertinence.category.judgment": {"fr": "Jugement", "en": "Judgment"},
        "pertinence.category.health": {"fr": "Santé", "en": "Health"},
        "pertinence.category.religion": {"fr": "Religion", "en": "Religion"},
        "pertinence.category.politics": {
            "fr": "Opinions politiques ou syndicales",
            "en": "Political or union opinions",
        },
        "pertinence.category.origin": {"fr": "Origine", "en": "Origin"},
        "pertinence.category.sexuality": {"fr": "Vie sexuelle", "en": "Sex life"},
        "pertinence.category.offence": {"fr": "Infractions", "en": "Offences"},
        "pertinence.category.abbreviation": {"fr": "Abréviation", "en": "Abbreviation"},
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
            "jugements.txt, sante.txt, religion.txt, politique.txt, origine.txt, "
            "vie_sexuelle.txt, infractions.txt ou abreviations.txt.",
            "en": "Word list “{file}”: the file name does not give the category; "
            "{count} line(s) without a category in the third column skipped. Name the "
            "file judgments.txt, health.txt, religion.txt, politics.txt, origin.txt, "
            "sexuality.txt, offences.txt or abbreviations.txt.",
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
        "pertinence.warning.line_category": {
            "fr": "Liste de mots « {file} », ligne {line} : catégorie « {category} » "
            "inconnue ; ligne ignorée.",
            "en": "Word list “{file}”, line {line}: unknown category “{category}”; line skipped.",
        },
    }
)


def reason(category: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Why a word of `category` was pointed at, in plain words, for the worker."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    return translate(f"pertinence.reason.{category}", lang)


def category_label(category: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A short name for `category` (a heading or a tag in the views)."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    return translate(f"pertinence.category.{category}", lang)


def question(lang: str = DEFAULT_LANGUAGE) -> str:
    """The question the views ask next to every finding, in `lang`."""
    return translate(QUESTION, lang)


@dataclass(frozen=True)
class Finding:
    """One place in a note that deserves a second look, and why.

    Offsets index the text given to `Checker.check`, unchanged (accents, case and
    decomposed characters included), so the views can underline `text[start:end]`.
    """

    start: int
    end: int
    matched: str
    category: str
    suggestion: str | None
    sentence: str
    sentence_start: int


@dataclass(frozen=True)
class ListProblem:
    """A word-list line or file that was skipped: kept as a key so any view can word it."""

    key: str
    params: tuple[tuple[str, object], ...]

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **dict(self.params))


# --- Words -------------------------------------------------------------------------

# A word: letters and digits, with any combining accents a decomposed (NFD) text
# carries, so that "e" + U+0301 stays inside its word and offsets stay exact.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(r"[^\W_]+")
_WORD_WITH_MARKS = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_HAS_MARKS = re.compile(rf"[{_MARKS}]")
# What may separate the words of a multi-word term: spaces (not a line break, which
# ends a sentence), apostrophes, hyphens. Anything else (a full stop, a comma, a
# slash) ends the term, so a term never straddles two sentences.
_JOINERS = "'’ʼ‘`´\\-‐‑\u00ad"
_JOINED_GAP = re.compile(rf"(?:[^\S\r\n]|[{_JOINERS}])+")
_TERM_SPLIT = re.compile(rf"[\s{_JOINERS}]+")
_TERM_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+\*?")

MIN_STEM = 3
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
}
_CATEGORY_BY_NAME = {name: cat for cat, names in _CATEGORY_NAMES.items() for name in names}
_EXCEPTION_FILE_NAMES = ("exceptions", "exception", "pieges", "traps")
_SKIPPED_FILE_NAMES = ("lisezmoi", "readme", "lisez_moi", "read_me")


def _category_from_name(name: str) -> str | None:
    """'Vie sexuelle', 'vie-sexuelle', 'SANTÉ' → the category; None if not one."""
    key = re.sub(r"[\s\-]+", "_", fold(name).strip())
    return _CATEGORY_BY_NAME.get(key)


@dataclass(frozen=True, slots=True)
class _Entry:
    """A parsed term: folded words (each exact or a stem), and what to say about it."""

    words: tuple[tuple[str, bool], ...]
    category: str | None  # None for a trap
    suggestion: str | None


# Words too common to look a term up by: a term is anchored on another of its words.
_SMALL_WORDS = frozenset(
    # French
    ("a", "au", "aux", "avec", "c", "ce", "d", "dans", "de", "des", "du", "elle", "en")
    + ("est", "et", "fait", "il", "l", "la", "le", "les", "leur", "lui", "m", "me", "n")
    + ("ne", "nous", "on", "par", "pas", "pour", "qu", "que", "s", "sa", "sans", "se")
    + ("ses", "son", "sur", "t", "tres", "trop", "un", "une", "vous")
    # English
    + ("an", "and", "as", "at", "by", "for", "her", "his", "in", "is", "it", "of", "the")
    + ("their", "to", "was", "with")
)


def _anchor_rank(
    entry: _Entry, at: int, shared: dict[tuple[str, bool], int]
) -> tuple[bool, bool, int, float, int]:
    """How good word `at` of `entry` is to look it up by: a real word (never the "*"
    wildcard), not a small word, shared by few terms ("algér*" rather than "origine"
    in "d'origine algér*"), long, exact rather than a stem, and later in the term
    (French puts the noun last)."""
    word, stem = entry.words[at]
    return (
        bool(word),
        word not in _SMALL_WORDS,
        -shared[entry.words[at]],
        len(word) + (0 if stem else 0.5),
        at,
    )


class _Index:
    """Terms and traps, looked up by their most telling word (their "anchor").

    A multi-word term is looked up by its rarest, longest word ("mauvaise" in "de
    mauvaise foi", "origine" in "d'origine"), so the small words every sentence holds
    ("de", "a", "le") lead nowhere and a clean note costs about two dict lookups per
    distinct word. Stems sit in buckets keyed by their first `MIN_STEM` letters.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[tuple[tuple[str, bool], ...], str | None], _Entry] = {}
        self.exact: dict[str, tuple[tuple[_Entry, int], ...]] = {}
        self.stems: dict[str, tuple[tuple[str, _Entry, int], ...]] = {}

    def add(self, entry: _Entry) -> None:
        # The same term in the same category again (a worker's list after the shipped
        # one): the later line wins, so a service can reword a suggestion.
        self._entries[(entry.words, entry.category)] = entry

    def freeze(self) -> None:
        exact: dict[str, list[tuple[_Entry, int]]] = {}
        stems: dict[str, list[tuple[str, _Entry, int]]] = {}
        shared: dict[tuple[str, bool], int] = {}
        for entry in self._entries.values():
            for word in set(entry.words):
                shared[word] = shared.get(word, 0) + 1
        for entry in self._entries.values():
            anchor = max(range(len(entry.words)), key=lambda at: _anchor_rank(entry, at, shared))
            word, stem = entry.words[anchor]
            if stem:
                stems.setdefault(word[:MIN_STEM], []).append((word, entry, anchor))
            else:
                exact.setdefault(word, []).append((entry, anchor))
        self.exact = {word: tuple(found) for word, found in exact.items()}
        self.stems = {key: tuple(found) for key, found in stems.items()}

    def count(self, traps: bool) -> int:
        return sum((entry.category is None) == traps for entry in self._entries.values())


def _parse_term(term: str) -> tuple[tuple[str, bool], ...] | str:
    """The folded words of `term`, or the key of the warning that says why not."""
    words: list[tuple[str, bool]] = []
    for raw in _TERM_SPLIT.split(term.strip()):
        if not raw:
            continue
        if raw == "*":  # any one word: "!traité de *" (insults the person was called)
            words.append(("", True))
            continue
        if not _TERM_WORD.fullmatch(raw):
            return (
                "pertinence.warning.line_star"
                if "*" in raw
                else "pertinence.warning.line_character"
            )
        stem = raw.endswith("*")
        word = fold(raw.rstrip("*"))
        if not _WORD.fullmatch(word):
            return "pertinence.warning.line_character"
        if stem and len(word) < MIN_STEM:
            return "pertinence.warning.line_star"
        words.append((word, stem))
    if not any(word for word, _ in words):
        return "pertinence.warning.line_empty"
    return tuple(words)


class _Loader:
    """Reads list files into one index, turning every bad line into a warning."""

    def __init__(self) -> None:
        self.index = _Index()
        self.problems: list[ListProblem] = []

    def warn(self, key: str, **params: object) -> None:
        self.problems.append(ListProblem(key, tuple(params.items())))

    def read(self, name: str, data: bytes) -> None:
        """Parse one file; `name` is shown in warnings (a file name, never a full path)."""
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
                words = _parse_term(term.removeprefix("!"))
                if isinstance(words, str):
                    self.warn(words, file=name, line=number, minimum=MIN_STEM)
                    parsed = []
                    break
                parsed.append((words, is_trap))
            for words, is_trap in parsed:
                if is_trap:
                    self.index.add(_Entry(words, None, None))
                else:
                    self.index.add(_Entry(words, category, suggestion))
        if orphans:
            self.warn("pertinence.warning.unknown_file", file=name, count=orphans)

    def read_shipped(self, lang: str) -> None:
        folder = resources.files("journal") / "wordlists" / lang
        if not folder.is_dir():
            return
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            if item.is_file() and item.name.endswith(".txt"):
                self.read(item.name, item.read_bytes())

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
            self.read(path.name, data)


# --- Sentences ---------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s|$)|\n")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")
# Words that a full stop follows without ending the sentence ("M. Diallo").
_TITLES = frozenset({"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "st", "cf"})


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end: after . ! ? … followed by a space, and at line breaks.

    A full stop after a title or an initial ("M. Diallo", "J. Martin"), or any stop
    followed by a lower-case letter ("« Tu viens ? » dit-il"), does not end one.
    """
    ends = []
    for match in _SENTENCE_END.finditer(text):
        mark = match.group()
        if mark != "\n":
            following = _NEXT_VISIBLE.match(text, match.end())
            if following and following.group(1).islower():
                continue
            if mark == ".":
                stop = match.start()
                begin = stop
                while begin > 0 and stop - begin < 5 and text[begin - 1].isalpha():
                    begin -= 1
                word = text[begin:stop]
                whole = bool(word) and (begin == 0 or not text[begin - 1].isalnum())
                if whole and (word.lower() in _TITLES or (len(word) == 1 and word.isupper())):
                    continue
        ends.append(match.end())
    return ends


def _sentence_at(text: str, ends: list[int], pos: int) -> tuple[str, int]:
    """The stripped sentence that holds `pos`, and the offset where it starts."""
    index = bisect.bisect_right(ends, pos)
    start = ends[index - 1] if index else 0
    end = ends[index] if index < len(ends) else len(text)
    raw = text[start:end]
    return raw.strip(), start + (len(raw) - len(raw.lstrip()))


# --- Checker -----------------------------------------------------------------------


class Checker:
    """Word lists ready to read notes; build it with `Checker.load`.

    `warnings` holds one message per skipped file or line (never an exception: a typo
    in a service's list must not stop a worker from saving a note). `problems` holds
    the same as keys, for a view that wants them in another language.
    """

    def __init__(
        self, index: _Index, problems: list[ListProblem], ui_lang: str = DEFAULT_LANGUAGE
    ) -> None:
        self._exact = index.exact
        self._stems = index.stems
        self._size = index.count(traps=False)
        self.problems = problems
        self.warnings: list[str] = [problem.message(ui_lang) for problem in problems]

    @classmethod
    def load(
        cls,
        lang: str | None = None,
        extra_dirs: Iterable[Path] = (),
        *,
        ui_lang: str | None = None,
    ) -> Checker:
        """The shipped lists (both languages unless `lang` says one) plus `extra_dirs`.

        Both languages by default because notes mix them: a French note quotes an
        English report, an English note keeps a French institution's words. Folders in
        `extra_dirs` that do not exist are ignored. `ui_lang` words the warnings
        (default: `lang`, else French).
        """
        if lang is None:
            langs = LANGUAGES
        else:
            code = normalize_language(lang)
            if code is None:
                raise ValueError(f"no word lists for language {lang!r}")
            langs = (code,)
        loader = _Loader()
        for code in langs:
            loader.read_shipped(code)
        for folder in extra_dirs:
            loader.read_folder(Path(folder), langs)
        loader.index.freeze()
        return cls(
            loader.index, loader.problems, ui_lang or (langs[0] if lang else DEFAULT_LANGUAGE)
        )

    def __len__(self) -> int:
        """How many terms are loaded (traps not counted)."""
        return self._size

    def check(self, text: str) -> list[Finding]:
        """Every listed term in `text`, sorted by position; [] when there is nothing."""
        pattern = _WORD_WITH_MARKS if _HAS_MARKS.search(text) else _WORD
        words = _fold_words(pattern.findall(text))
        exact, stems = self._exact, self._stems
        # Most notes hold no listed word at all: find that out on distinct words,
        # before paying for offsets.
        relevant = {
            word
            for word in set(words)
            if word in exact
            or any(word.startswith(stem[0]) for stem in stems.get(word[:MIN_STEM], ()))
        }
        if not relevant:
            return []
        spans = [match.span() for match in pattern.finditer(text)]
        hits, traps = self._match(text, spans, words, relevant)
        if traps:
            hits = [
                hit
                for hit in hits
                if not any(low <= hit[0] and hit[1] <= high for low, high in traps)
            ]
        ends: list[int] | None = None
        findings = []
        for first, last, entry in _longest(hits):
            if ends is None:
                ends = _sentence_ends(text)
            start, end = spans[first][0], spans[last][1]
            sentence, sentence_start = _sentence_at(text, ends, start)
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    matched=text[start:end],
                    category=entry.category or "",
                    suggestion=entry.suggestion,
                    sentence=sentence,
                    sentence_start=sentence_start,
                )
            )
        findings.sort(key=lambda finding: (finding.start, finding.end, finding.category))
        return findings

    def _match(
        self, text: str, spans: list[tuple[int, int]], words: list[str], relevant: set[str]
    ) -> tuple[list[tuple[int, int, _Entry]], list[tuple[int, int]]]:
        """Every term and every trap that matches, as (first word, last word, entry).

        The words of a multi-word term must follow each other with only spaces,
        apostrophes or hyphens between them: "sale. Caractère" is not "sale caractère".
        """
        exact, stems = self._exact, self._stems
        count = len(words)
        hits: list[tuple[int, int, _Entry]] = []
        traps: list[tuple[int, int]] = []
        for position, word in enumerate(words):
            if word not in relevant:
                continue
            found = [
                *exact.get(word, ()),
                *(
                    (entry, anchor)
                    for stem, entry, anchor in stems.get(word[:MIN_STEM], ())
                    if word.startswith(stem)
                ),
            ]
            for entry, anchor in found:
                first = position - anchor
                last = first + len(entry.words) - 1
                if first < 0 or last >= count:
                    continue
                if len(entry.words) > 1 and not _term_fits(text, spans, words, entry, first):
                    continue
                if entry.category is None:
                    traps.append((first, last))
                else:
                    hits.append((first, last, entry))
        return hits, traps


def _term_fits(
    text: str, spans: list[tuple[int, int]], words: list[str], entry: _Entry, first: int
) -> bool:
    """Whether the words from `first` on spell `entry`, joined only by spaces,
    apostrophes or hyphens."""
    for offset, (expected, stem) in enumerate(entry.words):
        actual = words[first + offset]
        if not (actual.startswith(expected) if stem else actual == expected):
            return False
    for index in range(first, first + len(entry.words) - 1):
        if not _JOINED_GAP.fullmatch(text, spans[index][1], spans[index + 1][0]):
            return False
    return True


def _fold_words(raw: list[str]) -> list[str]:
    """The folded form of each word, folding each distinct word once.

    Plain ASCII words only need `lower()`, which gives what `fold` gives for them at
    a fraction of the cost. The table lives only for this call, so no word of a note
    outlives the check.
    """
    table = {}
    for word in set(raw):
        if word.isascii():
            table[word] = word.lower()
        else:
            quick = word.lower().translate(_ACCENTS)
            table[word] = quick if quick.isascii() else fold(word)
    return [table[word] for word in raw]


def _accents_table() -> dict[int, str]:
    """`fold` of each lower-case Latin letter that folds to plain ASCII ('é' → 'e').

    A word made only of such letters folds with `lower().translate()`, several times
    faster than `fold`; anything else (another script, a ligature, a decomposed
    accent) falls back to `fold`, so both give the same result.
    """
    table = {}
    for code in (*range(0x80, 0x250), *range(0x1E00, 0x1F00)):
        letter = chr(code)
        folded = fold(letter)
        if letter.lower() == letter and folded.isascii() and folded.isalpha():
            table[code] = folded
    return table


_ACCENTS = _accents_table()


def _longest(hits: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
    """Where terms overlap, keep the longest ("casier judiciaire" over "casier");
    where several categories list the very same words, keep each category once."""
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    kept: list[tuple[int, int, _Entry]] = []
    reach = -1
    for first, last, entry in hits:
        if kept and (first, last) == kept[-1][:2]:
            same_words = [other for a, b, other in kept if (a, b) == (first, last)]
            if all(other.category != entry.category for other in same_words):
                kept.append((first, last, entry))
            continue
        if first <= reach:
            continue
        kept.append((first, last, entry))
        reach = last
    return kept
