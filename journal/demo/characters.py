"""Inventing one person: who they are, the dates they are seen, and their notes."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from journal.demo.slots import Slots, between, de, draw, pick
from journal.demo.words import (
    BAILLEURS,
    CHILD_NAMES,
    CLOSINGS,
    COLLEGES,
    FIRST_NAMES,
    FLOORS,
    GENERAL_POOLS,
    HOUSING,
    JOBS,
    LAST_NAMES,
    OPENERS,
    ORIGINS,
    PASSIONS,
    PERMANENCES,
    POOLS,
    QUARTIERS,
    SCHOOLS,
    SEASONAL,
    STREETS,
    SUPPLIERS,
    TEMPLATES,
    fits,
)

HISTORY_DAYS = 8 * 365 + 2
"""Generated notes fall within the last eight years (today included)."""

# Target length of a generated note, in characters, before the last passage and the closing
# sentence are added: the texts measure 1.2 to 2.4 KB, 1.7 KB on average.
_TARGET_CHARS = (1200, 2050)
_RHYTHMS = (7, 7, 14, 14, 21, 30, 30, 45, 60, 90)  # days between two contacts
_NUMBERS = ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit")


@dataclass
class Character:
    """An invented person: their own slot words, and what their notes are about."""

    base: dict[str, str]
    children: list[tuple[str, str, int]]  # name, gender, age today
    themes: list[str]  # what their notes are mostly about
    family: bool
    abroad: bool  # born abroad
    active: bool  # of working age


def invent_character(
    rng: random.Random, first: str, gender: str, last: str, years: int
) -> Character:
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
    quartier, au_quartier = rng.choice(QUARTIERS)
    supplier, of_supplier = rng.choice(SUPPLIERS)
    passion, of_passion = rng.choice(PASSIONS)
    bailleur = rng.choice(BAILLEURS)
    job = rng.choice(JOBS)[1 if feminine else 0]
    doctor = f"docteur {rng.choice(LAST_NAMES)}"
    base = {
        "prenom": first,
        "nom": last,
        "ref": ref,
        "de_ref": de(ref),
        "il": "elle" if feminine else "il",
        "Il": "Elle" if feminine else "Il",
        "e": "e" if feminine else "",
        "la": "la" if feminine else "le",
        "lui": "elle" if feminine else "lui",
        "lui_meme": "elle-même" if feminine else "lui-même",
        "age": str(age + years),
        "quartier": quartier,
        "au_quartier": au_quartier,
        "adresse": f"{rng.randint(1, 140)} {rng.choice(STREETS)}",
        "etage": rng.choice(FLOORS),
        "logement_type": rng.choice(HOUSING[2:5] if family else HOUSING),
        "bailleur": bailleur,
        "de_bailleur": de(bailleur),
        "ecole": rng.choice(SCHOOLS),
        "college": rng.choice(COLLEGES),
        "lycee": rng.choice(COLLEGES),
        "medecin": f"le {doctor}",
        "Medecin": f"Le {doctor}",
        "ville_origine": rng.choice(ORIGINS[abroad]),
        "metier": job,
        "de_metier": de(job),
        "fournisseur": supplier,
        "du_fournisseur": of_supplier,
        "permanence": rng.choice(PERMANENCES),
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
        names = [child for child in CHILD_NAMES if child[0] != first]
        for name, child_gender in rng.sample(names, count):
            at_first_note = rng.randint(0, min(17, age - 18))
            children.append((name, child_gender, at_first_note + years))
        children.sort(key=lambda child: -child[2])
        base["enfants"] = _and([name for name, _, _ in children])
        base["enfants_ages"] = _and([f"{name} ({_age(n)})" for name, _, n in children])
        if len(children) == 1:
            base["des_enfants"] = de(children[0][0])
        else:
            base["des_enfants"] = f"des enfants, {base['enfants']}"
        if any(n >= 6 and n - years <= 17 for _, _, n in children):
            themes.append("ecole")
        if any(n - years <= 3 for _, _, n in children):
            themes.append("petite_enfance")
    if family:
        taken = {first, *(name for name, _, _ in children)}
        conjoint, conjoint_gender = rng.choice([a for a in FIRST_NAMES if a[0] not in taken])
        base["conjoint"] = conjoint
        base["conjoint_e"] = "e" if conjoint_gender == "f" else ""
        base["nb_personnes"] = _NUMBERS[2 + len(children)]
        themes.append("famille")
    elif children and rng.random() < 0.5:
        themes.append("separation")
    return Character(base, children, themes, family, abroad, age + years < 63)


def _age(years: int) -> str:
    if years == 0:
        return "quelques mois"
    return "1 an" if years == 1 else f"{years} ans"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} et {words[-1]}"


def write_profile(rng: random.Random, who: Character, today: date) -> str:
    slots = Slots(who.base, rng, today, today, who.children)
    if who.family:
        section = "profil_famille"
    elif who.children:
        section = "profil_parent"
    else:
        section = "profil"
    choices = [t for tags, t in TEMPLATES[section] if fits(tags, "", who.abroad, who.active)]
    parts = [rng.choice(choices).format_map(slots)]
    if rng.random() < 0.7:
        parts.append(rng.choice(TEMPLATES["profil_suite"])[1].format_map(slots))
    return " ".join(parts)


def write_note(rng: random.Random, who: Character, day: date, today: date) -> str:
    """One note of 1.2 to 2.4 KB: how they met, a few topics, what comes next."""
    slots = Slots(who.base, rng, day, today, who.children)
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
    pools = POOLS[kind, who.abroad, who.active]
    main, second = draw(rng, themes, 2)
    picks = draw(rng, pools[main], 4) + draw(rng, pools[second], 3)
    picks += draw(rng, GENERAL_POOLS[kind, who.abroad, who.active], 6)
    seasonal = SEASONAL.get(day.month)
    if seasonal and rng.random() < 0.25:
        picks.insert(1, pick(rng, seasonal))
    target = between(rng, *_TARGET_CHARS)
    parts = [pick(rng, OPENERS[kind]).format_map(slots)]
    closing = pick(rng, CLOSINGS).format_map(slots)
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


def schedule(rng: random.Random, count: int, today: date) -> list[date]:
    """`count` dates within HISTORY_DAYS, in order: spells of regular contact, then silences."""
    if count == 1:
        return [today - timedelta(days=rng.randint(0, HISTORY_DAYS - 1))]
    gaps: list[int] = []
    while len(gaps) < count - 1:
        rhythm = pick(rng, _RHYTHMS)
        spread = rhythm // 3
        for _ in range(between(rng, 2, 15)):
            gaps.append(max(0, rhythm + between(rng, -spread, spread)))
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
