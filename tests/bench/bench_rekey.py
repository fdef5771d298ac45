"""Benchmark: `rekey` of the 1,000-person / 50,000-entry vault (issue 11): time and memory.

    python tests/bench/bench_rekey.py [--runs 3]

- The vault is tests/bench/make_vault.py's "service" vault (journal.demo.fiction, cached),
  copied to a private folder on the local disk for each run.
- Each run is a child process (so that its peak resident memory is its own): the master
  identity is injected (no scrypt to unlock), then `Vault.rekey` runs whole: new
  identity, new person and practice keys, every sealed value opened and sealed again
  into a new database file (in place, secure_delete on), the commit mark and the
  renames. The two new key files are wrapped by a stand-in without scrypt there; then
  the same two wrappings are made with **real** age scrypt, timed apart, and the total
  is the sum (what `dentelle rekey` costs after its unlock).
- Figures: median, min and max of the runs; peak resident memory of the child beyond
  scrypt (Python and the libraries included: ~40 MB before any work) and with scrypt
  (pyrage calibrates its work factor to the machine, and the memory with it).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.crypto import ScryptKeyWrap  # noqa: E402
from tests.bench.make_vault import copy_vault, golden_identity  # noqa: E402

NEW_PASSPHRASE = "une nouvelle phrase de passe pour le banc d'essai seulement"


class TimedScrypt(ScryptKeyWrap):
    """Real age scrypt, with the time it takes kept apart."""

    seconds = 0.0

    def wrap(self, secret: str, payload: bytes) -> bytes:
        start = time.perf_counter()
        try:
            return super().wrap(secret, payload)
        finally:
            self.seconds += time.perf_counter() - start


def child(vault_path: Path) -> None:
    from journal.vault import Vault
    from tests.journal.rekey_helpers import FastKeyWrap

    vault = Vault(vault_path, keywrap=FastKeyWrap())
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    done = vault.rekey(golden_identity(), NEW_PASSPHRASE, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scrypt = TimedScrypt()
    scrypt.wrap(NEW_PASSPHRASE, str(done.identity).encode())
    scrypt.wrap(done.recovery_code, str(done.identity).encode())
    print(
        json.dumps(
            {
                "seconds": seconds + scrypt.seconds,
                "beyond": seconds,
                "scrypt": scrypt.seconds,
                "peak_mb": peak,
                "peak_scrypt_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "baseline_mb": baseline,
                "people": done.people,
                "values": done.values,
                "database_mb": vault.database_file.stat().st_size / 1e6,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    runs = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="dentelle-bench-") as local:
            vault = copy_vault("service", Path(local) / "vault")
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(vault.path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        r = runs[-1]
        print(
            f"  run {run + 1}: {r['beyond']:.2f} s + scrypt {r['scrypt']:.2f} s, "
            f"peak {r['peak_mb']:.0f} MB ({r['peak_scrypt_mb']:.0f} MB with scrypt)",
            flush=True,
        )

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    first = runs[0]
    print()
    print(
        f"Vault: {first['people']:,} people, {first['values']:,} sealed values re-sealed, "
        f"database {first['database_mb']:.1f} MB after; {len(runs)} runs; unlock injected."
    )
    print()
    print("| rekey, service size | median | min–max |")
    print("|---|---:|---:|")
    for key, name in (
        ("beyond", "time beyond scrypt"),
        ("scrypt", "two scrypt wrappings"),
        ("seconds", "total"),
    ):
        values = [r[key] for r in runs]
        print(f"| {name} | {median(key):.2f} s | {min(values):.2f}–{max(values):.2f} s |")
    for key, name in (("peak_mb", "beyond scrypt"), ("peak_scrypt_mb", "with scrypt")):
        values = [r[key] for r in runs]
        print(
            f"| peak memory (child), {name} | {median(key):.0f} MB "
            f"| {min(values):.0f}–{max(values):.0f} MB |"
        )
    print(f"(baseline of the child before the rekey: {median('baseline_mb'):.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
