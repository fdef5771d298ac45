"""`dentelle backup`, `backups` and `restore` as a worker or a script uses them.

Keys are injected through `Seams(keywrap=...)`; plugged-in drives through
`views.cli.backup.find_drives`. Two tests (`-m slow`) run real scrypt on the set's own
key copies, as a fresh machine does.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import click
import pytest

from journal.backup import write as backup_write
from journal.backup.drives import Drive
from journal.backup.sets import SET_DIR_NAME
from journal.crypto import ScryptKeyWrap
from tests.conftest import (
    GOLDEN_RECOVERY_CODE,
    MemoKeyWrap,
    make_empty_vault,
)
from tests.views.conftest import Dentelle
from views.cli import backup as cli_backup
from views.cli import cli


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def people_and_notes(dentelle: Dentelle) -> None:
    assert dentelle("person", "add", "Mme Bérénice B").exit_code == 0
    assert dentelle("add", "bérénice", "--date", "hier", "Visite à domicile.").exit_code == 0
    assert dentelle("add", "bérénice", "Appel à la CAF.").exit_code == 0


def plug(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    drives = [Drive(p, p.name, 10**9, (p / SET_DIR_NAME).is_dir()) for p in paths]
    monkeypatch.setattr(cli_backup, "find_drives", lambda: drives)


def test_backup_list_verify_and_restore_on_a_fresh_home(
    dentelle: Dentelle, usb: Path, tmp_path: Path
) -> None:
    people_and_notes(dentelle)
    done = dentelle("backup", "--to", str(usb))
    assert done.exit_code == 0, done.output
    assert "Sauvegarde n° 1 écrite et vérifiée" in done.output
    assert "personnes : 1, notes : 2" in done.output
    assert dentelle("backup", "--to", str(usb)).exit_code == 0

    listed = dentelle("backups", str(usb))
    assert listed.exit_code == 0
    assert "n° 2" in listed.output and "n° 1" in listed.output and "vérifiée le" in listed.output
    assert listed.output.index("n° 2") < listed.output.index("n° 1")  # newest first
    rows = json.loads(dentelle("backups", str(usb), "--json").output)["generations"]
    assert [r["number"] for r in rows] == [1, 2] and all(r["ok"] for r in rows)
    verified = dentelle("backups", str(usb), "--verify")
    assert verified.exit_code == 0
    assert "Toutes les sauvegardes (2) se relisent entières depuis la clé." in verified.output

    shutil.rmtree(dentelle.home)
    dentelle.home = tmp_path / "new-laptop" / "vault"
    restored = dentelle("restore", str(usb))
    assert restored.exit_code == 0, restored.output
    assert "Sauvegarde n° 2" in restored.output and "personnes : 1, notes : 2" in restored.output
    shown = dentelle("show", "bérénice")
    assert "Visite à domicile." in shown.output and "Appel à la CAF." in shown.output


def test_restore_with_the_recovery_code(dentelle: Dentelle, usb: Path, tmp_path: Path) -> None:
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle.home = tmp_path / "new-laptop" / "vault"
    restored = dentelle(
        "restore",
        str(usb),
        "--recovery-code",
        DENTELLE_PASSPHRASE="",
        DENTELLE_RECOVERY_CODE=GOLDEN_RECOVERY_CODE.lower().replace("-", " "),
    )
    assert restored.exit_code == 0, restored.output
    assert "dentelle recover" in restored.output
    assert "Appel à la CAF." in dentelle("show", "bérénice").output
    refused = dentelle("restore", str(usb), "--recovery-code", "--yes", DENTELLE_PASSPHRASE="")
    assert refused.exit_code == 1
    assert "DENTELLE_RECOVERY_CODE" in refused.output


def test_replacing_a_vault_asks_first(dentelle: Dentelle, usb: Path) -> None:
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle("add", "bérénice", "Écrit après la sauvegarde.")

    refused = dentelle("restore", str(usb))
    assert refused.exit_code == 1
    assert "ajoutez --yes" in refused.output
    dentelle.tty = True
    kept = dentelle("restore", str(usb), input="\n")
    assert "Remplacer le coffre" in kept.output and "[o/N]" in kept.output
    assert "Rien n'a été modifié." in kept.output
    assert "Écrit après la sauvegarde." in dentelle("show", "bérénice").output
    replaced = dentelle("restore", str(usb), input="o\n")
    assert replaced.exit_code == 0, replaced.output
    assert "Écrit après la sauvegarde." not in dentelle("show", "bérénice").output
    dentelle.tty = False
    assert dentelle("restore", str(usb), "--yes").exit_code == 0


def test_no_key_plugged_in(dentelle: Dentelle, monkeypatch: pytest.MonkeyPatch) -> None:
    plug(monkeypatch)
    result = dentelle("backup", DENTELLE_PASSPHRASE="")  # said before any passphrase
    assert result.exit_code == 1
    assert "Aucune clé USB trouvée" in result.output and "--to" in result.output
    english = dentelle("backups", lang="en")
    assert "No USB key with a Dentelle backup is plugged in" in english.output


def test_one_key_is_used_several_are_asked(
    dentelle: Dentelle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "CLE1", tmp_path / "CLE2"
    first.mkdir()
    second.mkdir()
    plug(monkeypatch, first)
    used = dentelle("backup")
    assert used.exit_code == 0, used.output
    assert f"Clé USB : {first}" in used.output and (first / SET_DIR_NAME).is_dir()

    plug(monkeypatch, first, second)
    listed = dentelle("backup")
    assert listed.exit_code == 1
    assert "Plusieurs clés USB sont branchées" in listed.output
    assert "1. CLE1" in listed.output and "déjà des sauvegardes" in listed.output
    assert "2. CLE2" in listed.output and "--to" in listed.output
    dentelle.tty = True
    chosen = dentelle("backup", input="2\n")
    assert chosen.exit_code == 0, chosen.output
    assert "Quelle clé ?" in chosen.output and (second / SET_DIR_NAME).is_dir()
    plug(monkeypatch, first, second)
    only_with_backups = dentelle("backups")  # both have a set now: asked again
    assert "Quelle clé ?" in only_with_backups.output


def test_wrong_passphrase_says_so(dentelle: Dentelle, usb: Path, tmp_path: Path) -> None:
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle.home = tmp_path / "new-laptop" / "vault"
    result = dentelle("restore", str(usb), DENTELLE_PASSPHRASE="pas la bonne phrase du tout")
    assert result.exit_code == 1
    assert result.output.strip() == "Phrase de passe incorrecte."
    assert not dentelle.home.exists()
    bad_code = dentelle(
        "restore", str(usb), "--recovery-code", DENTELLE_RECOVERY_CODE="AAAA-AAAA-AAAA"
    )
    assert bad_code.output.strip() == "Code de secours incorrect."


def test_a_damaged_backup_is_named_and_the_good_ones_listed(
    dentelle: Dentelle, usb: Path, tmp_path: Path
) -> None:
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle("backup", "--to", str(usb))
    latest = usb / SET_DIR_NAME / "gen-000002.age"
    latest.write_bytes(latest.read_bytes()[:-300])
    dentelle.home = tmp_path / "new-laptop" / "vault"
    result = dentelle("restore", str(usb))
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Cette sauvegarde est abîmée (n° 2) ; les précédentes sont intactes : n° 1."
    )
    assert "Traceback" not in result.output and not dentelle.home.exists()
    listed = dentelle("backups", str(usb))
    assert "ABÎMÉE" in listed.output
    verified = dentelle("backups", str(usb), "--verify", lang="en")
    assert verified.exit_code == 1
    assert "Damaged backups: no. 2. The others are fine: no. 1." in verified.output
    assert dentelle("restore", str(usb), "--generation", "1").exit_code == 0


def test_a_set_of_another_vault_is_refused(
    dentelle: Dentelle, usb: Path, tmp_path: Path, keywrap
) -> None:
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle.home = make_empty_vault(tmp_path / "colleague", keywrap).path
    result = dentelle("backup", "--to", str(usb))
    assert result.exit_code == 1
    assert "contient la sauvegarde d'un autre coffre" in result.output


def test_a_full_or_read_only_key(
    dentelle: Dentelle, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people_and_notes(dentelle)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(usb)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    locked = dentelle("backup", "--to", str(usb), lang="en")
    monkeypatch.undo()
    assert locked.exit_code == 1
    assert f"Cannot write to {usb / SET_DIR_NAME}" in locked.output
    assert "write-protected" in locked.output
    monkeypatch.setattr(backup_write, "_free_space", lambda path: 1000)
    full = dentelle("backup", "--to", str(usb))
    assert full.exit_code == 1 and "La clé est pleine" in full.output
    assert "il reste 1,0 ko" in full.output
    missing = dentelle("backup", "--to", str(usb / "absent"), DENTELLE_PASSPHRASE="")
    assert "n'existe pas" in missing.output


def test_a_folder_inside_the_vault_or_not_writable_is_refused_before_unlocking(
    dentelle: Dentelle, vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people_and_notes(dentelle)
    inside = vault.path / "copies"
    inside.mkdir()
    result = dentelle("backup", "--to", str(inside), DENTELLE_PASSPHRASE="")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "dans le coffre" in result.output and not list(inside.iterdir())
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access  # as root, chmod alone would not refuse

    def access(path, mode, *args, **kwargs) -> bool:
        if Path(path) == locked and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    refused = dentelle("backup", "--to", str(locked), DENTELLE_PASSPHRASE="", lang="en")
    assert refused.exit_code == 1 and "cannot write in it" in refused.output


def test_no_set_in_the_folder(dentelle: Dentelle, usb: Path) -> None:
    result = dentelle("restore", str(usb))
    assert result.exit_code == 1
    assert result.output.strip() == f"Aucune sauvegarde Dentelle dans {usb}."


def test_progress_bars_on_a_terminal(
    dentelle: Dentelle, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_backup, "stderr_is_tty", lambda: True)
    people_and_notes(dentelle)
    assert dentelle("backup", "--to", str(usb)).exit_code == 0
    assert dentelle("backups", str(usb), "--verify").exit_code == 0
    dentelle.home = tmp_path / "other" / "vault"
    assert dentelle("restore", str(usb)).exit_code == 0


@pytest.mark.slow
@pytest.mark.parametrize("secret", ["passphrase", "recovery code"])
def test_real_scrypt_on_a_fresh_machine(
    dentelle: Dentelle, usb: Path, tmp_path: Path, secret: str
) -> None:
    """The set's key copies open with real age scrypt (~2 s), not the test memo."""
    people_and_notes(dentelle)
    dentelle("backup", "--to", str(usb))
    dentelle.home = tmp_path / "new-laptop" / "vault"
    dentelle.seams.keywrap = ScryptKeyWrap()
    if secret == "passphrase":
        restored = dentelle("restore", str(usb))
    else:
        code = GOLDEN_RECOVERY_CODE
        restored = dentelle("restore", str(usb), "--recovery-code", DENTELLE_RECOVERY_CODE=code)
    assert restored.exit_code == 0, restored.output
    dentelle.seams.keywrap = MemoKeyWrap()
    assert "Appel à la CAF." in dentelle("show", "bérénice").output


