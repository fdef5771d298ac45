"""Where cryptography lives: age for keys, ChaCha20-Poly1305 for data (with `agefile`).

Envelope encryption (see docs/format.md):

- the master identity (age X25519) is wrapped by the passphrase and by the recovery
  code with age's scrypt recipient, through a `KeyWrap` (the seam tests inject);
- each person's 256-bit data key is age-encrypted to the master recipient;
- every sealed record is `nonce (12 bytes) || ChaCha20-Poly1305(key, nonce, data, aad)`
  where the associated data names the row (`dentelle:v1:entry:<person>:<entry>:<version>`)
  so that a ciphertext moved to another row fails to open.

Nothing here prompts, prints or writes files: callers pass secrets in and get bytes out.
Every cryptographic failure is mapped to one `DentelleError` so that the three error
texts pyrage produces for the same tampering read as one clear message.
"""

from __future__ import annotations

import os
import secrets
from typing import Protocol

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal import agefile
from journal.errors import VaultDamaged, VaultLocked
from journal.i18n import register

register(
    {
        "crypto.wrong_secret": {
            "fr": "Phrase de passe incorrecte.",
            "en": "Wrong passphrase.",
        },
        "crypto.damaged": {
            "fr": "Des données chiffrées sont illisibles ou ont été modifiées ({what}).",
            "en": "Some encrypted data cannot be read or was altered ({what}).",
        },
        "crypto.work_factor": {
            "fr": (
                "Ce fichier de clé demande plus de mémoire ou de temps que cette machine"
                " n'en permet (facteur de travail {n}). Ouvrez le coffre sur la machine"
                " qui l'a créé et changez la phrase de passe (« dentelle passwd ») : le"
                " fichier sera réécrit au facteur 18, que toute machine ouvre."
            ),
            "en": (
                "This key file needs more memory or time than this machine allows"
                " (work factor {n}). Open the vault on the machine that created it and"
                " change the passphrase (“dentelle passwd”): the file is then rewritten"
                " at work factor 18, which any machine opens."
            ),
        },
    }
)

NONCE_SIZE = 12
KEY_SIZE = 32
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, written by hand
RECOVERY_GROUPS = 6
RECOVERY_GROUP_SIZE = 4


class KeyWrap(Protocol):
    """Wraps a small secret (the master identity) under a passphrase or recovery code.

    The default is age's scrypt recipient. Tests inject a wrapper that memoizes real
    scrypt results so that the suite pays the ~2.4 s key derivation only where a test
    is about it; the format on disk stays real age either way.
    """

    def wrap(self, secret: str, payload: bytes) -> bytes: ...

    def unwrap(self, secret: str, blob: bytes) -> bytes: ...


class ScryptKeyWrap:
    """age scrypt (passphrase) encryption, as the `age -p` command line does it.

    Written at a fixed work factor (`journal.agefile.WORK_FACTOR`, 18) by
    `journal.agefile`; read by pyrage, which opens any age file. A work factor above
    `MAX_WORK_FACTOR` is refused before any derivation (pyrage would spend minutes and
    gigabytes, then call it a wrong passphrase), and pyrage's own refusal on a slower
    machine is said as such, never as damage.
    """

    def wrap(self, secret: str, payload: bytes) -> bytes:
        return agefile.encrypt(payload, secret)

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        work_factor = agefile.work_factor(blob)
        if work_factor is not None and work_factor > agefile.MAX_WORK_FACTOR:
            raise VaultDamaged("crypto.work_factor", n=work_factor)
        try:
            return pyrage.passphrase.decrypt(blob, secret)
        except pyrage.DecryptError as error:
            # Measured with pyrage 1.4: a wrong secret reads "Decryption failed"; a
            # truncated or altered file reads "failed to fill whole buffer" or
            # "decryption error"; a work factor above this machine's calibration + 4
            # reads "Excessive work parameter for passphrase…".
            if str(error).startswith("Excessive work parameter") and work_factor:
                raise VaultDamaged("crypto.work_factor", n=work_factor) from None
            if str(error) != "Decryption failed":
                raise VaultDamaged("crypto.damaged", what="identity") from None
            raise VaultLocked("crypto.wrong_secret") from None


def generate_identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


def identity_from_bytes(data: bytes) -> pyrage.x25519.Identity:
    try:
        return pyrage.x25519.Identity.from_str(data.decode("ascii").strip())
    except (UnicodeDecodeError, pyrage.IdentityError, ValueError):
        raise VaultDamaged("crypto.damaged", what="identity") from None


def identity_to_bytes(identity: pyrage.x25519.Identity) -> bytes:
    return str(identity).encode("ascii")


