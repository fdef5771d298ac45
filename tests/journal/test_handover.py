"""Handing a story to a colleague: three vaults A, B and C, as in issue 14."""

from __future__ import annotations

import os
import shutil
import subprocess
import time as clock_time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from journal.errors import DentelleError
from journal.handover.cards import Card, fingerprint, parse_card
from journal.handover.colleagues import (
    add_colleague,
    colleagues,
    my_card,
    my_keys,
    remove_colleague,
    set_my_name,
)
from journal.handover.receiving import accept_handover, read_handover
from journal.handover.sending import hand_over
from journal.handover.words import WORDS
from journal.rhythm import parse_rhythm
from journal.store import Journal
from journal.store.consultations import consultations
from tests.conftest import GOLDEN_IDENTITY, MemoKeyWrap, TickingClock, make_empty_vault

NAME = "Zéphyrine Quillebœuf"
PROFILE = "Mère de trois enfants, arrivée de Tourcoing"
RHYTHM = parse_rhythm("toutes les deux semaines").to_json()
WORDS_OF_HER = ["Quillebœuf", "xylocoque", "brindezingue", "Tourcoing"]


def sentence(n: int) -> str:
    return f"Rencontre {n} : la xylocoque du {n} reste brindezingue, chez Zéphyrine."


@dataclass
class Three:
    a: Journal
    b: Journal
    c: Journal
    folder: Path
    person_id: str


def open_vault(path: Path, keywrap: MemoKeyWrap, clock: TickingClock) -> Journal:
    return make_empty_vault(path, keywrap).open(GOLDEN_IDENTITY, clock=clock)


@pytest.fixture
def three(tmp_path: Path, keywrap: MemoKeyWrap, clock: TickingClock) -> Iterator[Three]:
    a, b, c = (open_vault(tmp_path / name, keywrap, clock) for name in ("a", "b", "c"))
    set_my_name(a, "Alice")
    set_my_name(b, "Bruno")
    add_colleague(a, "Bruno", my_card(b).text())
    add_colleague(b, "Alice", my_card(a).text())
    add_colleague(c, "Bruno", my_card(b).text())
    person = a.add_person(NAME, PROFILE)
    a.update_person(person.id, extra={"rhythm": RHYTHM})
    with a.transaction():  # one commit: the suite's time is shared
        start = date(2025, 1, 6)
        entries = [
            a.add_entry(person.id, start + timedelta(days=7 * n), sentence(n)) for n in range(50)
        ]
        for n, entry in enumerate(entries[::5]):
            for k in range(1 + n % 3):
                a.edit_entry(entry.id, text=sentence(n) + f" (corrigé {k})")
    folder = tmp_path / "usb"
    folder.mkdir()
    yield Three(a, b, c, folder, person.id)
    for journal in (a, b, c):
        journal.close()


def versions(journal: Journal, person_id: str) -> dict[str, list]:
    return {e.id: journal.history(e.id) for e in journal.entries(person_id)}


# Cards and fingerprints


def test_a_card_reads_back_and_its_fingerprint_is_six_aligned_words(journal: Journal) -> None:
    card = set_my_name(journal, "Alice Martin")
    assert parse_card(card.text()) == card
    quoted = "Bonjour,\n\n" + "\n".join("> " + line for line in card.text().splitlines())
    assert parse_card(quoted + "\nÀ bientôt") == card
    fr, en = fingerprint(card, "fr").split(), fingerprint(card, "en").split()
    assert len(fr) == 6 and len(en) == 6
    assert [WORDS["fr"].index(w) for w in fr] == [WORDS["en"].index(w) for w in en]
    assert my_card(journal) == card  # the keys are made once


@pytest.mark.parametrize(
    "text",
    [
        "",
        "bonjour",
        "dentelle-card: v1\nname: x\nrecipient: age1abc\nverify: AAAA",
        "dentelle-card: v1\nname: x\nverify: AAAA",
    ],
)
def test_a_malformed_card_is_refused_clearly(journal: Journal, text: str) -> None:
    with pytest.raises(DentelleError) as caught:
        add_colleague(journal, "Bruno", text)
    assert caught.value.key == "handover.bad_card"
    assert "dentelle card" in caught.value.message("fr")
    assert colleagues(journal) == []


