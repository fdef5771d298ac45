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
    }
)
