"""A USB key that fills up, is pulled out, lies, or comes back altered.

Faults are injected at every file operation a backup makes on the key, one at a time
(the k-th operation raises `OSError`), and after each the set must still hold every
earlier generation, whole and restorable, and nothing half-written that looks like a
generation. Then bytes are flipped and cut at many places of a generation: each time the
damage is reported clearly, naming the generations that are fine, and nothing is
restored.
"""

from __future__ import annotations

import errno
import io
import os
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from journal.backup import back_up, describe_set, restore, verify_set
from journal.backup import write as backup_write
from journal.backup.sets import KEYRING_FILE, SET_DIR_NAME, generation_files, open_generation
from journal.errors import BackupError
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap
from tests.journal.backup_helpers import NAMES, dump, dump_vault, populate


class Faults:
    """Wraps the `os` calls that touch files under `root`; the `at`-th one fails.

    Counted: opening, writing, reading, fsync, rename/replace, unlink and mkdir under
    `root` (descriptors are followed from `os.open`). `count` is how many happened.
    """

    NAMES = ("open", "write", "read", "fsync", "replace", "rename", "unlink", "mkdir")

    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path, at: int | None, code: int):
        self.root = str(root)
        self.at = at
        self.code = code
        self.count = 0
        self.fds: set[int] = set()
        self.real = {name: getattr(os, name) for name in self.NAMES}
        for name in self.NAMES:
            monkeypatch.setattr(os, name, self._wrap(name))

    def _mine(self, name: str, args: tuple) -> bool:
        first = args[0] if args else None
        if name in ("write", "read", "fsync"):
            return first in self.fds
        return str(first).startswith(self.root) or (
            name in ("replace", "rename") and str(args[1]).startswith(self.root)
        )

    def _wrap(self, name: str):
        real = self.real[name]

        def call(*args, **kwargs):
            if self._mine(name, args):
                self.count += 1
                if self.count == self.at:
                    raise OSError(self.code, os.strerror(self.code))
                result = real(*args, **kwargs)
                if name == "open":
                    self.fds.add(result)
                return result
            return real(*args, **kwargs)

        return call


@pytest.fixture
def history(journal: Journal, tmp_path: Path) -> tuple[Path, list[dict]]:
    """A pristine set with generations 1 and 2, the vault moved on since: dumps 1, 2, 3."""
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    ids = populate(journal, NAMES[:2])
    dumps = []
    back_up(journal, pristine)
    dumps.append(dump(journal))
    journal.add_entry(ids[0], date(2026, 11, 20), "Deuxième sauvegarde.")
    back_up(journal, pristine)
    dumps.append(dump(journal))
    journal.add_entry(ids[1], date(2026, 11, 21), "Troisième, jamais encore sauvegardée.")
    journal.add_person("Nouvelle personne depuis la dernière sauvegarde")
    dumps.append(dump(journal))
    return pristine, dumps


def check_set(
    usb: Path, dumps: list[dict], tmp_path: Path, keywrap: MemoKeyWrap, every: bool = True
) -> list[int]:
    """Every generation present checks whole and restores to what it held (or the latest
    only, when `every` is false, to keep the matrix fast); returns their numbers."""
    numbers = list(generation_files(usb / SET_DIR_NAME))
    assert numbers[:2] == [1, 2] and set(numbers) <= {1, 2, 3}, numbers
    leftovers = [n for n in os.listdir(usb / SET_DIR_NAME) if n.endswith(".tmp")]
    assert not leftovers
    assert all(r.ok for r in verify_set(usb, GOLDEN_IDENTITY))
    for number in numbers if every else numbers[-1:]:
        target = Vault(tmp_path / f"check-{number}" / "vault", keywrap=keywrap)
        restore(usb, target, GOLDEN_IDENTITY, generation=number)
        assert dump_vault(target.path, keywrap) == dumps[number - 1], number
        shutil.rmtree(target.path.parent)
    return numbers


