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

from views.ui import Localized

Piece = tuple[str, str]
"""Text and a style name ("" for the plain style, else a `line-list--…` suffix)."""
Line = tuple[Piece, ...]

GUTTER = 2
FIRST_MARK, NEXT_MARK, NO_MARK = "▶ ", "│ ", "  "


class Row(Protocol):
    """Anything the list can show: it says whether the cursor stops on it."""

    selectable: bool

    def lines(self, width: int) -> list[Line]: ...


class LineList(Localized, ScrollView, can_focus=True):
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

    class LaidOut(Message):
        """The rows were laid out for a new width (headers above the list follow it)."""

        def __init__(self, line_list: LineList, width: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.width = width

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, start_at_end: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.start_at_end = start_at_end
        self._rows: Sequence[Row] = ()
        self._selectable: list[int] = []
        self._lines: list[Line] = []
        self._line_row: list[int] = []
        self._row_start: list[int] = []
        self._laid_out_width = -1
        self._announced_width = -1
        self._first_row = 0
        """Rows before this one are not laid out yet (see `set_rows`)."""
        self.painted = 0
        """How many lines were drawn: lets the benchmark see the first paint."""

    # -- content ------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[Row], cursor: int | None = None) -> None:
        """Replace every row; put the cursor on `cursor` (or the first/last selectable).

        A list that opens at its end (the timeline) first lays out only the rows that
        fill the last two screens, paints them, then lays out the rest right after:
        the worker sees the newest entries ~40 ms sooner on a 1,000-entry story.
        """
        self._rows = rows
        self._selectable = [i for i, row in enumerate(rows) if row.selectable]
        if cursor is None or cursor not in self._selectable:
            if not self._selectable:
                cursor = -1
            else:
                cursor = self._selectable[-1 if self.start_at_end else 0]
        at_end = self.start_at_end and cursor == (self._selectable[-1] if self._selectable else -1)
        self._laid_out_width = -1
        height = self.scrollable_content_region.height
        self._layout(tail_lines=2 * height if at_end and height > 0 else None)
        self.cursor = cursor
        if at_end:
            self.scroll_end(animate=False, immediate=True, x_axis=False)
            # Again once the size is final (a first layout may still change it).
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True, x_axis=False)
        self.refresh()
        if self._first_row > 0:
            self.call_after_refresh(self._complete_layout)
        elif self._laid_out_width < 0:  # not sized yet: lay out once the size is known
            self.call_after_refresh(self._layout_when_sized)

    def _layout_when_sized(self) -> None:
        if self._laid_out_width < 0 and self._content_width() > 0:
            self._layout()
            self._scroll_to_cursor()
            self.refresh()

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width - GUTTER)

    def _layout(self, tail_lines: int | None = None) -> None:
        """Lay out every row, or only the last rows that make at least `tail_lines`."""
        width = self._content_width()
        if width <= 0 or (width == self._laid_out_width and self._first_row == 0):
            return
        rows = self._rows
        first = 0
        if tail_lines is None:
            laid = [row.lines(width) for row in rows]
        else:
            laid = []
            count = 0
            for index in range(len(rows) - 1, -1, -1):
                laid.append(rows[index].lines(width))
                count += len(laid[-1])
                if count >= tail_lines:
                    first = index
                    break
            laid.reverse()
        lines: list[Line] = []
        line_row: list[int] = []
        starts: list[int] = [0] * first
        for offset, row_lines in enumerate(laid):
            starts.append(len(lines))
            lines.extend(row_lines)
            line_row.extend([first + offset] * len(row_lines))
        self._lines, self._line_row, self._row_start = lines, line_row, starts
        self._first_row = first
        self._laid_out_width = width
        self.virtual_size = Size(0, len(lines))
        if width != self._announced_width:
            self._announced_width = width
            self.post_message(self.LaidOut(self, width))

    def _complete_layout(self) -> None:
        """Lay out the rows above the tail, keeping the same lines in view."""
        if self._first_row == 0:
            return
        before, top = len(self._lines), self.scroll_offset.y
        self._laid_out_width = -1
        self._layout()
        self.scroll_to(y=top + len(self._lines) - before, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._content_width() != self._laid_out_width:
            self._layout()
            self.refresh()
        # Also when only the height changed (a header line above appeared): the row under
        # the cursor stays in view.
        self._scroll_to_cursor()

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
        # force: right after `set_rows` the scrollbar is not there yet (the first layout
        # saw no rows), and without it Textual ignores the scroll: a story opened at an
        # entry from a search would show its first lines instead of that entry.
        if start < top:
            self.scroll_to(y=start, animate=False, immediate=True, force=True)
        elif end > top + height:
            self.scroll_to(y=min(start, end - height), animate=False, immediate=True, force=True)

    def action_move(self, delta: int) -> None:
        self._complete_layout()
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
        self._complete_layout()
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
        self._complete_layout()
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
        self._complete_layout()
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
