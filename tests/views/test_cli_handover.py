"""card, colleague add/remove, colleagues, handover and receive on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.vault import Vault
from tests.conftest import MemoKeyWrap, TickingClock, make_empty_vault
from tests.views.conftest import Dentelle


@pytest.fixture
def bruno(tmp_path: Path, keywrap: MemoKeyWrap, clock: TickingClock) -> Dentelle:
    return Dentelle(make_empty_vault(tmp_path / "bruno", keywrap).path, keywrap, clock)


@pytest.fixture
def pair(dentelle: Dentelle, bruno: Dentelle, tmp_path: Path) -> tuple[Dentelle, Dentelle]:
    """Alice (the default vault) and Bruno, each holding the other's card."""
    alice_card = tmp_path / "alice.card"
    assert dentelle("card", "--name", "Alice", "--out", str(alice_card)).exit_code == 0
    bruno_text = bruno("card", "--name", "Bruno").stdout
    added = dentelle("colleague", "add", "Bruno", bruno_text)
    assert added.exit_code == 0, added.output
    assert bruno("colleague", "add", "Alice", str(alice_card)).exit_code == 0
    dentelle("person", "add", "Mme Transmise", "--profile", "Suivie depuis 2024")
    dentelle("add", "transmise", "--date", "hier", "Visite à domicile.")
    return dentelle, bruno


def test_card_prints_the_card_and_its_fingerprint(dentelle: Dentelle, tmp_path: Path) -> None:
    result = dentelle("card", "--name", "Alice Martin")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("dentelle-card: v1\nname: Alice Martin\nrecipient: age1")
    assert "Empreinte à lire à voix haute" in result.stderr
    english = dentelle("card", lang="en")
    assert "name: Alice Martin" in english.stdout  # the name is kept
    assert "Fingerprint to read aloud" in english.stderr
    out = tmp_path / "card.txt"
    assert dentelle("card", "--out", str(out)).exit_code == 0
    assert out.read_text() == result.stdout
    again = dentelle("card", "--out", str(out))
    assert again.exit_code == 1 and "existe déjà" in again.output
    nowhere = dentelle("card", "--out", str(tmp_path / "missing" / "card.txt"))
    assert nowhere.exit_code == 1 and "Impossible d'écrire la carte" in nowhere.output


def test_colleagues_are_listed_and_removed(pair: tuple[Dentelle, Dentelle]) -> None:
    alice, _ = pair
    listed = alice("colleagues")
    assert listed.exit_code == 0 and listed.stdout.startswith("Bruno — ajouté·e le ")
    rows = json.loads(alice("colleagues", "--json").stdout)
    assert [r["name"] for r in rows] == ["Bruno"] and len(rows[0]["fingerprint"].split()) == 6
    assert rows[0]["card"]["recipient"].startswith("age1")
    removed = alice("colleague", "remove", "bruno")
    assert removed.exit_code == 0 and "retiré·e" in removed.stdout
    assert "Aucun·e collègue" in alice("colleagues").stdout
    missing = alice("colleague", "remove", "Bruno", lang="en")
    assert missing.exit_code == 1 and "No colleague named" in missing.output


def test_adding_a_bad_card_or_ones_own_says_why(dentelle: Dentelle) -> None:
    bad = dentelle("colleague", "add", "Bruno", "pas une carte")
    assert bad.exit_code == 1 and "pas une carte Dentelle complète" in bad.output
    own = dentelle("colleague", "add", "Moi", dentelle("card").stdout, lang="en")
    assert own.exit_code == 1 and "your own card" in own.output
    assert "Traceback" not in bad.output + own.output


def test_handover_and_receive_without_a_terminal(
    pair: tuple[Dentelle, Dentelle], tmp_path: Path
) -> None:
    alice, bruno = pair
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = alice("handover", "transmise", "--to", "Bruno", "--out", str(usb), "--letter", "Bonjour")
    assert sent.exit_code == 0, sent.output
    (path,) = usb.iterdir()
    assert path.name.startswith("transmission-") and "Transmise" not in path.name
    assert "Vous gardez votre copie" in sent.output  # no terminal: nothing forgotten
    record = tmp_path / "e.json"
    alice("export", "transmise", "--format", "json", "--out", str(record))
    assert "handed" in [c["kind"] for c in json.loads(record.read_text())["consultations"]]

    asked = bruno("receive", str(path))
    assert asked.exit_code == 1 and "--yes" in asked.output
    assert "De : Alice (collègue)" in asked.output
    assert "Pour : Mme Transmise" in asked.output
    assert "1 note (1 version" in asked.output and "Bonjour" in asked.output
    assert json.loads(bruno("people", "--json").stdout) == []

    done = bruno("receive", str(path), "--yes")
    assert done.exit_code == 0, done.output
    assert "Histoire de Mme Transmise importée" in done.output
    shown = bruno("show", "transmise")
    assert "Visite à domicile." in shown.stdout


