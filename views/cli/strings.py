"""The command line's shared strings, in French and English side by side: the root
group's help, prompts and errors, and the vault, people and entries commands.

The other families of commands register theirs at the top of their module (the backup
ones in `views/backup_strings.py`, which the app's screens reuse). The app's screens
register theirs in `views/app_strings.py`; the core's live with the module that raises
them. All end up in `journal.i18n.MESSAGES`, which a test checks
for both languages.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- help ------------------------------------------------------------------
        "cli.help.main": {
            "fr": (
                "Dentelle : le journal chiffré des histoires de vie que vous accompagnez.\n\n"
                "Sans commande, ouvre l'application."
            ),
            "en": (
                "Dentelle: the encrypted journal of the life stories you accompany.\n\n"
                "With no command, opens the app."
            ),
        },
        "cli.help.vault": {
            "fr": "Dossier du coffre (sinon DENTELLE_HOME, sinon le dossier de données).",
            "en": "Vault folder (else DENTELLE_HOME, else the user data folder).",
        },
        "cli.help.lang": {
            "fr": "Langue : fr ou en (sinon LANG / LC_ALL).",
            "en": "Language: fr or en (else LANG / LC_ALL).",
        },
        "cli.help.passphrase_file": {
            "fr": "Lire la phrase de passe dans ce fichier (automatisation).",
            "en": "Read the passphrase from this file (automation).",
        },
        "cli.help.init": {"fr": "Créer un coffre.", "en": "Create a vault."},
        "cli.help.passwd": {
            "fr": "Changer la phrase de passe (aucune note n'est rechiffrée).",
            "en": "Change the passphrase (no entry is re-encrypted).",
        },
        "cli.help.recover": {
            "fr": "Choisir une nouvelle phrase de passe grâce au code de secours.",
            "en": "Set a new passphrase with the recovery code.",
        },
        "cli.help.person": {"fr": "Les personnes accompagnées.", "en": "The people you accompany."},
        "cli.help.person_add": {
            "fr": "Ajouter une personne (ou une famille).",
            "en": "Add a person (or a family).",
        },
        "cli.help.profile": {
            "fr": "Quelques mots de présentation, facultatifs.",
            "en": "A few words of profile, optional.",
        },
        "cli.help.people": {
            "fr": "Lister les personnes, avec le dernier contact.",
            "en": "List people, with the last contact.",
        },
        "cli.help.json": {"fr": "Sortie JSON.", "en": "JSON output."},
        "cli.help.add": {
            "fr": "Écrire une note dans l'histoire d'une personne (texte en argument ou sur l'entrée standard).",
            "en": "Write an entry in a person's story (text as argument or on standard input).",
        },
        "cli.help.date": {
            "fr": "Date de ce qui s'est passé : « hier », « lundi dernier », « 12/03 »… (défaut : aujourd'hui).",
            "en": "When it happened: “yesterday”, “last monday”, “12/03”… (default: today).",
        },
        "cli.help.show": {
            "fr": "Afficher l'histoire d'une personne, dans l'ordre où les choses se sont passées.",
            "en": "Show a person's story in the order things happened.",
        },
        "cli.help.edit": {
            "fr": "Corriger une note ; la version précédente est gardée dans l'historique.",
            "en": "Correct an entry; the previous version is kept in its history.",
        },
        "cli.help.history": {
            "fr": "Toutes les versions d'une note (historique des rectifications).",
            "en": "Every version of an entry (rectification history).",
        },
        "cli.help.delete": {
            "fr": "Effacer une note et toutes ses versions.",
            "en": "Erase an entry and all its versions.",
        },
        "cli.help.yes": {
            "fr": "Ne pas demander de confirmation (scripts).",
            "en": "Do not ask for confirmation (scripts).",
        },
        "cli.help.demo": {
            "fr": "Ouvrir l'application sur un coffre de démonstration (personnes fictives), effacé à la fin.",
            "en": "Open the app on a demonstration vault (fictional people), removed afterwards.",
        },
        # -- prompts and messages ------------------------------------------------------
        "cli.prompt.passphrase": {"fr": "Phrase de passe", "en": "Passphrase"},
        "cli.prompt.new_passphrase": {"fr": "Nouvelle phrase de passe", "en": "New passphrase"},
        "cli.prompt.repeat": {"fr": "Répétez-la", "en": "Repeat it"},
        "cli.prompt.recovery_code": {"fr": "Code de secours", "en": "Recovery code"},
        "cli.unlocking": {"fr": "Déverrouillage…", "en": "Unlocking…"},
        "cli.need_passphrase": {
            "fr": (
                "Une phrase de passe est nécessaire et aucun terminal ne permet de la "
                "demander : utilisez DENTELLE_PASSPHRASE ou --passphrase-file."
            ),
            "en": (
                "A passphrase is needed and there is no terminal to ask for it: use "
                "DENTELLE_PASSPHRASE or --passphrase-file."
            ),
        },
        "cli.need_new_passphrase": {
            "fr": (
                "Une nouvelle phrase de passe est nécessaire et aucun terminal ne permet de "
                "la demander : utilisez DENTELLE_NEW_PASSPHRASE ou --new-passphrase-file."
            ),
            "en": (
                "A new passphrase is needed and there is no terminal to ask for it: use "
                "DENTELLE_NEW_PASSPHRASE or --new-passphrase-file."
            ),
        },
        "cli.need_recovery_code": {
            "fr": (
                "Le code de secours est nécessaire et aucun terminal ne permet de le "
                "demander : utilisez DENTELLE_RECOVERY_CODE."
            ),
            "en": (
                "The recovery code is needed and there is no terminal to ask for it: use "
                "DENTELLE_RECOVERY_CODE."
            ),
        },
        "cli.passphrase_file_unreadable": {
            "fr": "Impossible de lire le fichier de phrase de passe {path}.",
            "en": "Cannot read the passphrase file {path}.",
        },
        "cli.need_text": {
            "fr": "Aucun texte : donnez-le en argument ou sur l'entrée standard.",
            "en": "No text: give it as an argument or on standard input.",
        },
        "cli.need_yes": {
            "fr": "Confirmation impossible sans terminal : ajoutez --yes pour confirmer.",
            "en": "Cannot confirm without a terminal: add --yes to confirm.",
        },
        "cli.created": {
            "fr": "Coffre créé dans {path}.",
            "en": "Vault created in {path}.",
        },
        "cli.recovery_code": {
            "fr": (
                "Votre code de secours (il ne sera plus jamais affiché) :\n\n    {code}\n\n"
                "Écrivez-le sur papier et rangez-le à part, loin de l'ordinateur. Avec lui, "
                "vous pourrez choisir une nouvelle phrase de passe si vous l'oubliez "
                "(« dentelle recover »)."
            ),
            "en": (
                "Your recovery code (it will never be shown again):\n\n    {code}\n\n"
                "Write it on paper and keep it apart, away from the computer. With it you "
                "can set a new passphrase if you forget yours (“dentelle recover”)."
            ),
        },
        "cli.passwd_done": {
            "fr": "Phrase de passe changée. L'ancienne n'ouvre plus le coffre.",
            "en": "Passphrase changed. The old one no longer opens the vault.",
        },
        "cli.recover_done": {
            "fr": (
                "Nouvelle phrase de passe enregistrée. L'ancien code de secours n'ouvre plus "
                "le coffre : en voici un nouveau."
            ),
            "en": (
                "New passphrase saved. The old recovery code no longer opens the vault: "
                "here is a new one."
            ),
        },
        "cli.person_added": {
            "fr": "Personne ajoutée : {name} ({id}).",
            "en": "Person added: {name} ({id}).",
        },
        "cli.no_people": {
            "fr": "Aucune personne pour l'instant. Ajoutez quelqu'un avec « dentelle person add NOM ».",
            "en": "Nobody yet. Add someone with “dentelle person add NAME”.",
        },
        "cli.no_contact": {"fr": "pas encore de note", "en": "no entry yet"},
        "cli.entries_count": {"fr": "{n} notes", "en": "{n} entries"},
        "cli.entries_count.one": {"fr": "{n} note", "en": "{n} entry"},
        "cli.last_contact": {"fr": "dernier contact {when}", "en": "last contact {when}"},
        "cli.entry_added": {
            "fr": "Note enregistrée pour {name}, {day} ({id}).",
            "en": "Entry saved for {name}, {day} ({id}).",
        },
        "cli.entry_edited": {
            "fr": "Note corrigée ({id}) ; {n} versions dans l'historique.",
            "en": "Entry corrected ({id}); {n} versions in its history.",
        },
        "cli.entry_deleted": {
            "fr": "Note effacée, avec toutes ses versions.",
            "en": "Entry erased, with all its versions.",
        },
        "cli.confirm_delete": {
            "fr": "Effacer définitivement cette note du {day}, avec toutes ses versions ({count}) ?",
            "en": "Erase this entry of {day} for good, with all its versions ({count})?",
        },
        "cli.cancelled": {"fr": "Rien n'a été modifié.", "en": "Nothing was changed."},
        "cli.future_date": {
            "fr": "Attention : cette date est dans le futur ({day}).",
            "en": "Note: this date is in the future ({day}).",
        },
        "cli.story_empty": {
            "fr": "Pas encore de note dans l'histoire de {name}.",
            "en": "No entry yet in {name}'s story.",
        },
        "cli.story_count": {"fr": "{n} notes", "en": "{n} entries"},
        "cli.story_count.one": {"fr": "{n} note", "en": "{n} entry"},
        "cli.version": {"fr": "Version {n}", "en": "Version {n}"},
        "cli.version_current": {"fr": "version actuelle", "en": "current version"},
        "cli.written_at": {"fr": "écrite le {when}", "en": "written {when}"},
        "cli.candidates": {
            "fr": "  {id}  {name} · {details}",
            "en": "  {id}  {name} · {details}",
        },
        "cli.interrupted": {
            "fr": "Interrompu ; rien n'a été perdu.",
            "en": "Interrupted; nothing was lost.",
        },
        "cli.unexpected": {
            "fr": (
                "Erreur inattendue ({kind}). Rien de ce que vous avez écrit n'a été affiché "
                "ni perdu ; si cela se reproduit, signalez ce nom d'erreur."
            ),
            "en": (
                "Unexpected error ({kind}). Nothing you wrote was shown or lost; if it "
                "happens again, report this error name."
            ),
        },
        "cli.app_unavailable": {
            "fr": "L'application n'est pas encore disponible ; utilisez les commandes (dentelle --help).",
            "en": "The app is not available yet; use the commands (dentelle --help).",
        },
        "cli.help.person_rename": {
            "fr": "Renommer une personne (NOM : une partie de son nom, ou son identifiant).",
            "en": "Rename a person (NAME: part of their name, or their id).",
        },
        "cli.help.person_remove": {
            "fr": "Retirer une personne ajoutée par erreur (seulement sans aucune note).",
            "en": "Remove a person added by mistake (only with no entry at all).",
        },
        "cli.namesake": {
            "fr": "Attention : « {name} » existe déjà. Ce qui les distingue :",
            "en": "Note: “{name}” already exists. What tells them apart:",
        },
        "cli.namesake.confirm": {
            "fr": "Ajouter quand même une autre personne de ce nom ?",
            "en": "Add another person of this name anyway?",
        },
        "cli.namesake.rename_confirm": {
            "fr": "Lui donner quand même ce nom ?",
            "en": "Give them this name anyway?",
        },
        "cli.namesake.hint": {
            "fr": "Pour les distinguer ensuite, donnez l'identifiant au lieu du nom.",
            "en": "To tell them apart later, give the id instead of the name.",
        },
        "cli.person.no_profile": {"fr": "sans profil", "en": "no profile"},
        "cli.person.last_note": {"fr": "dernière note : {day}", "en": "last entry: {day}"},
        "cli.person_renamed": {
            "fr": "Nom changé : {old} → {name} ({id}).",
            "en": "Person renamed: {old} → {name} ({id}).",
        },
        "cli.remove.confirm": {
            "fr": "Retirer « {name} » (aucune note) ?",
            "en": "Remove “{name}” (no entries)?",
        },
        "cli.person_removed": {
            "fr": "{name} a été retiré·e : il ne reste rien de cette personne dans le coffre.",
            "en": "Person removed: {name}. Nothing of them is left in the vault.",
        },
        "cli.candidates.hint": {
            "fr": "Donnez l'identifiant (au début de la ligne) ou une plus grande partie du nom.",
            "en": "Give the id (at the start of the line) or more of the name.",
        },
        "cli.entry_edited.one": {
            "fr": "Note corrigée ({id}) ; {n} version dans l'historique.",
            "en": "Entry corrected ({id}); {n} version in its history.",
        },
        "cli.help.rekey": {
            "fr": (
                "Changer toutes les clés du coffre (clé maîtresse, clés des personnes, "
                "code de secours) : après la perte d'une clé USB si la phrase de passe a pu "
                "être connue."
            ),
            "en": (
                "Change every key of the vault (master key, people's keys, recovery code): "
                "after losing a USB key if the passphrase may be known."
            ),
        },
        "cli.rekey_working": {
            "fr": "Nouvelles clés : chaque note est rechiffrée…",
            "en": "New keys: every entry is being re-encrypted…",
        },
        "cli.rekey_done": {
            "fr": (
                "Toutes les clés du coffre ont changé. L'ancienne phrase de passe, l'ancien "
                "code de secours et les anciennes copies de « identity.age » n'ouvrent plus "
                "le coffre."
            ),
            "en": (
                "Every key of the vault has changed. The old passphrase, the old recovery "
                "code and old copies of “identity.age” no longer open the vault."
            ),
        },
        "cli.rekey_backup_hint": {
            "fr": (
                "Faites une sauvegarde maintenant sur chaque clé USB : les sauvegardes "
                "précédentes ne s'ouvrent qu'avec l'ancienne phrase de passe ou l'ancien code "
                "(« dentelle backups » les signale)."
            ),
            "en": (
                "Make a backup now on each USB key: earlier backups open only with the old "
                "passphrase or the old code (“dentelle backups” points them out)."
            ),
        },
        "cli.argument_not_utf8": {
            "fr": (
                "Un argument de la commande n'est pas du texte UTF-8 : « {argument} ». Rien "
                "n'a été enregistré. Vérifiez le réglage de langue du terminal (LANG, "
                "LC_ALL), puis recommencez."
            ),
            "en": (
                "An argument of the command is not UTF-8 text: “{argument}”. Nothing was "
                "saved. Check the terminal's language setting (LANG, LC_ALL), then try again."
            ),
        },
        "cli.stdin_not_utf8": {
            "fr": (
                "Le texte reçu sur l'entrée standard n'est pas de l'UTF-8. Rien n'a été "
                "enregistré. Enregistrez le fichier en UTF-8 (ou convertissez-le avec iconv), "
                "puis recommencez."
            ),
            "en": (
                "The text on standard input is not UTF-8. Nothing was saved. Save the file "
                "as UTF-8 (or convert it with iconv), then try again."
            ),
        },
        "cli.help.unlock": {
            "fr": (
                "Demander la phrase de passe une fois : vos commandes suivantes ouvrent "
                "le coffre sans la redemander, jusqu'à « dentelle lock » "
                "ou après le temps d'inactivité."
            ),
            "en": (
                "Ask the passphrase once: your next commands open the "
                "vault without asking it again, until “dentelle lock” or the idle time."
            ),
        },
        "cli.help.lock": {
            "fr": "Verrouiller le coffre : l'agent de déverrouillage s'arrête.",
            "en": "Lock the vault: the unlock agent ends.",
        },
        "cli.help.for": {
            "fr": "Temps d'inactivité avant le verrouillage (30m, 1h, 90s ; 15m par défaut).",
            "en": "Idle time before it locks (30m, 1h, 90s; 15m by default).",
        },
        "cli.bad_duration": {
            "fr": "Durée illisible : « {text} ». Exemples : 30m, 1h, 90s.",
            "en": "Unreadable duration: “{text}”. For example: 30m, 1h, 90s.",
        },
        "cli.unlocked": {
            "fr": (
                "Coffre déverrouillé pour vos commandes ; il se verrouille après {quantity} "
                "sans usage. En quittant le poste : « dentelle lock »."
            ),
            "en": (
                "Vault unlocked for your commands; it locks after {quantity} unused. "
                "When you leave the desk: “dentelle lock”."
            ),
        },
        "cli.locked": {
            "fr": "Coffre verrouillé : l'agent de déverrouillage est arrêté.",
            "en": "Vault locked: the unlock agent has ended.",
        },
        "cli.not_unlocked": {
            "fr": "Aucun agent de déverrouillage ne tournait pour ce coffre.",
            "en": "No unlock agent was running for this vault.",
        },
        "agent.stale": {
            "fr": (
                "L'agent de déverrouillage ne répond plus (arrêté ?) : la phrase de passe "
                "est demandée."
            ),
            "en": "The unlock agent no longer answers (ended?): asking for the passphrase.",
        },
        "agent.refused": {
            "fr": (
                "L'agent de déverrouillage n'a plus la bonne clé de ce coffre (clés "
                "changées ?) : il est arrêté et la phrase de passe est demandée."
            ),
            "en": (
                "The unlock agent no longer holds this vault's key (keys changed?): it is "
                "ended and the passphrase is asked."
            ),
        },
        "agent.foreign": {
            "fr": (
                "L'agent de ce coffre appartient à un autre utilisateur : il est ignoré et "
                "la phrase de passe est demandée."
            ),
            "en": (
                "This vault's agent belongs to another user: it is ignored and the "
                "passphrase is asked."
            ),
        },
        "agent.no_runtime_dir": {
            "fr": (
                "Le dossier d'exécution de l'agent n'est pas privé (ou pas accessible) : "
                "l'agent n'est pas utilisé. Vérifiez XDG_RUNTIME_DIR."
            ),
            "en": (
                "The agent's runtime folder is not private (or not reachable): the agent "
                "is not used. Check XDG_RUNTIME_DIR."
            ),
        },
        "agent.start_failed": {
            "fr": "L'agent de déverrouillage n'a pas pu démarrer ({reason}).",
            "en": "The unlock agent could not start ({reason}).",
        },
    }
)
