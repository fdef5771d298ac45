"""Finding plugged-in USB keys, on fake /proc/mounts, /sys and /Volumes trees."""

from __future__ import annotations

import os
from pathlib import Path

from journal.backup.drives import find_drives
from journal.backup.sets import SET_DIR_NAME


def fake_block_device(sys_root: Path, disk: str, bus: str, removable: str) -> None:
    """/sys/devices/.../<bus>/block/<disk>/<disk>1 and the /sys/class/block links."""
    device = sys_root / "devices" / "pci0000:00" / bus / "block" / disk
    (device / f"{disk}1").mkdir(parents=True)
    (device / "removable").write_text(removable + "\n")
    (device / f"{disk}1" / "partition").write_text("1\n")
    links = sys_root / "class" / "block"
    links.mkdir(parents=True, exist_ok=True)
    os.symlink(device, links / disk)
    os.symlink(device / f"{disk}1", links / f"{disk}1")


def test_linux_removable_and_usb_devices_and_udisks_folders(tmp_path: Path) -> None:
    sys_root = tmp_path / "sys"
    fake_block_device(sys_root, "sda", "ata1", "0")  # the internal disk
    fake_block_device(sys_root, "sdb", "usb1/1-1", "1")  # a USB stick
    fake_block_device(sys_root, "sdc", "usb2/2-1", "0")  # a USB disk that says fixed
    stick = tmp_path / "run" / "CLÉ USB"
    disk = tmp_path / "mnt" / "disque"
    media = tmp_path / "media" / "anne"
    other = media / "KEY2"
    for folder in (stick, disk, other):
        folder.mkdir(parents=True)
    (disk / SET_DIR_NAME).mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"/dev/sdb1 {str(stick).replace(' ', chr(92) + '040')} vfat rw 0 0\n"
        f"/dev/sdc1 {disk} exfat rw 0 0\n"
        "tmpfs /run tmpfs rw 0 0\n"
        f"/dev/sdd1 {other} vfat rw 0 0\n"
        f"/dev/sdb1 {stick}-not-there vfat rw 0 0\n"
    )
    drives = find_drives(
        environ={"USER": "anne"},
        platform="linux",
        mounts_file=mounts,
        sys_class_block=sys_root / "class" / "block",
        media_roots=[media],
    )
    assert [d.path for d in drives] == [other, stick, disk]
    assert [d.label for d in drives] == ["KEY2", "CLÉ USB", "disque"]
    assert [d.has_set for d in drives] == [False, False, True]
    assert all(d.free is not None and d.free > 0 for d in drives)


def test_a_udisks_folder_counts_only_when_mounted(tmp_path: Path) -> None:
    media = tmp_path / "media" / "anne"
    (media / "stale").mkdir(parents=True)
    (media / "CLE").mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sdz1 {media / 'CLE'} vfat rw 0 0\n")
    drives = find_drives(
        environ={"USER": "anne"},
        platform="linux",
        mounts_file=mounts,
        sys_class_block=tmp_path / "no-sys",
        media_roots=[media],
    )
    assert [d.label for d in drives] == ["CLE"]


def test_macos_volumes_without_the_startup_disk(tmp_path: Path) -> None:
    volumes = tmp_path / "Volumes"
    (volumes / "CLE").mkdir(parents=True)
    os.symlink("/", volumes / "Macintosh HD")
    drives = find_drives(platform="darwin", volumes=volumes)
    assert [d.label for d in drives] == ["CLE"]


def test_nothing_plugged_in(tmp_path: Path) -> None:
    assert (
        find_drives(
            environ={"USER": "anne"},
            platform="linux",
            mounts_file=tmp_path / "none",
            sys_class_block=tmp_path / "none",
            media_roots=[tmp_path / "none"],
        )
        == []
    )
