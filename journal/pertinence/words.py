"""What a word is, in a note and in a word list, and how a note's words are folded."""

from __future__ import annotations

import re

from journal.text import fold

# A word: letters and digits, with any combining accents a decomposed (NFD) text
# carries, so that "e" + U+0301 stays inside its word and offsets stay exact.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD = re.compile(r"[^\W_]+")
WORD_WITH_MARKS = re.compile(rf"(?:[^\W_]|[{MARKS}])+")
HAS_MARKS = re.compile(rf"[{MARKS}]")
# What may separate the words of a multi-word term: spaces (not a line break, which
# ends a sentence), apostrophes, hyphens. Anything else (a full stop, a comma, a
# slash) ends the term, so a term never straddles two sentences.
JOINERS = "'’ʼ‘`´\\-‐‑\u00ad"
# Quotation marks may stand inside a term too: "traitée de « fainéante »" is the trap
# "traité de *", "called her a \"scrounger\"" the trap "called her a *".
QUOTES = '«»"“”„'
JOINED_GAP = re.compile(rf"(?:[^\S\r\n]|[{JOINERS}{QUOTES}])+")
TERM_SPLIT = re.compile(rf"[\s{JOINERS}]+")
TERM_WORD = re.compile(rf"(?:[^\W_]|[{MARKS}])+\*?")

MIN_STEM = 3
# "…" (or "...") inside a term: up to MAX_GAP words of the same sentence, so that
# "voisin … affirme" finds "la voisine du dessous affirme".
GAP = "…"
MAX_GAP = 5


def fold_words(raw: list[str]) -> list[str]:
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
