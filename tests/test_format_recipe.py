"""The manual recipe of docs/format.md, run as written on both golden vaults.

The blocks fenced as ```sh recipe``` (run in order, in the vault folder, with `MASTER`
holding the master identity as step 1 leaves it) and ```python recipe <file>``` (saved
under that name in the home folder) are taken from the page itself: the page cannot drift
from what works.
They need `sqlite3`, `xxd` and the Go `age` command (Debian: `apt-get install age xxd
sqlite3`), and Python with `cryptography`; each test skips with the reason where one is
missing. Step 1 itself (the passphrase, typed at a terminal) runs under a pseudo-terminal
in a slow test: it is real scrypt.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, GOLDEN, GOLDEN3, GOLDEN_PASSPHRASE

ROOT = Path(__file__).parents[1]
FENCE = re.compile(r"^```(sh|python) recipe(?:[ \t]+(\S+))?\n(.*?)^```", re.S | re.M)


def blocks() -> tuple[dict[str, str], dict[str, str]]:
    """The shell scripts by name ("" for the main one, in order) and the Python files."""
    shell: dict[str, str] = {}
    files: dict[str, str] = {}
    for language, name, code in FENCE.findall((ROOT / "docs" / "format.md").read_text()):
        if language == "python":
            files[name] = code
        else:
            shell[name or ""] = shell.get(name or "", "") + code
    return shell, files


def tools() -> None:
    for tool in ("sqlite3", "xxd", "age"):
        if shutil.which(tool) is None:
            pytest.skip(f"`{tool}` is not installed (apt-get install age xxd sqlite3)")
    help_text = subprocess.run(["age", "--help"], capture_output=True, text=True)
    if "age" not in help_text.stdout + help_text.stderr:  # pragma: no cover
        pytest.skip("`age` is not the age command")


def run_recipe(folder: Path, script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    _, files = blocks()
    for name, code in files.items():
        (tmp_path / name).write_text(code)
    env = {
        **os.environ,
        "MASTER": (DATA / "golden-identity.txt").read_text().strip(),
        "HOME": str(tmp_path),  # the page saves its Python file as ~/read_vault.py
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["sh", "-e", "-c", script], cwd=folder, env=env, capture_output=True, text=True
    )


def read_with_recipe(folder: Path, tmp_path: Path) -> dict:
    shell, _ = blocks()
    done = run_recipe(folder, shell[""], tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_page_has_a_recipe() -> None:
    shell, files = blocks()
    assert "" in shell and "work-factor" in shell
    assert "read_vault.py" in files
    main = shell[""]
    assert "hex(wrapped_key)" in main and "xxd -r -p" in main and "age -d -i" in main
    assert "mode=ro&immutable=1" in main


def test_the_recipe_reads_the_golden_vault_of_schema_1(tmp_path: Path) -> None:
    tools()
    shutil.copytree(GOLDEN, tmp_path / "vault")
    got = read_with_recipe(tmp_path / "vault", tmp_path)
    expected = json.loads((DATA / "golden-expected.json").read_text())
    person = expected["person"]
    assert [(p["id"], p["name"], p["profile"]) for p in got["people"]] == [
        (person["id"], person["name"], person["profile"])
    ]
    assert [e["id"] for e in got["people"][0]["entries"]] == [e["id"] for e in expected["entries"]]
    assert [e["versions"] for e in got["people"][0]["entries"]] == [
        [v["text"] for v in e["versions"]] for e in expected["entries"]
    ]
    assert got["people"][0]["drafts"] == [d["text"] for d in expected["drafts"]]
    assert got["integrity"] == "no tags (schema 1)"


def test_the_recipe_reads_the_golden_vault_of_schema_3(tmp_path: Path) -> None:
    """Two people with the same name stay two people: the recipe keys them by id."""
    tools()
    shutil.copytree(GOLDEN3, tmp_path / "vault")
    got = read_with_recipe(tmp_path / "vault", tmp_path)
    expected = json.loads((DATA / "golden-3-expected.json").read_text())
    by_id = {p["id"]: p for p in got["people"]}
    assert set(by_id) == {p["id"] for p in expected["people"]}
    for want in expected["people"]:
        person = by_id[want["id"]]
        assert (person["name"], person["profile"]) == (want["name"], want["profile"])
        assert [e["id"] for e in person["entries"]] == [e["id"] for e in want["entries"]]
        assert [e["versions"] for e in person["entries"]] == [
            e["versions"] for e in want["entries"]
        ]
        assert [e["time"] for e in person["entries"]] == [e["time"] for e in want["entries"]]
        assert person["consultations"] == want["consultations"]
    assert got["practice"] == expected["practice"]
    assert got["integrity"] == "ok"


def test_the_recipe_reports_a_replayed_version(tmp_path: Path) -> None:
    tools()
    shutil.copytree(GOLDEN3, tmp_path / "vault")
    conn = sqlite3.connect(tmp_path / "vault" / "dentelle.db")
    entry_id, version_id, sealed = conn.execute(
        "SELECT entry_id, version_id, sealed FROM revisions"
    ).fetchone()
    conn.execute(
        "UPDATE entries SET version_id=?, sealed=? WHERE id=?", [version_id, sealed, entry_id]
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    got = read_with_recipe(tmp_path / "vault", tmp_path)
    assert got["integrity"] == [f"entry {entry_id}"]


@pytest.mark.parametrize("golden", [GOLDEN, GOLDEN3], ids=["schema-1", "schema-3"])
def test_the_recipe_reads_the_work_factor(tmp_path: Path, golden: Path) -> None:
    tools()
    shutil.copytree(golden, tmp_path / "vault")
    shell, _ = blocks()
    done = run_recipe(tmp_path / "vault", shell["work-factor"], tmp_path)
    assert done.returncode == 0, done.stderr
    header = (golden / "identity.age").read_bytes().split(b"\n")[1].decode()
    log_n = int(header.split()[-1])
    assert done.stdout.split() == ["identity.age", str(log_n), "recovery.age", str(log_n)], (
        done.stdout
    )


@pytest.mark.slow
def test_step_1_with_the_passphrase_at_a_terminal(tmp_path: Path) -> None:
    """`age -d identity.age` asks at the terminal: typed under a pseudo-terminal."""
    tools()
    import pty

    doc = (ROOT / "docs" / "format.md").read_text()
    step = re.search(r"^```sh\n(MASTER=\$\(age -d identity\.age\))\n```", doc, re.M)
    assert step is not None
    shutil.copytree(GOLDEN, tmp_path / "vault")
    script = f"{step.group(1)}\nprintf '%s\\n' \"$MASTER\" > {tmp_path / 'out'}\n"
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(tmp_path / "vault")
        os.execvp("sh", ["sh", "-e", "-c", script])
    seen = b""
    while b"passphrase" not in seen.lower():
        seen += os.read(fd, 1024)
    os.write(fd, GOLDEN_PASSPHRASE.encode() + b"\r")
    with pytest.raises(OSError):
        while os.read(fd, 1024):
            pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    master = (DATA / "golden-identity.txt").read_text().strip()
    assert (tmp_path / "out").read_text().strip() == master