def recipient_from_str(text: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except (pyrage.RecipientError, ValueError):
        raise VaultDamaged("crypto.damaged", what="recipient") from None


def age_encrypt(payload: bytes, recipients: list[pyrage.x25519.Recipient]) -> bytes:
    """Encrypt in memory (pyrage's file functions can lose errors on a full disk)."""
    return pyrage.encrypt(payload, recipients)


def age_decrypt(blob: bytes, identity: pyrage.x25519.Identity, what: str = "key") -> bytes:
    """Decrypt in memory; every failure becomes one `VaultDamaged`."""
    try:
        return pyrage.decrypt(blob, [identity])
    except (pyrage.DecryptError, ValueError, TypeError):
        raise VaultDamaged("crypto.damaged", what=what) from None


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_SIZE)


def new_id() -> str:
    """A random row id: 64 bits as 16 hex digits, carrying no meaning."""
    return secrets.token_hex(8)


def _aead(key: bytes | ChaCha20Poly1305) -> ChaCha20Poly1305:
    return key if isinstance(key, ChaCha20Poly1305) else ChaCha20Poly1305(key)


def aead(key: bytes) -> ChaCha20Poly1305:
    """A reusable cipher for one key (building one per record costs more than opening it)."""
    return ChaCha20Poly1305(key)


def seal(key: bytes | ChaCha20Poly1305, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return nonce + _aead(key).encrypt(nonce, plaintext, aad)


def open_sealed(
    key: bytes | ChaCha20Poly1305, sealed: bytes, aad: bytes, what: str = "entry"
) -> bytes:
    if len(sealed) < NONCE_SIZE + 16:
        raise VaultDamaged("crypto.damaged", what=what)
    try:
        return _aead(key).decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], aad)
    except InvalidTag:
        raise VaultDamaged("crypto.damaged", what=what) from None


def new_recovery_code() -> str:
    """Six groups of four characters (~118 bits), easy to copy by hand."""
    groups = (
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_SIZE))
        for _ in range(RECOVERY_GROUPS)
    )
    return "-".join(groups)


def normalize_recovery_code(text: str) -> str:
    """Accept what a person copies back: any case, with or without spaces and dashes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    size = RECOVERY_GROUP_SIZE
    return "-".join(cleaned[i : i + size] for i in range(0, len(cleaned), size))


# The integrity key (issue 11): what only the master identity yields authenticates
# everything that grants access or decides what is current. Derived, never stored.
INTEGRITY_INFO = b"dentelle:v1:integrity"


def integrity_key(identity: pyrage.x25519.Identity) -> bytes:
    """HKDF-SHA256 of the master identity's secret: 32 bytes, never written anywhere."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=INTEGRITY_INFO).derive(
        identity_to_bytes(identity)
    )


def _tag_input(label: str, parts: tuple[bytes | str, ...]) -> bytes:
    # Length-prefixed, so that ("ab", "c") and ("a", "bc") never share a tag.
    out = bytearray()
    for part in (label, *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        out += len(data).to_bytes(8, "big")
        out += data
    return bytes(out)


class Tagger:
    """Integrity tags under one key, for checking many (every entry of a vault): HMAC-SHA256
    from its two padded hash states, copied per tag (2 µs instead of 7 for `hmac.new`,
    whose OpenSSL 3 set-up dominates a short message). Same tags as `integrity_tag`."""

    def __init__(self, key: bytes) -> None:
        import hashlib

        block = key.ljust(64, b"\0") if len(key) <= 64 else hashlib.sha256(key).digest()
        block = block.ljust(64, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    def tag(self, label: str, *parts: bytes | str) -> bytes:
        return self.tag_message(_tag_input(label, parts))

    def tag_message(self, message: bytes) -> bytes:
        """The tag of an input already laid out as `_tag_input` does."""
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def ok(self, tag: bytes | None, label: str, *parts: bytes | str) -> bool:
        return self.ok_message(tag, _tag_input(label, parts))

    def ok_message(self, tag: bytes | None, message: bytes) -> bool:
        import hmac

        return tag is not None and hmac.compare_digest(tag, self.tag_message(message))


def integrity_tag(key: bytes, label: str, *parts: bytes | str) -> bytes:
    """HMAC-SHA256 under the integrity key of a label (what is tagged) and its parts."""
    import hmac

    return hmac.new(key, _tag_input(label, parts), "sha256").digest()


def integrity_ok(key: bytes, tag: bytes | None, label: str, *parts: bytes | str) -> bool:
    """True when `tag` is the tag of these parts (constant-time comparison)."""
    import hmac

    return tag is not None and hmac.compare_digest(tag, integrity_tag(key, label, *parts))
