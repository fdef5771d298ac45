import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from journal.text import excerpts, fold, safe_json, strip_controls

# What may reorder or hide text: bidi embeddings, overrides, isolates and marks, and the
# zero-width characters.
INVISIBLE = (
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def test_strip_controls_replaces_exactly_what_a_terminal_may_execute() -> None:
    for code in range(0x3000):
        char = chr(code)
        executable = unicodedata.category(char) == "Cc" and char not in "\n\t"
        expected = "\N{REPLACEMENT CHARACTER}" if executable or char in INVISIBLE else char
        assert strip_controls(char) == expected, hex(code)
    assert strip_controls("a\x1b]0;titre\x07b\n\tc") == "a�]0;titre�b\n\tc"


def test_strip_controls_shows_bidi_zero_width_and_lone_surrogates_one_for_one() -> None:
    for char in INVISIBLE:
        assert strip_controls(f"a{char}b") == "a�b", hex(ord(char))
    for code in (0xD800, 0xDBFF, 0xDC9B, 0xDFFF):
        assert strip_controls(f"a{chr(code)}b") == "a�b", hex(code)
    text = "Mallory\x9d0;PWNED\x9c\x9b2J \u202egnp.exe \udc9b"
    assert len(strip_controls(text)) == len(text)  # offsets (search, check) stay exact
    strip_controls(text).encode("utf-8")  # encodable under any UTF-8 stream
    assert strip_controls("Zoé 😀 אבג") == "Zoé 😀 אבג"


def test_safe_json_escapes_what_a_terminal_may_execute_and_keeps_text() -> None:
    value = {"name": "Zoé\x9b2J\u202e\udc9b\u200b", "text": "ligne\nà\tla ligne"}
    out = safe_json(value)
    for char in ("\x9b", "\u202e", "\udc9b", "\u200b"):
        assert char not in out
    assert "\\u009b" in out and "\\u202e" in out and "\\udc9b" in out and "\\u200b" in out
    assert "Zoé" in out  # text otherwise kept, not ASCII-escaped
    assert json.loads(out) == value  # nothing lost for a script


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Électricité ŒUVRE Ça") == "electricite oeuvre ca"


def test_excerpt_is_bounded_around_the_words_and_says_where_it_cuts() -> None:
    words = [f"mot{n}" for n in range(20_000)]
    words[10_000] = "agressif"
    text = " ".join(words)
    start = text.index("agressif")
    [(shown, marks)] = excerpts(text, [(start, start + 8)], width=200)
    assert len(shown) <= 200
    assert shown.startswith("…mot") and shown.endswith("…")  # cut at spaces, and said
    assert [shown[a:b] for a, b in marks] == ["agressif"]
    assert 60 < marks[0][0] < 140  # about the middle


def test_excerpt_keeps_a_short_text_whole_and_splits_distant_words() -> None:
    text = "Il était agressif au guichet."
    assert excerpts(text, [(9, 17)]) == [(text, [(9, 17)])]
    far = "agressif " + "mot " * 1_000 + "violent"
    found = excerpts(far, [(0, 8), (len(far) - 7, len(far))], width=100)
    assert [[shown[a:b] for a, b in marks] for shown, marks in found] == [
        ["agressif"],
        ["violent"],
    ]
    assert all(len(shown) <= 100 for shown, _ in found)
    near = "Il était agressif et violent au guichet."
    [(shown, marks)] = excerpts(near, [(9, 17), (21, 28)])
    assert shown == near and marks == [(9, 17), (21, 28)]


def _reference_fold(text: str) -> str:
    """`fold` as first written (a generator over the characters): the definition."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae")


@given(st.text())
def test_fold_is_its_reference_definition(text: str) -> None:
    """The word index stores folded words: the faster `fold` must give the same ones."""
    assert fold(text) == _reference_fold(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_of_ascii_is_its_reference_definition(text: str) -> None:
    """ASCII takes a shorter path (no normalization): the same result."""
    assert fold(text) == _reference_fold(text)


def test_fold_of_names_in_several_scripts() -> None:
    for name in ("Élodie Œuvray", "Nguyễn Thị Ánh", "محمّد", "שָׁלוֹם", "Zoë Ærø"):
        assert fold(name) == _reference_fold(name)
    assert fold("Élodie Œuvray") == "elodie oeuvray"
