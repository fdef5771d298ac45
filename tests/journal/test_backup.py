"""Backup to a folder standing for a USB key, and restore on a fresh machine.

Real SQLite files, real age; the master identity is the golden one, so `MemoKeyWrap`
opens the set's key copies without scrypt (tests/conftest.py). The helpers (a populated
journal, its dump, a set's files) are in tests/journal/backup_helpers.py, shared by the
other `test_backup_*` files.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal import backup
from journal.backup import back_up, describe_set, last_backup, restore, unlock_set, verify_set
from journal.backup.sets import KEYRING_FILE, MANIFEST_FILE, SET_DIR_NAME, generation_files
from journal.errors import BackupError, VaultBusy, VaultLocked
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import (
    GOLDEN_IDENTITY,
    GOLDEN_PASSPHRASE,
    GOLDEN_RECOVERY_CODE,
    MemoKeyWrap,
    make_empty_vault,
)
from tests.journal.backup_helpers import (
    NAMES,
    dump,
    dump_vault,
    populate,
    reseal_generation,
    set_files,
)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


# -- 1. restore on a fresh machine ----------------------------------------------------


@pytest.mark.parametrize("secret", ["passphrase", "recovery code"])
def test_restore_on_a_fresh_home(
    tmp_path: Path, journal: Journal, usb: Path, keywrap: MemoKeyWrap, secret: str
) -> None:
    populate(journal)
    before = dump(journal)
    report = back_up(journal, usb)
    assert report.number == 1 and report.people == 3 and report.entries == 9
    journal.close()
    shutil.rmtree(journal.path)  # the laptop is gone

    fresh = Vault(tmp_path / "new-home" / "vault", keywrap=keywrap)
    if secret == "passphrase":
        identity = unlock_set(usb, keywrap, passphrase=GOLDEN_PASSPHRASE)
    else:
        identity = unlock_set(usb, keywrap, recovery_code=GOLDEN_RECOVERY_CODE.lower())
    restored = restore(usb, fresh, identity)
    assert restored.number == 1 and not restored.replaced
    assert restored.people == 3 and restored.entries == 9 and restored.forgotten == 0
    assert dump_vault(fresh.path, keywrap) == before
    # The restored vault opens with the passphrase, as the old one did.
    with fresh.unlock(GOLDEN_PASSPHRASE) as reopened:
        assert len(reopened.people()) == 3
    assert sorted(os.listdir(fresh.path.parent)) == ["vault"]  # no staging left behind


def test_wrong_secrets_are_refused_clearly(journal: Journal, usb: Path, keywrap) -> None:
    populate(journal, NAMES[:1])
    back_up(journal, usb)
    with pytest.raises(VaultLocked) as caught:
        unlock_set(usb, keywrap, passphrase="not the passphrase at all, sorry")
    assert caught.value.key == "crypto.wrong_secret"
    with pytest.raises(VaultLocked) as caught:
        unlock_set(usb, keywrap, recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert caught.value.key == "vault.wrong_recovery_code"


def test_the_latest_or_a_chosen_generation(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    person = journal.add_person("Famille Haddad")
    journal.add_entry(person.id, date(2026, 1, 5), "Premier appel.")
    back_up(journal, usb)
    first = dump(journal)
    journal.add_entry(person.id, date(2026, 2, 5), "Deuxième appel.")
    back_up(journal, usb)
    second = dump(journal)
    target = Vault(tmp_path / "elsewhere" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY, generation=1)
    assert dump_vault(target.path, keywrap) == first
    assert restore(usb, target, GOLDEN_IDENTITY).replaced
    assert dump_vault(target.path, keywrap) == second
    with pytest.raises(BackupError) as caught:
        restore(usb, target, GOLDEN_IDENTITY, generation=7)
    assert caught.value.key == "backup.no_generation"
    assert caught.value.params["numbers"] == "1, 2"


# -- the set ----------------------------------------------------------------------------


def test_what_the_set_holds(journal: Journal, usb: Path) -> None:
    populate(journal)
    back_up(journal, usb)
    back_up(journal, usb)
    files = set_files(usb)
    assert sorted(files) == [
        "LISEZMOI.txt",
        "gen-000001.age",
        "gen-000002.age",
        "identity.age",
        KEYRING_FILE,
        MANIFEST_FILE,
        "recovery.age",
    ]
    assert all(":" not in name for name in files)  # FAT refuses ':'
    assert files["identity.age"] == (journal.path / "identity.age").read_bytes()
    assert files["recovery.age"] == (journal.path / "recovery.age").read_bytes()
    for name in ("gen-000001.age", "gen-000002.age", KEYRING_FILE):
        assert files[name].startswith(b"age-encryption.org/v1\n")
    manifest = json.loads(files[MANIFEST_FILE])
    assert manifest["vault_id"] == journal.vault_id
    assert [g["number"] for g in manifest["generations"]] == [1, 2]
    # Dates, sizes, checks and the master's public key only: nothing counts people or
    # entries in clear.
    assert set(manifest["generations"][0]) == {
        "number",
        "created",
        "size",
        "checked",
        "ok",
        "recipient",
    }
    assert manifest["generations"][0]["recipient"] == journal.meta("recipient")


def test_a_generation_is_a_sqlite_file_without_person_keys(journal: Journal, usb: Path) -> None:
    """`age -d` gives a database that `sqlite3` opens; person keys are not in it."""
    populate(journal)
    wrapped = [bytes(k) for (k,) in journal._db.execute("SELECT wrapped_key FROM people")]
    index = journal.meta("person_keys")
    assert index  # the vault's own index of person keys, which must not travel
    back_up(journal, usb)
    plain = pyrage.decrypt((usb / SET_DIR_NAME / "gen-000001.age").read_bytes(), [GOLDEN_IDENTITY])
    assert plain[:16] == b"SQLite format 3\x00" and plain[18:20] == b"\x01\x01"
    for key in wrapped:
        assert key not in plain and key[-64:] not in plain
    conn = sqlite3.connect(":memory:")
    conn.deserialize(plain)
    assert conn.execute("SELECT count(*) FROM people WHERE wrapped_key IS NOT NULL").fetchone() == (
        0,
    )
    assert conn.execute("SELECT count(*) FROM meta WHERE key='person_keys'").fetchone() == (0,)
    assert index.encode() not in plain and index[-80:].encode() not in plain
    header = dict(conn.execute("SELECT key, value FROM backup_generation"))
    assert header["vault_id"] == journal.vault_id and header["number"] == "1"
    keyring = json.loads(
        pyrage.decrypt((usb / SET_DIR_NAME / KEYRING_FILE).read_bytes(), [GOLDEN_IDENTITY])
    )
    assert len(keyring["keys"]) == 3


def test_rotation_keeps_the_last_n(journal: Journal, usb: Path, keywrap, tmp_path) -> None:
    populate(journal, NAMES[:1])
    for _ in range(5):
        report = back_up(journal, usb, keep=3)
    assert report.number == 5 and report.kept == [3, 4, 5] and report.removed == [2]
    assert list(generation_files(usb / SET_DIR_NAME)) == [3, 4, 5]
    assert [g.number for g in describe_set(usb).generations] == [3, 4, 5]
    # Numbers never come back after rotation, even if every generation is removed.
    for path in generation_files(usb / SET_DIR_NAME).values():
        path.unlink()
    assert back_up(journal, usb, keep=3).number == 6
    target = Vault(tmp_path / "other" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    assert dump_vault(target.path, keywrap) == dump(journal)


def test_a_set_belongs_to_one_vault(tmp_path: Path, journal: Journal, usb: Path, keywrap, clock):
    populate(journal, NAMES[:1])
    back_up(journal, usb)
    other_vault = make_empty_vault(tmp_path / "other-vault", keywrap)  # same key, another vault
    with other_vault.open(GOLDEN_IDENTITY, clock=clock) as other:
        other.add_person("Quelqu'un d'autre")
        with pytest.raises(BackupError) as caught:
            back_up(other, usb)
        assert caught.value.key == "backup.other_vault"
        (usb / SET_DIR_NAME / MANIFEST_FILE).unlink()  # the keyring still says whose it is
        with pytest.raises(BackupError) as caught:
            back_up(other, usb)
        assert caught.value.key == "backup.other_vault"
    assert list(generation_files(usb / SET_DIR_NAME)) == [1]


def test_a_set_under_another_master_key_is_refused(tmp_path: Path, usb: Path, keywrap, clock):
    stranger = make_empty_vault(tmp_path / "stranger", keywrap)
    stranger.database_file.unlink()
    other_identity = pyrage.x25519.Identity.generate()  # no scrypt: the key files are unused
    Journal.initialize(stranger.database_file, other_identity)
    with stranger.open(other_identity, clock=clock) as journal:
        journal.add_person("Inconnue")
        back_up(journal, usb)
    (usb / SET_DIR_NAME / MANIFEST_FILE).unlink()
    mine = make_empty_vault(tmp_path / "mine", keywrap)
    with mine.open(GOLDEN_IDENTITY, clock=clock) as journal, pytest.raises(BackupError) as caught:
        back_up(journal, usb)
    assert caught.value.key == "backup.other_vault"


def test_the_set_folder_itself_is_accepted(journal: Journal, usb: Path) -> None:
    back_up(journal, usb)
    assert back_up(journal, usb / SET_DIR_NAME).path == usb / SET_DIR_NAME
    assert not (usb / SET_DIR_NAME / SET_DIR_NAME).exists()


def test_a_missing_destination_is_said(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        back_up(journal, tmp_path / "not-plugged")
    assert caught.value.key == "backup.destination_missing"


def test_listing_needs_no_key_and_verify_checks_all(journal: Journal, usb: Path, clock) -> None:
    populate(journal, NAMES[:2])
    back_up(journal, usb)
    back_up(journal, usb)
    info = describe_set(usb)
    assert [(g.number, g.ok) for g in info.generations] == [(1, True), (2, True)]
    assert info.generations[0].created is not None and info.generations[0].size > 0
    results = verify_set(usb, GOLDEN_IDENTITY, now=clock())
    assert [(r.number, r.ok) for r in results] == [(1, True), (2, True)]
    assert results[0].counts["entries"] == 6
    with pytest.raises(BackupError) as caught:
        describe_set(usb / "nothing-here")
    assert caught.value.key == "backup.no_set"


def test_last_backup_is_recorded_for_the_status_bar(journal: Journal, usb: Path) -> None:
    assert last_backup(journal) is None
    report = back_up(journal, usb)
    assert last_backup(journal) == report.created.replace(microsecond=0)


def test_progress_reports_every_phase(journal: Journal, usb: Path, tmp_path, keywrap) -> None:
    populate(journal)
    seen: list[tuple[str, int, int]] = []
    back_up(journal, usb, progress=lambda *event: seen.append(event))
    phases = [phase for phase, _, _ in seen]
    for phase in ("snapshot", "write", "verify", "check"):
        assert f"backup.phase.{phase}" in phases
    assert all(0 <= done <= total for _, done, total in seen)
    writes = [(d, t) for p, d, t in seen if p == "backup.phase.write"]
    assert writes[-1][0] == (usb / SET_DIR_NAME / "gen-000001.age").stat().st_size
    seen.clear()
    restore(
        usb,
        Vault(tmp_path / "r" / "vault", keywrap=keywrap),
        GOLDEN_IDENTITY,
        progress=lambda *event: seen.append(event),
    )
    for phase in ("read", "check", "write", "verify"):
        assert f"restore.phase.{phase}" in [p for p, _, _ in seen]


def test_backup_while_the_app_keeps_writing(journal: Journal, usb: Path, tmp_path, keywrap):
    """The snapshot is consistent: a write during the backup lands in the next one."""
    person = journal.add_person("Famille Haddad")
    journal.add_entry(person.id, date(2026, 1, 5), "Avant.")
    original = journal.snapshot

    def snapshot_then_write(*args):
        copy = original(*args)
        journal.add_entry(person.id, date(2026, 1, 6), "Pendant la sauvegarde.")
        return copy

    journal.snapshot = snapshot_then_write  # type: ignore[method-assign]
    report = back_up(journal, usb)
    journal.snapshot = original  # type: ignore[method-assign]
    assert report.entries == 1
    target = Vault(tmp_path / "r" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    with target.open(GOLDEN_IDENTITY) as restored:
        assert [e.text for e in restored.all_entries()] == ["Avant."]


# -- restoring over a vault ----------------------------------------------------------


def test_restore_replaces_the_current_vault_whole(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    populate(journal, NAMES[:2])
    back_up(journal, usb)
    expected = dump(journal)
    person = journal.people()[0]
    journal.add_entry(person.id, date(2026, 11, 28), "Écrit après la sauvegarde.")
    journal.close()
    report = restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    assert report.replaced
    assert dump_vault(journal.path, keywrap) == expected
    assert sorted(os.listdir(journal.path.parent)) == ["usb", "vault"]  # nothing kept aside


def test_restore_refuses_a_vault_that_is_open(journal: Journal, usb: Path, keywrap) -> None:
    populate(journal, NAMES[:1])
    back_up(journal, usb)
    before = sorted(os.listdir(journal.path))
    with pytest.raises(VaultBusy):
        restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    assert sorted(os.listdir(journal.path)) == before
    assert sorted(os.listdir(journal.path.parent)) == ["usb", "vault"]
    assert len(journal.people()) == 1


def test_restore_refuses_a_folder_that_is_not_a_vault(tmp_path, journal, usb, keywrap) -> None:
    back_up(journal, usb)
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "lettre.odt").write_bytes(b"x")
    with pytest.raises(BackupError) as caught:
        restore(usb, Vault(busy, keywrap=keywrap), GOLDEN_IDENTITY)
    assert caught.value.key == "restore.target_not_empty"
    assert os.listdir(busy) == ["lettre.odt"]


def test_restore_with_a_key_of_another_vault_is_refused(tmp_path, journal, usb, keywrap) -> None:
    back_up(journal, usb)
    with pytest.raises(BackupError) as caught:
        restore(usb, Vault(tmp_path / "x", keywrap=keywrap), pyrage.x25519.Identity.generate())
    assert caught.value.key == "backup.keyring_damaged"
    assert not (tmp_path / "x").exists()


def test_a_failed_swap_puts_the_old_vault_back(tmp_path, journal, usb, keywrap, monkeypatch):
    populate(journal, NAMES[:1])
    back_up(journal, usb)
    person = journal.people()[0]
    journal.add_entry(person.id, date(2026, 11, 28), "Seulement dans le coffre actuel.")
    current = dump(journal)
    journal.close()
    real_rename = os.rename
    calls = []

    def failing_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # the old vault went aside; the new one cannot come in
            raise OSError(5, "Input/output error")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(BackupError) as caught:
        restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    monkeypatch.undo()
    assert caught.value.key == "restore.not_writable"
    assert dump_vault(journal.path, keywrap) == current
    assert sorted(os.listdir(journal.path.parent)) == ["usb", "vault"]


def test_backup_module_never_imports_rich_or_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, journal.backup, journal.backup.restoring, journal.backup.drives\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')]\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
    assert backup.SET_DIR_NAME == "dentelle-backup"


def test_a_generation_from_an_older_schema_restores_and_migrates(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """A backup made by an older Dentelle (schema 1: no practice journal) still restores."""
    populate(journal, NAMES[:2])
    expected = dump(journal)
    back_up(journal, usb)

    def older(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE practice")
        conn.execute("DROP TABLE consultations")
        conn.execute("DELETE FROM meta WHERE key='practice_key'")
        conn.execute("PRAGMA user_version=1")

    # Written as Dentelle writes it: row counts, content digest and tag match the content.
    reseal_generation(usb / SET_DIR_NAME / "gen-000001.age", older)
    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    assert dump_vault(target.path, keywrap) == expected
    migrated = sqlite3.connect(target.database_file)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] >= 2
    migrated.close()


def test_a_worker_backup_never_touches_the_apps_connection(
    journal: Journal, usb: Path, tmp_path: Path, keywrap
) -> None:
    """The app runs `back_up(record=False)` in a thread, then `record_backup` itself."""
    import threading

    from journal.backup import record_backup

    person = journal.add_person("Famille Haddad")
    journal.add_entry(person.id, date(2026, 1, 5), "Avant.")

    class Forbidden:
        def __getattr__(self, name: str):
            raise AssertionError(f"the worker used the app's connection ({name})")

    app_connection, journal._db = journal._db, Forbidden()  # type: ignore[assignment]
    report = back_up(journal, usb, record=False)
    journal._db = app_connection
    assert last_backup(journal) is None
    record_backup(journal, report.created)
    assert last_backup(journal) == report.created.replace(microsecond=0)

    # And for real: the app keeps writing on its thread while the worker backs up.
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(3):
                back_up(journal, usb, record=False)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    written = 0
    while thread.is_alive():
        journal.add_entry(person.id, date(2026, 1, 6), f"Pendant la sauvegarde {written}.")
        written += 1
    thread.join()
    assert not errors
    assert written > 0
    assert all(r.ok for r in verify_set(usb, GOLDEN_IDENTITY))
