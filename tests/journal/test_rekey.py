"""Key rotation: new master identity and keys, every record re-sealed, swapped atomically."""

from __future__ import annotations

import base64
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal import crypto
from journal import rekey as rotation
from journal.errors import VaultDamaged, VaultLocked, WeakPassphrase
from journal.store.resealing import SEALED
from journal.vault import Vault
from tests.journal.rekey_helpers import (
    NEW_PASSPHRASE,
    OLD_PASSPHRASE,
    FastKeyWrap,
    dump,
    fill,
    make_vault,
)

ROOT = Path(__file__).resolve().parents[2]


def raw_rows(vault: Vault, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{vault.database_file.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def sealed_values(vault: Vault) -> dict[tuple[str, str, str], bytes]:
    values = {}
    for sealed in SEALED:
        rows = raw_rows(
            vault,
            f"SELECT {sealed.ids[0]}, {sealed.column} FROM {sealed.table} "
            f"WHERE {sealed.column} IS NOT NULL",
        )
        values.update({(sealed.table, sealed.column, key): blob for key, blob in rows})
    return values


def test_old_identity_file_and_old_passphrase_cannot_open_notes_written_after(
    tmp_path: Path,
) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    with vault.unlock(OLD_PASSPHRASE) as journal:
        person = journal.add_person("Awa")
        journal.add_entry(person.id, date(2026, 3, 1), "avant")
    on_usb_key = vault.identity_file.read_bytes()  # the copy a lost USB key carries

    identity = vault.unwrap_identity(OLD_PASSPHRASE)
    vault.rekey(identity, NEW_PASSPHRASE)
    with vault.unlock(NEW_PASSPHRASE) as journal:
        journal.add_entry(person.id, date(2026, 3, 2), "après la clé perdue")

    old = crypto.identity_from_bytes(FastKeyWrap().unwrap(OLD_PASSPHRASE, on_usb_key))
    with pytest.raises(VaultDamaged):
        vault.open(old)
    # Nor by hand: no wrapped key of the vault opens with the old identity.
    wrapped = [row[0] for row in raw_rows(vault, "SELECT wrapped_key FROM people")]
    wrapped += [
        base64.b64decode(row[0])
        for row in raw_rows(
            vault, "SELECT value FROM meta WHERE key IN ('person_keys', 'practice_key')"
        )
    ]
    assert len(wrapped) == 3
    for blob in wrapped:
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(blob, [old])
    with pytest.raises(VaultLocked):
        vault.unwrap_identity(OLD_PASSPHRASE)


def test_every_record_reads_the_same_after_rekey_and_every_value_is_new(tmp_path: Path) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal)
        journal.forget_person(journal.add_person("Oubliée").id)
        before = dump(journal)
    values_before = sealed_values(vault)
    wrapped_before = raw_rows(vault, "SELECT id, wrapped_key FROM people ORDER BY id")

    report = vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    assert sorted(p.name for p in vault.path.iterdir()) == [
        ".lock",
        "dentelle.db",
        "identity.age",
        "recovery.age",
    ]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in vault.path.iterdir())

    with vault.unlock(NEW_PASSPHRASE) as journal:
        assert dump(journal) == before
    values_after = sealed_values(vault)
    assert values_after.keys() == values_before.keys()
    assert report.values == len(values_before)
    assert report.people == 3
    # Tables of every kind were covered, and no ciphertext or wrapped key survived.
    assert {table for table, _, _ in values_before} == {s.table for s in SEALED}
    assert not any(values_after[k] == values_before[k] for k in values_before)
    wrapped_after = raw_rows(vault, "SELECT id, wrapped_key FROM people ORDER BY id")
    assert [i for i, _ in wrapped_after] == [i for i, _ in wrapped_before]
    assert not any(a == b for (_, a), (_, b) in zip(wrapped_after, wrapped_before, strict=True))


def test_the_registry_names_every_sealed_column(tmp_path: Path) -> None:
    """A table added later (by another branch) without its entry in SEALED fails here."""
    vault, _ = make_vault(tmp_path / "vault")
    vault.open(vault.unwrap_identity(OLD_PASSPHRASE)).close()
    # An age file, rewrapped on its own; the integrity tags, recomputed by rebuild_integrity.
    not_sealed = {("people", "wrapped_key"), ("integrity", "tag")}
    blobs = set()
    for (table,) in raw_rows(vault, "SELECT name FROM sqlite_schema WHERE type='table'"):
        for column in raw_rows(vault, f"PRAGMA table_info({table})"):
            if column[2].upper() == "BLOB":
                blobs.add((table, column[1]))
    assert blobs - not_sealed == {(s.table, s.column) for s in SEALED}


def test_rekey_refuses_a_weak_passphrase_and_changes_nothing(tmp_path: Path) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    files = {p.name: p.read_bytes() for p in vault.path.iterdir()}
    with pytest.raises(WeakPassphrase):
        vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), "court")
    assert {p.name: p.read_bytes() for p in vault.path.iterdir()} == files


def test_the_recovery_code_opens_the_new_vault_and_the_old_code_does_not(tmp_path: Path) -> None:
    vault, old_code = make_vault(tmp_path / "vault")
    report = vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    assert report.recovery_code != old_code
    vault.open(vault.unwrap_with_recovery_code(report.recovery_code.lower())).close()
    with pytest.raises(VaultLocked):
        vault.unwrap_with_recovery_code(old_code)


