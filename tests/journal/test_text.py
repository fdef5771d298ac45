import unicodedata

from journal.text import fold, strip_controls


def test_strip_controls_replaces_exactly_what_a_terminal_may_execute() -> None:
    for code in range(0x3000):
        char = chr(code)
        executable = unicodedata.category(char) == "Cc" and char not in "\n\t"
        expected = "\N{REPLACEMENT CHARACTER}" if executable else char
        assert strip_controls(char) == expected, hex(code)
    assert strip_controls("a\x1b]0;titre\x07b\n\tc") == "a�]0;titre�b\n\tc"


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Électricité ŒUVRE Ça") == "electricite oeuvre ca"
