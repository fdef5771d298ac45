"""Fictional people and their notes: the demo vault and the benchmark data.

Two uses, one rule: nothing here is about a real person.

* `demo_people(today)` returns a small, hand-written set of eight people (a long story over
  six years, a family, someone who comes back now and then for years, someone met twice,
  someone seen every week lately...), dated relative to `today`, for `dentelle demo`.
* `generate_people(n_people, n_entries, seed, today)` invents as many people and notes as a
  benchmark needs (1,000 people and 50,000 notes, 5,000 and 250,000), one person at a time.

Everything is deterministic: each call draws from its own `random.Random(seed)`; there is
no global random state, no clock and no network. The same arguments always give the same
people, on any machine running the same Python.

Benchmarks that open one long timeline use person `LONG_TIMELINE_INDEX` (the first one),
who always has `LONG_TIMELINE_ENTRIES` (1,000) notes when `n_entries` leaves room for it;
`entry_counts()` tells how many notes every person gets without generating any text.

The words and templates live in `journal.fiction_data`. Pure standard library.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from journal import fiction_data as data

T = TypeVar("T")

LONG_TIMELINE_INDEX = 0
LONG_TIMELINE_ENTRIES = 1000
HISTORY_DAYS = 8 * 365 + 2
"""Generated notes fall within the last eight years (today included)."""

# Target length of a generated note, in characters, before the last passage and the closing
# sentence are added: the texts measure 1.2 to 2.4 KB, 1.7 KB on average.
_TARGET_CHARS = (1200, 2050)


@dataclass(frozen=True)
class FictionalEntry:
    """One dated note, in the worker's words."""

    occurred_on: date
    text: str


@dataclass(frozen=True)
class FictionalPerson:
    """A person or a family ("Famille ..."), a few words of profile and the notes, by date."""

    name: str
    profile: str
    entries: list[FictionalEntry]


# --- Reading the text blocks of fiction_data ---------------------------------------------


def _items(block: str) -> tuple[str, ...]:
    """'a, b c,\\n d' → ('a', 'b c', 'd'): comma-separated, wrapped lines rejoined."""
    return tuple(" ".join(item.split()) for item in block.split(",") if item.strip())


def _variants(block: str) -> tuple[tuple[str, ...], ...]:
    """Comma-separated items whose forms are separated by '|'."""
    return tuple(tuple(form.strip() for form in item.split("|")) for item in _items(block))


