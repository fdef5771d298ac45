"""A backup set altered on the key is noticed, never trusted (issue 11, item 5).

Whoever can write the USB key (but does not hold the passphrase) can edit the plain
manifest, put back an older `keyring.age`, copy a generation from another key of the
same vault, or encrypt a keyring of their own to the vault's public key. Each of these
is refused or ignored with a clear message. Deleted entries and erased versions stay
gone after a restore, like forgotten people. Sets written before authentication
(tests/data/legacy-backup, written by main at 26fa9fe) still restore, said to be
unauthenticated.
"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pyrage
import pytest

from journal import crypto
from journal.backup import back_up, describe_set, erasures_pending, restore, verify_set
from journal.backup.sets import KEYRING_FILE, MANIFEST_FILE, SET_DIR_NAME, generation_files
from journal.errors import BackupError
from journal.store import Journal
from journal.vault import Vault
from tests.conftest import DATA, GOLDEN_IDENTITY
from tests.journal.backup_helpers import dump, dump_vault, populate

LEGACY = DATA / "legacy-backup"


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def edit_manifest(usb: Path, **changes: object) -> None:
    path = usb / SET_DIR_NAME / MANIFEST_FILE
    data = json.loads(path.read_text())
    data.update(changes)
    path.write_text(json.dumps(data, indent=2))


def keyring_plain(usb: Path) -> dict:
    blob = (usb / SET_DIR_NAME / KEYRING_FILE).read_bytes()
    return json.loads(pyrage.decrypt(blob, [GOLDEN_IDENTITY]))


def generation_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.deserialize(pyrage.decrypt(path.read_bytes(), [GOLDEN_IDENTITY]))
    return conn


def test_a_manifest_jump_hides_no_later_generation(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    ids = populate(journal)
    back_up(journal, usb)
    edit_manifest(usb, last_number=999999)
    journal.add_entry(ids[0], date(2026, 12, 1), "Écrit après la modification du manifeste.")
    expected = dump(journal)
    report = back_up(journal, usb)
    assert report.number == 2
    assert list(generation_files(usb / SET_DIR_NAME)) == [1, 2]
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    restored = restore(usb, target, GOLDEN_IDENTITY)
    assert restored.number == 2 and restored.authenticated
    assert dump_vault(target.path, keywrap) == expected
    # The next backup rewrote the manifest from what the keyring says.
    manifest = json.loads((usb / SET_DIR_NAME / MANIFEST_FILE).read_text())
    assert manifest["last_number"] == 2


def test_an_edited_manifest_is_ignored_when_the_key_is_at_hand(journal: Journal, usb: Path) -> None:
    populate(journal)
    back_up(journal, usb)
    back_up(journal, usb)
    forged = {"created": "1999-01-01T00:00:00+00:00", "ok": False}
    edit_manifest(usb, generations=[{"number": 1, **forged}, {"number": 2, **forged}])
    listed = describe_set(usb).generations  # no key: shown as it is, advisory
    assert [(g.created.year, g.ok) for g in listed] == [(1999, False), (1999, False)]
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True, True]
    listed = describe_set(usb).generations  # rewritten from the keyring, nothing kept
    assert [(g.created.year != 1999, g.ok) for g in listed] == [(True, True), (True, True)]


def test_an_older_keyring_put_back_is_refused(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """The keyring from before a forgetting neither resurrects them nor drops newcomers."""
    kept = journal.add_person("Famille Haddad")
    journal.add_entry(kept.id, date(2026, 1, 5), "Premier appel.")
    gone = journal.add_person("Kévin Moreau")
    journal.add_entry(gone.id, date(2026, 1, 6), "Rencontre à la permanence.")
    back_up(journal, usb)
    keyring = usb / SET_DIR_NAME / KEYRING_FILE
    old_keyring = keyring.read_bytes()
    journal.forget_person(gone.id)
    later = journal.add_person("Bérénice Lemoine")
    journal.add_entry(later.id, date(2026, 2, 5), "Arrivée après la première sauvegarde.")
    back_up(journal, usb)
    keyring.write_bytes(old_keyring)
    for generation in (None, 1, 2):
        target = Vault(tmp_path / f"restored-{generation}" / "vault", keywrap=keywrap)
        with pytest.raises(BackupError) as caught:
            restore(usb, target, GOLDEN_IDENTITY, generation=generation)
        assert caught.value.key == "backup.keyring_older", generation
        assert caught.value.params["number"] == 2
        assert not target.path.parent.exists()
    assert "n° 2" in caught.value.message("fr") and "no. 2" in caught.value.message("en")
    with pytest.raises(BackupError) as caught:
        verify_set(usb, GOLDEN_IDENTITY)
    assert caught.value.key == "backup.keyring_older"


def test_a_keyring_written_by_someone_else_is_refused(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """Anyone can encrypt to the vault's public key: a rewritten keyring is not trusted."""
    ids = populate(journal)
    back_up(journal, usb)
    key = journal._db.execute("SELECT wrapped_key FROM people WHERE id=?", [ids[0]]).fetchone()[0]
    journal.forget_person(ids[0])
    back_up(journal, usb)
    plain = keyring_plain(usb)
    assert ids[0] in plain["tombstones"] and ids[0] not in plain["keys"]
    plain["tombstones"] = {}
    plain["keys"][ids[0]] = base64.b64encode(key).decode("ascii")  # from an old copy
    forged = crypto.age_encrypt(json.dumps(plain).encode(), [GOLDEN_IDENTITY.to_public()])
    (usb / SET_DIR_NAME / KEYRING_FILE).write_bytes(forged)
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(usb, target, GOLDEN_IDENTITY, generation=1)
    assert caught.value.key == "backup.keyring_altered"
    assert not target.path.parent.exists()
    with pytest.raises(BackupError):
        verify_set(usb, GOLDEN_IDENTITY)


