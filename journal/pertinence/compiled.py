"""The shipped word lists, compiled once and kept in the user's cache folder.

Compiling the shipped lists (parsing 5,300 terms, giving each word its forms, indexing
every form) costs 0.1–0.2 s of CPU, and every `dentelle add`, `edit` or `check` is a
new process that would pay it again: half of what `add` costs with the unlock agent.
The result depends only on the shipped lists, their forms tables and the code that
compiles them, none of which holds anyone's data, so it is kept on disk:

- in `user_cache_dir/dentelle` (or the folder in `$DENTELLE_CACHE`), one file per set of
  languages (`pertinence-fr-en.bin`), written atomically, readable by its owner only;
- under a key: a digest of the Python version, this file's `FORMAT`, every shipped list
  file, the forms tables, and the source of the modules that compile them. A cache made
  from anything else is stale: the lists are compiled again and the file rewritten;
- with a digest of its payload: a damaged or truncated file is ignored and rewritten,
  never an error. `marshal`, not `pickle`: reading it can build data, never run code.

A worker's or service's own lists (`extra_dirs` of `Checker.load`) may hold names: they
never reach this file. They are read at every load; when they add terms the index is
compiled in memory from every list, as it always was (`Checker.load`).

Reading the file costs a few milliseconds because terms stay encoded until a note's
word looks them up (`CompiledIndex`): a note decodes only the few terms it may match.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from platformdirs import user_cache_dir

from journal.fsutil import make_private_dir, write_atomic
from journal.pertinence.forms import file_name
from journal.pertinence.lists import ListLoader, ListProblem
from journal.pertinence.terms import Term, TermIndex

CACHE_VARIABLE = "DENTELLE_CACHE"
# Change it when the layout below changes (the source of this module is in the key too).
FORMAT = 1
MAGIC = b"DNTLPRT1"
HEADER_SIZE = len(MAGIC) + 2 * hashlib.sha256().digest_size
# The modules whose code decides what a compiled list holds.
_MODULES = ("words", "forms", "terms", "lists", "compiled")
_CODE = ("journal/text.py", *(f"journal/pertinence/{name}.py" for name in _MODULES))

Shipped = tuple["TermIndex | CompiledIndex", list[ListProblem]]


def cache_file(langs: tuple[str, ...]) -> Path:
    """Where the compiled shipped lists of `langs` are kept."""
    folder = os.environ.get(CACHE_VARIABLE) or user_cache_dir("dentelle", appauthor=False)
    return Path(folder).expanduser() / f"pertinence-{'-'.join(langs)}.bin"


def sources(langs: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
    """(name, content) of everything a compilation of `langs` depends on."""
    # The package's folder, as `importlib.resources` finds it for a package on disk,
    # without the ~5 ms its first use costs (a package in a zip: OSError, no cache).
    root = Path(__file__).resolve().parents[2]
    for lang in langs:
        folder = root / "journal" / "wordlists" / lang
        if folder.is_dir():
            for item in sorted(folder.iterdir(), key=lambda item: item.name):
                if item.is_file() and item.name.endswith(".txt"):
                    yield f"journal/wordlists/{lang}/{item.name}", item.read_bytes()
        table = root / "journal" / "wordlists" / file_name(lang)
        if table.is_file():
            yield f"journal/wordlists/{table.name}", table.read_bytes()
    for name in _CODE:
        yield name, (root / name).read_bytes()


def key(langs: tuple[str, ...]) -> bytes:
    """The digest a cache of `langs` must carry to be used (OSError: no cache)."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {' '.join(langs)}".encode())
    for name, data in sources(langs):
        digest.update(f"\n{name} {len(data)}\n".encode())
        digest.update(data)
    return digest.digest()


def shipped(langs: tuple[str, ...]) -> Shipped:
    """The shipped lists of `langs`, indexed: from the cache, else compiled (and kept)."""
    try:
        expected = key(langs)
    except OSError:
        expected = None  # a source cannot be read: compile, keep nothing
    path = cache_file(langs)
    if expected is not None:
        found = _read(path, expected)
        if found is not None:
            return found
    loader = ListLoader()
    for lang in langs:
        loader.read_shipped(lang)
    loader.index.freeze()
    if expected is not None:
        _write(path, expected, loader.index, loader.problems)
    return loader.index, loader.problems


