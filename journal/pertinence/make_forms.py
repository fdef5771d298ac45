"""Regenerate `journal/wordlists/forms-<lang>.tsv` from the shipped lists.

    python -m journal.pertinence.make_forms

Run it after changing a shipped list (the tests say when it is needed); it needs
simplemma, a dependency of Dentelle. See `journal.pertinence.forms` for why the table
exists.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from importlib import resources

from journal.i18n import LANGUAGES
from journal.pertinence.forms import MULTI, SEPARATOR, compute, dictionary, file_name
from journal.pertinence.lists import ListLoader
from journal.pertinence.words import GAP


def list_words(lang: str) -> Iterator[tuple[str, bool]]:
    """(folded word, in a multi-word pattern) for every word of the shipped lists."""
    loader = ListLoader(expand=False)
    loader.read_shipped(lang)
    for term in loader.index.terms():
        if term.category == "abbreviation":
            continue
        multi = len(term.words) > 1
        for word, stem in term.words:
            if word and not stem and word != GAP:
                yield word, multi


def table_text(lang: str, words: Iterable[tuple[str, bool]]) -> str:
    """The file `forms-<lang>.tsv` for `words`, as `compute` gives them today."""
    forms_of = dictionary(lang)
    if forms_of is None:
        raise RuntimeError("simplemma is needed to regenerate the forms: pip install simplemma")
    lines = [
        f"# Formes des mots des listes ({lang}), tirées de simplemma et des règles de genre",
        "# et de nombre. Fichier produit par : python -m journal.pertinence.make_forms",
        "# Ne pas modifier à la main : modifiez les listes, puis relancez la commande.",
    ]
    for word, multi in sorted(set(words)):
        forms = sorted(compute(word, lang, multi, forms_of) - {word})
        lines.append((MULTI if multi else "") + word + SEPARATOR + " ".join(forms))
    return "\n".join(lines) + "\n"


def main() -> None:
    """Rewrite the shipped forms tables from the shipped lists."""
    folder = resources.files("journal") / "wordlists"
    for lang in LANGUAGES:
        text = table_text(lang, list_words(lang))
        path = folder / file_name(lang)
        with resources.as_file(path) as target:
            target.write_text(text, encoding="utf-8")
        print(f"{target}: {text.count(chr(10)) - 3} words", file=sys.stderr)


if __name__ == "__main__":
    main()
