"""`dentelle search` as a worker types it, in French and in English (keys injected)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from journal.vault import Vault
from tests.conftest import MemoKeyWrap, TickingClock
from tests.views.conftest import Dentelle


@pytest.fixture
def dentelle(vault: Vault, keywrap: MemoKeyWrap, clock: TickingClock) -> Dentelle:
    run = Dentelle(vault.path, keywrap, clock)
    assert run("person", "add", "Mme Bérénice Lemoine").exit_code == 0
    assert run("person", "add", "Famille Haddad").exit_code == 0
    notes = [
        ("lemoine", "hier", "Facture d'électricité impayée : appel au fournisseur."),
        ("lemoine", "3/03/2026", "Premier rendez-vous à la mairie pour la CAF."),
        ("haddad", "12/06/2026", "Le loyer est payé ; la facture\nd’ÉLECTRICITÉ attendra."),
        ("haddad", "2/01/2026", "Colis reçu \x1b]0;pwned\x07 [/red] [@click=app.quit]x[/]."),
    ]
    for who, day, text in notes:
        added = run("add", who, "--date", day, input=text)
        assert added.exit_code == 0, added.output
    return run


def test_search_in_french(dentelle: Dentelle) -> None:
    found = dentelle("search", "electricite", lang="fr")
    assert found.exit_code == 0, found.output
    lines = found.output.splitlines()
    assert lines[0] == "2 notes contiennent « electricite »."
    assert "vendredi 27 novembre 2026  ·  Mme Bérénice Lemoine  ·  " in found.output
    assert "vendredi 12 juin 2026  ·  Famille Haddad" in found.output
    assert found.output.index("27 novembre") < found.output.index("12 juin")  # newest first
    assert "la facture d’ÉLECTRICITÉ attendra." in found.output  # one line, as written


def test_search_in_english(dentelle: Dentelle) -> None:
    found = dentelle("search", "ÉLECTRICITÉ", "facture", lang="en")
    assert found.exit_code == 0, found.output
    assert found.output.startswith("2 entries contain “ÉLECTRICITÉ facture”.")
    assert "Friday, 27 November 2026  ·  Mme Bérénice Lemoine" in found.output
    one = dentelle("search", "caf", lang="en")
    assert one.output.startswith("1 entry contains “caf”.")
    none = dentelle("search", "surendettement", lang="en")
    assert none.exit_code == 0
    assert none.output.strip() == "No entry contains “surendettement”."


def test_one_argument_is_all_its_words_and_quotes_inside_it_a_phrase(dentelle: Dentelle) -> None:
    """`dentelle search "électricité facture"`: the shell's quotes keep the words together,
    they do not make a phrase; quotes inside the argument do, as in the app."""
    assert "2 notes" in dentelle("search", "facture d'électricité").output
    assert "2 notes" in dentelle("search", "électricité facture").output
    assert "Aucune note" in dentelle("search", '"électricité facture"').output
    assert "1 note" in dentelle("search", '"rendez-vous à la mairie"').output
    assert "1 note" in dentelle("search", 'mairie "rendez-vous à la"').output


def test_whole_words_a_star_for_a_prefix_and_acronyms_as_in_the_app(dentelle: Dentelle) -> None:
    assert "Aucune note" in dentelle("search", "électri").output
    assert "2 notes" in dentelle("search", "électri*").output
    assert "1 note" in dentelle("search", "CAF*").output
    assert "1 note" in dentelle("search", "factu* d'élec*", "loyer").output


def test_one_person(dentelle: Dentelle) -> None:
    found = dentelle("search", "facture", "--person", "haddad", "--json")
    assert found.exit_code == 0, found.output
    rows = json.loads(found.output)
    assert [row["person"] for row in rows] == ["Famille Haddad"]
    missing = dentelle("search", "facture", "--person", "nobody")
    assert missing.exit_code != 0
    assert "Aucune personne ne correspond à « nobody »." in missing.output


def test_json_lists_offsets_into_the_snippet(dentelle: Dentelle) -> None:
    rows = json.loads(dentelle("search", "facture", "electricite", "--json").output)
    assert [row["occurred_on"] for row in rows] == ["2026-11-27", "2026-06-12"]
    assert set(rows[0]) == {"id", "person_id", "person", "occurred_on", "snippet", "matches"}
    marked = [rows[1]["snippet"][a:b] for a, b in rows[1]["matches"]]
    assert marked == ["facture", "ÉLECTRICITÉ"]
    assert rows[1]["person"] == "Famille Haddad"


def test_limit_says_how_many_more(dentelle: Dentelle) -> None:
    fr = dentelle("search", "la", "--limit", "1")
    assert fr.output.splitlines()[0] == "2 notes contiennent « la »."
    assert "… et 1 de plus, plus ancienne : --limit 0 pour la voir." in fr.output
    en = dentelle("search", "la", "--limit", "1", lang="en")
    assert "… and 1 more, older: --limit 0 to see it." in en.output
    assert "de plus" not in dentelle("search", "la", "--limit", "0").output


def test_words_are_highlighted_on_a_terminal(dentelle: Dentelle) -> None:
    found = dentelle.runner.invoke(
        __import__("views.cli", fromlist=["cli"]).cli,
        ["search", "loyer"],
        env={
            "DENTELLE_HOME": str(dentelle.home),
            "DENTELLE_CONFIG": str(dentelle.home.parent / "no-config.toml"),
            "DENTELLE_PASSPHRASE": "golden vault passphrase for the tests only",
            "LANG": "fr_FR.UTF-8",
        },
        obj=dentelle.seams,
        color=True,
    )
    assert "\x1b[1m\x1b[7mloyer\x1b[0m" in found.output


def test_control_characters_and_markup_stay_inert(dentelle: Dentelle) -> None:
    found = dentelle("search", "colis")
    assert "\x1b" not in found.output and "\x07" not in found.output
    assert "[/red] [@click=app.quit]x[/]" in found.output


def test_no_words_is_an_error_before_unlocking(dentelle: Dentelle) -> None:
    fr = dentelle("search", "' -", env={"DENTELLE_PASSPHRASE": ""})
    assert fr.exit_code != 0
    assert "Donnez au moins un mot à chercher." in fr.output
    en = dentelle("search", "?", lang="en", env={"DENTELLE_PASSPHRASE": ""})
    assert "Give at least one word to search for." in en.output


def test_search_help_in_both_languages(dentelle: Dentelle) -> None:
    french = " ".join(dentelle("search", "--help").output.split())
    assert "sans tenir compte des accents" in french
    assert "caf* pour les mots qui commencent par caf" in french
    english = " ".join(dentelle("search", "--help", lang="en").output.split())
    assert "ignoring accents and capitals" in english
    assert "caf* for words that start with caf" in english


def test_the_command_line_does_not_load_textual() -> None:
    code = (
        "import sys\n"
        "import click\n"
        "from views.cli import cli\n"
        "ctx = click.Context(cli)\n"
        "assert 'search' in cli.list_commands(ctx)\n"
        "assert all(cli.get_command(ctx, name) for name in cli.list_commands(ctx))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not bad, bad[:5]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_a_command_imports_only_its_own_family() -> None:
    """`dentelle check` starts without the store, backups or search (lazy commands)."""
    code = (
        "import sys\n"
        "import click\n"
        "from views.cli import cli\n"
        "cli.get_command(click.Context(cli), 'check')\n"
        "loaded = [m for m in ('journal.store', 'journal.backup', 'journal.search') "
        "if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_a_note_added_by_a_command_is_found_from_the_sealed_index(
    dentelle: Dentelle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command is a cold start: `add` writes the note's words into the person's
    sealed index, and the next `search` reads it, rebuilding nothing."""
    from journal.store.journal import Journal

    assert dentelle("search", "quittance").output.startswith("Aucune note")
    added = dentelle("add", "haddad", "--date", "hier", input="Quittance de gaz reçue.")
    assert added.exit_code == 0, added.output

    def refuse(*args, **kwargs):
        raise AssertionError("the word index was rebuilt")

    monkeypatch.setattr(Journal, "rebuild_word_indexes", refuse)
    found = dentelle("search", "quittance", lang="fr")
    assert found.exit_code == 0, found.output
    assert found.output.splitlines()[0] == "1 note contient « quittance »."


def test_a_vault_without_word_index_says_it_prepares_one_then_finds(
    dentelle: Dentelle, vault: Vault
) -> None:
    import sqlite3

    conn = sqlite3.connect(vault.database_file)
    conn.execute("DELETE FROM word_index")  # as a vault of an older schema has none
    conn.commit()
    conn.close()
    found = dentelle("search", "electricite", lang="en")
    assert found.exit_code == 0, found.output
    assert found.stderr.startswith("Preparing the search index, once and for all")
    assert found.stdout.startswith("2 entries contain “electricite”.")
    again = dentelle("search", "electricite", lang="en")
    assert again.stderr == "" and again.stdout.startswith("2 entries contain")
