"""A row of a list is never wider than the list: a count or a date is never cut.

The list crops what is wider than its width, so a row that overflows loses its
end — "14 entrie" at 100 columns. The name gives way instead, with an ellipsis.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.cells import cell_len

from views.screens.people import PersonRow
from views.screens.soon import SoonRow


def _widths(lines) -> list[int]:
    return [sum(cell_len(text) for text, _ in line) for line in lines]


@pytest.mark.parametrize("count_text", ["14 entries", "1 entry", "1400 entries", "140 notes"])
@pytest.mark.parametrize("width", [40, 60, 80, 98, 100, 198])
def test_a_person_row_keeps_its_count_whole(count_text: str, width: int) -> None:
    row = PersonRow(
        person_id="p1",
        name="Famille Martin-Dupont de la Roche " * 3,
        folded="",
        last_contact=date(2026, 11, 1),
        entry_count=14,
        ago="il y a 11 semaines",
        count_text=count_text,
    )
    lines = row.lines(width)
    assert max(_widths(lines)) <= width
    text = "".join(t for t, _ in lines[0])
    assert text.rstrip().endswith(count_text)
    assert "il y a 11 semaines" in text
    if width < 120:
        assert "…" in text  # the name gives way


@pytest.mark.parametrize("width", [30, 40, 60, 80])
def test_a_soon_row_keeps_its_day_whole(width: int) -> None:
    row = SoonRow("p1", "Famille Martin-Dupont de la Roche", "vers le jeudi 3 décembre", "")
    lines = row.lines(width)
    assert max(_widths(lines)) <= width
    assert "vers le jeudi 3 décembre" in "".join(t for line in lines for t, _ in line)


def test_the_columns_of_the_people_list_line_up_whatever_the_counts(journal) -> None:
    """English "9 entries" and "14 entries", "5 days ago" and "2 years and 2 months ago":
    each column starts at the same place on every row (issue 13, the English demo at 80
    columns had them one column apart)."""
    from journal.i18n import translate
    from views.screens.people import read_people

    for name, days in [("Moses Adeyemi", [5] * 9), ("Okafor family", [240] * 14),
                       ("Chloe Marsh", [790] * 2)]:  # fmt: skip
        person = journal.add_person(name)
        for ago in days:
            journal.add_entry(person.id, date(2026, 11, 28) - timedelta(days=ago), "Visit.")
    rows, _drafts = read_people(journal, date(2026, 11, 28), "en")
    for width in (78, 98):
        texts = ["".join(t for t, _ in row.lines(width)[0]) for row in rows]
        assert all(cell_len(text) <= width for text in texts)
        starts = {text.index(row.ago) for text, row in zip(texts, rows, strict=True)}
        assert len(starts) == 1, texts
        ends = {cell_len(text.rstrip()) for text in texts}
        assert ends == {width}, texts  # the counts end on the same column
    assert translate("people.col_count", "en") == "Entries"
