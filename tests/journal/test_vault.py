"""Vault creation, unlock, passphrase change and recovery, on real files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from journal.crypto import ScryptKeyWrap
from journal.errors import (
    DentelleError,
    VaultBusy,
    VaultDamaged,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
)
from journal.layout import default_vault_path
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE, GOLDEN_RECOVERY_CODE, MemoKeyWrap

STRONG = "une phrase de passe de sept mots au moins"


def entry_blobs(vault: Vault) -> list[bytes]:
    import sqlite3

    conn = sqlite3.connect(vault.database_file)
    try:
        return [row[0] for row in conn.execute("SELECT sealed FROM entries ORDER BY id")]
    finally:
        conn.close()


def test_unlock_with_the_passphrase(vault: Vault) -> None:
    with vault.unlock(GOLDEN_PASSPHRASE) as journal:
        assert journal.people() == []


def test_wrong_passphrase_is_refused(vault: Vault) -> None:
    with pytest.raises(VaultLocked) as caught:
        vault.unwrap_identity("not the passphrase")
    assert caught.value.message("fr") == "Phrase de passe incorrecte."
    assert caught.value.message("en") == "Wrong passphrase."


def test_missing_vault_says_to_run_init(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing) as caught:
        Vault(tmp_path / "nothing").unwrap_identity("x")
    assert "dentelle init" in caught.value.message("en")
    assert "dentelle init" in caught.value.message("fr")


def test_create_refuses_a_weak_passphrase(tmp_path: Path, keywrap: MemoKeyWrap) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        Vault(tmp_path / "v", keywrap=keywrap).create("court")
    assert "trop faible" in caught.value.message("fr")
    assert not (tmp_path / "v").exists()


def test_create_refuses_to_overwrite(vault: Vault) -> None:
    with pytest.raises(DentelleError) as caught:
        vault.create(STRONG)
    assert caught.value.key == "vault.exists"


def test_files_are_private(vault: Vault) -> None:
    with vault.unlock(GOLDEN_PASSPHRASE) as journal:
        journal.add_person("Quelqu'un")
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o700
    for child in vault.path.iterdir():
        assert stat.S_IMODE(child.stat().st_mode) & 0o077 == 0, child


def test_a_second_process_is_refused_while_open(vault: Vault) -> None:
    with vault.unlock(GOLDEN_PASSPHRASE), pytest.raises(VaultBusy):
        vault.open(GOLDEN_IDENTITY)
    vault.open(GOLDEN_IDENTITY).close()  # released on close


def test_another_identity_does_not_open_the_vault(vault: Vault) -> None:
    from journal.crypto import generate_identity

    with pytest.raises(VaultDamaged):
        vault.open(generate_identity())


def test_damaged_database_suggests_a_restore(vault: Vault) -> None:
    vault.database_file.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(VaultDamaged) as caught:
        vault.unlock(GOLDEN_PASSPHRASE)
    assert "dentelle restore" in caught.value.message("en")


def test_recovery_code_opens_the_vault(vault: Vault) -> None:
    identity = vault.unwrap_with_recovery_code(GOLDEN_RECOVERY_CODE.lower().replace("-", " "))
    assert str(identity) == str(GOLDEN_IDENTITY)
    with pytest.raises(VaultLocked) as caught:
        vault.unwrap_with_recovery_code("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert caught.value.key == "vault.wrong_recovery_code"


def test_default_location_follows_dentelle_home(tmp_path: Path) -> None:
    assert default_vault_path({"DENTELLE_HOME": str(tmp_path)}) == tmp_path
    assert default_vault_path({}).name == "vault"


@pytest.mark.slow
def test_real_scrypt_create_passwd_recover(tmp_path: Path) -> None:
    """The whole key life cycle with real age scrypt (about ten seconds)."""
    vault = Vault(tmp_path / "v", keywrap=ScryptKeyWrap())
    created = vault.create(STRONG)
    with vault.open(created.identity) as journal:
        person = journal.add_person("Mme B")
        journal.add_entry(person.id, __import__("datetime").date(2026, 1, 5), "Une note.")
    before = entry_blobs(vault)
    identity_file_before = vault.identity_file.read_bytes()

    new = "violon cerise planète brouillard tortue jardin"
    vault.change_passphrase(vault.unwrap_identity(STRONG), new)
    assert vault.identity_file.read_bytes() != identity_file_before
    with pytest.raises(VaultLocked):
        vault.unwrap_identity(STRONG)
    assert str(vault.unwrap_identity(new)) == str(created.identity)
    assert entry_blobs(vault) == before  # no entry ciphertext changed

    recovered = vault.unwrap_with_recovery_code(created.recovery_code)
    vault.change_passphrase(recovered, STRONG + " encore")
    with vault.unlock(STRONG + " encore") as journal:
        assert [e.text for e in journal.entries(person.id)] == ["Une note."]
    assert entry_blobs(vault) == before
    assert os.listdir(vault.path)  # nothing else to check: the files are real age


@pytest.mark.parametrize("trivial", ["a a a a a a a", "1 2 3 4 5 6 7"])
def test_the_core_refuses_trivial_passphrases(
    tmp_path: Path, keywrap: MemoKeyWrap, vault: Vault, trivial: str
) -> None:
    with pytest.raises(WeakPassphrase):
        Vault(tmp_path / "v", keywrap=keywrap).create(trivial)
    assert not (tmp_path / "v").exists()
    before = vault.identity_file.read_bytes()
    with pytest.raises(WeakPassphrase):
        vault.change_passphrase(GOLDEN_IDENTITY, trivial)
    assert vault.identity_file.read_bytes() == before
