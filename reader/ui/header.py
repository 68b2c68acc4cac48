"""The header: title, source, reading time, current section and reading progress."""

from __future__ import annotations

import math

from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from reader.ui.text import one_line

WORDS_PER_MINUTE = 230


def reading_time(words: int) -> str:
    minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return f"{minutes} min read"


class ReaderHeader(Horizontal):
    """One line: the title on the left; source, reading time, section and progress on the right."""

    title: reactive[str] = reactive("")
    source: reactive[str] = reactive("")
    words: reactive[int] = reactive(0)
    section: reactive[str] = reactive("")
    progress: reactive[float] = reactive(0.0)

    def compose(self):
        yield Static(id="header-title", markup=False)
        yield Static(id="header-source", markup=False)
        yield Static(id="header-time", markup=False)
        yield Static(id="header-section", markup=False)
        yield Static(id="header-progress", markup=False)

    def on_mount(self) -> None:
        self._update()

    def _update(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#header-title", Static).update(
            Content.styled(one_line(self.title) or "reader", "bold")
        )
        self.query_one("#header-source", Static).update(Content(one_line(self.source)))
        self.query_one("#header-time", Static).update(
            Content(reading_time(self.words) if self.words else "")
        )
        section = one_line(self.section)
        self.query_one("#header-section", Static).update(
            Content(f"\u00a7 {section}" if section else "")
        )
        self.query_one("#header-progress", Static).update(
            Content(f"{round(self.progress * 100):>3}%")
        )

    watch_title = watch_source = watch_words = watch_section = watch_progress = _update
