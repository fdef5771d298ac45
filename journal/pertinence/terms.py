"""Terms and their index: how a parsed list line is looked up in a note's words."""

from __future__ import annotations

from dataclasses import dataclass

from journal.i18n import DEFAULT_LANGUAGE
from journal.pertinence.words import GAP, MIN_STEM


@dataclass(frozen=True, slots=True)
class Term:
    """A parsed term: folded words (each exact or a stem), the forms each exact word
    stands for (`journal.pertinence.forms`), the language of its list, and what to say
    about it."""

    words: tuple[tuple[str, bool], ...]
    category: str | None  # None for a trap
    suggestion: str | None
    lang: str = DEFAULT_LANGUAGE
    forms: tuple[frozenset[str], ...] = ()
    # For a term with "…": the positions of the words of each part between gaps.
    parts: tuple[tuple[int, ...], ...] = ()

    @property
    def gapped(self) -> bool:
        """Whether the term holds "…" (a few words of the same sentence)."""
        return bool(self.parts)

    def matches(self, at: int, word: str) -> bool:
        """Whether folded `word` of a note can stand at position `at` of the term."""
        expected, stem = self.words[at]
        if stem:
            return word.startswith(expected)
        return word in self.forms[at] if self.forms else word == expected


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
    entry: Term, at: int, shared: dict[tuple[str, bool], int]
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


class TermIndex:
    """Terms and traps, looked up by their most telling word (their "anchor").

    A multi-word term is looked up by its rarest, longest word ("mauvaise" in "de
    mauvaise foi", "origine" in "d'origine"), so the small words every sentence holds
    ("de", "a", "le") lead nowhere and a clean note costs about two dict lookups per
    distinct word. Stems sit in buckets keyed by their first `MIN_STEM` letters.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[tuple[tuple[str, bool], ...], str | None, str], Term] = {}
        self.exact: dict[str, tuple[tuple[Term, int], ...]] = {}
        self.stems: dict[str, tuple[tuple[str, Term, int], ...]] = {}

    def add(self, entry: Term) -> None:
        # The same term in the same category and language again (a worker's list after
        # the shipped one): the later line wins, so a service can reword a suggestion.
        self._entries[(entry.words, entry.category, entry.lang)] = entry

    def terms(self) -> list[Term]:
        return list(self._entries.values())

    def freeze(self) -> None:
        exact: dict[str, list[tuple[Term, int]]] = {}
        stems: dict[str, list[tuple[str, Term, int]]] = {}
        shared: dict[tuple[str, bool], int] = {}
        for entry in self._entries.values():
            for word in set(entry.words):
                shared[word] = shared.get(word, 0) + 1
        for entry in self._entries.values():
            # A term with "…" is looked up by a word before its first gap: the offsets
            # of the words after it are not known in advance.
            fixed = len(entry.parts[0]) if entry.parts else len(entry.words)
            anchor = (
                0
                if fixed == 1
                else max(range(fixed), key=lambda at: _anchor_rank(entry, at, shared))
            )
            word, stem = entry.words[anchor]
            if stem:
                stems.setdefault(word[:MIN_STEM], []).append((word, entry, anchor))
            else:
                for form in entry.forms[anchor] if entry.forms else (word,):
                    exact.setdefault(form, []).append((entry, anchor))
        self.exact = {word: tuple(found) for word, found in exact.items()}
        self.stems = {key: tuple(found) for key, found in stems.items()}

    def count(self, traps: bool) -> int:
        return sum((entry.category is None) == traps for entry in self._entries.values())


def gap_parts(words: tuple[tuple[str, bool], ...]) -> tuple[tuple[int, ...], ...]:
    """The positions of the words of each part between "…" gaps; () without a gap."""
    if not any(word == GAP for word, _ in words):
        return ()
    parts: list[list[int]] = [[]]
    for at, (word, _) in enumerate(words):
        if word == GAP:
            parts.append([])
        else:
            parts[-1].append(at)
    return tuple(tuple(part) for part in parts)
