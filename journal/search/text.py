"""What search compares: queries, search keys and highlights (no I/O, no state).

A *key* is an entry's text as search sees it: folded like `journal.text.fold` (no case,
no accent, 'œ' → 'oe'), every character that is not a letter or digit turned into a
space, a space in front, UTF-8; a line break may also be left as the two bytes
`b"\x02n"` (undoing JSON's `\n` would cost a third of the time to build a key). A query
word matches a whole word of the key (it starts after a space or a line break and ends
before one): "caf" finds "la CAF", not "café". Typed with a trailing star it matches
the start of a word: "caf*" finds "café" and "cafétéria", "art*" still not "partie";
an acronym typed in capitals stays whole ("CAF*" is "CAF"). A phrase is words that
follow each other, separated by anything but letters and digits.

`payload_key` builds the key straight from an entry's opened JSON payload, without
decoding it to `str`: `bytes.translate` folds ASCII and the Latin-1 letters of French
(é = C3 A9: C3 is deleted, A9 becomes 'e') at C speed. Entries with other characters
(€, ’, «, œ, a Turkish or Polish name...) take slower paths that give the same key; a
test checks every path against `text_key`.

`highlighter` finds the same matches in the original text, for snippets and offsets.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from journal.text import fold, strip_controls

_NOT_ALNUM = re.compile(r"[\W_]+")
_SEPARATOR = rb"(?: |\x02n|\x02)+"  # between words in a key (\x02 marks a JSON escape)
_WORD = re.compile(r"[^\W_]+")
_WORD_TAIL = rb"[^ \x02]*"  # the rest of a word whose start was typed (a prefix)
_WORD_END = rb"(?![^ \x02])"  # no more of the word: it was typed whole
_COMBINING = "[\u0300-\u036f]*"


def search_fold(text: str) -> str:
    """`fold`, and once more where compatibility characters unfolded to capitals ('𝔘' → 'U')."""
    folded = fold(text)
    return folded if folded.lower() == folded else fold(folded)


def text_key(text: str) -> bytes:
    """The key of a text (the exact definition every fast path must agree with)."""
    return (" " + _NOT_ALNUM.sub(" ", search_fold(text))).encode("utf-8", "surrogatepass")


def words(text: str) -> tuple[str, ...]:
    """The folded words of a text: 'Facture d’Électricité' → ('facture', 'd', 'electricite')."""
    return tuple(_WORD.findall(search_fold(text)))


# -- queries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Words that must all appear, one after the other; one word is the usual case.

    Each word is a whole word, or the start of one where `prefix` says so (typed with
    a trailing star: "caf*"). `prefix` is one flag per word; left out, every word is whole.
    """

    words: tuple[str, ...]
    prefix: tuple[bool, ...] = ()
    _length: int = field(init=False, repr=False, compare=False)
    _rest: re.Pattern[bytes] | None = field(init=False, repr=False, compare=False)
    _whole: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.prefix) != len(self.words):
            object.__setattr__(self, "prefix", (False,) * len(self.words))
        # Read for every place the first word is found: plain attributes, set once.
        object.__setattr__(self, "_length", len(self.needle))
        object.__setattr__(self, "_rest", self._rest_pattern())
        object.__setattr__(self, "_whole", not self.prefix[0])

    @property
    def needle(self) -> bytes:
        """The first word as it is in a key (found where a word starts: `starts_word`)."""
        return self.words[0].encode("utf-8", "surrogatepass")

    @property
    def rest(self) -> re.Pattern[bytes] | None:
        """For a phrase, what must follow the first word (`match` right after it)."""
        return self._rest

    def _rest_pattern(self) -> re.Pattern[bytes] | None:
        if len(self.words) == 1:
            return None
        parts = [_WORD_TAIL if self.prefix[0] else b""]
        for word, prefix in zip(self.words[1:], self.prefix[1:], strict=True):
            parts += [_SEPARATOR, re.escape(word.encode("utf-8", "surrogatepass"))]
            parts.append(_WORD_TAIL if prefix else b"")
        if not self.prefix[-1]:
            parts.append(_WORD_END)
        return re.compile(b"".join(parts))

    def is_at(self, key: bytes, at: int, end: int) -> bool:
        """Whether the term starts at `at`, where its first word was found.

        `starts_word` written out, and the end of a whole word checked byte by byte: this
        runs for every place a scan finds the first word.
        """
        before = key[at - 1]
        if before != 32 and (before != 110 or key[at - 2] != _ESCAPE):
            return False
        after = at + self._length
        if self._rest is not None:
            return self._rest.match(key, after, end) is not None
        if self._whole and after < end:
            following = key[after]
            return following == 32 or following == _ESCAPE
        return True

    def found_in(self, key: bytes, start: int, end: int) -> bool:
        """Whether the term is in `key[start:end]` (one entry's text)."""
        needle = self.needle
        at = key.find(needle, start, end)
        while at >= 0:
            if self.is_at(key, at, end):
                return True
            at = key.find(needle, at + 1, end)
        return False

    def fts(self) -> str:
        """The term as an FTS5 phrase, a star after each prefix: `"facture" + "elec"*`."""
        return " + ".join(
            f'"{word}"' + ("*" if prefix else "")
            for word, prefix in zip(self.words, self.prefix, strict=True)
        )


