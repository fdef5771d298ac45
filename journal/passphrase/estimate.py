"""How many guesses a passphrase would cost an attacker: an estimate, in bits.

The model is zxcvbn's (an attacker tries the likeliest first), cut down to what a
passphrase is: words, or a string of characters. The estimate is the smaller of two:

- **words**: the passphrase is split at every character that is not a letter or a
  digit. A common word costs log2 of its rank among the common words of French and
  English (`journal/wordlists/common-*.txt`: "la" ~1 bit, "dentelle" ~14); a word of
  letters outside the list costs at most `RARE_WORD_BITS` (a large dictionary holds
  it); anything else (digits, mixed strings) costs what its characters cost below. A
  word that was already used costs only the choice of which one repeats. A capital
  adds a bit, each distinct symbol between words a few.
- **characters**: the passphrase without its spaces, as one string. Each character
  costs log2 of the size of its alphabet (lower case, upper case, digits, symbols:
  those that appear), except runs an attacker tries early: one character repeated,
  alphabetical or numerical sequences and keyboard rows ("abcdef", "1234567",
  "azerty"), years.

So "1 2 3 4 5 6 7" is a sequence (a few bits), "a a a a a a a" one repeated word,
"la dentelle se fait maille après maille" six common words and a repeat (~49 bits),
and a long random string its length times ~6 bits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

RARE_WORD_BITS = 20.0
"""A word of letters missing from the common words: ~1 million in a large dictionary."""
MAX_RARE_WORD = 16
"""Longer strings of letters are not taken for dictionary words."""
CAPITAL_BITS = 1.0
SYMBOL_BITS = math.log2(33)
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertzuiop",
    "yxcvbnm",
)
# Words that follow each other in everyone's memory: counting, days, months.
WORD_SEQUENCES = (
    "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "one two three four five six seven eight nine ten eleven twelve",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "monday tuesday wednesday thursday friday saturday sunday",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "january february march april may june july august september october november december",
    "do re mi fa sol la si",
)
LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s",
                      "5": "s", "7": "t"})  # fmt: skip
LEET_BITS = 2.0
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_YEAR = re.compile(r"(19|20)\d\d")
_ACCENTS = re.compile("[\u0300-\u036f]")
# A symbol or digit between two letters: "p@ssw0rd" is read as "password" too.
_LEETED = re.compile(r"(?<=[^\W\d_])[@4310!$57](?=[^\W\d_])")


@dataclass(frozen=True)
class Estimate:
    """What the rule decides on: bits of guessing, and what made them few."""

    bits: float
    words: int  # tokens
    distinct: int  # distinct tokens
    not_words: int  # tokens that are no common or dictionary word
    predictable: bool  # the character model (sequence, repetition) was the cheaper

    @property
    def repeated(self) -> int:
        return self.words - self.distinct


def fold(text: str) -> str:
    """Lower case without accents ('Après' → 'apres'), as an attacker's list has it.

    `journal.text.fold` does the same one character at a time; this one runs over the
    whole word list at once (~10 ms instead of ~40 ms a language).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _ACCENTS.sub("", decomposed).replace("œ", "oe").replace("æ", "ae")


@cache
def ranks() -> dict[str, int]:
    """Folded word → its best rank in French or English (1 = most common)."""
    ranked: dict[str, int] = {}
    folder = resources.files("journal") / "wordlists"
    for lang in ("fr", "en"):
        text = (folder / f"common-{lang}.txt").read_text(encoding="utf-8")
        lines = fold(text).split("\n")
        words = (line for line in lines if line and not line.startswith("#"))
        for rank, word in enumerate(words, start=1):
            if rank < ranked.get(word, rank + 1):
                ranked[word] = rank
    return ranked


@cache
def _successors() -> frozenset[tuple[str, str]]:
    """Pairs of words that follow each other in a `WORD_SEQUENCES` line, both ways."""
    pairs: set[tuple[str, str]] = set()
    for line in WORD_SEQUENCES:
        words = line.split()
        for first, second in zip(words, words[1:], strict=False):
            pairs |= {(first, second), (second, first)}
    return frozenset(pairs)


