"""What every sealed record shares: its associated data, its payload, the keys in memory.

Every `sealed` value is ChaCha20-Poly1305 (`journal.crypto`) under its owner's key (a
person's, or the practice journal's) with `aad(kind, *ids)` as associated data, so that
a ciphertext moved to another row, or to another person, does not open. The payload is
compact JSON (docs/format.md).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal.errors import DentelleError, VaultBusy, VaultDamaged

AAD_PREFIX = "dentelle:v1"


def pack(payload: dict) -> bytes:
    # surrogatepass: text is kept exactly as typed, even a lone surrogate pasted in.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def unpack(data: bytes) -> dict:
    return json.loads(data.decode("utf-8", "surrogatepass"))


def aad(*parts: str) -> bytes:
    """The associated data of a record: `dentelle:v1:<kind>:<ids…>`."""
    return ":".join((AAD_PREFIX, *parts)).encode("ascii")


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turn SQLite failures into messages a worker can act on."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error)
        if "disk is full" in text or "disk I/O" in text:
            raise DentelleError("store.disk_full") from None
        if "locked" in text:
            raise VaultBusy("store.busy") from None
        raise VaultDamaged("store.db_damaged", reason=text) from None
    except sqlite3.DatabaseError as error:
        raise VaultDamaged("store.db_damaged", reason=str(error)) from None


class KeyCache:
    """The keys unwrapped so far, in memory only while the journal is open.

    `ciphers` by owner: a person id, or `practice` for the practice journal. `secrets`
    keeps the person keys themselves (hex) as well, only so that the index of keys can
    be rewritten without unwrapping everyone again; `integrity` the integrity key.
    """

    def __init__(self) -> None:
        self.ciphers: dict[str, ChaCha20Poly1305] = {}
        self.secrets: dict[str, str] = {}
        self.index_loaded = False
        # The integrity key, derived on first use, with the identity it came from (a
        # rekey that swaps the identity gets the new one's key, never a stale one).
        self.integrity: tuple[object, bytes] | None = None

    def forget(self, owner: str) -> None:
        self.ciphers.pop(owner, None)
        self.secrets.pop(owner, None)

    def clear(self) -> None:
        self.ciphers.clear()
        self.secrets.clear()
        self.integrity = None
