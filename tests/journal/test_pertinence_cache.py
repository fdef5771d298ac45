"""The compiled shipped word lists kept between processes (`journal.pertinence.compiled`).

The cache only saves time: with it or without it, fresh or stale, whole or damaged, the
check finds the same words; and a worker's own lists (which may hold names) never
reach it.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.i18n import LANGUAGES
from journal.pertinence import Checker, compiled
from journal.pertinence.lists import ListLoader

DATA = Path(__file__).resolve().parents[1] / "data"


def sentences() -> list[str]:
    """Every sentence of the two labelled sets, flagged or not, and a few mixed notes."""
    found = []
    for name in ("pertinence_labelled.tsv", "pertinence_unseen.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.append(line.split("\t")[-1])
    found.append(" ".join(found[:40]))  # a long note: sentences in both languages
    found.append("\n".join(found[40:80]))
    return found


SENTENCES = sentences()


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache" / "dentelle"
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(folder))
    return folder


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages whose shipped lists were read (compiled) since the fixture began."""
    read: list[str] = []
    real = ListLoader.read_shipped

    def counting(self: ListLoader, lang: str) -> None:
        read.append(lang)
        real(self, lang)

    monkeypatch.setattr(ListLoader, "read_shipped", counting)
    return read


def results(checker: Checker) -> Iterator[object]:
    yield len(checker)
    yield checker.warnings
    for text in SENTENCES:
        yield checker.check(text)
        yield checker.check(text, lang="en")


def test_the_first_load_writes_a_private_cache_the_next_one_reads(
    cache_folder: Path, compiles: list[str]
) -> None:
    Checker.load()
    assert compiles == list(LANGUAGES)
    path = compiled.cache_file(LANGUAGES)
    assert path.parent == cache_folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_folder.stat().st_mode) == 0o700

    compiles.clear()
    checker = Checker.load()
    assert compiles == []  # read from the cache, not compiled again
    assert [f.matched for f in checker.check("Monsieur est agressif.")] == ["agressif"]


@pytest.mark.parametrize("lang", [None, "fr", "en"])
def test_cached_and_compiled_checkers_find_the_same_words(
    lang: str | None, compiles: list[str]
) -> None:
    fresh = Checker.load(lang)  # compiled (and the cache written)
    assert compiles
    compiles.clear()
    cached = Checker.load(lang)
    assert compiles == []
    assert type(cached._exact) is not type(fresh._exact)  # really two paths
    assert list(results(cached)) == list(results(fresh))


def test_each_set_of_languages_has_its_own_cache(compiles: list[str]) -> None:
    Checker.load("fr")
    Checker.load()
    compiles.clear()
    assert len(Checker.load("fr")) < len(Checker.load())
    assert compiles == []


def test_the_key_covers_every_file_the_compilation_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    real = ListLoader.read

    def recording(self: ListLoader, name: str, data: bytes, lang: str = "fr") -> None:
        read.append(f"{lang}/{name}")
        real(self, name, data, lang)

    monkeypatch.setattr(ListLoader, "read", recording)
    Checker.load()
    names = [name for name, _data in compiled.sources(LANGUAGES)]
    assert read and all(any(name.endswith(file) for name in names) for file in read)
    for expected in ("forms-fr.tsv", "forms-en.tsv", "text.py", "lists.py", "terms.py"):
        assert any(name.endswith(expected) for name in names), expected


def test_a_changed_source_makes_the_cache_stale_and_it_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    Checker.load()
    before = compiled.cache_file(LANGUAGES).read_bytes()
    real = compiled.sources

    def edited(langs: tuple[str, ...]) -> Iterator[tuple[str, bytes]]:
        for name, data in real(langs):
            yield name, data + b"\nnouveau terme | suggestion" if name.endswith(".txt") else data

    monkeypatch.setattr(compiled, "sources", edited)
    compiles.clear()
    Checker.load()
    assert compiles == list(LANGUAGES)  # stale: compiled again
    after = compiled.cache_file(LANGUAGES).read_bytes()
    assert after != before
    compiles.clear()
    Checker.load()
    assert compiles == []  # and the new one is used


def damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def damage_flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))


def damage_a_word(path: Path) -> None:
    """Damage that leaves a well-formed file: only the digest can tell."""
    data = path.read_bytes()
    assert b"agressif" in data
    path.write_bytes(data.replace(b"agressif", b"agressjf"))


def damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def damage_garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 50)


def damage_header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: compiled.HEADER_SIZE])


def damage_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize(
    "damage",
    [
        damage_truncate,
        damage_flip,
        damage_a_word,
        damage_empty,
        damage_garbage,
        damage_header_only,
        damage_folder,
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(damage, compiles: list[str]) -> None:  # noqa: ANN001
    fresh = Checker.load()
    path = compiled.cache_file(LANGUAGES)
    damage(path)
    compiles.clear()
    checker = Checker.load()
    assert compiles == list(LANGUAGES)  # compiled again, no error
    assert list(results(checker)) == list(results(fresh))
    if path.is_file():
        compiles.clear()
        Checker.load()
        assert compiles == []  # rewritten whole


def test_a_cache_folder_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(blocker / "dentelle"))
    checker = Checker.load()
    assert [f.matched for f in checker.check("Monsieur est agressif.")] == ["agressif"]
    compiles.clear()
    Checker.load()
    assert compiles == list(LANGUAGES)  # nothing kept, compiled each time


def own_lists(tmp_path: Path) -> Path:
    folder = tmp_path / "wordlists"
    folder.mkdir(parents=True)
    (folder / "jugements.txt").write_text(
        "# les mots du service\nZébulonnette | Mme Z.\n", encoding="utf-8"
    )
    (folder / "exceptions.txt").write_text("!famille Quidampoulos\n", encoding="utf-8")
    return folder


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("cached_first", [False, True])
def test_a_workers_own_lists_never_reach_the_cache(
    tmp_path: Path, cache_folder: Path, cached_first: bool
) -> None:
    if cached_first:
        Checker.load()
    before = files_in(cache_folder) if cache_folder.exists() else {}
    checker = Checker.load(extra_dirs=[own_lists(tmp_path)])
    assert [f.matched for f in checker.check("Vu Zébulonnette hier.")] == ["Zébulonnette"]
    after = files_in(cache_folder) if cache_folder.exists() else {}
    assert after == before
    Checker.load(extra_dirs=[own_lists(tmp_path / "again")], lang="fr")
    for data in files_in(cache_folder).values():
        for secret in ("zebulonnette", "Zébulonnette", "quidampoulos", "Quidampoulos"):
            assert secret.encode() not in data


def reference(lang: str | None, folder: Path) -> Checker:
    """The checker as it was built before the cache: one loader for every list."""
    langs = LANGUAGES if lang is None else (lang,)
    loader = ListLoader()
    for code in langs:
        loader.read_shipped(code)
    loader.read_folder(folder, langs)
    loader.index.freeze()
    return Checker(loader.index, loader.problems, lang or "fr")


@pytest.mark.parametrize("lang", [None, "fr"])
def test_own_lists_find_what_one_loader_for_every_list_found(
    tmp_path: Path, lang: str | None
) -> None:
    folder = own_lists(tmp_path)
    (folder / "sante.txt").write_text(
        "agressif | factuel\n!est agressif\nbizarr* | étrange\nmot | a | b | c\n",
        encoding="utf-8",
    )
    (folder / "en").mkdir()
    (folder / "en" / "judgments.txt").write_text("stubborn | says no\n", encoding="utf-8")
    text = "Vu Zébulonnette, famille Quidampoulos. Monsieur est agressif, il boit. " * 3
    Checker.load(lang)  # the shipped part is in the cache
    checker = Checker.load(lang, extra_dirs=[folder])
    expected = reference(lang, folder)
    assert checker.check(text) == expected.check(text)
    assert list(results(checker)) == list(results(expected))


def test_own_lists_that_add_no_term_keep_the_cached_index_and_their_warnings(
    tmp_path: Path, compiles: list[str]
) -> None:
    folder = tmp_path / "wordlists"
    folder.mkdir()
    (folder / "jugements.txt").write_text("# rien encore\nmot | a | b | c\n", encoding="utf-8")
    Checker.load()
    compiles.clear()
    checker = Checker.load(extra_dirs=[folder])
    assert compiles == []
    assert len(checker.warnings) == 1 and "jugements.txt" in checker.warnings[0]
    assert len(checker) == len(Checker.load())
