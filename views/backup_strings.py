"""Every user-visible string of `dentelle backup`, `backups` and `restore`, fr and en.

The core's backup messages (errors, progress phases) live in `journal/backup_strings.py`;
these are the command line's own: help, prompts and summaries.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- help ------------------------------------------------------------------
        "cli.help.backup_to": {
            "fr": "Dossier où sauvegarder (la clé USB) ; la sauvegarde va dans dentelle-backup/ dedans.",
            "en": "Folder to back up to (the USB key); the backup goes in dentelle-backup/ inside it.",
        },
        "cli.help.backups_verify": {
            "fr": "Relire et vérifier chaque sauvegarde depuis la clé (demande la phrase de passe).",
            "en": "Read back and check every backup from the key (asks for the passphrase).",
        },
        "cli.help.generation": {
            "fr": "Numéro de la sauvegarde à restaurer (défaut : la plus récente).",
            "en": "Number of the backup to restore (default: the latest).",
        },
        "cli.help.recovery_code_flag": {
            "fr": "Ouvrir la sauvegarde avec le code de secours (DENTELLE_RECOVERY_CODE, sinon demandé).",
            "en": "Open the backup with the recovery code (DENTELLE_RECOVERY_CODE, else asked).",
        },
        # -- choosing a drive ------------------------------------------------------------
        "cli.backup.no_drive": {
            "fr": "Aucune clé USB trouvée. Branchez-en une et attendez qu'elle apparaisse, ou indiquez un dossier avec --to DOSSIER.",
            "en": "No USB key found. Plug one in and wait for it to appear, or name a folder with --to FOLDER.",
        },
        "cli.backup.no_set_drive": {
            "fr": "Aucune clé USB avec une sauvegarde Dentelle n'est branchée. Indiquez le dossier : dentelle backups DOSSIER.",
            "en": "No USB key with a Dentelle backup is plugged in. Name the folder: dentelle backups FOLDER.",
        },
        "cli.backup.several_drives": {
            "fr": "Plusieurs clés USB sont branchées :\n{drives}\nChoisissez avec --to DOSSIER (ou en donnant le DOSSIER).",
            "en": "Several USB keys are plugged in:\n{drives}\nChoose with --to FOLDER (or by giving the FOLDER).",
        },
        "cli.backup.drive_line": {
            "fr": "  {n}. {label} ({path}, {free} libres){mark}",
            "en": "  {n}. {label} ({path}, {free} free){mark}",
        },
        "cli.backup.has_set_mark": {"fr": " — déjà des sauvegardes", "en": " — has backups"},
        "cli.backup.which_drive": {"fr": "Quelle clé ? (numéro)", "en": "Which key? (number)"},
        "cli.backup.using_drive": {"fr": "Clé USB : {path}", "en": "USB key: {path}"},
        # -- results ---------------------------------------------------------------------
        "cli.backup.done": {
            "fr": "Sauvegarde n° {number} écrite et vérifiée dans {path} ({size} ; personnes : {people}, notes : {entries}).",
            "en": "Backup no. {number} written and verified in {path} ({size}; people: {people}, entries: {entries}).",
        },
        "cli.backup.rotated": {
            "fr": "Anciennes sauvegardes retirées (on en garde {keep}) : n° {numbers}.",
            "en": "Older backups removed (keeping {keep}): no. {numbers}.",
        },
        "cli.backups.header": {
            "fr": "Sauvegardes dans {path} :",
            "en": "Backups in {path}:",
        },
        "cli.backups.line": {
            "fr": "  n° {number:<5} {created:<24} {size:>10}   {status}",
            "en": "  no. {number:<5} {created:<24} {size:>10}   {status}",
        },
        "cli.backups.checked": {"fr": "vérifiée le {when}", "en": "checked {when}"},
        "cli.backups.damaged": {"fr": "ABÎMÉE", "en": "DAMAGED"},
        "cli.backups.unchecked": {"fr": "pas encore vérifiée", "en": "not checked yet"},
        "cli.backups.none": {
            "fr": "Ce jeu de sauvegardes ne contient encore aucune sauvegarde.",
            "en": "This backup set holds no backup yet.",
        },
        "cli.backups.all_good": {
            "fr": "Toutes les sauvegardes ({count}) se relisent entières depuis la clé.",
            "en": "Every backup ({count}) reads back whole from the key.",
        },
        "cli.backups.some_damaged": {
            "fr": "Sauvegardes abîmées : n° {bad}. Les autres sont intactes : n° {good}.",
            "en": "Damaged backups: no. {bad}. The others are fine: no. {good}.",
        },
        "cli.backups.all_damaged": {
            "fr": "Aucune sauvegarde de ce jeu ne se relit correctement : n° {bad}.",
            "en": "No backup of this set reads back correctly: no. {bad}.",
        },
        "cli.restore.confirm": {
            "fr": "Remplacer le coffre {path} par la sauvegarde n° {number} du {when} ? Le coffre actuel est gardé de côté jusqu'à ce que la restauration soit vérifiée, puis effacé ; ce qui a été écrit depuis cette sauvegarde sera perdu.",
            "en": "Replace the vault {path} with backup no. {number} of {when}? The current vault is kept aside until the restore is verified, then removed; anything written since that backup will be lost.",
        },
        "cli.restore.done": {
            "fr": "Sauvegarde n° {number} du {when} restaurée dans {path} (personnes : {people}, notes : {entries}), toutes relues.",
            "en": "Backup no. {number} of {when} restored in {path} (people: {people}, entries: {entries}), all read back.",
        },
        "cli.restore.forgotten": {
            "fr": "{n} personnes oubliées (droit à l'effacement) n'ont pas été restaurées, comme il se doit.",
            "en": "{n} forgotten people (right to erasure) were not restored, as it should be.",
        },
        "cli.restore.forgotten.one": {
            "fr": "{n} personne oubliée (droit à l'effacement) n'a pas été restaurée, comme il se doit.",
            "en": "{n} forgotten person (right to erasure) was not restored, as it should be.",
        },
        "cli.backups.erasures_pending": {
            "fr": "Cette clé n'a pas encore reçu l'oubli de {n} personnes : faites « dentelle backup » vers elle pour qu'aucune sauvegarde ne puisse plus les ramener.",
            "en": "This key has not yet received the erasure of {n} people: run “dentelle backup” to it so that no backup can bring them back.",
        },
        "cli.backups.erasures_pending.one": {
            "fr": "Cette clé n'a pas encore reçu l'oubli de {n} personne : faites « dentelle backup » vers elle pour qu'aucune sauvegarde ne puisse plus la ramener.",
            "en": "This key has not yet received the erasure of {n} person: run “dentelle backup” to it so that no backup can bring them back.",
        },
        "cli.restore.recovery_hint": {
            "fr": "Ouvert avec le code de secours : choisissez une nouvelle phrase de passe avec « dentelle recover ».",
            "en": "Opened with the recovery code: choose a new passphrase with “dentelle recover”.",
        },
        "cli.backups.old_keys": {
            "fr": "Sauvegardes d'avant le changement des clés (« dentelle rekey ») : n° {numbers}. Elles ne s'ouvrent qu'avec l'ancienne phrase de passe ou l'ancien code de secours.",
            "en": "Backups from before the keys were changed (“dentelle rekey”): no. {numbers}. They open only with the old passphrase or the old recovery code.",
        },
        "cli.backups.keys_gone": {
            "fr": "Sauvegardes qui ne s'ouvrent plus : n° {numbers}. Leurs clés, d'avant le changement des clés, ont quitté la clé USB quand une personne a été oubliée.",
            "en": "Backups that no longer open: no. {numbers}. Their keys, from before the keys were changed, left the USB key when a person was forgotten.",
        },
        "cli.restore.not_authenticated": {
            "fr": "Cette sauvegarde a été écrite par une version de Dentelle plus ancienne : elle se déchiffre et se relit entière, mais n'a pas pu être authentifiée. Faites une sauvegarde maintenant : les suivantes le seront.",
            "en": "This backup was written by an older version of Dentelle: it decrypts and reads back whole, but could not be authenticated. Make a backup now: the next ones will be.",
        },
        "cli.restore.erased": {
            "fr": "{n} notes ou versions effacées depuis cette sauvegarde n'ont pas été restaurées, comme il se doit.",
            "en": "{n} entries or versions erased since this backup were not restored, as it should be.",
        },
        "cli.restore.erased.one": {
            "fr": "{n} note ou version effacée depuis cette sauvegarde n'a pas été restaurée, comme il se doit.",
            "en": "{n} entry or version erased since this backup was not restored, as it should be.",
        },
        "cli.backups.other_set": {
            "fr": "La sauvegarde n° {number} vient d'une autre clé de sauvegarde de ce coffre (elle a été copiée ici) : elle n'est pas prise en compte.",
            "en": "Backup no. {number} comes from another backup key of this vault (it was copied here): it is not trusted.",
        },
    }
)
