"""The article list: a feed's stories, each with its one-line summary and the experts it quotes.

Stories come newest first. Each one's brief (the default summarizer's first
pick of the full article, and its experts) is read in a worker, a few pages at
a time, and fills in as it arrives; briefs are cached, so a list seen before
fills at once. ``enter`` opens a story in full (a StoryScreen on top of this
one); ``backspace`` there comes back to the same place. ``u`` shows only
unread stories, ``/`` filters by words of the titles and summaries, ``f``
goes through the feeds when the list holds several, ``r`` fetches again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.feeds.model import Brief, Feed, Story
    from reader.feeds.source import FeedSource
    from reader.sources.document import Document

UNREAD_MARK = "\u25cf"  # a filled dot before an unread story


@dataclass
class FeedsRead(Message):
    """The list's feeds were fetched: the feeds read and a one-line error for each that failed."""

    feeds: list[Feed]
    errors: list[tuple[str, str]]
    offline: list[str]  # one line per feed read from the copy kept last time


@dataclass
class BriefRead(Message):
    """One story's brief, or why its article could not be read."""

    key: str
    brief: Brief | None
    error: str | None = None


@dataclass
class StoryRead(Message):
    """A story's full text, ready to show."""

    story: Story
    document: Document


@dataclass
class StoryFailed(Message):
    """A story's full text could not be had."""

    story: Story
    error: str


