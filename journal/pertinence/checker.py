"""The check itself: every listed term in a note, with its sentence, traps applied.

Matching works on words, never on raw substrings, so that "sale" cannot flag
"salle" or "salaire" and "parasite" cannot flag "antiparasitaire". Words are cut on
Unicode word boundaries; apostrophes and hyphens separate words but may join the
words of a multi-word term ("d'origine", "je-m'en-foutiste"). Case and accents are
ignored on both sides ("hysterique" matches "Hystérique").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from journal.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalize_language
from journal.pertinence.compiled import CompiledIndex, shipped
from journal.pertinence.language import decide, score
from journal.pertinence.lists import ListLoader, ListProblem
from journal.pertinence.terms import Term, TermIndex
from journal.pertinence.words import (
    HAS_MARKS,
    JOINED_GAP,
    MAX_GAP,
    MIN_STEM,
    WORD,
    WORD_WITH_MARKS,
    fold_words,
)


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
    # The language of the sentence ("fr" or "en"): the views word the reason, the
    # category and the question in it, whatever the interface language.
    lang: str = DEFAULT_LANGUAGE


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
        self,
        index: TermIndex | CompiledIndex,
        problems: list[ListProblem],
        ui_lang: str = DEFAULT_LANGUAGE,
    ) -> None:
        self._exact = index.exact
        self._stems = index.stems
        self._size = index.count(traps=False)
        self.lang = ui_lang
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
        (default: `lang`, else French). The shipped lists come compiled from the cache
        (`journal.pertinence.compiled`) unless `extra_dirs` add terms.
        """
        if lang is None:
            langs = LANGUAGES
        else:
            code = normalize_language(lang)
            if code is None:
                raise ValueError(f"no word lists for language {lang!r}")
            langs = (code,)
        own = ListLoader()
        for folder in extra_dirs:
            own.read_folder(Path(folder), langs)
        index: TermIndex | CompiledIndex
        if own.index.terms():
            # A worker's or service's own lists may hold names: compiled here with the
            # shipped ones, as one loader would, and never cached.
            loader = ListLoader()
            for code in langs:
                loader.read_shipped(code)
            for term in own.index.terms():
                loader.index.add(term)
            loader.index.freeze()
            index, problems = loader.index, loader.problems + own.problems
        else:
            index, shipped_problems = shipped(langs)
            problems = [*shipped_problems, *own.problems]
        return cls(index, problems, ui_lang or (langs[0] if lang else DEFAULT_LANGUAGE))

    def __len__(self) -> int:
        """How many terms are loaded (traps not counted)."""
        return self._size

    def check(self, text: str, lang: str | None = None) -> list[Finding]:
        """Every listed term in `text`, sorted by position; [] when there is nothing.

        Each finding carries the language of its sentence; `lang` (default: the
        checker's interface language) is the fallback for a sentence that does not
        show its language, after the language of the whole text.
        """
        pattern = WORD_WITH_MARKS if HAS_MARKS.search(text) else WORD
        words = fold_words(pattern.findall(text))
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
        ends = _sentence_ends(text)
        starts = [start for start, _ in spans]
        note_lang = decide(score(words), lang or self.lang)
        languages: dict[int, str] = {}
        findings = []
        for first, last, entries in _longest(hits):
            start, end = spans[first][0], spans[last][1]
            sentence, sentence_start = _sentence_at(text, ends, start)
            sentence_lang = languages.get(sentence_start)
            if sentence_lang is None:
                low = bisect.bisect_left(starts, sentence_start)
                high = bisect.bisect_left(starts, sentence_start + len(sentence))
                sentence_lang = decide(score(words[low:high]), note_lang)
                languages[sentence_start] = sentence_lang
            for entry in _in_language(entries, sentence_lang):
                findings.append(
                    Finding(
                        start=start,
                        end=end,
                        matched=text[start:end],
                        category=entry.category or "",
                        # A suggestion is worded in its list's language: an English
                        # one would not fit a French sentence.
                        suggestion=entry.suggestion if entry.lang == sentence_lang else None,
                        sentence=sentence,
                        sentence_start=sentence_start,
                        lang=sentence_lang,
                    )
                )
        findings = _outside_reported_speech(text, findings)
        findings.sort(key=lambda finding: (finding.start, finding.end, finding.category))
        return findings

    def _match(
        self, text: str, spans: list[tuple[int, int]], words: list[str], relevant: set[str]
    ) -> tuple[list[tuple[int, int, Term]], list[tuple[int, int]]]:
        """Every term and every trap that matches, as (first word, last word, entry).

        The words of a multi-word term must follow each other with only spaces,
        apostrophes or hyphens between them: "sale. Caractère" is not "sale caractère".
        """
        exact, stems = self._exact, self._stems
        count = len(words)
        hits: list[tuple[int, int, Term]] = []
        traps: list[tuple[int, int]] = []
        for position, word in enumerate(words):
            if word not in relevant:
                continue
            ahead: set[str] | None = None
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
                if first < 0:
                    continue
                if entry.gapped:
                    # Most gapped terms share their first part ("voisin … affirme",
                    # "voisin … raconte"): look for the word after the gap first.
                    if ahead is None:
                        ahead = set(words[position + 1 : position + 2 + MAX_GAP * 2])
                    after = entry.parts[1][0]
                    stem = entry.words[after][1]
                    if entry.forms and not stem and entry.forms[after].isdisjoint(ahead):
                        continue
                    reached = _gapped_fit(text, spans, words, entry, first)
                    if reached is None:
                        continue
                    last = reached
                else:
                    last = first + len(entry.words) - 1
                    if last >= count:
                        continue
                    if len(entry.words) > 1 and not _term_fits(text, spans, words, entry, first):
                        continue
                if entry.category is None:
                    traps.append((first, last))
                else:
                    hits.append((first, last, entry))
        return hits, traps