def test_receive_asks_and_an_unknown_sender_needs_an_explicit_yes(
    dentelle: Dentelle, bruno: Dentelle, tmp_path: Path
) -> None:
    bruno_card = bruno("card", "--name", "Bruno").stdout
    dentelle("colleague", "add", "Bruno", bruno_card)  # Bruno does not know Alice
    dentelle("person", "add", "Mme Inconnue")
    sent = dentelle("handover", "inconnue", "--to", "Bruno", "--out", str(tmp_path / "t.dentelle"))
    assert sent.exit_code == 0, sent.output
    refused = bruno("receive", str(tmp_path / "t.dentelle"), "--yes", lang="en")
    assert refused.exit_code == 1 and "--allow-unknown" in refused.output
    assert "not among your colleagues" in refused.output
    bruno.tty = True
    declined = bruno("receive", str(tmp_path / "t.dentelle"), input="n\n")
    assert "Importer quand même" in declined.output and "Rien n'a été modifié" in declined.output
    assert json.loads(bruno("people", "--json").stdout) == []
    accepted = bruno("receive", str(tmp_path / "t.dentelle"), input="o\n")
    assert accepted.exit_code == 0, accepted.output
    assert len(json.loads(bruno("people", "--json").stdout)) == 1


def test_handover_asks_the_letter_and_whether_to_forget(
    pair: tuple[Dentelle, Dentelle], tmp_path: Path
) -> None:
    alice, bruno = pair
    alice.tty = True
    out = tmp_path / "t.dentelle"
    result = alice(
        "handover",
        "transmise",
        "--to",
        "Bruno",
        "--out",
        str(out),
        input="Ligne un\nLigne deux\n\no\n",
    )
    assert result.exit_code == 0, result.output
    assert "Lettre de transmission pour Bruno" in result.output
    assert "a été oublié·e" in result.output
    assert json.loads(alice("people", "--json").stdout) == []
    received = bruno("receive", str(out), "--yes")
    assert "Ligne un\n    Ligne deux" in received.output


def test_then_forget_without_a_terminal(pair: tuple[Dentelle, Dentelle], tmp_path: Path) -> None:
    alice, _ = pair
    out = tmp_path / "t.dentelle"
    result = alice("handover", "transmise", "--to", "Bruno", "--out", str(out), "--then-forget")
    assert result.exit_code == 0, result.output
    assert json.loads(alice("people", "--json").stdout) == []


def test_receive_refuses_a_file_for_someone_else_clearly(
    pair: tuple[Dentelle, Dentelle], tmp_path: Path, vault: Vault
) -> None:
    alice, _ = pair
    out = tmp_path / "t.dentelle"
    alice("handover", "transmise", "--to", "Bruno", "--out", str(out))
    result = alice("receive", str(out), "--yes", lang="en")
    assert result.exit_code == 1 and "made for someone else" in result.output
    missing = alice("receive", str(tmp_path / "nothing.dentelle"))
    assert missing.exit_code == 1 and "Impossible de lire" in missing.output
    assert "Traceback" not in result.output + missing.output


def test_a_draft_is_not_handed_over_and_that_is_said(
    pair: tuple[Dentelle, Dentelle], tmp_path: Path, vault: Vault, keywrap: MemoKeyWrap
) -> None:
    from tests.conftest import GOLDEN_IDENTITY

    alice, _ = pair
    with vault.open(GOLDEN_IDENTITY) as journal:
        (person,) = journal.people()
        journal.save_draft(person.id, "Pas encore enregistrée")
    result = alice("handover", "transmise", "--to", "Bruno", "--out", str(tmp_path / "t.dentelle"))
    assert result.exit_code == 0, result.output
    assert "brouillon" in result.output and "n'est pas transmis" in result.output
