"""The summary view's pane: the summary's sentences, or its progress while computing."""

from __future__ import annotations

from time import monotonic

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from reader.summary.algorithms import Summary, algorithm_description, algorithm_name
from reader.ui.lists import WrappingOptionList
from reader.ui.messages import JumpRequest
from reader.ui.text import one_line


class SummaryList(WrappingOptionList):
    """The summary's sentences; ``enter`` jumps to one in the article."""

    BINDINGS = [Binding("enter", "select", "Go to sentence", id="summary.go_to_sentence")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.summary: Summary | None = None

    def show_summary(self, summary: Summary | None) -> None:
        self.summary = summary
        sentences = summary.sentences if summary else ()
        self.set_options(
            Option(
                Content.assemble(Content.styled("\u2022 ", "$text-accent"), one_line(s.text)),
                id=f"sentence-{s.index}",
            )
            for s in sentences
        )
        if sentences:
            self.highlighted = 0

    def copy_text(self) -> tuple[str, str] | None:
        """The whole summary, for ``y``."""
        from reader.export import summary_text

        if self.summary is None or not self.summary.sentences:
            return None
        count = len(self.summary.sentences)
        return summary_text(
            self.summary
        ), f"the summary ({count} sentence{'' if count == 1 else 's'})"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.summary is None:
            return
        sentence = self.summary.sentences[event.option_index]
        self.post_message(
            JumpRequest("sentence", sentence.paragraph, sentence.start, sentence.end)
        )


class SummaryPane(Vertical):
    """Summary of the article with the current algorithm and length.

    While it has no sentences to show (computing, cancelled, failed) the pane
    itself takes the focus its hidden list had, and hands it back to the list
    with the next summary.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._started = 0.0
        self._timer: Timer | None = None
        self._label = ""
        self._message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="summary-message", markup=False)
        with Horizontal(id="summary-progress"):
            yield ProgressBar(total=None, show_eta=False, show_percentage=False)
            yield Static(id="summary-status", markup=False)
        yield SummaryList(id="summary-list")

    @property
    def sentences(self) -> list[str]:
        """The sentences shown (plain text), for whoever needs to read the pane."""
        summary = self.query_one(SummaryList).summary
        return [one_line(s.text) for s in summary.sentences] if summary else []

    @property
    def busy(self) -> bool:
        return self.has_class("-busy")

    @property
    def focus_target(self) -> Widget:
        """What tab focuses here: the sentence list, or the pane while the list has nothing to show."""
        return self if self.can_focus else self.query_one(SummaryList)

    def _hold_focus(self, hold: bool) -> None:
        """Keep the focus in the pane while the list is hidden or empty (Textual would drop it)."""
        sentences = self.query_one(SummaryList)
        self.can_focus = hold
        if hold and sentences.has_focus:
            self.focus(scroll_visible=False)
        elif not hold and self.has_focus:
            sentences.focus(scroll_visible=False)

    def _title(self, algorithm: str, length: int) -> None:
        noun = "sentence" if length == 1 else "sentences"
        self.border_title = Content(
            f"Summary \u00b7 {algorithm_name(algorithm)} \u00b7 {length} {noun}"
        )
        self.border_subtitle = Content(algorithm_description(algorithm))

    def show_busy(self, algorithm: str, length: int) -> None:
        """Show that a summary is being computed (with the time it has taken so far)."""
        self._title(algorithm, length)
        self._started = monotonic()
        self._label = f"Summarizing with {algorithm_name(algorithm)}\u2026"
        self.message = ""
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._hold_focus(True)
        self.add_class("-busy")
        self._tick()
        if self._timer is None:
            self._timer = self.set_interval(0.25, self._tick)

    def show_progress(self, share: float) -> None:
        """Fill the progress bar to ``share`` (0..1) of the work (it is indeterminate until the first report)."""
        if self.busy:
            self.query_one(ProgressBar).update(
                total=100, progress=round(100 * max(0.0, min(share, 1.0)))
            )

    def _tick(self) -> None:
        elapsed = monotonic() - self._started
        seconds = f" {elapsed:.0f} s" if elapsed >= 1 else ""
        self.query_one("#summary-status", Static).update(
            Content(f" {self._label}{seconds}  (escape cancels)")
        )

    def _idle(self) -> None:
        self.remove_class("-busy")
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def show_summary(self, summary: Summary, length: int) -> None:
        self._idle()
        self._title(summary.algorithm, length)
        self.message = ""
        self.query_one(SummaryList).show_summary(summary)
        self._hold_focus(not summary.sentences)

    @property
    def message(self) -> str:
        """The message shown in place of the sentences ("" when there is none)."""
        return self._message

    @message.setter
    def message(self, message: str) -> None:
        self._message = message
        widget = self.query_one("#summary-message", Static)
        widget.update(Content(message))
        widget.display = bool(message)

    def show_message(self, message: str) -> None:
        """Show ``message`` in place of the sentences (cancelled, failed)."""
        self._idle()
        self.query_one(SummaryList).show_summary(None)
        self._hold_focus(True)
        self.message = message
