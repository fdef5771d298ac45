"""Benchmark: backup + verification, and restore, of the 1,000-person / 50,000-entry vault.

    python tests/bench/bench_backup.py [--runs 5]

Targets (issue 7): backup plus verification to a folder on tmpfs (/dev/shm, standing for
a USB key with no device latency) in ≤ 5 s, restore in ≤ 5 s, each printed beside a plain
`cp` of the database file timed in the same run.

- The vault is tests/bench/make_vault.py's "service" vault (journal.demo.fiction, cached),
  copied to a private folder on the local disk.
- The master identity is injected (the golden test identity): **no scrypt** is in these
  figures. Unlocking costs ~2.4 s of scrypt on top, once per command, by design.
- "backup + verify" is `journal.backup.back_up` whole: snapshot through SQLite's online
  backup API into memory, encrypt with age straight to the set, fsync, evict the page
  cache, read back, decrypt, `PRAGMA integrity_check`, compare counts, keyring,
  manifest, rotation. Runs after the first add generations to the same set, as a
  worker's key would.
- "restore" is `journal.backup.restore` whole, from that tmpfs set onto the
  local disk: decrypt, check, join keys, write the vault, open it and decrypt every
  profile, entry, earlier version and draft, then swap it in.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.backup import back_up, restore  # noqa: E402
from journal.backup.sets import table_counts  # noqa: E402
from journal.vault import Vault  # noqa: E402
from tests.bench.make_vault import copy_vault, golden_identity  # noqa: E402

TARGET_SECONDS = 5.0


class PhaseClock:
    """Progress callback that notes when each phase starts, for the breakdown line."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.first: dict[str, float] = {}

    def __call__(self, phase: str, done: int, total: int) -> None:
        self.first.setdefault(phase, time.perf_counter() - self.start)

    def spans(self, end: float) -> dict[str, float]:
        ordered = sorted(self.first.items(), key=lambda item: item[1])
        marks = [t for _, t in ordered[1:]] + [end]
        pairs = zip(ordered, marks, strict=True)
        return {phase.split(".")[-1]: mark - t for (phase, t), mark in pairs}


def timed_cp(source: Path, target: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["cp", str(source), str(target)], check=True)
    seconds = time.perf_counter() - start
    target.unlink()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    identity = golden_identity()
    with (
        tempfile.TemporaryDirectory(prefix="dentelle-bench-") as local,
        tempfile.TemporaryDirectory(prefix="dentelle-usb-", dir=shm) as usb,
    ):
        vault = copy_vault("service", Path(local) / "vault")
        database = vault.database_file
        size = database.stat().st_size
        backups, restores, cps_local, cps_shm, breakdowns = [], [], [], [], []
        with vault.open(identity) as journal:
            snapshot = journal.snapshot()
            counts = table_counts(snapshot)
            snapshot.close()
            people, entries = counts["people"], counts["entries"]
            for run in range(args.runs):
                cps_shm.append(timed_cp(database, Path(usb) / "plain-copy.db"))
                clock = PhaseClock()
                report = back_up(journal, Path(usb), progress=clock)
                elapsed = time.perf_counter() - clock.start
                backups.append(elapsed)
                breakdowns.append(clock.spans(elapsed))
                print(f"  run {run + 1}: backup n° {report.number} {elapsed:.2f} s", flush=True)
        generation_size = report.size
        for run in range(args.runs):
            target = Vault(Path(local) / f"restored-{run}" / "vault")
            cps_local.append(timed_cp(database, Path(local) / "plain-copy.db"))
            start = time.perf_counter()
            restored = restore(Path(usb), target, identity)
            restores.append(time.perf_counter() - start)
            print(f"  run {run + 1}: restore {restores[-1]:.2f} s", flush=True)
            shutil.rmtree(target.path.parent)
        assert restored.entries == entries

    def row(name: str, values: list[float], target: str, baseline: list[float]) -> str:
        median = statistics.median(values)
        cp = statistics.median(baseline)
        return (
            f"| {name:<32} | {median:>7.2f} s | {min(values):>5.2f}–{max(values):<5.2f} s "
            f"| {cp:>7.3f} s | {median / cp:>5.0f}× | {target:<7} |"
        )

    print()
    print(
        f"Vault: {people:,} people, {entries:,} entries, database {size / 1e6:.1f} MB; "
        f"generation {generation_size / 1e6:.1f} MB; {args.runs} runs; identity injected "
        "(no scrypt)."
    )
    print()
    print(
        "| operation                        |  median   | min–max       | plain cp  | ratio "
        "| target  |"
    )
    print("|---|---:|---:|---:|---:|---|")
    print(row(f"backup + verify → {shm}", backups, f"≤ {TARGET_SECONDS:.0f} s", cps_shm))
    print(row(f"restore {shm} → local disk", restores, f"≤ {TARGET_SECONDS:.0f} s", cps_local))
    phases = {k: statistics.median(b.get(k, 0.0) for b in breakdowns) for k in breakdowns[0]}
    print()
    print("Backup phases (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in phases.items()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak resident memory of this process: {peak:.0f} MB")
    ok = statistics.median(backups) <= TARGET_SECONDS and statistics.median(restores) <= (
        TARGET_SECONDS
    )
    print("Targets met." if ok else "TARGET MISSED.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
