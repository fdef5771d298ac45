"""Regenerate an older backup set in tests/data/ (by hand, never by the suite).

Each set was written by the backup code of an older main, to prove that such sets still
restore with today's code:

- `legacy-backup/`: main before issue 11 (commit 26fa9fe), no integrity tags, no set
  id. `tests/journal/test_backup_tamper.py` restores it, with a note that it is not
  authenticated.
- `signed-backup-1/`: main at 473f7d9 (format `dentelle-backup/2`, tagged, with the
  first content digest: every row hashed in Python). `tests/journal/test_backup_digest.py`
  restores it, authenticated.
- `signed-backup-2/`: main at 389b7e7 (the digest of every row encoded by SQLite, kind
  `2:`, before the digest of the image's bytes). Restored by the same test.

Running this script with today's code would write today's format: check out the commit
first, then

    python tests/data/make_legacy_backup.py [legacy-backup|signed-backup-1|signed-backup-2]
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from journal.backup import back_up  # noqa: E402
from tests.conftest import MemoKeyWrap, make_empty_vault  # noqa: E402


def main() -> None:
    target = HERE / (sys.argv[1] if len(sys.argv) > 1 else "legacy-backup")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    work = Path("/tmp/legacy-backup-work")
    shutil.rmtree(work, ignore_errors=True)
    vault = make_empty_vault(work / "vault", MemoKeyWrap())
    tz = timezone(timedelta(hours=1))
    ticks = iter(datetime(2026, 3, 2, 18, minute, tzinfo=tz) for minute in range(60))
    from tests.conftest import GOLDEN_IDENTITY

    journal = vault.open(GOLDEN_IDENTITY, clock=lambda: next(ticks))
    kept = journal.add_person("Mme Témoin Ancienne", "Personne fictive.")
    journal.add_entry(kept.id, date(2026, 3, 1), "Première rencontre : électricité.")
    gone = journal.add_person("M. Témoin Oublié")
    journal.add_entry(gone.id, date(2026, 3, 1), "Appel.")
    back_up(journal, target, now=next(ticks))
    journal.forget_person(gone.id)
    back_up(journal, target, now=next(ticks))
    journal.close()
    expected = {"kept": kept.id, "forgotten": gone.id, "generations": [1, 2]}
    (target / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
