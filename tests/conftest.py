"""Fixtures shared by every test: real SQLite files, real age, keys injected.

The seam: `journal.vault.Vault(path, keywrap=...)` takes the object that wraps the
master identity under a passphrase. Production uses `ScryptKeyWrap` (age scrypt,
~2.4 s to unwrap, deliberately). Tests use `MemoKeyWrap`, which performs real age scrypt
the first time it sees a (secret, payload) pair and remembers the answer, and which is
preloaded with the committed golden vault's key files and their secrets. Files on disk
stay real age files; only repeated key derivations are skipped. Tests about scrypt
itself (`-m slow`) use the real `ScryptKeyWrap`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyrage
import pytest

from journal import crypto
from journal.crypto import ScryptKeyWrap
from journal.errors import VaultLocked
from journal.store import Journal
from journal.vault import Vault

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"  # schema 1, never regenerated: every run migrates it
GOLDEN3 = DATA / "golden-3"  # schema 3 (tests/data/make_golden3.py)
GOLDEN_PASSPHRASE = "golden vault passphrase for the tests only"
GOLDEN_RECOVERY_CODE = "TEST-TEST-TEST-TEST-TEST-TEST"
GOLDEN_IDENTITY = pyrage.x25519.Identity.from_str(
    (DATA / "golden-identity.txt").read_text().strip()
)


class MemoKeyWrap:
    """Real age scrypt, remembered: see the module docstring."""

    def __init__(self) -> None:
        self._wrapped: dict[tuple[str, bytes], bytes] = {}
        self._unwrapped: dict[bytes, tuple[str, bytes]] = {}
        self.real = ScryptKeyWrap()
        secret = crypto.identity_to_bytes(GOLDEN_IDENTITY)
        for name, code in (
            ("identity.age", GOLDEN_PASSPHRASE),
            ("recovery.age", GOLDEN_RECOVERY_CODE),
        ):
            self.remember(code, secret, (GOLDEN / name).read_bytes())

    def remember(self, secret: str, payload: bytes, blob: bytes) -> None:
        self._wrapped[(secret, payload)] = blob
        self._unwrapped[blob] = (secret, payload)

    def wrap(self, secret: str, payload: bytes) -> bytes:
        blob = self._wrapped.get((secret, payload))
        if blob is None:
            blob = self.real.wrap(secret, payload)
            self.remember(secret, payload, blob)
        return blob

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        known = self._unwrapped.get(blob)
        if known is None:
            return self.real.unwrap(secret, blob)
        if known[0] != secret:
            raise VaultLocked("crypto.wrong_secret")
        return known[1]


_MEMO = MemoKeyWrap()


@pytest.fixture
def keywrap() -> MemoKeyWrap:
    return _MEMO


class TickingClock:
    """A clock that moves one minute at each reading, starting at a fixed instant."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock(datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=1))))


def make_empty_vault(path: Path, keywrap: MemoKeyWrap) -> Vault:
    """A new vault under the golden identity and passphrase, without running scrypt."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    for name in ("identity.age", "recovery.age"):
        shutil.copyfile(GOLDEN / name, path / name)
        (path / name).chmod(0o600)
    Journal.initialize(path / "dentelle.db", GOLDEN_IDENTITY)
    return Vault(path, keywrap=keywrap)


@pytest.fixture
def vault(tmp_path: Path, keywrap: MemoKeyWrap) -> Vault:
    return make_empty_vault(tmp_path / "vault", keywrap)


@pytest.fixture
def journal(vault: Vault, clock: TickingClock) -> Iterator[Journal]:
    opened = vault.open(GOLDEN_IDENTITY, clock=clock)
    yield opened
    opened.close()


@pytest.fixture(autouse=True, scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """What Dentelle caches (journal.pertinence.compiled: the compiled word lists, built
    once per run) goes in the session's folder, never the user's; set for the whole
    session, since module fixtures load a checker before any test's own fixtures."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DENTELLE_CACHE", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app remembers between sessions (journal.state) stays in the test's folder."""
    monkeypatch.setenv("DENTELLE_STATE", str(tmp_path / "state" / "state.json"))


@pytest.fixture(autouse=True, scope="session")
def golden_stays_untouched() -> Iterator[None]:
    """No test may open a committed golden vault in place (SQLite would write beside it)."""
    before = [sorted(p.name for p in folder.iterdir()) for folder in (GOLDEN, GOLDEN3)]
    yield
    assert [sorted(p.name for p in folder.iterdir()) for folder in (GOLDEN, GOLDEN3)] == before


@pytest.fixture(autouse=True)
def british_english_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """English dates are day-first (en_GB) whatever the machine's locale; a test of the
    US order sets LC_TIME itself (`journal.dates.region`)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
