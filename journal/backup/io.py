"""Durable, read-back file I/O for backups on USB keys (FAT, exFAT, flash that lies).

Every file is written to a temporary name, fsynced, evicted from the page cache with
`posix_fadvise(DONTNEED)`, read back from the device and checked, and only then renamed
to its real name: USB flash sticks are known to acknowledge a sync they did not do, and
a name that looks like a generation must only ever point at one that read back whole.
fusefat reports a full volume as EPERM rather than ENOSPC; `DeviceWriter` tells them
apart while the partial file still takes the space. `chmod` fails on FAT: nothing here
calls it (the mode given to `os.open` is simply ignored there).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pyrage

from journal.backup.behind import HANDOVER, Behind
from journal.fsutil import fsync_dir, make_private_dir

CHUNK = 1 << 20

Progress = Callable[[str, int, int], None]
"""`progress(phase, done, total)`: `phase` is a message key the view translates
(`backup.phase.write`…), `done`/`total` count bytes or steps of that phase."""

T = TypeVar("T")


def no_progress(phase: str, done: int, total: int) -> None:
    """The default progress callback: nothing to show."""


def free_space(path: Path) -> int | None:
    """Bytes free for us on the volume of `path`; None when the volume cannot say.

    fusefat reports zero blocks (not zero free) on small FAT12 images: that means
    unknown, and the write itself will tell.
    """
    try:
        stat = os.statvfs(path)
    except (OSError, AttributeError):
        return None
    if stat.f_blocks == 0:
        return None
    return stat.f_bavail * stat.f_frsize


class GenerationDamaged(Exception):
    """A file of the set that fails to decrypt or check; `reason` is for tests and logs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def evict(fd: int) -> None:
    """Drop the file's pages from the cache so the next read comes from the device."""
    with contextlib.suppress(AttributeError, OSError):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


