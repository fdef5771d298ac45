"""Every user-visible string of the terminal app, in French and English side by side.

Keys: `key.*` describe bindings (footer, help screen; `.tip` adds a tooltip), `cmd.*`
are command palette entries ("group: Action"), the others belong to one screen each.
Keys ending in `.one` are the singular of the key without it (see `views.ui.plural`).
The words of management that workers rejected (usager, parcours, dossier clos…) never
appear here; a test checks it (tests/views/test_app_safety.py).
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- keys: everywhere -----------------------------------------------------------
        "key.group.everywhere": {"fr": "Partout", "en": "Everywhere"},
        "key.group.unlock": {"fr": "Déverrouillage", "en": "Unlock"},
        "key.group.first_run": {"fr": "Premier lancement", "en": "First run"},
        "key.group.people": {"fr": "Liste des personnes", "en": "People list"},
        "key.group.timeline": {"fr": "Histoire d'une personne", "en": "A person's story"},
        "key.group.editor": {"fr": "Écriture d'une note", "en": "Writing an entry"},
        "key.app.palette": {"fr": "Commandes", "en": "Commands"},
        "key.app.palette.tip": {
            "fr": "Aller à une personne, lancer une action",
            "en": "Jump to a person, run an action",
        },
        "key.app.lock": {"fr": "Verrouiller", "en": "Lock"},
        "key.app.lock.tip": {
            "fr": "Fermer le coffre : il faudra la phrase de passe",
            "en": "Close the vault: the passphrase will be needed",
        },
        "key.app.help": {"fr": "Aide", "en": "Help"},
        "key.app.quit": {"fr": "Quitter", "en": "Quit"},
        "key.dialog.cancel": {"fr": "Annuler", "en": "Cancel"},
        "key.dialog.close": {"fr": "Fermer", "en": "Close"},
        "key.list.up": {"fr": "Monter", "en": "Up"},
        "key.list.down": {"fr": "Descendre", "en": "Down"},
        "key.list.page_up": {"fr": "Page précédente", "en": "Page up"},
        "key.list.page_down": {"fr": "Page suivante", "en": "Page down"},
        "key.list.first": {"fr": "Aller au début", "en": "Go to the start"},
        "key.list.last": {"fr": "Aller à la fin", "en": "Go to the end"},
        # -- keys: screens -------------------------------------------------------------
        "key.unlock.unlock": {"fr": "Déverrouiller", "en": "Unlock"},
        "key.first_run.back": {"fr": "Retour", "en": "Back"},
        "key.people.choose": {"fr": "Choisir", "en": "Choose"},
        "key.people.open": {"fr": "Ouvrir", "en": "Open"},
        "key.people.add": {"fr": "Ajouter", "en": "Add"},
        "key.people.add.tip": {
            "fr": "Ajouter une personne ou une famille",
            "en": "Add a person or a family",
        },
        "key.people.sort": {"fr": "Trier", "en": "Sort"},
        "key.people.sort.tip": {
            "fr": "Par dernier contact ou par nom",
            "en": "By last contact or by name",
        },
        "key.people.to_list": {"fr": "Aller à la liste", "en": "Go to the list"},
        "key.people.clear": {"fr": "Effacer le filtre", "en": "Clear the filter"},
        "key.timeline.new": {"fr": "Écrire", "en": "Write"},
        "key.timeline.edit": {"fr": "Modifier", "en": "Edit"},
        "key.timeline.history": {"fr": "Versions", "en": "Versions"},
        "key.timeline.history.tip": {
            "fr": "Toutes les versions de cette note",
            "en": "Every version of this entry",
        },
        "key.timeline.profile": {"fr": "Profil", "en": "Name and profile"},
        "key.timeline.back": {"fr": "Retour", "en": "Back"},
        "key.editor.save": {"fr": "Enregistrer", "en": "Save"},
        "key.editor.close": {"fr": "Fermer", "en": "Close"},
        "key.editor.to_text": {"fr": "Passer au texte", "en": "Go to the text"},
        "key.person.save": {"fr": "Enregistrer", "en": "Save"},
        "key.drafts.resume": {"fr": "Reprendre", "en": "Resume"},
        "key.drafts.discard": {"fr": "Jeter", "en": "Discard"},
        "key.drafts.later": {"fr": "Plus tard", "en": "Later"},
        # -- command palette ("group: Action") -----------------------------------------
        "palette.placeholder": {"fr": "Une personne, une commande…", "en": "A person, a command…"},
        "cmd.person_open": {"fr": "personne : Ouvrir…", "en": "person: Open…"},
        "cmd.person_open.help": {"fr": "Ouvrir son histoire", "en": "Open their story"},
        "cmd.entry_new": {"fr": "note : Nouvelle pour {name}", "en": "entry: New for {name}"},
        "cmd.entry_new.help": {
            "fr": "Écrire une note pour cette personne",
            "en": "Write an entry for this person",
        },
        "cmd.sort": {"fr": "personnes : Changer le tri", "en": "people: Change the order"},
        "cmd.sort.help": {
            "fr": "Par dernier contact ou par nom",
            "en": "By last contact or by name",
        },
        "cmd.people": {"fr": "personnes : Liste", "en": "people: List"},
        "cmd.people.help": {
            "fr": "Revenir à la liste des personnes",
            "en": "Back to the list of people",
        },
        "cmd.person_add": {"fr": "personne : Ajouter", "en": "person: Add"},
        "cmd.person_add.help": {"fr": "Une personne ou une famille", "en": "A person or a family"},
        "cmd.drafts": {"fr": "brouillons : Reprendre…", "en": "drafts: Resume…"},
        "cmd.drafts.help": {
            "fr": "Les notes commencées et pas encore enregistrées",
            "en": "Entries started and not saved yet",
        },
        "cmd.lock": {"fr": "coffre : Verrouiller", "en": "vault: Lock"},
        "cmd.lock.help": {
            "fr": "Fermer le coffre maintenant (ctrl+l)",
            "en": "Close the vault now (ctrl+l)",
        },
        "cmd.help": {"fr": "aide : Touches", "en": "help: Keys"},
        "cmd.help.help": {
            "fr": "Toutes les touches, écran par écran",
            "en": "Every key, screen by screen",
        },
        "cmd.theme": {"fr": "apparence : Thème…", "en": "appearance: Theme…"},
        "cmd.theme.help": {"fr": "Choisir les couleurs", "en": "Choose the colours"},
        "cmd.dark": {"fr": "apparence : Clair / sombre", "en": "appearance: Light / dark"},
        "cmd.dark.help": {
            "fr": "Basculer entre thème clair et sombre",
            "en": "Switch between light and dark",
        },
        "cmd.quit": {"fr": "application : Quitter", "en": "app: Quit"},
        "cmd.quit.help": {
            "fr": "Les brouillons sont gardés, chiffrés",
            "en": "Drafts are kept, encrypted",
        },
        # -- app -------------------------------------------------------------------------
        "app.crashed": {
            "fr": "dentelle : erreur interne ({kind}). Le coffre est fermé ; les notes enregistrées et les brouillons sont intacts.",
            "en": "dentelle: internal error ({kind}). The vault is closed; saved entries and drafts are intact.",
        },
        "app.unexpected": {
            "fr": "Erreur inattendue ({kind}). Réessayez ; si elle revient, signalez-la.",
            "en": "Unexpected error ({kind}). Try again; if it comes back, report it.",
        },
        # -- unlock ----------------------------------------------------------------------
        "unlock.tagline": {
            "fr": "Le journal chiffré des histoires que vous accompagnez.",
            "en": "The encrypted journal of the stories you accompany.",
        },
        "unlock.label": {"fr": "Phrase de passe", "en": "Passphrase"},
        "unlock.placeholder": {
            "fr": "Tapez votre phrase de passe puis Entrée",
            "en": "Type your passphrase, then Enter",
        },
        "unlock.working": {
            "fr": "Déverrouillage… (quelques secondes)",
            "en": "Unlocking… (a few seconds)",
        },
        "unlock.wrong": {
            "fr": "✗ Phrase de passe incorrecte. Réessayez.",
            "en": "✗ Wrong passphrase. Try again.",
        },
        "unlock.demo": {
            "fr": "Démonstration : des personnes et des histoires inventées. La phrase de passe est :\n{passphrase}",
            "en": "Demo: invented people and stories. The passphrase is:\n{passphrase}",
        },
        # -- first run -------------------------------------------------------------------
        "first.welcome": {
            "fr": (
                "Bienvenue. Dentelle garde, pour chaque personne ou famille que vous "
                "accompagnez, l'histoire que vous écrivez avec vos mots.\n\n"
                "Tout est chiffré sur cet ordinateur. Vous allez choisir une phrase de passe, "
                "puis noter un code de secours."
            ),
            "en": (
                "Welcome. For each person or family you accompany, Dentelle keeps the story "
                "you write in your own words.\n\n"
                "Everything is encrypted on this computer. You will choose a passphrase, then "
                "write down a recovery code."
            ),
        },
        "first.start": {"fr": "Commencer", "en": "Start"},
        "first.choose": {"fr": "Choisissez une phrase de passe", "en": "Choose a passphrase"},
        "first.first": {"fr": "Phrase de passe", "en": "Passphrase"},
        "first.second": {
            "fr": "La même, une seconde fois, puis Entrée",
            "en": "The same again, then Enter",
        },
        "first.rule": {
            "fr": "Choisissez 6 ou 7 mots variés, sans lien entre eux, ou une longue suite de caractères tirés au hasard. Dentelle estime le temps qu'il faudrait pour la deviner : au moins un siècle.",
            "en": "Choose 6 or 7 varied, unrelated words, or a long string of random characters. Dentelle estimates how long guessing it would take: at least a century.",
        },
        "first.creating": {
            "fr": "Création du coffre… (une dizaine de secondes)",
            "en": "Creating the vault… (about ten seconds)",
        },
        "first.recovery_intro": {
            "fr": "Votre code de secours. Notez-le sur papier et rangez-le en lieu sûr :",
            "en": "Your recovery code. Write it on paper and keep it somewhere safe:",
        },
        "first.recovery_why": {
            "fr": "Si vous oubliez la phrase de passe, c'est le seul moyen de retrouver vos notes. Il ne sera plus jamais affiché.",
            "en": "If you forget the passphrase, it is the only way back to your notes. It will never be shown again.",
        },
        "first.written": {"fr": "J'ai noté ce code", "en": "I wrote it down"},
        "first.continue": {"fr": "Continuer", "en": "Continue"},
        # -- people ----------------------------------------------------------------------
        "people.title": {
            "fr": "Dentelle · Personnes · tri : {order}",
            "en": "Dentelle · People · order: {order}",
        },
        "people.sorted_by_contact": {"fr": "dernier contact", "en": "last contact"},
        "people.sorted_by_name": {"fr": "nom", "en": "name"},
        "people.filter": {"fr": "Tapez une partie d'un nom…", "en": "Type part of a name…"},
        "people.loading": {"fr": "Ouverture des histoires…", "en": "Opening the stories…"},
        "people.col_name": {"fr": "Nom", "en": "Name"},
        "people.col_last": {"fr": "Dernier contact", "en": "Last contact"},
        "people.col_count": {"fr": "Notes", "en": "Entries"},
        "people.count": {"fr": "{n} notes", "en": "{n} entries"},
        "people.count.one": {"fr": "{n} note", "en": "{n} entry"},
        "people.no_contact": {"fr": "pas encore de note", "en": "no entry yet"},
        "people.empty": {
            "fr": "Aucune personne pour l'instant. ctrl+n : ajouter une personne ou une famille.",
            "en": "Nobody yet. ctrl+n: add a person or a family.",
        },
        "people.no_match": {
            "fr": "Aucun nom ne correspond. Échap : effacer le filtre.",
            "en": "No name matches. Escape: clear the filter.",
        },
        "people.shown": {
            "fr": "{shown} sur {total} · ctrl+s bientôt · ctrl+o trier · ctrl+t pratique · F2 renommer",
            "en": "{shown} of {total} · ctrl+s soon · ctrl+o order · ctrl+t practice · F2 rename",
        },
        # -- timeline --------------------------------------------------------------------
        "timeline.title": {"fr": "{name} · {n} notes", "en": "{name} · {n} entries"},
        "timeline.title.one": {"fr": "{name} · {n} note", "en": "{name} · {n} entry"},
        "timeline.no_profile": {
            "fr": "Pas de profil. p : ajouter quelques mots.",
            "en": "No profile. p: add a few words.",
        },
        "timeline.empty": {
            "fr": "Pas encore de note. n : écrire la première.",
            "en": "No entry yet. n: write the first one.",
        },
        "timeline.versions": {"fr": "✎ {n} versions", "en": "✎ {n} versions"},
        # -- editor ----------------------------------------------------------------------
        "editor.title_new": {"fr": "Nouvelle note · {name}", "en": "New entry · {name}"},
        "editor.title_edit": {"fr": "Note du {day} · {name}", "en": "Entry of {day} · {name}"},
        "editor.date": {"fr": "Date", "en": "Date"},
        "editor.date_placeholder": {
            "fr": "aujourd'hui — ou : hier, lundi dernier, 12/03, il y a 2 semaines",
            "en": "today — or: yesterday, last monday, 12/03, 2 weeks ago",
        },
        "editor.placeholder": {
            "fr": "Écrivez ici, avec vos mots…",
            "en": "Write here, in your own words…",
        },
        "editor.draft_saved": {
            "fr": "Brouillon gardé (chiffré) à {time}.",
            "en": "Draft kept (encrypted) at {time}.",
        },
        "editor.empty": {
            "fr": "Le texte est vide : il n'y a rien à enregistrer.",
            "en": "The text is empty: there is nothing to save.",
        },
        "editor.confirm_close": {
            "fr": "Cette note n'est pas enregistrée. Que faire ?",
            "en": "This entry is not saved. What now?",
        },
        "editor.keep_writing": {"fr": "Continuer", "en": "Keep writing"},
        "editor.keep_draft": {"fr": "Garder en brouillon", "en": "Keep as a draft"},
        "editor.discard": {"fr": "Jeter", "en": "Discard"},
        # -- person form -----------------------------------------------------------------
        "person.title_add": {
            "fr": "Ajouter une personne ou une famille",
            "en": "Add a person or a family",
        },
        "person.title_edit": {"fr": "Nom et profil", "en": "Name and profile"},
        "person.name": {"fr": "Nom", "en": "Name"},
        "person.name_placeholder": {
            "fr": "Par exemple : Famille Martin",
            "en": "For example: the Martin family",
        },
        "person.profile": {
            "fr": "Profil (facultatif) · ctrl+s : enregistrer",
            "en": "Profile (optional) · ctrl+s: save",
        },
        "person.profile_placeholder": {
            "fr": "Quelques mots, si c'est utile",
            "en": "A few words, if useful",
        },
        # -- history ---------------------------------------------------------------------
        "history.title": {
            "fr": "Versions de cette note ({n})",
            "en": "Versions of this entry ({n})",
        },
        "history.version": {
            "fr": "Version {n} · écrite le {written} à {time} · datée du {day}",
            "en": "Version {n} · written on {written} at {time} · dated {day}",
        },
        "history.version_current": {
            "fr": "Version {n} (actuelle) · écrite le {written} à {time} · datée du {day}",
            "en": "Version {n} (current) · written on {written} at {time} · dated {day}",
        },
        # -- drafts ----------------------------------------------------------------------
        "drafts.title": {"fr": "Brouillons à reprendre ({n})", "en": "Drafts to resume ({n})"},
        "drafts.none": {"fr": "Aucun brouillon.", "en": "No draft."},
        "drafts.of_new": {
            "fr": "{name} · nouvelle note · {when} à {time}",
            "en": "{name} · new entry · {when} at {time}",
        },
        "drafts.of_edit": {
            "fr": "{name} · modification · {when} à {time}",
            "en": "{name} · change · {when} at {time}",
        },
        "drafts.confirm_discard": {
            "fr": "Jeter ce brouillon ? C'est définitif.",
            "en": "Discard this draft? It cannot be undone.",
        },
        "drafts.keep": {"fr": "Garder", "en": "Keep"},
        "drafts.discard": {"fr": "Jeter", "en": "Discard"},
        # -- help ------------------------------------------------------------------------
        "help.title": {"fr": "Aide · les touches", "en": "Help · the keys"},
        "help.intro": {
            "fr": "Tout se fait au clavier ; la souris marche aussi. ctrl+p ouvre les commandes : tapez un nom pour aller à une personne.",
            "en": "Everything works from the keyboard; the mouse works too. ctrl+p opens the commands: type a name to go to a person.",
        },
        "help.dates": {
            "fr": "Dates : aujourd'hui (champ vide), hier, avant-hier, lundi dernier, 12/03, 3 nov., il y a 3 semaines, 12/03 14h30. Le coffre se verrouille seul après {minutes_text} sans activité.",
            "en": "Dates: today (empty field), yesterday, last monday, 12/03, 3 nov., 3 weeks ago, 12/03 14:30. The vault locks itself after {minutes_text} without activity.",
        },
        # -- issue 13: layout and keys ----------------------------------------------------
        "key.app.next_field": {"fr": "Champ suivant", "en": "Next field"},
        "key.app.previous_field": {"fr": "Champ précédent", "en": "Previous field"},
        "key.person.to_profile": {"fr": "Passer au profil", "en": "Go to the profile"},
        "key.first_run.to_second": {
            "fr": "Passer au second champ",
            "en": "Go to the second field",
        },
        "key.app.select_all": {"fr": "Tout sélectionner", "en": "Select all"},
        "timeline.profile_more": {"fr": "… (p : tout lire)", "en": "… (p: read it all)"},
        "timeline.strip_legend.bars": {
            "fr": "Contacts par mois : · aucun, ▁ peu, █ le plus de contacts",
            "en": "Contacts per month: · none, ▁ few, █ the most contacts",
        },
        "timeline.strip_months": {"fr": "JFMAMJJASOND", "en": "JFMAMJJASOND"},
        # -- people: renaming, removing, the same name twice (issue 13) --------------------
        "key.people.rename": {"fr": "Renommer", "en": "Rename"},
        "key.people.remove_or_forget": {"fr": "Retirer ou oublier…", "en": "Remove or forget…"},
        "key.people.remove_or_forget.tip": {
            "fr": "Sans aucune note : retirer. Avec des notes : l'effacement pour de bon.",
            "en": "With no entry: remove. With entries: the erasure for good.",
        },
        "people.no_profile": {"fr": "sans profil", "en": "no profile"},
        "people.tells_apart": {"fr": "{profile} · {id}", "en": "{profile} · {id}"},
        "cmd.person_rename": {"fr": "personne : Renommer {name}…", "en": "person: Rename {name}…"},
        "cmd.person_rename.help": {
            "fr": "Changer son nom ou son profil (F2 sur la liste, p dans son histoire)",
            "en": "Change their name or profile (F2 on the list, p in their story)",
        },
        "cmd.person_remove": {"fr": "personne : Retirer {name}…", "en": "person: Remove {name}…"},
        "cmd.person_remove.help": {
            "fr": "Ajoutée par erreur, sans aucune note : il ne restera rien (ctrl+d)",
            "en": "Added by mistake, with no entry: nothing will be left (ctrl+d)",
        },
        "remove.app.question": {
            "fr": "Retirer « {name} » ? Rien n'a été écrit à son sujet : il ne restera rien de cette personne dans le coffre.",
            "en": "Remove “{name}”? Nothing was written about them: nothing of them will be left in the vault.",
        },
        "remove.app.keep": {"fr": "Garder", "en": "Keep"},
        "remove.app.remove": {"fr": "Retirer", "en": "Remove"},
        "remove.app.done": {
            "fr": "{name} a été retiré·e de la liste.",
            "en": "{name} was removed from the list.",
        },
        "remove.app.has_notes": {
            "fr": "{name} a des notes : seule une personne sans aucune note se retire. Pour effacer cette personne et toute son histoire, pour de bon : « personne : Oublier… » (ctrl+d).",
            "en": "{name} has entries: only someone with none can be removed. To erase them and their whole story for good: “person: Forget…” (ctrl+d).",
        },
        "person.namesake": {
            "fr": "« {name} » existe déjà ({details}). ctrl+s à nouveau : ajouter quand même une autre personne de ce nom ; ou changez le nom pour les distinguer.",
            "en": "“{name}” already exists ({details}). ctrl+s again: add another person of this name anyway; or change the name to tell them apart.",
        },
        "person.namesake.last": {"fr": "dernière note : {day}", "en": "last entry: {day}"},
        "person.namesake.no_note": {"fr": "pas encore de note", "en": "no entry yet"},
        "unlock.wrong_again": {
            "fr": "✗ Phrase de passe incorrecte. Oubliée ? Le code de secours noté à la création du coffre permet d'en choisir une nouvelle : quittez (ctrl+q) et tapez « dentelle recover » dans un terminal.",
            "en": "✗ Wrong passphrase. Forgotten? The recovery code you wrote down when the vault was created lets you choose a new one: quit (ctrl+q) and type “dentelle recover” in a terminal.",
        },
        "timeline.versions.one": {"fr": "✎ {n} version", "en": "✎ {n} version"},
    }
)
