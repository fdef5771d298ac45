"""Benchmark: search, in the process, against the physical limit of the same data.

    python tests/bench/bench_search.py [--size service] [--runs 5]

The search scenarios of `tests/bench/harness.py`, usable on their own to work on search:
cold (first search after unlock: the index is built, then searched), the word index's
warm-up (what the app does next, in a worker), and warm searches, one line per query.
The master identity is injected (no scrypt here; see harness.py for whole commands).

The physical limit is what any design must pay to read the same data: the same rows
read from SQLite, and the same ciphertext bytes decrypted as one age stream (pyrage),
as if the whole vault were one encrypted file.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyrage  # noqa: E402

from journal.search import SearchIndex  # noqa: E402
from journal.vault import Vault  # noqa: E402

COLD_QUERY = "électricité"
WARM_QUERIES = ["électricité", "loyer caf", '"facture d\'électricité"', "noah", "mairie"]


def repeat(once: Callable[[], float], runs: int, warmup: int = 1) -> list[float]:
    """`once()` returns the seconds of what it measures; the warm-up runs are dropped."""
    return [once() for _ in range(warmup + runs)][warmup:]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def search_cold(vault: Vault, identity, runs: int, query: str = COLD_QUERY) -> list[float]:
    """Unlocked (untimed), then: build the index from every entry and search once."""

    def once() -> float:
        with vault.open(identity) as journal:
            start = time.perf_counter()
            index = SearchIndex()
            index.load(journal)
            index.search(query, limit=50)
            return time.perf_counter() - start

    return repeat(once, runs)


def index_warm_up(vault: Vault, identity, runs: int) -> list[float]:
    """The word index the app builds in a worker once the first searches are possible."""

    def once() -> float:
        with vault.open(identity) as journal:
            index = SearchIndex()
            index.load(journal)
            return timed(index.warm_up)

    return repeat(once, runs)


def search_warm(vault: Vault, identity, runs: int) -> dict[str, list[float]]:
    """Each query of WARM_QUERIES, `runs` times, on an index loaded and warmed up."""
    results = {}
    with vault.open(identity) as journal:
        index = SearchIndex.build(journal)
        for query in WARM_QUERIES:
            results[query] = repeat(lambda q=query: timed(lambda: index.search(q, limit=50)), runs)
    return results


def physical_limit(vault: Vault, identity, runs: int) -> dict[str, list[float]]:
    """Reading the entry rows from SQLite; decrypting their bytes as one age stream."""
    uri = f"file:{vault.database_file}?mode=ro"
    sql = "SELECT id, person_id, version_id, sealed FROM entries"

    def read_rows() -> float:
        conn = sqlite3.connect(uri, uri=True)
        try:
            return timed(lambda: conn.execute(sql).fetchall())
        finally:
            conn.close()

    conn = sqlite3.connect(uri, uri=True)
    try:
        stream = pyrage.encrypt(
            b"".join(row[0] for row in conn.execute("SELECT sealed FROM entries")),
            [identity.to_public()],
        )
    finally:
        conn.close()
    return {
        "rows": repeat(read_rows, runs),
        "age_stream": repeat(lambda: timed(lambda: pyrage.decrypt(stream, [identity])), runs),
        "megabytes": [len(stream) / 1e6],
    }


def main() -> int:
    from tests.bench.make_vault import copy_vault, golden_identity

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="service")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import tempfile

    identity = golden_identity()
    with tempfile.TemporaryDirectory(prefix="dentelle-bench-") as folder:
        vault = copy_vault(args.size, Path(folder) / "vault")
        vault.open(identity).close()  # the cached vault may need its schema upgraded
        limit = physical_limit(vault, identity, args.runs)
        cold = search_cold(vault, identity, args.runs)
        warm_up = index_warm_up(vault, identity, max(1, args.runs // 2))
        warm = search_warm(vault, identity, args.runs)
    floor = statistics.median(limit["rows"]) + statistics.median(limit["age_stream"])
    print(
        f"{args.size}: physical limit {floor * 1000:.0f} ms "
        f"(rows {statistics.median(limit['rows']) * 1000:.0f} ms, "
        f"age stream {statistics.median(limit['age_stream']) * 1000:.0f} ms)"
    )
    print(
        f"search cold   {statistics.median(cold) * 1000:7.0f} ms  "
        f"({statistics.median(cold) / floor:.1f}× the limit)"
    )
    print(f"index warm-up {statistics.median(warm_up) * 1000:7.0f} ms  (in a worker)")
    for query, seconds in warm.items():
        print(f"search warm   {statistics.median(seconds) * 1000:7.1f} ms  {query}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
