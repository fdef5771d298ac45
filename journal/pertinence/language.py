"""Which language a sentence is written in, so that the advice speaks it.

A French note gets French reasons and suggestions, an English note English ones,
whatever the interface language; a French note that quotes an English report keeps
French advice for its French sentences. Notes are short and their language shows in
their small words ("le", "est", "the", "is"), so counting those is enough: no model,
nothing to load. A sentence with no telling word (a name, an acronym) takes the
language of the whole note, then the interface language.
"""

from __future__ import annotations

from collections.abc import Iterable

_FRENCH_WORDS = (
    "le la les un une des du de au aux et est sont a ont il elle ils elles on nous vous"
    " je j l d qu que qui ne n pas plus mais ou donc car avec sans pour par sur dans"
    " ce cet cette ces son sa ses leur leurs mon ma mes tres aussi tout toute tous"
    " etait avait fait dit chez depuis lors selon apres avant mme m monsieur madame"
    " lui y en se s c ete etre avoir"
)
_ENGLISH_WORDS = (
    "the a an and is are was were has have had he she they it his her their them we"
    " you i not no but or so because with without for by on in at of to from this"
    " that these those who which very also all been being be do does did says said"
    " mr mrs ms miss since after before about into"
)
FRENCH = frozenset(_FRENCH_WORDS.split())
ENGLISH = frozenset(_ENGLISH_WORDS.split())
# Words both languages write the same way say nothing.
_TELLING = {"fr": FRENCH - ENGLISH, "en": ENGLISH - FRENCH}


def score(words: Iterable[str]) -> dict[str, int]:
    """How many telling small words of each language `words` (folded) hold."""
    counts = {lang: 0 for lang in _TELLING}
    for word in words:
        for lang, telling in _TELLING.items():
            if word in telling:
                counts[lang] += 1
    return counts


def decide(counts: dict[str, int], default: str) -> str:
    """The language with the most telling words; `default` when none leads."""
    best = max(counts.values())
    leaders = [lang for lang, count in counts.items() if count == best]
    return leaders[0] if best and len(leaders) == 1 else default
