"""`dentelle rekey` and the new recovery code `dentelle recover` gives (issue 11, item 3)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from journal import crypto
from journal.errors import VaultDamaged
from journal.vault import Vault
from tests.conftest import TickingClock
from tests.journal.rekey_helpers import NEW_PASSPHRASE, OLD_PASSPHRASE, FastKeyWrap, make_vault
from tests.views.conftest import Dentelle

CODE = re.compile(r"\b[A-Z2-9]{4}(?:-[A-Z2-9]{4}){5}\b")


@pytest.fixture
def fast(tmp_path: Path, clock: TickingClock) -> tuple[Dentelle, Vault, str]:
    vault, code = make_vault(tmp_path / "vault")
    dentelle = Dentelle(vault.path, FastKeyWrap(), clock)  # type: ignore[arg-type]
    return dentelle, vault, code


def test_an_identity_file_from_a_lost_usb_key_does_not_open_what_follows_rekey(
    fast: tuple[Dentelle, Vault, str],
) -> None:
    dentelle, vault, old_code = fast
    assert (
        dentelle("person", "add", "Awa", env={"DENTELLE_PASSPHRASE": OLD_PASSPHRASE}).exit_code == 0
    )
    on_usb_key = vault.identity_file.read_bytes()

    result = dentelle(
        "rekey",
        env={"DENTELLE_PASSPHRASE": OLD_PASSPHRASE, "DENTELLE_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert result.exit_code == 0, result.output
    codes = CODE.findall(result.output)
    assert len(codes) == 1 and codes[0] != old_code
    assert "sauvegarde" in result.output
    added = dentelle(
        "add", "Awa", "après la perte de la clé", env={"DENTELLE_PASSPHRASE": NEW_PASSPHRASE}
    )
    assert added.exit_code == 0, added.output

    old = crypto.identity_from_bytes(FastKeyWrap().unwrap(OLD_PASSPHRASE, on_usb_key))
    with pytest.raises(VaultDamaged):
        vault.open(old)
    refused = dentelle("people", env={"DENTELLE_PASSPHRASE": OLD_PASSPHRASE})
    assert refused.exit_code != 0 and "Phrase de passe incorrecte" in refused.output
    with vault.open(vault.unwrap_with_recovery_code(codes[0])) as journal:
        [person] = journal.people()
        assert [e.text for e in journal.entries(person.id)] == ["après la perte de la clé"]


def test_rekey_refuses_a_weak_passphrase_before_changing_anything(
    fast: tuple[Dentelle, Vault, str],
) -> None:
    dentelle, vault, _ = fast
    files = {p.name: p.read_bytes() for p in vault.path.iterdir()}
    result = dentelle(
        "rekey",
        lang="en",
        env={"DENTELLE_PASSPHRASE": OLD_PASSPHRASE, "DENTELLE_NEW_PASSPHRASE": "court"},
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in vault.path.iterdir()} == files


def test_recover_issues_a_new_code_and_the_old_one_no_longer_opens(
    fast: tuple[Dentelle, Vault, str],
) -> None:
    dentelle, vault, old_code = fast
    with vault.unlock(OLD_PASSPHRASE) as journal:
        journal.add_entry(journal.add_person("Awa").id, date(2026, 3, 1), "une note")

    result = dentelle(
        "recover",
        env={"DENTELLE_RECOVERY_CODE": old_code, "DENTELLE_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert result.exit_code == 0, result.output
    codes = CODE.findall(result.output)
    assert len(codes) == 1 and codes[0] != old_code
    assert "reste le même" not in result.output

    again = dentelle(
        "recover",
        env={"DENTELLE_RECOVERY_CODE": old_code, "DENTELLE_NEW_PASSPHRASE": OLD_PASSPHRASE},
    )
    assert again.exit_code != 0 and "Code de secours incorrect" in again.output
    with vault.unlock(NEW_PASSPHRASE) as journal:
        assert len(journal.people()) == 1
    vault.open(vault.unwrap_with_recovery_code(codes[0])).close()


def test_backups_says_which_generations_need_the_old_passphrase(
    fast: tuple[Dentelle, Vault, str], tmp_path: Path
) -> None:
    dentelle, vault, _ = fast
    usb = tmp_path / "usb"
    usb.mkdir()
    old = {"DENTELLE_PASSPHRASE": OLD_PASSPHRASE}
    new = {"DENTELLE_PASSPHRASE": NEW_PASSPHRASE}
    assert dentelle("person", "add", "Awa", env=old).exit_code == 0
    assert dentelle("backup", "--to", str(usb), env=old).exit_code == 0
    assert dentelle("rekey", env={**old, "DENTELLE_NEW_PASSPHRASE": NEW_PASSPHRASE}).exit_code == 0

    listed = dentelle("backups", str(usb), "--verify", env=new)
    assert listed.exit_code == 0, listed.output
    assert "n° 1. Elles ne s'ouvrent qu'avec l'ancienne phrase de passe" in listed.output
    assert "incorrecte" not in listed.output
    assert dentelle("backup", "--to", str(usb), env=new).exit_code == 0
    listed = dentelle("backups", str(usb), "--verify", env=new, lang="en")
    assert listed.exit_code == 0, listed.output
    assert "no. 1. They open only with the old passphrase" in listed.output
    assert "DAMAGED" not in listed.output
    rows = json.loads(dentelle("backups", str(usb), "--json", env=new).stdout)["generations"]
    assert [row["keys"] for row in rows] == ["old", "current"]

    restored = dentelle("restore", str(usb), "--generation", "1", "--yes", env=old, lang="en")
    assert restored.exit_code == 0, restored.output
    with vault.unlock(OLD_PASSPHRASE) as journal:
        assert [p.name for p in journal.people()] == ["Awa"]


def test_rekey_asks_the_current_passphrase_then_the_new_one_twice(
    fast: tuple[Dentelle, Vault, str],
) -> None:
    dentelle, vault, _ = fast
    dentelle.tty = True
    mismatch = dentelle(
        "rekey",
        input=f"{OLD_PASSPHRASE}\n{NEW_PASSPHRASE}\nautre chose\n",
        env={"DENTELLE_PASSPHRASE": ""},
    )
    assert mismatch.exit_code == 1 and "Traceback" not in mismatch.output
    vault.unwrap_identity(OLD_PASSPHRASE)  # nothing changed

    done = dentelle(
        "rekey",
        input=f"{OLD_PASSPHRASE}\n{NEW_PASSPHRASE}\n{NEW_PASSPHRASE}\n",
        env={"DENTELLE_PASSPHRASE": ""},
        lang="en",
    )
    assert done.exit_code == 0, done.output
    assert "re-encrypted" in done.stderr
    assert len(CODE.findall(done.stdout)) == 1
    vault.open(vault.unwrap_identity(NEW_PASSPHRASE)).close()


def test_backups_after_a_rekey_tells_old_keys_and_a_generation_from_another_key(
    fast: tuple[Dentelle, Vault, str], tmp_path: Path
) -> None:
    """`backups --verify` on a set signed across a rekey: both reports, side by side."""
    dentelle, _, _ = fast
    usb, other = tmp_path / "usb", tmp_path / "other"
    usb.mkdir()
    other.mkdir()
    old = {"DENTELLE_PASSPHRASE": OLD_PASSPHRASE}
    new = {"DENTELLE_PASSPHRASE": NEW_PASSPHRASE}
    assert dentelle("person", "add", "Awa", env=old).exit_code == 0
    assert dentelle("backup", "--to", str(usb), env=old).exit_code == 0
    assert dentelle("rekey", env={**old, "DENTELLE_NEW_PASSPHRASE": NEW_PASSPHRASE}).exit_code == 0
    for _ in range(3):
        assert dentelle("backup", "--to", str(other), env=new).exit_code == 0
    for _ in range(2):
        assert dentelle("backup", "--to", str(usb), env=new).exit_code == 0
    shutil.copyfile(
        other / "dentelle-backup" / "gen-000003.age", usb / "dentelle-backup" / "gen-000003.age"
    )
    listed = dentelle("backups", str(usb), "--verify", env=new)
    assert listed.exit_code == 1, listed.output
    assert "n° 1. Elles ne s'ouvrent qu'avec l'ancienne phrase de passe" in listed.output
    assert "n° 3 vient d'une autre clé de sauvegarde" in listed.output
    restored = dentelle("restore", str(usb), "--generation", "2", "--yes", env=new)
    assert restored.exit_code == 0, restored.output
