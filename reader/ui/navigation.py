"""Going back and forth between articles, the history, and the original page in a browser.

The reader's screen inherits from :class:`NavigableScreen`. Opening another
source through :meth:`go_to` keeps the one left on a back stack; ``backspace``
/ ``alt+left`` go back, ``alt+right`` forward again. Articles are opened again
by their source, so each returns at its reading position (the resume state
keeps it). ``H`` lists every article opened (reader.history); ``O`` opens the
article's original page in the system browser (``webbrowser``), as the links
screen (``l``, reader.ui.links_screen) does for a link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import work
from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from reader.sources.document import Document

Direction = Literal["new", "back", "forward"]
_UNSET = object()


class NavigableScreen(Screen[None]):
    """A screen showing one article at a time, with a way back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace,alt+left", "back", "Back", id="reader.back", show=False),
        Binding("alt+right", "forward", "Forward", id="reader.forward", show=False),
        Binding("H", "history", "History", id="reader.history", show=False),
        Binding("O", "browser", "Open in browser", id="reader.browser", show=False),
    ]

    source: str | None

    def __init__(self) -> None:
        super().__init__()
        self.back_stack: list[str | None] = []
        self.forward_stack: list[str | None] = []
        self._direction: Direction | None = None
        self._leaving: object = _UNSET

    # What the reader's screen provides.
    def open_source(self, spec: str | None, document: Document | None = None) -> None:
        raise NotImplementedError

    def shown_progress(self) -> float | None:
        """How far the article shown has been read (None when none is shown)."""
        raise NotImplementedError

    def shown_url(self) -> str | None:
        """The web address of the article shown, if it has one."""
        raise NotImplementedError

    # -- moving ----------------------------------------------------------------

    def go_to(self, spec: str | None, direction: Direction = "new") -> None:
        """Open ``spec``; the article left goes on the back stack once the new one is shown."""
        self._note_progress()
        self._direction = direction
        self._leaving = self.source if self.shown_progress() is not None else _UNSET
        self.open_source(spec)

    def arrived(self, spec: str | None, title: str, site: str) -> None:
        """Called once an article is shown: the stacks and the history follow."""
        from reader import history

        direction, leaving = self._direction, self._leaving
        self._direction, self._leaving = None, _UNSET
        reopenable = leaving is not _UNSET and leaving != "-"
        if direction == "new" and reopenable:
            self.back_stack.append(leaving)  # type: ignore[arg-type]
            self.forward_stack.clear()
        elif direction == "back":
            self.back_stack.pop()
            if reopenable:
                self.forward_stack.append(leaving)  # type: ignore[arg-type]
        elif direction == "forward":
            self.forward_stack.pop()
            if reopenable:
                self.back_stack.append(leaving)  # type: ignore[arg-type]
        self.call_after_refresh(history.record, spec, title, site)  # written after the paint

    def _note_progress(self) -> None:
        from reader import history

        progress = self.shown_progress()
        if progress is not None:
            history.update_progress(self.source, progress)

    def action_back(self) -> None:
        if not self.back_stack:
            self.notify("No article to go back to.", markup=False, timeout=2)
            return
        self.go_to(self.back_stack[-1], "back")

    def action_forward(self) -> None:
        if not self.forward_stack:
            self.notify("No article to go forward to.", markup=False, timeout=2)
            return
        self.go_to(self.forward_stack[-1], "forward")

    def action_history(self) -> None:
        from reader.ui.history_screen import HistoryScreen

        self._note_progress()

        def chosen(picked: tuple[str | None] | None) -> None:
            if picked is not None:
                self.go_to(picked[0])

        self.app.push_screen(HistoryScreen(), chosen)

    # -- the browser -----------------------------------------------------------

    def action_browser(self) -> None:
        url = self.shown_url()
        if not url:
            self.notify("This article has no web address.", markup=False, timeout=3)
            return
        self.open_in_browser(url)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browser")
    def open_in_browser(self, url: str) -> None:
        """Open ``url`` in the system browser (a worker: a browser may take a while to start)."""
        import webbrowser

        from reader.inert import clean

        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        message = f"Opened {clean(url)} in the browser." if opened else "No browser was found."
        self.app.call_from_thread(
            self.notify, message, severity="information" if opened else "warning", markup=False
        )
