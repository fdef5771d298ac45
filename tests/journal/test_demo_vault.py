"""The demo vault of each language: its stories, and its key files opening with the
passphrase shown on screen (journal.demo.vault)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journal import crypto
from journal.crypto import ScryptKeyWrap
from journal.demo import DEMO_PASSPHRASES, DEMO_RECOVERY_CODE, create_demo_vault, demo_identity
from journal.demo.vault import IDENTITY_FILES, demo_passphrase
from journal.store.practice import practice_notes

TODAY = date(2026, 3, 15)


class DemoKeyWrap:
    """Unwraps nothing: the demo vault is opened with its identity (the keys: see below)."""

    def wrap(self, secret: str, payload: bytes) -> bytes:
        raise AssertionError("the demo never wraps")

    def unwrap(self, secret: str, blob: bytes) -> bytes:
        raise AssertionError("opened with the identity")


@pytest.mark.parametrize(
    ("lang", "first", "family"),
    [("fr", "Nadia Ferreira", "Famille"), ("en", "Leanne Porter", "family")],
)
def test_the_demo_vault_holds_the_stories_of_its_language(
    tmp_path: Path, lang: str, first: str, family: str
) -> None:
    vault = create_demo_vault(tmp_path / "vault", TODAY, DemoKeyWrap(), lang=lang)
    with vault.open(demo_identity()) as journal:
        people = journal.people()
        assert first in [p.name for p in people]
        assert any(family in p.name for p in people)
        rhythms = [p for p in people if p.extra.get("rhythm")]
        assert len(rhythms) == 3
        notes = practice_notes(journal)
        assert ("What happened" if lang == "en" else "Ce qui s'est passé") in notes[0].text
    copied = (tmp_path / "vault" / "identity.age").read_bytes()
    shipped = Path(__file__).parents[2] / "journal" / "demo" / "keys" / IDENTITY_FILES[lang]
    assert copied == shipped.read_bytes()


def test_other_languages_get_the_french_demo() -> None:
    assert demo_passphrase("de") == DEMO_PASSPHRASES["fr"]
    assert demo_passphrase("en").isascii()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_key_file_opens_with_the_passphrase_shown(lang: str) -> None:
    keys = Path(__file__).parents[2] / "journal" / "demo" / "keys"
    secret = crypto.identity_to_bytes(demo_identity())
    blob = (keys / IDENTITY_FILES[lang]).read_bytes()
    assert ScryptKeyWrap().unwrap(DEMO_PASSPHRASES[lang], blob) == secret
    if lang == "en":  # the recovery file is shared
        recovery = (keys / "recovery.age").read_bytes()
        assert ScryptKeyWrap().unwrap(DEMO_RECOVERY_CODE, recovery) == secret


def test_every_demo_key_file_is_at_the_fixed_work_factor() -> None:
    """The demo opens on any machine: 256 MiB of scrypt, never a fast machine's 19+."""
    from journal import agefile

    keys = Path(__file__).parents[2] / "journal" / "demo" / "keys"
    factors = {path.name: agefile.work_factor(path.read_bytes()) for path in keys.glob("*.age")}
    assert len(factors) == 3
    assert set(factors.values()) == {agefile.WORK_FACTOR}, factors
