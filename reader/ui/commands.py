"""Command palette (ctrl+p): jump to a section, pick a summary algorithm, and the reader's actions.

Textual's own commands stay too: "Change theme" picks one of the built-in
themes, which the reader remembers (ReaderApp saves it to the config file).

Every hit is built from :class:`~textual.content.Content`, never markup: a
section label comes from the article (a heading such as
``[@click=app.quit]Photos[/]`` is shown as those characters and does nothing).
Matching is linear in the length of a label and the section hits are capped,
with a pause for the event loop every few thousand labels, so that an article
with 100,000 headings keeps the palette responsive.
"""

from __future__ import annotations

import asyncio
import heapq
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, islice
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.command import (
    Command,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
)
from textual.content import Content
from textual.style import Style
from textual.widgets import Input

from reader.ui.keys import key_hint
from reader.ui.modal import DismissOnce
from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.ui.reader_screen import ReaderScreen

MAX_LABEL = 100  # characters of a section label shown in the palette (and matched)
DISCOVERED_SECTIONS = 50  # sections listed before anything is typed
MAX_SECTION_HITS = 50  # best-scoring sections listed for a query
PAUSE_EVERY = 1000  # labels matched between pauses that let keys and repaints through
SCATTERED_LIMIT = 5000  # sections ranked among those holding a query's letters apart


@dataclass(frozen=True)
class PaletteCommand:
    """One command: its plain text (what is matched and shown), what it does, its help line."""

    text: str
    run: Callable[[], object]
    help: str


def match(query: str, candidate: str) -> tuple[float, tuple[int, ...]]:
    """Score ``candidate`` for ``query`` (0: no match) and the offsets of the matched letters.

    The query as one run of text if the candidate holds it, else its letters in
    order, each at its first place after the previous one: time linear in the
    candidate's length (Textual's matcher tries every alignment). The score
    follows Textual's: more matched letters, word starts and fewer runs score
    higher, so reader hits sort among Textual's own commands.
    """
    query = query.lower()
    folded = candidate.lower()
    if not query:
        return 0.0, ()
    where = folded.find(query)
    if where >= 0:
        offsets = tuple(range(where, where + len(query)))
        boost = 2.0 if folded == query else 1.5
    else:
        found: list[int] = []
        position = 0
        for letter in query:
            position = folded.find(letter, position)
            if position < 0:
                return 0.0, ()
            found.append(position)
            position += 1
        offsets, boost = tuple(found), 1.0
    starts = sum(1 for o in offsets if o == 0 or not folded[o - 1].isalnum())
    runs = 1 + sum(1 for a, b in zip(offsets, offsets[1:]) if b != a + 1)
    count = len(offsets)
    together = (count - (runs - 1)) / count
    return (count + starts) * (1 + together * together) * boost, offsets


def highlighted(text: str, offsets: tuple[int, ...], style: Style) -> Content:
    """``text`` as plain Content with the letters at ``offsets`` in ``style``."""
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def _help(text: str) -> str:
    """A help line Textual shows as it is (it parses a plain ``str`` as markup)."""
    return cast(str, Content(text))


def _label(text: str) -> str:
    label = one_line(text)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "\u2026"


def _together(count: int, runs: int) -> float:
    share = (count - (runs - 1)) / count
    return 1 + share * share


def best_substring_score(query: str) -> float:
    """The highest score a candidate holding ``query`` as one run can have (it starts a word)."""
    query = query.lower()
    starts = sum(1 for i, c in enumerate(query) if i == 0 or not query[i - 1].isalnum())
    return (len(query) + starts) * _together(len(query), 1) * 1.5


def best_scattered_score(query: str) -> float:
    """The highest score a candidate holding the letters of ``query`` apart can have."""
    count = len(query)
    return 2 * count * (_together(count, 2) if count > 1 else 1.0)


class SectionIndex:
    """The section hits of one article, folded into one string to search at C speed.

    Finding the lines that hold a query (as one run, or its letters in order)
    is done by ``str.find`` and one regular expression without backtracking over
    the whole text; only the lines found are scored in Python.
    """

    def __init__(self, texts: list[str], indexes: list[int]) -> None:
        self.texts = texts
        self.indexes = indexes
        folded = [text.lower() for text in texts]
        self.haystack = "\n".join(folded)
        # Where each line starts in the haystack (and, shifted by one, in "\n" + haystack).
        self.starts: list[int] = [0, *accumulate(len(line) + 1 for line in folded)][:-1]
        self._lines = "\n" + self.haystack

    def __len__(self) -> int:
        return len(self.texts)

    def _line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def holding(self, query: str) -> Iterator[int]:
        """The lines that hold ``query`` as one run, in order."""
        query, haystack = query.lower(), self.haystack
        position = 0
        while (found := haystack.find(query, position)) >= 0:
            line = self._line(found)
            yield line
            if line + 1 >= len(self.starts):
                return
            position = self.starts[line + 1]

    def scattered(self, query: str) -> Iterator[int]:
        """The lines that hold the letters of ``query`` in order, in order."""
        # A line start, then each letter after a possessive run of anything but
        # it: a linear scan without backtracking (the leading "\n" is found fast).
        pattern = "\n" + "".join(
            f"[^\\n{re.escape(letter)}]*+{re.escape(letter)}" for letter in query.lower()
        )
        for found in re.finditer(pattern, self._lines):
            yield self._line(found.start())


