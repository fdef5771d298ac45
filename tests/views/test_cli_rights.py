"""export, forget, erase-version and review on the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.views.conftest import Dentelle


def entries_json(d: Dentelle, who: str) -> list[dict]:
    return json.loads(d("show", who, "--json").output)["entries"]


def test_export_html_md_json(dentelle: Dentelle, tmp_path: Path) -> None:
    dentelle("person", "add", "Mme Export")
    dentelle("add", "export", "--date", "hier", "Visite à domicile.")
    dentelle("show", "export")  # a consultation to report
    for fmt in ("html", "md", "json"):
        target = tmp_path / f"out.{fmt}"
        result = dentelle("export", "export", "--format", fmt, "--out", str(target))
        assert result.exit_code == 0, result.output
        assert "n'est pas chiffré" in result.output
        assert target.stat().st_mode & 0o077 == 0
        assert "Visite à domicile." in target.read_text()
    data = json.loads((tmp_path / "out.json").read_text())
    assert [c["kind"] for c in data["consultations"]] == ["shown", "exported", "exported"]
    again = dentelle("export", "export", "--format", "md", "--out", str(tmp_path / "out.md"))
    assert again.exit_code == 1 and "existe déjà" in again.output


def test_default_export_name_is_made_from_the_name(dentelle: Dentelle, tmp_path: Path) -> None:
    dentelle("person", "add", "Mme Éloïse D'Arc")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = dentelle("export", "eloise", "--format", "md")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "histoire-mme-eloise-d-arc.md").exists()


def test_export_takes_its_format_from_out_and_refuses_a_mismatch(
    dentelle: Dentelle, tmp_path: Path
) -> None:
    dentelle("person", "add", "Mme Export")
    dentelle("add", "export", "--date", "hier", "Visite à domicile.")
    markdown = tmp_path / "madeleine.md"
    result = dentelle("export", "export", "--out", str(markdown))
    assert result.exit_code == 0, result.output
    assert markdown.read_text().startswith("#")
    clash = dentelle("export", "export", "--format", "md", "--out", str(tmp_path / "m.html"))
    assert clash.exit_code == 1 and "m.html" in clash.output and "Traceback" not in clash.output
    assert "--format" in clash.output and not (tmp_path / "m.html").exists()


def test_forget_needs_confirmation_then_erases(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Famille Oubli")
    dentelle("add", "oubli", "Une note.")
    refused = dentelle("forget", "oubli")
    assert refused.exit_code == 1 and "--yes" in refused.output
    dentelle.tty = True
    cancelled = dentelle("forget", "oubli", input="n\n")
    assert "irréversible" in cancelled.output and "Rien n'a été modifié" in cancelled.output
    done = dentelle("forget", "oubli", input="o\n")
    dentelle.tty = False
    assert done.exit_code == 0, done.output
    assert "sauvegarde" in done.output
    assert json.loads(dentelle("people", "--json").output) == []


def test_erase_version(dentelle: Dentelle) -> None:
    dentelle("person", "add", "X")
    dentelle("add", "x", "Mauvais nom de l'école.")
    entry_id = entries_json(dentelle, "x")[0]["id"]
    dentelle("edit", entry_id, "Bon nom de l'école.")
    assert dentelle("erase-version", entry_id, "3", "--yes").exit_code == 1
    current = dentelle("erase-version", entry_id, "2", "--yes")
    assert current.exit_code == 1 and "actuelle" in current.output
    assert dentelle("erase-version", entry_id, "1", "--yes").exit_code == 0
    history = json.loads(dentelle("history", entry_id, "--json").output)
    assert [v["text"] for v in history] == ["Bon nom de l'école."]


def test_review_and_keep_with_reason(dentelle: Dentelle) -> None:
    dentelle("person", "add", "Partie loin")
    dentelle("add", "partie", "--date", "3/01/2023", "Dernière rencontre avant le déménagement.")
    dentelle("person", "add", "Revenue")
    dentelle("add", "revenue", "--date", "3/01/2022", "Il y a longtemps.")
    dentelle("add", "revenue", "--date", "il y a 3 semaines", "De retour.")
    listed = dentelle("review")
    assert "Partie loin" in listed.output and "Revenue" not in listed.output
    assert "dentelle forget" in listed.output
    assert dentelle("review", "--keep", "partie").exit_code == 1
    kept = dentelle("review", "--keep", "partie", "--reason", "Demande de la juge des enfants.")
    assert kept.exit_code == 0 and "reviendra" in kept.output
    assert "Aucune personne à revoir" in dentelle("review").output
    assert json.loads(dentelle("review", "--json").output) == []
