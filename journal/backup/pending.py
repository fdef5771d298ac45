"""A generation's header completed while the image is already being encrypted.

The header's tag covers the digest of the image's bytes (`journal.backup.blocks`), which
takes most of a second for a large vault, about as long as encrypting it. Rather than
one after the other, the header is written with placeholders of the exact length of the
digest and the tag, the encryption starts, and a thread hashes the image file as it is
then (placeholders included: that is what the digest covers). The header table is one
page of a few hundred bytes, among the last of the file; when the encryption reaches
that page (`journal.backup.blocks.ImageReader`), it waits for the digest and the page goes
into the stream with the real values in place of the placeholders: a cell's bytes
changed in place, same lengths, so the page is as SQLite would have written it. The
image file keeps its placeholders; the generation never does.

When the placeholders are not found exactly once in that page (a header that would not
fit one page), the digest of every row (`journal.backup.digest`, kind `2:`) is computed
first and the header written by SQL, as before issue 15's image digest.
"""

from __future__ import annotations

import base64
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

from journal.backup import blocks
from journal.backup.blocks import PLACEHOLDER_DIGEST, PLACEHOLDER_TAG, file_digest
from journal.backup.digest import HEADER_TABLE, content_digest
from journal.backup.sets import GenerationHeader, write_header


class PendingHeader:
    """The header of the image `conn` is open on, written with placeholders; `splice`
    (for `ImageReader`) gives its page completed, `error` is set if the digest failed."""

    def __init__(
        self, conn: sqlite3.Connection, image: Path, header: GenerationHeader, key: bytes
    ) -> None:
        # `error` is whatever ended the digest's thread: the backup fails closed on it.
        self.error: Exception | None = None
        self._image, self._header, self._key = image, header, key
        placeholder = replace(header, digest=PLACEHOLDER_DIGEST.decode("ascii"))
        write_header(conn, placeholder, key, tag=PLACEHOLDER_TAG.decode("ascii"))
        self._start, self._page = header_page(conn, image)
        self._done = threading.Event()
        if self._page.count(PLACEHOLDER_DIGEST) != 1 or self._page.count(PLACEHOLDER_TAG) != 1:
            # Not where it can be completed in place: the digest first, then the header.
            digest = content_digest(conn)
            conn.execute(f"DROP TABLE {HEADER_TABLE}")
            write_header(conn, replace(header, digest=digest), key)
            self._page = b""
            self._done.set()
            return
        threading.Thread(target=self._complete, name="dentelle-digest").start()

    def _complete(self) -> None:
        try:
            digest = file_digest(self._image)
            tag = base64.b64encode(replace(self._header, digest=digest).tag(self._key))
            self._page = self._page.replace(PLACEHOLDER_DIGEST, digest.encode("ascii")).replace(
                PLACEHOLDER_TAG, tag
            )
        except Exception as error:  # a thread's end: the backup says so, never a traceback
            self.error = error  # the image is unreadable: the vault file is damaged
        finally:
            self._done.set()

    def wait(self) -> None:
        """Until the digest is computed (or failed: `error`)."""
        self._done.wait()

    def splice(self, start: int, chunk: bytearray) -> None:
        """Put the completed page into `chunk` (the file's bytes from offset `start`),
        waiting for the digest if the chunk reaches that page."""
        end = start + len(chunk)
        page_end = self._start + len(self._page)
        if not self._page or end <= self._start or start >= page_end:
            return
        self.wait()
        if self.error is not None or not self._page:
            return
        low, high = max(start, self._start), min(end, page_end)
        chunk[low - start : high - start] = self._page[low - self._start : high - self._start]


def header_page(conn: sqlite3.Connection, image: Path) -> tuple[int, bytes]:
    """Where the header table's root page starts in the file, and its bytes."""
    start, size = blocks.header_page(conn)
    with open(image, "rb") as file:
        file.seek(start)
        return start, file.read(size)