class StoryOptions(OptionList):
    """The stories, two to four lines each; ``j`` / ``k`` move like the reader's other lists."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next story", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Previous story", show=False, id="stories.up"),
    ]


class StoryListScreen(Screen[None]):
    """The stories of one feed, or of several (an OPML file, the subscriptions)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "toggle_unread", "Unread only", id="stories.unread"),
        Binding("slash", "filter", "Filter", id="stories.filter", key_display="/"),
        Binding("f", "next_feed", "Feed", id="stories.feed"),
        Binding("r", "refresh", "Refresh", id="stories.refresh"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="stories.clear"),
    ]

    def __init__(self, source: FeedSource) -> None:
        super().__init__()
        self.source = source
        self.stories: list[Story] = []
        self.briefs: dict[str, Brief] = {}
        self.failed: dict[str, str] = {}
        self.feed_errors: list[tuple[str, str]] = []
        self.feed_titles: list[str] = []
        self.feed_filter: str | None = None
        self.unread_only = False
        self.words = ""
        self.read: set[str] = set()
        self.pending = 0

    def compose(self) -> ComposeResult:
        yield Static(id="stories-header", markup=False)
        yield Input(placeholder="filter: words of the titles and summaries", id="stories-filter")
        yield StoryOptions(id="stories")
        yield Footer()

    def on_mount(self) -> None:
        from reader.feeds.subscriptions import read_keys

        self.read = read_keys()
        self.query_one("#stories-filter").display = False
        self.query_one(StoryOptions).focus()
        if self.source.feed is not None:
            self._show_feeds([self.source.feed], [])
        else:
            self._status("Fetching feeds\u2026")
            self.query_one(StoryOptions).loading = True
            self._fetch_feeds(self.source.specs)

    # -- workers ---------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="feeds")
    def _fetch_feeds(self, specs: tuple[str, ...]) -> None:
        from reader.feeds.cache import age_text
        from reader.feeds.fetch import fetch_feeds

        results = fetch_feeds(specs)
        feeds = [r.feed for r in results if r.feed is not None]
        errors = [(r.spec, r.error or "cannot be read") for r in results if r.feed is None]
        offline = [
            f"{r.feed.title}: offline, the copy fetched {age_text(r.stored or 0)}"
            for r in results
            if r.feed is not None and r.offline
        ]
        self.post_message(FeedsRead(feeds, errors, offline))

    @work(thread=True, exclusive=True, exit_on_error=False, group="briefs")
    def _read_briefs(self, stories: list[Story]) -> None:
        from reader.errors import ReaderError
        from reader.feeds.stories import read_briefs

        worker = get_current_worker()

        def found(story: Story, outcome: Brief | ReaderError, done: int, total: int) -> None:
            if isinstance(outcome, ReaderError):
                self.post_message(BriefRead(story.key, None, outcome.message))
            else:
                self.post_message(BriefRead(story.key, outcome))

        read_briefs(stories, found, cancelled=lambda: worker.is_cancelled)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story")
    def _read_story(self, story: Story) -> None:
        from reader.errors import ReaderError
        from reader.feeds.stories import story_document

        try:
            self.post_message(StoryRead(story, story_document(story)))
        except ReaderError as error:
            self.post_message(StoryFailed(story, error.message))

    # -- messages --------------------------------------------------------------

    @on(FeedsRead)
    def _feeds_read(self, message: FeedsRead) -> None:
        self.query_one(StoryOptions).loading = False
        self._show_feeds(message.feeds, message.errors)
        for line in message.offline:
            self.notify(line, title="Offline", severity="warning", markup=False)

    def _show_feeds(self, feeds: list[Feed], errors: list[tuple[str, str]]) -> None:
        stories = [story for feed in feeds for story in feed.stories]
        stories.sort(key=lambda s: -(s.published.timestamp() if s.published else 0.0))
        self.stories = stories
        self.feed_errors = errors
        self.feed_titles = [feed.title for feed in feeds]
        self.pending = len(stories)
        self._render_list()
        if stories:
            self._read_briefs(stories)

    @on(BriefRead)
    def _brief_read(self, message: BriefRead) -> None:
        if message.brief is not None:
            self.briefs[message.key] = message.brief
        else:
            self.failed[message.key] = message.error or "cannot be read"
        self.pending = max(0, self.pending - 1)
        self._render_list(keep=True)

    @on(StoryRead)
    def _story_read(self, message: StoryRead) -> None:
        from reader.feeds.subscriptions import mark_read
        from reader.ui.story_screen import StoryScreen

        self.query_one(StoryOptions).loading = False
        mark_read(message.story.key)
        self.read.add(message.story.key)
        self._render_list(keep=True)
        self.app.push_screen(StoryScreen(self, message.story, message.document))

    @on(StoryFailed)
    def _story_failed(self, message: StoryFailed) -> None:
        self.query_one(StoryOptions).loading = False
        self.failed[message.story.key] = message.error
        self._render_list(keep=True)
        self.notify(message.error, title="Cannot open the story", severity="error", markup=False)

    # -- the list --------------------------------------------------------------

    def shown(self) -> list[Story]:
        """The stories the filters let through, in list order."""
        words = self.words.lower().split()
        stories = []
        for story in self.stories:
            if self.unread_only and story.key in self.read:
                continue
            if self.feed_filter is not None and story.feed_title != self.feed_filter:
                continue
            if words:
                brief = self.briefs.get(story.key)
                haystack = (
                    f"{story.title} {story.snippet} {brief.summary if brief else ''}".lower()
                )
                if not all(word in haystack for word in words):
                    continue
            stories.append(story)
        return stories

    def _render_list(self, keep: bool = False) -> None:
        options = self.query_one(StoryOptions)
        highlighted = options.highlighted if keep else None
        options.clear_options()
        for spec, error in self.feed_errors:
            options.add_option(
                Option(
                    Content.styled(f"\u26a0 {one_line(spec)}: {one_line(error)}", "$error"),
                    disabled=True,
                )
            )
        shown = self.shown()
        options.add_options([Option(self._prompt(story), id=story.key) for story in shown])
        if not shown and not self.feed_errors:
            options.add_option(Option(Content("No stories match."), disabled=True))
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted
        elif shown:
            options.highlighted = len(self.feed_errors)
        self._status()

    def _prompt(self, story: Story) -> Group:
        from reader.feeds.report import reading_time, when

        brief = self.briefs.get(story.key)
        unread = story.key not in self.read
        title = Text(
            f"{UNREAD_MARK if unread else ' '} {one_line(story.title)}",
            style="bold" if unread else "",
        )
        meta = [one_line(story.feed_title), when(story.published)]
        if brief is not None and brief.words:
            meta.append(reading_time(brief.words))
        lines = [Text(" \u00b7 ".join(m for m in meta if m), style="dim")]
        if brief is not None and brief.summary:
            lines.append(Text(one_line(brief.summary)))
        elif story.key in self.failed:
            lines.append(Text(f"not read: {one_line(self.failed[story.key])}", style="yellow"))
        elif story.snippet:
            lines.append(Text(one_line(story.snippet), style="italic dim"))
        if brief is not None and brief.experts:
            names = ", ".join(one_line(name) for name in brief.experts)
            lines.append(Text(f"Experts: {names}", style="cyan"))
        return Group(title, Padding(Group(*lines), (0, 0, 1, 2)))

    def _status(self, text: str | None = None) -> None:
        from reader.feeds.report import stories_count

        header = self.query_one("#stories-header", Static)
        if text is None:
            parts = [one_line(self.source.title)]
            shown = len(self.shown())
            parts.append(
                f"{shown} of {stories_count(len(self.stories))}"
                if shown != len(self.stories)
                else stories_count(shown)
            )
            unread = sum(1 for s in self.stories if s.key not in self.read)
            parts.append(f"{unread} unread")
            if self.feed_filter:
                parts.append(f"feed: {one_line(self.feed_filter)}")
            if self.pending:
                parts.append(f"reading {self.pending}\u2026")
            text = " \u00b7 ".join(parts)
        header.update(Content.styled(text, "bold"))

    def story_at(self, offset: int, step: int) -> Story | None:
        """The story ``step`` places from the one at list ``offset`` (None past either end)."""
        shown = self.shown()
        keys = [s.key for s in shown]
        current = self.stories[offset] if 0 <= offset < len(self.stories) else None
        if current is None or current.key not in keys:
            return None
        index = keys.index(current.key) + step
        return shown[index] if 0 <= index < len(shown) else None

    def open_story(self, story: Story) -> None:
        """Read ``story`` in full and show it (in a worker)."""
        options = self.query_one(StoryOptions)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == story.key:
                options.highlighted = index
                break
        options.loading = True
        self._read_story(story)

    @on(OptionList.OptionSelected, "#stories")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        story = next((s for s in self.stories if s.key == event.option.id), None)
        if story is not None:
            self.open_story(story)

    # -- actions ---------------------------------------------------------------

    def action_toggle_unread(self) -> None:
        self.unread_only = not self.unread_only
        self._render_list()

    def action_next_feed(self) -> None:
        if len(self.feed_titles) < 2:
            self.notify("This list has one feed.", markup=False, timeout=2)
            return
        order = [None, *self.feed_titles]
        self.feed_filter = order[(order.index(self.feed_filter) + 1) % len(order)]
        self._render_list()

    def action_filter(self) -> None:
        field = self.query_one("#stories-filter", Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#stories-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.words = event.value
        self._render_list()

    @on(Input.Submitted, "#stories-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one(StoryOptions).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#stories-filter", Input)
        field.value = ""
        field.display = False
        self.words = ""
        self.query_one(StoryOptions).focus()
        self._render_list()

    def action_refresh(self) -> None:
        specs = self.source.specs
        self.source = type(self.source)(self.source.title, specs, None)
        self._status("Fetching feeds\u2026")
        self.query_one(StoryOptions).loading = True
        self._fetch_feeds(specs)
