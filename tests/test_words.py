"""French words that read two ways: "Personne" (nobody) and "dossier" (a folder)."""

from __future__ import annotations

import re

from journal.i18n import MESSAGES
from tests.test_plurals import _load_every_catalogue

# "Personne à revoir" reads as "a person to review" in an app whose every screen
# speaks of personnes: nobody is "Aucune personne".
_NOBODY = re.compile(r"(?:^|[.!?:] )Personne (?!ajoutée)")
# The messages where "dossier" is a folder on disk (backups, the vault's place).
FOLDER_KEYS = {
    "agent.no_runtime_dir",
    "backup.destination_missing", "backup.other_vault", "backup.set_unknown",
    "restore.target_not_empty", "cli.help.backup_to", "cli.backup.no_drive",
    "cli.backup.no_set_drive", "cli.backup.several_drives", "export.app.no_folder",
    "backup.not_a_folder", "backup.folder_not_writable",
    "cli.help.vault",
    "handover.exists", "handover.no_folder", "cli.help.handover_out",
    "handover.app.folder", "handover.app.folder_empty", "handover.app.no_folder",
    "cli.click.is_a_directory", "cli.metavar.folder", "cli.metavar.directory",
}  # fmt: skip


def test_nobody_is_never_personne() -> None:
    _load_every_catalogue()
    bad = [(k, t["fr"]) for k, t in MESSAGES.items() if _NOBODY.search(t["fr"])]
    assert not bad, "\n".join(f"{k}: {t}" for k, t in bad)


def test_dossier_only_means_a_folder() -> None:
    _load_every_catalogue()
    bad = [
        (k, t["fr"])
        for k, t in MESSAGES.items()
        if re.search(r"\bdossiers?\b", t["fr"], re.IGNORECASE) and k not in FOLDER_KEYS
    ]
    assert not bad, "\n".join(f"{k}: {t}" for k, t in bad)


def test_the_export_is_named_after_the_story() -> None:
    from journal.export import default_file_name

    assert default_file_name("Famille Martin", "html") == "histoire-famille-martin.html"