def test_a_fault_at_every_write_leaves_earlier_generations_whole(
    history, journal: Journal, tmp_path: Path, keywrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    pristine, dumps = history
    usb = tmp_path / "usb"
    shutil.copytree(pristine, usb)
    with monkeypatch.context() as patch:
        counter = Faults(patch, usb, at=None, code=errno.EIO)
        back_up(journal, usb)
    total = counter.count
    assert total > 25  # identity copies are unchanged; keyring, generation, manifest are not
    outcomes: dict[str, int] = {}
    for code in (errno.ENOSPC, errno.EIO, errno.ENOENT):
        for at in range(1, total + 1):
            shutil.rmtree(usb)
            shutil.copytree(pristine, usb)
            with monkeypatch.context() as patch:
                Faults(patch, usb, at=at, code=code)
                try:
                    back_up(journal, usb)
                    outcome = "ok"
                except BackupError as error:
                    outcome = error.key
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            assert outcome in {
                "ok",
                "backup.full_during",
                "backup.io",
                "backup.after_commit",
            }, (code, at, outcome)
            if code == errno.ENOSPC and outcome not in ("ok", "backup.after_commit"):
                assert outcome == "backup.full_during"
            numbers = check_set(usb, dumps, tmp_path, keywrap, every=code == errno.ENOSPC)
            if outcome in ("ok", "backup.after_commit"):
                assert numbers == [1, 2, 3]
            else:
                assert numbers == [1, 2], (code, at)
    assert outcomes["backup.io"] and outcomes["backup.full_during"]


def test_a_fault_while_restoring_leaves_the_current_vault(
    history, journal: Journal, tmp_path: Path, keywrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    pristine, dumps = history
    journal.close()
    current = dump_vault(journal.path, keywrap)
    vault = Vault(journal.path, keywrap=keywrap)
    root = journal.path.parent  # the vault, its hidden staging neighbours, and the set
    with monkeypatch.context() as patch:
        counter = Faults(patch, root, at=None, code=errno.EIO)
        restore(pristine, vault, GOLDEN_IDENTITY)
    restore(pristine, vault, GOLDEN_IDENTITY, generation=1)  # back to a known state
    total = counter.count
    assert total > 20
    for code in (errno.ENOSPC, errno.EIO):
        for at in range(1, total + 1):
            before = dump_vault(journal.path, keywrap)
            with monkeypatch.context() as patch:
                Faults(patch, root, at=at, code=code)
                try:
                    restore(pristine, vault, GOLDEN_IDENTITY)
                    failed = False
                except BackupError as error:
                    expected = ("restore.not_writable", "restore.unverified", "backup.io")
                    assert error.key in expected, (at, error.key)
                    failed = True
            after = dump_vault(journal.path, keywrap)
            assert after == (before if failed else dumps[1]), at
            assert sorted(os.listdir(root)) == ["pristine", "vault"], at
            restore(pristine, vault, GOLDEN_IDENTITY, generation=1)
    assert current != dumps[0]


def test_a_key_that_lies_about_what_it_stored(
    history, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read-back comes from the device: a bit that changed there is caught."""
    pristine, _ = history
    real_read = os.read

    def lying_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".gen-000003.age.tmp") and len(data) > 9:
            data = data[:9] + bytes([data[9] ^ 0x20]) + data[10:]
        return data

    monkeypatch.setattr(os, "read", lying_read)
    with pytest.raises(BackupError) as caught:
        back_up(journal, pristine)
    monkeypatch.undo()
    assert caught.value.key == "backup.verify_failed"
    assert list(generation_files(pristine / SET_DIR_NAME)) == [1, 2]
    assert not [n for n in os.listdir(pristine / SET_DIR_NAME) if n.endswith(".tmp")]


def test_a_full_key_is_said_before_anything_is_written(
    history, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    pristine, _ = history
    before = {p.name: p.read_bytes() for p in (pristine / SET_DIR_NAME).iterdir()}
    monkeypatch.setattr(backup_write, "_free_space", lambda path: 3000)
    with pytest.raises(BackupError) as caught:
        back_up(journal, pristine)
    assert caught.value.key == "backup.full"
    assert caught.value.params["free"] == 3000
    assert "il reste 3,0 ko" in caught.value.message("fr")
    assert "3.0 kB are left" in caught.value.message("en")
    after = {p.name: p.read_bytes() for p in (pristine / SET_DIR_NAME).iterdir()}
    assert after == before


def test_eperm_on_a_full_fat_key_reads_as_full(
    history, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fusefat answers EPERM, not ENOSPC, when the volume is full."""
    pristine, _ = history
    real_write = os.write

    class Full:
        f_blocks, f_bavail, f_frsize = 512, 0, 4096

    class Room:
        f_blocks, f_bavail, f_frsize = 10**6, 10**6, 4096

    def write(fd: int, data) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".gen-000003.age.tmp"):
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "fstatvfs", lambda fd: Full)
    with pytest.raises(BackupError) as caught:
        back_up(journal, pristine)
    assert caught.value.key == "backup.full_during"
    monkeypatch.setattr(os, "fstatvfs", lambda fd: Room)
    with pytest.raises(BackupError) as caught:
        back_up(journal, pristine)
    assert caught.value.key == "backup.not_writable"


def flips(size: int) -> list[int]:
    rng = random.Random(7)
    fixed = [0, 1, 21, 40, 80, 120, 200, size // 2, size - 40, size - 17, size - 1]
    return sorted({p for p in fixed if 0 <= p < size} | {rng.randrange(size) for _ in range(24)})


def cuts(size: int) -> list[int]:
    return sorted({0, 1, 30, 100, 250, size // 3, size // 2, size - 100, size - 17, size - 1})


@pytest.mark.parametrize("damage", ["flip", "cut"])
def test_an_altered_generation_is_caught_and_nothing_is_restored(
    history, journal: Journal, tmp_path: Path, keywrap, damage: str
) -> None:
    pristine, _ = history
    latest = pristine / SET_DIR_NAME / "gen-000002.age"
    original = latest.read_bytes()
    positions = flips(len(original)) if damage == "flip" else cuts(len(original))
    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    for position in positions:
        if damage == "flip":
            altered = bytearray(original)
            altered[position] ^= 1 << (position % 8)
            latest.write_bytes(bytes(altered))
        else:
            latest.write_bytes(original[:position])
        with pytest.raises(BackupError) as caught:
            restore(pristine, target, GOLDEN_IDENTITY)
        assert caught.value.key == "backup.damaged", position
        assert caught.value.params == {"number": 2, "good": "1"}
        assert caught.value.message("fr") == (
            "Cette sauvegarde est abîmée (n° 2) ; les précédentes sont intactes : n° 1."
        )
        assert not target.path.parent.exists(), position
        assert [r.ok for r in verify_set(pristine, GOLDEN_IDENTITY)] == [True, False]
    latest.write_bytes(original)
    assert [r.ok for r in verify_set(pristine, GOLDEN_IDENTITY)] == [True, True]
    restore(pristine, target, GOLDEN_IDENTITY)


def test_a_truncated_generation_shows_in_the_listing(history) -> None:
    pristine, _ = history
    latest = pristine / SET_DIR_NAME / "gen-000002.age"
    latest.write_bytes(latest.read_bytes()[:-100])
    assert [g.ok for g in describe_set(pristine).generations] == [True, False]


def test_a_generation_renamed_or_from_another_set_is_caught(
    history, journal: Journal, tmp_path: Path, keywrap
) -> None:
    """age has no associated data: the number and vault id inside the file bind it."""
    pristine, _ = history
    folder = pristine / SET_DIR_NAME
    (folder / "gen-000002.age").write_bytes((folder / "gen-000001.age").read_bytes())
    with pytest.raises(BackupError) as caught:
        restore(pristine, Vault(tmp_path / "x", keywrap=keywrap), GOLDEN_IDENTITY)
    assert caught.value.key == "backup.damaged"
    with pytest.raises(Exception) as raised:
        open_generation(folder / "gen-000001.age", 1, GOLDEN_IDENTITY, vault_id="0" * 16)
    assert type(raised.value).__name__ == "GenerationDamaged"


def test_every_generation_damaged(history, tmp_path: Path, keywrap) -> None:
    pristine, _ = history
    for path in generation_files(pristine / SET_DIR_NAME).values():
        path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(BackupError) as caught:
        restore(pristine, Vault(tmp_path / "x", keywrap=keywrap), GOLDEN_IDENTITY, generation=1)
    assert caught.value.key == "backup.damaged_all"


def test_an_older_damaged_generation_names_the_others(history, tmp_path: Path, keywrap) -> None:
    pristine, _ = history
    first = pristine / SET_DIR_NAME / "gen-000001.age"
    first.write_bytes(first.read_bytes()[:-1])
    with pytest.raises(BackupError) as caught:
        restore(pristine, Vault(tmp_path / "x", keywrap=keywrap), GOLDEN_IDENTITY, generation=1)
    assert caught.value.key == "backup.damaged_others"
    assert caught.value.message("en") == (
        "This backup is damaged (no. 1); the others are fine: no. 2."
    )


@pytest.mark.parametrize("damage", ["flip", "cut", "remove"])
def test_a_damaged_keyring_is_said_and_nothing_restored(
    history, tmp_path: Path, keywrap, damage: str
) -> None:
    pristine, _ = history
    keyring = pristine / SET_DIR_NAME / KEYRING_FILE
    data = keyring.read_bytes()
    if damage == "flip":
        keyring.write_bytes(data[:150] + bytes([data[150] ^ 4]) + data[151:])
    elif damage == "cut":
        keyring.write_bytes(data[: len(data) // 2])
    else:
        keyring.unlink()
    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(pristine, target, GOLDEN_IDENTITY)
    assert caught.value.key == "backup.keyring_damaged"
    assert not target.path.parent.exists()
    with pytest.raises(BackupError):
        verify_set(pristine, GOLDEN_IDENTITY)


def test_a_damaged_keyring_is_rebuilt_by_the_next_backup(history, journal: Journal, tmp_path):
    pristine, dumps = history
    keyring = pristine / SET_DIR_NAME / KEYRING_FILE
    keyring.write_bytes(keyring.read_bytes()[:-5])
    report = back_up(journal, pristine)
    assert report.number == 3
    assert all(r.ok for r in verify_set(pristine, GOLDEN_IDENTITY))


def test_a_full_disk_while_decrypting_is_said_as_such(
    history, tmp_path: Path, keywrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generation is decrypted onto this computer's disk: when that disk is full, the
    message says so (not that the backup is damaged), and nothing is left behind."""
    pristine, _ = history
    from journal.backup import io as backup_io

    class FullFile(io.FileIO):
        def write(self, data) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_io, "open", lambda path, mode: FullFile(path, "w"), raising=False)
    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(pristine, target, GOLDEN_IDENTITY)
    assert caught.value.key == "restore.not_writable"
    assert "No space left" in caught.value.message("en")
    assert not target.path.parent.exists()


def test_a_writer_thread_that_ends_unexpectedly_fails_closed() -> None:
    """Device writes run in a thread of their own (`Behind`): whatever ends that thread,
    the chunks given after are never silently dropped, nor does the giver wait for ever."""
    from journal.backup.behind import HANDOVER, Behind

    consumed = []

    def consume(data: bytes) -> None:
        consumed.append(len(data))
        if len(consumed) == 2:
            raise SystemExit  # not an Exception: it used to end the thread unsaid

    behind = Behind(consume, "test-writer")
    with pytest.raises(BaseException):  # noqa: B017, PT011 (whatever ended it is said)
        for _ in range(12):  # more than the queue holds
            behind.give(b"x" * HANDOVER)
        behind.finish()
    assert behind.error is not None
    behind.finish()
    with pytest.raises(BaseException):  # noqa: B017, PT011
        behind.give(b"late")


def test_a_device_writer_says_a_short_write(tmp_path: Path) -> None:
    """What reached the device is compared with what was given, not only read back."""
    from journal.backup import io as backup_io

    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        writer = backup_io.DeviceWriter(fd, backup_io.no_progress, "", 0)
        writer.write(b"a" * 1000)
        writer._behind.given += 1  # as if a chunk given had been lost on the way
        with pytest.raises(OSError):
            writer.finish()
    finally:
        os.close(fd)
