"""Whole commands with the unlock agent (issue 15), beside jrnl 4.6 in the same run.

`dentelle unlock` runs once (real scrypt, as a worker runs it); then `show`, `search`,
`add` and `people` run as processes without the passphrase in their environment (so a
command that did not get the identity from the agent fails, and the harness says so),
each followed by the same jrnl command on a journal of the same notes: the two are
interleaved run by run, so that the machine's load weighs on both alike. Peak memory is
each process's maximum RSS (`wait4`, through the harness's fresh runner).

jrnl has no list of people; for `people` it runs `jrnl --tags`, which, like every jrnl
command, decrypts and parses the whole journal: the nearest thing it does.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from pathlib import Path

from journal.vault import Vault
from tests.bench.make_vault import GOLDEN_PASSPHRASE, first_person_id

RunProcess = Callable[[list[str], dict[str, str], Path], dict]

# The targets of issue 15 for a command that gets the identity from the agent.
SECONDS_TARGET = 0.35
RATIO_TARGET = 4.0
MEMORY_TARGET_MB = 120
COMMANDS = ("show", "search", "add", "people")


def with_agent(
    vault: Vault,
    runs: int,
    home: Path,
    run_process: RunProcess,
    dentelle: list[str],
    words: tuple[str, str],
    jrnl: object | None = None,
) -> dict:
    """{"unlock": {...}, command: {"seconds", "rss_mb", "jrnl_seconds", "jrnl_rss_mb"}}."""
    search_word, note = words
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "DENTELLE_HOME": str(vault.path),
        "DENTELLE_CONFIG": str(home / "no-config.toml"),
        "LANG": "fr_FR.UTF-8",
    }
    person = first_person_id(vault)
    ours = {
        "show": ["show", person],
        "search": ["search", search_word],
        "add": ["add", person, "--date", "hier", note],
        "people": ["people"],
    }
    theirs = {
        "show": ["-n", "1"],
        "search": ["-contains", search_word, "-n", "50"],
        "add": [note],
        "people": ["--tags"],
    }
    unlocked = run_process(
        [*dentelle, "unlock", "--for", "60m"],
        {**env, "DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE},
        home,
    )
    result: dict = {"unlock": {"seconds": unlocked["seconds"], "rss_mb": unlocked["rss_mb"]}}
    try:
        for name in COMMANDS:
            mine, peer = [], []
            for _ in range(runs + 1):
                mine.append(run_process([*dentelle, *ours[name]], env, home))
                if jrnl is not None:
                    peer.append(run_process(jrnl.command(*theirs[name]), jrnl.env(), home))  # type: ignore[attr-defined]
            result[name] = {
                "seconds": [m["seconds"] for m in mine[1:]],
                "cpu": [m["cpu"] for m in mine[1:]],
                "rss_mb": max(m["rss_mb"] for m in mine[1:]),
            }
            if peer:
                result[name]["jrnl_seconds"] = [p["seconds"] for p in peer[1:]]
                result[name]["jrnl_cpu"] = [p["cpu"] for p in peer[1:]]
                result[name]["jrnl_rss_mb"] = max(p["rss_mb"] for p in peer[1:])
    finally:
        run_process([*dentelle, "lock"], env, home)
    return result


def print_agent(result: dict, shown: Callable[[float], str]) -> None:
    unlock = result["unlock"]
    print(
        f"\nWith the agent (`dentelle unlock` once: {shown(unlock['seconds'])}, "
        f"{unlock['rss_mb']:.0f} MB, scrypt included), then each command as a process; "
        "jrnl 4.6 interleaved run by run:\n"
    )
    print(
        "| command | dentelle | jrnl 4.6 | jrnl ÷ dentelle | CPU dentelle / jrnl "
        "| peak RSS dentelle / jrnl | target |"
    )
    print("|---|---:|---:|---:|---|---|---|")
    for name in COMMANDS:
        row = result[name]
        ours = statistics.median(row["seconds"])
        cpu = shown(statistics.median(row["cpu"]))
        if "jrnl_cpu" in row:
            cpu += f" / {shown(statistics.median(row['jrnl_cpu']))}"
        ok = ours <= SECONDS_TARGET and row["rss_mb"] <= MEMORY_TARGET_MB
        if "jrnl_seconds" in row:
            theirs = statistics.median(row["jrnl_seconds"])
            ratio = theirs / ours
            ok = ok and ratio >= RATIO_TARGET
            memory = f"{row['rss_mb']:.0f} / {row['jrnl_rss_mb']:.0f} MB"
            peer = f"{shown(theirs)} | {ratio:.1f}× | {cpu} | {memory}"
        else:
            peer = f"— | — | {cpu} | {row['rss_mb']:.0f} MB"
        print(f"| {name} | {shown(ours)} | {peer} | {'met' if ok else 'MISSED'} |")


def agent_checks(name: str, result: dict, shown: Callable[[float], str]) -> list[str]:
    lines = []
    for command in COMMANDS:
        row = result[command]
        ours = statistics.median(row["seconds"])
        text = f"{name}: with the agent, {command} {shown(ours)} (≤ {shown(SECONDS_TARGET)}"
        if "jrnl_seconds" in row:
            ratio = statistics.median(row["jrnl_seconds"]) / ours
            text += f"; {ratio:.1f}× faster than jrnl, ≥ {RATIO_TARGET:.0f}×"
        text += f"; {row['rss_mb']:.0f} MB, ≤ {MEMORY_TARGET_MB} MB)"
        lines.append(text)
    return lines
