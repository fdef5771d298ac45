"""The benchmark harness: every scenario of issue 4, beside jrnl and the physical limit.

    .venv/bin/pip install -e '.[bench]'     # jrnl 4.6 and pyinstrument
    .venv/bin/python tests/bench/harness.py [--sizes small,10k,service,large] [--runs 5]
        [--slow-runs 3] [--json bench.json] [--peers-max 50000] [--no-peers] [--profile]
        [--agent-sizes small,10k,service] [--agent-only]

Vaults are `make_vault.py`'s deterministic ones (built once, cached; "10k" is 200
people / 10,000 entries for the comparison with jrnl at that size), copied to a
private folder. Every scenario runs once as a warm-up, then `--runs` times (`--slow-runs`
for the ones that take seconds); the table shows median, min and max, and the target
where issue 4 sets one (service size). The machine is shared: read medians, and the
ratios to figures measured in the same run.

In the process, the master identity is injected (no scrypt) except for "unlock, total".
Whole commands run `dentelle` (real scrypt, as a worker runs it) and jrnl 4.6 with an
encrypted journal of the same notes (`peers.py`), as processes; dentelle is printed in
full and minus the scrypt time measured here, since jrnl's key derivation is cheap by
design and ours is not. The physical limit is reading the same rows from SQLite plus
decrypting the same ciphertext bytes as one age stream (`bench_search.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.vault import Vault  # noqa: E402
from tests.bench import bench_search  # noqa: E402
from tests.bench.bench_agent import agent_checks, print_agent, with_agent  # noqa: E402
from tests.bench.bench_search import repeat, timed  # noqa: E402
from tests.bench.make_vault import (  # noqa: E402
    GENERATOR_VERSION,
    GOLDEN_PASSPHRASE,
    SEED,
    SIZES,
    Size,
    bench_vault,
    build_vault,
    cache_dir,
    first_person_id,
    golden_identity,
)

EXTRA_SIZES = {"10k": Size("10k", 200, 10_000)}
NOTE = (
    "Passage à la permanence sans rendez-vous. Point sur le dossier de logement social "
    "et sur la facture d'électricité ; prochain rendez-vous dans quinze jours."
)
SEARCH_WORD = "électricité"

# Targets on the service-size vault, in seconds (memory in MB): issue 4's, and issue 15's
# for search (read from the sealed word indexes).
TARGETS = {
    "unlock_beyond_scrypt": 0.3,
    "timeline_1000": 0.1,
    "add_entry": 0.02,
    "search_cold": 0.25,
    "search_warm": 0.02,
    "peak_memory_mb": 300,
}
IN_PROCESS = [
    ("unlock_total", "unlock, total (real scrypt)"),
    ("unlock_beyond_scrypt", "unlock beyond scrypt"),
    ("people_list", "people list (summaries)"),
    ("timeline_1000", "open a 1,000-entry timeline"),
    ("add_entry", "add an entry"),
    ("search_cold", "search cold (word indexes read, then searched)"),
    ("search_warm", "search warm (5 queries)"),
    ("index_build", "word indexes built (older vault; app worker)"),
    ("backup_verify", "backup + verify (tmpfs)"),
    ("restore", "restore (tmpfs → disk)"),
]
WHOLE = [
    ("show", "show / read the last entry"),
    ("search", f"search “{SEARCH_WORD}”"),
    ("add", "add an entry"),
]


# -- vaults -------------------------------------------------------------------------------


def vault_source(name: str) -> Path:
    if name in SIZES:
        return bench_vault(name)
    size = EXTRA_SIZES[name]
    path = cache_dir() / f"{size.name}-s{SEED}-g{GENERATOR_VERSION}"
    if not (path / ".complete").exists():
        shutil.rmtree(path, ignore_errors=True)
        seconds, first = build_vault(path, size)
        (path / ".complete").write_text(f"{seconds:.1f} s; person 0 has {first} entries\n")
    return path


def size_of(name: str) -> Size:
    return SIZES.get(name) or EXTRA_SIZES[name]


def private_copy(name: str, target: Path) -> Vault:
    shutil.copytree(vault_source(name), target, ignore=shutil.ignore_patterns(".lock", ".complete"))
    vault = Vault(target)
    vault.open(golden_identity()).close()  # a cached vault of an older schema is upgraded
    bench_search.ensure_indexes(vault, golden_identity())  # and gets its word indexes
    return vault


# -- in-process scenarios -----------------------------------------------------------------


def in_process(vault: Vault, runs: int, slow: int, shm: Path) -> dict[str, list[float]]:
    identity = golden_identity()
    person = first_person_id(vault)
    out: dict[str, list[float]] = {}

    def reopened(measure: Callable) -> Callable[[], float]:
        def once() -> float:
            with vault.open(identity) as journal:
                return timed(lambda: measure(journal))

        return once

    out["unlock_total"] = repeat(
        lambda: timed(lambda: Vault(vault.path).unlock(GOLDEN_PASSPHRASE).close()), slow
    )
    out["unlock_beyond_scrypt"] = repeat(lambda: timed(lambda: vault.open(identity).close()), runs)
    out["people_list"] = repeat(reopened(lambda j: j.summaries()), runs)
    out["timeline_1000"] = repeat(reopened(lambda j: j.entries(person)), runs)
    with vault.open(identity) as journal:
        day = date(2026, 11, 27)
        out["add_entry"] = repeat(lambda: timed(lambda: journal.add_entry(person, day, NOTE)), runs)
    out["search_cold"] = bench_search.search_cold(vault, identity, runs)
    warm = bench_search.search_warm(vault, identity, runs)
    out["search_warm"] = [s for seconds in warm.values() for s in seconds]
    out["index_build"] = bench_search.index_build(vault, identity, slow)
    out.update(backup_and_restore(vault, identity, slow, shm))
    return out


def backup_and_restore(vault: Vault, identity, runs: int, shm: Path) -> dict[str, list[float]]:
    try:
        from journal.backup import back_up, restore
    except ImportError:  # pragma: no cover - backups are another issue's work
        print("  (journal.backup not importable: backup and restore skipped)")
        return {}
    with tempfile.TemporaryDirectory(prefix="dentelle-usb-", dir=shm) as usb:
        with vault.open(identity) as journal:
            backups = repeat(lambda: timed(lambda: back_up(journal, Path(usb))), runs)
        restores = []
        for run in range(runs + 1):
            target = Vault(vault.path.parent / f"restored-{run}" / "vault")
            restores.append(timed(lambda t=target: restore(Path(usb), t, identity)))
            shutil.rmtree(target.path.parent)
    return {"backup_verify": backups, "restore": restores[1:]}


PEAK_MEMORY = """
import json, resource, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from journal.search.stored import StoredIndex
from journal.vault import Vault
from tests.bench.make_vault import golden_identity
def high_water_mb():  # VmHWM: ru_maxrss would count the parent's peak (see RUNNER)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before = high_water_mb()
with Vault(Path({vault!r})).open(golden_identity()) as journal:
    people = journal.summaries()
    story = journal.entries({person!r})
    index = StoredIndex.build(journal)
    hits = index.search({word!r}, limit=50)
    peak = high_water_mb()
