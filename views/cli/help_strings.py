"""The one-line help of the commands whose other strings live in their own module.

`dentelle --help` lists every command from its message key (`cli.help.<name>`) without
importing the command's module (`RootGroup.format_commands`): the keys of those commands
are here, loaded with the command line, so that the list costs no import.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        "cli.help.backup": {
            "fr": "Sauvegarder le coffre, chiffré et vérifié, sur une clé USB (trouvée toute seule, ou --to).",
            "en": "Back the vault up, encrypted and verified, to a USB key (found by itself, or --to).",
        },
        "cli.help.backups": {
            "fr": "Lister les sauvegardes d'une clé (numéro, date, taille, vérification).",
            "en": "List the backups on a key (number, date, size, check).",
        },
        "cli.help.card": {
            "fr": "Afficher votre carte de collègue (à donner à un·e collègue) et son empreinte.",
            "en": "Print your colleague card (to give to a colleague) and its fingerprint.",
        },
        "cli.help.check": {
            "fr": "Relire un texte avec la vérification de pertinence (FICHIER, ou - pour l'entrée standard). Code de sortie 1 si quelque chose est relevé.",
            "en": "Read a text with the pertinence check (FILE, or - for standard input). Exit code 1 when something is found.",
        },
        "cli.help.colleague": {
            "fr": "Ajouter ou retirer un·e collègue (sa carte).",
            "en": "Add or remove a colleague (their card).",
        },
        "cli.help.colleagues": {
            "fr": "Lister vos collègues et les empreintes de leurs cartes.",
            "en": "List your colleagues and their cards' fingerprints.",
        },
        "cli.help.erase_version": {
            "fr": "Effacer une version précédente d'une note (numéro donné par « dentelle history »).",
            "en": "Erase an earlier version of an entry (number from “dentelle history”).",
        },
        "cli.help.export": {
            "fr": "Exporter tout ce que contient l'histoire d'une personne (droit d'accès) : html, md ou json.",
            "en": "Export everything a person's file holds (right of access): html, md or json.",
        },
        "cli.help.forget": {
            "fr": "Oublier une personne : effacer définitivement tout ce qui la concerne (droit à l'oubli).",
            "en": "Forget a person: erase everything about them for good (right to erasure).",
        },
        "cli.help.handover": {
            "fr": "Transmettre l'histoire d'une personne à un·e collègue : un fichier chiffré pour elle ou lui seul·e.",
            "en": "Hand a person's story over to a colleague: one file, encrypted for them alone.",
        },
        "cli.help.practice": {
            "fr": "Votre journal de pratique (notes réflexives sur votre travail).",
            "en": "Your practice journal (reflective notes on your work).",
        },
        "cli.help.receive": {
            "fr": "Recevoir une transmission : voir qui l'envoie et ce qu'elle contient, puis l'importer.",
            "en": "Receive a handover: see who sent it and what it holds, then import it.",
        },
        "cli.help.restore": {
            "fr": "Restaurer le coffre depuis une clé de sauvegarde (nouvel ordinateur, ou remplacer le coffre actuel).",
            "en": "Restore the vault from a backup key (new computer, or replacing the current vault).",
        },
        "cli.help.review": {
            "fr": "Revue de conservation : les personnes sans contact depuis plus de 2 ans (réglable).",
            "en": "Retention review: people with no contact for more than 2 years (configurable).",
        },
        "cli.help.rhythm": {
            "fr": "Dire le rythme des contacts d'une personne (« tous les mois », « le premier lundi du mois »…) ou l'afficher.",
            "en": "Say a person's rhythm of contact (“every month”, “the first monday of the month”…) or show it.",
        },
        "cli.help.search": {
            "fr": (
                "Chercher dans toutes les histoires, sans tenir compte des accents ni des "
                "majuscules. Des mots entiers, qui doivent tous y être ; caf* pour les mots "
                "qui commencent par caf (entre apostrophes pour le terminal : 'caf*') ; un "
                "sigle en capitales (CAF, RSA, APL) reste le mot entier ; des guillemets "
                "pour une expression exacte. Les notes les plus récentes d'abord."
            ),
            "en": (
                "Search every story, ignoring accents and capitals. Whole words, all of "
                "them there; caf* for words that start with caf (in single quotes for the "
                "shell: 'caf*'); an acronym in capitals (CAF, RSA, APL) stays the whole "
                "word; quotes for an exact phrase. Newest entries first."
            ),
        },
        "cli.help.soon": {
            "fr": "Qui pourrait passer bientôt, et qui est sans contact depuis plus longtemps que d'habitude.",
            "en": "Who may come by soon, and who has had no contact for longer than usual.",
        },
    }
)
