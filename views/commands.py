"""The command palette (ctrl+p): the app's entries, and "person: Open… <name>" for everyone.

Entries are "group: Action" in the worker's language (`cmd.*` in the catalogues); those
about the person in view name them ("personne : Exporter l'histoire de Mme B…").
While the vault is locked only help, theme and quit are offered. There is no
"Screenshot" entry: Textual's would write an SVG of the screen, notes and names
included, to disk.

The names come from the people list already decrypted (`DentelleApp.people_for_palette`),
so opening the palette costs no decryption, and nothing is offered while locked.
Names are passed as `Content` and never through `Matcher.highlight`, both of which
would otherwise parse a name like "[@click=app.quit]" as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from views import actions
from views.screens.base import DentelleScreen
from views.ui import palette_name

if TYPE_CHECKING:
    from views.shell import DentelleApp


def system_commands(app: DentelleApp, screen: Screen) -> Iterable[SystemCommand]:
    """The palette's entries over `screen`: its own first, then the app's."""
    t = app.t
    if app.journal is not None:
        if isinstance(screen, DentelleScreen):
            yield from screen.palette_commands()
        yield SystemCommand(t("cmd.people"), t("cmd.people.help"), app.show_people)
        yield SystemCommand(
            t("cmd.person_add"), t("cmd.person_add.help"), partial(actions.add_person, app)
        )
        yield SystemCommand(
            t("cmd.drafts"), t("cmd.drafts.help"), partial(actions.show_drafts, app)
        )
        yield SystemCommand(t("cmd.lock"), t("cmd.lock.help"), app.action_lock)
        yield SystemCommand(t("cmd.search"), t("cmd.search.help"), app.action_search)
        yield SystemCommand(t("cmd.practice"), t("cmd.practice.help"), app.action_practice)
        yield SystemCommand(
            t("cmd.practice_new"),
            t("cmd.practice_new.help"),
            partial(actions.new_practice_note, app),
        )
        yield SystemCommand(t("cmd.soon"), t("cmd.soon.help"), app.action_soon)
        yield SystemCommand(t("cmd.rights.backup"), t("cmd.rights.backup.help"), app.action_backup)
        yield SystemCommand(t("cmd.rights.review"), t("cmd.rights.review.help"), app.action_review)
        yield SystemCommand(
            t("cmd.colleagues"), t("cmd.colleagues.help"), partial(actions.open_colleagues, app)
        )
        yield SystemCommand(
            t("cmd.receive"), t("cmd.receive.help"), partial(actions.open_receive, app)
        )
        person = actions.person_in_view(app, screen)
        if person is not None:  # entries about them name them: "Exporter l'histoire de …"
            name = palette_name(person[1])
            for key, act in (
                ("cmd.person_rename", actions.rename_person),
                ("cmd.rights.export", actions.export_person),
                ("cmd.person_remove", actions.remove_person),
                ("cmd.rights.forget", actions.forget_person),
            ):
                yield SystemCommand(t(key, name=name), t(f"{key}.help"), partial(act, app, *person))
    yield SystemCommand(t("cmd.help"), t("cmd.help.help"), app.action_help)
    yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), app.action_change_theme)
    yield SystemCommand(t("cmd.dark"), t("cmd.dark.help"), app.action_toggle_dark)
    yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), app.exit)


class PeopleCommands(Provider):
    """One hit per person; choosing it opens their story."""

    @property
    def dentelle(self) -> DentelleApp:
        return cast("DentelleApp", self.app)

    async def startup(self) -> None:
        app = self.dentelle
        self._people: list[tuple[str, str]] = app.people_for_palette()
        self._prefix = app.t("cmd.person_open")
        self._help = app.t("cmd.person_open.help")

    def _open(self, person_id: str):
        return partial(self.dentelle.show_person, person_id)

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
