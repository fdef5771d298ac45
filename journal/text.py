"""Text helpers shared by people lookup, search and the views: folding and cleaning."""

from __future__ import annotations

import json
import re
import unicodedata

# What a terminal may execute or what hides or reorders text, in one compiled pattern
# (a per-character loop cost ~0.2 s on a long story):
# - C0 controls but tab and newline, DEL, and the C1 block (0x80-0x9F: 0x9B is a CSI,
#   0x9D an OSC on terminals that read 8-bit controls);
# - lone surrogates (a byte that was not UTF-8, kept by surrogateescape; a strict UTF-8
#   stream cannot encode them, a lenient one writes the raw byte back);
# - bidi embeddings, overrides, isolates and marks (U+202A-202E, U+2066-2069,
#   U+200E/F, U+061C): "‮exe.txt" reads as "txt.exe";
# - zero-width characters (U+200B-200D, U+2060, U+FEFF): two names that look the same.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)


class _CombiningMarks(dict):
    """For `str.translate`: a combining mark is removed (None), any other character kept
    (itself); each character is asked of `unicodedata` once, then looked up in C."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_COMBINING_MARKS = _CombiningMarks()


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Électricité' → 'electricite', 'Œ' → 'oe'.

    (A generator over the characters took most of the people list's time at 5,000.)
    ASCII has no accents and nothing for NFKD to change: its folded form is its
    casefold, found without the normalization (three names in four, in the list)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = decomposed.translate(_COMBINING_MARKS)
    return stripped.replace("œ", "oe").replace("æ", "ae")


def strip_controls(text: str) -> str:
    """The one sanitizer: every character of `UNSAFE_CHARACTERS` becomes '�'.

    Text a worker pasted, or a file changed behind Dentelle's back, may carry terminal
    escape sequences (window title, clipboard writes), bidi overrides or invisible
    characters. Every view shows user text through this function (the CLI's and the
    app's `clean`, search extracts, exports); this is the one place that decides what
    is unsafe. One character for one, so offsets computed on the stored text (search
    matches, the check's marks) still point at the same characters; '�' because every
    font has it and it is what terminals and browsers already show for what they cannot
    display. Newlines and tabs are kept (note bodies); names go on one line by
    splitting on whitespace after this.
    """
    return UNSAFE_CHARACTERS.sub("\N{REPLACEMENT CHARACTER}", text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(value: object) -> str:
    """`value` as indented JSON for a terminal or a pipe: letters kept as they are (not
    `ensure_ascii`), but every unsafe character escaped `\\u009b`-style, so the data
    stays exact for a script and inert on a screen. JSON's own structure is ASCII: the
    unsafe characters can only be inside strings, where the escape means the same."""
    dumped = json.dumps(value, ensure_ascii=False, indent=2)
    return UNSAFE_CHARACTERS.sub(_escape, dumped)


Span = tuple[int, int]


def excerpts(text: str, spans: list[Span], width: int = 200) -> list[tuple[str, list[Span]]]:
    """Pieces of `text` of at most `width` characters around `spans` (start, end): each
    piece and where its spans are in it. Spans close enough share a piece; a cut is
    made at a space and said with '…'. A text without punctuation may be one 80 KB
    sentence: quoting it whole for each word found in it printed 348 MB."""
    found: list[tuple[str, list[Span]]] = []
    group: list[Span] = []
    for span in sorted(spans):
        if group and span[1] - group[0][0] > width // 2:
            found.append(_excerpt(text, group, width))
            group = []
        group.append(span)
    if group:
        found.append(_excerpt(text, group, width))
    return found


def _excerpt(text: str, group: list[Span], width: int) -> tuple[str, list[Span]]:
    first, last = group[0][0], max(end for _, end in group)
    room = max(0, width - 2 - (last - first))  # 2: the '…' either side
    before = room // 2
    start = max(0, first - before)
    end = min(len(text), last + room - (first - start))
    start = max(0, min(start, first - (room - (end - last))))
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", last, end)
        end = space if space >= 0 else end
    while start < first and text[start].isspace():
        start += 1
    while end > last and text[end - 1].isspace():
        end -= 1
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    return lead + text[start:end] + tail, [(a + shift, b + shift) for a, b in group]
