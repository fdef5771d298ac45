"""Process hygiene and folders Dentelle did not create (issue 11, item 6)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.backup import back_up, restore
from journal.fsutil import make_private_dir
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap
from tests.journal.backup_helpers import populate

ROOT = Path(__file__).parents[2]


def test_restore_keeps_the_mode_of_a_shared_parent_folder(
    tmp_path: Path, journal: Journal, keywrap: MemoKeyWrap
) -> None:
    """A vault restored into a sticky, shared folder (like /tmp): the folder keeps 1777."""
    populate(journal, ["Zoé"])
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    journal.close()
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    restore(usb, Vault(shared / "vault", keywrap=keywrap), GOLDEN_IDENTITY)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "vault").stat().st_mode) == 0o700  # its own: private


def test_make_private_dir_changes_only_the_folders_it_creates(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    make_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    for created in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(created.stat().st_mode) == 0o700
    (tmp_path / "a").chmod(0o750)
    make_private_dir(tmp_path / "a" / "b")  # already there: left alone
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o750


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_harden_process_disables_core_dumps_and_ptrace() -> None:
    code = (
        "import ctypes, resource\n"
        "from journal.hygiene import harden_process\n"
        "harden_process()\n"
        "harden_process()  # twice: the CLI opening the app\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split(maxsplit=1) == ["0", "(0, 0)\n"]


def test_harden_process_is_a_no_op_where_the_system_has_neither(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from journal import hygiene

    monkeypatch.setattr(hygiene.sys, "platform", "darwin")
    monkeypatch.setitem(sys.modules, "resource", None)  # no `resource` module (Windows)
    hygiene.harden_process()  # nothing raised
