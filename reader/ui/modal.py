"""Dialogs that close once: keys typed ahead (``enter enter``, ``escape escape``) close one dialog only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    _Base = object


class DismissOnce(_Base):
    """Mixin for a screen (put it first): ``dismiss`` acts once, and only while the screen is on top.

    A second key that reaches the dialog before it has gone would otherwise
    call its callback again and pop the screen under it (ScreenStackError).
    Not a Textual class itself: Textual takes a screen's CSS from its first
    Textual base only.
    """

    _dismissing = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissing or not self.is_attached or self not in self.app.screen_stack[-1:]:
            return AwaitComplete.nothing()
        self._dismissing = True
        return super().dismiss(result)
