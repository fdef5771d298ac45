"""Small helpers every part of the app uses: safe text, and the worker's language.

Bindings are declared with a catalogue key as their description ("key.people.add")
because the language is chosen per app instance (tests run French and English apps in
the same process), so the descriptions are translated on each instance, once, when a
`Localized` screen or widget is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from textual._context import active_app
from textual.content import Content
from textual.markup import escape

from journal.i18n import MESSAGES, translate
from journal.i18n import plural as plural  # re-exported: the screens take it from here
from journal.text import fold, strip_controls
from views import (  # noqa: F401  (the app's messages)
    app_strings,
    handover_strings,
    reflect_strings,
    rights_strings,
)

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from journal.model import Person

KEY_PREFIX = "key."


def clean(text: str) -> str:
    """A worker's text made safe to draw: control characters become '�'.

    Rich strips only a few control bytes; an escape sequence pasted into a note would
    otherwise reach the terminal (window title, clipboard write).
    """
    return strip_controls(text)


def one_line(text: str) -> str:
    """`clean`, on one line: for names in lists, titles and the palette."""
    return " ".join(clean(text).split())


def tells_apart(person: Person, lang: str, width: int = 30) -> str:
    """What tells a person from someone of the same name: the start of their profile
    and the start of their id (the CLI takes the id where a name is ambiguous)."""
    profile = one_line(person.profile)
    if len(profile) > width:
        profile = profile[: width - 1].rstrip() + "…"
    profile = profile or translate("people.no_profile", lang)
    return translate("people.tells_apart", lang, profile=profile, id=person.id[:8])


def listed_names(people: Iterable[Person], lang: str) -> dict[str, str]:
    """Each person's name as a list shows it (by id): with what tells them apart
    (`tells_apart`) when someone else has the same name, the name alone otherwise."""
    people = list(people)
    same = Counter(fold(p.name.strip()) for p in people)
    return {
        p.id: f"{one_line(p.name)} · {tells_apart(p, lang)}"
        if same[fold(p.name.strip())] > 1
        else one_line(p.name)
        for p in people
    }


def palette_name(name: str) -> str:
    """A cleaned name inside a palette entry's title: the palette reads titles as markup,
    so "[b]" or "[@click=app.quit]" in a name is escaped, shown as typed."""
    return escape(name)


def literal(text: str) -> Content:
    """A worker's text as a `Content` that is never parsed as markup."""
    return Content(clean(text))


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Translate the descriptions and tooltips of `node`'s own bindings into `lang`.

    Descriptions that are catalogue keys ("key.…") are replaced; others (Textual's own,
    hidden from the footer) are left alone. The tooltip is the key + ".tip" when the
    catalogue has one.
    """
    bindings = node._bindings  # per-instance copy (DOMNode.__init__); pinned Textual 8.2.8
    for key, items in bindings.key_to_bindings.items():
        localized = []
        for binding in items:
            description = binding.description
            if description.startswith(KEY_PREFIX):
                tip_key = description + ".tip"
                binding = replace(
                    binding,
                    description=translate(description, lang),
                    tooltip=translate(tip_key, lang) if tip_key in MESSAGES else "",
                )
            localized.append(binding)
        bindings.key_to_bindings[key] = localized


def app_lang() -> str:
    """The running app's language, for nodes built before they are mounted."""
    try:
        return getattr(active_app.get(), "lang", "fr")
    except LookupError:
        return "fr"


class Localized:
    """Mixin for the app's screens and widgets (listed before the Textual class).

    `self.t(key, **params)` in the app's language, and the node's bindings translated
    into it as the node is built.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(cast("DOMNode", self), self.lang)

    @property
    def lang(self) -> str:
        return app_lang()

    def t(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)
