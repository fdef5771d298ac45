"""The slots of a note's templates, filled while writing it, and small French helpers.

Everything is drawn from the `random.Random` a note is written with, in the order the
templates ask for slots: the same seed gives the same words.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TypeVar

from journal.demo.words import (
    ACCOMPANIMENTS,
    ASSOCIATIONS,
    CLASSES,
    DELAYS,
    HOURS,
    MONTH_COUNTS,
    MONTHS,
    PARTNERS,
    RELATIVES,
    WEEKDAYS,
)

T = TypeVar("T")

_CALL_DAYS = ("demain", *WEEKDAYS[:5])
_ELIDING = frozenset("AEIOUÉÈÊÎÏÔÂHaeiouéèêîïôâh")  # 'd'Habitat', 'd'Hugo' too


def _euros(amount: int | float) -> str:
    """1234 → '1 234 €', 86.5 → '86,50 €'."""
    if isinstance(amount, int):
        return f"{amount:,} €".replace(",", " ")
    return f"{amount:,.2f} €".replace(",", " ").replace(".", ",")


def _spoken_date(day: date, weekday: bool) -> str:
    """'le mardi 14 mars', 'le 1er avril'."""
    number = "1er" if day.day == 1 else str(day.day)
    name = f"{WEEKDAYS[day.weekday()]} " if weekday else ""
    return f"le {name}{number} {MONTHS[day.month - 1]}"


def de(words: str) -> str:
    """The 'de' in front of a name or a noun phrase: 'd'Inès', 'd'une voisine', 'de Nadia'."""
    return f"d'{words}" if words[0] in _ELIDING else f"de {words}"


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """rng.choice, about twice as fast: the hot paths call it a million times."""
    return items[int(rng.random() * len(items))]


def between(rng: random.Random, low: int, high: int) -> int:
    """rng.randint(low, high), faster."""
    return low + int(rng.random() * (high - low + 1))


def draw(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    """Up to `k` distinct items in random order (rng.sample, faster for small k)."""
    pool = list(items)
    k = min(k, len(pool))
    for i in range(k):
        j = i + int(rng.random() * (len(pool) - i))
        pool[i], pool[j] = pool[j], pool[i]
    del pool[k:]
    return pool


class Slots(dict):
    """The words of one note: the person's own, plus per-note ones drawn on first use.

    Amounts, durations and years are drawn anew at each use; a partner, a relative, a
    child or an appointment, once named, stay the same for the whole note.
    """

    __slots__ = ("rng", "day", "years_ago", "children")

    def __init__(
        self,
        base: dict[str, str],
        rng: random.Random,
        day: date,
        today: date,
        children: list[tuple[str, str, int]],
    ) -> None:
        super().__init__(base)
        self.rng = rng
        self.day = day
        self.years_ago = (today - day).days // 365
        self.children = children

    def __missing__(self, key: str) -> str:
        fresh = FRESH.get(key)
        if fresh is not None:
            return fresh(self)
        sticky = STICKY.get(key)
        if sticky is None:
            raise KeyError(key)
        self.update(sticky(self))
        return self[key]


def _appointment(s: Slots) -> dict[str, str]:
    day = s.day + timedelta(days=between(s.rng, 3, 35))
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return {"date_rdv": _spoken_date(day, weekday=True)}


def _pupil(s: Slots) -> dict[str, str]:
    """A child aged 6 to 17 at the date of the note, and where they are at school."""
    ages = [(name, age - s.years_ago) for name, _, age in s.children]
    pupils = [(name, age) for name, age in ages if 6 <= age <= 17]
    name, age = pick(s.rng, pupils) if pupils else max(ages, key=lambda pair: pair[1])
    age = min(max(age, 6), 17)
    school = CLASSES[age - 3]
    if age <= 10:
        where = f"en {school} à l'école {s['ecole']}"
    elif age <= 14:
        where = f"en {school} au collège {s['college']}"
    else:
        where = f"en {school} au lycée {s['lycee']}"
    return {"eleve": name, "de_eleve": de(name), "scolarite": where}


def _youngest(s: Slots) -> dict[str, str]:
    """The youngest child born by the date of the note (PMI, childcare)."""
    born = [child for child in s.children if child[2] >= s.years_ago] or s.children
    name = min(born, key=lambda child: child[2])[0]
    return {"enfant": name, "de_enfant": de(name)}


def _triple(prefix: str, forms: tuple[tuple[str, ...], ...]) -> Callable[[Slots], dict]:
    def make(s: Slots) -> dict[str, str]:
        name, of, to = pick(s.rng, forms)
        return {prefix: name, f"du_{prefix}": of, f"au_{prefix}": to}

    return make


def _relative(s: Slots) -> dict[str, str]:
    relative = pick(s.rng, RELATIVES)
    return {"proche": relative, "de_proche": de(relative)}


def _past(s: Slots) -> str:
    return _spoken_date(s.day - timedelta(days=between(s.rng, 3, 60)), weekday=False)


FRESH: dict[str, Callable[[Slots], str]] = {
    "facture": lambda s: _euros(round(90 + s.rng.random() * 1310, 2)),
    "mensualite": lambda s: _euros(between(s.rng, 15, 90)),
    "nb_mois": lambda s: pick(s.rng, MONTH_COUNTS),
    "loyer": lambda s: _euros(between(s.rng, 320, 780)),
    "apl": lambda s: _euros(between(s.rng, 60, 380)),
    "dette": lambda s: _euros(between(s.rng, 300, 6500)),
    "aide": lambda s: _euros(10 * between(s.rng, 5, 50)),
    "petit_montant": lambda s: _euros(between(s.rng, 12, 250)),
    "pension": lambda s: _euros(between(s.rng, 640, 1050)),
    "budget_jour": lambda s: _euros(between(s.rng, 4, 15)),
    "date_passee": _past,
    "delai": lambda s: pick(s.rng, DELAYS),
    "annee": lambda s: str(s.day.year - between(s.rng, 3, 30)),
    "accomp": lambda s: pick(s.rng, ACCOMPANIMENTS),
}
STICKY: dict[str, Callable[[Slots], dict[str, str]]] = {
    "date_rdv": _appointment,
    "jour": lambda s: {"jour": pick(s.rng, _CALL_DAYS)},
    "heure": lambda s: {"heure": pick(s.rng, HOURS)},
    "proche": _relative,
    "de_proche": _relative,
    "eleve": _pupil,
    "de_eleve": _pupil,
    "scolarite": _pupil,
    "enfant": _youngest,
    "de_enfant": _youngest,
}
for _prefix, _forms in (("partenaire", PARTNERS), ("association", ASSOCIATIONS)):
    for _key in (_prefix, f"du_{_prefix}", f"au_{_prefix}"):
        STICKY[_key] = _triple(_prefix, _forms)