def test_own_card_and_duplicates_are_refused(three: Three) -> None:
    with pytest.raises(DentelleError) as own:
        add_colleague(three.a, "Moi", my_card(three.a).text())
    assert own.value.key == "handover.own_card"
    with pytest.raises(DentelleError) as same_name:
        add_colleague(three.a, "bruno", my_card(three.c).text())
    assert same_name.value.key == "handover.duplicate_name"
    with pytest.raises(DentelleError) as same_card:
        add_colleague(three.a, "Bruno bis", my_card(three.b).text())
    assert same_card.value.key == "handover.duplicate_card"
    assert [c.name for c in colleagues(three.a)] == ["Bruno"]


def test_the_private_keys_are_sealed_in_the_vault(three: Three) -> None:
    data = b"".join(p.read_bytes() for p in three.a.path.iterdir() if p.is_file())
    assert str(my_keys(three.a).identity).encode() not in data
    assert b"AGE-SECRET-KEY" not in data


# The three vaults


def test_b_receives_every_note_and_version_identical(three: Three) -> None:
    a, b = three.a, three.b
    path = hand_over(a, three.person_id, "Bruno", three.folder, "Elle préfère le matin.")
    assert path.parent == three.folder
    assert path.name.startswith("transmission-") and path.suffix == ".dentelle"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [c.describe("fr") for c in consultations(a, three.person_id)][-1] == "transmis à Bruno"

    incoming = read_handover(b, path)
    assert (incoming.sender_name, incoming.sender_status) == ("Alice", "known")
    assert incoming.person_name == NAME
    assert incoming.note_count == 50
    assert incoming.version_count == 50 + sum(1 + n % 3 for n in range(10))
    assert incoming.letter == "Elle préfère le matin."
    assert incoming.merges_with is None
    assert b.people() == []  # reading writes nothing

    person_id = accept_handover(b, incoming)
    assert versions(b, person_id) == versions(a, three.person_id)
    received = b.person(person_id)
    assert (received.name, received.profile) == (NAME, PROFILE)
    assert received.extra["rhythm"] == RHYTHM
    assert received.extra["letters"][0]["text"] == "Elle préfère le matin."
    assert b.summaries()[0].entry_count == 50
    lines = consultations(b, person_id)
    assert [c.describe("fr") for c in lines] == ["reçu de Alice"]
    assert lines[0].describe("en") == "received from Alice"


def test_c_cannot_open_a_file_made_for_b(three: Three) -> None:
    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    with pytest.raises(DentelleError) as caught:
        read_handover(three.c, path)
    assert caught.value.key == "handover.not_for_you"
    assert "quelqu'un d'autre" in caught.value.message("fr")
    assert three.c.people() == []


