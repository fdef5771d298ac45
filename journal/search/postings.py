"""One person's word index as it is sealed: which of their notes hold each word.

The index answers "which notes hold this word (or a word starting so)" without opening
any note. It is built from the same keys as the in-memory search (`journal.search.text`:
folded, accent- and case-insensitive), so that both give the same answers; phrases are
answered from the words' notes, then checked on the opened candidates (the index keeps
no positions).

Layout, before zlib and sealing (docs/format.md, "The word index"):

    header   b"DSI2" | cover (32 bytes) | notes n (u32) | records length (u32) |
             vocabulary length (u32)                       (struct "<4s32sIII")
    records  one line per current note, oldest first: b"<order>\\t<entry id>\\t<version id>"
             joined by b"\\n"; `order` is `journal.search.hits.order_of` (day, time, written)
    vocabulary  the distinct words, each between two b"\\n": b"\\ncafe\\nfacture\\n" (in
             no particular order: a note's new words are added at the end)
    bitmaps  for the k-th word, bytes [k·w, (k+1)·w), w = ceil(n / 8): bit i (little-endian)
             says whether record i holds the word

`cover` binds the index to the notes it was built from (a digest of the person's entry
integrity tags, `journal.store.wordindex`): an index replayed from an older state has a
cover that no longer matches, and is not trusted. A bitmap per word rather than lists of
numbers: 8 bytes for a person with 60 notes, ANDed as Python ints at C speed. Oldest
first; a change shifts every bitmap at once, as one integer (`PersonIndex.inserted`,
`removed`), and adds a note's new words at the end.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterable, Iterator

from journal.search.hits import order_of
from journal.search.text import Query, payload_key, without_line_breaks

MAGIC = b"DSI2"
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

    def holds(self, entry_id: str) -> bool:
        return b"\t" + entry_id.encode("ascii") + b"\t" in self.records_blob

    def with_cover(self, cover: bytes) -> PersonIndex:
        return PersonIndex(cover, self.count, self.records_blob, self.vocab, self.bits)

    def _words(self) -> list[bytes]:
        return self.vocab[1:-1].split(b"\n") if self.vocab != b"\n" else []

    def inserted(self, line: Record, words: Iterable[bytes], cover: bytes) -> PersonIndex:
        """This index with one more note, where its order puts it.

        Every bitmap is shifted at once, as one integer: the bits at and above the new
        note's place move up by one in each word's row (a row's top bit is always free).
        """
        records = list(self.records)
        at = bisect.bisect_right(records, line)
        count, old = self.count, self.width
        width = (count + 8) // 8
        known = self._words()
        data = self.bits
        if width != old:  # one more byte for every bitmap
            data = b"".join(data[k * old : (k + 1) * old] + b"\0" for k in range(len(known)))
        if at < count:
            whole = int.from_bytes(data, "little")
            low = _rows_mask(width, at, len(known))
            whole = (whole & low) | ((whole & ~low) << 1)
            data = whole.to_bytes(width * len(known), "little")
        bits = bytearray(data)
        ordinal = {word: k for k, word in enumerate(known)}
        byte, mask = at // 8, 1 << (at % 8)
        new = []
        for word in words:
            k = ordinal.get(word)
            if k is None:
                new.append(word)
            else:
                bits[k * width + byte] |= mask
        new.sort()
        row = bytearray(width)
        row[byte] = mask
        bits += bytes(row) * len(new)
        vocab = self.vocab + b"".join(word + b"\n" for word in new)
        records.insert(at, line)
        return PersonIndex(cover, count + 1, b"\n".join(records), vocab, bytes(bits))

    def removed(self, entry_id: str, cover: bytes) -> PersonIndex:
        """This index without a note: its record, its bit in every row, and the words
        only it held."""
        wanted = entry_id.encode("ascii")
        places = [i for i, line in enumerate(self.records) if line.split(b"\t")[1] == wanted]
        if not places:
            return self.with_cover(cover)
        at, count, old = places[0], self.count, self.width
        known = self._words()
        width = (count + 6) // 8
        whole = int.from_bytes(self.bits, "little")
        low = _rows_mask(old, at, len(known))
        high = _rows_mask(old, old * 8, len(known)) ^ _rows_mask(old, at + 1, len(known))
        data = ((whole & low) | ((whole & high) >> 1)).to_bytes(old * len(known), "little")
        empty = bytes(old)
        kept = [k for k in range(len(known)) if data[k * old : (k + 1) * old] != empty]
        vocab = b"\n" + b"".join(known[k] + b"\n" for k in kept)
        bits = b"".join(data[k * old : k * old + width] for k in kept)
        records = self.records[:at] + self.records[at + 1 :]
        return PersonIndex(cover, count - 1, b"\n".join(records), vocab, bits)


def _rows_mask(width: int, low_bits: int, rows: int) -> int:
    """An integer with the `low_bits` lowest bits of each of `rows` rows of `width` bytes."""
    return int.from_bytes(((1 << low_bits) - 1).to_bytes(width, "little") * rows, "little")


def set_bits(bits: int) -> Iterator[int]:
    """The positions of the bits set, highest (newest note) first."""
    while bits:
        high = bits.bit_length() - 1
        yield high
        bits ^= 1 << high


def build(notes: Iterable[tuple[str, str, bytes]], cover: bytes = EMPTY_COVER) -> PersonIndex:
    """The index of notes given as (entry id, version id, opened payload)."""
    opened = []
    for entry_id, version_id, payload in notes:
        order, words = note_words(payload)
        opened.append((record(order, entry_id, version_id), words))
    opened.sort(key=lambda item: item[0])
    table: dict[bytes, int] = {}
    for at, (_, words) in enumerate(opened):
        bit = 1 << at
        for word in words:
            table[word] = table.get(word, 0) | bit
    width = (len(opened) + 7) // 8
    known = sorted(table)
    return PersonIndex(
        cover,
        len(opened),
        b"\n".join(line for line, _ in opened),
        b"\n" + b"".join(word + b"\n" for word in known),
        b"".join(table[word].to_bytes(width, "little") for word in known),
    )


class IndexChange:
    """Changes to a person's index, made in a note's transaction, applied at its end."""

    def __init__(self, index: PersonIndex) -> None:
        self.index = index
        self._changes: list[tuple[str, Record | None, set[bytes] | None]] = []

    def put(self, entry_id: str, version_id: str, payload: bytes) -> None:
        """A note's current version (replacing the one indexed, if any)."""
        order, words = note_words(payload)
        self._changes.append((entry_id, record(order, entry_id, version_id), words))

    def remove(self, entry_id: str) -> None:
        self._changes.append((entry_id, None, None))

    def applied(self, cover: bytes) -> PersonIndex:
        index = self.index.with_cover(cover)
        for entry_id, line, words in self._changes:
            if index.holds(entry_id):
                index = index.removed(entry_id, cover)
            if line is not None:
                index = index.inserted(line, words or (), cover)
        return index
