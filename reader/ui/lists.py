"""The base of the reader's lists (photos, quotes, summary sentences): long options wrap, and stay whole."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """An OptionList that measures its wrapped options again when its scrollbar comes or goes,
    and moves with ``j`` / ``k`` as the article does.

    Textual's OptionList keeps each option's height (and rendering) until the
    widget is resized. A vertical scrollbar narrows the text without a resize:
    an option that then wraps to one line more would lose its last line.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Next item", show=False, id="list.down"),
        Binding("k", "cursor_up", "Previous item", show=False, id="list.up"),
    ]

    def _move_page(self, direction: int) -> None:
        """Page up / down; nothing while the list has no room on screen (Textual would raise KeyError)."""
        if (self.highlighted or 0) in self._index_to_line:
            super()._move_page(direction)  # type: ignore[arg-type]

    def watch_show_vertical_scrollbar(self) -> None:
        """Measure and render the options again at the new text width."""
        self._clear_caches()  # what OptionList does on a resize
