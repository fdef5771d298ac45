"""The demonstration: a throwaway vault of fictional people, and the fiction itself.

`journal.demo.fiction` also invents the people and notes of the benchmark vaults.
"""

from journal.demo.vault import (
    DEMO_IDENTITY,
    DEMO_PASSPHRASE,
    DEMO_PASSPHRASES,
    DEMO_PRACTICE_NOTE,
    DEMO_PRACTICE_NOTE_EN,
    DEMO_RECOVERY_CODE,
    DEMO_RHYTHMS,
    DEMO_RHYTHMS_EN,
    create_demo_vault,
    demo_identity,
    demo_passphrase,
)

__all__ = [
    "DEMO_IDENTITY",
    "DEMO_PASSPHRASE",
    "DEMO_PASSPHRASES",
    "DEMO_PRACTICE_NOTE",
    "DEMO_PRACTICE_NOTE_EN",
    "DEMO_RECOVERY_CODE",
    "DEMO_RHYTHMS",
    "DEMO_RHYTHMS_EN",
    "create_demo_vault",
    "demo_identity",
    "demo_passphrase",
]
