"""The only code that touches the journal's SQLite connection: see `journal.store.journal`."""

from journal.store.entries import decode_entry
from journal.store.journal import Journal
from journal.store.keys import PERSON_KEYS_META
from journal.store.migration import SCHEMA_VERSION

__all__ = ["PERSON_KEYS_META", "SCHEMA_VERSION", "Journal", "decode_entry"]