class ReaderCommands(Provider):
    """Commands built from the open article and the summary algorithms."""

    # The last article's index (an article with 100,000 headings takes a moment to index).
    _cache: ClassVar[tuple[Article, SectionIndex] | None] = None
    _sections: SectionIndex | None = None
    _indexing: asyncio.Future[SectionIndex] | None = None

    @property
    def _screen(self) -> ReaderScreen | None:
        from reader.ui.reader_screen import ReaderScreen

        screen = getattr(self.app, "reader", None) if self.app.screen_stack else None
        return screen if isinstance(screen, ReaderScreen) else None

    async def startup(self) -> None:
        screen = self._screen
        article = screen.article if screen is not None else None
        if article is None or len(article.sections) < 2:  # one section: nothing to go to
            return
        cache = ReaderCommands._cache
        if cache is not None and cache[0] is article:
            self._sections = cache[1]
        else:  # indexed in its own task: a search cancelled by the next key does not cancel it
            self._indexing = asyncio.ensure_future(self._index(article))

    async def _index(self, article: Article) -> SectionIndex:
        texts: list[str] = []
        for section in article.sections:
            what = "part" if section.derived else "section"  # a derived part is not a heading
            texts.append(f"Go to {what} {section.index + 1}: {_label(section.label)}")
            if len(texts) % PAUSE_EVERY == 0:
                await asyncio.sleep(0)
        self._sections = SectionIndex(texts, [s.index for s in article.sections])
        ReaderCommands._cache = (article, self._sections)
        return self._sections

    async def _section_index(self) -> SectionIndex | None:
        if self._sections is None and self._indexing is not None:
            return await asyncio.shield(self._indexing)
        return self._sections

    async def shutdown(self) -> None:
        if self._indexing is not None:
            self._indexing.cancel()

    async def _best_sections(
        self, sections: SectionIndex, query: str, best: list[tuple[float, int, tuple[int, ...]]]
    ) -> None:
        """The best-scoring section hits for ``query``: lines holding it whole first, then its letters apart."""
        seen: set[int] = set()
        await _fill(
            sections.holding(query), sections, query, best, seen, best_substring_score(query)
        )
        if len(best) < MAX_SECTION_HITS or best[0][0] < best_scattered_score(query):
            scattered = islice(sections.scattered(query), SCATTERED_LIMIT)
            await _fill(scattered, sections, query, best, seen, best_scattered_score(query))

    def _section(self, screen: ReaderScreen, text: str, index: int) -> PaletteCommand:
        return PaletteCommand(
            text,
            partial(_go_to_section, screen, index),
            f"Scroll the article to section {index + 1}",
        )

    def _hinted(self, screen: ReaderScreen, action: str, description: str) -> str:
        keys = key_hint(self.app, type(screen).BINDINGS, action)
        return f"{description} ({keys})" if keys else description

    def _actions(self, screen: ReaderScreen) -> Iterator[PaletteCommand]:
        """The commands other than the sections."""
        from reader.summary.algorithms import ALGORITHMS, algorithm_description, algorithm_name

        hint = partial(self._hinted, screen)
        for name in ALGORITHMS:
            yield PaletteCommand(
                f"Summary algorithm: {algorithm_name(name)}",
                partial(_pick_algorithm, screen, name),
                algorithm_description(name),
            )
        yield PaletteCommand(
            "Toggle summary view",
            screen.action_toggle_summary,
            hint("toggle_summary", "Show or hide the summary pane"),
        )
        yield PaletteCommand(
            "Toggle sidebar",
            screen.action_toggle_sidebar,
            hint("toggle_sidebar", "Show or hide photos and quotes"),
        )
        yield PaletteCommand(
            "Open another source",
            screen.action_open,
            hint("open", "A file path or an http(s) URL"),
        )
        if screen.article is not None:
            yield PaletteCommand(
                "Search the article",
                partial(_search, screen),
                hint("search", "Find text; n / N go through the matches"),
            )
            yield PaletteCommand(
                "Export outline as Markdown",
                screen.action_export,
                hint(
                    "export",
                    "Title, source, summary, captions and quotes to a new Markdown file you name",
                ),
            )
        yield PaletteCommand(
            "Copy",
            screen.action_copy,
            hint("copy", "The focused quote, caption or summary to the clipboard"),
        )
        yield PaletteCommand(
            "Narrower column",
            partial(screen.action_width, -1),
            hint("width(-1)", "Make the reading column narrower"),
        )
        yield PaletteCommand(
            "Wider column",
            partial(screen.action_width, 1),
            hint("width(1)", "Make the reading column wider"),
        )

    async def discover(self) -> Hits:
        screen = self._screen
        if screen is None:
            return
        sections = await self._section_index()
        for line in range(min(DISCOVERED_SECTIONS, len(sections) if sections else 0)):
            assert sections is not None
            text, index = sections.texts[line], sections.indexes[line]
            command = self._section(screen, text, index)
            yield DiscoveryHit(Content(text), command.run, text=text, help=_help(command.help))
        for command in self._actions(screen):
            yield DiscoveryHit(
                Content(command.text), command.run, text=command.text, help=_help(command.help)
            )

    async def search(self, query: str) -> Hits:
        screen = self._screen
        if screen is None:
            return
        style = self.matcher(query).match_style
        best: list[tuple[float, int, tuple[int, ...]]] = []  # a heap of the best section hits
        sections = await self._section_index()
        if sections is not None:
            await self._best_sections(sections, query, best)
        for score, earlier, offsets in sorted(best, reverse=True):
            assert sections is not None
            text, index = sections.texts[-earlier], sections.indexes[-earlier]
            command = self._section(screen, text, index)
            yield Hit(
                score,
                highlighted(text, offsets, style),
                command.run,
                text=text,
                help=_help(command.help),
            )
        for command in self._actions(screen):
            score, offsets = match(query, command.text)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(command.text, offsets, style),
                    command.run,
                    text=command.text,
                    help=_help(command.help),
                )


