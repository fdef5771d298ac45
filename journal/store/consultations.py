"""The record of consultations: when a person's file was opened or exported, and how.

A person may ask who looked at their file and when; the CNIL recommends keeping such
traces 6 to 12 months. Each line is sealed under the person's key (so it is erased with
them) with `dentelle:v1:consultation:<person_id>:<id>` as associated data, and lines
older than the configured period are dropped whenever a new one is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from journal import crypto
from journal.i18n import register, translate
from journal.store.sealing import aad, pack, sqlite_errors, unpack

if TYPE_CHECKING:
    from journal.store.journal import Journal

register(
    {
        "consultation.opened": {"fr": "histoire ouverte", "en": "file opened"},
        "consultation.exported": {"fr": "histoire exportée", "en": "file exported"},
        "consultation.shown": {
            "fr": "histoire affichée (ligne de commande)",
            "en": "story shown (command line)",
        },
        "consultation.handed": {"fr": "transmis à {name}", "en": "handed over to {name}"},
        "consultation.received": {"fr": "reçu de {name}", "en": "received from {name}"},
        "consultation.read_with": {"fr": "lu avec la personne", "en": "read with the person"},
    }
)

KINDS = ("opened", "exported", "shown", "handed", "received", "read_with")
NAMED = ("handed", "received")  # their detail is a colleague's name, said in the words


@dataclass(frozen=True)
class Consultation:
    id: str
    person_id: str
    at: datetime
    kind: str
    detail: str = ""

    def describe(self, lang: str) -> str:
        if self.kind in NAMED:
            return translate(f"consultation.{self.kind}", lang, name=self.detail)
        words = translate(f"consultation.{self.kind}", lang)
        return f"{words} ({self.detail})" if self.detail else words


def record_consultation(
    journal: Journal, person_id: str, kind: str, detail: str = "", *, keep_months: int = 12
) -> Consultation:
    """Add a line for this person and drop their lines older than `keep_months`."""
    if kind not in KINDS:
        raise ValueError(kind)
    cipher = journal.person_key(person_id)
    at = journal.clock()
    line_id = crypto.new_id()
    payload = {"at": at.isoformat(timespec="seconds"), "kind": kind, "detail": detail}
    sealed = crypto.seal(cipher, pack(payload), aad("consultation", person_id, line_id))
    with sqlite_errors(), journal._db.atomic():
        journal._db.execute(
            "INSERT INTO consultations (id, person_id, sealed) VALUES (?, ?, ?)",
            [line_id, person_id, sealed],
        )
        cutoff = at - relativedelta(months=keep_months)
        expired = [c.id for c in consultations(journal, person_id) if c.at < cutoff]
        journal._db.conn.executemany("DELETE FROM consultations WHERE id=?", [[i] for i in expired])
    return Consultation(line_id, person_id, at, kind, detail)


def consultations(journal: Journal, person_id: str) -> list[Consultation]:
    """This person's record, oldest first."""
    cipher = journal.person_key(person_id)
    with sqlite_errors():
        rows = journal._db.execute(
            "SELECT id, sealed FROM consultations WHERE person_id=?", [person_id]
        ).fetchall()
    lines = []
    for line_id, sealed in rows:
        associated = aad("consultation", person_id, line_id)
        data = unpack(crypto.open_sealed(cipher, sealed, associated, what="consultation"))
        lines.append(
            Consultation(
                line_id,
                person_id,
                datetime.fromisoformat(data["at"]),
                data["kind"],
                data.get("detail", ""),
            )
        )
    return sorted(lines, key=lambda c: c.at)
