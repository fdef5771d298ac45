"""Deterministic benchmark vaults of realistic French notes, built once and cached.

    python tests/bench/make_vault.py service      # 1,000 people / 50,000 entries
    python tests/bench/make_vault.py small large  # 50 / 2,000 and 5,000 / 250,000

Every vault is made from `journal.demo.fiction.generate_people` with a fixed seed and a
fixed "today", under the golden test identity (tests/data/golden-identity.txt) so that
benchmarks can inject the key and measure what comes after scrypt, and unlock with the
golden passphrase when they measure scrypt itself. Person 0 has at least 1,000 entries
in the service and large vaults (the "open a 1,000-entry timeline" scenario).

Vaults are cached in `$DENTELLE_BENCH_CACHE` (default `~/.cache/dentelle-bench`), keyed
by size, seed and `GENERATOR_VERSION`; `copy_vault` gives a benchmark its own copy to
write in.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyrage  # noqa: E402

from journal.demo.fiction import generate_people  # noqa: E402
from journal.store import Journal  # noqa: E402
from journal.vault import Vault  # noqa: E402

# 2: vaults written at schema 6, with their integrity tags and sealed word indexes (a
# vault of generation 1 migrated and built its indexes inside the measured runs).
GENERATOR_VERSION = 2
SEED = 20261128
TODAY = date(2026, 11, 28)
DATA = ROOT / "tests" / "data"
GOLDEN_PASSPHRASE = "golden vault passphrase for the tests only"


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    entries: int


SIZES = {
    "small": Size("small", 50, 2_000),
    "service": Size("service", 1_000, 50_000),
    "large": Size("large", 5_000, 250_000),
}


def golden_identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.from_str((DATA / "golden-identity.txt").read_text().strip())


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "dentelle-bench"
    return Path(os.environ.get("DENTELLE_BENCH_CACHE", default))


def build_vault(path: Path, size: Size, seed: int = SEED) -> tuple[float, int]:
    """Write a vault of `size` at `path`; returns (seconds, person-0 entry count)."""
    start = time.perf_counter()
    path.mkdir(parents=True)
    for name in ("identity.age", "recovery.age"):
        shutil.copyfile(DATA / "golden" / name, path / name)
    identity = golden_identity()
    Journal.initialize(path / "dentelle.db", identity)
    first_count = 0
    with Vault(path).open(identity) as journal:
        for index, fictional in enumerate(generate_people(size.people, size.entries, seed, TODAY)):
            with journal.transaction():
                person = journal.add_person(fictional.name, fictional.profile)
                for entry in fictional.entries:
                    written = datetime.combine(entry.occurred_on, day_time(18, 0)).astimezone()
                    journal.add_entry(person.id, entry.occurred_on, entry.text, written_at=written)
            if index == 0:
                first_count = len(fictional.entries)
        journal.checkpoint()
    return time.perf_counter() - start, first_count


def bench_vault(name: str) -> Path:
    """The cached vault of this size, built on first use."""
    size = SIZES[name]
    path = cache_dir() / f"{size.name}-s{SEED}-g{GENERATOR_VERSION}"
    if not (path / "identity.age").exists() or not (path / ".complete").exists():
        shutil.rmtree(path, ignore_errors=True)
        seconds, first = build_vault(path, size)
        (path / ".complete").write_text(f"{seconds:.1f} s; person 0 has {first} entries\n")
    return path


def copy_vault(name: str, target: Path) -> Vault:
    """A private, writable copy of a cached vault."""
    shutil.copytree(bench_vault(name), target, ignore=shutil.ignore_patterns(".lock", ".complete"))
    return Vault(target)


def first_person_id(vault: Vault) -> str:
    """The person whose story is closest to 1,000 entries (person 0 of the generator)."""
    import sqlite3

    conn = sqlite3.connect(vault.database_file)
    try:
        row = conn.execute(
            "SELECT person_id FROM entries GROUP BY person_id ORDER BY abs(count(*) - 1000) LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return row[0]


if __name__ == "__main__":
    for wanted in sys.argv[1:] or ["service"]:
        built = bench_vault(wanted)
        print(f"{wanted}: {built} ({(built / '.complete').read_text().strip()})")
