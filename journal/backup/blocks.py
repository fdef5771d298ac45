"""A generation's bytes: the image fed to the encryption (`ImageReader`), and their
digest (kind `3:`), what the generation's tag covers since issue 15.

A generation is a SQLite image. Its header (`journal.backup.sets`) is written with
placeholders of the exact length of the digest and the tag (`journal.backup.pending`),
and the digest is taken over the image as it is then, byte for byte: every page, the
free ones and the indexes too, not only the rows. The placeholders are replaced in the
encrypted stream, so the generation holds the real values; whoever reads it puts the
placeholders back in that one page to check.

The bytes are hashed as a list: SHA-256 of each block of 1 MiB (a multiple of every
SQLite page size, so the header's page lies in one block), then SHA-256 of a label, the
length and those block hashes. A restore hashes the blocks as they are decrypted, on
the core pyrage leaves idle (`journal.backup.io.Spool`), and only the header's block
again afterwards; a backup hashes its image in a thread while the image is encrypted.
At 250,000 notes that is about 0.7 s of SHA-256 beside the decryption, where the digest
of every row (`journal.backup.digest`, kind `2:`, still read) took 1.5 to 2.5 s of the
other core after it.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Protocol

from journal.backup.digest import HEADER_TABLE

IMAGE_KIND = "3:"
BLOCK = 1 << 20
_LABEL = b"dentelle-generation-image\0"
# What the header holds while its digest is computed (same lengths as the real ones).
PLACEHOLDER_DIGEST = (IMAGE_KIND + "0" * 64).encode("ascii")
PLACEHOLDER_TAG = base64.b64encode(bytes(32))  # a tag's length
# Bytes 18 and 19 of a SQLite file say WAL (2) or rollback journal (1): a generation is
# stored with 1, so that what `age -d` gives opens as it is (`ImageReader`).
_JOURNAL_MARKS = (18, 19)


def rollback_marks(chunk: bytearray, start: int) -> None:
    """Put the rollback-journal marks in `chunk` (the file's bytes from `start`)."""
    for offset in _JOURNAL_MARKS:
        if start <= offset < start + len(chunk) and chunk[offset - start] == 2:
            chunk[offset - start] = 1


class BlockHashes:
    """SHA-256 of each `BLOCK` of a stream, fed in chunks of any size, in order."""

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.size = 0
        self._current = hashlib.sha256()
        self._filled = 0

    def update(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        self.size += len(view)
        while view:
            take = min(len(view), BLOCK - self._filled)
            self._current.update(view[:take])  # hashlib works without the GIL here
            self._filled += take
            view = view[take:]
            if self._filled == BLOCK:
                self.blocks.append(self._current.digest())
                self._current = hashlib.sha256()
                self._filled = 0

    def digest(self, replaced: dict[int, bytes] | None = None) -> str:
        """The image digest, with the hash of block `i` replaced by `replaced[i]`."""
        blocks = list(self.blocks)
        if self._filled:
            blocks.append(self._current.copy().digest())
        for index, value in (replaced or {}).items():
            blocks[index] = value
        total = hashlib.sha256(_LABEL + self.size.to_bytes(8, "big"))
        total.update(b"".join(blocks))
        return IMAGE_KIND + total.hexdigest()


def file_digest(path: Path) -> str:
    """The image digest of a file as a generation will hold it (rollback marks)."""
    hashes = BlockHashes()
    with open(path, "rb", buffering=0) as file:
        start = 0
        while chunk := file.read(BLOCK):
            if start == 0:
                chunk = bytearray(chunk)
                rollback_marks(chunk, 0)
            hashes.update(chunk)
            start += len(chunk)
    return hashes.digest()


def header_page(conn: sqlite3.Connection) -> tuple[int, int]:
    """Where the header table's root page starts in the file, and the page size."""
    root = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name=?", [HEADER_TABLE]
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    return (root - 1) * size, size


class HeaderBlock:
    """The block of a decrypted generation that holds its header's page, kept to check
    an image digest: `read(offset, size)` reads the decrypted file (or buffer)."""

    def __init__(
        self, hashes: BlockHashes, conn: sqlite3.Connection, read: Callable[[int, int], bytes]
    ) -> None:
        self.hashes = hashes
        start, self._page_size = header_page(conn)
        self._index, self._offset = divmod(start, BLOCK)
        # A root page out of the file (a crafted one) can only fail to match.
        inside = isinstance(start, int) and 0 <= start < hashes.size
        self._block = read(self._index * BLOCK, BLOCK) if inside else b""

    def matches(self, recorded: str, tag: str) -> bool:
        """Whether `recorded` is the digest of these bytes with the header's digest and
        tag (each exactly once in its page) put back to their placeholders."""
        if not (isinstance(recorded, str) and isinstance(tag, str)):
            return False
        if not recorded.startswith(IMAGE_KIND) or not self._block:
            return False
        block = bytearray(self._block)
        low, high = self._offset, self._offset + self._page_size
        if high > len(block):
            return False
        page = bytes(block[low:high])
        digest, tag_bytes = recorded.encode("ascii"), tag.encode("ascii")
        if page.count(digest) != 1 or page.count(tag_bytes) != 1:
            return False
        if len(digest) != len(PLACEHOLDER_DIGEST) or len(tag_bytes) != len(PLACEHOLDER_TAG):
            return False
        page = page.replace(digest, PLACEHOLDER_DIGEST).replace(tag_bytes, PLACEHOLDER_TAG)
        block[low:high] = page
        replaced = {self._index: hashlib.sha256(block).digest()}
        return self.hashes.digest(replaced) == recorded


def header_block(
    hashes: BlockHashes, conn: sqlite3.Connection, read: Callable[[int, int], bytes]
) -> HeaderBlock | None:
    """The block holding the header's page (None: no header table, a format-1 image)."""
    if (
        conn.execute(
            "SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?", [HEADER_TABLE]
        ).fetchone()
        is None
    ):
        return None
    return HeaderBlock(hashes, conn, read)


class ImageReader:
    """Feeds a database file to `pyrage.encrypt_io`, chunk by chunk (bounded memory).

    The snapshot comes from a WAL database, so its header may say WAL (bytes 18-19 = 2),
    which an in-memory or deserialized database cannot open. The generation is stored
    with the rollback-journal marks (1) instead: then `age -d` gives a file that the
    `sqlite3` command opens as it is.
    """

    def __init__(self, source: BinaryIO, pending: PendingPage | None = None) -> None:
        self.source = source
        self.pos = 0
        self.pending = pending  # a page completed once the digest is known

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 20
        start = self.pos
        chunk = bytearray(self.source.read(size))
        self.pos += len(chunk)
        rollback_marks(chunk, start)
        if self.pending is not None:
            self.pending.splice(start, chunk)
        return bytes(chunk)


class PendingPage(Protocol):
    def splice(self, start: int, chunk: bytearray) -> None:
        """Put the completed page into `chunk`, the file's bytes from offset `start`."""
