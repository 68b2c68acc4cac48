"""The base of the reader's lists (photos, quotes, summary sentences): long options wrap, and stay whole."""

from __future__ import annotations

from textual import _widget_navigation
from textual.binding import Binding
from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """An OptionList that measures its wrapped options again when its scrollbar comes or goes,
    and moves with ``j`` / ``k`` as the article does, stopping (and saying so) at its ends.

    Textual's OptionList keeps each option's height (and rendering) until the
    widget is resized. A vertical scrollbar narrows the text without a resize:
    an option that then wraps to one line more would lose its last line.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Next item", show=False, id="list.down"),
        Binding("k", "cursor_up", "Previous item", show=False, id="list.up"),
    ]

    END_NOTICE = "list"  # the kind of notice (one replaces the last)
    ITEM = "item"  # what an option is, for the notice at an end

    def _move_page(self, direction: int) -> None:
        """Page up / down; nothing while the list has no room on screen (Textual would raise KeyError)."""
        if (self.highlighted or 0) in self._index_to_line:
            super()._move_page(direction)  # type: ignore[arg-type]

    def watch_show_vertical_scrollbar(self) -> None:
        """Measure and render the options again at the new text width."""
        self._clear_caches()  # what OptionList does on a resize

    def _step(self, direction: _widget_navigation.Direction) -> None:
        """Move the highlight to the next enabled option; at an end, stay and say so."""
        if self.highlighted is None:
            self.highlighted = _widget_navigation.find_next_enabled(
                self.options, anchor=None, direction=direction
            )
            return
        target = _widget_navigation.find_next_enabled_no_wrap(
            self.options, anchor=self.highlighted, direction=direction
        )
        if target is None or target == self.highlighted:
            self.at_end(direction)
            return
        self.highlighted = target

    def at_end(self, direction: int) -> None:
        """Tell the reader that the list ends here (instead of wrapping round)."""
        where = "last" if direction > 0 else "first"
        message = f"This is the {where} {self.ITEM}"
        notice = getattr(self.screen, "notice", None)
        if notice is not None:
            notice(self.END_NOTICE, message, timeout=1.5)
        else:
            self.notify(message, timeout=1.5, markup=False)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)
