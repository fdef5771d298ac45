"""Benchmark: `rekey` of the 1,000-person / 50,000-entry vault (issue 11): time and memory.

    python tests/bench/bench_rekey.py [--runs 3]

- The vault is tests/bench/make_vault.py's "service" vault (journal.demo.fiction, cached),
  copied to a private folder on the local disk for each run.
- Each run is a child process (so that its peak resident memory is its own): the master
  identity is injected (no scrypt to unlock), then `Vault.rekey` runs whole: new
  identity, new person and practice keys, every sealed value opened and sealed again
  into a new database file (in place, secure_delete on), the two new key files wrapped
  with **real** age scrypt (timed apart), the commit mark and the renames.
- Figures: median, min and max of the runs; scrypt's share; peak resident memory of the
  child (Python and the libraries included: ~60 MB before any work).
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

    keywrap = TimedScrypt()
    vault = Vault(vault_path, keywrap=keywrap)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    done = vault.rekey(golden_identity(), NEW_PASSPHRASE, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "scrypt": keywrap.seconds,
                "peak_mb": peak,
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
            f"  run {run + 1}: {r['seconds']:.2f} s (scrypt {r['scrypt']:.2f} s), "
            f"peak {r['peak_mb']:.0f} MB",
            flush=True,
        )

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    seconds = [r["seconds"] for r in runs]
    first = runs[0]
    print()
    print(
        f"Vault: {first['people']:,} people, {first['values']:,} sealed values re-sealed, "
        f"database {first['database_mb']:.1f} MB after; {len(runs)} runs; unlock injected."
    )
    print()
    print("| operation | median | min–max | of which scrypt | peak memory (child) |")
    print("|---|---:|---:|---:|---:|")
    print(
        f"| rekey, service size | {median('seconds'):.2f} s | {min(seconds):.2f}–"
        f"{max(seconds):.2f} s | {median('scrypt'):.2f} s | {median('peak_mb'):.0f} MB "
        f"(baseline {median('baseline_mb'):.0f} MB) |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