def test_a_byte_flipped_anywhere_is_refused(three: Three) -> None:
    path = hand_over(three.a, three.person_id, "Bruno", three.folder / "f.dentelle", "")
    blob = path.read_bytes()
    size = len(blob)
    positions = sorted({*range(0, 300), *range(300, size, 97), *range(size - 40, size)})
    altered = three.folder / "altered.dentelle"
    for position in positions:
        for mask in (0x01, 0x80):
            data = bytearray(blob)
            data[position] ^= mask
            altered.write_bytes(bytes(data))
            with pytest.raises(DentelleError) as caught:
                read_handover(three.b, altered)
            assert caught.value.key in ("handover.not_for_you", "handover.altered"), position
    for cut in (blob[:-1], blob[: size // 2], blob + b"\n"):
        altered.write_bytes(cut)
        with pytest.raises(DentelleError):
            read_handover(three.b, altered)
    assert three.b.people() == []
    assert read_handover(three.b, path).note_count == 50  # the real one still opens


def test_a_file_from_a_removed_colleague_is_refused_as_such(three: Three) -> None:
    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    remove_colleague(three.b, "Alice")
    assert colleagues(three.b) == []
    with pytest.raises(DentelleError) as caught:
        read_handover(three.b, path)
    assert caught.value.key == "handover.removed_sender"
    assert "Alice" in caught.value.message("fr") and "retiré" in caught.value.message("fr")
    assert "removed from your colleagues on Saturday, 28 November 2026" in caught.value.message(
        "en"
    )
    assert three.b.people() == []
    add_colleague(three.b, "Alice", my_card(three.a).text())  # trusted again: accepted
    assert read_handover(three.b, path).sender_status == "known"


def test_a_file_from_an_unknown_sender_is_said_so_and_taken_only_when_allowed(
    three: Three,
) -> None:
    c = three.c
    person = c.add_person("Personne de C")
    c.add_entry(person.id, date(2026, 1, 5), "Une note de C.")
    path = hand_over(c, person.id, "Bruno", three.folder, "")
    incoming = read_handover(three.b, path)
    assert (incoming.sender_status, incoming.sender_name) == ("unknown", None)
    with pytest.raises(DentelleError) as caught:
        accept_handover(three.b, incoming)
    assert caught.value.key == "handover.unknown_sender"
    assert fingerprint(my_card(c), "fr") in caught.value.message("fr")
    assert three.b.people() == []
    person_id = accept_handover(three.b, incoming, allow_unknown=True)
    assert [e.text for e in three.b.entries(person_id)] == ["Une note de C."]


def test_a_file_signed_for_b_and_passed_on_to_c_is_refused(three: Three) -> None:
    """B re-encrypts A's signed file for C: A's signature holds, but it names B."""
    import pyrage

    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    plain = pyrage.decrypt(path.read_bytes(), [my_keys(three.b).identity])
    add_colleague(three.c, "Alice", my_card(three.a).text())
    relayed = three.folder / "relayed.dentelle"
    relayed.write_bytes(pyrage.encrypt(plain, [my_keys(three.c).identity.to_public()]))
    with pytest.raises(DentelleError) as caught:
        read_handover(three.c, relayed)
    assert caught.value.key == "handover.not_for_you"


def test_handing_back_from_b_to_a_merges_without_duplicates(three: Three) -> None:
    a, b = three.a, three.b
    first = hand_over(a, three.person_id, "Bruno", three.folder, "")
    person_b = accept_handover(b, read_handover(b, first))
    assert person_b == three.person_id  # the same person keeps her id
    notes = b.entries(person_b)
    b.edit_entry(notes[3].id, text="Relu par Bruno : la xylocoque va mieux.")
    b.add_entry(person_b, date(2026, 2, 2), "Première rencontre avec Bruno.")
    a.edit_entry(notes[7].id, text="Corrigé par Alice après l'envoi.")  # A kept her copy
    b.update_person(person_b, profile=PROFILE + " ; a déménagé à Roubaix")
    back = hand_over(b, person_b, "Alice", three.folder, "Je te la rends.")
    incoming = read_handover(a, back)
    assert incoming.merges_with == three.person_id
    assert accept_handover(a, incoming) == three.person_id
    merged = versions(a, three.person_id)
    assert len(merged) == 51
    assert len(a.people()) == 1
    assert a.person(three.person_id).profile == PROFILE + " ; a déménagé à Roubaix"
    for history in merged.values():
        ids = [v.version_id for v in history]
        assert len(ids) == len(set(ids))
    assert merged[notes[3].id][-1].text == "Relu par Bruno : la xylocoque va mieux."
    assert merged[notes[7].id][-1].text == "Corrigé par Alice après l'envoi."
    assert merged[notes[3].id][:-1] == [
        v for v in versions(b, person_b)[notes[3].id][:-1]
    ]  # nothing lost
    before = versions(a, three.person_id)
    accept_handover(a, read_handover(a, back))  # the same file twice changes nothing
    assert versions(a, three.person_id) == before
    assert a.summaries()[0].entry_count == 51


def test_a_story_back_after_being_forgotten_arrives_as_new(three: Three) -> None:
    a, b = three.a, three.b
    person_b = accept_handover(
        b, read_handover(b, hand_over(a, three.person_id, "Bruno", three.folder, ""))
    )
    a.forget_person(three.person_id)
    incoming = read_handover(a, hand_over(b, person_b, "Alice", three.folder, ""))
    assert incoming.merges_with is None
    person_a = accept_handover(a, incoming)
    assert person_a != three.person_id  # a tombstoned id is never reused
    assert len(a.entries(person_a)) == 50


def test_destination_file_is_never_overwritten(three: Three) -> None:
    target = three.folder / "exists.dentelle"
    target.write_bytes(b"keep me")
    with pytest.raises(DentelleError) as caught:
        hand_over(three.a, three.person_id, "Bruno", target, "")
    assert caught.value.key == "handover.exists"
    assert target.read_bytes() == b"keep me"
    with pytest.raises(DentelleError) as unknown:
        hand_over(three.a, three.person_id, "Nobody", three.folder, "")
    assert unknown.value.key == "handover.no_colleague"


# No plaintext, and the age command


def needles() -> list[bytes]:
    found = [NAME, PROFILE, *WORDS_OF_HER, "préfère le matin"]
    return [n for text in found for n in (text.encode(), text.encode("utf-16-le"))]


def files_changed_since(folder: Path, start: float) -> Iterator[Path]:
    """Files written under `folder` since `start` (other programs' come and go: skipped)."""
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            try:
                if not path.is_symlink() and path.is_file() and path.stat().st_mtime >= start:
                    yield path
            except OSError:
                continue


def test_no_plaintext_of_the_person_at_any_step(three: Three, tmp_path: Path) -> None:
    start = clock_time.time() - 1
    a, b = three.a, three.b
    path = hand_over(a, three.person_id, "Bruno", three.folder, "Elle préfère le matin.")
    person_b = accept_handover(b, read_handover(b, path))
    back = hand_over(b, person_b, "Alice", three.folder, "")
    accept_handover(a, read_handover(a, back))
    for journal in (a, b):
        journal.checkpoint()
    # Every file of the test (the three vaults, the handover files), and whatever was
    # written in /tmp and /dev/shm meanwhile.
    places = [(tmp_path, 0.0), (Path("/dev/shm"), start), (Path("/tmp"), start)]
    checked = 0
    for place, since in places:
        for file in files_changed_since(place, since) if place.exists() else ():
            try:
                data = file.read_bytes()
            except OSError:
                continue
            checked += 1
            for needle in needles():
                assert needle not in data, f"{needle!r} found in {file}"
    assert checked >= 5


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_the_age_command_decrypts_the_file_with_bs_identity(three: Three, tmp_path: Path) -> None:
    import json

    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "Lettre")
    identity = tmp_path / "b-identity.txt"
    identity.write_text(str(my_keys(three.b).identity) + "\n")
    identity.chmod(0o600)
    result = subprocess.run(
        ["age", "-d", "-i", str(identity), str(path)], capture_output=True, check=True, timeout=60
    )
    identity.unlink()
    envelope = json.loads(result.stdout)
    story = json.loads(envelope["signed"])
    assert story["person"]["name"] == NAME
    assert len(story["notes"]) == 50
    assert story["sender"] == my_card(three.a).to_json()
    assert Card.from_json(story["sender"]) == my_card(three.a)


def test_the_recipe_of_the_format_page_reads_a_handover(three: Three) -> None:
    """docs/format.md's handover recipe, run as written: identity from the vault, then
    the story with its signature checked (and an altered signature refused)."""
    import json
    import re

    import pyrage
    from cryptography.exceptions import InvalidSignature

    doc = (Path(__file__).parents[2] / "docs" / "format.md").read_text()
    section = doc[doc.index("## The handover file") :]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    recipe: dict = {"__name__": "recipe"}
    exec(compile(code, "format.md", "exec"), recipe)
    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "Lettre")
    three.b.checkpoint()
    identity = recipe["handover_identity"](str(three.b.path / "dentelle.db"), str(GOLDEN_IDENTITY))
    assert identity == str(my_keys(three.b).identity)
    plain = pyrage.decrypt(path.read_bytes(), [pyrage.x25519.Identity.from_str(identity)])
    story = recipe["read_handover"](plain)
    assert story["person"]["name"] == NAME and story["letter"] == "Lettre"
    envelope = json.loads(plain)
    envelope["signed"] = envelope["signed"].replace("Lettre", "Lettrx")
    with pytest.raises(InvalidSignature):
        recipe["read_handover"](json.dumps(envelope).encode())


