"""The fictional people of the demo vault and of the benchmarks (journal.demo.fiction)."""

from __future__ import annotations

import ast
import random
import re
import string
import sys
import unicodedata
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest

from journal.demo import characters, fiction, slots, words
from journal.demo.fiction import (
    HISTORY_DAYS,
    LONG_TIMELINE_ENTRIES,
    LONG_TIMELINE_INDEX,
    FictionalPerson,
    demo_people,
    entry_counts,
    generate_people,
)

TODAY = date(2026, 3, 15)
FRENCH_DEMO_SHA256 = "b43a3128cdc82a988f913bb51e47faefa75bcc647966bb5e02f0ef284bedeca5"
"""The French demo's text (names, profiles, notes) on TODAY, as on main before the English one."""
TODAYS = [TODAY, date(2024, 2, 29), date(2025, 1, 1), date(2030, 12, 31), date(2027, 7, 4)]

# The words of management that workers rejected: never in anything Dentelle writes.
FORBIDDEN = [
    "usager",
    "bénéficiaire",
    "dossier clos",
    "mode d'intervention",
    "parcours",
    "objectif atteint",
    "en retard",
]


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


FOLDED_FORBIDDEN = [fold(word) for word in FORBIDDEN]


def forbidden_in(text: str) -> list[str]:
    folded = fold(text)
    return [word for word in FOLDED_FORBIDDEN if word in folded]


def all_text(people: list[FictionalPerson]) -> list[str]:
    return [t for p in people for t in (p.name, p.profile, *(e.text for e in p.entries))]


@pytest.fixture(scope="module")
def sample() -> list[FictionalPerson]:
    """A benchmark-shaped sample: 120 people, 5,000 notes."""
    return list(generate_people(120, 5000, seed=2026, today=TODAY))


@pytest.fixture(scope="module")
def demo() -> list[FictionalPerson]:
    return demo_people(TODAY)


# --- Determinism, counts, shape -------------------------------------------------------------


def test_same_seed_gives_the_same_people() -> None:
    first = list(generate_people(40, 700, seed=7, today=TODAY))
    again = list(generate_people(40, 700, seed=7, today=TODAY))
    assert first == again


def test_a_different_seed_gives_other_people() -> None:
    first = list(generate_people(40, 700, seed=7, today=TODAY))
    other = list(generate_people(40, 700, seed=8, today=TODAY))
    assert [p.name for p in first] != [p.name for p in other]
    assert [e.text for p in first for e in p.entries] != [e.text for p in other for e in p.entries]


def test_generation_leaves_the_global_random_state_alone() -> None:
    random.seed(12345)
    expected = random.random()
    random.seed(12345)
    list(generate_people(5, 50, seed=1, today=TODAY))
    demo_people(TODAY)
    assert random.random() == expected


@pytest.mark.parametrize(
    ("n_people", "n_entries"),
    [(0, 0), (1, 1), (1, 40), (3, 3), (10, 250), (60, 1500), (2, 1500)],
)
def test_counts_are_exact(n_people: int, n_entries: int) -> None:
    people = list(generate_people(n_people, n_entries, seed=3, today=TODAY))
    assert len(people) == n_people
    counts = [len(p.entries) for p in people]
    assert sum(counts) == n_entries
    assert all(count >= 1 for count in counts)
    assert counts == entry_counts(n_people, n_entries, seed=3)


@pytest.mark.parametrize(("n_people", "n_entries"), [(1, 0), (5, 4), (-1, 3), (2, -1), (0, 3)])
def test_impossible_counts_are_refused_at_once(n_people: int, n_entries: int) -> None:
    with pytest.raises(ValueError):
        generate_people(n_people, n_entries, seed=1, today=TODAY)
    with pytest.raises(ValueError):
        entry_counts(n_people, n_entries, seed=1)