def test_the_guide_names_what_exists() -> None:
    """docs/backup.md stays honest: its commands, options and setting are real."""
    from dataclasses import fields

    from journal.config import Config

    guide = (Path(__file__).parents[2] / "docs" / "backup.md").read_text()
    # Commands load lazily (`dentelle --help` stays fast): ask for each, whatever ran before.
    ctx = click.Context(cli)
    commands = {name: cli.get_command(ctx, name) for name in ("backup", "backups", "restore")}
    for name, command in commands.items():
        assert f"dentelle {name}" in guide and command is not None
    options = {
        opt for command in commands.values() for param in command.params for opt in param.opts
    }
    for option in ("--to", "--verify", "--generation", "--recovery-code"):
        assert option in guide and option in options
    assert "backup_generations" in guide
    assert "backup_generations" in {f.name for f in fields(Config)}


def test_backups_says_when_a_set_has_not_yet_received_an_erasure(
    dentelle: Dentelle, usb: Path
) -> None:
    people_and_notes(dentelle)
    assert dentelle("person", "add", "Famille Partie").exit_code == 0
    assert dentelle("backup", "--to", str(usb)).exit_code == 0
    assert "pas encore reçu" not in dentelle("backups", str(usb)).output
    assert dentelle("forget", "partie", "--yes").exit_code == 0
    pending = dentelle("backups", str(usb))
    assert "pas encore reçu l'oubli de 1 personne" in pending.output
    assert "received the erasure of 1 person:" in dentelle("backups", str(usb), lang="en").output
    assert dentelle("backup", "--to", str(usb)).exit_code == 0
    assert "pas encore reçu" not in dentelle("backups", str(usb)).output


