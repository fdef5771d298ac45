"""People named in a practice note: a gentle notice, not a word list.

The practice journal is the worker's reflection on their own work, not a file about a
person: judging words are not the point there (one reflects on a difficult visit in
strong words), but a note that names someone from the people list turns a reflection
into writing about that person. `find_mentions` finds those names so the views can say
so before saving; like the rest of the pertinence check it never blocks and nothing
about it is kept.

What names someone, in whole words, ignoring case and accents (`journal.text.fold`):

- the whole name as the list writes it ("Madeleine Roux"), or surname first ("ROUX
  Madeleine"), its words separated by spaces, a full stop or an apostrophe;
- a title and the surname ("Mme Roux", "M. Diallo", "famille Martin"), whatever the
  surname: after a title even a short surname ("Mme Ly") or an everyday word ("M. Noël")
  is a name;
- the surname alone ("Roux" in "j'ai revu Roux"), when it has at least 3 letters and is
  not an everyday word (`EVERYDAY`: "Noël", "Petit", "Rose", "Fontaine"…), so that "un
  pull rose" does not name Mme Rose.

The surname is the name's word written in capitals ("ROUX Madeleine"), else its last
word. A first name alone never counts: colleagues, children and half the people met in
a week share first names, and the notice would cry wolf.

A hyphen joins words, an apostrophe separates them. So "martin-pêcheur" and "la
Saint-Martin" are one word each and never name M. Martin, and "Jean-Pierre" is one word
of a name; the price is that "Mme Martin-Dupont" is named by "Martin-Dupont", not by
"Martin" alone. "d'Almeida" is "d" + "Almeida", so "Mme d'Almeida" names Rosa d'Almeida.

`EVERYDAY` is a short list of French and English words that are also frequent surnames,
not a dictionary: a surname missing from it that is also a rare everyday word costs a
notice the worker dismisses with one key; a surname wrongly in it is still found with a
title or the whole name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from journal.i18n import DEFAULT_LANGUAGE, register, translate
from journal.text import fold

register(
    {
        "names.named": {
            "fr": "Cette note nomme {names}, qui a une histoire dans Dentelle.",
            "en": "This note names {names}, who has a story in Dentelle.",
        },
        "names.named.many": {
            "fr": "Cette note nomme {names}, qui ont une histoire dans Dentelle.",
            "en": "This note names {names}, who have a story in Dentelle.",
        },
        "names.advice": {
            "fr": "Le journal de pratique est votre réflexion sur votre propre travail, "
            "pas un écrit sur quelqu'un : une initiale suffit, ou « une personne que "
            "j'accompagne ».",
            "en": "The practice journal is your reflection on your own work, not a record "
            "about someone: an initial is enough, or “a person I support”.",
        },
        "names.or": {"fr": " ou ", "en": " or "},
        "names.and": {"fr": " et ", "en": " and "},
    }
)

MIN_SURNAME = 3
"""Letters a surname needs to name someone on its own."""

TITLES = frozenset(
    "m mr mme mmes mlle mrs ms miss madame monsieur mademoiselle dr docteur famille family".split()  # noqa: SIM905
)
"""Words after which the next word is a surname, whatever it is (folded)."""

# Everyday words that are also surnames (folded). French first, then English.
EVERYDAY = frozenset(
    """
    abbe agneau allemand amour anglais avril barbe barbier baron bel belle berger blanc
    blanche bois bon bonheur bonne bonnet boucher boulanger bourgeois bouvier breton brun
    caille champ chapelier charpentier chasseur chateau chauvin cheval chevalier chene
    chretien clement clerc comte coq corbeau cordonnier courtois cousin croix cygne doux
    eglise fabre faucon ferme fontaine fort foret franc gaillard germain grand grange
    grenier gros jardin jeune joli juillet juin lac lapin large levrier lievre lion long
    loup lys mai maire maison marchand marechal marin masse mercier merle meunier moine
    moineau montagne moulin mouton noel normand olive olivier pages paques paris pasteur
    pecheur perdrix petit petite picard pierre pigeon poisson pont porte potier poule
    poulain poulet prince renard riviere roche rocher roi romain rose rossignol roux sage
    sauvage simple tailleur tisserand toussaint tour vacher vallee vert vieux violette
    abbot apple archer baker banks bass bean bear bee bell berry best bird bishop black
    bliss bold bridge bridges brook brooks brown buck burns bush butler carpenter carter
    cash castle chambers chase cherry child church cook cooper crane cross crow daisy dawn
    day dean drake duck duke earl east english faith fall farmer field fields finch fish
    fisher ford fox free friend frost gardener gates glass gold golden good grace grant
    gray green grey hall hand hare hart hawk head heather hill holly honey hope house
    hunt hunter irish iron ivy joy judge king knight lake lamb lane law lemon lily little
    lord love major mallet march marsh marshal marshall mason may mill miller mills monk
    moss noble north page park parker patience peach pepper pike plum pool poor pope
    porter potter price rice rich rivers robin said salmon salt sharp shepherd short
    silver smith south sparrow spring steel stone strong sugar summer swallow swan sweet
    swift tanner trout turner walker wall ward waters weaver well wells west white
    winter wise wolf wood woods wren young
    """.split()  # noqa: SIM905 (a block of words reads better than 300 quoted strings)
)
PARTICLES = frozenset("d de du des la le van von der den da di del dos el al ben ibn".split())  # noqa: SIM905
"""Words that may stand between a title and the surname ("Mme de la Fontaine")."""

# A word: letters, digits and the combining accents of a decomposed text, joined by
# hyphens ("martin-pêcheur", "Jean-Pierre"); offsets stay those of the text.
_LETTER = r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])"
_WORD = re.compile(rf"{_LETTER}+(?:[-\u2010\u2011]{_LETTER}+)*")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# Between the words of a name: spaces on one line, at most one full stop or apostrophe.
_GAP = re.compile(r"[^\S\n]*[.'’]?[^\S\n]*")


@dataclass(frozen=True)
class Mention:
    """Where a note may name someone: `text[start:end]`, and who (as the list writes
    them; several people when they share the surname found)."""

    start: int
    end: int
    matched: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """A piece of one line of the note around mentions, for the views to show.

    `text` is `note[start:start + len(text)]`; `cut_before` and `cut_after` say whether
    the line goes on (the views add "…"); `line` counts from 1.
    """

    text: str
    start: int
    line: int
    mentions: tuple[Mention, ...]
    cut_before: bool
    cut_after: bool

    def marks(self) -> list[tuple[int, int]]:
        """Where each mention is in `text`."""
        return [(m.start - self.start, m.end - self.start) for m in self.mentions]


def _words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of `text`."""
    return [
        (fold(match.group()).translate(_HYPHENS), match.start(), match.end())
        for match in _WORD.finditer(text)
    ]


