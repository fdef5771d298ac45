"""Word forms: one list line covers gender, number and conjugation.

A list line says "agressif" or "picoler"; a note says "agressives" or "picolait". The
forms of each list word come from simplemma's dictionaries (form → lemma, French and
English, shipped inside the package), completed by the regular rules of gender and
number that the dictionary lacks ("agressive" is missing from it, "agressives" is not).

Loading simplemma's dictionary of one language takes ~0.2 s and ~50 MB, too much for
every opening of the editor. So the forms of the shipped lists' words are computed
once, here, and kept in `journal/wordlists/forms-<lang>.tsv` (package data, a few
kilobytes); `tests/journal/test_pertinence_forms.py` fails when a list changes and the
file was not regenerated:

    python -m journal.pertinence.make_forms

Only a word from a worker's own list that the file does not know loads the dictionary,
once per process, off the interface thread like the rest of the lists.

A word alone is expanded from its base form only: "agressif" gives agressive(s),
agressifs; "picoler" gives picole, picolait, picolé… A word written in another form
("menteuse") covers its own number only, so "bourré" (drunk) does not bring in "la
bourre" (late) through the verb "bourrer". The words of a multi-word pattern are
expanded through their lemma as well, since the other words keep the sense: "ne fait
aucun effort" finds "ne faisait aucun effort", "n'a fait aucun effort".
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from journal.text import fold

# Elided and full forms of French small words ("n'a", "s'est", "l'enfant").
ELISIONS = {
    "ne": ("ne", "n"),
    "se": ("se", "s"),
    "de": ("de", "d"),
    "que": ("que", "qu"),
    "le": ("le", "l"),
    "la": ("la", "l"),
    "me": ("me", "m"),
    "te": ("te", "t"),
    "je": ("je", "j"),
}
# Their tense carries the sense: "aurait été vu" (hearsay) is not "ont été vus".
AUXILIARIES = frozenset({"avoir", "etre", "have", "be"})
# Too short to inflect by rule without meeting another word: "aïd" + e is "aide"; a
# short word's forms are written in the list ("con, conne, cons").
MIN_RULE_LENGTH = 3
MIN_FRENCH_RULE_LENGTH = 5
SEPARATOR = "\t"
MULTI = "~"  # key prefix in the file: the forms of a word inside a multi-word pattern


def file_name(lang: str) -> str:
    """The shipped table of `lang`, in `journal/wordlists/`."""
    return f"forms-{lang}.tsv"


def french_rules(word: str) -> set[str]:
    """Regular feminine and plural forms of a French adjective or noun (folded)."""
    if len(word) < MIN_FRENCH_RULE_LENGTH or not word.isalpha():
        return set()
    singular = {word}
    for ending, feminine in (
        ("if", "ive"),
        ("eux", "euse"),
        ("eur", "euse"),
        ("er", "ere"),
        ("el", "elle"),
        ("en", "enne"),
        ("on", "onne"),
        ("et", "ette"),
    ):
        if word.endswith(ending):
            singular.add(word[: -len(ending)] + feminine)
            break
    else:
        if not word.endswith("e"):
            singular.add(word + "e")
    forms = set(singular)
    for form in singular:
        if form.endswith(("s", "x", "z")):
            continue
        if form.endswith("al"):
            forms.add(form[:-2] + "aux")
        if form.endswith(("eau", "au", "eu")):
            forms.add(form + "x")
        forms.add(form + "s")
    return forms


def english_rules(word: str) -> set[str]:
    """Regular plural (and third person) of an English word (folded)."""
    if len(word) < MIN_RULE_LENGTH or not word.isalpha():
        return set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


RULES = {"fr": french_rules, "en": english_rules}


class Dictionary:
    """simplemma's form → lemma dictionary for one language, folded, and its inverse."""

    def __init__(self, lang: str) -> None:
        from simplemma.strategies import DefaultDictionaryFactory

        self.lemma: dict[str, str] = {}
        self.forms: dict[str, set[str]] = {}
        for form, lemma in DefaultDictionaryFactory().get_dictionary(lang).items():
            form, lemma = fold(form), fold(lemma)
            self.lemma.setdefault(form, lemma)
            self.forms.setdefault(lemma, set()).add(form)


@cache
def dictionary(lang: str) -> Dictionary | None:
    try:
        return Dictionary(lang)
    except (ImportError, ValueError, OSError):
        return None  # without simplemma, a worker's word keeps the forms of the rules


def compute(word: str, lang: str, multi: bool, dictionary: Dictionary | None) -> frozenset[str]:
    """Every folded form `word` (folded) stands for in a list of language `lang`."""
    if word in ELISIONS:
        return frozenset(ELISIONS[word])
    forms = {word} | RULES.get(lang, english_rules)(word)
    if dictionary is not None:
        # A form made by rule that the dictionary knows as another word is that other
        # word ("aïd" + e is "aide"), unless that word grows from this one ("violente"
        # is listed under "violenter").
        forms = {
            form
            for form in forms
            if dictionary.lemma.get(form, word).startswith(word) or form == word
        }
        forms |= dictionary.forms.get(word, set())
        if multi:
            # "donne" is listed as a noun ("la donne"): its verb is "donne" + r.
            verb = word + "r" if word.endswith("e") else None
            for lemma in (dictionary.lemma.get(word), verb):
                if lemma and lemma in dictionary.forms and lemma not in AUXILIARIES:
                    forms |= dictionary.forms[lemma]
    return frozenset(forms)


class Forms:
    """The forms of list words in one language: the shipped table, then the dictionary."""

    def __init__(self, lang: str, table: dict[str, frozenset[str]]) -> None:
        self.lang = lang
        self._table = table

    @classmethod
    def shipped(cls, lang: str) -> Forms:
        return cls(lang, _read_table(lang))

    def expand(self, word: str, multi: bool = False) -> frozenset[str]:
        """The forms of folded `word`; from the table, else computed (and kept)."""
        key = MULTI + word if multi else word
        found = self._table.get(key)
        if found is None:
            found = compute(word, self.lang, multi, dictionary(self.lang))
            self._table[key] = found
        return found


@cache
def _read_table_cached(lang: str) -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    resource = resources.files("journal") / "wordlists" / file_name(lang)
    if not resource.is_file():
        return table
    for line in resource.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, forms = line.partition(SEPARATOR)
        word = key.removeprefix(MULTI)
        table[key] = frozenset((word, *forms.split()))
    return table


def _read_table(lang: str) -> dict[str, frozenset[str]]:
    return dict(_read_table_cached(lang))
