"""The export dialog: where ``e`` writes the outline (a path field with a default; never overwrites).

The default is a new file named after the title in ~/Documents (or the home
folder when there is none), never the current folder; ``~`` is expanded; a
folder gets the default name inside it; a file that exists already is refused.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.text import one_line

DOCUMENTS = "Documents"  # the folder under home where exports go by default
MAX_NUMBERED = 999  # stem-2 ... stem-999 tried for a free default name


def home() -> Path:
    return Path(os.path.expanduser("~"))


def shown_path(path: Path) -> str:
    """``path`` with the home folder written ``~``."""
    try:
        return str(Path("~") / path.relative_to(home()))
    except ValueError:
        return str(path)


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``stem-2.ext``... when taken (the first free one)."""
    stem, dot, suffix = name.rpartition(".")
    if not stem:
        stem, dot, suffix = name, "", ""
    for number in range(1, MAX_NUMBERED + 1):
        candidate = folder / (name if number == 1 else f"{stem}-{number}{dot}{suffix}")
        if not os.path.lexists(candidate):
            return candidate
    return folder / name  # all taken: resolve_target refuses it


def default_target(name: str) -> Path:
    """Where an export goes unless the reader types another path."""
    documents = home() / DOCUMENTS
    return free_name(documents if documents.is_dir() else home(), name)


class TargetError(ValueError):
    """The path typed cannot be written to (the message says why)."""


def resolve_target(typed: str, name: str) -> Path:
    """The file to create for what the reader typed (``~`` expanded; a folder gets ``name``)."""
    text = typed.strip()
    if not text:
        raise TargetError("Type a path for the new file")
    path = Path(os.path.expanduser(text))
    if path.is_dir():
        return free_name(path, name)
    if os.path.lexists(path):
        raise TargetError(f"{shown_path(path)} exists already: type another name")
    if not path.parent.is_dir():
        raise TargetError(f"There is no folder {shown_path(path.parent)}")
    return path


class ExportScreen(ModalScreen[Path | None]):
    """Asks where to write the outline; ``enter`` writes it there, ``escape`` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.file_name = name
        self.default = default_target(name)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(
                "Write the outline (Markdown) to a new file; a folder gets this name in it:",
                markup=False,
            )
            yield Input(value=shown_path(self.default), id="export-input")
            yield Static(id="export-error", markup=False)

    def on_mount(self) -> None:
        dialog = self.query_one("#export-dialog")
        dialog.border_title = "Export"
        dialog.border_subtitle = "enter writes \u00b7 escape cancels"
        self.query_one("#export-error").display = False
        self.query_one(Input).focus()

    @property
    def error(self) -> str:
        widget = self.query_one("#export-error", Static)
        return str(widget.content) if widget.display else ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            target = resolve_target(event.value, self.file_name)
        except TargetError as error:
            widget = self.query_one("#export-error", Static)
            widget.update(Content(one_line(str(error))))
            widget.display = True
            return
        self.dismiss(target)

    def action_cancel(self) -> None:
        self.dismiss(None)
