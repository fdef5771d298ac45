"""The app's strings for search, the pertinence check, the practice journal, rhythms and
the "soon" view, in French and English side by side.

Kept apart from `views/app_strings.py` so that these screens can grow without touching
the shared catalogue. Same conventions: `key.*` describe bindings
(`.tip` adds a tooltip), `cmd.*` are palette entries ("group: Action"), keys ending in
`.one` are singulars (`views.ui.plural`). Never "en retard", never a verdict: a rhythm
is a habit, not a deadline.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- keys ------------------------------------------------------------------------
        "key.group.practice": {"fr": "Journal de pratique", "en": "Practice journal"},
        "key.group.search": {"fr": "Recherche", "en": "Search"},
        "key.group.soon": {"fr": "Bientôt", "en": "Soon"},
        "key.group.pertinence": {"fr": "Relecture avant d'enregistrer", "en": "Second look"},
        "key.app.search": {"fr": "Chercher", "en": "Search"},
        "key.app.search.tip": {
            "fr": "Chercher des mots dans toutes les histoires",
            "en": "Search words in every story",
        },
        "key.app.soon": {"fr": "Bientôt", "en": "Soon"},
        "key.app.soon.tip": {
            "fr": "Qui pourrait passer cette semaine, selon les rythmes notés",
            "en": "Who may come by this week, from the rhythms you noted",
        },
        "key.app.practice": {"fr": "Pratique", "en": "Practice"},
        "key.app.practice.tip": {
            "fr": "Votre journal de pratique : vos notes sur votre travail",
            "en": "Your practice journal: your notes on your own work",
        },
        "key.timeline.rhythm": {"fr": "Rythme", "en": "Rhythm"},
        "key.timeline.rhythm.tip": {
            "fr": "Dire le rythme des contacts, avec vos mots (facultatif)",
            "en": "Say the rhythm of contact, in your words (optional)",
        },
        "key.practice.new": {"fr": "Écrire", "en": "Write"},
        "key.practice.search": {"fr": "Chercher", "en": "Search"},
        "key.practice.search.tip": {
            "fr": "Chercher dans le journal de pratique",
            "en": "Search the practice journal",
        },
        "key.practice.delete": {"fr": "Effacer", "en": "Delete"},
        "key.practice.back": {"fr": "Retour", "en": "Back"},
        "key.editor.prompts": {"fr": "Questions", "en": "Prompts"},
        "key.editor.prompts.tip": {
            "fr": "Partir des questions du cycle de Gibbs (facultatif, tout s'efface)",
            "en": "Start from Gibbs' questions (optional, delete any of them)",
        },
        "key.pertinence.save": {"fr": "Enregistrer tel quel", "en": "Save as it is"},
        "key.pertinence.rephrase": {"fr": "Reformuler", "en": "Rephrase"},
        "key.soon.open": {"fr": "Ouvrir", "en": "Open"},
        "key.soon.back": {"fr": "Retour", "en": "Back"},
        # -- command palette ("group: Action") -----------------------------------------
        "cmd.search": {"fr": "recherche : Chercher…", "en": "search: Find…"},
        "cmd.search.help": {
            "fr": "Des mots dans toutes les histoires (/)",
            "en": "Words in every story (/)",
        },
        "cmd.practice": {"fr": "pratique : Journal de pratique", "en": "practice: Journal"},
        "cmd.practice.help": {
            "fr": "Vos notes réflexives sur votre travail",
            "en": "Your reflective notes on your own work",
        },
        "cmd.practice_new": {"fr": "pratique : Nouvelle note", "en": "practice: New note"},
        "cmd.practice_new.help": {
            "fr": "Écrire dans le journal de pratique",
            "en": "Write in the practice journal",
        },
        "cmd.soon": {"fr": "bientôt : Qui pourrait passer", "en": "soon: Who may come by"},
        "cmd.soon.help": {
            "fr": "Selon les rythmes notés (s ; ctrl+s sur la liste)",
            "en": "From the rhythms you noted (s; ctrl+s on the list)",
        },
        "cmd.rhythm": {
            "fr": "rythme : Dire le rythme de {name}…",
            "en": "rhythm: Set the rhythm of {name}…",
        },
        "cmd.rhythm.help": {
            "fr": "Le rythme des contacts de cette personne (r)",
            "en": "This person's rhythm of contact (r)",
        },
        # -- pertinence check ------------------------------------------------------------
        "pertinence.title": {
            "fr": "À relire avant d'enregistrer ({n})",
            "en": "Worth a second look before saving ({n})",
        },
        "pertinence.intro": {
            "fr": "La personne peut lire ce qui est écrit sur elle (droit d'accès).",
            "en": "The person can read what is written about them (right of access).",
        },
        "pertinence.field.name": {"fr": "Nom", "en": "Name"},
        "pertinence.field.profile": {"fr": "Profil", "en": "Profile"},
        "pertinence.suggestion": {"fr": "Plutôt : {suggestion}", "en": "Instead: {suggestion}"},
        "pertinence.you_decide": {
            "fr": "ctrl+s : enregistrer tel quel · Échap : reformuler. Vous décidez : rien n'est bloqué, et cet avertissement n'est gardé nulle part.",
            "en": "ctrl+s: save as it is · Escape: rephrase. You decide: nothing is blocked, and this warning is not kept anywhere.",
        },
        # -- the practice journal's notice about names ------------------------------------
        "names.title": {
            "fr": "Avant d'enregistrer : un nom dans votre journal de pratique",
            "en": "Before saving: a name in your practice journal",
        },
        "names.you_decide": {
            "fr": "ctrl+s : enregistrer tel quel · Échap : reformuler. Vous décidez : rien n'est bloqué, et cet avis n'est gardé nulle part.",
            "en": "ctrl+s: save as it is · Escape: rephrase. You decide: nothing is blocked, and this notice is not kept anywhere.",
        },
        # -- practice journal ------------------------------------------------------------
        "practice.name": {"fr": "Journal de pratique", "en": "Practice journal"},
        "practice.title": {
            "fr": "Journal de pratique · {n} notes",
            "en": "Practice journal · {n} notes",
        },
        "practice.title.one": {
            "fr": "Journal de pratique · {n} note",
            "en": "Practice journal · {n} note",
        },
        "practice.intro": {
            "fr": "Vos notes sur votre propre travail, chiffrées comme le reste. Elles ne concernent personne en particulier.",
            "en": "Your notes on your own work, encrypted like the rest. They are about no one in particular.",
        },
        "practice.loading": {"fr": "Ouverture du journal…", "en": "Opening the journal…"},
        "practice.empty": {
            "fr": "Pas encore de note. n : écrire la première.",
            "en": "No note yet. n: write the first one.",
        },
        "practice.editor_hint": {
            "fr": "ctrl+t : partir des questions de Gibbs (facultatives, tout s'efface).",
            "en": "ctrl+t: start from Gibbs' questions (optional, delete any of them).",
        },
        "practice.confirm_delete": {
            "fr": "Effacer cette note de pratique ? C'est définitif.",
            "en": "Delete this practice note? It cannot be undone.",
        },
        "practice.keep": {"fr": "Garder", "en": "Keep"},
        "practice.delete": {"fr": "Effacer", "en": "Delete"},
        "practice.search_placeholder": {
            "fr": 'Chercher dans le journal de pratique ("guillemets" pour une expression)',
            "en": 'Search the practice journal ("quotes" for a phrase)',
        },
        # -- rhythms ---------------------------------------------------------------------
        "rhythm.line": {
            "fr": "Rythme : {rhythm} · prochain contact vers le {day}",
            "en": "Rhythm: {rhythm} · next contact around {day}",
        },
        "rhythm.title": {
            "fr": "Rythme des contacts · {name}",
            "en": "Rhythm of contact · {name}",
        },
        "rhythm.explain": {
            "fr": "Comme vous le diriez : « tous les mois », « toutes les deux semaines », « le premier lundi du mois ». Facultatif : la plupart des personnes n'en ont pas.",
            "en": "As you would say it: “every month”, “every two weeks”, “the first monday of the month”. Optional: most people have none.",
        },
        "rhythm.placeholder": {
            "fr": "tous les mois — ou : toutes les deux semaines, le premier lundi du mois",
            "en": "every month — or: every two weeks, the first monday of the month",
        },
        "rhythm.understood": {
            "fr": "✓ {rhythm} → prochain contact attendu vers le {day}",
            "en": "✓ {rhythm} → next contact expected around {day}",
        },
        "rhythm.will_clear": {
            "fr": "Champ vide : Entrée retire le rythme.",
            "en": "Empty field: Enter removes the rhythm.",
        },
        "rhythm.none_yet": {
            "fr": "Champ vide : pas de rythme.",
            "en": "Empty field: no rhythm.",
        },
        "rhythm.keys": {
            "fr": "Entrée : enregistrer · Échap : annuler",
            "en": "Enter: save · Escape: cancel",
        },
        # -- soon ------------------------------------------------------------------------
        "soon.title": {"fr": "Bientôt · d'ici au {day}", "en": "Soon · until {day}"},
        "soon.intro": {
            "fr": "D'après les rythmes que vous avez notés : des repères, pas des échéances.",
            "en": "From the rhythms you noted: landmarks, not deadlines.",
        },
        "soon.expected": {"fr": "Attendu·es cette semaine", "en": "Expected this week"},
        "soon.longer": {
            "fr": "Sans contact depuis plus longtemps que d'habitude",
            "en": "No contact for longer than usual",
        },
        "soon.around": {"fr": "vers le {day}", "en": "around {day}"},
        "soon.loading": {"fr": "Lecture des rythmes…", "en": "Reading the rhythms…"},
        "soon.none": {
            "fr": "Aucune personne à signaler cette semaine. Un rythme se dit dans l'histoire d'une personne (touche r) ; la plupart n'en ont pas.",
            "en": "Nobody to mention this week. A rhythm is set from a person's story (key r); most people have none.",
        },
        # -- search, in the help (F1) ----------------------------------------------------
        "help.search": {
            "fr": 'Recherche (/) : des mots entiers, qui doivent tous y être, sans souci des accents ni des majuscules ; caf* trouve les mots qui commencent par caf (café, cafétéria) ; un sigle en capitales (CAF, RSA, APL) reste le mot entier ; des guillemets pour une expression ("visite à domicile"). Entrée ouvre une note, Échap revient aux résultats tels qu\'ils étaient.',
            "en": 'Search (/): whole words, all of them there, whatever the accents and capitals; caf* finds words that start with caf (café, cafétéria); an acronym in capitals (CAF, RSA, APL) stays the whole word; quotes for a phrase ("home visit"). Enter opens an entry, Escape comes back to the results as they were.',
        },
    }
)
