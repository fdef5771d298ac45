"""age passphrase files at a fixed work factor: our writer, pyrage and Go `age`.

Ordinary tests use a low work factor (log2 N = 10, milliseconds). Real work factor 18
runs only under `-m slow` (about 0.7 s a derivation). Go `age` (Debian's `age`) asks
for passphrases on a terminal only, so it is driven through a pseudo-terminal; those
tests skip, saying why, where it is not installed.

The C2SP/CCTV age test vectors are not committed (they belong to their project): set
DENTELLE_AGE_VECTORS to a checkout's `age/testdata` folder to run them against the
writer and `work_factor`.
"""

from __future__ import annotations

import base64
import os
import pty
import select
import shutil
import time
from pathlib import Path

import pyrage
import pytest

from journal import agefile
from journal.crypto import ScryptKeyWrap
from journal.errors import VaultDamaged, VaultLocked

VECTORS = os.environ.get("DENTELLE_AGE_VECTORS")


@pytest.mark.parametrize("size", [0, 1, 1000, agefile.CHUNK_SIZE, agefile.CHUNK_SIZE + 1, 200_000])
def test_pyrage_opens_what_we_write(size: int) -> None:
    payload = os.urandom(size)
    blob = agefile.encrypt(payload, "une phrase", work_factor=10)
    assert pyrage.passphrase.decrypt(blob, "une phrase") == payload
    with pytest.raises(pyrage.DecryptError):
        pyrage.passphrase.decrypt(blob, "une autre phrase")


def test_the_stanza_and_header_follow_the_specification() -> None:
    blob = agefile.encrypt(b"x", "p", work_factor=10)
    lines = blob.split(b"\n")
    assert lines[0] == b"age-encryption.org/v1"
    arrow, kind, salt, log_n = lines[1].split(b" ")
    assert (arrow, kind, log_n) == (b"->", b"scrypt", b"10")
    assert len(base64.b64decode(salt + b"==")) == 16 and not salt.endswith(b"=")
    assert len(lines[2]) == 43  # a 32-byte body: one line shorter than 64 columns
    assert lines[3].startswith(b"--- ") and len(lines[3]) == 4 + 43
    assert agefile.work_factor(blob) == 10


def test_each_file_has_its_own_salt_and_keys() -> None:
    first, second = (agefile.encrypt(b"same", "same", work_factor=10) for _ in range(2))
    assert first.split(b"\n")[1] != second.split(b"\n")[1]
    assert first[-40:] != second[-40:]


@pytest.mark.parametrize(
    ("argument", "expected"),
    [(b"18", 18), (b"22", 22), (b"23", 23), (b"018", None), (b"0x12", None), (b"+18", None),
     (b"", None), (b"18 extra", None)],
)  # fmt: skip
def test_work_factor_is_read_from_the_header_only(argument: bytes, expected: int | None) -> None:
    blob = agefile.encrypt(b"x", "p", work_factor=10)
    version, stanza, rest = blob.split(b"\n", 2)
    stanza = stanza.rsplit(b" ", 1)[0] + b" " + argument
    assert agefile.work_factor(b"\n".join([version, stanza, rest])) == expected
    assert agefile.work_factor(b"not an age file") is None
    assert agefile.work_factor(b"") is None


def test_a_work_factor_beyond_what_any_machine_should_spend_has_its_own_message() -> None:
    blob = agefile.encrypt(b"x", "p", work_factor=10).replace(b" 10\n", b" 23\n", 1)
    started = time.monotonic()
    with pytest.raises(VaultDamaged) as caught:
        ScryptKeyWrap().unwrap("p", blob)
    assert time.monotonic() - started < 1  # refused before any key derivation
    assert caught.value.key == "crypto.work_factor"
    assert "23" in caught.value.message("fr") and "mémoire" in caught.value.message("fr")
    assert "23" in caught.value.message("en") and "memory" in caught.value.message("en")


