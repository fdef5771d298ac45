"""A backup set across a key rotation (`dentelle rekey`): the keys of earlier generations.

A generation is age-encrypted to the master recipient of its day and its people's keys
live in the keyring, wrapped to that master. After a rekey, the first backup to a set
finds a keyring encrypted to another master (age says so in its header, unlike a
damaged keyring: `other_master`). Rather than overwrite it (every earlier
generation would then be lost), it *retires* the set's key files under a name that says
up to which generation they open:

    identity.upto-000012.age   recovery.upto-000012.age   keyring.upto-000012.age

so generations 1 to 12 still open with the old passphrase or the old recovery code
(`keys_for`), and the new `identity.age`, `recovery.age` and `keyring.age` open the
generations written after. Retired files go when no kept generation needs them.

Erasure comes first: retired keys cannot be rewritten without the old identity, so if
anyone was forgotten, or an entry or version erased, since the set's last backup (the
vault has more tombstones or `erased` rows than it recorded the set had received:
`journal.backup.listing.received`, never the plain manifest's count), nothing is
retired and the earlier generations lose their keys with the overwritten keyring; and
an erasure after a retirement removes every retired file at the next backup. `backups`
then says which generations no longer open.

With tamper-evident sets (`journal.backup.keyring`): the retired keyring, the earlier
generations and their header tags are all under the old identity's integrity key, so
restoring one of them uses the identity that opened the retired `identity` file and
reads the retired keyring with it (`keys_for`, `trust.load_keyring(file=...)`). The
first backup after the rekey starts a new keyring and manifest signed under the new
identity, with a new set id, numbering on past every earlier generation, which it
lists as `rekeyed` (kept and rotated, never opened with the new identity).

Each generation's master recipient (public) is recorded in the manifest, so that the
listing can tell, without any key, which generations open only with an old passphrase.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage

from journal.backup.keyring import KEYRING_FILE, Keyring
from journal.fsutil import fsync_dir
from journal.layout import IDENTITY_FILE, RECOVERY_FILE

if TYPE_CHECKING:
    from journal.backup.listing import SetInfo

KEY_FILES = (IDENTITY_FILE, RECOVERY_FILE, KEYRING_FILE)
RETIRED_PATTERN = re.compile(r"^(identity|recovery|keyring)\.upto-(\d{6})\.age$")


def retired_name(name: str, upto: int) -> str:
    stem = name.removesuffix(".age")
    return f"{stem}.upto-{upto:06d}.age"


def retired_bounds(set_dir: Path) -> list[int]:
    """The bounds of the retired keyrings on the set, in order."""
    try:
        names = os.listdir(set_dir)
    except OSError:
        return []
    bounds = set()
    for name in names:
        match = RETIRED_PATTERN.match(name)
        if match and match.group(1) == "keyring":
            bounds.add(int(match.group(2)))
    return sorted(bounds)


def bound_for(bounds: list[int], number: int) -> int | None:
    """The retired keys that open generation `number`, or None for the set's own."""
    return next((bound for bound in bounds if number <= bound), None)


def keys_for(set_dir: Path, number: int | None) -> dict[str, Path]:
    """The key files (by their ordinary names) that open generation `number`."""
    bound = None if number is None else bound_for(retired_bounds(set_dir), number)
    if bound is None:
        return {name: set_dir / name for name in KEY_FILES}
    return {name: set_dir / retired_name(name, bound) for name in KEY_FILES}


def _remove_retired(set_dir: Path, keep: int | None) -> None:
    """Delete retired files whose bound is below `keep` (all of them when None)."""
    with contextlib.suppress(OSError):
        for name in os.listdir(set_dir):
            match = RETIRED_PATTERN.match(name)
            if match and (keep is None or int(match.group(2)) < keep):
                with contextlib.suppress(OSError):
                    os.unlink(set_dir / name)


def other_master(set_dir: Path, identity: pyrage.x25519.Identity) -> bool:
    """Is the set's keyring age-encrypted to another master (a rekey), not damaged?

    age tells the two apart in the header: with no stanza for this identity it reports
    "No matching keys found" before reading any payload; a damaged file fails otherwise.
    """
    try:
        with open(set_dir / KEYRING_FILE, "rb") as file:
            head = file.read(65536)
    except OSError:
        return False
    try:
        pyrage.decrypt(head, [identity])
    except pyrage.DecryptError as error:
        return str(error) == "No matching keys found"
    except (ValueError, TypeError):
        return False
    return False


def before_writing(
    set_dir: Path,
    keyring: Keyring | None,
    after_rekey: bool,
    tombstones: dict[str, str],
    erased: dict[str, tuple[str, str]],
    received: tuple[int, int] | None,
    upto: int,
) -> None:
    """Called by `back_up` before it writes the set's key files; see the module docstring.

    `keyring` is the set's keyring as the current identity trusts it (None when absent,
    not openable or altered); `after_rekey` comes from the numbering
    (`journal.backup.prepare.find_numbering`: nothing on the set is signed under this
    identity and its keyring is another master's), so a keyring from before a rekey put
    back on a set already signed under the new identity is never taken for one;
    `tombstones` and `erased` are the vault's; `received` what the vault recorded that
    the set had received at its last backup (forgotten people, erased entries and
    versions: `journal.backup.listing.received`), None when it has no record of it.
    """
    erasing = received is None or len(tombstones) > received[0] or len(erased) > received[1]
    if after_rekey and not erasing:
        for name in KEY_FILES:
            source = set_dir / name
            if source.exists():
                os.replace(source, set_dir / retired_name(name, upto))
        fsync_dir(set_dir)
        return
    if keyring is not None:
        erasing = bool(set(tombstones) - set(keyring.tombstones))
        erasing = erasing or bool(set(erased) - set(keyring.erased))
    if after_rekey or erasing:
        _remove_retired(set_dir, None)  # something erased since: no old key may stay


def after_rotation(set_dir: Path, kept: list[int]) -> None:
    """Drop retired keys that no kept generation needs any more."""
    if kept:
        bounds = retired_bounds(set_dir)
        needed = {bound_for(bounds, number) for number in kept}
        for bound in bounds:
            if bound not in needed:
                for name in KEY_FILES:
                    with contextlib.suppress(OSError):
                        os.unlink(set_dir / retired_name(name, bound))


def vault_recipient(vault_database: Path) -> str | None:
    """The vault's master recipient (public), read without unlocking it."""
    if not vault_database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{vault_database}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='recipient'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def old_key_generations(info: SetInfo, vault_database: Path) -> tuple[list[int], list[int]]:
    """Generations that open only with an old passphrase or code, and those no longer open.

    Old: opened by retired key files, or written under a master the vault no longer has
    (a rekey since the last backup to this set). Gone: written under a master whose
    keys the set no longer holds (overwritten because someone was forgotten).
    """
    current = vault_recipient(vault_database)
    own = [g.recipient for g in info.generations if g.retired is None and g.recipient]
    set_recipient = own[-1] if own else None
    old, gone = [], []
    for g in info.generations:
        if g.retired is None and g.recipient and set_recipient and g.recipient != set_recipient:
            gone.append(g.number)
        elif g.retired is not None or (current and g.recipient and g.recipient != current):
            old.append(g.number)
    return old, gone
