"""The store's messages, in French and English side by side.

They reach screens and error reports: none names a person or quotes a note.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        "store.busy": {
            "fr": "Le coffre est déjà ouvert par un autre programme Dentelle. Fermez-le d'abord.",
            "en": "The vault is already open in another Dentelle program. Close it first.",
        },
        "store.db_damaged": {
            "fr": (
                "La base de données du coffre est illisible ({reason}). Restaurez une "
                "sauvegarde avec « dentelle restore »."
            ),
            "en": (
                "The vault's database cannot be read ({reason}). Restore a backup with "
                "“dentelle restore”."
            ),
        },
        "store.wrong_vault_key": {
            "fr": "Cette clé n'ouvre pas ce coffre.",
            "en": "This key does not open this vault.",
        },
        "store.person_not_found": {
            "fr": "Aucune personne ne correspond à « {query} ».",
            "en": "Nobody matches “{query}”.",
        },
        "store.person_ambiguous": {
            "fr": "Plusieurs personnes correspondent à « {query} » ; précisez :",
            "en": "Several people match “{query}”; be more precise:",
        },
        "store.entry_not_found": {
            "fr": "Aucune note avec l'identifiant « {entry_id} ».",
            "en": "No entry with id “{entry_id}”.",
        },
        "store.entry_ambiguous": {
            "fr": "Plusieurs notes commencent par « {entry_id} » ; donnez plus de caractères.",
            "en": "Several entries start with “{entry_id}”; give more characters.",
        },
        "store.draft_not_found": {
            "fr": "Ce brouillon n'existe plus.",
            "en": "This draft no longer exists.",
        },
        "store.empty_text": {
            "fr": "Le texte est vide : il n'y a rien à enregistrer.",
            "en": "The text is empty: there is nothing to save.",
        },
        "store.closed": {
            "fr": "Le coffre a été verrouillé pendant la lecture.",
            "en": "The vault was locked during the reading.",
        },
        "store.current_version": {
            "fr": (
                "La version actuelle ne s'efface pas seule : corrigez la note, ou "
                "effacez-la entièrement."
            ),
            "en": "The current version cannot be erased alone: correct the entry, or delete it.",
        },
        "store.version_not_found": {
            "fr": "Cette version n'existe pas (ou plus).",
            "en": "This version does not exist (any more).",
        },
        "store.empty_name": {
            "fr": "Le nom est vide.",
            "en": "The name is empty.",
        },
        "store.disk_full": {
            "fr": (
                "Le disque est plein : rien n'a été enregistré. Libérez de la place et réessayez."
            ),
            "en": "The disk is full: nothing was saved. Free some space and try again.",
        },
        "store.remove_has_notes": {
            "fr": (
                "Cette personne a des notes (ou un brouillon) : seule une personne sans "
                "aucune note se retire. Pour effacer une personne et toute son histoire, "
                "pour de bon : « dentelle forget »."
            ),
            "en": (
                "This person has entries (or a draft): only someone with none can be "
                "removed. To erase a person and their whole story for good: "
                "“dentelle forget”."
            ),
        },
    }
)
