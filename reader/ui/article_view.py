"""The article in a readable column: headings, photo marks and paragraphs.

A single line-based ScrollView: the article is laid out in lines
(reader.ui.article_layout) at the column's width and only the visible lines
are drawn, so a 200,000-word text opens, scrolls and resizes without
freezing the UI.

State kept here for the features built on top of it: ``column_width`` (the
reading column's width, a reactive), ``paragraph`` / ``section`` (the
reading position: the paragraph at the top of the view), ``summary`` (the
highlighted sentences) and the search matches (``show_search``).

``section`` is the section being read: the one at a reading line that moves
from the top of the view (at the article's top) to its bottom (at the end),
so at the end of the article it names the last section in view. A jump
(``]``, ``}``, a quote's place) always brings its target to the top: past the
article's end the view gets blank space below, as ``less`` allows.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.article.model import Article
from reader.ui.article_layout import (
    SECTION_MARK,
    SECTION_MARK_STYLE,
    Block,
    Layout,
    article_blocks,
    layout,
)
from reader.ui.messages import PositionChanged
from reader.ui.text import one_line

if TYPE_CHECKING:
    from reader.search import ParagraphMatch, SearchState

PADDING = 2  # cells of space either side of the text, inside the column


class ArticleView(ScrollView, can_focus=True):
    """The article body, scrollable, centred in a column of ``column_width`` cells."""

    BINDINGS = [
        Binding(
            "j,down",
            "scroll_down",
            "Scroll down",
            show=False,
            id="article.down",
            key_display="j/↓",
        ),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up", key_display="k/↑"),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            show=False,
            id="article.page_down",
            key_display="space/pgdn",
        ),
        Binding(
            "pageup", "page_up", "Page up", show=False, id="article.page_up", key_display="pgup"
        ),
        Binding(
            "g,home", "scroll_home", "Top", show=False, id="article.top", key_display="g/home"
        ),
        Binding(
            "G,end", "scroll_end", "Bottom", show=False, id="article.bottom", key_display="G/end"
        ),
    ]

    column_width: reactive[int] = reactive(80)
    """Width of the reading column in cells, padding included (narrower terminals shrink it)."""

    summary: reactive[frozenset[int]] = reactive(frozenset)
    """Indexes of the sentences highlighted as the summary."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.blocks: list[Block] = []
        self.lines = Layout(0)
        self._paragraph_block: list[int] = []  # paragraph index -> block number
        self._section_block: dict[int, int] = {}  # section index -> its heading or first block
        self._blank_below = 0  # lines of blank space past the end, while a jump needs them
        self._photo_block: dict[int, int] = {}  # photo number -> block number
        self._marked: Block | None = None
        self._target: int | None = None  # paragraph of the last jump, while it is in view
        self._target_block = 0  # the block that jump went to
        self._at_end = False  # G in an article that fits the view: the reader is at its end
        self._keeping_place = False  # while a new layout puts the view back where it was
        self._place_size = Size(0, 0)  # the view's size when that place was taken
        self._block_firsts: list[int] = []
        self._found: list[Block] = []  # blocks holding search matches
        self._pending: tuple[int, float] | None = (
            None  # a position to restore once the view has a size
        )
        self._relayouting = False
        self.paragraph = 0
        self.section = 0

    # -- content -----------------------------------------------------------

    async def show_article(self, article: Article, *, keep_place: bool = False) -> None:
        """Show ``article`` from its top (``keep_place``: at the line shown now, for the whole
        of a text whose first part is shown)."""
        top = int(self.scroll_y) if keep_place else 0
        self.article = article
        self.blocks = article_blocks(article)
        self._paragraph_block = [0] * len(article.paragraphs)
        self._section_block = {}
        self._photo_block = {}
        for number, block in enumerate(self.blocks):
            if block.kind == "paragraph":
                self._paragraph_block[block.index] = number
            elif block.kind == "heading":
                self._section_block[block.index] = number
            else:
                self._photo_block[block.index] = number
        for section in article.sections:
            if section.index not in self._section_block and section.paragraphs:
                self._section_block[section.index] = self._paragraph_block[
                    section.paragraphs[0].index
                ]
        self._marked = None
        self._found = []
        self._pending = None
        self._target = None
        self.paragraph = self.section = 0
        for block in self.blocks:
            if block.kind == "paragraph" and self.summary:
                block.summary = self._summary_of(block)
        self._layout(force=True)
        self.scroll_to(0, top, animate=False, immediate=True)
        self.refresh()
        self._report()

    def _summary_of(self, block: Block) -> frozenset[int]:
        assert self.article is not None
        summary = self.summary
        return frozenset(
            s.index for s in self.article.paragraphs[block.index].sentences if s.index in summary
        )

    def watch_summary(self, old: frozenset[int], new: frozenset[int]) -> None:
        if self.article is None:
            return
        sentences = self.article.sentences
        for paragraph in {sentences[i].paragraph for i in old ^ new if i < len(sentences)}:
            block = self.blocks[self._paragraph_block[paragraph]]
            block.summary = self._summary_of(block)
            block.invalidate()
        self.refresh()

    def watch_column_width(self) -> None:
        if self.article is not None:
            self._relayout()

    # -- layout ------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells of text on a line."""
        available = self.scrollable_content_region.width or self.size.width
        return max(8, min(self.column_width, available) - 2 * PADDING)

    def _layout(self, force: bool = False) -> bool:
        width = self.text_width
        if not force and width == self.lines.width:
            return False
        self.lines = layout(self.blocks, width)
        self._block_firsts = [block.first for block in self.blocks]
        if force:
            self._blank_below = 0
        self.virtual_size = Size(0, len(self.lines) + self._blank_below)
        return True

    def _make_room(self, y: int) -> None:
        """Blank space below the article so that line ``y`` can come to the top of the view."""
        height = self.scrollable_content_region.height or self.size.height
        needed = max(0, y + height - len(self.lines))
        if needed != self._blank_below:
            self._blank_below = needed
            self.virtual_size = Size(0, len(self.lines) + needed)

    @property
    def _end_scroll(self) -> int:
        """The scroll position where the article's last line is at the bottom of the view."""
        height = self.scrollable_content_region.height or self.size.height
        return max(0, len(self.lines) - height)

    def _relayout(self) -> None:
        anchor = self._anchor()
        self._keeping_place = True  # the scroll moves with the new lines: not the reader's doing
        try:
            if self._layout():
                self._restore(anchor)
        finally:
            self._keeping_place = False

    def on_resize(self) -> None:
        if self.article is None:
            return
        if self._pending is not None:
            self.restore_position(*self._pending)
        else:
            self._relayout()

    def _anchor(self) -> tuple[int, float]:
        """The block at the top of the view and how far into it (0..1) the view starts."""
        if not self.blocks or not len(self.lines):
            return (0, 0.0)
        top = int(self.scroll_y)
        if self._target is not None:  # the last jump's place, still in view at the last report
            return (self._target_block, 0.0)
        number = max(0, bisect_right(self._block_firsts, top) - 1)
        block = self.blocks[number]
        into = (top - block.first) / block.height if block.height else 0.0
        return (number, max(0.0, min(into, 1.0)))

    def _restore(self, anchor: tuple[int, float]) -> None:
        number, into = anchor
        block = self.blocks[number]
        y = block.first + int(into * block.height) if into else self._block_top(number)
        self._make_room(y)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self._place_size = self.size
        self.refresh()
        self._report()

    # -- drawing -----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if (
            self.article is not None
            and self.size.width
            and self.lines.width != self.text_width
            and not self._relayouting
        ):
            # Laid out before the view had its size (the first screen is made before its
            # layout): the lines are fitted to the column now, so the first frame drawn
            # shows the article at its width rather than waiting for the Resize event.
            self._relayouting = True
            try:
                self._relayout()
            finally:
                self._relayouting = False
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        line = int(self.scroll_y) + y
        if self.article is None or line >= len(self.lines):
            return Strip.blank(width, style)
        number = self.lines.block[line]
        start = self.lines.start[line]
        if number < 0 or start < 0:
            return Strip.blank(width, style)
        block = self.blocks[number]
        content = block.content(self.article)
        text_width = self.lines.width
        if block.kind == "photo":
            content = content.truncate(text_width, ellipsis=True)
        else:
            content = content[start : self.lines.end[line]]
            lead = block.prefix if line == block.first else block.indent
            if lead:
                content = Content.assemble(Content.styled(lead, "$text-muted"), content)
        left = max(0, (width - min(self.column_width, width)) // 2) + PADDING
        if block.section_mark and line == block.first:
            margin = Content.assemble(
                " " * max(0, left - 2), Content.styled(SECTION_MARK, SECTION_MARK_STYLE), " "
            )
            segments = [*margin.render_segments(self.visual_style)]
        else:
            segments = [Segment(" " * left, style)]
        segments += content.render_segments(self.visual_style)
        return Strip(segments).crop_extend(0, width, style)

    # -- position ----------------------------------------------------------

    def _top_paragraph(self) -> int:
        """The paragraph at the top of the view (for a heading or photo mark: the paragraph it leads to)."""
        if not self.blocks:
            return 0
        top = int(self.scroll_y)
        number = max(0, bisect_right(self._block_firsts, top) - 1)
        block = self.blocks[number]
        if (
            block.kind == "paragraph"
            and top >= block.first + block.height
            and number + 1 < len(self.blocks)
        ):
            block = self.blocks[number + 1]  # on the blank line after a paragraph
        return block.paragraph

    def _last_paragraph(self) -> int:
        return self.blocks[-1].paragraph if self.blocks else 0

    def _in_view(self, paragraph: int) -> bool:
        block = self.blocks[self._paragraph_block[paragraph]]
        top = int(self.scroll_y)
        return (
            block.first < top + self.scrollable_content_region.height
            and block.first + block.height > top
        )

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if not self._keeping_place and self.size == self._place_size:
            # The reader scrolled away from the last jump's place (a resize moves the view too).
            self._at_end = False
            if self._target is not None and int(new) != self._block_top(self._target_block):
                self._target = None
        if self._blank_below and new < old and new <= self._end_scroll:
            self._make_room(0)  # back above the end: the blank space goes
        self._report()

    def _reading_paragraph(self) -> int:
        """The paragraph at the reading line: the top line at the article's top, moving
        down the view as the reader nears the end (the bottom line at the end)."""
        top = int(self.scroll_y)
        end = self._end_scroll
        height = self.scrollable_content_region.height or self.size.height
        if end <= 0:  # the whole article is in view: at its top, or at its end after G
            return self._last_paragraph() if self._at_end else self._top_paragraph()
        if top >= end:
            share = 1.0
        else:
            share = top / end
        line = min(len(self.lines) - 1, top + int(share * max(0, height - 1)))
        while line > top and self.lines.start[line] < 0:
            line -= 1  # a blank line: the text above it
        number = self.lines.block[line] if line >= 0 else 0
        if number < 0:
            return self._top_paragraph()
        return self.blocks[number].paragraph

    def _report(self) -> None:
        if self.article is None or not self.blocks:
            return
        if self.lines.width != self.text_width:
            # The width changed and the lines do not fit it yet: lay them out again now (a resize
            # event may not come, e.g. when the article was laid out before the view had a size).
            if self.size.width and not self._relayouting:
                self._relayouting = True
                try:
                    self._relayout()
                finally:
                    self._relayouting = False
            return  # the position is reported after the new layout
        if self._target is not None and self._in_view(self._target):
            paragraph = reading = self._target
        else:
            self._target = None
            paragraph = self._top_paragraph()
            reading = self._reading_paragraph()
        self.paragraph = paragraph
        self.section = self.article.section_of(reading).index if self.article.sections else 0
        self.post_message(PositionChanged(paragraph, self.section, self.progress))

    @property
    def progress(self) -> float:
        """How far the article has been read, 0..1: 1 once its end is in view (all of a short one)."""
        maximum = self._end_scroll
        return 1.0 if maximum <= 0 else min(1.0, self.scroll_y / maximum)

    @property
    def scroll_fraction(self) -> float:
        """How far down the article the view starts, as a fraction of its laid-out lines (0..1)."""
        total = len(self.lines)
        return 0.0 if total <= 0 else max(0.0, min(1.0, self.scroll_y / total))

    def restore_position(self, paragraph: int, fraction: float = 0.0) -> None:
        """Go back to a saved reading position.

        ``paragraph`` goes to the top of the view; when ``fraction`` (see
        ``scroll_fraction``) points inside that paragraph, as it does at the
        width it was saved at, the view goes to that very line instead.
        """
        if self.article is None or not self._paragraph_block:
            return
        if not self.size.width:  # not laid out yet: once it is
            self._pending = (paragraph, fraction)
            return
        self._pending = None
        self._layout()  # at the width the view has now (a resize may not have been handled yet)
        paragraph = max(0, min(paragraph, len(self._paragraph_block) - 1))
        number = self._paragraph_block[paragraph]
        block = self.blocks[number]
        y = round(fraction * len(self.lines))
        if fraction > 0 and block.first < y < block.first + block.height:
            self._target = None
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self.refresh()
            self._report()
        else:
            self._go_to_block(number, paragraph)

    @property
    def restoring(self) -> bool:
        """True while a position waits for the view to be laid out (``paragraph`` is not it yet)."""
        return self._pending is not None

    def reading_point(self) -> tuple[int, int]:
        """``(paragraph, offset)`` of the first text in view: where a search starts from."""
        line = int(self.scroll_y)
        if self.article is None or line >= len(self.lines):
            return (self.paragraph, 0)
        number, start = self.lines.block[line], self.lines.start[line]
        if number >= 0 and start >= 0 and self.blocks[number].kind == "paragraph":
            return (self.blocks[number].index, start)
        return (self._top_paragraph(), 0)

    def top_text(self) -> str:
        """The text of the first line in view (for whoever needs to know what the reader sees)."""
        line = int(self.scroll_y)
        while line < len(self.lines) and self.lines.start[line] < 0:
            line += 1
        if line >= len(self.lines):
            return ""
        block = self.blocks[self.lines.block[line]]
        return block.text[self.lines.start[line] : self.lines.end[line]]

    # -- jumps -------------------------------------------------------------

    def action_scroll_home(self) -> None:
        """``g``: the article's top (in one that fits the view: the reader is at its top again)."""
        self._at_end = False
        if self._allow_scroll:
            super().action_scroll_home()
        self._report()

    def action_scroll_end(self) -> None:
        """``G``: the article's end (in one that fits the view: the reader is at its last paragraph)."""
        if self._end_scroll > 0:
            super().action_scroll_end()
        else:  # all of it fits: in view from its top (no blank space left by a jump), read
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
            self._target = None
            self._at_end = True
            self._place_size = self.size
        self._report()

    def _block_top(self, number: int) -> int:
        """The scroll position that brings block ``number`` to the top (the article's top for its first)."""
        block = self.blocks[number]
        at_start = block.first <= 1 or (block.kind == "heading" and block.paragraph == 0)
        return 0 if at_start else block.first

    def _go_to_block(self, number: int, paragraph: int) -> None:
        y = self._block_top(number)
        self._at_end = False
        self._place_size = self.size
        self._make_room(y)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self._target = paragraph
        self._target_block = number
        self.refresh()
        self._report()

    async def go_to_paragraph(self, paragraph: int, *, heading: bool = False) -> None:
        """Scroll ``paragraph`` (or, with ``heading``, its section's heading) to the top of the view."""
        if self.article is None or not self._paragraph_block:
            return
        last = len(self._paragraph_block) - 1
        if paragraph > last and self.paragraph >= last:
            self.notify("The end of the article", timeout=2)
        paragraph = max(0, min(paragraph, last))
        number = self._paragraph_block[paragraph]
        if heading and number > 0 and self.blocks[number - 1].kind == "heading":
            number -= 1
        self._go_to_block(number, paragraph)

    async def go_to_section(self, section: int) -> None:
        if self.article is None or not self.article.sections:
            return
        section = max(0, min(section, len(self.article.sections) - 1))
        number = self._section_block.get(section)
        if number is not None:
            self._go_to_block(number, self.blocks[number].paragraph)

    async def step_paragraph(self, step: int) -> None:
        """``}`` / ``{``: the next or previous paragraph, from where the view is going."""
        await self._settle()
        await self.go_to_paragraph(self.paragraph + step)

    async def step_section(self, step: int) -> None:
        """``]`` / ``[``: the next or previous section; by paragraph in a text of one section.

        Past the last section the view goes on to the article's end and says so:
        a key never does nothing.
        """
        if self.article is None or not self.article.sections:
            return
        await self._settle()
        if len(self.article.sections) < 2:
            await self.go_to_paragraph(self.paragraph + step)
            return
        target = self.section + step
        if target >= len(self.article.sections):
            last = self.article.sections[-1].paragraphs[-1].index
            if self.paragraph < last:
                await self.go_to_paragraph(last)
            self.notify("The last section: the end of the article", timeout=2)
            return
        await self.go_to_section(target)

    async def _settle(self) -> None:
        """End a scroll on its way (``g``, ``G``, page keys) at its end: a step counts from there."""
        await self.stop_animation("scroll_y", complete=True)
        self._report()

    async def mark_span(self, paragraph: int, start: int | None, end: int | None) -> None:
        """Scroll to ``paragraph`` and highlight it (or its span start..end, offsets in Article.text)."""
        if self.article is None or not self._paragraph_block:
            return
        paragraph = max(0, min(paragraph, len(self._paragraph_block) - 1))
        block = self.blocks[self._paragraph_block[paragraph]]
        self._clear_mark()
        assert block.shift is not None
        base = self.article.paragraphs[paragraph].start
        if start is None or end is None:
            block.mark = (0, len(block.text))
        else:
            block.mark = (block.shift(start - base), block.shift(end - base))
        block.invalidate()
        self._marked = block
        self._go_to_block(self._paragraph_block[paragraph], paragraph)

    async def mark_photo(self, number: int) -> None:
        """Scroll to where photo ``number`` (1-based) stood and highlight its mark."""
        block_number = self._photo_block.get(number)
        if block_number is None:
            return
        block = self.blocks[block_number]
        self._clear_mark()
        block.marked = True
        block.invalidate()
        self._marked = block
        self._go_to_block(block_number, block.paragraph)

    @property
    def marked_block(self) -> Block | None:
        """The block holding the highlight (a paragraph or a photo mark), if any."""
        return self._marked

    @property
    def marked(self) -> str | None:
        """The highlighted text (a quote, a sentence, a photo mark), if any."""
        block = self._marked
        if block is None:
            return None
        if block.kind == "photo":
            return block.text
        start, end = block.mark or (0, 0)
        return block.text[start:end]

    def copy_text(self) -> tuple[str, str] | None:
        """The highlighted text (a photo's caption for a photo mark), for ``y``."""
        block = self._marked
        if block is None or self.article is None:
            return None
        if block.kind == "photo":
            caption = self.article.captions[block.index - 1]
            return one_line(caption.text), f"the caption of photo {block.index}"
        return one_line(self.marked or ""), "the highlighted text"

    def clear_mark(self) -> None:
        """Remove the highlight of a quote, sentence or photo mark."""
        if self._marked is not None:
            self._clear_mark()
            self.refresh()

    # -- search ------------------------------------------------------------

    def paragraph_texts(self) -> list[str]:
        """The paragraphs' text as shown (what search offsets refer to)."""
        return [self.blocks[number].text for number in self._paragraph_block]

    def show_search(self, search: SearchState | None) -> None:
        """Highlight every match of ``search`` and, more strongly, its current one (None: no highlights)."""
        for block in self._found:
            block.found = ()
            block.current = None
            block.invalidate()
        self._found = []
        if search is not None and search.matches and self._paragraph_block:
            by_paragraph: dict[int, list[tuple[int, int]]] = {}
            for match in search.matches:
                by_paragraph.setdefault(match.paragraph, []).append((match.start, match.end))
            for paragraph, spans in by_paragraph.items():
                if paragraph < len(self._paragraph_block):
                    block = self.blocks[self._paragraph_block[paragraph]]
                    block.found = tuple(spans)
                    block.invalidate()
                    self._found.append(block)
            current = search.match
            if current is not None and current.paragraph < len(self._paragraph_block):
                block = self.blocks[self._paragraph_block[current.paragraph]]
                block.current = (current.start, current.end)
        self.refresh()

    def match_line(self, match: ParagraphMatch) -> int:
        """The line (of the laid-out article) where ``match`` starts."""
        block = self.blocks[self._paragraph_block[match.paragraph]]
        line = block.first
        for candidate in range(block.first, block.first + block.height):
            if self.lines.start[candidate] <= match.start:
                line = candidate
            else:
                break
        return line

    def match_in_view(self, match: ParagraphMatch) -> bool:
        top = int(self.scroll_y)
        return top <= self.match_line(match) < top + self.scrollable_content_region.height

    def go_to_match(self, match: ParagraphMatch) -> None:
        """Bring ``match`` into view: the view stays put when it is already on screen."""
        if self.article is None or not 0 <= match.paragraph < len(self._paragraph_block):
            return
        if not self.match_in_view(match):
            height = self.scrollable_content_region.height
            self.scroll_to(
                y=max(0, self.match_line(match) - height // 3),
                animate=False,
                immediate=True,
                force=True,
            )
        self._target = None
        self.refresh()
        self._report()

    @property
    def place(self) -> tuple[int, int | None, int]:
        """Where the view is, exactly: to come back to with ``return_to`` (a search that found nothing)."""
        return (int(self.scroll_y), self._target, self._target_block)

    def return_to(self, place: tuple[int, int | None, int]) -> None:
        y, target, target_block = place
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self._target, self._target_block = target, target_block
        self.refresh()
        self._report()

    def _clear_mark(self) -> None:
        if self._marked is not None:
            self._marked.mark = None
            self._marked.marked = False
            self._marked.invalidate()
        self._marked = None
