"""Text helpers shared by people lookup, search and the views: folding and cleaning."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Électricité' → 'electricite', 'Œ' → 'oe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae")


def strip_controls(text: str) -> str:
    """Replace control characters (C0 but newline and tab, DEL, C1, ESC) with '�'.

    Text a worker pasted may carry terminal escape sequences (window title, clipboard
    writes). Displaying them literally, never executing them, is the views' duty; this
    is the one place that decides what counts as a control character.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
            out.append("\N{REPLACEMENT CHARACTER}")
        else:
            out.append(ch)
    return "".join(out)
