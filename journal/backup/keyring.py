"""The set's keyring: the only place of a backup set where person keys live.

`keyring.age` is age-encrypted to the vault's public key, which anyone can encrypt to:
what makes it trustworthy is its tag, an HMAC under the integrity key that only the
master identity yields (`journal.crypto.integrity_key`). A keyring whose tag does not
check is refused (`KeyringAltered`), never read.

Format 2 (`dentelle-keyring/2`, JSON): `vault_id`, `set_id` (the random id that binds
every generation to this set), `last_number` (the newest generation it covers: the
numbering of the set comes from here, not from file names nor the plain manifest),
`keys` (person id -> base64 of the age envelope), `tombstones` (forgotten people),
`erased` (deleted entries and erased versions: id -> [kind, day]), `generations`
(number -> the people it holds), `legacy` (generations written before authentication,
accepted untagged), `rekeyed` (generations written under an earlier master identity,
before a `dentelle rekey`: their keys are in the retired keyrings of
`journal.backup.rekeyed`, and only that identity opens them), `tag`. Format 1 (before
issue 11) has no set id, no tag: it is read as unauthenticated.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from journal import crypto
from journal.backup.io import GenerationDamaged, read_from_device

KEYRING_FILE = "keyring.age"
KEYRING_FORMAT = "dentelle-keyring/2"
LEGACY_KEYRING_FORMAT = "dentelle-keyring/1"
KEYRING_LABEL = "backup-keyring"


class KeyringAltered(GenerationDamaged):
    """A keyring that decrypts but whose tag does not check: written by someone else."""


def canonical(document: dict) -> bytes:
    """The bytes a JSON document's tag covers: everything but the tag, in a fixed order."""
    rest = {k: v for k, v in document.items() if k != "tag"}
    return json.dumps(rest, sort_keys=True, separators=(",", ":")).encode("utf-8")


def tag_document(key: bytes, label: str, document: dict) -> dict:
    tag = crypto.integrity_tag(key, label, canonical(document))
    return {**document, "tag": base64.b64encode(tag).decode("ascii")}


def document_ok(key: bytes, label: str, document: dict) -> bool:
    try:
        tag = base64.b64decode(str(document.get("tag", "")), validate=True)
    except ValueError:
        return False
    return crypto.integrity_ok(key, tag or None, label, canonical(document))


@dataclass
class Keyring:
    """Person keys (still wrapped to the master) and what the set must never bring back.

    `generations` records which people each kept generation holds, so a key can be
    dropped once no kept generation and not the vault need it; `tombstones` are the
    people forgotten, whose keys must never come back; `erased` the deleted entries
    and erased versions. `authenticated` is False for a format-1 keyring. `secrets` are
    the same keys unwrapped (raw), as the vault's index of keys holds them, for a
    restore to open every note without one age decryption per person: always a subset
    of `keys`, so a key dropped is dropped in both.
    """

    vault_id: str
    keys: dict[str, bytes] = field(default_factory=dict)
    tombstones: dict[str, str] = field(default_factory=dict)
    generations: dict[int, list[str]] = field(default_factory=dict)
    set_id: str | None = None
    last_number: int = 0
    erased: dict[str, tuple[str, str]] = field(default_factory=dict)
    legacy: list[int] = field(default_factory=list)
    authenticated: bool = True
    rekeyed: list[int] = field(default_factory=list)
    secrets: dict[str, bytes] = field(default_factory=dict)

    def to_bytes(self, written: str, key: bytes) -> bytes:
        document = {
            "format": KEYRING_FORMAT,
            "vault_id": self.vault_id,
            "set_id": self.set_id,
            "last_number": self.last_number,
            "written": written,
            "keys": {pid: base64.b64encode(k).decode("ascii") for pid, k in self.keys.items()},
            "tombstones": self.tombstones,
            "erased": {item: list(value) for item, value in self.erased.items()},
            "generations": {str(n): ids for n, ids in self.generations.items()},
            "legacy": sorted(self.legacy),
            "rekeyed": sorted(self.rekeyed),
            "secrets": {pid: s.hex() for pid, s in self.secrets.items() if pid in self.keys},
        }
        return json.dumps(tag_document(key, KEYRING_LABEL, document), sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes, key: bytes) -> Keyring:
        """Raise `KeyringAltered` on a bad tag, `GenerationDamaged` on anything unreadable."""
        try:
            raw = json.loads(data.decode("utf-8"))
            fmt = raw.get("format")
            if fmt not in (KEYRING_FORMAT, LEGACY_KEYRING_FORMAT):
                raise GenerationDamaged("keyring format")
            authenticated = fmt == KEYRING_FORMAT
            if authenticated and not document_ok(key, KEYRING_LABEL, raw):
                raise KeyringAltered("keyring tag")
            generations = {int(n): list(ids) for n, ids in raw["generations"].items()}
            last = int(raw["last_number"]) if authenticated else max(generations, default=0)
            return cls(
                vault_id=str(raw["vault_id"]),
                keys={pid: base64.b64decode(k) for pid, k in raw["keys"].items()},
                tombstones={str(p): str(d) for p, d in raw["tombstones"].items()},
                generations=generations,
                set_id=str(raw["set_id"]) if authenticated else None,
                last_number=last,
                erased={str(i): (str(v[0]), str(v[1])) for i, v in raw.get("erased", {}).items()},
                legacy=[int(n) for n in raw.get("legacy", [])],
                authenticated=authenticated,
                rekeyed=[int(n) for n in raw.get("rekeyed", [])] if authenticated else [],
                secrets={
                    str(pid): bytes.fromhex(secret)
                    for pid, secret in raw.get("secrets", {}).items()
                    if authenticated and pid in raw["keys"]
                },
            )
        except GenerationDamaged:
            raise
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            raise GenerationDamaged("keyring content") from None

    def accepts_untagged(self, number: int) -> bool:
        """Whether generation `number` may lack a tag (written before authentication)."""
        return not self.authenticated or number in self.legacy


def read_keyring(
    set_dir: Path, identity: pyrage.x25519.Identity, file: Path | None = None
) -> Keyring:
    """Raise `FileNotFoundError` when absent, `KeyringAltered` when its tag does not
    check, `GenerationDamaged` when unreadable.

    `file`: a keyring retired after a rekey (`journal.backup.rekeyed`) instead of the
    set's; `identity` is then the one that opened the retired identity file, whose
    integrity key checks its tag.
    """
    blob = read_from_device(file or set_dir / KEYRING_FILE)
    try:
        plain = pyrage.decrypt(blob, [identity])
    except (pyrage.DecryptError, ValueError, TypeError):
        raise GenerationDamaged("keyring decrypt") from None
    return Keyring.from_bytes(plain, crypto.integrity_key(identity))
