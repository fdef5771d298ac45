"""age passphrase files at a fixed work factor, written with `cryptography`.

Why not pyrage: `pyrage.passphrase.encrypt` calibrates scrypt on the machine that
writes (log2 N = 17 to 22 measured) and takes no work factor. A file written at 22 on
a fast machine needs 4 GiB and tens of seconds to open, pyrage on a slower machine
refuses anything above its own estimate + 4, and Go `age` refuses above 22. Dentelle
writes `identity.age` and `recovery.age` at `WORK_FACTOR` = 18, the default of the
reference Go implementation: 256 MiB and under a second on any machine that runs it.

This module writes one scrypt recipient stanza and the STREAM payload exactly as the
age specification (age-encryption.org/v1, C2SP age.md) says; reading stays with
pyrage (`journal.crypto.ScryptKeyWrap.unwrap`), which opens any age file. The writer
reproduces the C2SP/CCTV test vectors byte for byte (tests/journal/test_agefile.py).
`work_factor` reads the stanza's log2 N without deriving anything, so that a file
asking too much is told apart from a damaged one.
"""

from __future__ import annotations

import base64
import hmac
import os
import re

AGE_VERSION = b"age-encryption.org/v1"
WORK_FACTOR = 18
"""log2 of scrypt's N for the files Dentelle writes (Go age's default): 256 MiB."""
MAX_WORK_FACTOR = 22
"""The highest log2 N Dentelle tries to open (Go age's own limit): 4 GiB."""

FILE_KEY_SIZE = 16
SALT_SIZE = 16
NONCE_SIZE = 16
CHUNK_SIZE = 64 * 1024
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
_DECIMAL = re.compile(rb"[1-9][0-9]*")


def _b64(data: bytes) -> bytes:
    """Standard base64 without padding, as age writes it."""
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt or None, info=info).derive(key)


def _wrap_body(body: bytes) -> bytes:
    """The stanza body wrapped at 64 columns, ending with a line shorter than 64."""
    encoded = _b64(body)
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    if not lines or len(lines[-1]) == 64:
        lines.append(b"")
    return b"".join(line + b"\n" for line in lines)


def encrypt(payload: bytes, passphrase: str, work_factor: int = WORK_FACTOR) -> bytes:
    """An age file of `payload` for `passphrase`, scrypt at log2 N = `work_factor`."""
    return encrypt_with(
        payload,
        passphrase,
        work_factor,
        salt=os.urandom(SALT_SIZE),
        file_key=os.urandom(FILE_KEY_SIZE),
        nonce=os.urandom(NONCE_SIZE),
    )


def encrypt_with(
    payload: bytes,
    passphrase: str,
    work_factor: int,
    *,
    salt: bytes,
    file_key: bytes,
    nonce: bytes,
) -> bytes:
    """`encrypt` with its random values given (the test vectors fix them)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not 1 <= work_factor <= MAX_WORK_FACTOR:
        raise ValueError(f"work factor {work_factor} outside 1..{MAX_WORK_FACTOR}")
    wrap_key = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1).derive(
        passphrase.encode("utf-8")
    )
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = (
        AGE_VERSION
        + b"\n-> scrypt "
        + _b64(salt)
        + b" "
        + str(work_factor).encode()
        + b"\n"
        + _wrap_body(body)
        + b"---"
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    stream = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [payload[i : i + CHUNK_SIZE] for i in range(0, len(payload), CHUNK_SIZE)] or [b""]
    sealed = [
        stream.encrypt(
            index.to_bytes(11, "big") + (b"\x01" if index == len(chunks) - 1 else b"\x00"),
            chunk,
            None,
        )
        for index, chunk in enumerate(chunks)
    ]
    return header + b" " + _b64(mac) + b"\n" + nonce + b"".join(sealed)


def work_factor(blob: bytes) -> int | None:
    """log2 N of an age file's scrypt stanza, or None when it has no well-formed one.

    Reads the header only (no key derivation): the stanza must be the first, with
    exactly three arguments and a decimal work factor without leading zero.
    """
    lines = blob[:512].split(b"\n", 2)
    if len(lines) < 3 or lines[0] != AGE_VERSION:
        return None
    arguments = lines[1].split(b" ")
    if len(arguments) != 4 or arguments[:2] != [b"->", b"scrypt"]:
        return None
    if not _DECIMAL.fullmatch(arguments[3]) or len(arguments[3]) > 3:
        return None
    return int(arguments[3])
