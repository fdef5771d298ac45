"""The `dentelle` command as a worker or a script uses it (click's runner, real vault).

Keys are injected through `Seams(keywrap=...)`; one test runs the real command in a
subprocess with real scrypt to check what a person sees on a wrong passphrase.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.vault import Vault
from tests.conftest import GOLDEN, GOLDEN_PASSPHRASE, MemoKeyWrap
from tests.views.conftest import Dentelle
from views.cli import Seams, cli


def test_first_steps_in_french_and_english(dentelle: Dentelle) -> None:
    assert dentelle("person", "add", "Mme Bérénice B", "--profile", "Deux enfants").exit_code == 0
    added = dentelle(
        "add", "mme b", "--date", "hier", input="Visite à domicile. Facture d'électricité.\n"
    )
    assert added.exit_code == 0, added.output
    assert "vendredi 27 novembre 2026" in added.output  # the clock says Saturday 28 November

    french = dentelle("show", "MME B", lang="fr")
    assert french.exit_code == 0
    assert "novembre 2026" in french.output
    assert "vendredi 27 novembre 2026" in french.output
    assert "Visite à domicile. Facture d'électricité." in french.output
    assert "Deux enfants" in french.output

    english = dentelle("show", "mme b", lang="en")
    assert "Friday, 27 November 2026" in english.output
    assert "November 2026" in english.output


def test_show_json_and_gaps(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Famille Martin")
    dentelle("add", "martin", "--date", "3/01/2026", "Premier appel.")
    dentelle("add", "martin", "--date", "12/06/2026", "Retour après l'été.")
    shown = dentelle("show", "martin")
    assert "5 mois sans contact" in shown.output
    assert (
        shown.output.index("janvier 2026")
        < shown.output.index("5 mois")
        < shown.output.index("juin 2026")
    )
    data = json.loads(dentelle("show", "martin", "--json").output)
    assert [e["occurred_on"] for e in data["entries"]] == ["2026-01-03", "2026-06-12"]
    assert [e["text"] for e in data["entries"]] == ["Premier appel.", "Retour après l'été."]
    assert all(e["id"] and e["written_at"] for e in data["entries"])


def test_people_list_and_json(dentelle: Dentelle) -> None:
    assert "Aucune personne pour l'instant" in dentelle("people").output
    dentelle("person", "add", "Zoé")
    dentelle("person", "add", "Ahmed")
    dentelle("add", "zoe", "--date", "il y a 3 semaines", "Rencontre.")
    listed = dentelle("people")
    assert listed.output.index("Ahmed") < listed.output.index("Zoé")
    assert "il y a 3 semaines" in listed.output
    rows = json.loads(dentelle("people", "--json").output)
    assert {r["name"]: r["entries"] for r in rows} == {"Ahmed": 0, "Zoé": 1}


def test_ambiguous_person_lists_candidates_and_writes_nothing(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Jean Dupont")
    dentelle("person", "add", "Marie Dupont")
    result = dentelle("add", "dupont", "Une note")
    assert result.exit_code == 1
    assert "Jean Dupont" in result.output and "Marie Dupont" in result.output
    assert json.loads(dentelle("people", "--json").output)[0]["entries"] == 0


def test_unreadable_date_shows_examples_and_saves_nothing(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B")
    result = dentelle("add", "mme b", "--date", "le 5", "Une note")
    assert result.exit_code != 0
    assert "lundi dernier" in result.output
    impossible = dentelle("add", "mme b", "--date", "31/02", "Une note")
    assert impossible.exit_code != 0
    assert "février n'a pas 31 jours" in impossible.output
    assert "Traceback" not in result.output
    assert json.loads(dentelle("people", "--json").output)[0]["entries"] == 0


def test_future_date_is_accepted_with_a_warning(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B")
    result = dentelle("add", "mme b", "--date", "15/12/2026", "Rendez-vous prévu.")
    assert result.exit_code == 0
    assert "futur" in result.output


def test_edit_history_delete(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme B")
    dentelle("add", "mme b", "--date", "hier", "Première version.")
    entry_id = json.loads(dentelle("show", "mme b", "--json").output)["entries"][0]["id"]
    edited = dentelle("edit", entry_id[:8], input="Version corrigée.\n")
    assert edited.exit_code == 0, edited.output
    history = json.loads(dentelle("history", entry_id, "--json").output)
    assert [v["text"] for v in history] == ["Première version.", "Version corrigée."]
    assert "Version 1" in dentelle("history", entry_id).output

    refused = dentelle("delete", entry_id)
    assert refused.exit_code != 0 and "--yes" in refused.output
    assert dentelle("delete", entry_id, "--yes").exit_code == 0
    assert json.loads(dentelle("show", "mme b", "--json").output)["entries"] == []


def test_no_passphrase_without_a_terminal_says_what_to_do(dentelle: Dentelle) -> None:
    result = dentelle("people", env={"DENTELLE_PASSPHRASE": ""}, lang="en")
    assert result.exit_code == 1
    assert "DENTELLE_PASSPHRASE" in result.output


def test_passphrase_file(dentelle: Dentelle, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text(GOLDEN_PASSPHRASE + "\n")
    result = dentelle("--passphrase-file", str(secret), "people", env={"DENTELLE_PASSPHRASE": ""})
    assert result.exit_code == 0, result.output


def test_missing_vault_says_to_run_init(dentelle: Dentelle, tmp_path: Path) -> None:
    result = dentelle("--vault", str(tmp_path / "none"), "people", lang="en")
    assert result.exit_code == 1
    assert "dentelle init" in result.output


def test_vault_in_use(dentelle: Dentelle, vault: Vault) -> None:
    from tests.conftest import GOLDEN_IDENTITY

    with vault.open(GOLDEN_IDENTITY):
        result = dentelle("people", lang="en")
    assert result.exit_code == 1
    assert "already open" in result.output


def test_help_in_both_languages(dentelle: Dentelle) -> None:
    french = dentelle("--help", lang="fr")
    assert "Écrire une note" in french.output
    english = dentelle("add", "--help", lang="en")
    assert "Write an entry" in english.output
    assert "When it happened" in english.output
    forced = dentelle("--lang", "en", "--help", lang="fr")
    assert "Write an entry" in forced.output


def test_init_without_terminal_needs_a_passphrase(tmp_path: Path, keywrap: MemoKeyWrap) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["--vault", str(tmp_path / "v"), "--lang", "en", "init"],
        env={"DENTELLE_PASSPHRASE": ""},
        obj=Seams(keywrap=keywrap, stdin_is_tty=lambda: False),
    )
    assert result.exit_code == 1
    assert "DENTELLE_PASSPHRASE" in result.output


def test_init_prints_a_recovery_code_once(tmp_path: Path, keywrap: MemoKeyWrap) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["--vault", str(tmp_path / "v"), "--lang", "fr", "init"],
        env={"DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE},
        obj=Seams(keywrap=keywrap, stdin_is_tty=lambda: False),
    )
    assert result.exit_code == 0, result.output
    assert "code de secours" in result.output
    assert "papier" in result.output
    again = runner.invoke(
        cli,
        ["--vault", str(tmp_path / "v"), "init"],
        env={"DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE},
        obj=Seams(keywrap=keywrap, stdin_is_tty=lambda: False),
    )
    assert again.exit_code == 1


def run_dentelle(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DENTELLE_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "views", *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )


@pytest.mark.slow
def test_wrong_passphrase_in_a_real_process(tmp_path: Path) -> None:
    """Real scrypt, real process: one line, non-zero exit, no traceback."""
    shutil.copytree(GOLDEN, tmp_path / "v")
    for lang, expected in (
        ("fr_FR.UTF-8", "Phrase de passe incorrecte."),
        ("en_US.UTF-8", "Wrong passphrase."),
    ):
        result = run_dentelle(
            ["people"],
            {
                "DENTELLE_HOME": str(tmp_path / "v"),
                "DENTELLE_PASSPHRASE": "wrong",
                "LANG": lang,
                "LC_ALL": "",
            },
        )
        assert result.returncode == 1
        assert result.stderr.strip() == expected
        assert "Traceback" not in result.stdout + result.stderr
    good = run_dentelle(
        ["show", "golden", "--json"],
        {"DENTELLE_HOME": str(tmp_path / "v"), "DENTELLE_PASSPHRASE": GOLDEN_PASSPHRASE},
    )
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["entries"][0]["occurred_on"] == date(2026, 3, 1).isoformat()


def test_commands_that_do_not_open_the_app_do_not_import_textual() -> None:
    code = (
        "import sys, views.cli; assert 'textual' not in sys.modules and 'rich' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["demo", "--lang", "en"], {}, "en"),
        (["--lang", "en", "demo"], {}, "en"),
        (["demo"], {"LANG": "en_GB.UTF-8"}, "en"),
        (["demo"], {}, "fr"),
    ],
)
def test_the_demo_opens_in_the_language_asked(
    dentelle: Dentelle, monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict, lang: str
) -> None:
    import views.app

    opened: list[tuple[str, bool]] = []
    monkeypatch.setattr(views.app, "run_app", lambda vault, lang, demo: opened.append((lang, demo)))
    result = dentelle(*args, env=env)
    assert result.exit_code == 0, result.output
    assert opened == [(lang, True)]


def test_english_dates_in_the_order_of_the_systems_region(dentelle: Dentelle) -> None:
    """`12/03` is 12 March in British English (the default) and March 12 in en_US: the
    day written back says which was understood (issue 13)."""
    dentelle("person", "add", "Mr Day")
    british = dentelle("--lang", "en", "add", "mr day", "--date", "12/03", "Met.", lang="en")
    assert "Thursday, 12 March 2026" in british.output
    american = dentelle(
        "--lang", "en", "add", "mr day", "--date", "12/03", "Met.", lang="en",
        env={"LC_TIME": "en_US.UTF-8"},
    )  # fmt: skip
    assert "Wednesday, December 3, 2025" in american.output
