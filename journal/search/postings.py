"""One person's word index as it is sealed: which of their notes hold each word.

The index answers "which notes hold this word (or a word starting so)" without opening
any note. It is built from the same keys as the in-memory search (`journal.search.text`:
folded, accent- and case-insensitive), so that both give the same answers; phrases are
answered from the words' notes, then checked on the opened candidates (the index keeps
no positions).

Layout, before zlib and sealing (docs/format.md, "The word index"):

    header   b"DSI1" | cover (32 bytes) | notes n (u32) | records length (u32) |
             vocabulary length (u32)                       (struct "<4s32sIII")
    records  one line per current note, newest first: b"<order>\\t<entry id>\\t<version id>"
             joined by b"\\n"; `order` is `journal.search.hits.order_of` (day, time, written)
    vocabulary  the distinct words, sorted, each between two b"\\n": b"\\ncafe\\nfacture\\n"
    bitmaps  for the k-th word, bytes [k·w, (k+1)·w), w = ceil(n / 8): bit i (little-endian)
             says whether record i holds the word

`cover` binds the index to the notes it was built from (a digest of the person's entry
integrity tags, `journal.store.wordindex`): an index replayed from an older state has a
cover that no longer matches, and is not trusted. A bitmap per word rather than lists of
numbers: 8 bytes for a person with 60 notes, ANDed as Python ints at C speed.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

from journal.search.hits import order_of
from journal.search.text import Query, payload_key, without_line_breaks

MAGIC = b"DSI1"
HEADER = struct.Struct("<4s32sIII")
EMPTY_COVER = bytes(32)

Record = bytes  # b"<order>\t<entry id>\t<version id>"


def record(order: bytes, entry_id: str, version_id: str) -> Record:
    return b"\t".join((order, entry_id.encode("ascii"), version_id.encode("ascii")))


def record_id(line: Record) -> str:
    return line.split(b"\t")[1].decode("ascii")


def record_order(line: Record) -> bytes:
    return line.split(b"\t", 1)[0]


def note_words(payload: bytes) -> tuple[bytes, set[bytes]]:
    """(order, distinct words of the text) of an opened entry payload."""
    key, text_at = payload_key(payload)
    text = without_line_breaks(key[text_at:]).replace(b"\x02", b" ")
    return order_of(payload, text_at), set(text.split())


class PersonIndex:
    """A person's index, read-only and compact: what is held in memory for searching."""

    __slots__ = ("_records", "bits", "count", "cover", "records_blob", "vocab", "width")

    def __init__(self, cover: bytes, count: int, records_blob: bytes, vocab: bytes, bits: bytes):
        self.cover = cover
        self.count = count
        self.records_blob = records_blob
        self.vocab = vocab
        self.bits = bits
        self.width = (count + 7) // 8
        self._records: list[bytes] | None = None

    @classmethod
    def empty(cls, cover: bytes = EMPTY_COVER) -> PersonIndex:
        return cls(cover, 0, b"", b"\n", b"")

    @classmethod
    def from_bytes(cls, data: bytes) -> PersonIndex:
        """Parse a decompressed payload; ValueError when it is not one."""
        if len(data) < HEADER.size or not data.startswith(MAGIC):
            raise ValueError("not a word index")
        _, cover, count, records_len, vocab_len = HEADER.unpack_from(data)
        start = HEADER.size
        records = data[start : start + records_len]
        vocab = data[start + records_len : start + records_len + vocab_len]
        bits = data[start + records_len + vocab_len :]
        width = (count + 7) // 8
        words = vocab.count(b"\n") - 1
        if (
            len(records) != records_len
            or not vocab.startswith(b"\n")
            or not vocab.endswith(b"\n")
            or len(bits) != words * width
            or (count and records.count(b"\n") != count - 1)
        ):
            raise ValueError("word index cut short")
        return cls(cover, count, records, vocab, bits)

    def to_bytes(self) -> bytes:
        header = HEADER.pack(MAGIC, self.cover, self.count, len(self.records_blob), len(self.vocab))
        return b"".join((header, self.records_blob, self.vocab, self.bits))

    @property
    def records(self) -> list[bytes]:
        if self._records is None:
            self._records = self.records_blob.split(b"\n") if self.count else []
        return self._records

    def __len__(self) -> int:
        return self.count

    # -- reading ---------------------------------------------------------------------------

    def _bitmap(self, ordinal: int) -> int:
        width = self.width
        return int.from_bytes(self.bits[ordinal * width : (ordinal + 1) * width], "little")

    def word_bits(self, word: bytes, prefix: bool = False) -> int:
        """The notes holding `word` (or, with `prefix`, a word starting with it), as bits."""
        vocab = self.vocab
        if not prefix:
            at = vocab.find(b"\n" + word + b"\n")
            return 0 if at < 0 else self._bitmap(vocab.count(b"\n", 0, at))
        needle = b"\n" + word
        found = 0
        at = vocab.find(needle)
        ordinal, counted = 0, 0
        while at >= 0:
            ordinal += vocab.count(b"\n", counted, at)
            counted = at
            found |= self._bitmap(ordinal)
            at = vocab.find(needle, at + 1)
        return found

    def matches(self, query: Query) -> int:
        """The notes holding every word of every term (phrases still to be checked)."""
        if not self.count:
            return 0
        result = (1 << self.count) - 1
        for term in query.terms:
            for word, prefix in zip(term.words, term.prefix, strict=True):
                result &= self.word_bits(word.encode("utf-8", "surrogatepass"), prefix)
                if not result:
                    return 0
        return result

    def editable(self) -> EditableIndex:
        words = self.vocab[1:-1].split(b"\n") if self.vocab != b"\n" else []
        return EditableIndex(
            list(self.records), {word: self._bitmap(k) for k, word in enumerate(words)}
        )


