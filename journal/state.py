"""What the app remembers between sessions outside the vault: the last folders used.

A small JSON file in the platform's user state folder (`dentelle` below it), or
`$DENTELLE_STATE` when set. It holds folders only, never a file name: a file name may
carry a person's name, and nothing about a person is ever kept in clear outside the
vault. A missing or unreadable file is the same as an empty one: forgetting a folder
must never stop a worker.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_state_dir

from journal.fsutil import make_private_dir, write_atomic

STATE_VARIABLE = "DENTELLE_STATE"


def state_file() -> Path:
    if os.environ.get(STATE_VARIABLE):
        return Path(os.environ[STATE_VARIABLE]).expanduser()
    return Path(user_state_dir("dentelle", appauthor=False)) / "state.json"


def _load() -> dict[str, object]:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, object]) -> None:
    path = state_file()
    try:
        make_private_dir(path.parent)
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode())
    except OSError:
        pass  # best effort: the export itself is written


def last_folder(use: str) -> Path | None:
    """The folder last used for `use` ("export", "backup"), if it still exists."""
    value = _load().get(f"{use}_folder")
    if not isinstance(value, str):
        return None
    folder = Path(value)
    return folder if folder.is_dir() else None


def remember_folder(use: str, folder: Path) -> None:
    """Remember `folder` (a folder, never a file: a file name may hold a person's name)."""
    data = _load()
    data[f"{use}_folder"] = str(folder)
    _save(data)


def export_folder() -> Path | None:
    return last_folder("export")


def remember_export_folder(folder: Path) -> None:
    remember_folder("export", folder)
