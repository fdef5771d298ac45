"""The digest that binds a generation to its tag, and what the backup checks.

A generation's tag covers a digest of its content. Three kinds were written, and every
one must still restore, authenticated: every value of every row hashed by Python
(tests/data/signed-backup-1, written by main at 473f7d9); every row encoded by SQLite,
kind `2:` (`journal.backup.digest.content_digest`; tests/data/signed-backup-2, main at
389b7e7); and since then the image's bytes, kind `3:` (`journal.backup.blocks`), which
also covers what lies outside the rows (indexes, free space, the file's header).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal.backup import back_up, blocks, digest, pending, restore, verify_set
from journal.backup import write as backup_write
from journal.backup.digest import content_digest
from journal.backup.sets import table_counts
from journal.errors import BackupError
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import DATA, GOLDEN_IDENTITY
from tests.journal.backup_helpers import (
    dump,
    dump_vault,
    populate,
    reseal_generation,
    restore_refused,
)

SIGNED = [DATA / "signed-backup-1", DATA / "signed-backup-2"]


def one_table(rows: list[tuple], columns: str = "a, b") -> str:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE t ({columns})")
    if rows:
        conn.executemany(f"INSERT INTO t VALUES ({','.join('?' * len(rows[0]))})", rows)
    return content_digest(conn)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ([("ab", "c")], [("a", "bc")]),  # a boundary moved between columns
        ([("", None)], [(None, "")]),  # empty text and NULL
        ([(b"", None)], [("", None)]),  # empty blob and empty text
        ([("0", None)], [(0, None)]),  # text and integer of the same digits
        ([(b"x", None)], [("x", None)]),  # blob and text of the same bytes
        ([("a", "b"), ("c", "d")], [("c", "d"), ("a", "b")]),  # the order of rows
        ([("a", "b")], [("a", "b"), ("a", "b")]),  # a row doubled
        ([("é", None)], [("e\u0301", None)]),  # two spellings of é, not folded
        ([("a\x00b", None)], [("a\x00c", None)]),  # bytes after a NUL count
        ([(b"a\x00b", None)], [(b"a\x00c", None)]),
    ],
)
def test_the_digest_tells_rows_apart(first: list[tuple], second: list[tuple]) -> None:
    assert one_table(first) != one_table(second)


def test_the_digest_is_the_same_for_the_same_rows() -> None:
    rows = [("a", b"\x00\xff"), (None, 7), ("é", "")]
    assert one_table(rows) == one_table(list(rows))


def test_the_digest_covers_every_table_and_its_name() -> None:
    first = sqlite3.connect(":memory:")
    second = sqlite3.connect(":memory:")
    first.execute("CREATE TABLE t (a)")
    second.execute("CREATE TABLE u (a)")
    assert content_digest(first) != content_digest(second)
    first.execute("CREATE TABLE v (a)")
    assert content_digest(first) != one_table([], "a")


def test_a_table_without_rowid_is_hashed_in_any_order() -> None:
    def digest(rows: list[tuple]) -> str:
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE t (a TEXT PRIMARY KEY, b) WITHOUT ROWID")
        conn.executemany("INSERT INTO t VALUES (?, ?)", rows)
        return content_digest(conn)

    assert digest([("a", 1), ("b", 2)]) == digest([("b", 2), ("a", 1)])
    assert digest([("a", 1), ("b", 2)]) != digest([("a", 1), ("b", 3)])


@pytest.mark.parametrize("signed", SIGNED, ids=lambda path: path.name)
def test_a_set_written_with_an_earlier_digest_still_restores(
    tmp_path: Path, keywrap, signed: Path
) -> None:
    usb = tmp_path / "usb"
    shutil.copytree(signed, usb)
    expected = json.loads((signed / "expected.json").read_text())
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True, True]
    for number in (1, 2):
        target = Vault(tmp_path / f"restored-{number}" / "vault", keywrap=keywrap)
        report = restore(usb, target, GOLDEN_IDENTITY, generation=number)
        assert report.number == number and report.authenticated
        restored = dump_vault(target.path, keywrap)
        assert set(restored) - {"drafts", "tombstones"} == {expected["kept"]}
        assert restored["tombstones"] == [expected["forgotten"]]
    # A new backup goes on in the same set, and the old generations still open.
    with Vault(tmp_path / "restored-2" / "vault", keywrap=keywrap).open(GOLDEN_IDENTITY) as j:
        assert back_up(j, usb).number == 3
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True, True, True]
    target = Vault(tmp_path / "again-1" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY, generation=1).authenticated
    target = Vault(tmp_path / "again-3" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY).authenticated


def test_a_damaged_vault_is_not_backed_up_as_if_whole(
    tmp_path: Path, journal: Journal, keywrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own check of the image runs at every backup: a vault file damaged on
    the disk is said, and the set keeps only whole generations."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    real_prepare = backup_write.prepare

    def prepare_then_damage(conn, image, header, key):
        snap = real_prepare(conn, image, header, key)
        with sqlite3.connect(image) as check:
            root = check.execute("SELECT rootpage FROM sqlite_schema WHERE name='entries'")
            page = root.fetchone()[0]
            size = check.execute("PRAGMA page_size").fetchone()[0]
        check.close()
        with open(image, "r+b") as file:
            file.seek((page - 1) * size + 8)
            file.write(b"\xff" * 64)
        return snap

    monkeypatch.setattr(backup_write, "prepare", prepare_then_damage)
    with pytest.raises(BackupError) as caught:
        back_up(journal, usb)
    assert caught.value.key == "backup.vault_damaged"
    assert "abîmé" in caught.value.message("fr")
    assert "damaged" in caught.value.message("en")
    monkeypatch.undo()
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True]
    expected = dump(journal)
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY).number == 1
    assert dump_vault(target.path, keywrap) == expected


def generation_header(usb: Path, number: int) -> dict[str, str]:
    blob = (usb / "dentelle-backup" / f"gen-{number:06d}.age").read_bytes()
    conn = sqlite3.connect(":memory:")
    conn.deserialize(pyrage.decrypt(blob, [GOLDEN_IDENTITY]))
    return dict(conn.execute("SELECT key, value FROM backup_generation"))


@pytest.mark.parametrize("in_place", [True, False])
def test_the_header_completed_during_the_encryption_is_the_real_one(
    tmp_path: Path, journal: Journal, keywrap, monkeypatch: pytest.MonkeyPatch, in_place: bool
) -> None:
    """The header goes in with placeholders, completed in the encrypted stream once the
    digest is known; where it cannot be (`in_place` False), it is written the old way.
    Either way the generation holds the real digest and tag, and restores authenticated."""
    if not in_place:
        real = pending.header_page
        monkeypatch.setattr(pending, "header_page", lambda c, i: (0, real(c, i)[1][:0]))
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    header = generation_header(usb, 1)
    assert header["digest"].startswith("3:" if in_place else "2:")
    assert header["digest"].encode() != pending.PLACEHOLDER_DIGEST
    assert header["tag"].encode() != pending.PLACEHOLDER_TAG
    expected = dump(journal)
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY).authenticated
    assert dump_vault(target.path, keywrap) == expected


FAILURES = [sqlite3.DatabaseError("database disk image is malformed"), ValueError("unexpected")]


@pytest.mark.parametrize("failure", FAILURES, ids=["sqlite", "other"])
def test_a_digest_that_fails_keeps_the_generation_out(
    tmp_path: Path,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture,
    failure: Exception,
) -> None:
    """The digest runs in a thread: whatever ends it, the backup fails closed, in words."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)

    def unreadable(image: Path) -> str:
        raise failure

    monkeypatch.setattr(pending, "file_digest", unreadable)
    with pytest.raises(BackupError) as caught:
        back_up(journal, usb)
    assert caught.value.key == "backup.vault_damaged"
    monkeypatch.undo()
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True]
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("kind", ["2:", "3:"])
@pytest.mark.parametrize("failure", FAILURES, ids=["sqlite", "other"])
def test_a_digest_check_that_fails_at_restore_restores_nothing(
    tmp_path: Path,
    journal: Journal,
    keywrap,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture,
    failure: Exception,
    kind: str,
) -> None:
    """At restore the digest of the rows is checked in a thread (`Deferred`), that of
    the image once decrypted: either fails closed."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    if kind == "2:":  # the header written the old way: the digest of the rows
        real = pending.header_page
        monkeypatch.setattr(pending, "header_page", lambda c, i: (0, real(c, i)[1][:0]))
    back_up(journal, usb)
    monkeypatch.undo()
    assert generation_header(usb, 1)["digest"].startswith(kind)

    def broken(*args: object) -> bool:
        raise failure

    monkeypatch.setattr(digest, "digest_matches", broken)
    monkeypatch.setattr(blocks.HeaderBlock, "matches", broken)
    assert restore_refused(usb, tmp_path, keywrap) == "backup.damaged_all"
    assert "Traceback" not in capfd.readouterr().err


def recrypt(path: Path, change: Callable[[bytearray], None]) -> None:
    """Decrypt a generation, change its bytes, encrypt it again to the vault's public
    key: what anyone who once saw a decrypted generation can do without any key."""
    plain = bytearray(pyrage.decrypt(path.read_bytes(), [GOLDEN_IDENTITY]))
    change(plain)
    path.write_bytes(pyrage.encrypt(bytes(plain), [GOLDEN_IDENTITY.to_public()]))


@pytest.mark.parametrize("where", ["application_id", "free space"])
def test_bytes_changed_outside_the_rows_are_refused(
    tmp_path: Path, journal: Journal, keywrap, where: str
) -> None:
    """The tag covers every byte of the image, not only its rows: bytes that no row
    holds and SQLite's own check does not read (the file header's application id, the
    unused space of a page), changed and encrypted again, make the generation refused."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    expected = dump(journal)
    generation = usb / "dentelle-backup" / "gen-000001.age"
    original = generation.read_bytes()

    def change(plain: bytearray) -> None:
        if where == "application_id":
            plain[68:72] = b"DNTL"
            return
        size = int.from_bytes(plain[16:18], "big")
        for start in range(size, len(plain), size):  # a b-tree page with unused space
            page = plain[start : start + size]  # between its cell pointers and its cells
            if page[0] not in (2, 5, 10, 13):
                continue
            pointers = (12 if page[0] in (2, 5) else 8) + 2 * int.from_bytes(page[3:5], "big")
            if int.from_bytes(page[5:7], "big") - pointers >= 8:
                for at in range(start + pointers, start + pointers + 4):
                    plain[at] ^= 0x5A
                return
        raise AssertionError("no page with unused space")

    recrypt(generation, change)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(pyrage.decrypt(generation.read_bytes(), [GOLDEN_IDENTITY]))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert restore_refused(usb, tmp_path, keywrap) == "backup.damaged_all"
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [False]
    generation.write_bytes(original)
    target = Vault(tmp_path / "fresh" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY).authenticated
    assert dump_vault(target.path, keywrap) == expected