def _surname(name: str, words: list[str]) -> str:
    """The word of the name written in capitals ("ROUX Madeleine"), else the last one."""
    raw = [match.group() for match in _WORD.finditer(name)]
    capitals = [
        folded
        for word, folded in zip(raw, words, strict=True)
        if len(word) > 1 and word.isupper() and folded not in TITLES
    ]
    return capitals[-1] if capitals else words[-1]


class _Names:
    """The ways each name may be written, ready to read a note."""

    def __init__(self, names: Iterable[str], everyday: frozenset[str]) -> None:
        self.sequences: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.surnames: dict[str, list[str]] = {}
        self.alone: set[str] = set()
        for name in names:
            words = tuple(word for word, _start, _end in _words(name))
            if not words:
                continue
            surname = _surname(name, list(words))
            self.surnames.setdefault(surname, []).append(name)
            if len(words) > 1:
                rest = list(words)
                rest.remove(surname)
                for sequence in {words, (surname, *rest)}:
                    self.sequences.setdefault(sequence[0], []).append((sequence, name))
            letters = sum(ch.isalpha() for ch in surname)
            if letters >= MIN_SURNAME and surname not in everyday and surname not in TITLES:
                self.alone.add(surname)

    def at(self, text: str, words: list[tuple[str, int, int]], index: int) -> Iterable:
        """(last word, name) for each way a name may start at word `index`."""
        word = words[index][0]
        for sequence, name in self.sequences.get(word, ()):
            if _fits(text, words, index, sequence):
                yield index + len(sequence) - 1, name
        if word in TITLES:
            last = index + 1
            while last < len(words) and words[last][0] in PARTICLES:
                last += 1
            if last < len(words) and words[last][0] in self.surnames:
                sequence = tuple(folded for folded, _start, _end in words[index : last + 1])
                if _fits(text, words, index, sequence):
                    for name in self.surnames[words[last][0]]:
                        yield last, name
        if word in self.alone:
            for name in self.surnames[word]:
                yield index, name


