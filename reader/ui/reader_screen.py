"""The reader's main screen: header, article, sidebar, summary pane and footer.

State lives here and flows down: ``article`` (None until it is built),
``show_summary``, ``show_sidebar``, ``algorithm``, ``length``, ``narrow``.
Widgets post messages up (JumpRequest, PositionChanged). Slow work (loading
a source, building the article, summarizing) runs in thread workers whose
results and errors are handled in one place, ``on_worker_state_changed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, Summary
from reader.ui.article_view import ArticleView
from reader.ui.header import ReaderHeader
from reader.ui.messages import JumpRequest, PositionChanged
from reader.ui.sidebar import Sidebar
from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.sources.document import Document
    from reader.ui.summary_pane import SummaryPane

SECTION = Binding.Group("Section", compact=True)
ALGORITHM = Binding.Group("Algorithm", compact=True)
LENGTH = Binding.Group("Length", compact=True)
NARROW = 100  # below this many columns the sidebar starts hidden and shows over the article
TINY = 60  # below this many columns the header leaves out the source


@dataclass(frozen=True)
class Opened:
    """What the open worker returns."""

    spec: str | None
    article: Article


class ReaderScreen(Screen):
    """Reads one article at a time."""

    AUTO_FOCUS = "#article"

    BINDINGS = [
        Binding("s", "toggle_summary", "Summary", id="reader.summary"),
        Binding("right_square_bracket", "section(1)", "Next section", id="article.next_section", key_display="]", group=SECTION),
        Binding("left_square_bracket", "section(-1)", "Previous section", id="article.previous_section", key_display="[", group=SECTION),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False, id="article.next_paragraph", key_display="}"),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False, id="article.previous_paragraph", key_display="{"),
        Binding("a", "algorithm(1)", "Next algorithm", id="summary.next_algorithm", group=ALGORITHM),
        Binding("A", "algorithm(-1)", "Previous algorithm", id="summary.previous_algorithm", key_display="A", group=ALGORITHM),
        Binding("plus", "length(1)", "One sentence more", id="summary.longer", key_display="+", group=LENGTH),
        Binding("minus", "length(-1)", "One sentence fewer", id="summary.shorter", key_display="-", group=LENGTH),
        Binding("escape", "cancel_summary", "Cancel summary", id="summary.cancel", key_display="esc"),
        Binding("b", "toggle_sidebar", "Sidebar", id="reader.sidebar"),
        Binding("o", "open", "Open source", show=False, id="reader.open"),
        Binding("tab", "focus_pane(1)", "Next pane", show=False, id="reader.focus_next"),
        Binding("shift+tab", "focus_pane(-1)", "Previous pane", show=False, id="reader.focus_previous"),
    ]

    show_summary: reactive[bool] = reactive(False, init=False)
    show_sidebar: reactive[bool] = reactive(True)
    narrow: reactive[bool] = reactive(False)
    algorithm: reactive[str] = reactive(DEFAULT_ALGORITHM, init=False)
    length: reactive[int] = reactive(DEFAULT_LENGTH, init=False)

    def __init__(self, source: str | None = None, document: Document | None = None) -> None:
        super().__init__()
        self.source = source
        self.document = document
        self.article: Article | None = None
        self.summaries: dict[tuple[str, int], Summary] = {}

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The first screen holds only what it shows; the summary pane and the
        # sidebar's lists are mounted right after it is painted (start-up time).
        yield ReaderHeader(id="header")
        with Horizontal(id="main"):
            yield ArticleView(id="article")
            yield Sidebar(id="sidebar")
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def summary_pane(self) -> SummaryPane:
        return self.query_one("#summary-pane")  # type: ignore[return-value]

    def _pane(self, selector: str) -> Widget | None:
        """A widget mounted after the first paint, or None before."""
        found = self.query(selector)
        return found.first() if found else None

    def on_mount(self) -> None:
        header = self.query_one(ReaderHeader)
        document = self.document
        header.title = (document.title or document.name or "") if document else (self.source or "")
        header.source = document.source if document else (self.source or "")
        self.view.loading = True
        self.view.focus()
        self._apply_size(self.size.width)
        # Build the article (nltk) only once the first screen is on the terminal.
        self.call_after_refresh(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        from reader.ui.summary_pane import SummaryPane

        pane = SummaryPane(id="summary-pane")
        pane.display = False
        await self.mount(pane, before="#main")
        await self.query_one(Sidebar).populate()
        self.open_source(self.source, self.document)

    def on_resize(self, event) -> None:
        self._apply_size(event.size.width)

    def _apply_size(self, width: int) -> None:
        if width:
            self.narrow = width < NARROW
            self.set_class(width < TINY, "-tiny")

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self.show_sidebar = not narrow

    def watch_show_sidebar(self, shown: bool) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.display = shown
        if not shown and sidebar.has_focus_within:
            self.view.focus()

    def watch_show_summary(self, shown: bool) -> None:
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
        if self.article is None:
            self.view.loading = True
        else:
            self.notify(f"Opening {one_line(spec or 'the bundled article')}\u2026", markup=False, timeout=2)
        self._open(spec, document)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _open(self, spec: str | None, document: Document | None) -> Opened:
        from reader.article.build import build_article
        from reader.sources.load import load_source

        if document is None:
            document = load_source(spec)
        return Opened(spec, build_article(document))

    @work(thread=True, exclusive=True, exit_on_error=False, group="summary")
    def _summarize(self, article: Article, algorithm: str, length: int) -> tuple[Article, int, Summary]:
        from reader.summary.algorithms import summarize

        return article, length, summarize(article, algorithm, length)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "open":
            await self._open_changed(worker, event.state)
        elif worker.group == "summary":
            self._summary_changed(worker, event.state)

    async def _open_changed(self, worker: Worker, state: WorkerState) -> None:
        if state == WorkerState.SUCCESS:
            self.source = worker.result.spec
            await self.show_article(worker.result.article)
        elif state == WorkerState.ERROR:
            self.view.loading = False
            message = _message(worker.error)
            if self.article is None:
                self.app.exit(return_code=2, message=_exit_text(message))
            else:
                self.notify(message, title="Cannot open", severity="error", markup=False)

    def _summary_changed(self, worker: Worker, state: WorkerState) -> None:
        pane = self.summary_pane
        if state == WorkerState.SUCCESS:
            article, length, summary = worker.result
            if article is not self.article:
                return
            self.summaries[(summary.algorithm, length)] = summary
            if self.show_summary and (summary.algorithm, length) == (self.algorithm, self.length):
                self._show_summary(summary)
        elif state == WorkerState.ERROR:
            message = _message(worker.error)
            pane.show_message(f"No summary: {message}")
            self.notify(message, title="Summary failed", severity="error", markup=False)
        elif state == WorkerState.CANCELLED and self.show_summary and not self._summary_ready():
            pane.show_message("Summary cancelled. Press a, A, + or - to compute one again.")
        self.refresh_bindings()

    async def show_article(self, article: Article) -> None:
        """Show ``article`` in every part of the screen."""
        self.workers.cancel_group(self, "summary")
        self.article = article
        self.summaries = {}
        self.length = min(self.length, max(1, len(article.sentences)))
        header = self.query_one(ReaderHeader)
        header.title = article.title
        header.source = article.site or article.source
        header.words = article.word_count
        self.query_one(Sidebar).show_article(article)
        self.view.summary = frozenset()
        await self.view.show_article(article)
        self.view.loading = False
        if self.focused is None or not self.focused.display:
            self.view.focus()
        if self.show_summary:
            self._request_summary()
        self.refresh_bindings()
        article_shown = getattr(self.app, "article_shown", None)
        if article_shown is not None:
            article_shown()

    # -- summary -------------------------------------------------------------

    def _summary_ready(self) -> bool:
        return (self.algorithm, self.length) in self.summaries

    @property
    def summarizing(self) -> bool:
        return any(w.group == "summary" and w.is_running for w in self.workers)

    def _request_summary(self) -> None:
        if self.article is None:
            self.summary_pane.show_message("The summary is computed once the article is ready\u2026")
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
        if action in ("toggle_summary", "section", "paragraph"):
            return True if self.article is not None else None
        return True

    def action_toggle_summary(self) -> None:
        self.show_summary = not self.show_summary

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar

    def action_algorithm(self, step: int) -> None:
        self.algorithm = ALGORITHMS[(ALGORITHMS.index(self.algorithm) + step) % len(ALGORITHMS)]

    def action_length(self, step: int) -> None:
        most = len(self.article.sentences) if self.article else DEFAULT_LENGTH
        self.length = max(1, min(most, self.length + step))

    def action_cancel_summary(self) -> None:
        self.workers.cancel_group(self, "summary")

    async def action_section(self, step: int) -> None:
        if self.article is not None:
            await self.view.go_to_section(self.view.section + step)

    async def action_paragraph(self, step: int) -> None:
        if self.article is not None:
            await self.view.go_to_paragraph(self.view.paragraph + step)

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.view]
        if self.show_sidebar:
            panes += [p for p in (self._pane("#photos"), self._pane("#quotes")) if p is not None and p.option_count]
        summary = self._pane("#summary-list")
        if self.show_summary and summary is not None:
            panes.append(summary)
        return panes

    def action_focus_pane(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        current = next((i for i, pane in enumerate(panes) if focused is pane or (focused and pane in focused.ancestors)), None)
        target = 0 if current is None else (current + step) % len(panes)
        panes[target].focus()

    def action_open(self) -> None:
        from reader.ui.open_screen import OpenScreen

        def opened(spec: str | None) -> None:
            if spec:
                self.open_source(spec)

        self.app.push_screen(OpenScreen(), opened)

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
        header = self.query_one(ReaderHeader)
        header.progress = event.progress
        if self.article is not None and event.section < len(self.article.sections):
            header.section = self.article.sections[event.section].label


def _message(error: BaseException | None) -> str:
    if isinstance(error, ReaderError):
        return one_line(error.message)
    return one_line(f"{type(error).__name__}: {error}") if error else "unknown error"


def _exit_text(message: str):
    from rich.text import Text

    return Text(f"reader: error: {message}", no_wrap=True, overflow="ignore")