def test_a_restored_backup_still_opens_the_handovers_made_for_it(
    three: Three, tmp_path: Path, keywrap: MemoKeyWrap, clock: TickingClock
) -> None:
    """A new computer restored from the USB key keeps the card and the colleagues."""
    from journal.backup import back_up, restore
    from journal.vault import Vault

    usb = tmp_path / "usb-key"
    usb.mkdir()
    card = my_card(three.b)
    back_up(three.b, usb)
    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    target = Vault(tmp_path / "new-computer" / "vault", keywrap=keywrap)
    restore(usb, target, GOLDEN_IDENTITY)
    with target.open(GOLDEN_IDENTITY, clock=clock) as restored:
        assert my_card(restored) == card
        assert [c.name for c in colleagues(restored)] == ["Alice"]
        assert read_handover(restored, path).sender_name == "Alice"


def test_the_received_letter_is_in_the_persons_export(three: Three) -> None:
    """The letter stays with the story: the person's right of access reaches it."""
    from journal.export import collect, render

    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "Elle préfère le matin.")
    person_id = accept_handover(three.b, read_handover(three.b, path))
    file = collect(three.b, person_id)
    for fmt in ("md", "html", "json"):
        document = render(file, fmt, "fr")
        assert "Elle préfère le matin." in document, fmt
        assert "Alice" in document, fmt
    assert "Lettres de transmission" in render(file, "md", "fr")
    assert "Handover letters" in render(file, "html", "en")


