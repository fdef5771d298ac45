"""How the golden vault in tests/data/golden/ was made (schema 1; run by hand, never by the suite).

The golden vault freezes the on-disk format of schema 1: `tests/journal/test_format.py`
opens it with the committed test key and checks every value, and every test run
migrates it. It is not regenerated any more: today's code would write the latest schema
(that is `make_golden3.py`'s golden vault, tests/data/golden-3/).

    python tests/data/make_golden.py
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from journal import crypto  # noqa: E402
from journal.vault import Vault  # noqa: E402

PASSPHRASE = "golden vault passphrase for the tests only"
RECOVERY_CODE = "TEST-TEST-TEST-TEST-TEST-TEST"


def main() -> None:
    target = HERE / "golden"
    shutil.rmtree(target, ignore_errors=True)
    identity = crypto.generate_identity()
    tz = timezone(timedelta(hours=1))
    ticks = iter(datetime(2026, 3, 2, 18, minute, tzinfo=tz) for minute in range(60))
    vault = Vault(target)
    created = vault.create(PASSPHRASE, identity=identity)
    # The recovery file is rewritten under a fixed code so tests can use it.
    (target / "recovery.age").write_bytes(vault.keywrap.wrap(RECOVERY_CODE, str(identity).encode()))
    journal = vault.open(created.identity, clock=lambda: next(ticks))
    person = journal.add_person("Mme Témoin Golden", "Personne fictive du format.")
    first = journal.add_entry(person.id, date(2026, 3, 1), "Première rencontre : électricité.")
    journal.edit_entry(first.id, text="Première rencontre : facture d'électricité.")
    journal.add_entry(person.id, date(2026, 3, 2), "Appel.", entry_time=time(14, 30))
    journal.save_draft(person.id, "Brouillon en cours", "hier")
    expected = {
        "person": {"id": person.id, "name": person.name, "profile": person.profile},
        "entries": [
            {
                "id": e.id,
                "occurred_on": e.occurred_on.isoformat(),
                "time": e.time.isoformat() if e.time else None,
                "versions": [
                    {"text": v.text, "written_at": v.written_at.isoformat()}
                    for v in journal.history(e.id)
                ],
            }
            for e in journal.entries(person.id)
        ],
        "drafts": [{"text": d.text, "date_text": d.date_text} for d in journal.drafts()],
    }
    journal.close()
    (target / ".lock").unlink()
    (HERE / "golden-identity.txt").write_text(str(identity) + "\n")
    (HERE / "golden-expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
