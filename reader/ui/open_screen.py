"""A small dialog asking for another source: a path or a URL."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.modal import DismissOnce


class OpenScreen(DismissOnce, ModalScreen[str | None]):
    """Type a path or an http(s) URL; ``enter`` opens it, ``escape`` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="open.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static("Open a file (text, Markdown, HTML) or an http(s) URL:", markup=False)
            yield Input(placeholder="path or URL", id="open-input")

    def on_mount(self) -> None:
        self.query_one("#open-dialog").border_title = "Open"
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
