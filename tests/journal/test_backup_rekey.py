"""Backup sets across a key rotation: new wrappings next time, earlier generations kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.backup import back_up, describe_set, restore, unlock_set, verify_set
from journal.backup.rekeyed import old_key_generations
from journal.backup.sets import KEYRING_FILE, read_keyring
from journal.errors import VaultLocked
from journal.layout import IDENTITY_FILE, RECOVERY_FILE
from journal.vault import Vault
from tests.journal.rekey_helpers import (
    NEW_PASSPHRASE,
    OLD_PASSPHRASE,
    FastKeyWrap,
    dump,
    fill,
    make_vault,
)


def back_up_with(vault: Vault, passphrase: str, usb: Path, keep: int = 10) -> None:
    with vault.unlock(passphrase) as journal:
        back_up(journal, usb, keep=keep)


@pytest.fixture
def rekeyed(tmp_path: Path) -> tuple[Vault, Path, dict, str]:
    """Two generations, then a rekey: the vault, the USB key, the old contents, old code."""
    vault, code = make_vault(tmp_path / "vault")
    usb = tmp_path / "usb"
    usb.mkdir()
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=2)
        before = dump(journal)
    back_up_with(vault, OLD_PASSPHRASE, usb)
    back_up_with(vault, OLD_PASSPHRASE, usb)
    vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    return vault, usb, before, code


def test_the_next_backup_carries_the_new_keys_and_earlier_ones_open_with_the_old(
    rekeyed: tuple[Vault, Path, dict, str], tmp_path: Path
) -> None:
    vault, usb, before, old_code = rekeyed
    info = describe_set(usb)
    assert old_key_generations(info, vault.database_file) == ([1, 2], [])

    back_up_with(vault, NEW_PASSPHRASE, usb)
    info = describe_set(usb)
    assert [(g.number, g.retired) for g in info.generations] == [(1, 2), (2, 2), (3, None)]
    assert old_key_generations(info, vault.database_file) == ([1, 2], [])
    keywrap = FastKeyWrap()

    # The set's own key files are the new ones: the new passphrase opens the latest.
    new = unlock_set(usb, keywrap, passphrase=NEW_PASSPHRASE)
    assert read_keyring(info.path, new).keys
    with pytest.raises(VaultLocked):
        unlock_set(usb, keywrap, passphrase=OLD_PASSPHRASE)
    restore(usb, Vault(tmp_path / "fresh", keywrap=keywrap), new)
    with Vault(tmp_path / "fresh", keywrap=keywrap).unlock(NEW_PASSPHRASE) as journal:
        assert dump(journal) == before

    # Generation 1 opens only with the old passphrase, or the old recovery code.
    old = unlock_set(usb, keywrap, passphrase=OLD_PASSPHRASE, generation=1)
    assert str(unlock_set(usb, keywrap, recovery_code=old_code, generation=1)) == str(old)
    with pytest.raises(VaultLocked):
        unlock_set(usb, keywrap, passphrase=NEW_PASSPHRASE, generation=1)
    restore(usb, Vault(tmp_path / "older", keywrap=keywrap), old, generation=1)
    with Vault(tmp_path / "older", keywrap=keywrap).unlock(OLD_PASSPHRASE) as journal:
        assert dump(journal) == before
    # Checking the set with the new identity leaves the earlier generations alone.
    assert [r.number for r in verify_set(usb, new)] == [3]
    assert all(g.ok is not False for g in describe_set(usb).generations)


def test_retired_keys_leave_with_the_last_generation_that_needs_them(
    rekeyed: tuple[Vault, Path, dict, str],
) -> None:
    vault, usb, _, _ = rekeyed
    back_up_with(vault, NEW_PASSPHRASE, usb, keep=2)
    assert (usb / "dentelle-backup" / "keyring.upto-000002.age").exists()
    back_up_with(vault, NEW_PASSPHRASE, usb, keep=2)
    names = sorted(p.name for p in (usb / "dentelle-backup").iterdir())
    assert not [name for name in names if ".upto-" in name]
    assert old_key_generations(describe_set(usb), vault.database_file) == ([], [])


def test_a_forgetting_removes_the_old_keys_from_the_set(
    rekeyed: tuple[Vault, Path, dict, str],
) -> None:
    """Retired keys cannot be rewritten without the old identity: a person forgotten
    after the rekey would stay in them, so they leave the set at the next backup."""
    vault, usb, _, _ = rekeyed
    back_up_with(vault, NEW_PASSPHRASE, usb)
    with vault.unlock(NEW_PASSPHRASE) as journal:
        journal.forget_person(journal.people()[0].id)
    back_up_with(vault, NEW_PASSPHRASE, usb)
    set_dir = usb / "dentelle-backup"
    assert sorted(p.name for p in set_dir.iterdir() if ".upto-" in p.name) == []
    assert old_key_generations(describe_set(usb), vault.database_file) == ([], [1, 2])


def test_a_forgetting_between_the_rekey_and_the_backup_retires_nothing(
    rekeyed: tuple[Vault, Path, dict, str],
) -> None:
    vault, usb, _, _ = rekeyed
    with vault.unlock(NEW_PASSPHRASE) as journal:
        journal.forget_person(journal.people()[0].id)
    back_up_with(vault, NEW_PASSPHRASE, usb)
    set_dir = usb / "dentelle-backup"
    assert not [p.name for p in set_dir.iterdir() if ".upto-" in p.name]
    for name in (IDENTITY_FILE, RECOVERY_FILE, KEYRING_FILE):
        assert (set_dir / name).exists()
    assert old_key_generations(describe_set(usb), vault.database_file) == ([], [1, 2])


def test_a_damaged_keyring_is_not_taken_for_one_from_before_a_rekey(tmp_path: Path) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    usb = tmp_path / "usb"
    usb.mkdir()
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=1)
    back_up_with(vault, OLD_PASSPHRASE, usb)
    # A set written before generations recorded their master: only the keyring tells.
    manifest_file = usb / "dentelle-backup" / "manifest.json"
    manifest = json.loads(manifest_file.read_text())
    for generation in manifest["generations"]:
        del generation["recipient"]
    manifest_file.write_text(json.dumps(manifest))
    keyring = usb / "dentelle-backup" / KEYRING_FILE
    damaged = bytearray(keyring.read_bytes())
    damaged[-40] ^= 0xFF
    keyring.write_bytes(bytes(damaged))
    back_up_with(vault, OLD_PASSPHRASE, usb)
    assert not [p.name for p in keyring.parent.iterdir() if ".upto-" in p.name]
    info = describe_set(usb)
    assert old_key_generations(info, vault.database_file) == ([], [])
    old = unlock_set(usb, FastKeyWrap(), passphrase=OLD_PASSPHRASE)
    assert [r.ok for r in verify_set(usb, old)] == [True, True]