def test_a_generation_copied_from_another_key_is_reported(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    ids = populate(journal)
    other = tmp_path / "other-key"
    other.mkdir()
    back_up(journal, usb)
    back_up(journal, other)
    journal.add_entry(ids[0], date(2026, 12, 1), "Seulement sur la seconde clé.")
    back_up(journal, other)
    journal.add_entry(ids[1], date(2026, 12, 2), "Seulement sur la première clé.")
    back_up(journal, usb)
    folder = usb / SET_DIR_NAME
    shutil.copyfile(other / SET_DIR_NAME / "gen-000002.age", folder / "gen-000002.age")
    assert [(r.number, r.ok) for r in verify_set(usb, GOLDEN_IDENTITY)] == [(1, True), (2, False)]
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(usb, target, GOLDEN_IDENTITY)
    assert caught.value.key == "backup.other_set"
    assert caught.value.params == {"number": 2, "good": "1"}
    assert not target.path.parent.exists()


def test_a_deleted_entry_and_an_erased_version_stay_gone_after_restore(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    ids = populate(journal)
    back_up(journal, usb)
    deleted = journal.entries(ids[0])[1]
    revised = next(e for e in journal.entries(ids[1]) if e.versions > 1)
    wrong = journal.history(revised.id)[0]
    generation = generation_db(usb / SET_DIR_NAME / "gen-000001.age")
    sealed = generation.execute("SELECT sealed FROM entries WHERE id=?", [deleted.id]).fetchone()
    old = generation.execute("SELECT sealed FROM revisions WHERE version_id=?", [wrong.version_id])
    secrets = [sealed[0], old.fetchone()[0]]
    journal.delete_entry(deleted.id)
    journal.erase_version(revised.id, wrong.version_id)
    expected = dump(journal)
    journal.close()

    # Over the vault, before any new backup: the vault's own record says what is gone.
    report = restore(usb, Vault(journal.path, keywrap=keywrap), GOLDEN_IDENTITY)
    assert dump_vault(journal.path, keywrap) == expected
    assert report.erased == 2
    # On a new machine, after one more backup: the keyring says it, for generation 1 too.
    with Vault(journal.path, keywrap=keywrap).open(GOLDEN_IDENTITY) as reopened:
        back_up(reopened, usb)
    for number in (1, 2):
        target = Vault(tmp_path / f"restored-{number}" / "vault", keywrap=keywrap)
        restore(usb, target, GOLDEN_IDENTITY, generation=number)
        assert dump_vault(target.path, keywrap) == expected, number
        files = b"".join(p.read_bytes() for p in target.path.iterdir() if p.is_file())
        assert not any(secret in files for secret in secrets), number


def test_an_erased_version_that_was_current_in_an_older_generation(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """Generation 1 predates the correction: its entry is the erased text, so it goes."""
    person = journal.add_person("Famille Haddad")
    entry = journal.add_entry(person.id, date(2026, 1, 5), "Texte erroné.")
    other = journal.add_entry(person.id, date(2026, 1, 6), "Texte juste.")
    back_up(journal, usb)
    journal.edit_entry(entry.id, text="Texte corrigé.")
    journal.erase_version(entry.id, entry.version_id)
    back_up(journal, usb)
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY, generation=1)
    with target.open(GOLDEN_IDENTITY) as restored:
        assert [e.id for e in restored.entries(person.id)] == [other.id]
    target = Vault(tmp_path / "latest" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    with target.open(GOLDEN_IDENTITY) as restored:
        texts = [e.text for e in restored.entries(person.id)]
    assert texts == ["Texte corrigé.", "Texte juste."]


def test_the_erasure_warning_trusts_no_plain_count(journal: Journal, usb: Path) -> None:
    ids = populate(journal)
    back_up(journal, usb)
    database = journal.path / "dentelle.db"
    journal.forget_person(ids[0])
    assert erasures_pending(describe_set(usb), database) == 1
    edit_manifest(usb, erasures=999)
    assert erasures_pending(describe_set(usb), database) == 1
    back_up(journal, usb)
    assert erasures_pending(describe_set(usb), database) == 0


def test_a_set_written_before_authentication_still_restores(tmp_path: Path, keywrap) -> None:
    usb = tmp_path / "usb"
    shutil.copytree(LEGACY, usb)
    expected = json.loads((LEGACY / "expected.json").read_text())
    assert all(r.ok for r in verify_set(usb, GOLDEN_IDENTITY))
    for number in (1, 2):
        target = Vault(tmp_path / f"restored-{number}" / "vault", keywrap=keywrap)
        report = restore(usb, target, GOLDEN_IDENTITY, generation=number)
        assert report.number == number and not report.authenticated
        assert report.forgotten == (1 if number == 1 else 0)
        restored = dump_vault(target.path, keywrap)
        assert set(restored) - {"drafts", "tombstones"} == {expected["kept"]}
        assert restored["tombstones"] == [expected["forgotten"]]
    # One backup from the restored vault makes the set authenticated from then on.
    with Vault(tmp_path / "restored-2" / "vault", keywrap=keywrap).open(GOLDEN_IDENTITY) as j:
        assert back_up(j, usb).number == 3
    target = Vault(tmp_path / "restored-3" / "vault", keywrap=keywrap)
    assert restore(usb, target, GOLDEN_IDENTITY).authenticated
    target = Vault(tmp_path / "again-1" / "vault", keywrap=keywrap)
    assert not restore(usb, target, GOLDEN_IDENTITY, generation=1).authenticated
    assert all(r.ok for r in verify_set(usb, GOLDEN_IDENTITY))


def test_a_keyring_of_the_old_format_put_on_a_signed_set_is_refused(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """Rewriting the keyring as format 1 (no tag) does not get past the check."""
    ids = populate(journal)
    back_up(journal, usb)
    journal.forget_person(ids[0])
    back_up(journal, usb)
    plain = keyring_plain(usb)
    legacy = {
        "format": "dentelle-keyring/1",
        "vault_id": plain["vault_id"],
        "written": plain["written"],
        "keys": plain["keys"],
        "tombstones": {},
        "generations": {"1": plain["generations"]["2"]},
    }
    forged = crypto.age_encrypt(json.dumps(legacy).encode(), [GOLDEN_IDENTITY.to_public()])
    (usb / SET_DIR_NAME / KEYRING_FILE).write_bytes(forged)
    for generation in (1, 2):
        target = Vault(tmp_path / f"restored-{generation}" / "vault", keywrap=keywrap)
        with pytest.raises(BackupError) as caught:
            restore(usb, target, GOLDEN_IDENTITY, generation=generation)
        assert caught.value.key == "backup.keyring_older", generation


def test_the_next_backup_does_not_carry_an_altered_keyring_forward(
    journal: Journal, usb: Path
) -> None:
    ids = populate(journal)
    back_up(journal, usb)
    journal.forget_person(ids[0])
    back_up(journal, usb)
    plain = keyring_plain(usb)
    stranger = crypto.age_encrypt(crypto.new_data_key(), [GOLDEN_IDENTITY.to_public()])
    plain["keys"]["0123456789abcdef"] = base64.b64encode(stranger).decode("ascii")
    plain["tombstones"] = {}
    forged = crypto.age_encrypt(json.dumps(plain).encode(), [GOLDEN_IDENTITY.to_public()])
    (usb / SET_DIR_NAME / KEYRING_FILE).write_bytes(forged)
    assert back_up(journal, usb).number == 3  # numbered from the signed manifest
    rewritten = keyring_plain(usb)
    assert "0123456789abcdef" not in rewritten["keys"]
    assert ids[0] in rewritten["tombstones"] and rewritten["set_id"] == plain["set_id"]


def test_a_damaged_keyring_and_an_edited_manifest_do_not_unbind_the_set(
    journal: Journal, usb: Path
) -> None:
    """The newest signed generation still says which set this is and where it stands."""
    populate(journal)
    back_up(journal, usb)
    back_up(journal, usb)
    keyring = usb / SET_DIR_NAME / KEYRING_FILE
    keyring.write_bytes(keyring.read_bytes()[:-5])
    edit_manifest(usb, last_number=999999, set_id="0123456789abcdef")
    assert back_up(journal, usb).number == 3
    assert [r.ok for r in verify_set(usb, GOLDEN_IDENTITY)] == [True, True, True]
    assert keyring_plain(usb)["legacy"] == []


def test_an_older_keyring_is_refused_even_with_the_newer_generation_removed(
    tmp_path: Path, journal: Journal, usb: Path, keywrap
) -> None:
    """The signed manifest, written after the keyring, still says how far the set went."""
    ids = populate(journal)
    back_up(journal, usb)
    keyring = usb / SET_DIR_NAME / KEYRING_FILE
    old_keyring = keyring.read_bytes()
    journal.forget_person(ids[0])
    back_up(journal, usb)
    keyring.write_bytes(old_keyring)
    (usb / SET_DIR_NAME / "gen-000002.age").unlink()
    target = Vault(tmp_path / "restored" / "vault", keywrap=keywrap)
    with pytest.raises(BackupError) as caught:
        restore(usb, target, GOLDEN_IDENTITY, generation=1)
    assert caught.value.key == "backup.keyring_older"
    assert not target.path.parent.exists()
