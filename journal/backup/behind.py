"""Writes done by a thread of their own while pyrage holds the GIL (`Behind`).

pyrage encrypts and decrypts holding the GIL: the writes of its output (to a USB key,
to a restore's spool file) and what goes with them (a CRC, a hash) can only run on the
other core if another thread does them. `journal.backup.io` gives its `DeviceWriter` and
`Spool` one each; at 250,000 notes, a backup's writes to the key took 1.2 to 1.9 s of
the encryption's own thread.
"""

from __future__ import annotations

import contextlib
import errno
import queue
import threading
from collections.abc import Callable

# What a thread writing behind (`Behind`) is handed at once, and what a device is read
# by: large enough that the GIL changes hands a few thousand times for a large vault,
# not a hundred thousand; small enough to stay far below any generation's size.
HANDOVER = 1 << 18


class Behind:
    """Writes done by a thread of their own, a few chunks behind the caller.

    pyrage holds the GIL while it encrypts or decrypts: the device's writes (and what
    goes with them: a CRC, a hash) then run on the other core meanwhile, instead of in
    turn. Chunks are handed over `HANDOVER` bytes at a time (each hand-over costs both
    threads the GIL) and at most four wait (bounded memory). Whatever `consume` raises
    is kept in `error`, raised by the next `give`; the owner raises it after `finish`,
    and says a write lost when `complete` is False. Fails closed: a thread that ended
    never leaves `give` waiting, and nothing is taken after `finish`.
    """

    def __init__(self, consume: Callable[[bytes], None], name: str) -> None:
        self.error: BaseException | None = None
        self.given = 0  # bytes given, and consumed without error: equal when complete
        self.consumed = 0
        self._consume = consume
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._finished = False
        self._ended = False  # the end was handed over
        self._thread = threading.Thread(target=self._drain, name=name, daemon=True)
        self._thread.start()

    @property
    def complete(self) -> bool:
        return self.error is None and self.consumed == self.given

    def give(self, data: bytes) -> None:
        if self._finished and self.error is None:
            self.error = OSError(errno.EIO, "written after the end")
        if self.error is not None:
            raise self.error
        self._pending.append(bytes(data))
        self._pending_size += len(data)
        self.given += len(data)
        if self._pending_size >= HANDOVER:
            self._hand_over()

    def _hand_over(self) -> None:
        if not self._pending:
            return
        chunk = b"".join(self._pending)
        self._pending, self._pending_size = [], 0
        while not self._put(chunk):
            if not self._thread.is_alive():  # it ended without a word: never wait for it
                self.error = self.error or OSError(errno.EIO, "the writing thread ended")
                raise self.error

    def _put(self, item: bytes | None) -> bool:
        try:
            self._chunks.put(item, timeout=1)
        except queue.Full:
            return False
        return True

    def _drain(self) -> None:
        while (data := self._chunks.get()) is not None:
            if self.error is not None:
                continue  # read and dropped: the first error is the one said
            try:
                self._consume(data)
                self.consumed += len(data)
            except BaseException as error:  # noqa: BLE001 (a thread's end: said by the owner)
                self.error = error

    def finish(self) -> None:
        """Wait until every chunk given is consumed and the thread has ended (again
        after an interruption: it is the caller's proof that nothing writes any more)."""
        self._finished = True
        if not self._ended:
            with contextlib.suppress(BaseException):
                if self.error is None:
                    self._hand_over()
            while self._thread.is_alive() and not self._put(None):
                pass
            self._ended = True
        self._thread.join()