def test_a_new_recovery_code_replaces_the_old_one(tmp_path: Path) -> None:
    vault, old_code = make_vault(tmp_path / "vault")
    identity = vault.unwrap_with_recovery_code(old_code)
    code = vault.new_recovery_code(identity)
    assert code != old_code
    assert str(vault.unwrap_with_recovery_code(code)) == str(identity)
    with pytest.raises(VaultLocked):
        vault.unwrap_with_recovery_code(old_code)


def test_a_failure_before_the_commit_leaves_the_old_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=1)
        before = dump(journal)
    files = {p.name: p.read_bytes() for p in vault.path.iterdir()}

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rotation, "close_keeping_lock", fail)
    with pytest.raises(Exception) as caught:
        vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    assert caught.value.key == "vault.not_writable"
    assert {p.name: p.read_bytes() for p in vault.path.iterdir()} == files
    with vault.unlock(OLD_PASSPHRASE) as journal:
        assert dump(journal) == before


def test_a_crash_after_the_commit_is_finished_at_the_next_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    with vault.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=1)
        before = dump(journal)
    real_replace = os.replace
    renamed = []

    def crash_after_the_database(source: object, target: object) -> None:
        if str(source).endswith(rotation.STAGED_SUFFIX):
            if renamed:
                raise KeyboardInterrupt  # the process dies between two renames
            renamed.append(target)
        real_replace(source, target)

    monkeypatch.setattr(rotation.os, "replace", crash_after_the_database)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(vault.unwrap_identity(OLD_PASSPHRASE), NEW_PASSPHRASE)
    monkeypatch.setattr(rotation.os, "replace", real_replace)
    assert (vault.path / rotation.COMMIT_FILE).exists()  # new database, old identity file

    with vault.unlock(NEW_PASSPHRASE) as journal:
        assert dump(journal) == before
    assert not rotation.pending(vault.path)


KILL_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from journal.vault import Vault
from tests.journal.rekey_helpers import FastKeyWrap, OLD_PASSPHRASE, NEW_PASSPHRASE
vault = Vault(sys.argv[2], keywrap=FastKeyWrap())
identity = vault.unwrap_identity(OLD_PASSPHRASE)
print("ready", flush=True)
vault.rekey(identity, NEW_PASSPHRASE)
print("done", flush=True)
"""


def run_rekey(vault_path: Path, delay: float | None) -> float:
    """Rekey in a child process; kill -9 it `delay` seconds after it is ready."""
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(ROOT), str(vault_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    start = time.perf_counter()
    if delay is None:
        assert child.stdout.readline() == "done\n"
        elapsed = time.perf_counter() - start
        child.wait()
        return elapsed
    # The point of the test: a kill at an arbitrary moment, unless the rekey ends first.
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
    child.stdout.close()
    return delay


def test_kill_9_at_random_moments_leaves_the_old_vault_or_the_new(tmp_path: Path) -> None:
    base, _ = make_vault(tmp_path / "base")
    with base.unlock(OLD_PASSPHRASE) as journal:
        fill(journal, people=20, entries=15)  # 300 entries, 150 earlier versions
        expected = dump(journal)
    once = tmp_path / "once"
    shutil.copytree(base.path, once)
    duration = run_rekey(once, None)

    rng = random.Random(20261207)
    outcomes = set()
    for attempt in range(10):
        target = tmp_path / f"killed-{attempt}"
        shutil.copytree(base.path, target)
        run_rekey(target, rng.uniform(0, duration))
        vault = Vault(target, keywrap=FastKeyWrap())
        try:
            identity = vault.unwrap_identity(NEW_PASSPHRASE)
            outcomes.add("new")
        except VaultLocked:
            identity = vault.unwrap_identity(OLD_PASSPHRASE)
            outcomes.add("old")
        with vault.open(identity) as journal:
            assert dump(journal) == expected
        assert not rotation.pending(target)
    assert outcomes  # which ones depends on the machine's speed; both are correct


def test_leftovers_are_left_alone_while_the_vault_is_open_elsewhere(tmp_path: Path) -> None:
    vault, _ = make_vault(tmp_path / "vault")
    leftover = rotation.staged(vault.path, "dentelle.db")
    with vault.unlock(OLD_PASSPHRASE):
        leftover.write_bytes(b"half a database")
        vault.require()  # the lock is held (by a rekey, or an app): nothing is touched
        assert leftover.exists()
    vault.require()
    assert not leftover.exists()
    vault.open(vault.unwrap_identity(OLD_PASSPHRASE)).close()


def test_a_vault_of_the_first_format_is_migrated_then_rekeyed(tmp_path: Path) -> None:
    """The committed golden vault (schema 1): everything it holds reads the same after."""
    from tests.conftest import GOLDEN, GOLDEN_IDENTITY

    target = tmp_path / "golden"
    shutil.copytree(GOLDEN, target)
    vault = Vault(target, keywrap=FastKeyWrap())
    with vault.open(GOLDEN_IDENTITY) as journal:
        before = dump(journal)
    assert before["entries"]
    vault.rekey(GOLDEN_IDENTITY, NEW_PASSPHRASE)
    with vault.unlock(NEW_PASSPHRASE) as journal:
        assert dump(journal) == before
