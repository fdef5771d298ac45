"""The same passphrase rule wherever the command line sets one: init, passwd, recover,
export --encrypt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import GOLDEN_PASSPHRASE, GOLDEN_RECOVERY_CODE
from tests.views.conftest import Dentelle

TRIVIAL = ["a a a a a a a", "1 2 3 4 5 6 7"]


@pytest.mark.parametrize("trivial", TRIVIAL)
def test_init_refuses_a_trivial_passphrase(
    dentelle: Dentelle, tmp_path: Path, trivial: str
) -> None:
    dentelle.home = tmp_path / "new"
    result = dentelle("init", DENTELLE_PASSPHRASE=trivial)
    assert result.exit_code == 1, result.output
    assert "trop faible" in result.output
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("trivial", TRIVIAL)
def test_passwd_refuses_a_trivial_passphrase_and_keeps_the_old_one(
    dentelle: Dentelle, trivial: str
) -> None:
    before = (dentelle.home / "identity.age").read_bytes()
    result = dentelle("passwd", DENTELLE_NEW_PASSPHRASE=trivial, lang="en")
    assert result.exit_code == 1, result.output
    assert "too weak" in result.output
    assert (dentelle.home / "identity.age").read_bytes() == before


def test_passwd_accepts_a_good_passphrase(dentelle: Dentelle) -> None:
    result = dentelle("passwd", DENTELLE_NEW_PASSPHRASE=GOLDEN_PASSPHRASE)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("trivial", TRIVIAL)
def test_recover_refuses_a_trivial_new_passphrase(dentelle: Dentelle, trivial: str) -> None:
    before = (dentelle.home / "identity.age").read_bytes()
    result = dentelle(
        "recover",
        DENTELLE_RECOVERY_CODE=GOLDEN_RECOVERY_CODE,
        DENTELLE_NEW_PASSPHRASE=trivial,
    )
    assert result.exit_code == 1, result.output
    assert "trop faible" in result.output
    assert (dentelle.home / "identity.age").read_bytes() == before


@pytest.mark.parametrize("trivial", TRIVIAL)
def test_export_encrypt_refuses_a_trivial_passphrase_and_writes_nothing(
    dentelle: Dentelle, tmp_path: Path, trivial: str
) -> None:
    dentelle("person", "add", "Mme Export")
    dentelle("add", "export", "--date", "hier", "Visite à domicile.")
    target = tmp_path / "export.html.age"
    result = dentelle(
        "export", "export", "--encrypt", "--out", str(target), DENTELLE_NEW_PASSPHRASE=trivial
    )
    assert result.exit_code == 1, result.output
    assert "trop de mots répétés" in result.output or "prévisibles" in result.output
    assert not target.exists()


@pytest.mark.slow
def test_export_encrypt_accepts_a_good_passphrase(dentelle: Dentelle, tmp_path: Path) -> None:
    dentelle("person", "add", "Mme Export")
    dentelle("add", "export", "--date", "hier", "Visite à domicile.")
    target = tmp_path / "export.html.age"
    good = "lace is made one stitch after another"
    result = dentelle(
        "export", "export", "--encrypt", "--out", str(target), DENTELLE_NEW_PASSPHRASE=good
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"age-encryption.org/v1")
