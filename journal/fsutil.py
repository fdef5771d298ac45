"""Durable file writes: temporary name, fsync, rename, fsync the folder.

Used for key files in the vault and for backup generations. On filesystems without
permissions (FAT and exFAT USB keys) `chmod` fails with ENOSYS or EPERM: that is not
an error worth stopping for, so permission changes are best effort there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` and its missing parents, each readable by its owner only.

    A folder that already exists keeps its mode: it may be the worker's own or a shared
    one (a sticky /tmp that a vault was restored into lost its bit), and is not
    Dentelle's to change. Only the folders created here are made 0700.
    """
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made by someone else in the meantime: not ours either
        with contextlib.suppress(OSError):
            folder.chmod(PRIVATE_DIR)  # mkdir's mode is filtered by the umask


def fsync_file(path: Path) -> None:
    """Make a file's content durable, by its path (an `OSError` is the caller's to word)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (FUSE FAT) cannot fsync a folder; the file itself was synced
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """Write `data` so that `path` holds either the old content or all of the new."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def touch_private(path: Path) -> None:
    """Create an empty file readable by its owner only (before SQLite opens it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE)
    os.close(fd)
    with contextlib.suppress(OSError):
        path.chmod(PRIVATE_FILE)
