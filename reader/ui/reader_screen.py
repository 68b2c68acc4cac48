"""The reader's main screen: header, article, sidebar, summary pane, search bar and footer.

State lives here and flows down: ``article`` (None until it is built),
``show_summary``, ``show_sidebar``, ``algorithm``, ``length``, ``narrow``,
``search`` (a reader.search.SearchState). Widgets post messages up
(JumpRequest, PositionChanged, SearchBar.*). Slow work (loading a source,
building the article, summarizing, exporting) runs in thread workers.

Workers post typed messages (reader.ui.messages: ArticleOpened,
SummaryReady, SummaryStopped, Exported) handled with ``@on``; every failure
is a WorkFailed, handled in one place (``work_failed``).

Resume: each article's reading position and pane settings are saved in the
state file (reader.state) under ``source_key(spec, text)``: every few
seconds while they change, when another article is opened and on quit; they
are restored once the article is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList
from textual.worker import Worker, WorkerState, get_current_worker

from reader.errors import ReaderError
from reader.sources.url import public_url
from reader.summary.algorithms import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_LENGTH,
    Summary,
    SummaryCancelled,
)
from reader.ui.article_view import ArticleView
from reader.ui.footer import ReaderFooter
from reader.ui.header import ReaderHeader
from reader.ui.messages import (
    ArticleOpened,
    ArticleShown,
    Copyable,
    Exported,
    FeedsOpened,
    JumpRequest,
    PositionChanged,
    SettingChanged,
    SummaryReady,
    SummaryStopped,
    WorkFailed,
    WorkKind,
)
from reader.ui.navigation import NavigableScreen
from reader.ui.sidebar import Sidebar
from reader.ui.text import one_line

if TYPE_CHECKING:
    from textual.notifications import Notification

    from reader.article.model import Article
    from reader.prefetch import Prefetch
    from reader.search import SearchState
    from reader.sources.document import Document
    from reader.state import ArticleState, StateStore
    from reader.ui.search_bar import SearchBar
    from reader.ui.summary_pane import SummaryPane

SECTION = Binding.Group("Section", compact=True)
ALGORITHM = Binding.Group("Algorithm", compact=True)
LENGTH = Binding.Group("Length", compact=True)
MATCH = Binding.Group("Match", compact=True)
WIDTH = Binding.Group("Width", compact=True)
WIDTH_STEP = 5  # columns per w / W
SAVE_EVERY = 2.0  # seconds between saves of the reading position while it changes
NARROW = 100  # below this many columns the sidebar starts hidden and shows over the article
TINY = 60  # below this many columns the header leaves out the source
# How long the first screen waits for the article being built before it is
# drawn (with a spinner instead, when the article takes longer: a long text).
FIRST_SCREEN_WAIT = 0.5
# Seconds after the article is on screen before sumy and nltk load in the background
# (the first frames are drawn without competing with the import).
PREPARE_SUMMARIES_AFTER = 0.5


class ReaderScreen(NavigableScreen):
    """Reads one article at a time."""

    AUTO_FOCUS = "#article"

    BINDINGS = [
        Binding("s", "toggle_summary", "Summary", id="reader.summary"),
        Binding(
            "right_square_bracket",
            "section(1)",
            "Next section",
            id="article.next_section",
            key_display="]",
            group=SECTION,
        ),
        Binding(
            "left_square_bracket",
            "section(-1)",
            "Previous section",
            id="article.previous_section",
            key_display="[",
            group=SECTION,
        ),
        Binding(
            "right_curly_bracket",
            "paragraph(1)",
            "Next paragraph",
            show=False,
            id="article.next_paragraph",
            key_display="}",
        ),
        Binding(
            "left_curly_bracket",
            "paragraph(-1)",
            "Previous paragraph",
            show=False,
            id="article.previous_paragraph",
            key_display="{",
        ),
        Binding(
            "a", "algorithm(1)", "Next algorithm", id="summary.next_algorithm", group=ALGORITHM
        ),
        Binding(
            "A",
            "algorithm(-1)",
            "Previous algorithm",
            id="summary.previous_algorithm",
            key_display="A",
            group=ALGORITHM,
        ),
        Binding(
            "plus",
            "length(1)",
            "One sentence more",
            id="summary.longer",
            key_display="+",
            group=LENGTH,
        ),
        Binding(
            "minus",
            "length(-1)",
            "One sentence fewer",
            id="summary.shorter",
            key_display="-",
            group=LENGTH,
        ),
        Binding(
            "escape", "cancel_summary", "Cancel summary", id="summary.cancel", key_display="esc"
        ),
        Binding("b", "toggle_sidebar", "Sidebar", id="reader.sidebar"),
        Binding("t", "toggle_contents", "Contents", show=False, id="reader.contents"),
        Binding("o", "open", "Open source", show=False, id="reader.open"),
        Binding("l", "links", "Links", show=False, id="links.show"),
        Binding("tab", "focus_pane(1)", "Next pane", show=False, id="reader.focus_next"),
        Binding(
            "shift+tab", "focus_pane(-1)", "Previous pane", show=False, id="reader.focus_previous"
        ),
        Binding("slash", "search", "Search", id="article.search", key_display="/"),
        Binding("n", "search_step(1)", "Next match", id="search.next", group=MATCH),
        Binding(
            "N",
            "search_step(-1)",
            "Previous match",
            id="search.previous",
            key_display="N",
            group=MATCH,
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear search",
            show=False,
            id="search.clear",
            key_display="esc",
        ),
        Binding("y", "copy", "Copy", id="reader.copy"),
        Binding("e", "export", "Export", id="reader.export"),
        Binding(
            "w", "width(-1)", "Narrower column", show=False, id="reader.narrower", group=WIDTH
        ),
        Binding(
            "W",
            "width(1)",
            "Wider column",
            show=False,
            id="reader.wider",
            key_display="W",
            group=WIDTH,
        ),
    ]

    show_summary: reactive[bool] = reactive(False, init=False)
    show_sidebar: reactive[bool] = reactive(True)
    narrow: reactive[bool] = reactive(False)
    algorithm: reactive[str] = reactive(DEFAULT_ALGORITHM, init=False)
    length: reactive[int] = reactive(DEFAULT_LENGTH, init=False)

    def __init__(
        self,
        source: str | None = None,
        document: Document | None = None,
        *,
        fresh: bool = False,
        algorithm: str = DEFAULT_ALGORITHM,
        length: int = DEFAULT_LENGTH,
        column_width: int | None = None,
        prefetch: Prefetch | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.document = document
        self._prefetch = prefetch  # the first article, being built in a child process
        self.article: Article | None = None
        self.summaries: dict[tuple[str, int], Summary] = {}
        self._view: ArticleView | None = None
        self._search: SearchState | None = None  # reader.search is imported at the first search
        self._search_from: tuple | None = None  # (view place, reading point) when / was pressed
        # Resume state.
        self._store: StateStore | None = None
        self.fresh = fresh  # the first article opens at the top
        self.default_algorithm = algorithm
        self.default_length = length
        self.set_reactive(ReaderScreen.algorithm, algorithm)
        self.set_reactive(ReaderScreen.length, length)
        self._column_width = column_width
        self._state_key: str | None = None
        self._content = ""
        self._saved: ArticleState | None = None
        self.sidebar_wanted = (
            True  # the user's choice (a narrow terminal hides the sidebar regardless)
        )
        self._notices: dict[str, Notification] = {}
        self._summaries_prepared = False
        self._preview: Article | None = None  # a long text's first part, shown while it is built
        # The last state lookup (spec, text, key, saved): the first screen asks more than once.
        self._lookup: tuple[str | None, str, str, ArticleState | None] | None = None
        self._previewing = False

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The first screen holds only what it shows; the summary pane and the
        # sidebar's lists are mounted right after it is painted (start-up time).
        yield ReaderHeader(id="header")
        with Horizontal(id="main"):
            yield ArticleView(id="article")
            yield Sidebar(id="sidebar")
        yield ReaderFooter()

    @property
    def view(self) -> ArticleView:
        if self._view is None:
            self._view = self.query_one(ArticleView)
        return self._view  # kept: it still knows the position when the screen is unmounted

    @property
    def search(self) -> SearchState:
        """The search going on (an empty one when there is none)."""
        if self._search is None:
            from reader.search import SearchState

            self._search = SearchState()
        return self._search

    @search.setter
    def search(self, search: SearchState) -> None:
        self._search = search

    @property
    def searching(self) -> bool:
        return self._search is not None and self._search.active

    @property
    def store(self) -> StateStore:
        """The resume state of every article (the state file is read when first needed)."""
        if self._store is None:
            from reader.state import StateStore

            self._store = StateStore()
        return self._store

    @property
    def summary_pane(self) -> SummaryPane:
        return self.query_one("#summary-pane")  # type: ignore[return-value]

    def _pane(self, selector: str) -> Widget | None:
        """A widget mounted after the first paint, or None before."""
        found = self.query(selector)
        return found.first() if found else None

    async def on_mount(self) -> None:
        header = self.query_one(ReaderHeader)
        document = self.document
        shown = public_url(self.source or "")  # never a user name or password on screen
        header.title = (document.title or document.name or "") if document else shown
        header.source = document.source if document else shown
        if self._column_width is not None:
            self.view.column_width = self._column_width
        self.view.focus()
        self._apply_size(self.size.width)
        self.set_interval(SAVE_EVERY, self.save_state)
        started = monotonic()
        opened = self._prefetched(0)
        prefetch = self._prefetch
        if opened is None and self._preview is None and prefetch and not prefetch.remote:
            # The child process is still at work. Only what the first screen needs is done
            # meanwhile (the summary pane and the sidebar's lists come after the first paint,
            # which the article would otherwise wait for if it came in the middle of them).
            if prefetch.document is None:  # still being read (a web page): built here, then
                prefetch.warm()
            if not self.fresh:
                self.store.warm()  # the reading positions, for where the article opens
            opened = self._prefetched(max(0.0, FIRST_SCREEN_WAIT - (monotonic() - started)))
        if opened is not None:  # the first screen shows the article; the other panes follow
            saved = self._saved_state(opened.spec, opened.text)
            if saved is not None and saved.summary_open:  # resumed with the summary: laid out now
                await self._mount_summary_pane()
            await self._show_opened(opened)
            self.call_after_refresh(self._mount_panes)
        elif self._preview is not None:  # a long text: its first part now, the whole from a worker
            await self._show_preview(self._preview)
            self.call_after_refresh(self._after_first_paint)
        else:  # the first screen shows a spinner; the article comes from a worker
            self.view.loading = True
            self.call_after_refresh(self._after_first_paint)

    def _prefetched(self, timeout: float) -> ArticleOpened | None:
        """The first article if its child process builds it within ``timeout`` seconds."""
        prefetch = self._prefetch
        if prefetch is None or prefetch.remote:  # a web address may take long: a spinner
            return None
        try:
            article = prefetch.first(timeout)
        except Exception:  # the open worker reports it
            return None
        if article is None or prefetch.document is None:
            return None
        if article is prefetch.head:  # the whole is still being built (the open worker waits)
            if self._may_preview(prefetch.spec, prefetch.document.text):
                self._preview = article
            return None
        self._prefetch = None
        return ArticleOpened(prefetch.spec, article, prefetch.document.text)

    def _saved_state(self, spec: str | None, text: str) -> ArticleState | None:
        """Where the article would open (None: at the top, with the default panes)."""
        if self.fresh:
            return None
        return self._looked_up(spec, text)[1]

    def _looked_up(self, spec: str | None, text: str) -> tuple[str, ArticleState | None]:
        """The state key of an article and its saved state: looked up once per article opened."""
        last = self._lookup
        if last is not None and last[0] == spec and last[1] is text:
            return last[2], last[3]
        from reader.state import source_key

        key = source_key(spec, text)
        saved = self.store.get(key)
        self._lookup = (spec, text, key, saved)
        return key, saved

    def _may_preview(self, spec: str | None, text: str) -> bool:
        """Whether the first part may be shown: not when the article opens where its reader left it."""
        saved = self._saved_state(spec, text)
        return saved is None or saved.paragraph == 0

    async def _show_preview(self, article: Article) -> None:
        """Show the first part of a long text while the whole is built (no summary or sections yet)."""
        self._previewing = True
        header = self.query_one(ReaderHeader)
        header.title = article.title
        header.source = article.site or article.source
        header.author = article.author or ""
        header.date = article.date or ""
        await self.view.show_article(article)

    async def _mount_summary_pane(self) -> None:
        """The summary pane (hidden), unless it is mounted already."""
        from reader.ui.summary_pane import SummaryPane

        if self._pane("#summary-pane") is not None:
            return
        pane = SummaryPane(id="summary-pane")
        pane.display = False
        await self.mount(pane, before="#main")

    async def _mount_panes(self) -> None:
        """The summary pane (hidden) and the sidebar's lists."""
        await self._mount_summary_pane()
        await self.query_one(Sidebar).populate()

    async def _after_first_paint(self) -> None:
        await self._mount_panes()
        self.open_source(self.source, self.document)

    def on_resize(self, event: Resize) -> None:
        self._apply_size(event.size.width)

    def _apply_size(self, width: int) -> None:
        if width:
            self.narrow = width < NARROW
            self.set_class(width < TINY, "-tiny")

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self.show_sidebar = not narrow and self.sidebar_wanted

    def watch_show_sidebar(self, shown: bool) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.display = shown
        if not shown and sidebar.has_focus_within:
            self.view.focus()

    def watch_show_summary(self, shown: bool) -> None:
        if self._pane("#summary-pane") is None:  # mounted right after the first paint: then
            self.call_after_refresh(self._with_summary_pane, shown)
            return
        pane = self.summary_pane
        pane.display = shown
        if shown:
            self._request_summary()
        else:
            self.workers.cancel_group(self, "summary")
            pane.show_message("")
            self.view.summary = frozenset()
            if pane.has_focus_within:
                self.view.focus()
        self.refresh_bindings()

    # -- loading -------------------------------------------------------------

    def open_source(self, spec: str | None, document: Document | None = None) -> None:
        """Load ``spec`` (unless ``document`` is given) and build its article, in a worker."""
        if document is None and spec is not None and spec.strip() == "-":
            # Standard input is the keyboard here: reading it would take the keys.
            self.notify(
                "Cannot open “-” here: standard input is the keyboard in the reader. "
                "Pipe the text in at start-up instead (… | reader -).",
                title="Cannot open",
                severity="error",
                markup=False,
            )
            return
        if self._previewing:  # the first part stays; the sidebar fills with the whole article
            self.query_one(Sidebar).loading = True
        elif self.article is None:
            self.view.loading = True
        else:
            self.notify(
                f"Opening {one_line(public_url(spec) if spec else 'the bundled article')}\u2026",
                markup=False,
                timeout=2,
            )
        self._open(spec, document)

    def _post_result(self, kind: WorkKind, work: Callable[[], Message | None]) -> None:
        """Run ``work`` (in a worker thread) and post what it gives, or WorkFailed; nothing once cancelled."""
        worker = get_current_worker()
        try:
            message = work()
        except Exception as error:
            message = WorkFailed(kind, error)
        if message is not None and not worker.is_cancelled:
            self.post_message(message)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _open(self, spec: str | None, document: Document | None) -> None:
        prefetch, self._prefetch = self._prefetch, None

        def load_and_build() -> ArticleOpened | FeedsOpened:
            if prefetch is not None and prefetch.spec == spec:  # built in the child process
                article = prefetch.article()
                if prefetch.feeds is not None:
                    return FeedsOpened(prefetch.feeds)  # a feed: the app shows its stories
                assert article is not None and prefetch.document is not None
                return ArticleOpened(spec, article, prefetch.document.text)
            from reader.article.build import build_article
            from reader.feeds.source import FeedSource, open_any

            loaded = document
            if loaded is None:
                found = open_any(spec)
                if isinstance(found.item, FeedSource):
                    return FeedsOpened(found.item)  # a feed: the app shows its stories
                loaded = found.item
                if found.offline:
                    self._offline_notice(found.offline, found.stored)
            return ArticleOpened(spec, build_article(loaded), loaded.text)

        self._post_result("open", load_and_build)

    def _offline_notice(self, reason: str, stored: float | None) -> None:
        from reader.feeds.cache import age_text

        self.app.call_from_thread(
            self.notify,
            one_line(f"Offline ({reason}): showing the copy fetched {age_text(stored or 0)}."),
            title="Offline",
            severity="warning",
            markup=False,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="summary")
    def _summarize(self, article: Article, algorithm: str, length: int) -> None:
        from reader.summary.algorithms import summarize

        worker = get_current_worker()

        def progress(share: float) -> None:
            if not worker.is_cancelled:
                try:
                    self.app.call_from_thread(self._summary_progress, share)
                except RuntimeError:  # the app has stopped
                    pass

        def compute() -> SummaryReady | SummaryStopped:
            try:
                summary = summarize(
                    article,
                    algorithm,
                    length,
                    progress=progress,
                    cancelled=lambda: worker.is_cancelled,
                )
            except SummaryCancelled:
                return SummaryStopped()
            return SummaryReady(article, length, summary)

        self._post_result("summary", compute)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A cancelled summary says so at once (its thread stops at its next check)."""
        if event.worker.group == "summary" and event.state == WorkerState.CANCELLED:
            self.post_message(SummaryStopped())

    @on(WorkFailed)
    def work_failed(self, failed: WorkFailed) -> None:
        """Every worker's failure: one line, in the place it concerns."""
        message = _message(failed.error)
        if failed.kind == "open":
            self.view.loading = False
            if self.article is None:
                self.app.exit(return_code=2, message=_exit_text(message))
            else:
                self.notify(message, title="Not opened", severity="error", markup=False)
        elif failed.kind == "summary":
            self.summary_pane.show_message(f"No summary: {message}")
            self.notify(message, title="Summary failed", severity="error", markup=False)
            self.refresh_bindings()
        else:
            self.notify(message, title="Export failed", severity="error", markup=False)

    @on(ArticleOpened)
    async def article_opened(self, opened: ArticleOpened) -> None:
        await self._show_opened(opened)

    @on(FeedsOpened)
    def feeds_opened(self, opened: FeedsOpened) -> None:
        self.view.loading = False
        self.app.show_stories(opened.source)  # type: ignore[attr-defined]

    async def _show_opened(self, opened: ArticleOpened) -> None:
        """Show an opened article where its reader left it (unless ``fresh``), and track it."""
        if self._state_key is not None:  # an article is left (maybe this one, reopened)
            self.save_state()
            self._lookup = None  # its state is read as just saved
        self._state_key = None
        self.source = opened.spec
        key, saved = self._looked_up(opened.spec, opened.text)
        self._lookup = None  # read again when an article is opened next
        if self.fresh:
            saved = None
        self.fresh = False
        self._store_warnings()
        if saved is not None:
            saved = saved.clamped(len(opened.article.paragraphs))
        # Without calling the watchers: show_article asks for the summary with these.
        self.set_reactive(
            ReaderScreen.algorithm, saved.algorithm if saved else self.default_algorithm
        )
        self.set_reactive(ReaderScreen.length, saved.length if saved else self.default_length)
        await self.show_article(opened.article)
        self.arrived(opened.spec, opened.article.title, opened.article.site or "")
        if saved is None:
            self._track(key, opened.text)
        else:
            self._resume(saved, opened, key)

    def _summary_progress(self, share: float) -> None:
        if self.summarizing:
            self.summary_pane.show_progress(share)

    @on(SummaryReady)
    def summary_ready(self, ready: SummaryReady) -> None:
        summary = ready.summary
        if ready.article is self.article:
            self.summaries[(summary.algorithm, ready.length)] = summary
            if self.show_summary and (summary.algorithm, ready.length) == (
                self.algorithm,
                self.length,
            ):
                self._show_summary(summary)
        self.refresh_bindings()

    @on(SummaryStopped)
    def summary_stopped(self) -> None:
        if self.show_summary and not self._summary_ready() and not self.summarizing:
            # A quiet cancel (another summary may have taken its place).
            self.summary_pane.show_message(
                "Summary cancelled. Press a, A, + or - to compute one again."
            )
        self.refresh_bindings()

    async def show_article(self, article: Article) -> None:
        """Show ``article`` in every part of the screen."""
        self.workers.cancel_group(self, "summary")
        self._end_search()
        previewed = self.view.article if self._previewing else None
        # The whole of the text previewed: the view stays where the reader is in it.
        keep_place = previewed is not None and article.text.startswith(previewed.text)
        self._previewing = False
        self._preview = None
        self.query_one(Sidebar).loading = False
        self.article = article
        self.summaries = {}
        self.length = min(self.length, max(1, len(article.sentences)))
        header = self.query_one(ReaderHeader)
        header.title = article.title
        header.source = article.site or article.source
        header.author = article.author or ""
        header.date = article.date or ""
        header.words = article.word_count
        header.show_section(article.sections[0] if article.sections else None, article.sections)
        contents = self._pane("#contents")
        if contents is not None:
            contents.show_sections(article)  # type: ignore[attr-defined]
        self.query_one(Sidebar).show_article(article)
        self.view.summary = frozenset()
        await self.view.show_article(article, keep_place=keep_place)
        self.view.loading = False
        if self.focused is None or not self.focused.display:
            self.view.focus()
        if self.show_summary:
            self._request_summary()
        self.refresh_bindings()
        self.post_message(ArticleShown())
        if not self._summaries_prepared:  # sumy and nltk load while the reader reads
            self._summaries_prepared = True
            self.set_timer(PREPARE_SUMMARIES_AFTER, partial(_prepare_summaries, self.algorithm))

    # -- summary -------------------------------------------------------------

    def _summary_ready(self) -> bool:
        return (self.algorithm, self.length) in self.summaries

    @property
    def summarizing(self) -> bool:
        return any(w.group == "summary" and w.is_running for w in self.workers)

    def _request_summary(self) -> None:
        if self.article is None:
            self.summary_pane.show_message(
                "The summary is computed once the article is ready\u2026"
            )
            return
        cached = self.summaries.get((self.algorithm, self.length))
        if cached is not None:
            self.workers.cancel_group(self, "summary")
            self._show_summary(cached)
            return
        self.summary_pane.show_busy(self.algorithm, self.length)
        self._summarize(self.article, self.algorithm, self.length)
        self.refresh_bindings()

    def _show_summary(self, summary: Summary) -> None:
        self.summary_pane.show_summary(summary, self.length)
        self.view.summary = frozenset(summary.indexes)

    def watch_algorithm(self) -> None:
        if self.show_summary:
            self._request_summary()

    watch_length = watch_algorithm

    # -- actions -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("algorithm", "length"):
            return self.show_summary
        if action == "cancel_summary":
            return self.show_summary and self.summarizing
        if action == "search" and self._typing_search():
            return False  # "/" is text in the field
        if action in ("toggle_summary", "section", "paragraph", "search", "export", "links"):
            return True if self.article is not None else None
        if action == "search_step":  # n / N: only while there are matches to go through
            return self.searching and self.search.found
        if action == "clear_search":
            return self.searching
        return True

    async def _with_summary_pane(self, shown: bool) -> None:
        await self._mount_summary_pane()
        if self.show_summary == shown:
            self.watch_show_summary(shown)

    async def action_toggle_summary(self) -> None:
        """Open the summary pane and move into it, or close it and go back to the article."""
        await self._mount_summary_pane()  # (s pressed as the first screen appears)
        self.show_summary = not self.show_summary
        if self.show_summary:
            self.summary_pane.focus_target.focus()
        else:
            self.view.focus()

    async def action_toggle_contents(self) -> None:
        """Show the contents pane (focused, on the section being read), or hide it."""
        from reader.ui.contents import ContentsList

        if self.article is None:
            return
        contents = self._pane("#contents")
        if contents is not None and contents.display:
            contents.display = False
            self.view.focus()
            return
        if len(self.article.sections) < 2:
            self.notice(
                "contents", "This text has no sections: ] and [ move by paragraph", timeout=3
            )
            return
        if contents is None:
            contents = ContentsList(id="contents")
            await self.query_one("#main").mount(contents, before="#article")
        contents.display = True
        contents.show_sections(self.article, self.view.section)  # type: ignore[attr-defined]
        contents.focus()

    def action_toggle_sidebar(self) -> None:
        """Show the sidebar and move into its first list, or hide it and go back to the article."""
        self.show_sidebar = not self.show_sidebar
        if not self.narrow:
            self.sidebar_wanted = self.show_sidebar
        if self.show_sidebar:
            lists = self._sidebar_lists()
            if lists:
                lists[0].focus()
        elif self.focused is None or not self.focused.display:
            self.view.focus()

    def action_algorithm(self, step: int) -> None:
        self.algorithm = ALGORITHMS[(ALGORITHMS.index(self.algorithm) + step) % len(ALGORITHMS)]

    def action_length(self, step: int) -> None:
        most = len(self.article.sentences) if self.article else DEFAULT_LENGTH
        length = max(1, min(most, self.length + step))
        if length == self.length:  # a limit: say so rather than do nothing
            if step > 0:
                self.notice("length", f"The summary has every sentence of the article ({most})")
            else:
                self.notice("length", "The summary is at its shortest: one sentence")
            return
        self.length = length

    def action_cancel_summary(self) -> None:
        self.workers.cancel_group(self, "summary")

    async def action_section(self, step: int) -> None:
        if self.article is not None:
            await self.view.step_section(step)

    async def action_paragraph(self, step: int) -> None:
        if self.article is not None:
            await self.view.step_paragraph(step)

    def _sidebar_lists(self) -> list[Widget]:
        """The sidebar's lists that have something to show."""
        return [
            p
            for p in (self._pane("#photos"), self._pane("#quotes"))
            if isinstance(p, OptionList) and p.option_count
        ]

    def _panes(self) -> list[Widget]:
        """The parts tab goes through, in screen order: the summary on top, the article, the sidebar."""
        panes: list[Widget] = []
        if self.show_summary and self._pane("#summary-pane") is not None:
            panes.append(self.summary_pane.focus_target)
        panes.append(self.view)
        if self.show_sidebar:
            panes += self._sidebar_lists()
        return panes

    def action_focus_pane(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        current = next(
            (
                i
                for i, pane in enumerate(panes)
                if focused is pane or (focused and pane in focused.ancestors)
            ),
            None,
        )
        target = 0 if current is None else (current + step) % len(panes)
        panes[target].focus()

    def action_links(self) -> None:
        """List the article's links: one opens in the reader (``enter``) or the browser (``O``)."""
        from reader.ui.links_screen import LinksScreen

        if self.article is None:
            return

        def chosen(spec: str | None) -> None:
            if spec:
                self.go_to(spec)

        self.app.push_screen(LinksScreen(self, self.article), chosen)

    def action_open(self) -> None:
        from reader.ui.open_screen import OpenScreen

        def opened(spec: str | None) -> None:
            if spec:
                self.go_to(spec)

        self.app.push_screen(OpenScreen(), opened)

    # -- resume --------------------------------------------------------------

    def _resume(self, saved: ArticleState, opened: ArticleOpened, key: str) -> None:
        """Put back the panes of ``saved``, then (once they are laid out) its reading position."""
        from reader.state import resume_message
        from reader.summary.algorithms import algorithm_name

        self.sidebar_wanted = saved.sidebar
        self.show_sidebar = saved.sidebar and not self.narrow
        self.show_summary = saved.summary_open
        restored = replace(saved, algorithm=self.algorithm, length=self.length)
        changed = saved.changed_since(opened.text)

        def restore() -> None:
            if self.article is not opened.article:
                return  # another article was opened meanwhile
            # The scroll fraction fits the text it was saved for only.
            self.view.restore_position(saved.paragraph, 0.0 if changed else saved.scroll)
            self.notify(
                resume_message(
                    restored,
                    len(opened.article.paragraphs),
                    changed=changed,
                    algorithm=algorithm_name(self.algorithm),
                ),
                markup=False,
                timeout=4,
            )
            self._track(key, opened.text)

        self.call_after_refresh(restore)

    def _track(self, key: str, text: str) -> None:
        """From now on save the reading position of the article shown under ``key``."""
        from reader.state import content_digest

        self._state_key, self._content, self._saved = key, content_digest(text), None
        self.call_after_refresh(self.save_state)  # the file is written after the screen is drawn

    @property
    def settled(self) -> bool:
        """True once the article is shown at its reading position (resumed or at the top)."""
        return self.article is not None and self._state_key is not None and not self.view.restoring

    def reading_state(self) -> ArticleState | None:
        """What would be saved for the article shown now (None before it is shown)."""
        if self._state_key is None or self.article is None or self.view.restoring:
            return None
        from reader.state import ArticleState

        return ArticleState(
            paragraph=self.view.paragraph,
            scroll=round(self.view.scroll_fraction, 6),
            algorithm=self.algorithm,
            length=self.length,
            sidebar=self.sidebar_wanted,
            summary_open=self.show_summary,
            content=self._content,
        )

    def shown_progress(self) -> float | None:
        """How far the article shown has been read, 0-1 (None when none is shown)."""
        if self.article is None:
            return None
        return round(self.view.progress, 3)  # as the header shows it

    def shown_url(self) -> str | None:
        """The article's original web address, if it has one."""
        if self.article is not None and self.article.url:
            return self.article.url
        spec = self.source or ""
        return spec if spec.lower().startswith(("http://", "https://")) else None

    def save_state(self) -> None:
        """Save the reading position and panes of the article shown (if they changed since the last save)."""
        state = self.reading_state()
        if state is None or self._state_key is None or state == self._saved:
            return
        self.store.put(self._state_key, state)
        self._saved = state
        self._store_warnings()

    def _store_warnings(self) -> None:
        for warning in self.store.warnings:
            self.app.notify(
                one_line(warning),
                title="Reading positions",
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.store.warnings.clear()

    # -- search --------------------------------------------------------------

    def _typing_search(self) -> bool:
        focused = self.focused
        return focused is not None and focused.id == "search-input"

    async def _search_bar(self) -> SearchBar:
        from reader.ui.search_bar import SearchBar

        found = self.query(SearchBar)
        if found:
            return found.first()
        bar = SearchBar(id="search")
        await self.mount(bar, after="#main")
        return bar

    async def action_search(self) -> None:
        bar = await self._search_bar()
        self._search_from = (self.view.place, self.view.reading_point())
        bar.open(self.search.query)
        self._show_counter()  # the count of the search going on; none after a clear

    def _run_search(self, query: str) -> None:
        from reader.search import SearchState

        view = self.view
        place, point = self._search_from or (view.place, view.reading_point())
        self.search = SearchState.start(query, view.paragraph_texts(), point)
        view.show_search(self.search)
        if self.search.match is not None:
            view.go_to_match(self.search.match)
        else:
            view.return_to(place)  # nothing found: the view stays where the reader was
        self._show_counter()

    def _show_counter(self) -> None:
        from reader.ui.search_bar import SearchBar

        found = self.query("#search")
        if found:
            found.first(SearchBar).set_counter(
                self.search.counter, self.search.found or not self.search.active
            )
        self.refresh_bindings()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        if self.article is not None:
            self._run_search(event.query)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        if self.article is None or not event.query.strip():
            self._end_search()
            return
        if event.query != self.search.query:
            self._run_search(event.query)
        self._search_from = None
        if not self.search.found:
            self.notice(
                "search",
                f"No match for \u201c{one_line(event.query)}\u201d",
                severity="warning",
                timeout=3,
            )
        self.view.focus()
        self.refresh_bindings()

    def on_search_bar_cleared(self, event: SearchBar.Cleared) -> None:
        self._end_search()

    def action_clear_search(self) -> None:
        self._end_search()

    def _end_search(self) -> None:
        """Clear the search: no highlights, no bar, the view where it is."""
        self._search = None
        self._search_from = None
        self.view.show_search(None)
        found = self.query("#search")
        if found:
            from reader.ui.search_bar import SearchBar

            bar = found.first(SearchBar)
            refocus = bar.has_focus_within
            bar.set_counter("")
            bar.display = False
            if refocus:
                self.view.focus()
        self.refresh_bindings()

    def action_search_step(self, step: int) -> None:
        from reader.search import next_match

        search = self.search
        if not search.found:
            self.notice(
                "search",
                f"No match for \u201c{one_line(search.query)}\u201d",
                severity="warning",
                timeout=3,
            )
            return
        view = self.view
        if search.match is not None and view.match_in_view(search.match):
            moved = search.next() if step > 0 else search.previous()
            wrapped = (
                moved.current is not None
                and search.current is not None
                and (
                    (step > 0 and moved.current < search.current)
                    or (step < 0 and moved.current > search.current)
                )
            )
        else:  # the reader has scrolled away: from the reading position
            moved = replace(
                search,
                current=next_match(search.matches, view.reading_point(), backwards=step < 0),
            )
            wrapped = False
        self.search = moved
        view.show_search(moved)
        if moved.match is not None:
            view.go_to_match(moved.match)
        self._show_counter()
        if wrapped:
            where = "top" if step > 0 else "bottom"
            self.notice("search", f"Search wrapped round to the {where}", timeout=1.5)

    # -- copy, export, column width -------------------------------------------

    def _copied_text(self) -> tuple[str, str] | None:
        """What ``y`` copies: the focused list's item, else the article's highlight, else the summary shown."""
        from reader.export import summary_text

        focused = self.focused
        if isinstance(focused, Copyable) and focused is not self.view:
            return focused.copy_text()
        copied = self.view.copy_text()
        if copied is not None:
            return copied
        summary = self.summaries.get((self.algorithm, self.length))
        if self.show_summary and summary is not None and summary.sentences:
            return summary_text(summary), "the summary"
        return None

    def action_copy(self) -> None:
        copied = self._copied_text()
        if copied is None or not copied[0]:
            self.notice(
                "copy",
                "Nothing to copy here: focus a quote, a caption or the summary (tab), "
                "or pick one with enter to highlight it in the article.",
                severity="warning",
                timeout=4,
            )
            return
        text, what = copied
        self.app.copy_to_clipboard(text)  # OSC 52
        preview = one_line(text)
        preview = preview if len(preview) <= 48 else preview[:47].rstrip() + "\u2026"
        self.notice("copy", f"Copied {what}: {preview}", timeout=3)
        self.copy_elsewhere(text, what)

    @work(thread=True, exclusive=True, exit_on_error=False, group="copy")
    def copy_elsewhere(self, text: str, what: str) -> None:
        """The tmux buffer or pyperclip as well, and a warning when OSC 52 may not arrive."""
        from reader.ui.clipboard import copy_elsewhere

        result = copy_elsewhere(text)
        if not result.osc52_doubtful:
            return
        setting = f" (it is {result.setting})" if result.setting else ""
        where = f"Copied {what} to {result.also}" if result.also else f"Maybe not copied: {what}"
        paste = " (prefix ] pastes it)" if result.also == "tmux's paste buffer" else ""
        message = (
            f"{where}{paste}. The terminal's clipboard gets it from tmux only with "
            f"'set -g set-clipboard on'{setting}."
        )
        try:
            self.app.call_from_thread(self.notice, "copy", message, severity="warning", timeout=8)
        except RuntimeError:  # the app has stopped
            pass

    def action_export(self) -> None:
        """Ask where to write the outline, then write it there (in a worker)."""
        if self.article is None:
            return
        from reader.export import export_filename
        from reader.ui.export_screen import ExportScreen

        article, algorithm, length = self.article, self.algorithm, self.length

        def chosen(path: Path | None) -> None:
            if path is not None and article is self.article:
                summary = self.summaries.get((algorithm, length))
                self._export(article, algorithm, length, summary, path)

        self.app.push_screen(ExportScreen(export_filename(article.title)), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(
        self, article: Article, algorithm: str, length: int, summary: Summary | None, path: Path
    ) -> None:
        def export() -> Exported:
            from reader.errors import ReaderError
            from reader.export import create_file, export_markdown
            from reader.inert import shown_name
            from reader.summary.algorithms import summarize

            done = summary if summary is not None else summarize(article, algorithm, length)
            try:
                create_file(path, export_markdown(article, done))  # never overwrites (O_EXCL)
            except FileExistsError:
                raise ReaderError(
                    f"{shown_name(str(path))} exists already: nothing was written"
                ) from None
            except OSError as error:
                raise ReaderError(
                    f"cannot write {shown_name(str(path))}: {error.strerror or error}"
                ) from None
            return Exported(article, length, done, path)

        self._post_result("export", export)

    @on(Exported)
    def exported(self, exported: Exported) -> None:
        if exported.article is self.article:
            self.summaries.setdefault(
                (exported.summary.algorithm, exported.length), exported.summary
            )
        self.notify(
            f"Exported the outline to {one_line(str(exported.path))}",
            title="Export",
            markup=False,
            timeout=5,
        )

    def action_width(self, step: int) -> None:
        from reader.settings import MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH

        view = self.view
        width = max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, view.column_width + step * WIDTH_STEP))
        if width == view.column_width:
            most = "widest" if step > 0 else "narrowest"
            self.notice("width", f"The column is at its {most} ({width} columns)")
            return
        view.column_width = width
        shown = view.scrollable_content_region.width
        note = f" (the window shows {shown})" if 0 < shown < width else ""
        self.notice("width", f"Column width {width}{note}")
        self.post_message(SettingChanged("column_width", width))

    def notice(
        self, kind: str, message: str, *, severity: str = "information", timeout: float = 2.5
    ) -> None:
        """A brief notification that takes the place of the last one of the same ``kind``.

        (Pressing W five times shows one "Column width" notice, not five.)
        """
        from textual.notifications import Notification

        app = self.app
        notification = Notification(message, "", severity, timeout, markup=False)  # type: ignore[arg-type]
        previous = self._notices.get(kind)
        self._notices[kind] = notification
        try:  # Textual's own bookkeeping, synchronously (App.notify posts a message: too late to replace)
            shown = app._notifications
            if previous is not None and previous in shown:
                del shown[previous]
            shown.add(notification)
            app._refresh_notifications()
        except AttributeError:  # pragma: no cover - Textual internals moved
            app.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    # -- messages ------------------------------------------------------------

    @on(JumpRequest)
    async def jump(self, request: JumpRequest) -> None:
        view = self.view
        if request.kind == "caption":
            await view.mark_photo(request.paragraph)
        elif request.kind in ("quote", "sentence"):
            await view.mark_span(request.paragraph, request.start, request.end)
        elif request.kind == "section":
            await view.go_to_section(request.paragraph)
        else:
            await view.go_to_paragraph(request.paragraph)
        if self.narrow and self.show_sidebar and request.kind in ("caption", "quote"):
            self.show_sidebar = False  # it covers the article: show the place
            view.focus()

    @on(PositionChanged)
    def position_changed(self, event: PositionChanged) -> None:
        if self.article is None:  # the first part of a long text: no progress through it yet
            return
        header = self.query_one(ReaderHeader)
        header.progress = event.progress
        if self.article is not None and event.section < len(self.article.sections):
            section = self.article.sections[event.section]
            header.show_section(section, self.article.sections)
            contents = self._pane("#contents")
            if contents is not None:
                contents.follow(event.section)  # type: ignore[attr-defined]
            quotes = self._pane("#quotes")
            if quotes is not None:
                quotes.follow_section([p.index for p in section.paragraphs])  # type: ignore[attr-defined]


def _prepare_summaries(algorithm: str) -> None:
    """Import what summaries need in a background thread (a daemon: quitting never waits for it)."""
    import threading

    def run() -> None:
        from reader.summary.algorithms import prepare

        try:
            prepare(algorithm)
        except Exception:  # the summary worker reports any problem when a summary is asked for
            pass

    threading.Thread(target=run, name="prepare-summaries", daemon=True).start()


def _message(error: BaseException | None) -> str:
    if isinstance(error, ReaderError):
        return one_line(error.message)
    return one_line(f"{type(error).__name__}: {error}") if error else "unknown error"


def _exit_text(message: str) -> Text:
    return Text(f"reader: error: {message}", no_wrap=True, overflow="ignore")
