"""Every message of backup and restore, in French and English side by side.

A `BackupError` words its key through `journal.i18n`; the progress keys
(`backup.phase.*`, `restore.phase.*`) are what `Progress` callbacks receive as `phase`,
for a view to translate. Messages never name a person or carry a date of an entry: they
end up on screens and in bug reports.
"""

from __future__ import annotations

from journal.errors import BackupError
from journal.i18n import DEFAULT_LANGUAGE, register, translate

register(
    {
        "backup.destination_missing": {
            "fr": "Le dossier {path} n'existe pas : la clé est-elle bien branchée ?",
            "en": "The folder {path} does not exist: is the key plugged in?",
        },
        "backup.not_writable": {
            "fr": "Impossible d'écrire sur {path} ({reason}). La clé est peut-être protégée en écriture. Les sauvegardes précédentes sont intactes.",
            "en": "Cannot write to {path} ({reason}). The key may be write-protected. The earlier backups are untouched.",
        },
        "backup.full": {
            "fr": "La clé est pleine : il faut {needed} et il reste {free}. Rien n'a été écrit ; les sauvegardes précédentes sont intactes. Libérez de la place ou prenez une autre clé.",
            "en": "The key is full: {needed} are needed and {free} are left. Nothing was written; the earlier backups are untouched. Free some space or use another key.",
        },
        "backup.full_during": {
            "fr": "La clé s'est remplie pendant l'écriture. La sauvegarde inachevée a été retirée ; les précédentes sont intactes. Libérez de la place ou prenez une autre clé.",
            "en": "The key filled up during the write. The unfinished backup was removed; the earlier ones are untouched. Free some space or use another key.",
        },
        "backup.io": {
            "fr": "La clé ne répond plus ({reason}) : a-t-elle été retirée ? La sauvegarde inachevée ne compte pas ; les précédentes sont intactes. Rebranchez-la et recommencez.",
            "en": "The key stopped answering ({reason}): was it pulled out? The unfinished backup does not count; the earlier ones are untouched. Plug it back in and try again.",
        },
        "backup.after_commit": {
            "fr": "La sauvegarde n° {number} est écrite et vérifiée, mais la clé a refusé la suite ({reason}) : la liste des sauvegardes n'est peut-être pas à jour. Recommencez quand la clé répond.",
            "en": "Backup no. {number} is written and verified, but the key refused what came next ({reason}): the list of backups may be out of date. Try again when the key answers.",
        },
        "backup.verify_failed": {
            "fr": "La sauvegarde écrite ne se relit pas à l'identique depuis la clé : celle-ci est peut-être défectueuse. La sauvegarde a été retirée ; les précédentes sont intactes. Essayez une autre clé.",
            "en": "The backup just written does not read back identical from the key, which may be faulty. It was removed; the earlier ones are untouched. Try another key.",
        },
        "backup.other_vault": {
            "fr": "{path} contient la sauvegarde d'un autre coffre : rien n'a été écrit. Une clé (ou un dossier) ne sert qu'à un coffre ; prenez-en une autre.",
            "en": "{path} holds the backup of another vault: nothing was written. A key (or folder) serves one vault only; use another one.",
        },
        "backup.set_unknown": {
            "fr": "{path} contient des sauvegardes impossibles à attribuer à ce coffre : rien n'a été écrit. Prenez un autre dossier.",
            "en": "{path} holds backups that cannot be matched to this vault: nothing was written. Use another folder.",
        },
        "backup.no_set": {
            "fr": "Aucune sauvegarde Dentelle dans {path}.",
            "en": "No Dentelle backup in {path}.",
        },
        "backup.empty_set": {
            "fr": "Le jeu de sauvegardes {path} ne contient encore aucune sauvegarde.",
            "en": "The backup set {path} holds no backup yet.",
        },
        "backup.no_generation": {
            "fr": "Il n'y a pas de sauvegarde n° {number} dans {path}. Disponibles : {numbers}.",
            "en": "There is no backup no. {number} in {path}. Available: {numbers}.",
        },
        "backup.damaged": {
            "fr": "Cette sauvegarde est abîmée (n° {number}) ; les précédentes sont intactes : n° {good}.",
            "en": "This backup is damaged (no. {number}); the earlier ones are fine: no. {good}.",
        },
        "backup.damaged_others": {
            "fr": "Cette sauvegarde est abîmée (n° {number}) ; les autres sont intactes : n° {good}.",
            "en": "This backup is damaged (no. {number}); the others are fine: no. {good}.",
        },
        "backup.damaged_all": {
            "fr": "Cette sauvegarde est abîmée (n° {number}), et aucune autre de ce jeu n'est lisible.",
            "en": "This backup is damaged (no. {number}), and no other backup of this set can be read.",
        },
        "backup.keyring_damaged": {
            "fr": "Le trousseau de ce jeu de sauvegardes ({path}) est abîmé ou absent : sans lui, aucune sauvegarde ne s'ouvre. Prenez une autre clé de sauvegarde.",
            "en": "The keyring of this backup set ({path}) is damaged or missing: without it no backup opens. Use another backup key.",
        },
        "backup.key_copy_missing": {
            "fr": "Le jeu de sauvegardes {path} n'a pas de copie de la clé du coffre ({what}).",
            "en": "The backup set {path} has no copy of the vault's key ({what}).",
        },
        "backup.phase.snapshot": {"fr": "Copie du coffre", "en": "Copying the vault"},
        "backup.phase.write": {"fr": "Écriture chiffrée", "en": "Writing, encrypted"},
        "backup.phase.verify": {"fr": "Relecture depuis la clé", "en": "Reading back from the key"},
        "backup.phase.check": {"fr": "Vérification", "en": "Checking"},
        "backup.size_units": {"fr": "o,ko,Mo,Go", "en": "B,kB,MB,GB"},
        "restore.target_not_empty": {
            "fr": "{path} contient d'autres fichiers qu'un coffre Dentelle : rien n'a été restauré. Choisissez un autre dossier.",
            "en": "{path} holds other files than a Dentelle vault: nothing was restored. Choose another folder.",
        },
        "restore.not_writable": {
            "fr": "Impossible d'écrire le coffre restauré dans {path} ({reason}) : rien n'a été changé.",
            "en": "Cannot write the restored vault in {path} ({reason}): nothing was changed.",
        },
        "restore.unverified": {
            "fr": "Le coffre restauré ne se relit pas correctement ({reason}) : rien n'a été changé.",
            "en": "The restored vault does not read back correctly ({reason}): nothing was changed.",
        },
        "restore.wrong_key": {
            "fr": "Cette phrase de passe (ou ce code) ouvre un autre coffre que ce jeu de sauvegardes.",
            "en": "This passphrase (or code) opens another vault than this backup set.",
        },
        "restore.phase.read": {"fr": "Lecture de la sauvegarde", "en": "Reading the backup"},
        "restore.phase.check": {"fr": "Vérification", "en": "Checking"},
        "restore.phase.write": {"fr": "Écriture du coffre", "en": "Writing the vault"},
        "restore.phase.verify": {"fr": "Relecture du coffre", "en": "Reading the vault back"},
        "backup.not_a_folder": {
            "fr": "{path} est un fichier, pas un dossier : choisissez un dossier où écrire la sauvegarde.",
            "en": "{path} is a file, not a folder: choose a folder to write the backup in.",
        },
        "backup.inside_vault": {
            "fr": "{path} est dans le coffre lui-même : une sauvegarde qui serait perdue avec lui ne protège de rien. Choisissez une clé USB ou un autre disque.",
            "en": "{path} is inside the vault itself: a backup lost along with it protects nothing. Choose a USB key or another disk.",
        },
        "backup.folder_not_writable": {
            "fr": "Le dossier {path} existe mais vous n'avez pas le droit d'y écrire : choisissez-en un autre.",
            "en": "The folder {path} exists but you cannot write in it: choose another one.",
        },
        "backup.keyring_altered": {
            "fr": "Le trousseau de ce jeu de sauvegardes ({path}) a été modifié en dehors de Dentelle : il n'est pas pris en compte, et rien n'a été restauré. Prenez une autre clé de sauvegarde ; la prochaine sauvegarde sur celle-ci en écrira un nouveau.",
            "en": "The keyring of this backup set ({path}) was changed outside Dentelle: it is not trusted, and nothing was restored. Use another backup key; the next backup to this one writes a new keyring.",
        },
        "backup.keyring_older": {
            "fr": "Le trousseau de ce jeu de sauvegardes ({path}) est plus ancien que la sauvegarde n° {number} (il s'arrête au n° {covered}) : il a sans doute été remplacé par une ancienne copie. Rien n'a été restauré : avec lui, des personnes ajoutées depuis seraient perdues, ou des personnes oubliées reviendraient. Prenez une autre clé de sauvegarde.",
            "en": "The keyring of this backup set ({path}) is older than backup no. {number} (it stops at no. {covered}): it was most likely replaced by an old copy. Nothing was restored: with it, people added since would be lost, or forgotten people would come back. Use another backup key.",
        },
        "backup.other_set": {
            "fr": "La sauvegarde n° {number} vient d'une autre clé de sauvegarde de ce coffre (elle a été copiée ici) : elle n'est pas prise en compte. Celles de cette clé sont intactes : n° {good}.",
            "en": "Backup no. {number} comes from another backup key of this vault (it was copied here): it is not trusted. The ones of this key are fine: no. {good}.",
        },
        "backup.other_set_alone": {
            "fr": "La sauvegarde n° {number} vient d'une autre clé de sauvegarde de ce coffre (elle a été copiée ici) : elle n'est pas prise en compte, et aucune autre de cette clé n'est lisible.",
            "en": "Backup no. {number} comes from another backup key of this vault (it was copied here): it is not trusted, and no other backup of this key can be read.",
        },
        "backup.vault_damaged": {
            "fr": "Le fichier du coffre semble abîmé sur le disque (SQLite y trouve des erreurs) : aucune sauvegarde n'a été écrite, et les précédentes sont intactes. Gardez-les : elles permettent de restaurer le coffre (dentelle restore).",
            "en": "The vault's file looks damaged on the disk (SQLite finds errors in it): no backup was written, and the earlier ones are untouched. Keep them: they can restore the vault (dentelle restore).",
        },
    }
)


def format_size(size: int, lang: str = "fr") -> str:
    """'12,3 Mo' / '12.3 MB': sizes in messages about a full key."""
    units = translate("backup.size_units", lang).split(",")
    value = float(size)
    unit = units[0]
    for unit in units:
        if value < 1000 or unit == units[-1]:
            break
        value /= 1000
    text = f"{value:.0f}" if unit == units[0] else f"{value:.1f}"
    return f"{text.replace('.', ',') if lang == 'fr' else text} {unit}"


class SizedBackupError(BackupError):
    """A `BackupError` whose `needed`/`free` parameters are byte counts, worded per language.

    Parameters stay numbers (for tests and the app); only the message formats them.
    """

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        params = {
            name: format_size(value, lang) if name in ("needed", "free") else value
            for name, value in self.params.items()
        }
        return translate(self.key, lang, **params)
