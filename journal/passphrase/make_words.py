"""Regenerate `journal/wordlists/common-<lang>.txt`, the ranked common words.

    pip install wordfreq==3.1.1 && python -m journal.passphrase.make_words

wordfreq is not a dependency of Dentelle (58 MB installed, five more packages, 0.4 s
to load): its ranking is taken once and shipped as a plain list, most common first.
Only words of letters are kept (the estimate splits a passphrase at every other
character). The data is wordfreq's, under CC BY-SA 4.0: see the files' header.
"""

from __future__ import annotations

import sys
from importlib import resources

WORDS_PER_LANGUAGE = 30_000
HEADER = """\
# The {count} most common words of {language}, most common first, from wordfreq {version}
# (Robyn Speer, https://github.com/rspeer/wordfreq), whose data is distributed under
# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this list, derived from
# it, is under the same licence. wordfreq's sources: Wikipedia, OPUS OpenSubtitles 2018
# (https://www.opensubtitles.org/), SUBTLEX (Marc Brysbaert et al.; freely available data),
# Google Books Ngrams (http://books.google.com/ngrams), the Leeds Internet Corpus,
# ParaCrawl, news, Reddit and Twitter word counts.
# Made by: python -m journal.passphrase.make_words (do not edit by hand).
"""
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


def ranked_words(lang: str, count: int = WORDS_PER_LANGUAGE) -> list[str]:
    """wordfreq's most frequent words of `lang` made of letters only, in rank order."""
    import wordfreq

    kept: list[str] = []
    for word in wordfreq.iter_wordlist(lang, wordlist="large"):
        if word.isalpha():
            kept.append(word)
            if len(kept) == count:
                break
    return kept


def main() -> None:
    from importlib.metadata import version as installed_version

    version = installed_version("wordfreq")
    folder = resources.files("journal") / "wordlists"
    for lang, name in LANGUAGE_NAMES.items():
        words = ranked_words(lang)
        text = HEADER.format(count=len(words), language=name, version=version)
        text += "\n".join(words) + "\n"
        with resources.as_file(folder / f"common-{lang}.txt") as target:
            target.write_text(text, encoding="utf-8")
        print(f"{target}: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
