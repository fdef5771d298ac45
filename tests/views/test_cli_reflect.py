"""check, practice, rhythm and soon on the command line; the check before saving."""

from __future__ import annotations

import json
from pathlib import Path

from journal.pertinence import question
from tests.views.conftest import Dentelle


def test_check_is_a_linter(dentelle: Dentelle, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Visite à domicile.\nMonsieur était très agressif avec l'accueil.\n")
    found = dentelle("check", str(note))
    assert found.exit_code == 1
    assert "agressif" in found.output
    assert "2:" in found.output  # the line
    assert question("fr", "judgment") in found.output  # the question of its category
    rows = json.loads(dentelle("check", "-", "--json", input="Il est menteur.").output)
    assert rows[0]["matched"] == "menteur" and rows[0]["category"] == "judgment"
    clean = dentelle(
        "check", "-", input="Agression subie dans le hall, plainte déposée.", lang="en"
    )
    assert clean.exit_code == 0
    assert "Nothing to point out" in clean.output


def test_the_check_never_prevents_saving_without_a_terminal(dentelle: Dentelle) -> None:
    dentelle("person", "add", "M. R")
    result = dentelle("add", "m. r", "--date", "hier", "Il a pété un plomb à l'accueil.")
    assert result.exit_code == 0, result.output
    assert "pété un plomb" in result.output  # shown as a remark
    assert json.loads(dentelle("people", "--json").output)[0]["entries"] == 1


def test_the_worker_can_choose_to_rephrase(dentelle: Dentelle) -> None:
    dentelle("person", "add", "M. R")
    dentelle.tty = True
    kept = dentelle("add", "m. r", "Il est manipulateur.", input="n\n")
    assert kept.exit_code == 1
    assert "Rien n'a été enregistré" in kept.output
    saved = dentelle("add", "m. r", "Il est manipulateur.", input="\n")
    assert saved.exit_code == 0
    dentelle.tty = False
    assert json.loads(dentelle("people", "--json").output)[0]["entries"] == 1


def test_practice_journal(dentelle: Dentelle) -> None:
    assert "Ce qui s'est passé" in dentelle("practice", "prompts").output
    added = dentelle("practice", "add", "--date", "hier", "Supervision : j'ai pu dire ma fatigue.")
    assert added.exit_code == 0, added.output
    shown = dentelle("practice", "show")
    assert "Supervision" in shown.output and "vendredi 27 novembre 2026" in shown.output
    assert len(json.loads(dentelle("practice", "show", "--json").output)) == 1


def test_rhythm_and_soon(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Mme L")
    dentelle("add", "mme l", "--date", "il y a 8 semaines", "Rencontre mensuelle.")
    set_ = dentelle("rhythm", "mme l", "tous les mois")
    assert set_.exit_code == 0, set_.output
    assert "tous les mois" in set_.output
    soon = dentelle("soon")
    assert "d'habitude tous les mois — dernier contact il y a 8 semaines" in soon.output
    assert "retard" not in soon.output
    bad = dentelle("rhythm", "mme l", "quand il veut")
    assert bad.exit_code == 1 and "toutes les deux semaines" in bad.output
    assert dentelle("rhythm", "mme l", "--clear").exit_code == 0
    assert "Aucune personne à signaler" in dentelle("soon").output
