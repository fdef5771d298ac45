"""Contacts per month across the years, drawn as one row of small bars per year.

A recurring, open-ended support shows as a steady texture of bars; a long silence as a
run of dots. Under each year, the initials of its months; the legend above says what
a dot and the bars mean (the tallest is the busiest month shown). Heights are shapes
(▁▂▃▄▅▆▇█), not colours, so the strip reads the same in dark and light themes and for
colour-blind workers. The newest years come last.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

BARS = "▁▂▃▄▅▆▇█"
EMPTY = "·"
FUTURE = " "
YEAR_CELL = 4 + 1 + 12 + 2  # "2024 " + twelve months + spacing
MORE = "… "
"""Before the first year shown when older years are left out."""


def month_bar(count: int, highest: int) -> str:
    if count <= 0 or highest <= 0:
        return EMPTY
    level = max(1, round(count / highest * len(BARS)))
    return BARS[min(len(BARS), level) - 1]


def strip_lines(
    counts: dict[tuple[int, int], int],
    width: int,
    today: date,
    max_lines: int = 1,
    months: str = "JFMAMJJASOND",
) -> list[str]:
    """The strip as text lines: as many recent years as fit in `width` × `max_lines`,
    each line of years followed by the initials of the months under their bars.

    A month without contact is a dot; months still to come are left blank.
    """
    if not counts:
        return []
    years = sorted({year for year, _ in counts} | {today.year})
    years = list(range(years[0], years[-1] + 1))
    per_line = max(1, (width - len(MORE)) // YEAR_CELL)
    shown = years[-per_line * max_lines :]
    highest = max(counts.get((y, m), 0) for y in shown for m in range(1, 13))
    cells = [
        f"{year} "
        + "".join(
            FUTURE
            if (year, m) > (today.year, today.month)
            else month_bar(counts.get((year, m), 0), highest)
            for m in range(1, 13)
        )
        for year in shown
    ]
    under = " " * 5 + months
    lines = []
    for i in range(0, len(cells), per_line):
        row = cells[i : i + per_line]
        lead = MORE if i == 0 and len(shown) < len(years) else ""
        lines.append(lead + "  ".join(row))
        lines.append((" " * len(lead) + "  ".join([under] * len(row))).rstrip())
    return lines


def strip_content(
    counts: dict[tuple[int, int], int], width: int, today: date, legend: str, months: str
) -> Content:
    lines = strip_lines(counts, max(10, width - 1), today, months=months)
    return Content("\n".join([legend, *lines]) if lines else legend)
