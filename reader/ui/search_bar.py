"""The search bar under the article: ``/`` opens it, the counter (``3/14``) stays while a search is on."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """A one-line search field with the match counter on its right.

    Typing posts ``Changed`` (the screen searches as you type), ``enter``
    posts ``Submitted`` and ``escape`` posts ``Cleared``. The matching
    itself (smart case, literal text) is reader.search's.
    """

    BINDINGS = [Binding("escape", "clear", "Clear search", id="search.clear", key_display="esc")]

    @dataclass
    class Changed(Message):
        query: str

    @dataclass
    class Submitted(Message):
        query: str

    class Cleared(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt", markup=False)
        yield Input(placeholder="find in the article", id="search-input")
        yield Static(id="search-counter", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def counter(self) -> str:
        return str(self.query_one("#search-counter", Static).content)

    def set_counter(self, text: str, found: bool = True) -> None:
        if not self.query("#search-counter"):
            return  # not composed yet (escape typed right after /)
        counter = self.query_one("#search-counter", Static)
        counter.update(Content(text))
        counter.set_class(not found, "-none")

    def open(self, query: str) -> None:
        """Show the bar and put the cursor in it (the last query selected, so typing replaces it)."""
        self.display = True
        field = self.input
        with field.prevent(Input.Changed):
            field.value = query
        field.focus()
        if query:
            field.select_all()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_clear(self) -> None:
        self.post_message(self.Cleared())