def test_an_older_vault_gains_the_colleagues_table(tmp_path: Path, keywrap: MemoKeyWrap) -> None:
    import sqlite3

    from journal.vault import Vault
    from tests.conftest import GOLDEN

    shutil.copytree(GOLDEN, tmp_path / "v")
    conn = sqlite3.connect(tmp_path / "v" / "dentelle.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] < 4
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name='colleagues'").fetchone()
    conn.close()
    with Vault(tmp_path / "v", keywrap=keywrap).open(GOLDEN_IDENTITY) as journal:
        card = set_my_name(journal, "Alice")
        assert journal._db.execute("PRAGMA user_version").fetchone()[0] >= 4
    with Vault(tmp_path / "v", keywrap=keywrap).open(GOLDEN_IDENTITY) as journal:
        assert my_card(journal) == card  # migrated once, the keys kept


def signed_by(journal: Journal, payload: dict, recipient: str) -> bytes:
    """A handover file as `hand_over` makes it, around a payload of the test's choosing."""
    import base64
    import json

    import pyrage

    from journal.handover.sending import FORMAT, signed_bytes

    signed = json.dumps(payload)
    signature = my_keys(journal).signing.sign(signed_bytes(signed))
    envelope = {
        "format": FORMAT,
        "signed": signed,
        "signature": base64.b64encode(signature).decode(),
    }
    return pyrage.encrypt(
        json.dumps(envelope).encode(), [pyrage.x25519.Recipient.from_str(recipient)]
    )


@pytest.mark.parametrize("flaw", ["twice the same version", "twice the same note", "bad rhythm"])
def test_a_signed_but_malformed_story_is_refused_before_anything_is_written(
    three: Three, flaw: str
) -> None:
    import json

    import pyrage

    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    envelope = json.loads(pyrage.decrypt(path.read_bytes(), [my_keys(three.b).identity]))
    payload = json.loads(envelope["signed"])
    if flaw == "twice the same version":
        payload["notes"][0]["versions"].append(payload["notes"][0]["versions"][0])
    elif flaw == "twice the same note":
        payload["notes"].append(payload["notes"][0])
    else:
        payload["person"]["rhythm"] = {"nonsense": 1}
    path.write_bytes(signed_by(three.a, payload, my_card(three.b).recipient))
    with pytest.raises(DentelleError) as caught:
        read_handover(three.b, path)
    assert caught.value.key == "handover.altered"
    assert three.b.people() == []


def test_two_profiles_that_differ_are_both_kept(three: Three) -> None:
    a, b = three.a, three.b
    person_b = accept_handover(
        b, read_handover(b, hand_over(a, three.person_id, "Bruno", three.folder, ""))
    )
    b.update_person(person_b, profile="Vit maintenant seule")
    a.update_person(three.person_id, profile="Trois enfants")
    accept_handover(a, read_handover(a, hand_over(b, person_b, "Alice", three.folder, "")))
    assert a.person(three.person_id).profile == "Trois enfants\n\nVit maintenant seule"


def test_accepting_the_same_reading_twice_makes_one_story(three: Three) -> None:
    """The app may be asked twice (a double Enter): the second time merges, no copy."""
    incoming = read_handover(
        three.b, hand_over(three.a, three.person_id, "Bruno", three.folder, "Lettre")
    )
    first = accept_handover(three.b, incoming)
    assert accept_handover(three.b, incoming) == first
    assert len(three.b.person(first).extra["letters"]) == 1
    assert len(three.b.people()) == 1 and len(three.b.entries(first)) == 50


def test_reading_a_file_in_a_vault_without_a_card_writes_nothing(
    three: Three, tmp_path: Path, keywrap: MemoKeyWrap, clock: TickingClock
) -> None:
    from journal.store.colleagues import colleague_rows

    path = hand_over(three.a, three.person_id, "Bruno", three.folder, "")
    with open_vault(tmp_path / "d", keywrap, clock) as fresh:
        with pytest.raises(DentelleError) as caught:
            read_handover(fresh, path)
        assert caught.value.key == "handover.not_for_you"
        assert colleague_rows(fresh) == {}  # no keys were made by reading
