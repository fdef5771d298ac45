"""What reaches the terminal from the `dentelle` command (issue 11, items 6 and 7).

The locale and encoding cases run the real command in a process of its own
(`tests.views.real_process`: the tests' keys, no scrypt), since only a real process
has a locale, argv bytes and its own standard streams; the others use CliRunner.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from journal.text import UNSAFE_CHARACTERS
from journal.vault import Vault
from tests.conftest import GOLDEN_IDENTITY, GOLDEN_PASSPHRASE
from tests.views.conftest import Dentelle

ROOT = Path(__file__).parents[2]
NAME = "Mallory\x9d0;PWNED\x9c\x9b2J"
NOTE = "Rendez-vous \u202egnp.exe\u202c à la CAF \udc9b avec\u200b Zoé."
PROFILE = "Profil \u2066caché\u2069"


@pytest.fixture
def mallory(vault: Vault) -> Vault:
    journal = vault.open(GOLDEN_IDENTITY)
    try:
        person = journal.add_person(NAME, PROFILE)
        journal.add_entry(person.id, date(2026, 3, 2), NOTE)
    finally:
        journal.close()
    return vault


def run(
    vault: Vault, args: list[str | bytes], env: dict[str, str], **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DENTELLE_", "LC_"))}
    environment.update(
        {
            "DENTELLE_HOME": str(vault.path),
            "DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE,
            "DENTELLE_CONFIG": str(vault.path.parent / "no-config.toml"),
            "LANG": "en_US.UTF-8",
            **env,
        }
    )
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "tests.views.real_process", *args],
        capture_output=True,
        env=environment,
        timeout=120,
        cwd=ROOT,
        **kwargs,
    )


def assert_inert(raw: bytes) -> str:
    """The bytes decode as UTF-8 (no raw byte of a surrogate) and hold nothing unsafe."""
    text = raw.decode("utf-8")
    found = UNSAFE_CHARACTERS.search(text)
    assert found is None, (hex(ord(found.group())), text)
    return text


# -- the locale, the encoding of the streams -------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"LC_ALL": "C"}, {"LC_ALL": "C.UTF-8"}, {"PYTHONIOENCODING": "utf-8:strict"}],
    ids=["C", "C.UTF-8", "strict-utf8"],
)
def test_unsafe_names_and_notes_print_inert_under_any_locale(
    mallory: Vault, env: dict[str, str]
) -> None:
    for args in (["people"], ["show", "Mallory"], ["search", "caf"]):
        done = run(mallory, args, env, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, (args, done.stderr)
        assert b"Unexpected" not in done.stderr
        out = assert_inert(done.stdout)
        assert "Mallory�0;PWNED��2J" in out, args
        assert_inert(done.stderr)
    shown = assert_inert(run(mallory, ["show", "Mallory"], env).stdout)
    assert "Rendez-vous �gnp.exe� à la CAF � avec� Zoé." in shown
    assert "Profil �caché�" in shown


def test_json_escapes_what_is_unsafe_and_keeps_the_data_exact(mallory: Vault) -> None:
    done = run(mallory, ["show", "Mallory", "--json"], {"PYTHONIOENCODING": "utf-8:strict"})
    assert done.returncode == 0, done.stderr
    out = assert_inert(done.stdout)
    assert "\\u009b" in out and "\\u202e" in out and "\\udc9b" in out
    assert "Zoé" in out  # letters kept, not \u00e9
    payload = json.loads(out)
    assert payload["person"]["name"] == NAME and payload["entries"][0]["text"] == NOTE


def test_invalid_utf8_in_an_argument_is_refused_clearly(mallory: Vault) -> None:
    done = run(mallory, ["person", "add", b"Eve\x9d0;PWNED\x9c\x9b2J"], {"LC_ALL": "C"})
    assert done.returncode == 1
    message = assert_inert(done.stderr)
    assert "UTF-8" in message and "Unexpected" not in message
    assert b"\x9b" not in done.stdout + done.stderr
    with mallory.unlock(GOLDEN_PASSPHRASE) as journal:
        assert [p.name for p in journal.people()] == [NAME]  # nothing written


def test_invalid_utf8_on_standard_input_is_refused_clearly(mallory: Vault) -> None:
    done = run(mallory, ["add", "Mallory"], {"LC_ALL": "C"}, input=b"caf\xe9 \x9b2J\n")
    assert done.returncode == 1
    assert "UTF-8" in assert_inert(done.stderr)
    with mallory.unlock(GOLDEN_PASSPHRASE) as journal:
        assert len(journal.entries(journal.people()[0].id)) == 1  # nothing written


def test_invalid_utf8_on_standard_input_under_cli_runner(
    mallory: Vault, dentelle: Dentelle
) -> None:
    result = dentelle("add", "Mallory", input=b"caf\xe9\n", lang="en")  # type: ignore[arg-type]
    assert result.exit_code == 1, result.output
    assert "UTF-8" in result.output and "Unexpected" not in result.output


# -- every print path ------------------------------------------------------------------


def test_error_messages_that_echo_an_argument_are_sanitized(
    mallory: Vault, dentelle: Dentelle
) -> None:
    for args in (
        ["show", "\x1b]0;PWNED\x07"],
        ["history", "\x1b]0;PWNED\x07"],
        ["show", "--\x1b]0;PWNED\x07"],
        ["rhythm", "Mallory", "\x1b]0;PWNED\x07"],
        ["check", "\x1b]0;PWNED\x07"],
    ):
        result = dentelle(*args, lang="en")
        assert result.exit_code != 0, args
        assert "\x1b" not in result.output and "\x07" not in result.output, args
        assert "]0;pwned" in result.output.lower(), args  # shown, as text


def test_every_listing_shows_names_and_notes_inert(mallory: Vault, dentelle: Dentelle) -> None:
    entry_id = json.loads(dentelle("show", "Mallory", "--json").output)["entries"][0]["id"]
    commands = [
        ["people"],
        ["show", "Mallory"],
        ["search", "caf"],
        ["history", entry_id],
        ["rhythm", "Mallory", "tous les mois"],
        ["soon"],
        ["review"],
        ["person", "rename", "Mallory", "Mallory\u202e B"],
        ["forget", "Mallory", "--yes"],
    ]
    for args in commands:
        result = dentelle(*args)
        assert result.exit_code == 0, (args, result.output)
        found = UNSAFE_CHARACTERS.search(result.output)
        assert found is None, (args, hex(ord(found.group())), result.output)


def test_json_listings_escape_what_is_unsafe(mallory: Vault, dentelle: Dentelle) -> None:
    for args in (["people", "--json"], ["search", "caf", "--json"], ["soon", "--json"]):
        result = dentelle(*args)
        assert result.exit_code == 0, (args, result.output)
        assert UNSAFE_CHARACTERS.search(result.output) is None, args
        json.loads(result.output)


# -- the pertinence check --------------------------------------------------------------


def test_the_check_shows_a_bounded_window_around_each_word(dentelle: Dentelle) -> None:
    """An 80 KB note without punctuation: each finding quotes ≤ 200 characters of it."""
    filler = " ".join(f"mot{n}" for n in range(16_000))  # ~100 KB, one sentence
    words = filler.split()
    for at in (100, 8_000, 15_900):
        words[at] = "agressif"
    note = " ".join(words)
    assert len(note) > 80_000
    result = dentelle("check", "-", input=note)
    assert result.exit_code == 1, result.output[:500]
    assert result.output.count("agressif") >= 3
    assert len(result.output) < 3 * 2_000, len(result.output)
    quoted = [line for line in result.output.splitlines() if "agressif" in line]
    assert all(len(line) < 240 for line in quoted), [len(line) for line in quoted]
    assert all("…" in line for line in quoted)  # the cut is said
    rows = json.loads(dentelle("check", "-", "--json", input=note).output)
    assert [len(row["excerpt"]) <= 200 and "agressif" in row["excerpt"] for row in rows] == [
        True
    ] * 3


def test_a_short_sentence_is_still_quoted_whole(dentelle: Dentelle) -> None:
    result = dentelle("check", "-", input="Il était agressif au guichet ce matin.")
    assert "« Il était agressif au guichet ce matin. »" in result.output


# -- process hygiene -------------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="Linux's /proc")
def test_a_cli_process_waiting_at_a_confirmation_has_no_core_and_is_not_dumpable(
    mallory: Vault,
) -> None:
    with mallory.unlock(GOLDEN_PASSPHRASE) as journal:
        journal.add_person("Zoé")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DENTELLE_")}
    environment.update(
        DENTELLE_HOME=str(mallory.path),
        DENTELLE_PASSPHRASE=GOLDEN_PASSPHRASE,
        DENTELLE_CONFIG=str(mallory.path.parent / "no-config.toml"),
        DENTELLE_TEST_TTY="1",
        DENTELLE_TEST_REPORT="1",
        LANG="en_US.UTF-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.views.real_process", "person", "remove", "Zoé"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
        text=True,
    )
    try:
        assert process.stderr is not None
        seen = ""
        while not seen.startswith("dumpable="):  # the process is at the confirmation
            seen = process.stderr.readline()
            assert seen, "the process ended before asking"
        limits = Path(f"/proc/{process.pid}/limits").read_text()
        out, _ = process.communicate("n\n", timeout=60)
    finally:
        process.kill()
        process.wait()
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert re.split(r"\s{2,}", core)[1:3] == ["0", "0"], core  # soft and hard
    assert seen.strip() == "dumpable=0 core=0,0"
    assert "Nothing was changed" in out


def test_a_name_holding_a_newline_stays_on_its_line(vault: Vault, dentelle: Dentelle) -> None:
    with vault.open(GOLDEN_IDENTITY) as journal:
        journal.add_person("Zoé\n0123456789abcdef  Personne inventée")
        journal.add_person("Paul")
    result = dentelle("people")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2
    assert "Zoé 0123456789abcdef Personne inventée" in result.output


def test_a_note_from_a_windows_editor_reads_as_typed(mallory: Vault, dentelle: Dentelle) -> None:
    raw = "\ufeffPremière ligne\r\nDeuxième ligne\r\n".encode()
    result = dentelle("add", "Mallory", input=raw)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    with mallory.unlock(GOLDEN_PASSPHRASE) as journal:
        texts = [e.text for e in journal.entries(journal.people()[0].id)]
    assert "Première ligne\nDeuxième ligne" in texts
