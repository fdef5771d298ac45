"""Every user-visible string of the app's backup and rights screens, in French and English.

`key.rights.*` describe bindings, `cmd.rights.*` are palette entries, `status.*` is the
status line under the people list; `backup.app.*`, `export.app.*`, `forget.app.*`,
`history.app.*`, `consult.app.*` and `review.app.*` belong to the screen of that name
(`history.app.*`: the versions screen).

The command line's wordings are reused where they fit a screen (`cli.backup.done`,
`cli.export.clear_warning`, `cli.review.kept`…); the ones that name a flag (`--to`,
`--reason`) have an app wording here. Keys ending in `.one` are singulars
(`views.ui.plural`). Nothing here alarms: no "warning", no "overdue", no red.
"""

from __future__ import annotations

from journal.i18n import register
from views import backup_strings  # noqa: F401  (the CLI wordings reused by the screens)

register(
    {
        # -- keys ---------------------------------------------------------------------
        "key.group.review": {"fr": "Revue de conservation", "en": "Retention review"},
        "key.group.history": {"fr": "Versions d'une note", "en": "Versions of an entry"},
        "key.group.backup": {"fr": "Sauvegarde", "en": "Backup"},
        "key.group.export": {"fr": "Export d'une histoire", "en": "Exporting a file"},
        "key.rights.backup": {"fr": "Sauvegarder", "en": "Back up"},
        "key.rights.backup.tip": {
            "fr": "Sauvegarde chiffrée et vérifiée sur une clé USB",
            "en": "Encrypted, verified backup to a USB key",
        },
        "key.rights.export": {"fr": "Exporter", "en": "Export"},
        "key.rights.export.tip": {
            "fr": "Toute l'histoire de la personne, pour elle (droit d'accès)",
            "en": "The person's whole file, for them (right of access)",
        },
        "key.rights.forget": {"fr": "Oublier…", "en": "Forget…"},
        "key.rights.forget.tip": {
            "fr": "Effacer définitivement la personne (droit à l'oubli)",
            "en": "Erase the person for good (right to erasure)",
        },
        "key.rights.review": {"fr": "Revue de conservation", "en": "Retention review"},
        "key.rights.review.tip": {
            "fr": "Les personnes sans contact depuis longtemps",
            "en": "People with no contact for a long time",
        },
        "key.rights.consultations": {"fr": "Consultations", "en": "Consultations"},
        "key.rights.consultations.tip": {
            "fr": "Quand cette histoire a été ouverte ou exportée",
            "en": "When this file was opened or exported",
        },
        "key.rights.keep": {"fr": "Garder…", "en": "Keep…"},
        "key.rights.open": {"fr": "Ouvrir", "en": "Open"},
        "key.rights.retry": {"fr": "Chercher à nouveau", "en": "Look again"},
        "key.rights.hide": {"fr": "Fermer (la sauvegarde continue)", "en": "Close (keeps going)"},
        "key.rights.do_export": {"fr": "Exporter", "en": "Export"},
        "key.rights.erase_version": {"fr": "Effacer cette version", "en": "Erase this version"},
        "key.rights.erase_version.tip": {
            "fr": "Une version précédente qui était fausse",
            "en": "An earlier version that was wrong",
        },
        "key.rights.version_up": {"fr": "Version précédente", "en": "Earlier version"},
        "key.rights.version_down": {"fr": "Version suivante", "en": "Later version"},
        "key.rights.save_reason": {"fr": "Garder", "en": "Keep"},
        "key.rights.back": {"fr": "Retour", "en": "Back"},
        # -- palette ("group: Action") ---------------------------------------------------
        "cmd.rights.backup": {"fr": "sauvegarde : Lancer", "en": "backup: Run now"},
        "cmd.rights.backup.help": {
            "fr": "Sur une clé USB, chiffrée et vérifiée (b ; ctrl+b sur la liste)",
            "en": "To a USB key, encrypted and verified (b; ctrl+b on the list)",
        },
        "cmd.rights.review": {"fr": "conservation : Revue", "en": "retention: Review"},
        "cmd.rights.review.help": {
            "fr": "Les personnes sans contact depuis longtemps : oublier ou garder (ctrl+r sur la liste)",
            "en": "People with no contact for a long time: forget or keep (ctrl+r on the list)",
        },
        "cmd.rights.export": {
            "fr": "personne : Exporter l'histoire de {name}…",
            "en": "person: Export the story of {name}…",
        },
        "cmd.rights.export.help": {
            "fr": "Son histoire complète, pour la personne (x ; ctrl+e sur la liste)",
            "en": "Their whole story, for the person (x; ctrl+e on the list)",
        },
        "cmd.rights.forget": {"fr": "personne : Oublier {name}…", "en": "person: Forget {name}…"},
        "cmd.rights.forget.help": {
            "fr": "Effacer tout ce qui la concerne, définitivement (ctrl+d)",
            "en": "Erase everything about them, for good (ctrl+d)",
        },
        "cmd.rights.consultations": {
            "fr": "personne : Consultations de l'histoire de {name}",
            "en": "person: Consultations of the story of {name}",
        },
        "cmd.rights.consultations.help": {
            "fr": "Quand son histoire a été ouverte ou exportée (c)",
            "en": "When their file was opened or exported (c)",
        },
        # -- status line under the people list --------------------------------------------
        "status.backup_never": {
            "fr": "Pas encore de sauvegarde sur clé USB (ctrl+b)",
            "en": "No backup to a USB key yet (ctrl+b)",
        },
        "status.backup_ago": {"fr": "Sauvegardé {ago}", "en": "Backed up {ago}"},
        "status.backup_reminder": {
            "fr": "Sauvegardé {ago} : le moment de brancher la clé ? (ctrl+b)",
            "en": "Backed up {ago}: time to plug in the key? (ctrl+b)",
        },
        "status.backup_running": {
            "fr": "Sauvegarde en cours… {percent} %",
            "en": "Backing up… {percent}%",
        },
        "status.review": {
            "fr": "{n} personnes à revoir (conservation, ctrl+r)",
            "en": "{n} people to review (retention, ctrl+r)",
        },
        "status.review.one": {
            "fr": "{n} personne à revoir (conservation, ctrl+r)",
            "en": "{n} person to review (retention, ctrl+r)",
        },
        # -- backup ---------------------------------------------------------------------
        "backup.app.title": {"fr": "Sauvegarde sur une clé USB", "en": "Backup to a USB key"},
        "backup.app.looking": {
            "fr": "Recherche des clés USB branchées…",
            "en": "Looking for plugged-in USB keys…",
        },
        "backup.app.no_drive": {
            "fr": "Aucune clé USB trouvée. Branchez-en une, attendez qu'elle apparaisse, puis appuyez sur r pour chercher à nouveau ; ou appuyez sur f pour sauvegarder à un autre emplacement (un disque externe, un partage réseau).",
            "en": "No USB key found. Plug one in, wait for it to appear, then press r to look again; or press f to back up to another place (an external disk, a network share).",
        },
        "backup.app.choose": {
            "fr": "Plusieurs clés USB sont branchées. Laquelle ? (↑↓ puis Entrée)",
            "en": "Several USB keys are plugged in. Which one? (↑↓ then Enter)",
        },
        "backup.app.keep_working": {
            "fr": "Vous pouvez continuer à travailler : Échap ferme cette fenêtre, la sauvegarde continue.",
            "en": "You can keep working: Escape closes this window, the backup keeps going.",
        },
        "backup.app.done_short": {
            "fr": "Sauvegarde n° {number} écrite et vérifiée.",
            "en": "Backup no. {number} written and verified.",
        },
        "backup.app.failed": {
            "fr": "La sauvegarde n'a pas été faite.",
            "en": "The backup was not made.",
        },
        "backup.app.interrupted": {
            "fr": "Sauvegarde interrompue : le coffre a été verrouillé. Les sauvegardes précédentes sont intactes.",
            "en": "Backup stopped: the vault was locked. The earlier backups are untouched.",
        },
        "backup.app.unexpected": {
            "fr": "Erreur inattendue pendant la sauvegarde ({kind}). Les sauvegardes précédentes sont intactes.",
            "en": "Unexpected error during the backup ({kind}). The earlier backups are untouched.",
        },
        # -- export ---------------------------------------------------------------------
        "export.app.title": {"fr": "Exporter l'histoire : {name}", "en": "Export the file: {name}"},
        "export.app.why": {
            "fr": "Tout ce que contient son histoire, pour la personne (droit d'accès) : profil, notes, versions, consultations.",
            "en": "Everything their file holds, for the person (right of access): profile, entries, versions, consultations.",
        },
        "export.app.format": {"fr": "Format", "en": "Format"},
        "export.app.html": {
            "fr": "HTML : s'ouvre dans un navigateur, s'imprime",
            "en": "HTML: opens in a browser, prints",
        },
        "export.app.md": {"fr": "Markdown : du texte simple", "en": "Markdown: plain text"},
        "export.app.json": {
            "fr": "JSON : pour un autre logiciel (portabilité)",
            "en": "JSON: for other software (portability)",
        },
        "export.app.encrypt": {
            "fr": "Chiffrer avec une phrase de passe (age)",
            "en": "Encrypt with a passphrase (age)",
        },
        "export.app.passphrase": {
            "fr": "Phrase de passe pour ce fichier",
            "en": "Passphrase for this file",
        },
        "export.app.again": {"fr": "La même, une seconde fois", "en": "The same again"},
        "export.app.file": {"fr": "Fichier", "en": "File"},
        "export.app.writing": {"fr": "Écriture de l'export…", "en": "Writing the export…"},
        "export.app.encrypting": {
            "fr": "Chiffrement de l'export… (quelques secondes)",
            "en": "Encrypting the export… (a few seconds)",
        },
        "export.app.exists": {
            "fr": "{path} existe déjà : choisissez un autre nom.",
            "en": "{path} already exists: choose another name.",
        },
        "export.app.no_path": {
            "fr": "Indiquez le fichier à écrire.",
            "en": "Name the file to write.",
        },
        "export.app.no_folder": {
            "fr": "Le dossier {path} n'existe pas.",
            "en": "The folder {path} does not exist.",
        },
        "export.app.close": {"fr": "Entrée ou Échap : fermer.", "en": "Enter or Escape: close."},
        "export.app.written": {
            "fr": "Export écrit dans {path}.",
            "en": "Export written to {path}.",
        },
        "export.app.clear_warning": {
            "fr": "Ce fichier n'est pas chiffré : remettez-le à la personne, puis effacez-le.",
            "en": "This file is not encrypted: hand it to the person, then delete it.",
        },
        "export.app.encrypted": {
            "fr": "Il est chiffré : « age -d » et la phrase de passe choisie l'ouvrent.",
            "en": "It is encrypted: “age -d” and the chosen passphrase open it.",
        },
        # -- forget ---------------------------------------------------------------------
        "forget.app.title": {"fr": "Oublier {name}", "en": "Forget {name}"},
        "forget.app.what": {
            "fr": "Tout ce qui concerne {name} sera effacé de ce coffre : son profil, ses notes et leurs versions, ses brouillons, le relevé des consultations et sa clé. C'est irréversible.",
            "en": "Everything about {name} will be erased from this vault: their profile, entries and versions, drafts, the record of consultations and their key. This cannot be undone.",
        },
        "forget.app.backups": {
            "fr": "Sur une clé de sauvegarde, l'effacement prend effet à la prochaine sauvegarde vers cette clé.",
            "en": "On a backup key, the erasure takes effect at the next backup to that key.",
        },
        "forget.app.type_name": {
            "fr": "Pour confirmer, tapez son nom puis Entrée (Échap : ne rien effacer) :",
            "en": "To confirm, type their name, then Enter (Escape: erase nothing):",
        },
        "forget.app.mismatch": {
            "fr": "Ce n'est pas son nom : rien n'a été effacé.",
            "en": "That is not their name: nothing was erased.",
        },
        "forget.app.working": {"fr": "Effacement…", "en": "Erasing…"},
        "forget.app.done": {
            "fr": "{name} a été oublié·e. Faites une sauvegarde (ctrl+b sur la liste) pour que l'effacement atteigne aussi la clé USB.",
            "en": "{name} was forgotten. Run a backup (ctrl+b on the list) so that the erasure also reaches the USB key.",
        },
        # -- versions of an entry -----------------------------------------------------------
        "history.app.hint": {
            "fr": "↑↓ : choisir une version · d : effacer une version précédente qui était fausse",
            "en": "↑↓: choose a version · d: erase an earlier version that was wrong",
        },
        "history.app.current_stays": {
            "fr": "La version actuelle ne s'efface pas seule : corrigez la note (e) pour en écrire une nouvelle.",
            "en": "The current version is not erased on its own: correct the entry (e) to write a new one.",
        },
        "history.app.confirm": {
            "fr": "Effacer la version {number} de cette note (écrite le {day}) ? C'est irréversible.",
            "en": "Erase version {number} of this entry (written on {day})? This cannot be undone.",
        },
        "history.app.erased": {"fr": "Version effacée.", "en": "Version erased."},
        "history.app.keep": {"fr": "Garder", "en": "Keep"},
        "history.app.erase": {"fr": "Effacer", "en": "Erase"},
        # -- record of consultations ---------------------------------------------------------
        "consult.app.title": {
            "fr": "Consultations de l'histoire : {name} ({n})",
            "en": "Consultations of the file: {name} ({n})",
        },
        "consult.app.about": {
            "fr": "Chaque ouverture et chaque export sont notés, chiffrés, et gardés {months_text}. La personne les retrouve dans son export (x).",
            "en": "Each opening and export is noted, encrypted, and kept {months_text}. The person finds them in their export (x).",
        },
        # -- retention review --------------------------------------------------------------
        "review.app.title": {
            "fr": "Revue de conservation · {n} personnes à revoir",
            "en": "Retention review · {n} people to review",
        },
        "review.app.title.one": {
            "fr": "Revue de conservation · {n} personne à revoir",
            "en": "Retention review · {n} person to review",
        },
        "review.app.intro": {
            "fr": "Sans contact depuis plus de {years_text} (référentiel de la CNIL). Pour chacune : l'oublier (ctrl+d), ou la garder en écrivant pourquoi (g) ; la question reviendra dans {months_text}.",
            "en": "No contact for more than {years_text} (CNIL guidance). For each: forget them (ctrl+d), or keep them with a written reason (g); the question comes back in {months_text}.",
        },
        "review.app.loading": {"fr": "Lecture…", "en": "Reading…"},
        "review.app.line": {
            "fr": "dernier contact {when} ({day})",
            "en": "last contact {when} ({day})",
        },
        "review.app.none": {
            "fr": "Aucune personne à revoir pour l'instant. Une personne gardée avec une raison revient ici après le délai.",
            "en": "Nobody to review for now. A person kept with a reason comes back here after the delay.",
        },
        "review.app.title_none": {"fr": "Revue de conservation", "en": "Retention review"},
        "review.app.kept_before": {
            "fr": "gardé·e le {day} : {reason}",
            "en": "kept on {day}: {reason}",
        },
        "review.app.kept": {
            "fr": "{name} est gardé·e ; la question reviendra vers le {day}.",
            "en": "{name} is kept; the question comes back around {day}.",
        },
        "review.app.keep_title": {"fr": "Garder {name} : pourquoi ?", "en": "Keep {name}: why?"},
        "review.app.keep_hint": {
            "fr": "Votre raison est chiffrée et vous sera relue à la prochaine revue, vers le {day}. ctrl+s : garder.",
            "en": "Your reason is encrypted and shown to you at the next review, around {day}. ctrl+s: keep.",
        },
        "review.app.keep_placeholder": {
            "fr": "Par exemple : procédure en cours, situation transmise au juge",
            "en": "For example: proceedings under way, file sent to the judge",
        },
        "review.app.need_reason": {
            "fr": "Écrivez la raison de garder cette personne.",
            "en": "Write the reason to keep this person.",
        },
        "key.backup.folder": {"fr": "Autre emplacement", "en": "Another place"},
        "backup.app.folder_label": {
            "fr": "Sauvegarder dans (chemin complet, puis Entrée) :",
            "en": "Back up to (full path, then Enter):",
        },
        "backup.app.folder_empty": {
            "fr": "Écrivez le chemin de l'emplacement, par exemple /media/vous/DISQUE.",
            "en": "Type the place's path, for example /media/you/DISK.",
        },
    }
)
