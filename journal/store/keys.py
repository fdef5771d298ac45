"""Person keys: unwrapped from `people.wrapped_key`, or all at once from the index of keys.

Each person's 256-bit key is age-encrypted to the master recipient in their `people`
row. Unwrapping 1,000 of them one by one costs ~0.15 s at every unlock, so the same keys
are also kept in one sealed index (`meta.person_keys`, an age file to the master
recipient): one age decryption opens everyone. The index is rewritten when a person is
added or forgotten, never kept in backup generations (`journal.backup` strips it with
the wrapped keys), and rebuilt from the wrapped keys when missing. An index that does
not open is ignored; one that does not match its integrity tag is refused
(`journal.store.integrity`), as is a wrapped key that does not match its own.
"""

from __future__ import annotations

import base64
import contextlib
import json

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import crypto
from journal.errors import DentelleError, NotFound, VaultDamaged
from journal.store.integrity import PERSON_KEYS, Integrity
from journal.store.sealing import sqlite_errors

PERSON_KEYS_META = PERSON_KEYS


class PersonKeys(Integrity):
    def _ensure_person_keys_index(self) -> None:
        """Build the index of keys once for a vault that has none (older, or restored)."""
        with contextlib.suppress(DentelleError), sqlite_errors():
            if (
                self.meta(PERSON_KEYS_META) is None
                and self._db.execute("SELECT 1 FROM people LIMIT 1").fetchone()
            ):
                with self._db.atomic():
                    self._write_person_keys()

    def own_cipher(self, name: str, owner: str) -> ChaCha20Poly1305:
        """A key that is no person's (the practice journal's, the colleagues'): unwrapped
        from `meta.<name>` (age, to the master) on first use, after its integrity tag is
        checked, and kept in the key cache under `owner`."""
        cached = self.keys.ciphers.get(owner)
        if cached is None:
            wrapped = self.meta(name)
            what = name.replace("_", " ")
            if wrapped is None:
                raise DentelleError("store.db_damaged", reason=what)
            with self._closing, sqlite_errors():
                self._check_meta(name, wrapped)  # never a key someone else planted
            key = crypto.age_decrypt(base64.b64decode(wrapped), self.identity, what=what)
            cached = self.keys.ciphers[owner] = crypto.aead(key)
        return cached

    def person_key(self, person_id: str) -> ChaCha20Poly1305:
        """The person's cipher, unwrapping their age-wrapped key on first use.

        Scans in worker threads land here when a key is missing, which is also what
        happens once a lock has closed the journal under them: the check and the read
        hold `_closing` so that they never touch a connection being closed (that
        crashed the process, not just the thread).
        """
        key = self.keys.ciphers.get(person_id)
        if key is not None:
            return key
        with self._closing:
            if self._identity is None:
                raise DentelleError("store.closed")
            if not self.keys.index_loaded:
                self._load_person_keys()
                key = self.keys.ciphers.get(person_id)
                if key is not None:
                    return key
            with sqlite_errors():
                row = self._db.execute(
                    "SELECT wrapped_key FROM people WHERE id=?", [person_id]
                ).fetchone()
            if row is None:
                raise NotFound("store.person_not_found", query=person_id)
            self._check_person(person_id, row[0])
            key = crypto.aead(crypto.age_decrypt(row[0], self.identity, what="person key"))
            self.keys.ciphers[person_id] = key
        return key

    def person_secrets(self, *, load: bool = False) -> dict[str, bytes]:
        """The person keys unwrapped so far (raw), for a backup's keyring. With `load`,
        the index of keys is read first: only on the thread that owns the connection
        (a backup in a worker thread takes what the cache holds)."""
        if load and not self.keys.index_loaded:
            with self._closing, contextlib.suppress(DentelleError):
                self._load_person_keys()
        return {pid: bytes.fromhex(secret) for pid, secret in dict(self.keys.secrets).items()}

    def _load_person_keys(self) -> None:
        """Every person's key from the index of keys: one age decryption, not one each."""
        self.keys.index_loaded = True
        encoded = self.meta(PERSON_KEYS_META)
        if not encoded:
            return
        with sqlite_errors():
            self._check_meta(PERSON_KEYS_META, encoded)
        try:
            plain = crypto.age_decrypt(base64.b64decode(encoded), self.identity, what="keys")
            keys = json.loads(plain)
        except (VaultDamaged, ValueError):
            return
        for person_id, secret in keys.items():
            if person_id not in self.keys.ciphers:
                self.keys.ciphers[person_id] = crypto.aead(bytes.fromhex(secret))
            self.keys.secrets[person_id] = secret

    def _write_person_keys(self) -> None:
        """Rewrite the index of keys for everyone in `people` (inside the caller's transaction)."""
        self._load_person_keys()
        rows = self._db.execute("SELECT id, wrapped_key FROM people").fetchall()
        keys = {}
        for person_id, wrapped in rows:
            secret = self.keys.secrets.get(person_id)
            if secret is None:
                raw = crypto.age_decrypt(wrapped, self.identity, what="person key")
                secret = self.keys.secrets[person_id] = raw.hex()
                self.keys.ciphers.setdefault(person_id, crypto.aead(raw))
            keys[person_id] = secret
        self.keys.secrets = dict(keys)
        blob = crypto.age_encrypt(json.dumps(keys).encode(), [self.identity.to_public()])
        encoded = base64.b64encode(blob).decode("ascii")
        self._db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [PERSON_KEYS_META, encoded]
        )
        self._tag_meta(PERSON_KEYS_META, encoded)
