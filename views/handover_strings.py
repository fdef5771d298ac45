"""Every user-visible string of reading a story with the person and of handing a story
to a colleague (issue 14), in French and English.

`key.reading.*` and `key.handover.*` describe bindings, `cmd.*` are palette entries,
`reading.app.*` belongs to the reading view (views/screens/reading.py). The core's
wordings (the consultation line "lu avec la personne") live with the core.
"""

from __future__ import annotations

from journal.i18n import register

register(
    {
        # -- reading with the person ----------------------------------------------------
        "key.timeline.read_with": {"fr": "Lire avec la personne", "en": "Read with the person"},
        "key.timeline.read_with.tip": {
            "fr": "Son histoire seule, à lire ensemble",
            "en": "Their story alone, to read together",
        },
        "key.reading.up": {"fr": "Monter", "en": "Up"},
        "key.reading.down": {"fr": "Descendre", "en": "Down"},
        "key.reading.page_up": {"fr": "Page précédente", "en": "Page up"},
        "key.reading.page_down": {"fr": "Page suivante", "en": "Page down"},
        "key.reading.start": {"fr": "Aller au début", "en": "Go to the start"},
        "key.reading.end": {"fr": "Aller à la fin", "en": "Go to the end"},
        "key.reading.back": {"fr": "Revenir à l'histoire", "en": "Back to the story"},
        "cmd.read_with": {
            "fr": "personne : Lire son histoire avec {name}",
            "en": "person: Read the story with {name}",
        },
        "cmd.read_with.help": {
            "fr": "Son histoire seule, en grand, sans autre nom à l'écran (l)",
            "en": "Their story alone, spaced out, no other name on screen (l)",
        },
        "reading.app.keys": {
            "fr": "↑ ↓ Pages Début Fin : lire   ·   Échap : revenir",
            "en": "↑ ↓ Pages Home End: read   ·   Escape: back",
        },
        "reading.app.empty": {"fr": "Rien d'écrit pour l'instant.", "en": "Nothing written yet."},
        # -- handing a story over, receiving one, the cards ------------------------------
        "key.timeline.hand_over": {"fr": "Transmettre…", "en": "Hand over…"},
        "key.timeline.hand_over.tip": {
            "fr": "Écrire son histoire pour un·e collègue, sur une clé USB",
            "en": "Write their story for a colleague, on a USB key",
        },
        "key.handover.send": {"fr": "Transmettre", "en": "Hand over"},
        "key.handover.receive": {"fr": "Lire le fichier", "en": "Read the file"},
        "key.handover.import": {"fr": "Importer…", "en": "Import…"},
        "key.handover.add": {"fr": "Ajouter ce·tte collègue", "en": "Add this colleague"},
        "key.handover.remove": {"fr": "Retirer…", "en": "Remove…"},
        "cmd.hand_over": {
            "fr": "personne : Transmettre l'histoire de {name}…",
            "en": "person: Hand the story of {name} over…",
        },
        "cmd.hand_over.help": {
            "fr": "Un fichier chiffré pour un·e collègue, rien n'est envoyé (t)",
            "en": "An encrypted file for one colleague, nothing is sent (t)",
        },
        "cmd.colleagues": {"fr": "Ma carte et mes collègues…", "en": "My card and colleagues…"},
        "cmd.colleagues.help": {
            "fr": "Votre carte à donner, les cartes de vos collègues",
            "en": "Your card to give, your colleagues' cards",
        },
        "cmd.receive": {"fr": "Recevoir une transmission…", "en": "Receive a handover…"},
        "cmd.receive.help": {
            "fr": "Lire un fichier de transmission, puis l'importer si vous le voulez",
            "en": "Read a handover file, then import it if you want",
        },
        "colleagues.app.title": {"fr": "Ma carte et mes collègues", "en": "My card and colleagues"},
        "colleagues.app.my_name": {
            "fr": "Mon nom sur la carte (Entrée pour l'enregistrer)",
            "en": "My name on the card (Enter to save it)",
        },
        "colleagues.app.my_card": {
            "fr": "Ma carte, à donner à un·e collègue (elle ne contient rien de secret) :",
            "en": "My card, to give to a colleague (it holds nothing secret):",
        },
        "colleagues.app.fingerprint": {
            "fr": "Empreinte, à lire ensemble à voix haute : {words}",
            "en": "Fingerprint, to read aloud together: {words}",
        },
        "colleagues.app.list": {"fr": "Mes collègues", "en": "My colleagues"},
        "colleagues.app.none": {
            "fr": "Aucun·e collègue pour l'instant.",
            "en": "No colleague yet.",
        },
        "colleagues.app.line": {
            "fr": "{name} — ajouté·e le {day} — {words}",
            "en": "{name} — added on {day} — {words}",
        },
        "colleagues.app.add": {
            "fr": "Ajouter : son nom, puis sa carte collée ou le chemin de son fichier (ctrl+s)",
            "en": "Add: their name, then their card pasted or its file's path (ctrl+s)",
        },
        "colleagues.app.name_placeholder": {
            "fr": "Nom du ou de la collègue",
            "en": "Colleague's name",
        },
        "colleagues.app.saved_name": {"fr": "Nom enregistré.", "en": "Name saved."},
        "colleagues.app.added": {
            "fr": "{name} est ajouté·e. Lisez ensemble l'empreinte de sa carte : {words}. Si un mot diffère, retirez cette carte.",
            "en": "{name} is added. Read their card's fingerprint together: {words}. If a word differs, remove this card.",
        },
        "colleagues.app.remove_question": {
            "fr": "Retirer {name} de vos collègues ? Ses transmissions seront refusées.",
            "en": "Remove {name} from your colleagues? Their handovers will be refused.",
        },
        "colleagues.app.keep": {"fr": "Garder", "en": "Keep"},
        "colleagues.app.remove": {"fr": "Retirer", "en": "Remove"},
        "colleagues.app.removed": {"fr": "{name} est retiré·e.", "en": "{name} is removed."},
        "colleagues.app.unreadable": {
            "fr": "Impossible de lire la carte {path}.",
            "en": "Cannot read the card {path}.",
        },
        "handover.app.title": {
            "fr": "Transmettre l'histoire de {name}",
            "en": "Hand the story of {name} over",
        },
        "handover.app.about": {
            "fr": "Un seul fichier, chiffré pour ce·tte collègue seulement et signé par vous. Rien n'est envoyé : vous le remettez vous-même.",
            "en": "One file, encrypted for this colleague alone and signed by you. Nothing is sent: you hand it over yourself.",
        },
        "handover.app.to": {"fr": "Pour", "en": "To"},
        "handover.app.no_colleague": {
            "fr": "Aucun·e collègue : ajoutez d'abord sa carte (« Ma carte et mes collègues… »).",
            "en": "No colleague: add their card first (“My card and colleagues…”).",
        },
        "handover.app.folder": {
            "fr": "Dossier où écrire le fichier (clé USB, ou un dossier tapé)",
            "en": "Folder to write the file in (USB key, or a folder typed)",
        },
        "handover.app.drive": {
            "fr": "Clé USB : {label} ({path})",
            "en": "USB key: {label} ({path})",
        },
        "handover.app.letter": {
            "fr": "Lettre de transmission (ce que votre collègue doit savoir)",
            "en": "Handover letter (what your colleague needs to know)",
        },
        "handover.app.choose": {"fr": "Choisissez un·e collègue.", "en": "Choose a colleague."},
        "handover.app.folder_empty": {"fr": "Indiquez un dossier.", "en": "Give a folder."},
        "handover.app.no_folder": {
            "fr": "Le dossier {path} n'existe pas.",
            "en": "The folder {path} does not exist.",
        },
        "handover.app.confirm": {
            "fr": "Transmettre l'histoire de {name} à {colleague}, dans {path} ?",
            "en": "Hand the story of {name} over to {colleague}, in {path}?",
        },
        "handover.app.cancel": {"fr": "Pas maintenant", "en": "Not now"},
        "handover.app.send": {"fr": "Transmettre", "en": "Hand over"},
        "handover.app.writing": {"fr": "Écriture du fichier…", "en": "Writing the file…"},
        "handover.app.written": {
            "fr": "Transmission écrite dans {path}, pour {name} seulement. Remettez-la lui vous-même : rien n'est envoyé.",
            "en": "Handover written to {path}, for {name} only. Give it to them yourself: nothing is sent.",
        },
        "handover.app.forget_question": {
            "fr": "Transmission écrite. Garder votre propre copie de l'histoire de {name}, ou l'oublier maintenant ?",
            "en": "Handover written. Keep your own copy of {name}'s story, or forget it now?",
        },
        "handover.app.keep": {"fr": "Garder ma copie", "en": "Keep my copy"},
        "handover.app.forget": {"fr": "Oublier…", "en": "Forget…"},
        "receive.app.title": {"fr": "Recevoir une transmission", "en": "Receive a handover"},
        "receive.app.path": {
            "fr": "Chemin du fichier reçu (Entrée pour le lire ; rien n'est importé sans votre accord)",
            "en": "Path of the file received (Enter to read it; nothing is imported without your yes)",
        },
        "receive.app.reading": {"fr": "Lecture du fichier…", "en": "Reading the file…"},
        "receive.app.from": {"fr": "De : {name} (collègue)", "en": "From: {name} (colleague)"},
        "receive.app.for": {"fr": "Pour : {name}", "en": "For: {name}"},
        "receive.app.holds": {
            "fr": "Contenu : {notes_text} ({versions_text} avec les versions précédentes), fait le {day}",
            "en": "Holds: {notes_text} ({versions_text} with earlier versions), made on {day}",
        },
        "receive.app.merges": {
            "fr": "Cette personne est déjà dans votre coffre : ses notes seront fusionnées, rien n'est perdu.",
            "en": "This person is already in your vault: the notes will be merged, nothing is lost.",
        },
        "receive.app.letter": {"fr": "Lettre :", "en": "Letter:"},
        "receive.app.no_letter": {"fr": "(pas de lettre)", "en": "(no letter)"},
        "receive.app.then": {
            "fr": "ctrl+s : importer cette histoire · Échap : ne rien importer",
            "en": "ctrl+s: import this story · Escape: import nothing",
        },
        "receive.app.confirm": {
            "fr": "Importer l'histoire de {name} dans votre coffre ?",
            "en": "Import the story of {name} into your vault?",
        },
        "receive.app.confirm_unknown": {
            "fr": "L'expéditeur n'est pas parmi vos collègues. Importer quand même, en étant sûr·e de sa provenance ?",
            "en": "The sender is not among your colleagues. Import anyway, being sure where it comes from?",
        },
        "receive.app.no": {"fr": "Ne rien importer", "en": "Import nothing"},
        "receive.app.yes": {"fr": "Importer", "en": "Import"},
        "receive.app.yes_unknown": {"fr": "Importer quand même", "en": "Import anyway"},
        "receive.app.importing": {"fr": "Import…", "en": "Importing…"},
        "receive.app.empty": {
            "fr": "Indiquez le chemin du fichier.",
            "en": "Give the file's path.",
        },
        "handover.app.draft": {
            "fr": "Un brouillon de cette histoire, pas encore enregistré, ne sera pas transmis.",
            "en": "A draft of this story, not saved yet, will not be handed over.",
        },
        "colleagues.app.my_name_placeholder": {
            "fr": "Votre nom, tel que vos collègues le liront",
            "en": "Your name, as your colleagues will read it",
        },
    }
)