print(json.dumps({{"imports_mb": before, "peak_mb": peak}}))
"""


def peak_memory(vault: Vault) -> dict[str, float]:
    """Max RSS of a fresh process holding the people list, a timeline and the word indexes
    (what the app holds: `views/services/search.py`)."""
    code = PEAK_MEMORY.format(
        root=str(ROOT), vault=str(vault.path), person=first_person_id(vault), word=SEARCH_WORD
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)


# -- whole commands -----------------------------------------------------------------------


# Linux gives a child the parent's peak RSS as its own when it execs (exec_mmap keeps
# the old mm's high-water mark), and this process holds whole vaults by then. So each
# command is started by a small, fresh runner, whose own RSS is what its child inherits.
RUNNER = """
import json, os, subprocess, sys, tempfile, time
command, cwd = json.loads(sys.argv[1]), sys.argv[2]
with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    out.seek(0)
    err.seek(0)
    print(json.dumps({"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024,
                      "cpu": usage.ru_utime + usage.ru_stime,
                      "code": os.waitstatus_to_exitcode(status),
                      "out": out.read(2000).decode("utf-8", "replace"),
                      "err": err.read(2000).decode("utf-8", "replace")}))
"""


def run_process(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, head of stdout) of one whole process."""
    result = run_measured(command, env, cwd)
    return result["seconds"], result["rss_mb"], result["out"]


