"""Text helpers shared by people lookup, search and the views: folding and cleaning."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, and the C1 block (0x80-0x9F): what a terminal
# may execute. One compiled pattern: a per-character loop cost ~0.2 s on a long story.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    return CONTROL_CHARACTERS.sub("\N{REPLACEMENT CHARACTER}", text)