class DeviceWriter:
    """A file-like sink for `pyrage.encrypt_io` that writes straight to a descriptor,
    from a thread of its own (`Behind`); `finish` waits for the last write.

    pyrage turns a write error into the text of an `EncryptError`; the original
    `OSError` is kept in `error` so that callers can tell a full key from a pulled one.
    fusefat reports a full volume as EPERM: that is turned back into ENOSPC here, while
    the partial file still occupies the space that tells the two apart.
    """

    def __init__(self, fd: int, progress: Progress, phase: str, total: int) -> None:
        self.fd = fd
        self.progress = progress
        self.phase = phase
        self.total = total
        self.done = 0  # bytes on the device (after `finish`, all of them)
        self.crc = 0  # CRC-32 of what was written: the read-back is compared with it
        self._behind = Behind(self._write, "dentelle-device-write")

    @property
    def error(self) -> OSError | None:
        error = self._behind.error
        return error if isinstance(error, OSError) or error is None else OSError(errno.EIO, "")

    def write(self, data: bytes) -> int:
        try:
            self._behind.give(data)
        except OSError:
            raise self.error from None
        given = self._behind.given
        self.progress(self.phase, given, max(self.total, given))
        return len(data)

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
        except OSError as error:
            if error.errno == errno.EPERM and _nearly_full(self.fd, len(view)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from None
            raise
        self.crc = zlib.crc32(data, self.crc)
        self.done += len(data)

    def flush(self) -> None:
        """Nothing here: `finish` waits for the writes, the fsync that follows makes
        them durable."""

    def stop(self) -> None:
        """Wait for the writes already given (the error, if any, stays in `error`)."""
        self._behind.finish()

    def finish(self) -> None:
        """Wait for every write; raise the `OSError` of one that failed, or of bytes
        given that never reached the device."""
        self.stop()
        if self.error is not None:
            raise self.error
        if not self._behind.complete:
            raise OSError(errno.EIO, "a write was lost")


def _nearly_full(fd: int, wanted: int) -> bool:
    """Whether an EPERM on write means a full volume (fusefat says EPERM for ENOSPC).

    A write that fails after the file was opened is not a permission problem; when the
    volume reports no sizes at all (fusefat on a floppy-sized image), full is the only
    reading left.
    """
    try:
        stat = os.fstatvfs(fd)
    except OSError:
        return False
    if stat.f_blocks == 0:
        return True
    return stat.f_bavail * stat.f_frsize < max(wanted, 4096)


class DeviceReader:
    """A file-like source for `pyrage.decrypt_io` reading a descriptor, with progress.

    As with `DeviceWriter`, an `OSError` from the device is kept apart from a decryption
    failure: a pulled key is not a damaged backup. The device is read `HANDOVER` bytes
    at a time whatever size is asked: pyrage asks for 8 KiB, and each read of the device
    lets another thread take the GIL (a restore's spool thread), which pyrage then waits
    to get back, 94,000 times for a large vault.
    """

    def __init__(
        self, fd: int, progress: Progress, phase: str, total: int, *, crc: bool = False
    ) -> None:
        self.fd = fd
        self.progress = progress
        self.phase = phase
        self.total = total
        self.done = 0
        self.error: OSError | None = None
        self._crc = 0
        # With `crc`, the CRC-32 of what is read is computed by a thread of its own while
        # the next chunk is read (a read-back after writing: 771 MB at the large size).
        self._behind = Behind(self._add_crc, "dentelle-read-crc") if crc else None
        self._ahead = memoryview(b"")  # read from the device, not yet given

    def _add_crc(self, data: bytes) -> None:
        self._crc = zlib.crc32(data, self._crc)

    @property
    def crc(self) -> int:
        """CRC-32 of everything read (with `crc`): waits for its thread."""
        if self._behind is not None:
            self.close()
            if not self._behind.complete:
                raise OSError(errno.EIO, "the read-back was not checked whole")
        return self._crc

    def close(self) -> None:
        """End the CRC's thread, if any (again: returns at once)."""
        if self._behind is not None:
            self._behind.finish()

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = CHUNK
        if not self._ahead:
            try:
                data = os.read(self.fd, max(size, HANDOVER))
            except OSError as error:
                self.error = error
                raise
            if self._behind is not None:
                self._behind.give(data)
            self.done += len(data)
            if data:
                self.progress(self.phase, self.done, max(self.total, self.done))
            if len(data) <= size:
                return data
            self._ahead = memoryview(data)
        given, self._ahead = self._ahead[:size], self._ahead[size:]
        return bytes(given)

    def readall(self) -> bytes:
        parts = []
        while chunk := self.read(CHUNK):
            parts.append(chunk)
        return b"".join(parts)


def write_verified(
    path: Path,
    produce: Callable[[DeviceWriter], None],
    check: Callable[[DeviceReader], T],
    *,
    progress: Progress = no_progress,
    phases: tuple[str, str] = ("backup.phase.write", "backup.phase.verify"),
    size_hint: int = 0,
) -> T:
    """Write `path` durably and prove it reads back from the device before it exists.

    temporary name → `produce` → fsync → evict → reopen → `check` → rename → fsync the
    folder. Any failure removes the temporary file (best effort: a pulled key may leave
    it, and it never looks like a set file) and leaves `path` as it was.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    fd = -1
    writer: DeviceWriter | None = None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        writer = DeviceWriter(fd, progress, phases[0], size_hint)
        try:
            produce(writer)
        except (pyrage.EncryptError, ValueError) as error:
            writer.stop()
            if writer.error is not None:
                raise writer.error from None
            raise OSError(errno.EIO, str(error)) from None
        finally:
            writer.stop()  # never a thread left writing to a closed file
        # pyrage 1.4's encrypt_io swallows an error raised by the last write (the final
        # chunk, written when the stream is finished) and returns normally: said here.
        writer.finish()
        os.fsync(fd)
        evict(fd)
        os.close(fd)
        fd = os.open(tmp, os.O_RDONLY)
        evict(fd)
        reader = DeviceReader(fd, progress, phases[1], writer.done, crc=True)
        try:
            result = check(reader)
        finally:
            reader.close()
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if writer is not None:
            writer.stop()  # again, if an interruption cut the first wait short
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return result


def write_bytes_verified(path: Path, data: bytes) -> None:
    """A small file (keyring, key copies, manifest), read back byte for byte."""

    def produce(writer: DeviceWriter) -> None:
        writer.write(data)

    def check(reader: DeviceReader) -> None:
        if reader.readall() != data:
            raise GenerationDamaged("read back differs")

    write_verified(path, produce, check)


def read_from_device(path: Path) -> bytes:
    """Read a whole file, bypassing what the page cache remembers of it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        evict(fd)
        return DeviceReader(fd, no_progress, "", 0).readall()
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_spool(folder: Path, prefix: str) -> Iterator[Path | None]:
    """A new private (0600) file in `folder`, made if need be, for a decrypted generation
    (restore, in bounded memory); None when the folder cannot take it (the caller works
    in memory then). Removed afterwards, with its journal, and with `folder` if it was
    made for it and stayed empty."""
    made = not folder.exists()
    try:
        make_private_dir(folder)
        fd, name = tempfile.mkstemp(prefix=prefix, dir=folder)
        os.close(fd)
    except OSError:
        yield None
        return
    try:
        yield Path(name)
    finally:
        for leftover in (name, f"{name}-journal"):
            _remove(leftover)
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()


def _remove(path: str) -> None:
    """Remove a file if it is there, trying twice (once more after a passing fault)."""
    for _attempt in range(2):
        try:
            os.unlink(path)
        except FileNotFoundError:
            return
        except OSError:
            continue
        return


class SpoolError(OSError):
    """Writing the decrypted generation on this computer failed (a full disk): not the
    backup's fault, nor the key's."""


class Spool:
    """The private file a generation is decrypted into, written (and given to `also`,
    the image digest's hashing) by a thread of its own (`Behind`), on the core pyrage
    leaves idle. A failed write is kept in `error` (pyrage would word it as a
    decryption failure); `close` waits for every chunk and raises it.
    """

    def __init__(self, path: Path, also: Callable[[bytes], None] | None = None) -> None:
        try:
            self.file = open(path, "wb")  # noqa: SIM115 (closed by `close`)
        except OSError as error:
            raise SpoolError(error.errno, error.strerror) from None
        self._also = also
        self._behind = Behind(self._write, "dentelle-spool")

    @property
    def error(self) -> SpoolError | None:
        error = self._behind.error
        if error is None or isinstance(error, SpoolError):
            return error
        if isinstance(error, OSError):
            return SpoolError(error.errno, error.strerror)
        return SpoolError(errno.EIO, type(error).__name__)

    def write(self, data: bytes) -> int:
        try:
            self._behind.give(data)
        except BaseException:
            if self.error is None:
                raise
            raise self.error from None
        return len(data)

    def _write(self, data: bytes) -> None:
        if self._also is not None:
            self._also(data)
        self.file.write(data)

    def flush(self) -> None:
        """Nothing here: `close` waits for every chunk."""

    def close(self) -> None:
        self._behind.finish()
        try:
            self.file.close()
        except OSError as error:
            if self._behind.error is None:
                self._behind.error = error
        if self.error is not None:
            raise self.error
        if not self._behind.complete:
            raise SpoolError(errno.EIO, "a write was lost")


class IntegrityCheck:
    """SQLite's `PRAGMA integrity_check` of a database file, run in a thread: SQLite
    works without the GIL, so it runs beside the encryption of a backup (pyrage holds
    the GIL) or the digest of a restore, on the other core. `ok()` waits for it. With
    `quick`, `PRAGMA quick_check`: every page and record, but not each index against its
    table (a third of the time)."""

    def __init__(self, path: Path, *, quick: bool = False) -> None:
        self._path = path
        self._pragma = "quick_check" if quick else "integrity_check"
        self._ok = False
        self._thread = threading.Thread(target=self._run, name="dentelle-integrity-check")
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self._path.as_uri()}?mode=ro", uri=True)
            try:
                self._ok = conn.execute(f"PRAGMA {self._pragma}").fetchall() == [("ok",)]
            finally:
                conn.close()
        except Exception:  # a thread's end: `ok()` says False, never a traceback
            self._ok = False

    def ok(self) -> bool:
        self._thread.join()
        return self._ok
