"""Search across every person's story: an index in memory, queries, highlights."""

from journal.search.hits import Hit, Hits
from journal.search.index import SearchIndex
from journal.search.text import (
    Query,
    Term,
    highlights,
    parse_query,
    payload_key,
    snippet,
    text_key,
)

__all__ = [
    "Hit",
    "Hits",
    "Query",
    "SearchIndex",
    "Term",
    "highlights",
    "parse_query",
    "payload_key",
    "snippet",
    "text_key",
]
