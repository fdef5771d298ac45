"""The demonstration: a throwaway vault of fictional people, and the fiction itself.

`journal.demo.fiction` also invents the people and notes of the benchmark vaults.
"""

from journal.demo.vault import (
    DEMO_IDENTITY,
    DEMO_PASSPHRASE,
    DEMO_PRACTICE_NOTE,
    DEMO_RECOVERY_CODE,
    DEMO_RHYTHMS,
    create_demo_vault,
    demo_identity,
)

__all__ = [
    "DEMO_IDENTITY",
    "DEMO_PASSPHRASE",
    "DEMO_PRACTICE_NOTE",
    "DEMO_RECOVERY_CODE",
    "DEMO_RHYTHMS",
    "create_demo_vault",
    "demo_identity",
]
