"""Word wrapping for the lazy lists, fast enough for a 1,000-entry story.

Rich's `Text.wrap` costs ~0.5 s for 1,000 entries of ~900 characters here; this greedy
wrapper costs ~60 ms, which keeps opening a long story under the 300 ms target. It
counts terminal cells (wide characters take two) and cuts words longer than a line.
"""

from __future__ import annotations

from rich.cells import cell_len, chop_cells

try:  # a private fast path of Rich: a set of characters known to be one cell wide
    from rich.cells import _is_single_cell_widths
except ImportError:  # pragma: no cover

    def _is_single_cell_widths(text: str) -> bool:
        return False


def _wrap_paragraph(paragraph: str, width: int, measure) -> list[str]:
    lines: list[str] = []
    line = ""
    length = 0
    for word in paragraph.split(" "):
        size = measure(word)
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
            length = measure(line)
    lines.append(line)
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` cells; blank lines kept, tabs as spaces."""
    width = max(1, width)
    narrow = _is_single_cell_widths(text)
    measure = len if narrow else cell_len
    out: list[str] = []
    for paragraph in text.replace("\t", "    ").split("\n"):
        paragraph = paragraph.rstrip()
        if measure(paragraph) <= width:
            out.append(paragraph)
        else:
            out.extend(_wrap_paragraph(paragraph, width, measure))
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
