"""Dates: reading what a worker types (`parsing`), writing dates back (`formatting`)."""

from journal.dates.formatting import (
    GAP_MIN_DAYS,
    format_ago,
    format_day,
    format_gap,
    format_month,
    format_understood,
)
from journal.dates.parsing import (
    MAX_YEAR,
    MIN_YEAR,
    TWO_DIGIT_YEAR_AHEAD,
    ParsedDate,
    parse_date,
)

__all__ = [
    "GAP_MIN_DAYS",
    "MAX_YEAR",
    "MIN_YEAR",
    "TWO_DIGIT_YEAR_AHEAD",
    "ParsedDate",
    "format_ago",
    "format_day",
    "format_gap",
    "format_month",
    "format_understood",
    "parse_date",
]