async def _fill(
    lines: Iterator[int],
    sections: SectionIndex,
    query: str,
    best: list[tuple[float, int, tuple[int, ...]]],
    seen: set[int],
    enough: float,
) -> None:
    """Score ``lines`` into the heap ``best`` (at most MAX_SECTION_HITS), until no line can do better than ``enough``."""
    for examined, line in enumerate(lines, 1):
        if examined % PAUSE_EVERY == 0:
            await asyncio.sleep(0)  # let keys through (a new query cancels this search)
        if line in seen:
            continue
        seen.add(line)
        score, offsets = match(query, sections.texts[line])
        if score <= 0:
            continue
        entry = (score, -line, offsets)  # ties: the earlier section first
        if len(best) < MAX_SECTION_HITS:
            heapq.heappush(best, entry)
        elif entry > best[0]:
            heapq.heapreplace(best, entry)
        if len(best) >= MAX_SECTION_HITS and best[0][0] >= enough:
            return


class ReaderPalette(DismissOnce, CommandPalette):
    """Textual's command palette, safe against keys that arrive faster than it opens and closes.

    ``enter enter`` typed before the palette has gone would dismiss it twice
    (ScreenStackError), ``pageup`` / ``pagedown`` before its list is laid
    out look up a line that is not there yet (KeyError), and text typed after
    ``escape`` or ``enter`` would start a search on a palette whose widgets are
    being removed (NoMatches).
    """

    @property
    def _closed_or_closing(self) -> bool:
        return self._dismissing or not self.is_attached or not self.query(CommandList)

    @on(Input.Changed)
    def _input_after_closing(self, event: Input.Changed) -> None:
        if self._closed_or_closing:  # (handled before CommandPalette's own handler)
            event.prevent_default()
            event.stop()

    def _refresh_command_list(
        self, command_list: CommandList, commands: list[Command], clear_current: bool
    ) -> None:
        if not self._closed_or_closing:
            super()._refresh_command_list(command_list, commands, clear_current)

    def _watch__list_visible(self) -> None:
        if not self._closed_or_closing:
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        if not self._closed_or_closing:
            await super()._watch__show_busy()

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            commands = self.query_one(CommandList)
            if (commands.highlighted or 0) not in commands._index_to_line:
                return  # not laid out yet: there is no page to move by
        super()._action_command_list(action)


def _search(screen: ReaderScreen) -> None:
    screen.run_worker(screen.action_search(), group="palette", exclusive=True)


def _go_to_section(screen: ReaderScreen, index: int) -> None:
    screen.run_worker(screen.view.go_to_section(index), group="palette", exclusive=True)


def _pick_algorithm(screen: ReaderScreen, name: str) -> None:
    screen.algorithm = name
    if not screen.show_summary:
        screen.show_summary = True
