"""A throwaway vault of fictional people, for `dentelle demo` and first impressions.

The demo identity and its wrapped copies ship with the package: the demo holds only
fiction, so its key being public is harmless, and shipping the scrypt-wrapped file
spares a new user the ~5 s of wrapping at start, while unlocking still runs the real
scrypt with the passphrase shown on screen, exactly as with a real vault.

There is one demo per language: the stories (`data/demo_people.txt`,
`data/demo_people_en.txt`), the rhythms, the practice note and the passphrase. Both
passphrases wrap the same identity; the English one is plain ASCII, typable on any
keyboard. The key files are `keys/identity.age` (French passphrase),
`keys/identity.en.age` (English passphrase) and `keys/recovery.age` (the recovery code,
shared); `tests/data/make_demo_keys.py` makes them again, by hand.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

import pyrage

from journal.crypto import KeyWrap
from journal.fsutil import make_private_dir
from journal.layout import IDENTITY_FILE, RECOVERY_FILE
from journal.rhythm import parse_rhythm
from journal.store import Journal
from journal.store.practice import add_practice_note
from journal.vault import Vault

DEMO_PASSPHRASE = "la dentelle se fait maille après maille"
DEMO_PASSPHRASES = {"fr": DEMO_PASSPHRASE, "en": "lace is made one stitch after another"}
"""The passphrase shown on the demo's unlock screen, per language (English: ASCII only)."""
DEMO_RECOVERY_CODE = "DEMO-DEMO-DEMO-DEMO-DEMO-DEMO"
IDENTITY_FILES = {"fr": "identity.age", "en": "identity.en.age"}
"""The demo identity wrapped under each language's passphrase (in `keys/`)."""
# A few rhythms of contact, so that the "soon" view (`s`) has something to show; most
# people have none, in the demo as in life.
DEMO_RHYTHMS = {
    "Moussa Diarra": "tous les quinze jours",  # as his profile says
    "Jean-Marc Lefèvre": "tous les mois",
    "Madeleine Roux": "le premier lundi du mois",
}
DEMO_RHYTHMS_EN = {
    "Moses Adeyemi": "every two weeks",  # as his profile says
    "Terry Walsh": "every month",
    "Edith Barker": "the first Monday of the month",
}
# One note of the practice journal (`j`), written along Gibbs' headings.
DEMO_PRACTICE_NOTE = (
    "Ce qui s'est passé :\nVisite chez les Amrani ; la petite a pleuré pendant tout "
    "l'entretien.\n\nCe que j'ai ressenti :\nDe l'impuissance, et l'envie d'aller trop "
    "vite.\n\nCe que j'essaierai la prochaine fois :\nProposer un second rendez-vous "
    "plutôt que tout traiter d'un coup."
)
DEMO_PRACTICE_NOTE_EN = (
    "What happened:\nHome visit to the Okafors; the little one cried through the whole "
    "visit.\n\nWhat I felt:\nHelpless, and tempted to rush.\n\n"
    "What I will try next time:\nOffer a second appointment rather than deal with "
    "everything at once."
)
_BY_LANGUAGE = {
    "fr": (DEMO_RHYTHMS, DEMO_PRACTICE_NOTE),
    "en": (DEMO_RHYTHMS_EN, DEMO_PRACTICE_NOTE_EN),
}


def demo_language(lang: str) -> str:
    """The demo's language for `lang`: English for "en", French otherwise."""
    return "en" if lang == "en" else "fr"


def demo_passphrase(lang: str) -> str:
    return DEMO_PASSPHRASES[demo_language(lang)]


# Fiction only: this key opens nothing but the demo.
DEMO_IDENTITY = "AGE-SECRET-KEY-1M9W6JDEL8XUJY84FZT4NVVKX7MDHSD0MYYHWJT9QW930XJ0RFLGS4LAU3U"


def demo_identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.from_str(DEMO_IDENTITY)


def create_demo_vault(
    path: Path, today: date, keywrap: KeyWrap | None = None, lang: str = "fr"
) -> Vault:
    """Fill `path` (which must not hold a vault) with the fictional demo stories of `lang`.

    It opens with `demo_passphrase(lang)` (or the recovery code).
    """
    from journal.demo.fiction import demo_people

    lang = demo_language(lang)
    rhythms, practice_note = _BY_LANGUAGE[lang]
    make_private_dir(path)
    keys = resources.files("journal.demo") / "keys"
    for source_name, name in ((IDENTITY_FILES[lang], IDENTITY_FILE), (RECOVERY_FILE,) * 2):
        with resources.as_file(keys / source_name) as source:
            shutil.copyfile(source, path / name)
            (path / name).chmod(0o600)
    identity = demo_identity()
    Journal.initialize(path / "dentelle.db", identity)
    vault = Vault(path, keywrap=keywrap)
    with vault.open(identity) as journal, journal.transaction():
        for fictional in demo_people(today, lang):
            person = journal.add_person(fictional.name, fictional.profile)
            said = rhythms.get(fictional.name)
            if said is not None:
                journal.update_person(person.id, extra={"rhythm": parse_rhythm(said).to_json()})
            for entry in fictional.entries:
                # Written on the evening of the day it happened, as a worker would.
                written = datetime.combine(entry.occurred_on, time(18, 30)).astimezone()
                journal.add_entry(
                    person.id,
                    entry.occurred_on,
                    entry.text,
                    written_at=written + timedelta(minutes=len(entry.text) % 50),
                )
        add_practice_note(journal, today - timedelta(days=3), practice_note)
    return vault
