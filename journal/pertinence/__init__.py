"""Read a note against editable word lists before it is saved, as the CNIL asks.

The CNIL's guidance on free-text "comment zones" applies to every note a social
worker writes: the person can read it through their right of access, so it must be
adequate, relevant, not excessive and objective; it must never insult; it must not
hold sensitive data (health, sexual life, religion, political or union opinions,
ethnic origin, offences and convictions) unless the support needs it; and it must
not use ambiguous abbreviations.

This package only points at words and asks the question; the worker decides. It never
blocks, never stores that it warned and does no I/O besides reading the lists (and
keeping the compiled shipped lists, which hold no one's data, in the user's cache
folder: `compiled`), so `Checker.check` is a pure function of the text and the lists.
"""

from journal.pertinence.categories import (
    CATEGORIES,
    QUESTION,
    category_label,
    question,
    questions,
    reason,
)
from journal.pertinence.checker import Checker, Finding
from journal.pertinence.lists import MAX_FILE_KB, ListProblem
from journal.pertinence.words import MIN_STEM

__all__ = [
    "CATEGORIES",
    "MAX_FILE_KB",
    "MIN_STEM",
    "QUESTION",
    "Checker",
    "Finding",
    "ListProblem",
    "category_label",
    "question",
    "questions",
    "reason",
]