def test_rowids_that_do_not_go_up_end_the_digest_instead_of_looping() -> None:
    """Only a damaged (or crafted) file gives batches whose highest rowid does not rise:
    the digest is computed before the header is trusted, so it must never loop on one."""

    class Stuck:
        def execute(self, sql: str, args: list | None = None):
            class Row:
                def fetchone(self):
                    return (b"row", 5, 1)  # always the same batch, highest rowid 5

            return Row()

    with pytest.raises(sqlite3.DatabaseError):
        digest._batches_digest(Stuck(), "entries", "''")


@pytest.mark.parametrize("damage", ["sealed", "tag", "missing"])
def test_a_note_that_does_not_open_stops_the_restore_before_anything_is_written(
    tmp_path: Path, journal: Journal, keywrap, damage: str
) -> None:
    """Every note is checked against its tag and opened while SQLite checks the file
    (`restoring._open_every_note`): one that fails leaves nothing behind, even in a
    generation whose header is genuine."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)

    def change(conn: sqlite3.Connection) -> None:
        entry_id, sealed = conn.execute("SELECT id, sealed FROM entries LIMIT 1").fetchone()
        if damage == "sealed":
            flipped = bytearray(sealed)
            flipped[30] ^= 1
            conn.execute("UPDATE entries SET sealed=? WHERE id=?", [bytes(flipped), entry_id])
        elif damage == "tag":
            conn.execute("UPDATE integrity SET tag=? WHERE id=?", [bytes(32), entry_id])
        else:
            conn.execute("DELETE FROM integrity WHERE id=?", [entry_id])

    reseal_generation(usb / "dentelle-backup" / "gen-000001.age", change)
    assert restore_refused(usb, tmp_path, keywrap) == "restore.unverified"


def test_the_header_is_at_the_end_of_the_generation_even_with_free_pages(
    tmp_path: Path, journal: Journal
) -> None:
    """The encryption waits for the digest when it reaches the header's page: the page
    must come last, also when the vault has free pages (notes deleted) that SQLite would
    hand to a new table first."""
    person = journal.add_person("Awa Diallo", "Profil")
    entries = [
        journal.add_entry(person.id, date(2026, 2, 1 + n % 28), "x" * 3000) for n in range(200)
    ]
    for entry in entries[:150]:
        journal.delete_entry(entry.id)
    journal.checkpoint()
    conn = sqlite3.connect(f"{journal.path.as_uri()}/dentelle.db?mode=ro", uri=True)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 50
    conn.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    blob = (usb / "dentelle-backup" / "gen-000001.age").read_bytes()
    image = sqlite3.connect(":memory:")
    image.deserialize(pyrage.decrypt(blob, [GOLDEN_IDENTITY]))
    pages = image.execute("PRAGMA page_count").fetchone()[0]
    roots = [
        row[0]
        for row in image.execute(
            "SELECT rootpage FROM sqlite_schema WHERE tbl_name='backup_generation'"
        )
    ]
    assert min(roots) > pages - 8, (roots, pages)  # among the last pages, not in the middle


def keyring_document(usb: Path) -> dict:
    blob = (usb / "dentelle-backup" / "keyring.age").read_bytes()
    return json.loads(pyrage.decrypt(blob, [GOLDEN_IDENTITY]))


def test_the_keyring_carries_each_key_opened_and_drops_it_with_the_person(
    tmp_path: Path, journal: Journal, keywrap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Besides each person's wrapped key, the keyring (age, to the master) holds the key
    itself, as the vault's index of keys does: a restore then checks 5,000 people's
    notes without 5,000 age decryptions. Forgetting someone takes both out."""
    ids = populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    document = keyring_document(usb)
    assert set(document["secrets"]) == set(document["keys"]) == set(ids)
    journal.forget_person(ids[0])
    back_up(journal, usb)
    document = keyring_document(usb)
    assert ids[0] not in document["keys"] and ids[0] not in document["secrets"]
    assert set(document["secrets"]) == set(document["keys"])
    expected = dump(journal)

    from journal import crypto

    unwrapped = []
    real = crypto.age_decrypt

    def counting(blob: bytes, identity, what: str = "") -> bytes:
        unwrapped.append(what)
        return real(blob, identity, what=what)

    monkeypatch.setattr(crypto, "age_decrypt", counting)
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    assert "person key" not in unwrapped
    monkeypatch.undo()
    assert dump_vault(target.path, keywrap) == expected