@dataclass(frozen=True)
class Query:
    """Every term must match. Empty when the text held no letter or digit."""

    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def fts(self) -> str:
        return " AND ".join(term.fts() for term in self.terms)

    def ordered(self) -> list[Term]:
        """Longest first word first: it is usually the rarest, so the scan sees fewer hits."""
        return sorted(self.terms, key=lambda t: -len(t.needle))

    @functools.cached_property
    def highlighter(self) -> re.Pattern[str]:
        return re.compile("|".join(_term_pattern(t) for t in self.terms), re.IGNORECASE)


def parse_query(text: str | Sequence[str]) -> Query:
    """Words typed by a worker: every word must appear, as a whole word.

    "Double quotes" make a phrase; a trailing star makes a word a prefix ("caf*" finds
    "café"), except an acronym typed in capitals ("CAF*" is the word CAF only). A word
    written with an apostrophe or a hyphen ("d'électricité", "rendez-vous") is a phrase
    of its parts. A sequence is command-line arguments, each read as typed in the app:
    an argument with spaces in it ("frigo vide", quoted for the shell) is all its words.
    """
    pieces = [text] if isinstance(text, str) else list(text)
    terms: list[Term] = []
    for piece in pieces:
        for index, part in enumerate(piece.split('"')):
            if index % 2:  # inside quotes
                terms += _terms([part])
            else:
                terms += _terms(part.split())
    unique = list(dict.fromkeys(terms))
    return Query(tuple(unique))


_TYPED_WORD = re.compile(r"([^\W_]+)(\*)?")


def _terms(pieces: Iterable[str]) -> list[Term]:
    """One term per piece: its words, each whole or a prefix (see `parse_query`)."""
    terms = []
    for piece in pieces:
        found: list[tuple[str, bool]] = []
        for typed in _TYPED_WORD.finditer(_without_marks(piece)):
            folded = words(typed.group(1))
            if folded:
                star = typed.group(2) is not None and not _is_acronym(typed.group(1))
                found += [(word, False) for word in folded[:-1]] + [(folded[-1], star)]
        if found:
            words_found, prefixes = zip(*found, strict=True)
            terms.append(Term(words_found, prefixes))
    return terms