def test_people_come_one_at_a_time() -> None:
    people = generate_people(1000, 50_000, seed=1, today=TODAY)
    assert iter(people) is people
    first = next(people)
    assert first.entries


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_the_benchmark_has_its_1000_entry_timeline(seed: int) -> None:
    counts = entry_counts(1000, 50_000, seed=seed)
    assert sum(counts) == 50_000
    assert counts[LONG_TIMELINE_INDEX] == LONG_TIMELINE_ENTRIES == 1000
    assert entry_counts(5000, 250_000, seed=seed)[LONG_TIMELINE_INDEX] == 1000
    people = generate_people(1000, 50_000, seed=seed, today=TODAY)
    long_story = next(p for i, p in enumerate(people) if i == LONG_TIMELINE_INDEX)
    assert len(long_story.entries) >= 1000


def test_the_long_timeline_takes_what_is_left_when_entries_are_few() -> None:
    assert entry_counts(10, 500, seed=1)[LONG_TIMELINE_INDEX] == 491
    assert entry_counts(1, 30, seed=1) == [30]


def test_entries_are_spread_unevenly() -> None:
    counts = sorted(entry_counts(1000, 50_000, seed=5))
    assert counts.count(1) >= 50  # people met once
    median = counts[len(counts) // 2]
    assert counts[-10] > 10 * median  # a few long stories


def test_dates_fall_in_the_last_eight_years_in_order(sample: list[FictionalPerson]) -> None:
    earliest = TODAY - timedelta(days=HISTORY_DAYS)
    for person in sample:
        days = [e.occurred_on for e in person.entries]
        assert days == sorted(days), person.name
        assert earliest <= days[0] and days[-1] <= TODAY, person.name
    all_days = [e.occurred_on for p in sample for e in p.entries]
    assert min(all_days) < TODAY - timedelta(days=6 * 365)
    assert max(all_days) > TODAY - timedelta(days=60)


def test_long_stories_have_rhythms_and_silences(sample: list[FictionalPerson]) -> None:
    person = max(sample, key=lambda p: len(p.entries))
    gaps = [
        (b.occurred_on - a.occurred_on).days
        for a, b in zip(person.entries, person.entries[1:], strict=False)
    ]
    assert max(gaps) >= 5 * (sorted(gaps)[len(gaps) // 2] + 1)


def test_average_note_is_about_1_7_kb(sample: list[FictionalPerson]) -> None:
    texts = [e.text for p in sample for e in p.entries]
    average_bytes = sum(len(t.encode()) for t in texts) / len(texts)
    average_chars = sum(len(t) for t in texts) / len(texts)
    assert 1.4 <= average_bytes / 1024 <= 2.0
    assert 1400 <= average_chars <= 2000
    assert all(1100 <= len(t) <= 2600 for t in texts)


def test_names_are_mostly_distinct_among_5000_people() -> None:
    names = [p.name for p in generate_people(5000, 5000, seed=11, today=TODAY)]
    assert len(set(names)) >= 0.97 * len(names)


def test_every_text_is_written(sample: list[FictionalPerson]) -> None:
    for text in all_text(sample):
        assert text and text == text.strip()
        assert "{" not in text and "}" not in text
        assert "  " not in text


# --- The words ------------------------------------------------------------------------------


def test_forbidden_words_are_caught_by_the_check() -> None:
    assert forbidden_in("Le PARCOURS de l'Usager") == ["usager", "parcours"]
    assert forbidden_in("Dossier\nclos, bénéficiaire") == ["beneficiaire", "dossier clos"]
    assert forbidden_in("Mode d\u2019intervention, EN RETARD") == [
        "mode d'intervention",
        "en retard",
    ]


def test_no_forbidden_word_in_the_demo(demo: list[FictionalPerson]) -> None:
    for text in all_text(demo):
        assert not forbidden_in(text), text


@pytest.mark.parametrize("seed", [2026, 99])
def test_no_forbidden_word_in_generated_notes(seed: int) -> None:
    for person in generate_people(150, 3000, seed=seed, today=TODAY):
        for text in all_text([person]):
            assert not forbidden_in(text), text


def test_no_forbidden_word_anywhere_in_the_word_lists() -> None:
    data = resources.files("journal.demo") / "data"
    strings = [f.read_text(encoding="utf-8") for f in data.iterdir() if f.name.endswith(".txt")]
    assert len(strings) > 20
    for text in strings:
        assert not forbidden_in(text), forbidden_in(text)


def test_every_template_fills_in() -> None:
    """Each template of every section, with a family with children, born abroad."""
    for i in range(500):
        who = characters.invent_character(random.Random(i), "Aminata", "f", "Diallo", 3)
        if who.family and who.abroad and len(who.children) >= 2:
            break
    filled = slots.Slots(who.base, random.Random(1), TODAY, TODAY, who.children)
    names = set(filled) | set(slots.FRESH) | set(slots.STICKY)
    count = 0
    for section, templates in words.TEMPLATES.items():
        for _, template in templates:
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            assert fields <= names, (section, fields - names)
            text = template.format_map(filled)
            assert "{" not in text, text
            count += 1
    assert count > 150


def test_french_contractions(sample: list[FictionalPerson]) -> None:
    vowel_names = {
        name for name, _ in (*words.FIRST_NAMES, *words.CHILD_NAMES) if fold(name[0]) in "aeiou"
    }
    # 'de le lire' is right, 'à le CCAS' and 'de un an' are not.
    wrong = re.compile(r"\bà (?:le|les) |\bde (?:un|une|les|aide|agent|auxiliaire|Habitat)\b")
    for text in all_text(sample):
        assert not wrong.search(text), wrong.search(text)
        for name in vowel_names:
            assert f"de {name} " not in text and f"de {name}," not in text, (name, text)


def test_accents_are_there(sample: list[FictionalPerson], demo: list[FictionalPerson]) -> None:
    words = " ".join(all_text(sample) + all_text(demo))
    for word in ("électricité", "échéancier", "rendez-vous", "école", "à", "été"):
        assert word in words
    assert "electricite" not in words and "echeancier" not in words


# --- The demo -------------------------------------------------------------------------------


@pytest.mark.parametrize("today", TODAYS)
def test_demo_dates_are_never_in_the_future(today: date) -> None:
    people = demo_people(today)
    assert 7 <= len(people) <= 10
    for person in people:
        days = [e.occurred_on for e in person.entries]
        assert days == sorted(days), person.name
        assert days[-1] <= today, person.name
        assert days[0] >= today - timedelta(days=7 * 366), person.name


def test_demo_is_the_same_for_the_same_day() -> None:
    assert demo_people(TODAY) == demo_people(TODAY)
    moved = demo_people(TODAY + timedelta(days=400))
    assert [p.name for p in moved] == [p.name for p in demo_people(TODAY)]


@pytest.mark.parametrize("today", TODAYS)
def test_demo_has_a_long_story(today: date) -> None:
    long_story = max(demo_people(today), key=lambda p: len(p.entries))
    assert 50 <= len(long_story.entries) <= 70
    span = long_story.entries[-1].occurred_on - long_story.entries[0].occurred_on
    assert span.days >= 5 * 365 + 300


def test_demo_has_a_family(demo: list[FictionalPerson]) -> None:
    families = [p for p in demo if p.name.startswith("Famille ")]
    assert families
    assert len(families[0].entries) >= 8


def test_demo_has_someone_met_twice(demo: list[FictionalPerson]) -> None:
    assert any(len(p.entries) == 2 for p in demo)


@pytest.mark.parametrize("today", TODAYS)
def test_demo_has_someone_seen_every_week_lately(today: date) -> None:
    def weekly(person: FictionalPerson) -> bool:
        last = [e.occurred_on for e in person.entries[-6:]]
        steps = {(b - a).days for a, b in zip(last, last[1:], strict=False)}
        return len(last) == 6 and steps == {7} and (today - last[-1]).days <= 14

    assert any(weekly(p) for p in demo_people(today))


def test_demo_has_someone_who_comes_back_after_silences(demo: list[FictionalPerson]) -> None:
    def comes_back(person: FictionalPerson) -> bool:
        days = [e.occurred_on for e in person.entries]
        silences = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
        return (days[-1] - days[0]).days >= 3 * 365 and sum(s >= 150 for s in silences) >= 4

    assert any(comes_back(p) for p in demo)


def test_demo_names_and_notes_read_like_a_worker_s(demo: list[FictionalPerson]) -> None:
    assert len({p.name for p in demo}) == len(demo)
    texts = [e.text for p in demo for e in p.entries]
    assert len(set(texts)) == len(texts)
    for person in demo:
        assert person.profile and len(person.profile) < 500, person.name
    for text in texts:
        assert text == text.strip() and "  " not in text
        sentences = len(re.findall(r"[.!?](?=\s|$)", text.replace("M. ", "M ")))
        assert 2 <= sentences <= 12, text
    openings = ("Rencontre", "Visite", "Appel", "Rendez-vous", "Message")
    assert sum(t.startswith(openings) for t in texts) >= 0.8 * len(texts)


# --- The English demo ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_en() -> list[FictionalPerson]:
    return demo_people(TODAY, "en")


@pytest.mark.parametrize("today", TODAYS)
def test_the_english_demo_tells_the_same_stories_on_the_same_days(today: date) -> None:
    french, english = demo_people(today), demo_people(today, "en")
    assert len(english) == len(french)
    for fr, en in zip(french, english, strict=True):
        assert [e.occurred_on for e in en.entries] == [e.occurred_on for e in fr.entries]
        assert en.profile and len(en.profile) < 500, en.name


def test_the_english_demo_is_written_in_english(demo_en: list[FictionalPerson]) -> None:
    assert len({p.name for p in demo_en}) == len(demo_en)
    assert any(p.name.endswith(" family") for p in demo_en)
    texts = [e.text for p in demo_en for e in p.entries]
    assert len(set(texts)) == len(texts)
    french = re.compile(r"\b(?:le|la|les|des|du|et|avec|nous|rendez-vous|à)\b", re.IGNORECASE)
    for text in all_text(demo_en):
        assert not french.search(text), french.search(text)
        assert not forbidden_in(text), text
    for text in texts:
        assert text == text.strip() and "  " not in text
        assert 2 <= len(re.findall(r"[.!?](?=\s|$|\")", text)) <= 12, text
    openings = ("Met", "Home visit", "Visit", "Call", "Calls", "Appointment", "Message", "Viewing")
    assert sum(t.startswith(openings) for t in texts) >= 0.8 * len(texts)


def test_each_demo_has_its_rhythms_and_practice_note_in_its_language() -> None:
    from journal.demo import (
        DEMO_PASSPHRASES,
        DEMO_PRACTICE_NOTE_EN,
        DEMO_RHYTHMS,
        DEMO_RHYTHMS_EN,
    )
    from journal.rhythm import parse_rhythm

    for lang, rhythms in (("fr", DEMO_RHYTHMS), ("en", DEMO_RHYTHMS_EN)):
        names = {p.name for p in demo_people(TODAY, lang)}
        assert set(rhythms) <= names
        for said in rhythms.values():
            parse_rhythm(said)
    assert "Okafor" in DEMO_PRACTICE_NOTE_EN and "What happened:" in DEMO_PRACTICE_NOTE_EN
    assert DEMO_PASSPHRASES["en"].isascii() and DEMO_PASSPHRASES["fr"] != DEMO_PASSPHRASES["en"]


def test_the_french_demo_is_unchanged() -> None:
    """The French stories are frozen: the English demo must not move a byte of them."""
    import hashlib

    text = "\n".join(all_text(demo_people(TODAY)))
    assert hashlib.sha256(text.encode()).hexdigest() == FRENCH_DEMO_SHA256


# --- Hygiene --------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [fiction, characters, slots, words])
def test_pure_standard_library_no_clock_no_global_random(module: object) -> None:
    source = Path(module.__file__).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            roots = [(node.module or "").split(".")[0]]
        else:
            continue
        for root in roots:
            assert root in sys.stdlib_module_names or root in ("journal", "__future__"), root
    assert "textual" not in source and "rich" not in source
    assert not re.search(r"\.(today|now|utcnow)\(|\btime\.time\(", source)
    assert not re.search(r"\brandom\.(random|choice|choices|randint|sample|shuffle|seed)\(", source)