def run_measured(command: list[str], env: dict[str, str], cwd: Path) -> dict:
    """One whole process: seconds (wall), cpu (user + system: what a busy machine
    inflates least), rss_mb (peak), out and err (heads), code."""
    runner = [sys.executable, "-c", RUNNER, json.dumps(command), str(cwd)]
    done = subprocess.run(runner, env=env, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    if result["code"]:
        raise RuntimeError(f"{command[2:]} failed: {result['err']}")
    return result


def dentelle_command() -> list[str]:
    script = Path(sys.executable).with_name("dentelle")
    return [str(script)] if script.exists() else [sys.executable, "-m", "views"]


def whole_dentelle(vault: Vault, runs: int, home: Path) -> dict[str, dict]:
    person = first_person_id(vault)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "DENTELLE_HOME": str(vault.path),
        "DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE,
        "DENTELLE_CONFIG": str(home / "no-config.toml"),
        "LANG": "fr_FR.UTF-8",
    }
    commands = {
        "show": ["show", person],
        "search": ["search", SEARCH_WORD],
        "add": ["add", person, "--date", "hier", NOTE],
    }
    injected = [sys.executable, "-c", INJECTED.format(root=str(ROOT))]
    results = {}
    for name, args in commands.items():
        scrypts, measured, direct = [], [], []
        for _ in range(runs + 1):
            scrypts.append(scrypt_seconds(vault))
            measured.append(run_process(dentelle_command() + args, env, home))
            direct.append(run_process(injected + args, env, home)[0])
        results[name] = {
            "seconds": [m[0] for m in measured[1:]],
            "rss_mb": max(m[1] for m in measured[1:]),
            "scrypt_seconds": scrypts[1:],
            "injected_seconds": direct[1:],
        }
    return results


# The same command, same process, with the key derivation replaced by the known master
# identity (the CLI's test seam): "beyond scrypt" measured rather than subtracted.
INJECTED = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from views.cli import Seams, cli
secret = (Path({root!r}) / "tests" / "data" / "golden-identity.txt").read_text().strip().encode()
class KnownKey:
    def wrap(self, secret, payload): raise RuntimeError("not in a benchmark")
    def unwrap(self, passphrase, blob): return secret
cli.main(sys.argv[1:], prog_name="dentelle", obj=Seams(keywrap=KnownKey()))
"""


SCRYPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from journal.vault import Vault
vault = Vault(Path({vault!r}))
start = time.perf_counter()
vault.unwrap_identity({passphrase!r})
print(time.perf_counter() - start)
"""


def scrypt_seconds(vault: Vault) -> float:
    """The scrypt step alone, in a process like the CLI's, just before each command.

    Its ±0.2 s run-to-run spread on a shared machine is larger than what small vaults
    cost beyond it; taking it beside each run at least follows the machine's load.
    """
    code = SCRYPT.format(root=str(ROOT), vault=str(vault.path), passphrase=GOLDEN_PASSPHRASE)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout)


def whole_jrnl(name: str, runs: int, home: Path) -> dict[str, dict]:
    from tests.bench.peers import jrnl_setup

    size = size_of(name)
    setup = jrnl_setup(name, size.people, size.entries, cache_dir()).copy_to(home / "jrnl")
    commands = {
        "show": ["-n", "1"],
        "search": ["-contains", SEARCH_WORD, "-n", "50"],
        "add": [NOTE],
    }
    return {
        key: measure_process(setup.command(*args), setup.env(), home, runs)
        for key, args in commands.items()
    }


def measure_process(command: list[str], env: dict, cwd: Path, runs: int) -> dict:
    results = [run_process(command, env, cwd) for _ in range(runs + 1)][1:]
    return {"seconds": [r[0] for r in results], "rss_mb": max(r[1] for r in results)}


