"""Finding the USB keys a worker has plugged in, so `dentelle backup` needs no path.

Where removable drives appear:

| system | where                                                                      |
|--------|----------------------------------------------------------------------------|
| Linux  | `/media/$USER/*` and `/run/media/$USER/*` (udisks), and any mount point in |
|        | `/proc/mounts` whose block device says `removable` or hangs off a USB bus   |
| macOS  | `/Volumes/*`, except the start-up disk (a symlink to `/`)                  |

Every root is a parameter so tests can build a fake `/proc` and `/sys`. Nothing here
writes or mounts anything: this only looks.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from journal.backup.sets import SET_DIR_NAME


@dataclass(frozen=True)
class Drive:
    """A mounted removable drive: where it is, a name to show, and what it holds."""

    path: Path
    label: str
    free: int | None
    has_set: bool


def _unescape(field: str) -> str:
    """`/proc/mounts` writes spaces, tabs and backslashes in octal (`\\040`)."""
    out, i = [], 0
    while i < len(field):
        digits = field[i + 1 : i + 4]
        if field[i] == "\\" and len(digits) == 3 and digits.isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _is_removable(device: str, sys_class_block: Path) -> bool:
    """True for `/dev/sdb1` when `sdb` is removable or sits on a USB bus."""
    if not device.startswith("/dev/"):
        return False
    name = os.path.basename(os.path.realpath(device)) if os.path.exists(device) else device[5:]
    node = sys_class_block / name
    try:
        resolved = node.resolve()
    except OSError:
        return False
    disk = resolved.parent if (resolved / "partition").exists() else resolved
    with contextlib.suppress(OSError):
        if (disk / "removable").read_text().strip() == "1":
            return True
    return "/usb" in str(resolved)


def _mounts(mounts_file: Path) -> list[tuple[str, str]]:
    try:
        lines = mounts_file.read_text().splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 2:
            found.append((_unescape(fields[0]), _unescape(fields[1])))
    return found


def _free(path: Path) -> int | None:
    try:
        stat = os.statvfs(path)
    except (OSError, AttributeError):
        return None
    return stat.f_bavail * stat.f_frsize


def _drive(path: Path) -> Drive:
    return Drive(
        path=path,
        label=path.name or str(path),
        free=_free(path),
        has_set=(path / SET_DIR_NAME).is_dir(),
    )


def _children(root: Path) -> list[Path]:
    try:
        return sorted(p for p in root.iterdir() if p.is_dir())
    except OSError:
        return []


def find_drives(
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    mounts_file: Path = Path("/proc/mounts"),
    sys_class_block: Path = Path("/sys/class/block"),
    media_roots: list[Path] | None = None,
    volumes: Path = Path("/Volumes"),
) -> list[Drive]:
    """Mounted removable drives, in a stable order, without duplicates."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    candidates: list[Path] = []
    if platform == "darwin":
        for child in _children(volumes):
            with contextlib.suppress(OSError):
                if child.is_symlink() and os.path.realpath(child) == "/":
                    continue  # the start-up disk
                candidates.append(child)
    else:
        user = env.get("USER") or env.get("LOGNAME")
        if not user:
            with contextlib.suppress(Exception):
                user = getpass.getuser()
        roots = media_roots
        if roots is None:
            roots = [Path("/media") / user, Path("/run/media") / user] if user else []
        mounted = _mounts(mounts_file)
        mount_points = {point for _, point in mounted}
        for root in roots:
            for child in _children(root):
                if str(child) in mount_points:  # a leftover empty folder is not a drive
                    candidates.append(child)
        for device, point in mounted:
            if _is_removable(device, sys_class_block):
                candidates.append(Path(point))
    seen: set[str] = set()
    drives = []
    for path in candidates:
        key = os.path.realpath(path)
        if key in seen or not path.is_dir():
            continue
        seen.add(key)
        drives.append(_drive(path))
    return drives
