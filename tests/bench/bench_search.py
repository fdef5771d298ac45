"""Benchmark: search, in the process, against the physical limit of the same data.

    python tests/bench/bench_search.py [--size service] [--runs 5]

The search scenarios of `tests/bench/harness.py`, usable on their own to work on search:
cold (first search after unlock: every person's sealed word index read, then searched),
the index build (the first search on a vault without indexes: every note opened, the
indexes written), and warm searches, one line per query. The master identity is
injected (no scrypt here; see harness.py for whole commands).

Two physical limits: what any design must pay to read the same data. For the notes, the
same rows read from SQLite and the same ciphertext bytes decrypted as one age stream
(pyrage), as if the whole vault were one encrypted file; for the word indexes, the same
for their rows (`index_physical_limit`), which is what cold search is compared with.
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
from journal.search.stored import StoredIndex  # noqa: E402
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


def ensure_indexes(vault: Vault, identity) -> float:
    """Seconds to build every missing word index (a cached vault of an older schema)."""
    with vault.open(identity) as journal:
        return timed(lambda: StoredIndex.build(journal))


def drop_indexes(vault: Vault) -> None:
    conn = sqlite3.connect(vault.database_file)
    try:
        conn.execute("DELETE FROM word_index")
        conn.commit()
    finally:
        conn.close()


def search_cold(vault: Vault, identity, runs: int, query: str = COLD_QUERY) -> list[float]:
    """Unlocked (untimed), then: read every person's word index and search once."""

    def once() -> float:
        with vault.open(identity) as journal:
            start = time.perf_counter()
            index = StoredIndex()
            index.load(journal)
            index.search(query, limit=50)
            return time.perf_counter() - start

    return repeat(once, runs)


def search_cold_scan(vault: Vault, identity, runs: int, query: str = COLD_QUERY) -> list[float]:
    """The way before the sealed indexes: open every note into memory, then search."""

    def once() -> float:
        with vault.open(identity) as journal:
            start = time.perf_counter()
            index = SearchIndex()
            index.load(journal)
            index.search(query, limit=50)
            return time.perf_counter() - start

    return repeat(once, runs)


def index_build(vault: Vault, identity, runs: int) -> list[float]:
    """The first search on a vault without indexes: every note opened, indexes written."""

    def once() -> float:
        drop_indexes(vault)
        return ensure_indexes(vault, identity)

    return repeat(once, runs, warmup=0)


def search_warm(vault: Vault, identity, runs: int) -> dict[str, list[float]]:
    """Each query of WARM_QUERIES, `runs` times, on the indexes read once."""
    results = {}
    with vault.open(identity) as journal:
        index = StoredIndex.build(journal)
        for query in WARM_QUERIES:
            results[query] = repeat(lambda q=query: timed(lambda: index.search(q, limit=50)), runs)
    return results


def _rows_and_stream(vault: Vault, identity, runs: int, table: str, ids: str) -> dict:
    """Reading a table's rows from SQLite; decrypting their sealed bytes as one age stream."""
    uri = f"file:{vault.database_file}?mode=ro"
    sql = f"SELECT {ids}, sealed FROM {table}"

    def read_rows() -> float:
        conn = sqlite3.connect(uri, uri=True)
        try:
            return timed(lambda: conn.execute(sql).fetchall())
        finally:
            conn.close()

    conn = sqlite3.connect(uri, uri=True)
    try:
        stream = pyrage.encrypt(
            b"".join(row[0] for row in conn.execute(f"SELECT sealed FROM {table}")),
            [identity.to_public()],
        )
    finally:
        conn.close()
    return {
        "rows": repeat(read_rows, runs),
        "age_stream": repeat(lambda: timed(lambda: pyrage.decrypt(stream, [identity])), runs),
        "megabytes": [len(stream) / 1e6],
    }


def physical_limit(vault: Vault, identity, runs: int) -> dict[str, list[float]]:
    """Reading the entry rows from SQLite; decrypting their bytes as one age stream."""
    return _rows_and_stream(vault, identity, runs, "entries", "id, person_id, version_id")


def index_physical_limit(vault: Vault, identity, runs: int) -> dict[str, list[float]]:
    """Reading the word index rows; decrypting their bytes as one age stream."""
    return _rows_and_stream(vault, identity, runs, "word_index", "person_id")


def sizes(vault: Vault, identity) -> dict[str, float]:
    """MB of the notes' ciphertext, of the sealed indexes, and of the indexes held."""
    conn = sqlite3.connect(f"file:{vault.database_file}?mode=ro", uri=True)
    try:
        notes = conn.execute("SELECT sum(length(sealed)) FROM entries").fetchone()[0] or 0
        sealed = conn.execute("SELECT sum(length(sealed)) FROM word_index").fetchone()[0] or 0
    finally:
        conn.close()
    with vault.open(identity) as journal:
        held = StoredIndex.build(journal).nbytes
    return {"notes_mb": notes / 1e6, "index_mb": sealed / 1e6, "held_mb": held / 1e6}


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
        build = index_build(vault, identity, max(1, args.runs // 2))
        limit = physical_limit(vault, identity, args.runs)
        index_limit = index_physical_limit(vault, identity, args.runs)
        cold = search_cold(vault, identity, args.runs)
        warm = search_warm(vault, identity, args.runs)
        weights = sizes(vault, identity)
    floor = statistics.median(limit["rows"]) + statistics.median(limit["age_stream"])
    index_floor = statistics.median(index_limit["rows"]) + statistics.median(
        index_limit["age_stream"]
    )
    print(
        f"{args.size}: physical limit of the notes {floor * 1000:.0f} ms "
        f"({weights['notes_mb']:.0f} MB), of the word indexes {index_floor * 1000:.0f} ms "
        f"({weights['index_mb']:.1f} MB sealed, {weights['held_mb']:.1f} MB held in memory)"
    )
    print(
        f"search cold   {statistics.median(cold) * 1000:7.0f} ms  "
        f"({statistics.median(cold) / index_floor:.1f}× the indexes' limit)"
    )
    print(f"index build   {statistics.median(build) * 1000:7.0f} ms  (older vault, in a worker)")
    for query, seconds in warm.items():
        print(f"search warm   {statistics.median(seconds) * 1000:7.1f} ms  {query}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