def set_bits(bits: int) -> Iterator[int]:
    """The positions of the bits set, lowest (newest note) first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


class EditableIndex:
    """A person's index taken apart for a change (a note added, edited or deleted)."""

    def __init__(self, records: list[Record] | None = None, words: dict | None = None) -> None:
        self.records: list[Record] = records or []
        self.words: dict[bytes, int] = words or {}

    def add(self, line: Record, words: Iterable[bytes]) -> None:
        """Insert a note's record where its order puts it (newest first), with its words."""
        records = self.records
        at = 0
        while at < len(records) and records[at] > line:  # newest first: descending
            at += 1
        if at < len(records):
            low = (1 << at) - 1
            self.words = {w: (b & low) | ((b >> at) << (at + 1)) for w, b in self.words.items()}
        records.insert(at, line)
        bit = 1 << at
        for word in words:
            self.words[word] = self.words.get(word, 0) | bit

    def remove(self, entry_id: str) -> bool:
        """Take a note out (its record and its bit in every word); False if absent."""
        wanted = entry_id.encode("ascii")
        found = [i for i, line in enumerate(self.records) if line.split(b"\t")[1] == wanted]
        if not found:
            return False
        at = found[0]
        del self.records[at]
        low = (1 << at) - 1
        kept = {}
        for word, bits in self.words.items():
            bits = (bits & low) | ((bits >> (at + 1)) << at)
            if bits:
                kept[word] = bits
        self.words = kept
        return True

    def frozen(self, cover: bytes) -> PersonIndex:
        count = len(self.records)
        width = (count + 7) // 8
        words = sorted(w for w, b in self.words.items() if b)
        vocab = b"\n" + b"".join(w + b"\n" for w in words)
        bits = b"".join(self.words[w].to_bytes(width, "little") for w in words)
        return PersonIndex(cover, count, b"\n".join(self.records), vocab, bits)


def build(notes: Iterable[tuple[str, str, bytes]], cover: bytes = EMPTY_COVER) -> PersonIndex:
    """The index of notes given as (entry id, version id, opened payload)."""
    opened = []
    for entry_id, version_id, payload in notes:
        order, words = note_words(payload)
        opened.append((record(order, entry_id, version_id), words))
    opened.sort(key=lambda item: item[0], reverse=True)
    table: dict[bytes, int] = {}
    for at, (_, words) in enumerate(opened):
        bit = 1 << at
        for word in words:
            table[word] = table.get(word, 0) | bit
    return EditableIndex([line for line, _ in opened], table).frozen(cover)
