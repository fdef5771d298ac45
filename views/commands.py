"""The command palette's dynamic hits: "person: Open… <name>" for everyone.

The names come from the people list already decrypted (`DentelleApp.people_for_palette`),
so opening the palette costs no decryption, and nothing is offered while locked.
Names are passed as `Content` and never through `Matcher.highlight`, both of which
would otherwise parse a name like "[@click=app.quit]" as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from journal.i18n import translate


class PeopleCommands(Provider):
    """One hit per person; choosing it opens their story."""

    async def startup(self) -> None:
        app = self.app
        self._people: list[tuple[str, str]] = app.people_for_palette()  # type: ignore[attr-defined]
        lang = getattr(app, "lang", "fr")
        self._prefix = translate("cmd.person_open", lang)
        self._help = translate("cmd.person_open.help", lang)

    def _open(self, person_id: str):
        return partial(self.app.show_person, person_id)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for person_id, name in self._people[:50]:
            title = f"{self._prefix} {name}"
            yield DiscoveryHit(Content(title), self._open(person_id), text=title, help=self._help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for person_id, name in self._people:
            title = f"{self._prefix} {name}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Content(title), self._open(person_id), text=title, help=self._help)