def test_restore_says_a_set_from_before_authentication_is_not_authenticated(
    dentelle: Dentelle, tmp_path: Path
) -> None:
    from tests.conftest import DATA

    usb = tmp_path / "old-key"
    shutil.copytree(DATA / "legacy-backup", usb)
    dentelle.home = tmp_path / "new-laptop" / "vault"
    restored = dentelle("restore", str(usb))
    assert restored.exit_code == 0, restored.output
    assert "n'a pas pu être authentifiée" in restored.output
    again = dentelle("restore", str(usb), "--yes", lang="en")
    assert "could not be authenticated" in again.output


def test_verify_names_a_backup_copied_from_another_key(
    dentelle: Dentelle, usb: Path, tmp_path: Path
) -> None:
    people_and_notes(dentelle)
    other = tmp_path / "other-key"
    other.mkdir()
    for _ in range(2):
        assert dentelle("backup", "--to", str(other)).exit_code == 0
    dentelle("add", "bérénice", "Seulement sur la première clé.")
    for _ in range(2):
        assert dentelle("backup", "--to", str(usb)).exit_code == 0
    shutil.copyfile(other / SET_DIR_NAME / "gen-000002.age", usb / SET_DIR_NAME / "gen-000002.age")
    verified = dentelle("backups", str(usb), "--verify")
    assert verified.exit_code == 1
    assert "n° 2 vient d'une autre clé de sauvegarde" in verified.output


def test_restore_counts_deleted_entries_kept_deleted(dentelle: Dentelle, usb: Path) -> None:
    people_and_notes(dentelle)
    assert dentelle("backup", "--to", str(usb)).exit_code == 0
    shown = dentelle("show", "bérénice", "--json")
    entry_id = json.loads(shown.output)["entries"][0]["id"]
    assert dentelle("delete", entry_id, "--yes").exit_code == 0
    restored = dentelle("restore", str(usb), "--yes", lang="en")
    assert restored.exit_code == 0, restored.output
    assert "1 entry or version erased since this backup was not restored" in restored.output