def _alphabet(text: str) -> int:
    size = 0
    size += 26 if any(ch.islower() for ch in text) else 0
    size += 26 if any(ch.isupper() for ch in text) else 0
    size += 10 if any(ch.isdigit() for ch in text) else 0
    size += 33 if any(not ch.isalnum() for ch in text) else 0
    return max(size, 10)


def _run_length(text: str, start: int) -> int:
    """Length of the predictable run at `start` (repetition or sequence), 0 if under 3."""
    folded = text.lower()
    repeat = start + 1
    while repeat < len(folded) and folded[repeat] == folded[start]:
        repeat += 1
    best = repeat - start
    for source in SEQUENCES:
        for ordered in (source, source[::-1]):
            end = start + 3
            while end <= len(folded) and folded[start:end] in ordered:
                end += 1
            best = max(best, end - 1 - start)
    if _YEAR.match(text, start) and best < 4:
        best = 4
    return best if best >= 3 else 0


def character_bits(text: str) -> float:
    """Bits to brute-force `text`, predictable runs counted as a few guesses each."""
    if not text:
        return 0.0
    per_character = math.log2(_alphabet(text))
    bits, index = 0.0, 0
    while index < len(text):
        run = _run_length(text, index)
        if run:
            bits += per_character + math.log2(run) + 1  # which run, how long, which way
            index += run
        else:
            bits += per_character
            index += 1
    return bits


def _joined_words_bits(letters: str) -> float:
    """Bits of `letters` read as common words run together ("motdepasse"), or as
    characters where no word fits: the cheapest reading, by dynamic programming."""
    known = ranks()
    per_character = math.log2(26)
    best = [0.0] + [math.inf] * len(letters)
    for end in range(1, len(letters) + 1):
        best[end] = best[end - 1] + per_character
        for start in range(max(0, end - 24), end - 1):
            rank = known.get(letters[start:end])
            if rank is not None:
                best[end] = min(best[end], best[start] + math.log2(rank + 1) + 1)
    return best[-1]


def _token_bits(token: str) -> tuple[float, bool]:
    """(bits, is a word) for one token of letters or digits."""
    if token.isalpha():
        key = fold(token)
        rank = ranks().get(key)
        capital = CAPITAL_BITS if any(ch.isupper() for ch in token) else 0.0
        inner_case = token[1:] != token[1:].lower() and token != token.upper()
        if rank is not None and not inner_case:
            return math.log2(rank + 1) + capital, True
        if not inner_case:
            bits = min(character_bits(token), _joined_words_bits(key) + capital)
            if len(token) <= MAX_RARE_WORD:
                bits = min(bits, RARE_WORD_BITS + capital)
            return bits, False
    return character_bits(token), False


def _word_estimate(passphrase: str) -> tuple[float, int, int, int]:
    """(bits, tokens, distinct tokens, tokens that are no word) of the word model."""
    tokens = _TOKEN.findall(passphrase)
    seen: set[str] = set()
    bits, not_words, previous = 0.0, 0, ""
    for token in tokens:
        key = fold(token)
        if key in seen:
            bits += math.log2(2 * len(seen))  # which earlier word comes back
        elif (previous, key) in _successors():
            bits += 1.0  # "trois" after "deux"
        else:
            token_bits, is_word = _token_bits(token)
            bits += token_bits
            not_words += not is_word
        seen.add(key)
        previous = key
    symbols = {ch for ch in passphrase if not ch.isalnum() and not ch.isspace()}
    return bits + SYMBOL_BITS * len(symbols), len(tokens), len(seen), not_words


def estimate(passphrase: str) -> Estimate:
    """The estimate of `passphrase` (see the module docstring)."""
    word_bits, words, distinct, not_words = _word_estimate(passphrase)
    unleeted = _LEETED.sub(lambda match: match.group().translate(LEET), passphrase)
    if unleeted != passphrase:
        word_bits = min(word_bits, _word_estimate(unleeted)[0] + LEET_BITS)
    characters = character_bits("".join(passphrase.split()))
    return Estimate(
        bits=min(word_bits, characters),
        words=words,
        distinct=distinct,
        not_words=not_words,
        predictable=characters < word_bits,
    )