def startup(runs: int) -> dict:
    """`dentelle --help` as a process, and which modules a command imports."""
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "fr_FR.UTF-8"}
    seconds = measure_process(dentelle_command() + ["--help"], env, ROOT, runs)["seconds"]
    code = (
        "import sys\nfrom views.cli import cli\n"
        "cli.main(['search', '--help'], standalone_mode=False)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )
    loaded = done.stdout.strip().splitlines()[-1]
    return {"help_seconds": seconds, "ui_modules_loaded": loaded}


# -- reporting ----------------------------------------------------------------------------


def stats(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": values,
    }


def shown(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def print_size(name: str, result: dict) -> None:
    size = size_of(name)
    print(f"\n### {name}: {size.people:,} people, {size.entries:,} entries\n")
    print("| scenario | median | min | max | target |")
    print("|---|---:|---:|---:|---|")
    for key, label in IN_PROCESS:
        if key not in result["scenarios"]:
            continue
        s = result["scenarios"][key]
        target = ""
        if name == "service" and key in TARGETS:
            ok = s["median"] <= TARGETS[key]
            target = f"≤ {shown(TARGETS[key])} {'met' if ok else 'MISSED'}"
        print(
            f"| {label} | {shown(s['median'])} | {shown(s['min'])} | {shown(s['max'])} | {target} |"
        )
    memory = result["memory"]
    target = ""
    if name == "service":
        ok = memory["peak_mb"] <= TARGETS["peak_memory_mb"]
        target = f"≤ {TARGETS['peak_memory_mb']} MB {'met' if ok else 'MISSED'}"
    print(
        f"| peak memory, word indexes held (imports alone {memory['imports_mb']:.0f} MB) "
        f"| {memory['peak_mb']:.0f} MB | | | {target} |"
    )
    limit = result["limit"]
    floor = limit["rows"]["median"] + limit["age_stream"]["median"]
    cold = result["scenarios"]["search_cold"]["median"]
    index = result["index_limit"]
    index_floor = index["rows"]["median"] + index["age_stream"]["median"]
    weights = result["sizes"]
    print(
        f"\nPhysical limit of the notes: rows from SQLite {shown(limit['rows']['median'])} + "
        f"one age stream of {limit['megabytes']:.0f} MB {shown(limit['age_stream']['median'])}"
        f" = {shown(floor)}. Of the word indexes ({weights['index_mb']:.1f} MB sealed beside "
        f"{weights['notes_mb']:.0f} MB of notes; {weights['held_mb']:.1f} MB held in memory): "
        f"rows {shown(index['rows']['median'])} + one age stream "
        f"{shown(index['age_stream']['median'])} = {shown(index_floor)}; search cold is "
        f"**{cold / index_floor:.1f}×** that ({cold / floor:.2f}× the notes' limit)."
    )
    if "whole" in result:
        print_whole(result)


def beyond_scrypt(whole: dict) -> float:
    """Median of (command − scrypt measured just before it), run by run."""
    pairs = zip(whole["seconds"], whole["scrypt_seconds"], strict=True)
    return statistics.median(ours - scrypt for ours, scrypt in pairs)


def print_whole(result: dict) -> None:
    jrnl = result.get("jrnl", {})
    scrypts = [s for key, _ in WHOLE for s in result["whole"][key]["scrypt_seconds"]]
    print(
        f"\nWhole commands as processes (scrypt measured beside each run: median "
        f"{shown(statistics.median(scrypts))}, {shown(min(scrypts))}–{shown(max(scrypts))}):\n"
    )
    print(
        "| command | dentelle | − scrypt | key injected | jrnl 4.6 | (− scrypt) ÷ jrnl | peak RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for key, label in WHOLE:
        ours = statistics.median(result["whole"][key]["seconds"])
        beyond = beyond_scrypt(result["whole"][key])
        rss = f"{result['whole'][key]['rss_mb']:.0f} MB"
        if key in jrnl:
            theirs = statistics.median(jrnl[key]["seconds"])
            ratio = f"{beyond / theirs:.2f}"
            rss += f" / jrnl {jrnl[key]['rss_mb']:.0f} MB"
            theirs_text = shown(theirs)
        else:
            theirs_text, ratio = "—", "—"
        direct = shown(statistics.median(result["whole"][key]["injected_seconds"]))
        print(
            f"| {label} | {shown(ours)} | {shown(beyond)} | {direct} | {theirs_text} | {ratio} "
            f"| {rss} |"
        )


def checks(results: dict) -> list[str]:
    """The pass/fail lines of issue 4 that span sizes."""
    lines = []
    service, large = results.get("service"), results.get("large")
    if service and large:
        for key, label in IN_PROCESS:
            if key in service["scenarios"] and key in large["scenarios"]:
                ratio = large["scenarios"][key]["median"] / service["scenarios"][key]["median"]
                verdict = "ok" if ratio <= 5 else "OVER 5×"
                lines.append(f"large ÷ service, {label}: {ratio:.1f}× ({verdict})")
        ratio = large["memory"]["peak_mb"] / service["memory"]["peak_mb"]
        lines.append(
            f"large ÷ service, peak memory: {ratio:.1f}× ({'ok' if ratio <= 5 else 'OVER 5×'})"
        )
    for name, result in results.items():
        if "jrnl" not in result:
            continue
        for key, label in WHOLE:
            beyond = beyond_scrypt(result["whole"][key])
            theirs = statistics.median(result["jrnl"][key]["seconds"])
            verdict = "beats jrnl" if beyond < theirs else "DOES NOT BEAT jrnl"
            lines.append(
                f"{name}: {label} beyond scrypt {shown(beyond)} vs jrnl {shown(theirs)}: {verdict}"
            )
    return lines


def profile(vault: Vault, scenario: str) -> str:
    """A pyinstrument profile of one run of a scenario (for targets missed)."""
    from pyinstrument import Profiler

    identity = golden_identity()
    person = first_person_id(vault)
    with vault.open(identity) as journal:
        actions: dict[str, Callable[[], object]] = {
            "search_cold": lambda: bench_search.StoredIndex().load(journal),
            "timeline_1000": lambda: journal.entries(person),
            "add_entry": lambda: journal.add_entry(person, date(2026, 11, 27), NOTE),
            "unlock_beyond_scrypt": lambda: vault.open(identity),
        }
        if scenario not in actions:
            return ""
        profiler = Profiler(interval=0.0005)
        profiler.start()
        actions[scenario]()
        profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False)


# -- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,10k,service,large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--peers-max", type=int, default=50_000, help="largest size given to jrnl")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-whole", action="store_true", help="skip whole-command timings")
    parser.add_argument("--profile", action="store_true", help="profile missed targets")
    parser.add_argument(
        "--agent-sizes",
        default="small,10k,service",
        help="sizes of the whole commands with the agent",
    )
    parser.add_argument(
        "--agent-only", action="store_true", help="only start-up and the commands with the agent"
    )
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sizes.split(",") if n.strip()]
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    report: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        },
        "sizes": {},
    }
    print(
        f"Dentelle benchmark harness, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.2f}; {args.runs} runs ({args.slow_runs} for slow ones) "
        "after a warm-up.",
        flush=True,
    )
    if not args.no_whole:
        report["startup"] = startup(args.runs)
    for name in names:
        print(f"\n… {name}", flush=True)
        with tempfile.TemporaryDirectory(prefix="dentelle-bench-") as folder:
            vault = private_copy(name, Path(folder) / "vault")
            result: dict = {}
            if not args.no_whole and name in args.agent_sizes.split(","):
                peer = None
                if not args.no_peers and size_of(name).entries <= args.peers_max:
                    from tests.bench.peers import jrnl_setup

                    size = size_of(name)
                    peer = jrnl_setup(name, size.people, size.entries, cache_dir())
                    peer = peer.copy_to(Path(folder) / "jrnl-agent")
                result["agent"] = with_agent(
                    vault,
                    args.slow_runs,
                    Path(folder),
                    run_measured,
                    dentelle_command(),
                    (SEARCH_WORD, NOTE),
                    peer,
                )
            if args.agent_only:
                report["sizes"][name] = result
                if "agent" in result:
                    print(f"\n### {name}: {size_of(name).entries:,} entries")
                    print_agent(result["agent"], shown)
                continue
            scenarios = in_process(vault, args.runs, args.slow_runs, shm)
            result["scenarios"] = {key: stats(values) for key, values in scenarios.items()}
            limit = bench_search.physical_limit(vault, golden_identity(), args.runs)
            result["limit"] = {
                "rows": stats(limit["rows"]),
                "age_stream": stats(limit["age_stream"]),
                "megabytes": limit["megabytes"][0],
            }
            limit = bench_search.index_physical_limit(vault, golden_identity(), args.runs)
            result["index_limit"] = {
                "rows": stats(limit["rows"]),
                "age_stream": stats(limit["age_stream"]),
                "megabytes": limit["megabytes"][0],
            }
            result["sizes"] = bench_search.sizes(vault, golden_identity())
            result["memory"] = peak_memory(vault)
            if not args.no_whole:
                result["whole"] = whole_dentelle(vault, args.slow_runs, Path(folder))
                if not args.no_peers and size_of(name).entries <= args.peers_max:
                    result["jrnl"] = whole_jrnl(name, args.slow_runs, Path(folder))
            if args.profile and name == "service":
                result["profiles"] = {
                    key: profile(vault, key)
                    for key, target in TARGETS.items()
                    if key in result["scenarios"] and result["scenarios"][key]["median"] > target
                }
        report["sizes"][name] = result
        print_size(name, result)
        if "agent" in result:
            print_agent(result["agent"], shown)
        for key, text in result.get("profiles", {}).items():
            if text:
                print(f"\nProfile of one run of {key}:\n\n```\n{text.strip()}\n```")
    if "startup" in report:
        help_median = statistics.median(report["startup"]["help_seconds"])
        print(
            f"\nCLI start-up: `dentelle --help` {shown(help_median)} as a process; "
            f"UI modules imported by a command: {report['startup']['ui_modules_loaded']}."
        )
    lines = checks(report["sizes"])
    for name, result in report["sizes"].items():
        if "agent" in result:
            lines += agent_checks(name, result["agent"], shown)
    report["checks"] = lines
    if lines:
        print()
        for line in lines:
            print(f"- {line}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"\nJSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
