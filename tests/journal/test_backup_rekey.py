"""Backup sets across a key rotation: new wrappings next time, earlier generations kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal import crypto
from journal.backup import back_up, describe_set, restore, unlock_set, verify_set
from journal.backup.keyring import KEYRING_FILE, read_keyring
from journal.backup.rekeyed import old_key_generations
from journal.backup.sets import read_manifest
from journal.errors import BackupError, VaultLocked
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


def test_a_signed_set_across_a_rekey(tmp_path: Path) -> None:
    """Tamper-evident sets and the key rotation together: after a rekey the set's new
    keyring and manifest are signed under the new identity, numbering goes on, the
    retired keys still open the earlier generations with the old identity (whose tags
    they carry), and a keyring from before the rekey put back is never trusted."""
    vault, _ = make_vault(tmp_path / "vault")
    usb = tmp_path / "usb"
    usb.mkdir()
    set_dir = usb / "dentelle-backup"
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=2)
        before = dump(journal)
    back_up_with(vault, OLD_PASSPHRASE, usb)
    back_up_with(vault, OLD_PASSPHRASE, usb)
    keyring_before = (set_dir / KEYRING_FILE).read_bytes()
    vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    back_up_with(vault, NEW_PASSPHRASE, usb)

    info = describe_set(usb)
    assert [g.number for g in info.generations] == [1, 2, 3]
    assert old_key_generations(info, vault.database_file) == ([1, 2], [])
    keywrap = FastKeyWrap()
    new = unlock_set(usb, keywrap, passphrase=NEW_PASSPHRASE)
    keyring = read_keyring(set_dir, new)
    assert keyring.authenticated and keyring.last_number == 3
    assert sorted(keyring.generations) == [3] and keyring.rekeyed == [1, 2]
    assert keyring.legacy == []  # the earlier generations are signed, not "legacy"
    manifest = read_manifest(set_dir, crypto.integrity_key(new))
    assert manifest is not None and manifest.authenticated
    assert manifest.set_id == keyring.set_id

    # (a) The newest generation, with the new passphrase: every entry, tags that check.
    report = restore(usb, Vault(tmp_path / "fresh", keywrap=keywrap), new)
    assert (report.number, report.authenticated) == (3, True)
    with Vault(tmp_path / "fresh", keywrap=keywrap).unlock(NEW_PASSPHRASE) as journal:
        assert dump(journal) == before
        journal.verify_integrity()

    # (b) Generation 1, with the old passphrase: the retired keys open it, signed.
    old = unlock_set(usb, keywrap, passphrase=OLD_PASSPHRASE, generation=1)
    report = restore(usb, Vault(tmp_path / "older", keywrap=keywrap), old, generation=1)
    assert (report.number, report.authenticated) == (1, True)
    with Vault(tmp_path / "older", keywrap=keywrap).unlock(OLD_PASSPHRASE) as journal:
        assert dump(journal) == before
        journal.verify_integrity()

    # The next backup goes on from the signed keyring: no number reused, keys kept.
    back_up_with(vault, NEW_PASSPHRASE, usb)
    info = describe_set(usb)
    assert [g.number for g in info.generations] == [1, 2, 3, 4]
    assert old_key_generations(info, vault.database_file) == ([1, 2], [])
    assert read_keyring(set_dir, new).rekeyed == [1, 2]

    # (c) A keyring from before the rekey, put back: refused by restore, and the next
    # backup neither trusts it nor takes it for a rekey (the set's own keys stay).
    (set_dir / KEYRING_FILE).write_bytes(keyring_before)
    with pytest.raises(BackupError):
        restore(usb, Vault(tmp_path / "third", keywrap=keywrap), new)
    assert not (tmp_path / "third" / "dentelle.db").exists()
    back_up_with(vault, NEW_PASSPHRASE, usb)
    assert sorted(p.name for p in set_dir.iterdir() if ".upto-" in p.name) == [
        "identity.upto-000002.age",
        "keyring.upto-000002.age",
        "recovery.upto-000002.age",
    ]
    assert str(unlock_set(usb, keywrap, passphrase=NEW_PASSPHRASE)) == str(new)
    keyring = read_keyring(set_dir, new)
    assert keyring.last_number == 5 and keyring.rekeyed == [1, 2]
    info = describe_set(usb)
    assert old_key_generations(info, vault.database_file) == ([1, 2], [])
    assert [r.number for r in verify_set(usb, new)] == [3, 4, 5]
    old = unlock_set(usb, keywrap, passphrase=OLD_PASSPHRASE, generation=2)
    restore(usb, Vault(tmp_path / "fourth", keywrap=keywrap), old, generation=2)


def test_an_entry_deleted_between_the_rekey_and_the_backup_retires_nothing(
    rekeyed: tuple[Vault, Path, dict, str],
) -> None:
    """The retired keyring could not list the deletion (it is the old identity's): a
    restore of an earlier generation would bring the entry back, so its keys go."""
    vault, usb, _, _ = rekeyed
    with vault.unlock(NEW_PASSPHRASE) as journal:
        person = journal.people()[0]
        journal.delete_entry(journal.entries(person.id)[0].id)
    back_up_with(vault, NEW_PASSPHRASE, usb)
    set_dir = usb / "dentelle-backup"
    assert not [p.name for p in set_dir.iterdir() if ".upto-" in p.name]
    assert old_key_generations(describe_set(usb), vault.database_file) == ([], [1, 2])


def test_a_version_erased_after_the_retirement_removes_the_old_keys(
    rekeyed: tuple[Vault, Path, dict, str],
) -> None:
    vault, usb, _, _ = rekeyed
    back_up_with(vault, NEW_PASSPHRASE, usb)
    set_dir = usb / "dentelle-backup"
    assert [p.name for p in set_dir.iterdir() if p.name.startswith("keyring.upto-")]
    with vault.unlock(NEW_PASSPHRASE) as journal:
        entry = next(e for p in journal.people() for e in journal.entries(p.id) if e.versions > 1)
        earlier = journal.history(entry.id)[0]
        journal.erase_version(entry.id, earlier.version_id)
    back_up_with(vault, NEW_PASSPHRASE, usb)
    assert not [p.name for p in set_dir.iterdir() if ".upto-" in p.name]
    assert old_key_generations(describe_set(usb), vault.database_file) == ([], [1, 2])
