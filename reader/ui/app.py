"""The reader's Textual app: `reader [SOURCE]` opens it.

Start-up stays light: this module imports Textual and the reader's UI
modules only; nltk and sumy are imported by workers once the first screen is
on the terminal (see ReaderScreen.on_mount).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from reader.ui.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from reader.sources.document import Document

# Start-up probe for benchmarks/startup.py and the tests: "paint:FILE" writes
# the time of the first painted screen (and whether nltk / sumy were imported
# by then) to FILE as JSON and exits; "article:FILE" does so once the article
# is shown. Unset in normal use.
PROBE_ENV = "READER_STARTUP_PROBE"


def _reader_commands():
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    """Read a news article: the text, its photo captions, quotes and summaries."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {lambda: _reader_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.command_palette", show=False),
    ]

    def __init__(self, source: str | None = None, document: Document | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.document = document
        self._probe = os.environ.get(PROBE_ENV, "")

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.source, self.document)

    @property
    def reader(self) -> ReaderScreen:
        """The main screen (whatever screen is on top of it)."""
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        if self._probe.startswith("paint:"):
            self.call_after_refresh(self._probe_done)

    def article_shown(self) -> None:
        """Called by the main screen when an article is on screen."""
        if self._probe.startswith("article:"):
            self.call_after_refresh(self._probe_done)

    def _probe_done(self) -> None:
        import json
        import sys

        loaded = {name: name in sys.modules for name in ("nltk", "sumy")}
        Path(self._probe.partition(":")[2]).write_text(json.dumps({"time": time.time(), "loaded": loaded}))
        self.exit()

    def key_groups(self) -> list[tuple[str, list[BindingType]]]:
        """Every binding of the reader, by the part of the screen it applies to."""
        from reader.ui.article_view import ArticleView
        from reader.ui.photos import PhotoList
        from reader.ui.quotes import QuoteList
        from reader.ui.summary_pane import SummaryList

        screen = ReaderScreen.BINDINGS
        return [
            ("Reading", [b for b in screen if b.id and b.id.startswith("article.")] + list(ArticleView.BINDINGS)),
            ("Summary view", [b for b in screen if b.id and b.id.startswith("summary.")] + list(SummaryList.BINDINGS)),
            ("Photos and quotes", list(PhotoList.BINDINGS) + list(QuoteList.BINDINGS)),
            ("Reader", [b for b in screen if b.id and b.id.startswith("reader.")] + list(self.BINDINGS)),
        ]

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_groups()))
