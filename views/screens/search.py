"""The search screen (`/`): type words, see the matching entries of every story, newest first.

`SearchScreen` stands on its own: it is given a search function, which it calls in a
thread worker 150 ms after the last keystroke (and again every half second while the
hits say `complete=False`), and, while the index is still loading, a progress function
("n of m entries searched"). It posts `SearchScreen.HitChosen` when the worker opens a
hit (Enter, or a click) and leaves what happens next to whoever opened it:
`ChosenSearchScreen` takes that as a function (the app opens the entry in its
timeline, views/actions.py; the practice journal shows the note), which pushes its
screen on top of the search: Escape there comes back to the results as they were
(the query, the list, the row). Coming back searches again, quietly: an entry edited
or deleted meanwhile shows as it now is, and the row stays on the same entry. Its
looks are in app.tcss.

Every piece of a worker's text (names, extracts) reaches the screen as `rich.text.Text`
built from `strip_controls`-ed strings, never as markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from journal import dates
from journal.i18n import count, plural, register, translate
from journal.search import Hit
from journal.text import strip_controls
from views.ui import localize_bindings

register(
    {
        "search.placeholder": {
            "fr": 'Chercher dans toutes les histoires ("guillemets" pour une expression)',
            "en": 'Search every story ("quotes" for a phrase)',
        },
        "search.prompt": {
            "fr": (
                "Tapez des mots entiers (accents et majuscules n'y changent rien) ; caf* "
                "pour les mots qui commencent par caf ; un sigle en capitales, CAF, reste "
                "le mot entier."
            ),
            "en": (
                "Type whole words (accents and capitals make no difference); caf* for "
                "words that start with caf; an acronym in capitals, CAF, stays the whole "
                "word."
            ),
        },
        "search.none": {
            "fr": "Aucune note ne contient « {query} ».",
            "en": "No entry contains “{query}”.",
        },
        "search.count": {"fr": "{n} notes", "en": "{n} entries"},
        "search.count.one": {"fr": "{n} note", "en": "{n} entry"},
        "search.shown": {
            "fr": "{entries} ; les {shown} plus récentes sont affichées",
            "en": "{entries}; the newest {shown} are shown",
        },
        "search.loading": {
            "fr": " (recherche : {done} sur {total_text}, la suite arrive…)",
            "en": " ({done} of {total_text} searched so far, more coming…)",
        },
        "key.search.close": {"fr": "Fermer", "en": "Close"},
        "key.search.close.tip": {
            "fr": "Revenir à l'écran précédent",
            "en": "Back to the previous screen",
        },
        "key.search.open": {"fr": "Ouvrir", "en": "Open"},
        "key.search.open.tip": {
            "fr": "Ouvrir cette note dans l'histoire de la personne",
            "en": "Open this entry in the person's story",
        },
    }
)

SearchFunction = Callable[[str], Sequence[Hit]]
DEBOUNCE_SECONDS = 0.15
RETRY_SECONDS = 0.5


def hit_prompt(hit: Hit, lang: str) -> Text:
    """Two lines: the day and the person, then the extract with the words marked."""
    heading = Text(dates.format_day(hit.entry.occurred_on, lang), style="bold")
    heading.append("  ·  ")
    heading.append(" ".join(strip_controls(hit.person).split()))
    extract = Text(strip_controls(hit.snippet))
    for start, end in hit.matches:
        extract.stylize("bold reverse", start, end)
    return Text("\n").join([heading, extract])


class SearchScreen(Screen[None]):
    """Search every story; Enter opens the highlighted hit (`HitChosen`), Escape closes."""

    BINDING_GROUP_TITLE = "key.group.search"
    BINDINGS = [
        Binding("escape", "close", "key.search.close", id="search.close"),
        Binding("down", "focus_results", show=False),
    ]

    class HitChosen(Message):
        """The worker picked a hit: the app opens `hit.entry` in `hit.person_id`'s timeline."""

        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    class Searched(Message):
        """A search finished in the worker thread (handled here, on the app's thread)."""

        def __init__(self, text: str, hits: Sequence[Hit]) -> None:
            super().__init__()
            self.text = text
            self.hits = hits

    def __init__(
        self,
        search: SearchFunction,
        *,
        lang: str = "fr",
        progress: Callable[[], tuple[int, int]] | None = None,
        query: str = "",
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self._search = search
        self._progress = progress
        self._initial_query = query
        self.lang = lang
        self.hits: list[Hit] = []
        self._shown_text: str | None = None  # the text `hits` answer
        self._requested: str | None = None  # the text last sent to `search`
        self._debounce: Timer | None = None
        self._retry: Timer | None = None
        localize_bindings(self, lang)

    def t(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)

    def compose(self) -> ComposeResult:
        yield Input(value=self._initial_query, placeholder=self.t("search.placeholder"))
        yield Static(Text(self.t("search.prompt")), id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self._initial_query.strip():
            self._start(self._initial_query)

    def on_screen_resume(self) -> None:
        """Back from an entry opened from here: the same results, read again."""
        if self._shown_text and self._shown_text == self.query_one(Input).value:
            self._start(self._shown_text)

    def forget_person(self, person_id: str) -> None:
        """A person was erased: their entries leave the results at once."""
        kept = [hit for hit in self.hits if hit.person_id != person_id]
        if len(kept) < len(self.hits) and self._shown_text is not None:
            self._show(self._shown_text, kept)

    @property
    def answered(self) -> bool:
        """The results shown are the final answer to what the field holds: no search
        under way, none waiting for the index to finish loading."""
        searching = any(w.node is self and not w.is_finished for w in self.workers)
        return (
            self._shown_text == self.query_one(Input).value
            and self._retry is None
            and not searching
        )

    # -- typing ----------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        if event.value == self._requested:
            return  # e.g. the initial query, searched on mount
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self._start(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if self.hits and event.value == self._shown_text:
            self.post_message(self.HitChosen(self.hits[results.highlighted or 0]))
        else:
            self._start(event.value)

    def _start(self, text: str) -> None:
        self._requested = text
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
        if not text.strip():
            self._show(text, [])
            return
        self._run(text)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run(self, text: str) -> None:
        self.post_message(self.Searched(text, self._search(text)))

    # -- results ---------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # A letter typed on the results goes on the query, as on the people list: no
        # letter acts here (the app's `s` opened "soon" over the results).
        field = self.query_one(Input)
        if event.is_printable and event.character and not field.has_focus:
            event.stop()
            event.prevent_default()
            field.focus()
            field.insert_text_at_cursor(event.character)

    @on(Searched)
    def _searched(self, event: Searched) -> None:
        if event.text != self.query_one(Input).value:
            return  # a slower, older search: its text is no longer what is typed
        self._show(event.text, event.hits)
        if not getattr(event.hits, "complete", True):
            self._retry = self.set_timer(RETRY_SECONDS, lambda: self._start(event.text))

    def _show(self, text: str, hits: Sequence[Hit]) -> None:
        results = self.query_one(OptionList)
        again = text == self._shown_text  # the same query, searched again
        before = self.hits[results.highlighted].id if again and self._highlighted() else None
        if not (again and _shown_as(hits) == _shown_as(self.hits)):
            results.clear_options()
            results.add_options(Option(hit_prompt(hit, self.lang)) for hit in hits)
            ids = [hit.id for hit in hits]
            if hits:
                results.highlighted = ids.index(before) if before in ids else 0
        self.hits = list(hits)
        self._shown_text = text
        self.query_one("#search-status", Static).update(Text(self._status(text, hits)))

    def _highlighted(self) -> bool:
        highlighted = self.query_one(OptionList).highlighted
        return highlighted is not None and 0 <= highlighted < len(self.hits)

    def _status(self, text: str, hits: Sequence[Hit]) -> str:
        if not text.strip():
            return self.t("search.prompt")
        total = getattr(hits, "total", len(hits)) or len(hits)
        if not hits:
            status = self.t("search.none", query=" ".join(strip_controls(text).split()))
        elif total > len(hits):
            status = self.t(
                "search.shown", entries=count("entries", total, self.lang), shown=len(hits)
            )
        else:
            status = plural("search.count", total, self.lang)
        if not getattr(hits, "complete", True) and self._progress is not None:
            done, expected = self._progress()
            status += self.t(
                "search.loading", done=done, total_text=count("entries", expected, self.lang)
            )
        return status

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.HitChosen(self.hits[event.option_index]))

    def action_focus_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)


class ChosenSearchScreen(SearchScreen):
    """The search screen, with what Enter on a hit does decided by whoever opened it."""

    def __init__(
        self,
        search: Callable[[str], Sequence[Hit]],
        chosen: Callable[[Hit], Awaitable[None] | None],
        *,
        lang: str,
        progress: Callable[[], tuple[int, int]] | None = None,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(search, lang=lang, progress=progress)
        self._chosen_hit = chosen
        self._placeholder = placeholder

    def on_mount(self) -> None:
        if self._placeholder:
            self.query_one(Input).placeholder = self._placeholder
        self.query_one(Input).cursor_blink = False

    @on(SearchScreen.HitChosen)
    def _open_hit(self, event: SearchScreen.HitChosen) -> None:
        """`chosen` pushes what shows the hit above this screen, which stays as it is."""
        event.stop()
        self.app.call_later(self._chosen_hit, event.hit)


def _shown_as(hits: Sequence[Hit]) -> list[tuple[str, str, str, tuple]]:
    """What the list shows of each hit: the same means nothing to redraw."""
    return [(hit.id, hit.person, hit.snippet, hit.matches) for hit in hits]