def test_a_table_name_with_a_quote_is_hashed_not_run() -> None:
    """Table names come from the decrypted file, read before its digest is checked."""
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE "a""b" (x)')
    conn.execute('INSERT INTO "a""b" VALUES (1)')
    other = sqlite3.connect(":memory:")
    other.execute('CREATE TABLE "a""b" (x)')
    other.execute('INSERT INTO "a""b" VALUES (2)')
    assert content_digest(conn) != content_digest(other)
    assert table_counts(conn) == {'a"b': 1}


@pytest.mark.parametrize("sizes", [[1], [4096, 1], [65536], [blocks.BLOCK - 1, 2, 7], [3 << 20]])
def test_the_image_digest_does_not_depend_on_how_the_bytes_arrive(sizes: list[int]) -> None:
    """A backup hashes its image a block at a time, a restore as pyrage decrypts it."""
    data = bytes(range(256)) * ((blocks.BLOCK * 2 + 12345) // 256)
    whole = blocks.BlockHashes()
    whole.update(data)
    pieces = blocks.BlockHashes()
    at, turn = 0, 0
    while at < len(data):
        size = sizes[turn % len(sizes)]
        pieces.update(data[at : at + size])
        at, turn = at + size, turn + 1
    assert pieces.digest() == whole.digest()
    assert pieces.digest().startswith("3:")
    shorter = blocks.BlockHashes()
    shorter.update(data[:-1])
    assert shorter.digest() != whole.digest()


def test_the_digest_is_what_docs_backup_md_says(tmp_path: Path, journal: Journal) -> None:
    """The recipe of docs/backup.md, followed with hashlib alone, gives the digest the
    backup wrote: anyone can check a decrypted generation without Dentelle."""
    import hashlib

    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    blob = (usb / "dentelle-backup" / "gen-000001.age").read_bytes()
    plain = bytearray(pyrage.decrypt(blob, [GOLDEN_IDENTITY]))
    conn = sqlite3.connect(":memory:")
    conn.deserialize(bytes(plain))
    header = dict(conn.execute("SELECT key, value FROM backup_generation"))
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name='backup_generation'")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    start = (root.fetchone()[0] - 1) * size
    page = bytes(plain[start : start + size])
    for real, waiting in (
        (header["digest"], "3:" + "0" * 64),
        (header["tag"], "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
    ):
        assert page.count(real.encode()) == 1
        page = page.replace(real.encode(), waiting.encode())
    plain[start : start + size] = page
    mib = 1 << 20
    total = hashlib.sha256(b"dentelle-generation-image\0" + len(plain).to_bytes(8, "big"))
    for at in range(0, len(plain), mib):
        total.update(hashlib.sha256(plain[at : at + mib]).digest())
    assert header["digest"] == "3:" + total.hexdigest()


def test_a_header_value_of_another_type_is_refused_in_words(
    tmp_path: Path, journal: Journal, keywrap
) -> None:
    """The tag's cell turned from text into a blob of the same bytes (one byte of its
    record header) passes SQLite's check and the tag itself: the generation is said
    damaged, never an unexpected error."""
    populate(journal)
    usb = tmp_path / "usb"
    usb.mkdir()
    back_up(journal, usb)
    generation = usb / "dentelle-backup" / "gen-000001.age"
    tag = generation_header(usb, 1)["tag"].encode()

    def blob_tag(plain: bytearray) -> None:
        cell = b"\x03\x13\x65tag" + tag  # record header: 3 bytes, 'tag', text of 44 bytes
        assert plain.count(cell) == 1
        plain[plain.index(cell) + 2] = 0x64  # a blob of 44 bytes: the same bytes

    recrypt(generation, blob_tag)
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [False]
    assert restore_refused(usb, tmp_path, keywrap) == "backup.damaged_all"
