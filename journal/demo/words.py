"""The words and note templates of the fiction, read from the package's data files.

Everything in `data/` is fiction. The names are ordinary French names of mixed origins,
combined at random; the places, social landlords and schools are invented (national
bodies such as the CAF, the CPAM or the Restos du cœur keep their real names, as in any
worker's notes).

The data is kept as plain text files so that it reads like what it imitates, and can be
edited by someone who writes French rather than Python:

* lists (every file but the two below): items separated by commas, wrapped over as many
  lines as needed; variants of one item separated by `|`; a line starting with `#` is a
  comment;
* `templates.txt`: `# section` headings, then one template per paragraph (blank line
  between two templates; a long template may wrap over several lines), each with an
  optional `[tag]` in front. `{slots}` are filled by `journal.demo.slots`; `{e}` is the
  feminine ending, `{il}`/`{Il}` the pronoun, and so on;
* `demo_people.txt`: the hand-written demo set. `= Name` starts a person, the lines up to
  the first `@` are the profile, then `@ -6/03/14` (years before the anchor year / month /
  day) or `@ J-61` (days before today) starts a note. A blank line inside a note
  separates two paragraphs.

The administrative words Dentelle never uses about a person (the list is in
tests/journal/test_fiction.py) must not appear anywhere in `data/`: the tests check every
file.
"""

from __future__ import annotations

from importlib import resources


def read(name: str) -> str:
    """The text of data file `name`."""
    return (resources.files("journal.demo") / "data" / name).read_text(encoding="utf-8")


def _items(block: str) -> tuple[str, ...]:
    """'a, b c,\\n d' → ('a', 'b c', 'd'): comma-separated, wrapped lines rejoined."""
    return tuple(" ".join(item.split()) for item in block.split(",") if item.strip())


def _list(name: str) -> tuple[str, ...]:
    """The items of list file `name` (without '.txt'), comment lines left out."""
    lines = read(f"{name}.txt").splitlines()
    return _items("\n".join(line for line in lines if not line.lstrip().startswith("#")))


def _variants(name: str) -> tuple[tuple[str, ...], ...]:
    """The items of list file `name`, each split into its forms (separated by '|')."""
    return tuple(tuple(form.strip() for form in item.split("|")) for item in _list(name))


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


FIRST_NAMES = tuple((name, "f") for name in _list("feminine_first_names")) + tuple(
    (name, "m") for name in _list("masculine_first_names")
)
LAST_NAMES = _list("last_names")
CHILD_NAMES = tuple((name, "f") for name in _list("child_names_feminine")) + tuple(
    (name, "m") for name in _list("child_names_masculine")
)
PERMANENCES = _list("permanences")
QUARTIERS = _variants("quartiers")
STREETS = _list("streets")
FLOORS = _list("floors")
HOUSING = _list("housing_types")
BAILLEURS = _list("bailleurs")
SCHOOLS = _list("schools")
COLLEGES = _list("colleges")
SUPPLIERS = _variants("energy_suppliers")
PARTNERS = _variants("partners")
ASSOCIATIONS = _variants("associations")
ACCOMPANIMENTS = _list("accompaniments")
ORIGINS = {False: _list("origins_france"), True: _list("origins_abroad")}
RELATIVES = _list("relatives")
PASSIONS = _variants("passions")
JOBS = _variants("jobs")
CLASSES = _list("school_classes")

TEMPLATES = _sections(read("templates.txt"))
KINDS = ("bureau", "visite", "distance")  # how the worker met the person that day
OPENERS = {kind: [t for tag, t in TEMPLATES["opener"] if tag == kind] for kind in KINDS}
CLOSINGS = [t for _, t in TEMPLATES["closing"]]
SEASONAL: dict[int, list[str]] = {}
for _name, _templates in TEMPLATES.items():
    if _name.startswith("mois "):
        for _month in _name.split()[1:]:
            SEASONAL.setdefault(int(_month), []).extend(t for _, t in _templates)
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


def fits(tags: str, kind: str, abroad: bool, active: bool) -> bool:
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


POOLS = {
    (kind, abroad, active): {
        theme: tuple(t for tags, t in TEMPLATES[theme] if fits(tags, kind, abroad, active))
        for theme in _THEMES
    }
    for kind in KINDS
    for abroad in (False, True)
    for active in (False, True)
}
GENERAL_POOLS = {key: sum((pools[t] for t in _GENERAL), ()) for key, pools in POOLS.items()}

WEEKDAYS = _list("weekdays")
MONTHS = _list("months")
DELAYS = _list("delays")
HOURS = _list("hours")
MONTH_COUNTS = _list("month_counts")