def test_pyrage_refusing_a_work_factor_is_not_called_damage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pyrage refuses above its own calibration + 4 (a slow machine): said as such."""
    blob = agefile.encrypt(b"x", "p", work_factor=10).replace(b" 10\n", b" 21\n", 1)

    def slow_machine(data: bytes, passphrase: str) -> bytes:
        raise pyrage.DecryptError(
            "Excessive work parameter for passphrase.\nDecryption would take around 64 seconds."
        )

    monkeypatch.setattr(pyrage.passphrase, "decrypt", slow_machine)
    with pytest.raises(VaultDamaged) as caught:
        ScryptKeyWrap().unwrap("p", blob)
    assert caught.value.key == "crypto.work_factor"
    assert caught.value.params["n"] == 21


def test_a_wrong_secret_and_damage_keep_their_messages() -> None:
    blob = agefile.encrypt(b"secret", "right", work_factor=10)
    with pytest.raises(VaultLocked):
        ScryptKeyWrap().unwrap("wrong", blob)
    with pytest.raises(VaultDamaged) as caught:
        ScryptKeyWrap().unwrap("right", blob[:-5])
    assert caught.value.key == "crypto.damaged"


@pytest.mark.skipif(not VECTORS, reason="DENTELLE_AGE_VECTORS (C2SP/CCTV age/testdata) not set")
def test_cctv_scrypt_vectors() -> None:
    folder = Path(str(VECTORS))
    raw = (folder / "scrypt").read_bytes()
    meta, blob = raw.split(b"\n\n", 1)
    fields = dict(line.split(b": ", 1) for line in meta.split(b"\n"))
    salt = base64.b64decode(blob.split(b"\n")[1].split(b" ")[2] + b"==")
    header_end = blob.index(b"\n", blob.index(b"\n---") + 1) + 1
    written = agefile.encrypt_with(
        b"age",
        fields[b"passphrase"].decode(),
        10,
        salt=salt,
        file_key=bytes.fromhex(fields[b"file key"].decode()),
        nonce=blob[header_end : header_end + 16],
    )
    assert written == blob  # byte for byte
    for name, expected in [
        ("scrypt_work_factor_23", 23),
        ("scrypt_work_factor_leading_zero_decimal", None),
        ("scrypt_and_x25519", None),
    ]:
        assert agefile.work_factor((folder / name).read_bytes().split(b"\n\n", 1)[1]) == expected


# -- real work factor, and Go age ----------------------------------------------------

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="Go age not installed (apt-get install age)")


def run_age(arguments: list[str], passphrase: str, prompts: int) -> None:
    """Run Go `age` on a pseudo-terminal, typing `passphrase` at each of its prompts."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes age
        os.execv(str(AGE), ["age", *arguments])
    output = b""
    deadline = time.monotonic() + 60
    try:
        for _ in range(prompts):
            while b"passphrase" not in output.lower().rsplit(b"\n", 1)[-1]:
                ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
                assert ready, f"age asked nothing within a minute: {output!r}"
                output += os.read(fd, 1024)
            os.write(fd, passphrase.encode() + b"\r")
            output = b""
        while True:
            try:
                if not os.read(fd, 1024):
                    break
            except OSError:  # the terminal closes when age exits
                break
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, output


@pytest.mark.slow
def test_identity_files_are_written_at_work_factor_18() -> None:
    """What `ScryptKeyWrap` writes: log2 N = 18, and pyrage opens it."""
    blob = ScryptKeyWrap().wrap("une phrase de passe", b"AGE-SECRET-KEY-1TEST")
    assert blob.split(b"\n")[1].rsplit(b" ", 1)[1] == b"18"
    assert agefile.work_factor(blob) == 18
    assert ScryptKeyWrap().unwrap("une phrase de passe", blob) == b"AGE-SECRET-KEY-1TEST"


@pytest.mark.slow
@needs_age
def test_go_age_opens_our_file_and_we_open_go_age_s(tmp_path: Path) -> None:
    secret = "lace is made one stitch after another"
    ours = tmp_path / "identity.age"
    ours.write_bytes(ScryptKeyWrap().wrap(secret, b"AGE-SECRET-KEY-1FROM-DENTELLE"))
    run_age(["-d", "-o", str(tmp_path / "out"), str(ours)], secret, prompts=1)
    assert (tmp_path / "out").read_bytes() == b"AGE-SECRET-KEY-1FROM-DENTELLE"

    (tmp_path / "plain").write_bytes(b"written by Go age")
    theirs = tmp_path / "theirs.age"
    run_age(["-p", "-o", str(theirs), str(tmp_path / "plain")], secret, prompts=2)
    assert agefile.work_factor(theirs.read_bytes()) == agefile.WORK_FACTOR  # Go's default
    assert ScryptKeyWrap().unwrap(secret, theirs.read_bytes()) == b"written by Go age"
