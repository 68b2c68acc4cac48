"""A small dialog asking for another source: a path (``~`` expanded, ``tab`` completes) or a URL."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.modal import DismissOnce
from reader.ui.text import one_line

MAX_CHOICES = 12  # completions listed under the field


def expand(typed: str) -> str:
    """What to open for ``typed``: a URL as it is, a path with ``~`` expanded."""
    text = typed.strip()
    if "://" in text:
        return text
    return os.path.expanduser(text)


def complete(typed: str) -> tuple[str, list[str]]:
    """``typed`` completed as far as the matching paths agree, and the names that match.

    A folder completes with a trailing ``/``; ``~`` stays written as typed;
    hidden names are offered only once a ``.`` is typed.
    """
    if "://" in typed:
        return typed, []
    folder_part, _, prefix = typed.rpartition("/")
    head = folder_part + "/" if _ else ""
    folder = Path(os.path.expanduser(folder_part or "/")) if _ else Path(".")
    if typed.startswith("~") and "/" not in typed:  # "~" alone, or "~name"
        return (typed + "/", []) if typed == "~" else (typed, [])
    try:
        entries = sorted(
            entry.name + ("/" if entry.is_dir() else "")
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix) and (prefix.startswith(".") or entry.name[0] != ".")
        )
    except OSError:
        return typed, []
    if not entries:
        return typed, []
    common = os.path.commonprefix(entries)  # noqa: RUF071 - names, not paths
    return head + common, entries if len(entries) > 1 else []


class OpenScreen(DismissOnce, ModalScreen[str | None]):
    """Type a path or an http(s) URL; ``tab`` completes a path, ``enter`` opens it, ``escape`` cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="open.cancel"),
        Binding("tab", "complete", "Complete the path", id="open.complete", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static("Open a file (text, Markdown, HTML) or an http(s) URL:", markup=False)
            yield Input(placeholder="path or URL (tab completes, ~ is your home)", id="open-input")
            yield Static(id="open-choices", markup=False)

    def on_mount(self) -> None:
        dialog = self.query_one("#open-dialog")
        dialog.border_title = "Open"
        dialog.border_subtitle = "tab completes \u00b7 enter opens \u00b7 escape cancels"
        self.query_one("#open-choices").display = False
        self.query_one(Input).focus()

    def action_complete(self) -> None:
        field = self.query_one(Input)
        completed, choices = complete(field.value)
        if completed != field.value:
            field.value = completed
            field.cursor_position = len(completed)
        shown = self.query_one("#open-choices", Static)
        if choices:
            listed = choices[:MAX_CHOICES]
            more = len(choices) - len(listed)
            text = "  ".join(one_line(c) for c in listed) + (f"  (+{more} more)" if more else "")
            shown.update(Content(text))
        shown.display = bool(choices)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = expand(event.value)
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