class CompiledIndex:
    """A frozen `TermIndex` read from the cache: same `exact`, `stems` and `count`, with
    each term decoded the first time a note's word leads to it."""

    def __init__(
        self,
        records: tuple[bytes, ...],
        exact: dict[str, tuple[int, ...]],
        stems: dict[str, tuple[tuple[str, int, int], ...]],
        counts: tuple[int, int],
    ) -> None:
        self._records = records
        self._terms: dict[int, Term] = {}
        self._counts = counts
        self.exact = _Lookup(exact, self.term)
        self.stems = {
            prefix: tuple((stem, self.term(number), anchor) for stem, number, anchor in found)
            for prefix, found in stems.items()
        }

    def term(self, number: int) -> Term:
        found = self._terms.get(number)
        if found is None:
            words, category, suggestion, lang, forms, parts = marshal.loads(self._records[number])
            found = Term(words, category, suggestion, lang, forms, parts)
            self._terms[number] = found
        return found

    def count(self, traps: bool) -> int:
        return self._counts[1 if traps else 0]


class _Lookup:
    """`TermIndex.exact` for the checker (`in` and `get`), decoding on first use."""

    __slots__ = ("_decoded", "_raw", "_term")

    def __init__(self, raw: dict[str, tuple[int, ...]], term: Callable[[int], Term]) -> None:
        self._raw = raw
        self._term = term
        self._decoded: dict[str, tuple[tuple[Term, int], ...]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def get(
        self, word: str, default: tuple[tuple[Term, int], ...] = ()
    ) -> tuple[tuple[Term, int], ...]:
        found = self._decoded.get(word)
        if found is None:
            raw = self._raw.get(word)
            if raw is None:
                return default
            found = tuple((self._term(raw[at]), raw[at + 1]) for at in range(0, len(raw), 2))
            self._decoded[word] = found
        return found


def _encode(index: TermIndex, problems: list[ListProblem]) -> bytes:
    terms = index.terms()
    number = {id(term): at for at, term in enumerate(terms)}
    records = tuple(
        marshal.dumps(
            (term.words, term.category, term.suggestion, term.lang, term.forms, term.parts)
        )
        for term in terms
    )
    exact = {
        word: tuple(value for term, anchor in found for value in (number[id(term)], anchor))
        for word, found in index.exact.items()
    }
    stems = {
        prefix: tuple((stem, number[id(term)], anchor) for stem, term, anchor in found)
        for prefix, found in index.stems.items()
    }
    counts = (index.count(traps=False), index.count(traps=True))
    kept = tuple((problem.key, problem.params) for problem in problems)
    return marshal.dumps((FORMAT, records, exact, stems, counts, kept))


def _decode(payload: bytes) -> Shipped:
    fmt, records, exact, stems, counts, kept = marshal.loads(payload)
    if fmt != FORMAT or not isinstance(records, tuple) or not isinstance(exact, dict):
        raise ValueError("not a compiled word list")
    index = CompiledIndex(records, exact, stems, tuple(counts))
    return index, [ListProblem(key, tuple(params)) for key, params in kept]


def _read(path: Path, expected: bytes) -> Shipped | None:
    """The index kept at `path` if it carries `expected` and is whole, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    stored_key = data[len(MAGIC) : len(MAGIC) + len(expected)]
    digest, payload = data[len(MAGIC) + len(expected) : HEADER_SIZE], data[HEADER_SIZE:]
    if not data.startswith(MAGIC) or stored_key != expected:
        return None  # stale, or not ours
    if hashlib.sha256(payload).digest() != digest:
        return None  # damaged
    try:
        return _decode(payload)
    except (ValueError, TypeError, EOFError, IndexError, KeyError):
        return None


def _write(path: Path, expected: bytes, index: TermIndex, problems: list[ListProblem]) -> None:
    payload = _encode(index, problems)
    try:
        make_private_dir(path.parent)
        write_atomic(path, MAGIC + expected + hashlib.sha256(payload).digest() + payload)
    except OSError:
        pass  # a read-only or full disk: the next load compiles again
