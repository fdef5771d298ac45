"""Make the demo's key files in journal/demo/keys/ (run by hand, never by the suite).

The demo identity (`journal.demo.vault.DEMO_IDENTITY`, fiction only) is wrapped with
real age scrypt under each language's passphrase (`DEMO_PASSPHRASES`) into
`IDENTITY_FILES[lang]`, and under `DEMO_RECOVERY_CODE` into `recovery.age` (shared by
every language). age salts each wrap, so a file made again differs byte for byte: only
missing files are made, unless named (`fr`, `en`, `recovery`) to be made again.
`tests/journal/test_demo_keys.py` checks that each one opens with its secret.

    python tests/data/make_demo_keys.py            # the missing files
    python tests/data/make_demo_keys.py en         # the English one, again
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from journal import crypto  # noqa: E402
from journal.crypto import ScryptKeyWrap  # noqa: E402
from journal.demo.vault import (  # noqa: E402
    DEMO_PASSPHRASES,
    DEMO_RECOVERY_CODE,
    IDENTITY_FILES,
    demo_identity,
)
from journal.layout import RECOVERY_FILE  # noqa: E402

KEYS = HERE.parent.parent / "journal" / "demo" / "keys"


def main(again: list[str]) -> None:
    secret = crypto.identity_to_bytes(demo_identity())
    wanted = {lang: (IDENTITY_FILES[lang], DEMO_PASSPHRASES[lang]) for lang in IDENTITY_FILES}
    wanted["recovery"] = (RECOVERY_FILE, DEMO_RECOVERY_CODE)
    for which, (name, code) in wanted.items():
        target = KEYS / name
        if target.exists() and which not in again:
            continue
        target.write_bytes(ScryptKeyWrap().wrap(code, secret))
        print(f"made {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
