"""Search keys of many entries joined in one bytes object, scanned at C speed."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from journal.search.text import Term

CHUNK_SIZE = 1000


class Chunk:
    """Keys of up to CHUNK_SIZE entries joined in one bytes object, never changed after."""

    __slots__ = ("blob", "index", "slots", "starts", "texts")

    def __init__(self, slots: list[int], keys: list[bytes], text_offsets: list[int]) -> None:
        self.slots = slots
        self.index = {slot: i for i, slot in enumerate(slots)}
        self.starts = [0]
        for key in keys:
            self.starts.append(self.starts[-1] + len(key))
        self.texts = [
            start + offset for start, offset in zip(self.starts[:-1], text_offsets, strict=True)
        ]
        self.blob = b"".join(keys)

    def key(self, i: int) -> memoryview:
        return memoryview(self.blob)[self.texts[i] : self.starts[i + 1]]

    def without(self, dropped: set[int]) -> Chunk:
        kept = [i for i, slot in enumerate(self.slots) if slot not in dropped]
        return Chunk(
            [self.slots[i] for i in kept],
            [self.blob[self.starts[i] : self.starts[i + 1]] for i in kept],
            [self.texts[i] - self.starts[i] for i in kept],
        )

    def find(self, term: Term) -> Iterator[int]:
        """Positions (in this chunk) of the entries whose text holds `term`."""
        blob, starts, texts, needle = self.blob, self.starts, self.texts, term.needle
        at = blob.find(needle)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            if at < texts[i]:  # in the fields before the text (dates): not searched
                at = blob.find(needle, texts[i])
            elif term.is_at(blob, at, starts[i + 1]):
                yield i
                at = blob.find(needle, starts[i + 1])
            else:
                at = blob.find(needle, at + 1)
