"""Backups on a real FAT filesystem, as on a worker's USB key.

A FAT image is made with `mkfs.vfat` and mounted through FUSE with `fusefat` (no kernel
module needed, but root and /dev/fuse are): there `chmod` fails with ENOSYS, ':' is
refused in names, and a full volume answers EPERM. The image is unmounted and mounted
again before restoring, so what is restored is what reached the image.

Needs Debian's `dosfstools` and `fusefat` (which brings `fuse`); every test here skips
with the reason when they or /dev/fuse are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from journal.backup import back_up, describe_set, restore, unlock_set, verify_set
from journal.backup import write as backup_write
from journal.backup.sets import SET_DIR_NAME, generation_files
from journal.errors import BackupError
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE, GOLDEN_RECOVERY_CODE
from tests.journal.backup_helpers import dump, dump_vault, populate


def _missing() -> str | None:
    for tool in ("mkfs.vfat", "fusefat", "fusermount"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install dosfstools fusefat)"
    if not os.path.exists("/dev/fuse"):
        return "/dev/fuse is missing (FUSE is unavailable here)"
    if os.geteuid() != 0 and not os.access("/dev/fuse", os.R_OK | os.W_OK):
        return "/dev/fuse is not usable by this user"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


MOUNT_TIMEOUT = 30.0
"""Seconds a mount or unmount may take. Generous: on a busy machine a slow mount must not
turn into a skipped test (it was 5 s)."""


class FatKey:
    """A FAT image file and where it is mounted; `plug()` and `unplug()` it."""

    def __init__(self, image: Path, mount: Path) -> None:
        self.image = image
        self.mount = mount

    def plug(self) -> Path:
        self.mount.mkdir(exist_ok=True)
        result = subprocess.run(
            ["fusefat", "-o", "rw+", str(self.image), str(self.mount)],
            capture_output=True,
            text=True,
            check=False,
        )
        deadline = time.monotonic() + MOUNT_TIMEOUT
        while not os.path.ismount(self.mount) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not os.path.ismount(self.mount):
            pytest.skip(f"fusefat could not mount a FAT image here: {result.stderr.strip()}")
        return self.mount

    def unplug(self) -> None:
        for args in (["fusermount", "-u"], ["fusermount", "-u", "-z"]):
            if not os.path.ismount(self.mount):
                return
            subprocess.run([*args, str(self.mount)], capture_output=True, check=False)
            deadline = time.monotonic() + MOUNT_TIMEOUT
            while os.path.ismount(self.mount) and time.monotonic() < deadline:
                time.sleep(0.05)


@pytest.fixture
def fat_key(tmp_path: Path) -> Iterator[Callable[[int], FatKey]]:
    """A factory of mounted FAT keys of a given size in KiB, all unmounted at the end."""
    keys: list[FatKey] = []

    def make(size_kib: int) -> FatKey:
        image = tmp_path / f"key{len(keys)}.img"
        with image.open("wb") as file:
            file.truncate(size_kib * 1024)
        subprocess.run(["mkfs.vfat", "-n", "CLE", str(image)], capture_output=True, check=True)
        key = FatKey(image, tmp_path / f"mnt{len(keys)}")
        keys.append(key)
        key.plug()
        return key

    yield make
    for key in keys:
        key.unplug()


@pytest.mark.parametrize("secret", ["passphrase", "recovery code"])
def test_restore_from_a_fat_key_on_a_fresh_home(
    tmp_path: Path, journal: Journal, keywrap, fat_key, secret: str
) -> None:
    key = fat_key(32 * 1024)
    populate(journal)
    back_up(journal, key.mount)
    person = journal.people()[0]
    journal.add_entry(person.id, date(2026, 11, 28), "Deuxième sauvegarde, sur FAT.")
    back_up(journal, key.mount)
    expected = dump(journal)
    with pytest.raises(OSError):
        os.chmod(key.mount / SET_DIR_NAME / "gen-000001.age", 0o600)  # FAT: no permissions
    journal.close()
    shutil.rmtree(journal.path)
    key.unplug()
    key.plug()  # what is restored is what reached the image

    fresh = Vault(tmp_path / "new-home" / "vault", keywrap=keywrap)
    if secret == "passphrase":
        identity = unlock_set(key.mount, keywrap, passphrase=GOLDEN_PASSPHRASE)
    else:
        identity = unlock_set(key.mount, keywrap, recovery_code=GOLDEN_RECOVERY_CODE)
    assert all(r.ok for r in verify_set(key.mount, identity))
    report = restore(key.mount, fresh, identity)
    assert report.number == 2
    assert dump_vault(fresh.path, keywrap) == expected
    first = Vault(tmp_path / "first" / "vault", keywrap=keywrap)
    restore(key.mount, first, identity, generation=1)
    assert len(dump_vault(first.path, keywrap)) == len(expected)


def _grow(journal: Journal, person_id: str, count: int, seed: int) -> None:
    text = "".join(chr(0x61 + (seed * 7 + i * 13) % 26) for i in range(1700))
    for n in range(count):
        journal.add_entry(person_id, date(2026, 1, 1 + n % 28), f"{n} {seed} {text}")


@pytest.mark.parametrize("precheck", [True, False], ids=["said-before", "mid-write"])
def test_a_tiny_fat_key_that_fills_up(
    tmp_path: Path, journal: Journal, keywrap, fat_key, monkeypatch, precheck: bool
) -> None:
    """A key that reports its free space: the backup says it is full before writing.
    One that cannot (some FUSE filesystems report no sizes): the write runs into the
    full volume halfway (EPERM under fusefat), and is undone."""
    size_kib = 2048
    key = fat_key(size_kib)
    person = journal.add_person("Famille Haddad")
    _grow(journal, person.id, 250, seed=1)
    back_up(journal, key.mount)
    first = dump(journal)
    folder = key.mount / SET_DIR_NAME
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    free = size_kib * 1024 - sum(len(data) for data in before.values())
    while (journal.path / "dentelle.db").stat().st_size < free + 100_000:
        _grow(journal, person.id, 100, seed=2)
        journal.checkpoint()
    if not precheck:
        monkeypatch.setattr(backup_write, "_free_space", lambda path: None)
    with pytest.raises(BackupError) as caught:
        back_up(journal, key.mount)
    monkeypatch.undo()
    assert caught.value.key == ("backup.full" if precheck else "backup.full_during")
    assert "pleine" in caught.value.message("fr") or "remplie" in caught.value.message("fr")
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    if not precheck:  # the keyring is written first, and may be new: it is a superset
        assert after.pop("keyring.age") and before.pop("keyring.age")
    assert after == before  # nothing half-written, nothing lost
    assert list(generation_files(folder)) == [1]
    assert [g.ok for g in describe_set(key.mount).generations] == [True]

    key.unplug()
    key.plug()
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    restore(key.mount, target, GOLDEN_IDENTITY)
    assert dump_vault(target.path, keywrap) == first
