"""Word wrapping for the lazy lists, fast enough for a 1,000-entry story.

Rich's `Text.wrap` costs ~0.7 s for 1,000 entries of ~1.7 KB here. This wrapper cuts
paragraphs made only of one-cell characters (nearly all French text) with `str.rfind`
at C speed, ~20 ms for the same story, and falls back to a word-by-word wrapper that
measures terminal cells (wide characters take two) for the rest. Words longer than a
line are cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len, chop_cells

try:  # Rich's own set of characters known to be one cell wide (Latin, Greek, Cyrillic…)
    from rich.cells import _SINGLE_CELLS as _RICH_SINGLE_CELLS
except ImportError:  # pragma: no cover
    _RICH_SINGLE_CELLS = frozenset(chr(c) for c in range(32, 127))

# Plus punctuation and symbols French notes use (’ « » – — … € №), all one cell wide;
# the line and paragraph separators U+2028/2029 and zero-width characters are left out.
_SINGLE_CELLS = _RICH_SINGLE_CELLS | frozenset(
    chr(c)
    for c in (
        *range(0x2010, 0x2028),
        *range(0x202F, 0x205F),
        *range(0x20A0, 0x20C1),
        *range(0x2100, 0x2150),
    )
)
_is_single_cells: Callable[[str], bool] = _SINGLE_CELLS.issuperset


# -- French spaces ---------------------------------------------------------------------
# French typography puts a space before ; : ! ? » and after «, between a number and € or
# %, and between the thousands of a number (1 450); a line never breaks there. Workers'
# notes and the catalogues are written with ordinary spaces (a worker types them so; the
# catalogues stay greppable and the practice journal's questions go into notes as they
# are): the rule is applied when text is laid out, to what the app says and to the
# worker's text alike, and nothing stored changes. No-break spaces already in a text
# (U+00A0, U+202F, U+2007) are honoured too, which Rich and Textual do not do on their
# own (they break at any Unicode space).
NO_BREAK = "\u00a0\u202f\u2007"
GLUED_SPACE = re.compile(r" (?=[;:!?»€%])|(?<=«) |(?<=\d) (?=\d{3}\b)")
"""An ordinary space a line must not break at."""
_GLUE = rf"[{NO_BREAK}]| (?=[;:!?»€%])|(?<=«) |(?<=\d) (?=\d{{3}}\b)"
_BREAKABLE = rf"[^\S{NO_BREAK}]"
RICH_WORD = re.compile(rf"{_BREAKABLE}*(?:\S|{_GLUE})+{_BREAKABLE}*")
"""`rich._wrap.re_word` (every Static), with the glued spaces inside words."""
TEXTUAL_CHUNK = re.compile(rf"(?:\S|{_GLUE})+{_BREAKABLE}*|{_BREAKABLE}+")
"""`textual._wrap.re_chunk` (the text areas' soft wrap), likewise."""


def keep_french_spaces() -> None:
    """Teach Rich's and Textual's word wrapping the glued spaces (called as the app
    starts). Their word patterns are module globals read at each call; the pinned
    versions are checked by tests/views/test_app_layout.py."""
    import rich._wrap
    import textual._wrap

    rich._wrap.re_word = RICH_WORD
    textual._wrap.re_chunk = TEXTUAL_CHUNK


def _cut_single_cells(paragraph: str, width: int) -> list[str]:
    """Greedy wrap of a paragraph whose every character is one cell wide."""
    lines: list[str] = []
    pos, end = 0, len(paragraph)
    while end - pos > width:
        cut = paragraph.rfind(" ", pos, pos + width + 1)
        if cut <= pos:  # no space in reach: a word longer than the line
            lines.append(paragraph[pos : pos + width])
            pos += width
        else:
            lines.append(paragraph[pos:cut].rstrip(" "))
            pos = cut + 1
        while pos < end and paragraph[pos] == " ":
            pos += 1
    lines.append(paragraph[pos:])
    return lines


def _wrap_measured(paragraph: str, width: int) -> list[str]:
    """Greedy wrap counting terminal cells, for text with wide or unusual characters."""
    lines: list[str] = []
    line = ""
    length = 0
    for word in paragraph.split(" "):
        size = cell_len(word)
        if not line:
            line, length = word, size
        elif length + 1 + size <= width:
            line += " " + word
            length += 1 + size
        else:
            lines.append(line)
            line, length = word, size
        if length > width:  # a word longer than the line: cut it
            pieces = chop_cells(line, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
            length = cell_len(line)
    lines.append(line)
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` cells; blank lines kept, tabs as spaces."""
    width = max(1, width)
    out: list[str] = []
    for paragraph in text.replace("\t", "    ").split("\n"):
        paragraph = GLUED_SPACE.sub("\u00a0", paragraph.rstrip())  # drawn alike, never cut
        if _is_single_cells(paragraph):
            if len(paragraph) <= width:
                out.append(paragraph)
            else:
                out.extend(_cut_single_cells(paragraph, width))
        elif cell_len(paragraph) <= width:
            out.append(paragraph)
        else:
            out.extend(_wrap_measured(paragraph, width))
    return out


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis, then padded to exactly `width`."""
    if width <= 0:
        return ""
    size = cell_len(text)
    if size > width:
        text = chop_cells(text, max(1, width - 1))[0] + "…"
        size = cell_len(text)
    return text + " " * max(0, width - size)
