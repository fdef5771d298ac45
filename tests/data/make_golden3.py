"""Regenerate the golden vault of schema 3 in tests/data/golden-3/ (by hand, never by the suite).

`tests/data/golden/` stays at schema 1 for good, so that every test run migrates it;
this one freezes the format of schema 3 (integrity tags, practice journal, record of
consultations, two people with the same name). Same master identity, passphrase and
recovery code as the first golden vault (its key files are copied).
`tests/journal/test_format.py` reads it back and `tests/test_format_recipe.py` runs the
recipe of docs/format.md on it. If those fail, the format changed: revert, or write a
migration and run this on purpose.

    python tests/data/make_golden3.py
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

import pyrage  # noqa: E402

from journal.store import Journal  # noqa: E402
from journal.store.consultations import consultations, record_consultation  # noqa: E402
from journal.store.practice import add_practice_note, practice_notes  # noqa: E402
from journal.vault import Vault  # noqa: E402


def main() -> None:
    target = HERE / "golden-3"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(mode=0o700)
    identity = pyrage.x25519.Identity.from_str((HERE / "golden-identity.txt").read_text().strip())
    for name in ("identity.age", "recovery.age"):
        shutil.copyfile(HERE / "golden" / name, target / name)
    Journal.initialize(target / "dentelle.db", identity)
    tz = timezone(timedelta(hours=1))
    ticks = iter(datetime(2026, 12, 1, 18, minute, tzinfo=tz) for minute in range(60))
    journal = Vault(target).open(identity, clock=lambda: next(ticks))
    first = journal.add_person("Mme Témoin Golden", "Personne fictive du format, schéma 3.")
    namesake = journal.add_person("Mme Témoin Golden", "Homonyme : une autre personne.")
    note = journal.add_entry(first.id, date(2026, 11, 2), "Première rencontre : électricité.")
    journal.edit_entry(note.id, text="Première rencontre : facture d'électricité.")
    journal.add_entry(first.id, date(2026, 11, 20), "Appel.", entry_time=time(14, 30))
    journal.add_entry(namesake.id, date(2026, 11, 21), "Rencontre à la permanence.")
    journal.save_draft(first.id, "Brouillon en cours", "hier")
    add_practice_note(journal, date(2026, 11, 30), "Ce que j'ai appris cette semaine.")
    record_consultation(journal, first.id, "exported", "markdown")
    expected = {
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "profile": person.profile,
                "entries": [
                    {
                        "id": e.id,
                        "occurred_on": e.occurred_on.isoformat(),
                        "time": e.time.isoformat(timespec="minutes") if e.time else None,
                        "versions": [v.text for v in journal.history(e.id)],
                    }
                    for e in journal.entries(person.id)
                ],
                "consultations": [c.kind for c in consultations(journal, person.id)],
            }
            for person in (first, namesake)
        ],
        "practice": [n.text for n in practice_notes(journal)],
        "drafts": [d.text for d in journal.drafts()],
    }
    journal.close()
    (target / ".lock").unlink()
    for path in target.iterdir():
        path.chmod(0o600)
    (HERE / "golden-3-expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
