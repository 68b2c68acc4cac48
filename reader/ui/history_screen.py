"""The history: every article opened, newest first, with how far it was read."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.history import HistoryEntry, entries
from reader.ui.text import one_line


def _when(opened: float, now: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(opened)) if opened else ""


class HistoryScreen(ModalScreen[tuple[str | None] | None]):
    """Pick an article read before; ``enter`` opens it, ``escape`` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,H", "close", "Close", id="history.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[HistoryEntry] = entries()

    def compose(self) -> ComposeResult:
        with Vertical(id="history-dialog"):
            if not self.entries:
                yield Static("No article opened yet.", markup=False)
            yield OptionList(*self._options(), id="history-list")

    def _options(self) -> list[Option]:
        now = time.time()
        options = []
        for number, entry in enumerate(self.entries):
            meta = " \u00b7 ".join(
                part
                for part in (
                    one_line(entry.site),
                    _when(entry.opened, now),
                    f"{round(entry.progress * 100)}% read",
                )
                if part
            )
            prompt = Content("\n").join(
                [
                    Content.styled(one_line(entry.title), "bold"),
                    Content.styled(meta, "$text-muted"),
                ]
            )
            options.append(Option(prompt, id=str(number)))
        return options

    def on_mount(self) -> None:
        self.query_one("#history-dialog").border_title = "History"
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#history-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        entry = self.entries[int(event.option.id or 0)]
        self.dismiss((entry.spec,))

    def action_close(self) -> None:
        self.dismiss(None)