def _sections(block: str) -> dict[str, list[tuple[str, str]]]:
    """'# name' headings, then one template per paragraph, each with an optional [tag]."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            text = " ".join(lines)
            tag = ""
            if text.startswith("["):
                tag, _, text = text[1:].partition("] ")
            current.append((tag, text))
            lines.clear()

    for raw in block.splitlines():
        line = raw.strip()
        if line.startswith("# "):
            flush()
            current = sections.setdefault(line[2:].strip(), [])
        elif line:
            lines.append(line)
        else:
            flush()
    flush()
    return sections


_FIRST_NAMES = tuple((name, "f") for name in _items(data.FEMININE_FIRST_NAMES)) + tuple(
    (name, "m") for name in _items(data.MASCULINE_FIRST_NAMES)
)
_LAST_NAMES = _items(data.LAST_NAMES)
_CHILD_NAMES = tuple((name, "f") for name in _items(data.CHILD_NAMES_FEMININE)) + tuple(
    (name, "m") for name in _items(data.CHILD_NAMES_MASCULINE)
)
_PERMANENCES = _items(data.PERMANENCES)
_QUARTIERS = _variants(data.QUARTIERS)
_STREETS = _items(data.STREETS)
_FLOORS = _items(data.FLOORS)
_HOUSING = _items(data.HOUSING_TYPES)
_BAILLEURS = _items(data.BAILLEURS)
_SCHOOLS = _items(data.SCHOOLS)
_COLLEGES = _items(data.COLLEGES)
_SUPPLIERS = _variants(data.ENERGY_SUPPLIERS)
_PARTNERS = _variants(data.PARTNERS)
_ASSOCIATIONS = _variants(data.ASSOCIATIONS)
_ACCOMPANIMENTS = _items(data.ACCOMPANIMENTS)
_ORIGINS = {False: _items(data.ORIGINS_FRANCE), True: _items(data.ORIGINS_ABROAD)}
_RELATIVES = _items(data.RELATIVES)
_PASSIONS = _variants(data.PASSIONS)
_JOBS = _variants(data.JOBS)
_CLASSES = _items(data.SCHOOL_CLASSES)

_TEMPLATES = _sections(data.TEMPLATES)
_KINDS = ("bureau", "visite", "distance")  # how the worker met the person that day
_OPENERS = {kind: [t for tag, t in _TEMPLATES["opener"] if tag == kind] for kind in _KINDS}
_CLOSINGS = [t for _, t in _TEMPLATES["closing"]]
_SEASONAL: dict[int, list[str]] = {}
for _name, _templates in _TEMPLATES.items():
    if _name.startswith("mois "):
        for _month in _name.split()[1:]:
            _SEASONAL.setdefault(int(_month), []).extend(t for _, t in _templates)
_GENERAL = ("histoire", "quotidien", "coordination")
_THEMES = (
    "logement",
    "energie",
    "caf",
    "budget",
    "sante",
    "papiers",
    "emploi",
    "jeunesse",
    "retraite",
    "ecole",
    "petite_enfance",
    "famille",
    "separation",
    *_GENERAL,
)


def _fits(tags: str, kind: str, abroad: bool, active: bool) -> bool:
    """Whether a template's [tags] suit this note and this person; no tag suits all.

    [visite] needs a home visit, [face] any meeting in person, [etranger] someone born
    abroad (a residence permit), [actif] someone of working age.
    """
    words = tags.split()
    if ("etranger" in words and not abroad) or ("actif" in words and not active):
        return False
    if "visite" in words and kind != "visite":
        return False
    return not ("face" in words and kind == "distance")


_POOLS = {
    (kind, abroad, active): {
        theme: tuple(t for tags, t in _TEMPLATES[theme] if _fits(tags, kind, abroad, active))
        for theme in _THEMES
    }
    for kind in _KINDS
    for abroad in (False, True)
    for active in (False, True)
}
_GENERAL_POOLS = {key: sum((pools[t] for t in _GENERAL), ()) for key, pools in _POOLS.items()}

# --- Small French formatting helpers -------------------------------------------------------

_WEEKDAYS = _items(data.WEEKDAYS)
_MONTHS = _items(data.MONTHS)
_DELAYS = _items(data.DELAYS)
_HOURS = _items(data.HOURS)
_MONTH_COUNTS = _items(data.MONTH_COUNTS)
_RHYTHMS = (7, 7, 14, 14, 21, 30, 30, 45, 60, 90)  # days between two contacts
_CALL_DAYS = ("demain", *_WEEKDAYS[:5])
_NUMBERS = ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit")
_ELIDING = frozenset("AEIOUÉÈÊÎÏÔÂHaeiouéèêîïôâh")  # 'd'Habitat', 'd'Hugo' too


def _euros(amount: int | float) -> str:
    """1234 → '1 234 €', 86.5 → '86,50 €'."""
    if isinstance(amount, int):
        return f"{amount:,} €".replace(",", " ")
    return f"{amount:,.2f} €".replace(",", " ").replace(".", ",")


def _spoken_date(day: date, weekday: bool) -> str:
    """'le mardi 14 mars', 'le 1er avril'."""
    number = "1er" if day.day == 1 else str(day.day)
    name = f"{_WEEKDAYS[day.weekday()]} " if weekday else ""
    return f"le {name}{number} {_MONTHS[day.month - 1]}"


def _de(words: str) -> str:
    """The 'de' in front of a name or a noun phrase: 'd'Inès', 'd'une voisine', 'de Nadia'."""
    return f"d'{words}" if words[0] in _ELIDING else f"de {words}"


# --- Slots filled while writing a note ----------------------------------------------------


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    """rng.choice, about twice as fast: the hot paths call it a million times."""
    return items[int(rng.random() * len(items))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """rng.randint(low, high), faster."""
    return low + int(rng.random() * (high - low + 1))


def _draw(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    """Up to `k` distinct items in random order (rng.sample, faster for small k)."""
    pool = list(items)
    k = min(k, len(pool))
    for i in range(k):
        j = i + int(rng.random() * (len(pool) - i))
        pool[i], pool[j] = pool[j], pool[i]
    del pool[k:]
    return pool


class _Slots(dict):
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
        fresh = _FRESH.get(key)
        if fresh is not None:
            return fresh(self)
        sticky = _STICKY.get(key)
        if sticky is None:
            raise KeyError(key)
        self.update(sticky(self))
        return self[key]


def _appointment(s: _Slots) -> dict[str, str]:
    day = s.day + timedelta(days=_between(s.rng, 3, 35))
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return {"date_rdv": _spoken_date(day, weekday=True)}


def _pupil(s: _Slots) -> dict[str, str]:
    """A child aged 6 to 17 at the date of the note, and where they are at school."""
    ages = [(name, age - s.years_ago) for name, _, age in s.children]
    pupils = [(name, age) for name, age in ages if 6 <= age <= 17]
    name, age = _pick(s.rng, pupils) if pupils else max(ages, key=lambda pair: pair[1])
    age = min(max(age, 6), 17)
    school = _CLASSES[age - 3]
    if age <= 10:
        where = f"en {school} à l'école {s['ecole']}"
    elif age <= 14:
        where = f"en {school} au collège {s['college']}"
    else:
        where = f"en {school} au lycée {s['lycee']}"
    return {"eleve": name, "de_eleve": _de(name), "scolarite": where}


def _youngest(s: _Slots) -> dict[str, str]:
    """The youngest child born by the date of the note (PMI, childcare)."""
    born = [child for child in s.children if child[2] >= s.years_ago] or s.children
    name = min(born, key=lambda child: child[2])[0]
    return {"enfant": name, "de_enfant": _de(name)}


def _triple(prefix: str, forms: tuple[tuple[str, ...], ...]) -> Callable[[_Slots], dict]:
    def make(s: _Slots) -> dict[str, str]:
        name, of, to = _pick(s.rng, forms)
        return {prefix: name, f"du_{prefix}": of, f"au_{prefix}": to}

    return make


def _relative(s: _Slots) -> dict[str, str]:
    relative = _pick(s.rng, _RELATIVES)
    return {"proche": relative, "de_proche": _de(relative)}


def _past(s: _Slots) -> str:
    return _spoken_date(s.day - timedelta(days=_between(s.rng, 3, 60)), weekday=False)


_FRESH: dict[str, Callable[[_Slots], str]] = {
    "facture": lambda s: _euros(round(90 + s.rng.random() * 1310, 2)),
    "mensualite": lambda s: _euros(_between(s.rng, 15, 90)),
    "nb_mois": lambda s: _pick(s.rng, _MONTH_COUNTS),
    "loyer": lambda s: _euros(_between(s.rng, 320, 780)),
    "apl": lambda s: _euros(_between(s.rng, 60, 380)),
    "dette": lambda s: _euros(_between(s.rng, 300, 6500)),
    "aide": lambda s: _euros(10 * _between(s.rng, 5, 50)),
    "petit_montant": lambda s: _euros(_between(s.rng, 12, 250)),
    "pension": lambda s: _euros(_between(s.rng, 640, 1050)),
    "budget_jour": lambda s: _euros(_between(s.rng, 4, 15)),
    "date_passee": _past,
    "delai": lambda s: _pick(s.rng, _DELAYS),
    "annee": lambda s: str(s.day.year - _between(s.rng, 3, 30)),
    "accomp": lambda s: _pick(s.rng, _ACCOMPANIMENTS),
}
_STICKY: dict[str, Callable[[_Slots], dict[str, str]]] = {
    "date_rdv": _appointment,
    "jour": lambda s: {"jour": _pick(s.rng, _CALL_DAYS)},
    "heure": lambda s: {"heure": _pick(s.rng, _HOURS)},
    "proche": _relative,
    "de_proche": _relative,
    "eleve": _pupil,
    "de_eleve": _pupil,
    "scolarite": _pupil,
    "enfant": _youngest,
    "de_enfant": _youngest,
}
for _prefix, _forms in (("partenaire", _PARTNERS), ("association", _ASSOCIATIONS)):
    for _key in (_prefix, f"du_{_prefix}", f"au_{_prefix}"):
        _STICKY[_key] = _triple(_prefix, _forms)


# --- Inventing one person ------------------------------------------------------------------


@dataclass
class _Character:
    base: dict[str, str]
    children: list[tuple[str, str, int]]  # name, gender, age today
    themes: list[str]  # what their notes are mostly about
    family: bool
    abroad: bool  # born abroad
    active: bool  # of working age


def _character(rng: random.Random, first: str, gender: str, last: str, years: int) -> _Character:
    """Who the person is; `years` since the first note, for ages to stay consistent."""
    family = rng.random() < 0.07
    roll = rng.random()
    if family:
        age = rng.randint(24, 48)  # at the first note
    elif roll < 0.12:
        age = rng.randint(18, 25)
    elif roll < 0.75:
        age = rng.randint(26, 57)
    else:
        age = rng.randint(58, 88)
    feminine = gender == "f"
    abroad = rng.random() < 0.4
    civil = f"{'Mme' if feminine else 'M.'} {last}"
    ref = first if rng.random() < 0.55 else civil
    quartier, au_quartier = rng.choice(_QUARTIERS)
    supplier, of_supplier = rng.choice(_SUPPLIERS)
    passion, of_passion = rng.choice(_PASSIONS)
    bailleur = rng.choice(_BAILLEURS)
    job = rng.choice(_JOBS)[1 if feminine else 0]
    doctor = f"docteur {rng.choice(_LAST_NAMES)}"
    base = {
        "prenom": first,
        "nom": last,
        "ref": ref,
        "de_ref": _de(ref),
        "il": "elle" if feminine else "il",
        "Il": "Elle" if feminine else "Il",
        "e": "e" if feminine else "",
        "la": "la" if feminine else "le",
        "lui": "elle" if feminine else "lui",
        "lui_meme": "elle-même" if feminine else "lui-même",
        "age": str(age + years),
        "quartier": quartier,
        "au_quartier": au_quartier,
        "adresse": f"{rng.randint(1, 140)} {rng.choice(_STREETS)}",
        "etage": rng.choice(_FLOORS),
        "logement_type": rng.choice(_HOUSING[2:5] if family else _HOUSING),
        "bailleur": bailleur,
        "de_bailleur": _de(bailleur),
        "ecole": rng.choice(_SCHOOLS),
        "college": rng.choice(_COLLEGES),
        "lycee": rng.choice(_COLLEGES),
        "medecin": f"le {doctor}",
        "Medecin": f"Le {doctor}",
        "ville_origine": rng.choice(_ORIGINS[abroad]),
        "metier": job,
        "de_metier": _de(job),
        "fournisseur": supplier,
        "du_fournisseur": of_supplier,
        "permanence": rng.choice(_PERMANENCES),
        "passion": passion,
        "de_passion": of_passion,
    }
    themes = ["logement", "energie", "caf", "budget", "sante", "papiers"]
    themes += ["emploi"] if age < 63 else []
    themes += ["jeunesse"] if age <= 25 else []
    themes += ["retraite"] if age + years >= 60 else []
    themes = rng.sample(themes, 3)
    children: list[tuple[str, str, int]] = []
    if family or (20 <= age <= 50 and rng.random() < 0.35):
        count = rng.choice((1, 2, 2, 3, 3, 4)) if family else rng.choice((1, 1, 2, 2, 3))
        names = [child for child in _CHILD_NAMES if child[0] != first]
        for name, child_gender in rng.sample(names, count):
            at_first_note = rng.randint(0, min(17, age - 18))
            children.append((name, child_gender, at_first_note + years))
        children.sort(key=lambda child: -child[2])
        base["enfants"] = _and([name for name, _, _ in children])
        base["enfants_ages"] = _and([f"{name} ({_age(n)})" for name, _, n in children])
        if len(children) == 1:
            base["des_enfants"] = _de(children[0][0])
        else:
            base["des_enfants"] = f"des enfants, {base['enfants']}"
        if any(n >= 6 and n - years <= 17 for _, _, n in children):
            themes.append("ecole")
        if any(n - years <= 3 for _, _, n in children):
            themes.append("petite_enfance")
    if family:
        taken = {first, *(name for name, _, _ in children)}
        conjoint, conjoint_gender = rng.choice([a for a in _FIRST_NAMES if a[0] not in taken])
        base["conjoint"] = conjoint
        base["conjoint_e"] = "e" if conjoint_gender == "f" else ""
        base["nb_personnes"] = _NUMBERS[2 + len(children)]
        themes.append("famille")
    elif children and rng.random() < 0.5:
        themes.append("separation")
    return _Character(base, children, themes, family, abroad, age + years < 63)


def _age(years: int) -> str:
    if years == 0:
        return "quelques mois"
    return "1 an" if years == 1 else f"{years} ans"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} et {words[-1]}"


def _profile(rng: random.Random, who: _Character, today: date) -> str:
    slots = _Slots(who.base, rng, today, today, who.children)
    if who.family:
        section = "profil_famille"
    elif who.children:
        section = "profil_parent"
    else:
        section = "profil"
    choices = [t for tags, t in _TEMPLATES[section] if _fits(tags, "", who.abroad, who.active)]
    parts = [rng.choice(choices).format_map(slots)]
    if rng.random() < 0.7:
        parts.append(rng.choice(_TEMPLATES["profil_suite"])[1].format_map(slots))
    return " ".join(parts)


def _note(rng: random.Random, who: _Character, day: date, today: date) -> str:
    """One note of 1.2 to 2.4 KB: how they met, a few topics, what comes next."""
    slots = _Slots(who.base, rng, day, today, who.children)
    themes = who.themes
    if who.children:  # only the children's ages at this date
        ages = [age - slots.years_ago for _, _, age in who.children]
        themes = [
            theme
            for theme in themes
            if (theme != "ecole" or any(6 <= n <= 17 for n in ages))
            and (theme != "petite_enfance" or any(0 <= n <= 3 for n in ages))
        ]
    roll = rng.random()
    kind = "bureau" if roll < 0.45 else "visite" if roll < 0.7 else "distance"
    pools = _POOLS[kind, who.abroad, who.active]
    main, second = _draw(rng, themes, 2)
    picks = _draw(rng, pools[main], 4) + _draw(rng, pools[second], 3)
    picks += _draw(rng, _GENERAL_POOLS[kind, who.abroad, who.active], 6)
    seasonal = _SEASONAL.get(day.month)
    if seasonal and rng.random() < 0.25:
        picks.insert(1, _pick(rng, seasonal))
    target = _between(rng, *_TARGET_CHARS)
    parts = [_pick(rng, _OPENERS[kind]).format_map(slots)]
    closing = _pick(rng, _CLOSINGS).format_map(slots)
    size = len(parts[0]) + len(closing)
    for template in picks:
        if size >= target:
            break
        text = template.format_map(slots)
        parts.append("\n\n" if rng.random() < 0.3 else " ")
        parts.append(text)
        size += len(text) + 1
    parts.append(" ")
    parts.append(closing)
    return "".join(parts)


def _schedule(rng: random.Random, count: int, today: date) -> list[date]:
    """`count` dates within HISTORY_DAYS, in order: spells of regular contact, then silences."""
    if count == 1:
        return [today - timedelta(days=rng.randint(0, HISTORY_DAYS - 1))]
    gaps: list[int] = []
    while len(gaps) < count - 1:
        rhythm = _pick(rng, _RHYTHMS)
        spread = rhythm // 3
        for _ in range(_between(rng, 2, 15)):
            gaps.append(max(0, rhythm + _between(rng, -spread, spread)))
            if len(gaps) == count - 1:
                break
        else:
            gaps.append(rng.randint(90, 420))  # months without news
    total = sum(gaps)
    if rng.random() < 0.45:
        end_ago = rng.randint(0, 40)  # still coming
    else:
        end_ago = rng.randint(0, max(0, HISTORY_DAYS - 1 - total))
    room = HISTORY_DAYS - 1 - end_ago
    scale = min(1.0, room / total) if total else 1.0
    last = today - timedelta(days=end_ago)
    dates = [last]
    elapsed = 0.0
    for gap in reversed(gaps):
        elapsed += gap * scale
        dates.append(last - timedelta(days=round(elapsed)))
    dates.reverse()
    return dates


def _invent(
    rng: random.Random, first: str, gender: str, last: str, count: int, today: date
) -> FictionalPerson:
    dates = _schedule(rng, count, today)
    who = _character(rng, first, gender, last, (today - dates[0]).days // 365)
    name = f"{first} {last}"
    if who.family:
        name = f"Famille {last}"
        other = rng.choice(_LAST_NAMES)
        if other != last and rng.random() < 0.5:
            name += f"-{other}"
    profile = _profile(rng, who, today)
    return FictionalPerson(
        name, profile, [FictionalEntry(d, _note(rng, who, d, today)) for d in dates]
    )


# --- Public API ----------------------------------------------------------------------------


def _check(n_people: int, n_entries: int) -> None:
    if n_people < 0 or n_entries < 0:
        raise ValueError("n_people and n_entries must not be negative")
    if n_entries < n_people:
        raise ValueError(f"{n_entries} entries cannot give each of {n_people} people one note")
    if n_people == 0 and n_entries:
        raise ValueError("entries need at least one person")


def _allocate(rng: random.Random, n_people: int, n_entries: int) -> list[int]:
    if n_people == 0:
        return []
    counts = [1] * n_people
    spare = n_entries - n_people
    first = spare if n_people == 1 else min(LONG_TIMELINE_ENTRIES - 1, spare)
    counts[LONG_TIMELINE_INDEX] += first
    spare -= first
    if spare == 0:
        return counts
    weights = [0.0]
    for _ in range(n_people - 1):
        roll = rng.random()
        if roll < 0.22:
            weights.append(0.0)  # met once
        elif roll < 0.45:
            weights.append(rng.uniform(0.02, 0.25))  # a few times
        else:
            weights.append(rng.lognormvariate(0.0, 1.0))  # a longer story
    total = sum(weights) or float(n_people - 1)
    if not sum(weights):
        weights = [0.0] + [1.0] * (n_people - 1)
    shares = [spare * weight / total for weight in weights]
    extra = [int(share) for share in shares]
    left = spare - sum(extra)
    by_remainder = sorted(range(1, n_people), key=lambda i: extra[i] - shares[i])
    for i in by_remainder[:left]:
        extra[i] += 1
    return [count + more for count, more in zip(counts, extra, strict=True)]


def entry_counts(n_people: int, n_entries: int, seed: int) -> list[int]:
    """How many notes each person of `generate_people(n_people, n_entries, seed, ...)` gets.

    Every person gets at least one; person `LONG_TIMELINE_INDEX` gets
    `LONG_TIMELINE_ENTRIES` (or all that is left once the others have one); the rest are
    spread unevenly: many people met once or a few times, a few long stories.
    """
    _check(n_people, n_entries)
    return _allocate(random.Random(seed), n_people, n_entries)


def generate_people(
    n_people: int, n_entries: int, seed: int, today: date
) -> Iterator[FictionalPerson]:
    """`n_people` invented people with exactly `n_entries` notes between them, one at a time.

    Notes are dated within the last eight years up to `today`, with rhythms (weekly,
    monthly...) and silences of months; each is 1.2 to 2.4 KB of French (1.7 KB on
    average). Names are drawn without repetition from about 160 × 160 first and last names
    (a few families may share a surname). Raises ValueError at once if the counts do not
    allow each person at least one note.
    """
    _check(n_people, n_entries)
    rng = random.Random(seed)
    counts = _allocate(rng, n_people, n_entries)
    combos = len(_FIRST_NAMES) * len(_LAST_NAMES)
    picks: list[int] = []
    while len(picks) < n_people:
        picks.extend(rng.sample(range(combos), min(combos, n_people - len(picks))))
    return _people(rng, counts, picks, today)


def _people(
    rng: random.Random, counts: list[int], picks: list[int], today: date
) -> Iterator[FictionalPerson]:
    for count, pick in zip(counts, picks, strict=True):
        first, gender = _FIRST_NAMES[pick // len(_LAST_NAMES)]
        last = _LAST_NAMES[pick % len(_LAST_NAMES)]
        yield _invent(random.Random(rng.getrandbits(64)), first, gender, last, count, today)


def _demo_dates(specs: list[str], today: date) -> list[date]:
    """'J-61' → 61 days ago; '-6/03/14' → 14 March, six years before the anchor year.

    The anchor year is this year, or last year if a note would otherwise be in the future,
    so that seasons in the text (the school year, the winter) match the dates.
    """
    if all(spec.startswith("J-") for spec in specs):
        return [today - timedelta(days=int(spec[2:])) for spec in specs]
    parts = [tuple(int(n) for n in spec.split("/")) for spec in specs]
    anchor = today.year
    if any(date(anchor + y, m, d) > today for y, m, d in parts):
        anchor -= 1
    return [date(anchor + y, m, d) for y, m, d in parts]


def demo_people(today: date) -> list[FictionalPerson]:
    """The eight people of the demo vault, their notes dated relative to `today`.

    Nadia Ferreira: a long story (60 notes over six years). Famille Amrani: a family.
    Moussa Diarra: seen every week for the last two months. Jean-Marc Lefèvre: comes back
    now and then, after months of silence. Madeleine Roux, Aylin Demir, Lucien Bernard:
    a few months to two years of notes. Océane Marchal: met twice. No date is after `today`.
    """
    people: list[FictionalPerson] = []
    for name, profile, notes in _parse_demo(data.DEMO):
        dates = _demo_dates([spec for spec, _ in notes], today)
        entries = sorted(
            (FictionalEntry(day, text) for day, (_, text) in zip(dates, notes, strict=True)),
            key=lambda entry: entry.occurred_on,
        )
        people.append(FictionalPerson(name, profile, entries))
    return people


def _parse_demo(block: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    people: list[tuple[str, str, list[tuple[str, str]]]] = []
    paragraphs: list[list[str]] = [[]]

    def text() -> str:
        done = [" ".join(lines) for lines in paragraphs if lines]
        paragraphs[:] = [[]]
        return "\n\n".join(done)

    def close_note() -> None:
        if people and people[-1][2]:
            spec, _ = people[-1][2][-1]
            people[-1][2][-1] = (spec, text())

    for raw in block.splitlines():
        line = raw.strip()
        if line.startswith("= "):
            close_note()
            people.append((line[2:].strip(), "", []))
        elif line.startswith("@ "):
            close_note()
            if not people[-1][2]:
                name, _, notes = people[-1]
                people[-1] = (name, text(), notes)
            people[-1][2].append((line[2:].strip(), ""))
        elif line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    close_note()
    return people
