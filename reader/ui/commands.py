"""Command palette (ctrl+p): jump to a section, pick a summary algorithm, and the reader's actions.

Textual's own commands stay too: "Change theme" picks one of the built-in
themes, which the reader remembers (ReaderApp saves it to the config file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.ui.text import one_line


class ReaderCommands(Provider):
    """Commands built from the open article and the summary algorithms."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        from reader.summary.algorithms import ALGORITHMS, algorithm_description, algorithm_name
        from reader.ui.reader_screen import ReaderScreen

        screen = getattr(self.app, "reader", None) if self.app.screen_stack else None
        if not isinstance(screen, ReaderScreen):
            return
        article = screen.article
        if article is not None and len(article.sections) > 1:
            for section in article.sections:
                what = "part" if section.derived else "section"  # a derived part is not a heading
                yield (
                    f"Go to {what} {section.index + 1}: {one_line(section.label)}",
                    partial(_go_to_section, screen, section.index),
                    f"Scroll the article to {what} {section.index + 1}",
                )
        for name in ALGORITHMS:
            yield (
                f"Summary algorithm: {algorithm_name(name)}",
                partial(_pick_algorithm, screen, name),
                algorithm_description(name),
            )
        yield (
            "Toggle summary view",
            screen.action_toggle_summary,
            "Show or hide the summary pane (s)",
        )
        yield (
            "Toggle sidebar",
            screen.action_toggle_sidebar,
            "Show or hide photos and quotes (b)",
        )
        yield ("Open another source", screen.action_open, "A file path or an http(s) URL (o)")
        if article is not None:
            yield (
                "Search the article",
                partial(_search, screen),
                "Find text; n / N go through the matches (/)",
            )
            yield (
                "Export outline as Markdown",
                screen.action_export,
                "Title, source, summary, captions and quotes to a new file in the current folder (e)",
            )
        yield (
            "Copy",
            screen.action_copy,
            "The focused quote, caption or summary to the clipboard (y)",
        )
        yield (
            "Narrower column",
            partial(screen.action_width, -1),
            "Make the reading column narrower (w)",
        )
        yield (
            "Wider column",
            partial(screen.action_width, 1),
            "Make the reading column wider (W)",
        )

    async def discover(self) -> Hits:
        for text, command, help in self._commands():
            yield DiscoveryHit(Content(text), command, text=text, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help)


def _search(screen) -> None:
    screen.run_worker(screen.action_search(), group="palette", exclusive=True)


def _go_to_section(screen, index: int) -> None:
    screen.run_worker(screen.view.go_to_section(index), group="palette", exclusive=True)


def _pick_algorithm(screen, name: str) -> None:
    screen.algorithm = name
    if not screen.show_summary:
        screen.show_summary = True
