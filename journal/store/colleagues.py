"""The `colleagues` table (schema 4): the worker's own handover keys and their colleagues.

One sealed row each, under a key of the table's own that is age-wrapped to the master
recipient (`meta.handover_key`), with `dentelle:v1:colleague:<id>` as associated data.
The row `me` holds the worker's handover identity and signing key; the other rows, each
colleague's card (and, once removed, the card kept as a record). What the rows mean is
`journal.handover.colleagues`'s business: this module only seals, stores and opens them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.store.sealing import aad, pack, sqlite_errors, unpack

if TYPE_CHECKING:
    from journal.store.journal import Journal

HANDOVER = "handover"  # the owner of the table's key in the key cache
ME = "me"  # the row of the worker's own keys


def handover_cipher(journal: Journal) -> ChaCha20Poly1305:
    """The table's cipher, unwrapped from `meta.handover_key` on first use."""
    return journal.own_cipher("handover_key", HANDOVER)


def colleague_rows(journal: Journal) -> dict[str, dict]:
    """Every row, opened: id → payload (the worker's own row is `ME`)."""
    cipher = handover_cipher(journal)
    with sqlite_errors():
        rows = journal._db.execute("SELECT id, sealed FROM colleagues").fetchall()
    return {
        row_id: unpack(
            crypto.open_sealed(cipher, sealed, aad("colleague", row_id), what="colleague")
        )
        for row_id, sealed in rows
    }


def write_colleague_row(journal: Journal, row_id: str, payload: dict) -> None:
    """Seal and store one row, replacing what it held."""
    sealed = crypto.seal(handover_cipher(journal), pack(payload), aad("colleague", row_id))
    with sqlite_errors(), journal._db.atomic():
        journal._db.execute(
            "INSERT OR REPLACE INTO colleagues (id, sealed) VALUES (?, ?)", [row_id, sealed]
        )