def _term_fits(
    text: str, spans: list[tuple[int, int]], words: list[str], entry: Term, first: int
) -> bool:
    """Whether the words from `first` on spell `entry`, joined only by spaces,
    apostrophes or hyphens."""
    for offset in range(len(entry.words)):
        if not entry.matches(offset, words[first + offset]):
            return False
    for index in range(first, first + len(entry.words) - 1):
        if not JOINED_GAP.fullmatch(text, spans[index][1], spans[index + 1][0]):
            return False
    return True


# Quoted words: « … », “ … ”, " … " on one line.
_QUOTATION = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")
# What someone said, quoted, is a fact of the conversation: "« Sale clocharde », lui a
# crié un passant"; "Monsieur dit : « je sais que je suis têtu »". A word the writer
# sets in quotes to keep their distance ("un « fainéant »") is still theirs.
_REPORTED_CATEGORIES = frozenset({"judgment", "insult"})
_MIN_QUOTED_WORDS = 2


def _outside_reported_speech(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` but the judgments and insults inside a quotation of several words."""
    if not any(finding.category in _REPORTED_CATEGORIES for finding in findings):
        return findings
    quotations = [
        match.span()
        for match in _QUOTATION.finditer(text)
        if len(WORD.findall(match.group())) >= _MIN_QUOTED_WORDS
    ]
    return [
        finding
        for finding in findings
        if finding.category not in _REPORTED_CATEGORIES
        or not any(start < finding.start and finding.end < end for start, end in quotations)
    ]


_SENTENCE_BREAK = re.compile(r"[.!?;…\n]")


def _gapped_fit(
    text: str, spans: list[tuple[int, int]], words: list[str], entry: Term, first: int
) -> int | None:
    """Where a term with "…" ends when it starts at word `first`, or None.

    Each part between gaps is matched like a term of its own; a gap takes the fewest
    words it can (up to `MAX_GAP`), never across the end of a sentence.
    """
    count = len(words)
    end = -1
    for number, part in enumerate(entry.parts):
        starts = [first] if number == 0 else range(end + 1, min(end + 2 + MAX_GAP, count))
        for start in starts:
            if start + len(part) > count:
                return None
            if number and _SENTENCE_BREAK.search(text, spans[end][1], spans[start][0]):
                return None
            spelled = all(
                entry.matches(offset, words[start + at]) for at, offset in enumerate(part)
            )
            if spelled and all(
                JOINED_GAP.fullmatch(text, spans[index][1], spans[index + 1][0])
                for index in range(start, start + len(part) - 1)
            ):
                end = start + len(part) - 1
                break
        else:
            return None
    return end


def _longest(hits: list[tuple[int, int, Term]]) -> list[tuple[int, int, list[Term]]]:
    """Where terms overlap, keep the longest ("casier judiciaire" over "casier"),
    with every entry that lists the very same words."""
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    kept: list[tuple[int, int, list[Term]]] = []
    reach = -1
    for first, last, entry in hits:
        if kept and (first, last) == kept[-1][:2]:
            kept[-1][2].append(entry)
            continue
        if first <= reach:
            continue
        kept.append((first, last, [entry]))
        reach = last
    return kept


def _in_language(entries: list[Term], lang: str) -> list[Term]:
    """One entry per category, from the list in `lang` when there is one: "dépressive"
    is in the French list and, by its stem, in the English one; a French sentence
    gets the French suggestion."""
    chosen: dict[str, Term] = {}
    for entry in entries:
        category = entry.category or ""
        if category not in chosen or (entry.lang == lang and chosen[category].lang != lang):
            chosen[category] = entry
    return list(chosen.values())
