"""The reference Go `age` command opens what a backup writes, with the master identity.

A worker (or whoever helps them) must be able to read a backup without Dentelle: a
generation is an age file to the master recipient holding a SQLite database, the
keyring an age file holding JSON. Skipped with a reason where `age` is not installed
(`.ci/run` installs it on Debian).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from journal import crypto
from journal.backup import back_up
from journal.backup.sets import KEYRING_FILE, SET_DIR_NAME
from journal.store import Journal
from tests.conftest import GOLDEN_IDENTITY
from tests.journal.backup_helpers import populate

AGE = shutil.which("age")
pytestmark = pytest.mark.skipif(AGE is None, reason="the Go age command is not installed")


def age_decrypt(path: Path, identity_file: Path) -> bytes:
    done = subprocess.run(
        [AGE, "-d", "-i", str(identity_file), str(path)], capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def test_go_age_opens_a_generation_and_the_keyring(journal: Journal, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    ids = populate(journal)
    back_up(journal, usb)
    identity_file = tmp_path / "identity.txt"
    identity_file.write_bytes(crypto.identity_to_bytes(GOLDEN_IDENTITY) + b"\n")
    os.chmod(identity_file, 0o600)
    set_dir = usb / SET_DIR_NAME

    plain = age_decrypt(set_dir / "gen-000001.age", identity_file)
    assert plain[:16] == b"SQLite format 3\x00"
    copy = tmp_path / "generation.db"
    copy.write_bytes(plain)
    conn = sqlite3.connect(copy)
    try:
        assert sorted(row[0] for row in conn.execute("SELECT id FROM people")) == sorted(ids)
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 9
    finally:
        conn.close()

    keyring = json.loads(age_decrypt(set_dir / KEYRING_FILE, identity_file))
    assert sorted(keyring["keys"]) == sorted(ids)
