import pytest

from journal.errors import WeakPassphrase
from journal.passphrase import check_strength, is_strong


@pytest.mark.parametrize(
    ("passphrase", "strong"),
    [
        ("Abcdef12345!", True),  # 12 characters, 4 kinds
        ("Abcdef1234!", False),  # 11 characters
        ("Abcdefgh1234", False),  # 12 characters, 3 kinds
        ("Abcdefghij1234", True),  # 14 characters, 3 kinds
        ("abcdefghijklmnopqrst", False),  # 20 characters, 1 kind
        ("le chat dort sur le vieux tapis", True),  # 7 words
        ("le chat dort sur le tapis", False),  # 6 words
        ("", False),
    ],
)
def test_cnil_rule(passphrase: str, strong: bool) -> None:
    assert is_strong(passphrase) is strong


def test_weak_says_why_in_both_languages() -> None:
    with pytest.raises(WeakPassphrase) as caught:
        check_strength("motdepasse")
    assert "10 caractères" in caught.value.message("fr")
    assert "7 mots" in caught.value.message("fr")
    assert "7 words" in caught.value.message("en")
