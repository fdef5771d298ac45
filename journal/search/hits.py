"""What a search returns: hits, newest first, and the order they are sorted in.

Results are sorted newest first: the day things happened, then the time, then when it
was written. The index keeps that order as one ASCII string per entry, compared as bytes,
and reads it straight from an opened payload when it can (see `order_of`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from journal.model import Entry
from journal.search.text import TEXT_FIELD


@dataclass(frozen=True)
class Hit:
    """One entry that matches, with an extract where the words are, ready to display.

    `snippet` is one line (control characters replaced); `matches` are (start, end)
    offsets into `snippet`.
    """

    entry: Entry
    person: str
    snippet: str
    matches: tuple[tuple[int, int], ...]

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def person_id(self) -> str:
        return self.entry.person_id


class Hits(list):
    """Hits, newest first; `total` counts all matches, `complete` is False while loading."""

    total: int = 0
    complete: bool = True


_DAY_FIELD = b'{"occurred_on":"'
_TIME_FIELD = b'","time":'
_WRITTEN_FIELD = b',"written_at":"'


def order_of(payload: bytes, text_at: int) -> bytes:
    """'2026-11-03 09:30 2026-11-03T18:00:00+01:00' from the fields before the text.

    Sliced where `_pack` puts them (checked); any other shape is decoded. `text_at` is
    where `payload_key` found the text, 0 when it did not.
    """
    end = text_at - len(TEXT_FIELD)  # the closing quote of written_at
    if text_at and payload.startswith(_DAY_FIELD) and payload[26:35] == _TIME_FIELD:
        if payload[35:54] == b"null" + _WRITTEN_FIELD:
            return payload[16:26] + b"  " + payload[54:end]
        if payload[35:36] == b'"' and payload[41:57] == b'"' + _WRITTEN_FIELD:
            return payload[16:26] + b" " + payload[36:41] + b" " + payload[57:end]
    return _order_of_json(payload)


def _order_of_json(payload: bytes) -> bytes:
    """`order_of` the slow way, normalized like `order_of_entry` (no import of the store:
    it indexes notes with this module, journal.store.wordindex)."""
    data = json.loads(payload.decode("utf-8", "surrogatepass"))
    moment = data.get("time")
    moment = time.fromisoformat(moment).isoformat(timespec="minutes") if moment else ""
    written = datetime.fromisoformat(data["written_at"]).isoformat(timespec="seconds")
    return f"{date.fromisoformat(data['occurred_on']).isoformat()} {moment} {written}".encode(
        "ascii"
    )


def order_of_entry(entry: Entry) -> bytes:
    time = entry.time.isoformat(timespec="minutes") if entry.time else ""
    written = entry.written_at.isoformat(timespec="seconds")
    return f"{entry.occurred_on.isoformat()} {time} {written}".encode("ascii")
