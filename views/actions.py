"""What the app's own keys and palette entries open.

Bindings such as `app.backup` or `app.forget_person` (the app's, the people list's and
the timeline's) call `DentelleApp.action_…` (views/shell.py), which hands over to the
functions here; the palette (views/commands.py) calls them too. Each opens a screen
over the people list, or a dialog about the person in view
(`DentelleScreen.person_in_view`). Screens are imported when first opened, not with
the app: the unlock screen shows sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from views.screens.base import DentelleScreen

if TYPE_CHECKING:
    from journal.model import Draft
    from journal.search import Hit
    from views.shell import DentelleApp


def person_in_view(app: DentelleApp, screen: Screen | None = None) -> tuple[str, str] | None:
    """(id, cleaned name) of the person shown or highlighted on `screen` (the app's)."""
    screen = screen or app.screen
    return screen.person_in_view() if isinstance(screen, DentelleScreen) else None


# -- moving about -----------------------------------------------------------------------


def open_help(app: DentelleApp) -> None:
    from views.screens.help import HelpScreen

    if not isinstance(app.screen, HelpScreen):
        app.push_screen(HelpScreen(app.screen))


async def add_person(app: DentelleApp) -> None:
    await app.show_people()
    people = app.people_screen()
    if people is not None:
        people.action_add_person()


async def show_drafts(app: DentelleApp) -> None:
    await app.show_people()
    people = app.people_screen()
    if people is not None:
        people.offer_drafts(always=True)


async def resume_draft(app: DentelleApp, draft: Draft) -> None:
    """Back to writing a draft: in the person's story, or in the practice journal."""
    from journal.store.practice import PRACTICE

    if draft.person_id == PRACTICE:  # a practice note being written
        await open_practice(app, resume=draft)
        return
    await app.show_person(draft.person_id, draft=draft)


# -- the worker's own work: search, practice journal, who may come soon -----------------


def open_search(app: DentelleApp) -> None:
    """`/` and "recherche : Chercher…": every story; Enter opens the entry in its timeline,
    above the results (Escape there comes back to them)."""
    from views.screens.search import ChosenSearchScreen
    from views.screens.timeline import TimelineScreen

    app.ensure_reflect_started()  # searching before the delayed start: start it now
    keeper = app.search_keeper
    if app.journal is None or keeper.index is None:
        return

    async def chosen(hit: Hit) -> None:
        if app.journal is not None:
            await app.push_screen(TimelineScreen(hit.person_id, select=hit.id))

    app.push_screen(
        ChosenSearchScreen(keeper.search_all, chosen, lang=app.lang, progress=keeper.progress)
    )


async def open_practice(app: DentelleApp, resume: Draft | None = None) -> None:
    """`j`, the palette, or a practice draft resumed: the journal above the people list."""
    from views.screens.practice import PracticeScreen

    if app.journal is None:
        return
    if resume is None and isinstance(app.screen, PracticeScreen):
        return
    await app.show_people()
    await app.push_screen(PracticeScreen(resume=resume))


async def new_practice_note(app: DentelleApp) -> None:
    from views.screens.practice import PracticeScreen

    await open_practice(app)
    if isinstance(app.screen, PracticeScreen):
        app.screen.action_new_note()


async def open_soon(app: DentelleApp) -> None:
    from views.screens.soon import SoonScreen

    if app.journal is not None and not isinstance(app.screen, SoonScreen):
        await app.push_screen(SoonScreen())


# -- the person's rights, and the backup ---------------------------------------------------


async def open_review(app: DentelleApp) -> None:
    from views.screens.review import ReviewScreen

    if app.journal is None or isinstance(app.screen, ReviewScreen):
        return
    await app.show_people()
    await app.push_screen(ReviewScreen())


def open_backup(app: DentelleApp) -> None:
    """The backup window: it finds the key, or shows the backup under way."""
    from views.screens.backup import BackupScreen

    if app.journal is not None and not app.backups.window_open:
        app.push_screen(BackupScreen())


def export_person(app: DentelleApp, person_id: str, name: str) -> None:
    from views.screens.export import ExportScreen

    if app.journal is not None:
        app.push_screen(ExportScreen(person_id, name))


def forget_person(app: DentelleApp, person_id: str, name: str) -> None:
    """Ask (the name typed back), erase; the app then closes whatever showed them."""
    from views.screens.forget import ForgetScreen

    if app.journal is not None:
        app.push_screen(ForgetScreen(person_id, name))


def rename_person(app: DentelleApp, person_id: str, name: str) -> None:
    """F2 on the list, `p` on a story, the palette: the name and profile form; saving
    posts `PersonChanged`, and the list, the index and an open story follow."""
    from views.screens.dialogs import PersonFormScreen

    journal = app.journal
    if journal is not None:
        app.push_screen(PersonFormScreen(journal.person(person_id)))


def remove_or_forget(app: DentelleApp, person_id: str, name: str) -> None:
    """ctrl+d: someone with nothing written is simply removed (asked once); someone
    with notes goes to the erasure, the name typed back."""
    journal = app.journal
    if journal is None:
        return
    if journal.has_writing(person_id):
        forget_person(app, person_id, name)
    else:
        remove_person(app, person_id, name)


def remove_person(app: DentelleApp, person_id: str, name: str) -> None:
    """Remove someone added by mistake, once asked; with notes, say where erasure is."""
    from views.messages import PersonRemoved
    from views.screens.dialogs import ConfirmScreen

    journal = app.journal
    if journal is None:
        return
    if journal.has_writing(person_id):
        app.notify(app.t("remove.app.has_notes", name=name), markup=False, timeout=10)
        return

    def answered(choice: str | None) -> None:
        if choice != "remove" or app.journal is None:
            return
        app.journal.remove_person(person_id)
        app.post_message(PersonRemoved(person_id, name))

    question = app.t("remove.app.question", name=name)
    choices = [
        ("keep", app.t("remove.app.keep"), "escape"),
        ("remove", app.t("remove.app.remove"), "r"),
    ]
    app.push_screen(ConfirmScreen(question, choices), answered)


def show_consultations(app: DentelleApp, person_id: str, name: str) -> None:
    from views.screens.consultations import ConsultationsScreen

    if app.journal is not None:
        app.push_screen(ConsultationsScreen(person_id, name))


# -- handing a story over (issue 14) ------------------------------------------------------


def open_colleagues(app: DentelleApp) -> None:
    """The palette's "Ma carte et mes collègues…"."""
    from views.screens.colleagues import ColleaguesScreen

    if app.journal is not None:
        app.push_screen(ColleaguesScreen())


def open_receive(app: DentelleApp) -> None:
    """The palette's "Recevoir une transmission…"; the story received then opens."""
    from views.screens.handover import ReceiveScreen

    def received(person_id: str | None) -> None:
        if person_id and app.journal is not None:
            app.call_later(app.show_person, person_id)

    if app.journal is not None:
        app.push_screen(ReceiveScreen(), received)
