"""The footer: Textual's, without the memory it keeps per screen push and pop.

Textual 8.2.8's Footer recomposes on every change of the screen's bindings
(each dialog opened or closed), and each new FooterKey binds the footer's
``compact`` reactive with ``data_bind``: a watcher on the footer that is only
dropped when ``compact`` changes, which it never does. The removed keys stay
referenced from the footer (about 44 KB per ``?`` open and close). Here the
watchers of keys no longer in the DOM are dropped after each recompose.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Footer


class ReaderFooter(Footer):
    """Textual's Footer, whose recompose leaves no watcher of a removed key behind."""

    async def recompose(self) -> None:
        await super().recompose()
        self.drop_stale_watchers()

    def drop_stale_watchers(self) -> None:
        """Forget the watchers of nodes that have left the DOM."""
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for name, watching in watchers.items():
            watchers[name] = [
                (node, callback)
                for node, callback in watching
                if not isinstance(node, DOMNode) or node.is_attached
            ]