def find_mentions(
    text: str, names: Iterable[str], everyday: frozenset[str] = EVERYDAY
) -> list[Mention]:
    """Every place `text` names one of `names`, sorted; [] when none (see the module).

    Where ways of naming overlap, the longest wins ("Mme Roux" over "Roux"); one place
    that may name several people (a shared surname) is one mention with every name.
    """
    known = _Names(names, everyday)
    words = _words(text)
    found: dict[tuple[int, int], list[str]] = {}
    for index in range(len(words)):
        for last, name in known.at(text, words, index):
            named = found.setdefault((index, last), [])
            if name not in named:
                named.append(name)
    mentions = []
    reach = -1
    for first, last in sorted(found, key=lambda span: (span[0], -span[1])):
        if first <= reach:
            continue
        reach = last
        start, end = words[first][1], words[last][2]
        mentions.append(Mention(start, end, text[start:end], tuple(found[(first, last)])))
    return mentions


def _fits(text: str, words: list[tuple[str, int, int]], first: int, sequence: tuple) -> bool:
    """Whether the words from `first` on are `sequence`, with only a name's gaps between."""
    if first + len(sequence) > len(words):
        return False
    for offset, expected in enumerate(sequence):
        if words[first + offset][0] != expected:
            return False
        if offset and not _GAP.fullmatch(
            text, words[first + offset - 1][2], words[first + offset][1]
        ):
            return False
    return True


def passages(text: str, mentions: Sequence[Mention], around: int = 60) -> list[Passage]:
    """The lines that hold mentions, cut about `around` characters either side of them
    (at a space), in the order of the text."""
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(text.rfind("\n", 0, mention.start) + 1, []).append(mention)
    found = []
    for line_start, group in grouped.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, group[0].start - around)
        end = min(line_end, group[-1].end + around)
        if start > line_start:
            space = text.find(" ", start, group[0].start)
            start = space + 1 if space >= 0 else start
        if end < line_end:
            space = text.rfind(" ", group[-1].end, end)
            end = space if space >= 0 else end
        while start < group[0].start and text[start].isspace():
            start += 1
        while end > group[-1].end and text[end - 1].isspace():
            end -= 1
        found.append(
            Passage(
                text=text[start:end],
                start=start,
                line=text.count("\n", 0, line_start) + 1,
                mentions=tuple(group),
                cut_before=bool(text[line_start:start].strip()),
                cut_after=bool(text[end:line_end].strip()),
            )
        )
    return found


def named(mentions: Sequence[Mention], lang: str = DEFAULT_LANGUAGE) -> str:
    """ "Cette note nomme Madeleine Roux, qui a une histoire dans Dentelle." for the
    people of `mentions`, each said once ("Madeleine Roux ou Paul Roux" for a surname
    they share, unless the note names one of them in full)."""
    sure = {mention.names[0] for mention in mentions if len(mention.names) == 1}
    groups: list[tuple[str, ...]] = []
    for mention in mentions:
        doubtful = len(mention.names) > 1 and sure.intersection(mention.names)
        if mention.names not in groups and not doubtful:
            groups.append(mention.names)
    people = [translate("names.or", lang).join(group) for group in groups]
    if len(people) > 1:
        joined = ", ".join(people[:-1]) + translate("names.and", lang) + people[-1]
    else:
        joined = "".join(people)
    key = "names.named.many" if len(people) > 1 else "names.named"
    return translate(key, lang, names=joined)


def advice(lang: str = DEFAULT_LANGUAGE) -> str:
    """Why a name deserves a second look in the practice journal, and what to write."""
    return translate("names.advice", lang)
