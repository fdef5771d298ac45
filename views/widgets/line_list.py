"""A lazy list of multi-line rows with a cursor: the people list and the timeline.

Why not `OptionList` or `ListView`: measured with Textual 8, an `OptionList` wraps and
measures every option up front (~480 ms for 1,000 long entries) and a `ListView` mounts
one widget per row (5 s for 1,000). Here rows are laid out as plain tuples of text
(`views.widgets.wrap`, ~60 ms for 1,000 long entries) and only the lines in view become
`Strip`s, through Textual's line API (`ScrollView.render_line`).

Rows never hold markup: each line is a tuple of `(text, style)` pieces whose text has
been through `views.ui.clean`, and the style is one of the component classes below.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from views.ui import app_lang, localize_bindings

Piece = tuple[str, str]
"""Text and a style name ("" for the plain style, else a `line-list--…` suffix)."""
Line = tuple[Piece, ...]

GUTTER = 2
FIRST_MARK, NEXT_MARK, NO_MARK = "▶ ", "│ ", "  "


class Row(Protocol):
    """Anything the list can show: it says whether the cursor stops on it."""

    selectable: bool

    def lines(self, width: int) -> list[Line]: ...


class LineList(ScrollView, can_focus=True):
    """Rows laid out once, drawn line by line; the cursor moves between selectable rows."""

    COMPONENT_CLASSES = {
        "line-list--cursor",
        "line-list--heading",
        "line-list--subheading",
        "line-list--muted",
        "line-list--gap",
        "line-list--strong",
        "line-list--mark",
    }

    DEFAULT_CSS = """
    LineList { height: 1fr; background: $surface; }
    LineList > .line-list--cursor { background: $boost; text-style: bold; }
    LineList:focus > .line-list--cursor { background: $accent 35%; text-style: bold; }
    LineList > .line-list--heading { color: $text-primary; text-style: bold; }
    LineList > .line-list--subheading { color: $text-secondary; text-style: bold underline; }
    LineList > .line-list--muted { color: $text-muted; }
    LineList > .line-list--gap { color: $text-muted; text-style: italic; }
    LineList > .line-list--strong { text-style: bold; }
    LineList > .line-list--mark { color: $text-accent; text-style: bold; }
    """

    BINDINGS = [
        Binding("up,k", "move(-1)", "key.list.up", show=False, id="list.up"),
        Binding("down,j", "move(1)", "key.list.down", show=False, id="list.down"),
        Binding("pageup", "page(-1)", "key.list.page_up", show=False, id="list.page-up"),
        Binding("pagedown", "page(1)", "key.list.page_down", show=False, id="list.page-down"),
        Binding("home", "jump(0)", "key.list.first", show=False, id="list.first"),
        Binding("end", "jump(-1)", "key.list.last", show=False, id="list.last"),
    ]

    cursor: reactive[int] = reactive(-1, always_update=True)
    """Index of the row under the cursor, or -1 when no row is selectable."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    class Selected(Message):
        """The worker chose a row (enter or a click on the row under the cursor)."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, start_at_end: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        localize_bindings(self, app_lang())
        self.start_at_end = start_at_end
        self._rows: Sequence[Row] = ()
        self._selectable: list[int] = []
        self._lines: list[Line] = []
        self._line_row: list[int] = []
        self._row_start: list[int] = []
        self._laid_out_width = -1
        self.painted = 0
        """How many lines were drawn: lets the benchmark see the first paint."""

    # -- content ------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def set_rows(self, rows: Sequence[Row], cursor: int | None = None) -> None:
        """Replace every row; put the cursor on `cursor` (or the first/last selectable)."""
        self._rows = rows
        self._selectable = [i for i, row in enumerate(rows) if row.selectable]
        self._laid_out_width = -1
        self._layout()
        if cursor is None or cursor not in self._selectable:
            if not self._selectable:
                cursor = -1
            else:
                cursor = self._selectable[-1 if self.start_at_end else 0]
        self.cursor = cursor
        if self.start_at_end and cursor == (self._selectable[-1] if self._selectable else -1):
            self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width - GUTTER)

    def _layout(self) -> None:
        width = self._content_width()
        if width <= 0 or width == self._laid_out_width:
            return
        lines: list[Line] = []
        line_row: list[int] = []
        starts: list[int] = []
        for index, row in enumerate(self._rows):
            starts.append(len(lines))
            row_lines = row.lines(width)
            lines.extend(row_lines)
            line_row.extend([index] * len(row_lines))
        self._lines, self._line_row, self._row_start = lines, line_row, starts
        self._laid_out_width = width
        self.virtual_size = Size(0, len(lines))

    def on_resize(self, event: events.Resize) -> None:
        if self._content_width() != self._laid_out_width:
            self._layout()
            self._scroll_to_cursor()
            self.refresh()

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        self.painted += 1
        row = self._line_row[index]
        selected = row == self.cursor
        line_style = base + self.get_component_rich_style("line-list--cursor") if selected else base
        if selected:
            mark = FIRST_MARK if self._row_start[row] == index else NEXT_MARK
            mark_style = line_style + self.get_component_rich_style("line-list--mark", partial=True)
        else:
            mark, mark_style = NO_MARK, base
        segments = [Segment(mark, mark_style)]
        for text, style_name in self._lines[index]:
            style: Style = line_style
            if style_name:
                style = line_style + self.get_component_rich_style(
                    f"line-list--{style_name}", partial=True
                )
            segments.append(Segment(text, style))
        return Strip(segments).crop_extend(0, width, line_style)

    # -- cursor -------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        if new >= 0:
            self.post_message(self.Highlighted(self, new))

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._row_start):
            start = self._row_start[row]
            end = self._row_start[row + 1] if row + 1 < len(self._row_start) else len(self._lines)
            for line in range(start, end):
                self.refresh_line(line - self.scroll_offset.y)

    def _scroll_to_cursor(self) -> None:
        if not (0 <= self.cursor < len(self._row_start)) or not self._lines:
            return
        start = self._row_start[self.cursor]
        end = (
            self._row_start[self.cursor + 1]
            if self.cursor + 1 < len(self._row_start)
            else len(self._lines)
        )
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if start < top:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > top + height:
            self.scroll_to(y=min(start, end - height), animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        if not self._selectable:
            return
        if self.cursor < 0:
            self.cursor = self._selectable[0]
            return
        position = bisect_left(self._selectable, self.cursor)
        position = max(0, min(len(self._selectable) - 1, position + delta))
        if self._selectable[position] != self.cursor:
            self.cursor = self._selectable[position]
        elif delta < 0 and position == 0:
            self.scroll_home(animate=False)  # show the headings above the first row
        elif delta > 0:
            self.scroll_end(animate=False)

    def action_page(self, direction: int) -> None:
        if not self._selectable or self.cursor < 0:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        target_line = self._row_start[self.cursor] + direction * height
        target_line = max(0, min(len(self._lines) - 1, target_line))
        row = self._line_row[target_line] if self._lines else 0
        position = (
            bisect_left(self._selectable, row)
            if direction > 0
            else bisect_right(self._selectable, row) - 1
        )
        position = max(0, min(len(self._selectable) - 1, position))
        self.cursor = self._selectable[position]

    def action_jump(self, where: int) -> None:
        if self._selectable:
            self.cursor = self._selectable[where]
            if where == 0:
                self.scroll_home(animate=False)
            else:
                self.scroll_end(animate=False)

    def action_select(self) -> None:
        if self.cursor >= 0:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self.scroll_offset.y + offset.y
        if not (0 <= line < len(self._line_row)):
            return
        row = self._line_row[line]
        if row not in self._selectable:
            return
        if row == self.cursor:
            self.action_select()
        else:
            self.cursor = row