def _without_marks(text: str) -> str:
    """Accents taken off, capitals kept (for `_is_acronym`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_acronym(word: str) -> bool:
    """'CAF', 'RSA', 'APL': two characters or more, every letter a capital."""
    return len(word) > 1 and word.isupper()


# -- keys from opened payloads ------------------------------------------------------------


def starts_word(key: bytes, at: int) -> bool:
    """Whether a word of `key` starts at `at` (after a space or a line break)."""
    before = key[at - 1]
    return before == 32 or (before == 110 and key[at - 2] == _ESCAPE)


def without_line_breaks(key: bytes | memoryview) -> bytes:
    """The key with only spaces between words (for the word index's tokenizer)."""
    return bytes(key).replace(b"\x02n", b"  ")


TEXT_FIELD = b',"text":"'
_ESCAPE = 2  # what a backslash becomes in the first pass: JSON escapes are undone after
_OTHER = 1  # a byte the first pass cannot fold: the entry takes a slower path


def _char_key(char: str) -> bytes:
    return text_key(char)[1:]


def _first_pass_table() -> bytes:
    table = bytearray(b" " * 256)
    for byte in range(128):
        char = chr(byte)
        if char.isalnum():
            table[byte] = ord(char.lower())
    table[ord("\\")] = _ESCAPE
    table[_OTHER] = _OTHER  # the mark `_replace_common` leaves (JSON escapes any raw 0x01)
    for byte in range(0x80, 0xC0):  # the second byte of a Latin-1 letter (the first, C3, goes)
        key = _char_key(bytes([0xC3, byte]).decode("utf-8"))
        table[byte] = key[0] if len(key) == 1 and key.isascii() else _OTHER
    for byte in range(0xC0, 0x100):
        table[byte] = _OTHER
    return bytes(table)


def _ascii_table() -> bytes:
    table = bytearray(range(256))
    for byte in range(128):
        char = chr(byte)
        table[byte] = ord(char.lower()) if char.isalnum() else 32
    table[ord("\\")] = _ESCAPE
    return bytes(table)


_FIRST_PASS = _first_pass_table()
_ASCII = _ascii_table()


class _SequenceKeys(dict):
    """The key of one UTF-8 sequence, computed once: ASCII only, else the marker byte."""

    def __init__(self, lead: bytes, ascii_only: bool) -> None:
        super().__init__()
        self.lead = lead
        self.ascii_only = ascii_only

    def __missing__(self, tail: bytes) -> bytes:
        try:
            key = _char_key((self.lead + tail).decode("utf-8", "surrogatepass"))
        except UnicodeDecodeError:
            key = bytes([_OTHER])
        if self.ascii_only and not key.isascii():
            key = bytes([_OTHER])
        self[tail] = key
        return key


# Lead bytes of the other characters French notes are full of (€ ’ … « » œ, no-break
# spaces), replaced before the first pass. Two-byte sequences keep one byte after the
# lead, three-byte ones two.
_COMMON_KEYS = {lead: _SequenceKeys(lead, ascii_only=True) for lead in (b"\xc2", b"\xc5", b"\xe2")}
_EURO = "€".encode()
_ANY_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_ANY_KEYS = _SequenceKeys(b"", ascii_only=False)
_RARE_ESCAPE = re.compile(rb"\x02[^n ]")  # other than \n, \" and \/


def _replace_lead(payload: bytes, lead: bytes, width: int) -> bytes:
    keys = _COMMON_KEYS[lead]
    parts = payload.split(lead)
    rebuilt = [parts[0]]
    for part in parts[1:]:
        rebuilt += (keys[part[:width]], part[width:])
    return b"".join(rebuilt)


def _replace_common(payload: bytes) -> bytes:
    """Replace € ’ … « » œ and no-break spaces, the non-Latin-1 characters of French."""
    if b"\xe2" in payload:
        payload = payload.replace(_EURO, b"   ")  # in most notes: one pass, not a split
        if b"\xe2" in payload:
            payload = _replace_lead(payload, b"\xe2", 2)
    if b"\xc2" in payload:
        payload = _replace_lead(payload, b"\xc2", 1)
    if b"\xc5" in payload:
        payload = _replace_lead(payload, b"\xc5", 1)
    return payload


def _undo_escapes(key: bytes) -> bytes | None:
    """Turn JSON escapes (backslash already marked) into spaces; None for rare ones."""
    if b"\x02\x02" in key or b"\x02u" in key:
        return None  # an escaped backslash or a control character: decode properly
    for escape in (b"\x02n", b"\x02t", b"\x02r", b"\x02b", b"\x02f"):
        key = key.replace(escape, b"  ")
    return key.replace(b"\x02", b" ")  # \" and \/


def payload_key(payload: bytes) -> tuple[bytes, int]:
    """The key of an opened entry payload, and where its text starts in it.

    The key begins with the JSON fields before the text (dates, which are not searched:
    callers start looking at the returned offset).
    """
    at = payload.find(TEXT_FIELD)
    if at >= 0:
        start = at + len(TEXT_FIELD) - 1  # the opening quote: a space in the key
        key = _replace_common(payload).translate(_FIRST_PASS, b"\xc3")
        if _OTHER in key:
            key = _ANY_SEQUENCE.sub(lambda m: _ANY_KEYS[m.group()], payload).translate(_ASCII)
        if _ESCAPE in key and _RARE_ESCAPE.search(key) is not None:
            key = _undo_escapes(key)  # type: ignore[assignment]
        if key is not None:
            return key, start
    return text_key(json.loads(payload.decode("utf-8", "surrogatepass"))["text"]), 0


# -- highlights and snippets --------------------------------------------------------------


@functools.cache
def _folds() -> tuple[dict[str, str], dict[str, str]]:
    """Which characters fold to each letter ('e' ← 'éèêëÉ…'), and to each pair ('oe' ← 'œŒ')."""
    singles: dict[str, list[str]] = {}
    pairs: dict[str, list[str]] = {}
    for code in chain(range(0x20, 0x250), range(0x1E00, 0x1F00), range(0xFB00, 0xFB07)):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            singles.setdefault(folded, []).append(char)
        elif len(folded) == 2 and folded.isalnum():
            pairs.setdefault(folded, []).append(char)
    as_class = {k: re.escape("".join(v)) for k, v in singles.items()}
    return as_class, {k: re.escape("".join(v)) for k, v in pairs.items()}


def _char_pattern(char: str) -> str:
    singles, _ = _folds()
    return f"[{re.escape(char)}{singles.get(char, '')}]{_COMBINING}"


def _word_pattern(word: str) -> str:
    _, pairs = _folds()
    out = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in pairs:
            out.append(f"(?:{_char_pattern(pair[0])}{_char_pattern(pair[1])}|[{pairs[pair]}])")
            index += 2
        else:
            out.append(_char_pattern(word[index]))
            index += 1
    return "".join(out)


def _term_pattern(term: Term) -> str:
    body = r"[\W_]+".join(
        _word_pattern(word) + (r"[^\W_]*" if prefix else r"(?![^\W_])")
        for word, prefix in zip(term.words, term.prefix, strict=True)
    )
    return rf"(?<![^\W_]){body}"


def highlights(query: Query, text: str) -> list[tuple[int, int]]:
    """Where the query's terms are in `text`, as (start, end), whole words."""
    return [m.span() for m in query.highlighter.finditer(text)]


_SURROGATE = re.compile("[\ud800-\udfff]")


def snippet(
    text: str, spans: Iterable[tuple[int, int]], width: int = 160, before: int = 40
) -> tuple[str, list[tuple[int, int]]]:
    """A one-line extract around the first match, safe to display, and the matches in it.

    Every character of the extract stands for one of `text` (newlines and tabs become
    spaces, control characters '�'), so offsets stay exact; '…' marks a cut.
    """
    spans = sorted(spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - before)
    if start:
        space = text.find(" ", start, min(first, start + 15))
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > first else end
    piece = strip_controls(text[start:end].replace("\r", " "))
    piece = _SURROGATE.sub("\N{REPLACEMENT CHARACTER}", piece.replace("\n", " ").replace("\t", " "))
    lead = "…" if start else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    inside = [
        (max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start
    ]
    return lead + piece + tail, inside
