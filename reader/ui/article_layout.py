"""The article laid out in lines at a given width: what ArticleView draws.

The article is a list of blocks (section headings, photo marks, paragraphs),
each holding its display text (cleaned, see reader.ui.text). Only the
source's own headings are heading blocks: a section the reader derived is a
quiet mark in the margin of its first paragraph (``SECTION_MARK``). A list
item hangs after its marker, a block quote after a bar. ``layout``
wraps every block into lines, greedily at word boundaries: a 200,000-word
article lays out in a fraction of a second, so a resize simply lays it out
again. No parsing happens here: the blocks come straight from the Article.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len
from textual.content import Content, Span

from reader.article.model import Article, Link
from reader.ui.text import clean_with_offsets, one_line

BlockKind = Literal["heading", "photo", "paragraph"]
SUMMARY_STYLE = "$text on $primary-muted"
MARK_STYLE = "bold $text on $accent-muted"
HEADING_STYLE = "bold $text-accent"
PHOTO_STYLE = "italic $text-muted"
PHOTO_MARKED_STYLE = "bold $text on $accent-muted"
FOUND_STYLE = "$text on $warning-muted"
SECTION_MARK = "\u00a7"  # in the left margin of a derived section's first line
SECTION_MARK_STYLE = "$text-muted"
QUOTE_BAR = "\u2502 "
PREFIX_STYLE = "$text-muted"
INLINE_STYLES = {"emphasis": "italic", "strong": "bold", "code": "$text-accent"}
CURRENT_FOUND_STYLE = "bold $background on $warning"
LINK_STYLE = "underline $text-accent"  # a link's text: marked, never followed by a click

_WORD = re.compile(r"\S+")


@dataclass(eq=False)
class Block:
    """One heading, photo mark or paragraph of the article."""

    kind: BlockKind
    text: str
    index: int  # section index, photo number (1-based) or paragraph index
    paragraph: int  # the paragraph this block leads to (for the reading position)
    shift: Callable[[int], int] | None = (
        None  # Article.text offset - paragraph start -> offset in text
    )
    first: int = 0  # first line of the block's text after layout
    height: int = 0  # lines of text (without the blank lines around it)
    summary: frozenset[int] = frozenset()  # sentence indexes highlighted in this paragraph
    mark: tuple[int, int] | None = None  # highlighted span (offsets in text)
    marked: bool = False  # photo mark highlighted
    found: tuple[tuple[int, int], ...] = ()  # search matches (offsets in text)
    current: tuple[int, int] | None = None  # the current search match, if it is in this block
    prefix: str = ""  # before the first line: a list marker ("\u2022 ", "1. "), a quote bar
    indent: str = ""  # before the other lines (as wide as ``prefix``)
    section_mark: bool = False  # the first paragraph of a section the reader derived
    tight: bool = False  # a list item followed by another: no blank line between them
    links: tuple[Link, ...] = ()  # the paragraph's links
    _content: Content | None = field(default=None, repr=False)

    def invalidate(self) -> None:
        self._content = None

    def content(self, article: Article) -> Content:
        """The block's text with its styles (cached until invalidated)."""
        if self._content is not None:
            return self._content
        if self.kind == "heading":
            content = Content.styled(self.text, HEADING_STYLE)
        elif self.kind == "photo":
            content = Content.styled(self.text, PHOTO_MARKED_STYLE if self.marked else PHOTO_STYLE)
        else:
            content = Content(self.text)
            paragraph = article.paragraphs[self.index]
            assert self.shift is not None
            for style in paragraph.styles:
                content = content.stylize(
                    INLINE_STYLES.get(style.style, "italic"),
                    self.shift(style.start - paragraph.start),
                    self.shift(style.end - paragraph.start),
                )
            for link in self.links:
                content = content.stylize(
                    LINK_STYLE,
                    self.shift(link.start - paragraph.start),
                    self.shift(link.end - paragraph.start),
                )
            for sentence in paragraph.sentences:
                if sentence.index in self.summary:
                    start, end = (
                        self.shift(sentence.start - paragraph.start),
                        self.shift(sentence.end - paragraph.start),
                    )
                    content = content.stylize(SUMMARY_STYLE, start, end)
            if self.mark is not None:
                content = content.stylize(MARK_STYLE, *self.mark)
            if self.found:
                content = content.add_spans(
                    [Span(start, end, FOUND_STYLE) for start, end in self.found]
                )
            if self.current is not None:
                content = content.stylize(CURRENT_FOUND_STYLE, *self.current)
        self._content = content
        return content


def article_blocks(article: Article) -> list[Block]:
    """Headings, photo marks and paragraphs in reading order."""
    last = max(0, len(article.paragraphs) - 1)
    photos: dict[int, list[Block]] = {}
    for number, caption in enumerate(article.captions, 1):
        credit = f" ({one_line(caption.credit)})" if caption.credit else ""
        text = f"\u25a3 Photo {number}: {one_line(caption.text)}{credit}"
        before = min(caption.before_paragraph, last)
        photos.setdefault(caption.before_paragraph, []).append(
            Block("photo", text, number, before)
        )
    first_of_section = {s.paragraphs[0].index: s for s in article.sections if s.paragraphs}
    links: dict[int, list[Link]] = {}
    for link in article.links:
        links.setdefault(link.paragraph, []).append(link)
    blocks: list[Block] = []
    for paragraph in article.paragraphs:
        blocks.extend(photos.pop(paragraph.index, ()))
        section = first_of_section.get(paragraph.index)
        if section is not None and not section.derived:
            blocks.append(
                Block("heading", one_line(section.label), section.index, paragraph.index)
            )
        text, shift = clean_with_offsets(paragraph.text)
        block = Block("paragraph", text, paragraph.index, paragraph.index, shift)
        block.links = tuple(links.get(paragraph.index, ()))
        block.section_mark = section is not None and section.derived and section.index > 0
        if paragraph.kind == "item":
            marker = one_line(paragraph.marker)
            block.prefix = f"{marker} " if marker else ""
            block.indent = " " * cell_len(block.prefix or "\u2022 ")
            block.prefix = block.prefix or block.indent
        elif paragraph.kind == "quote":
            block.prefix = block.indent = QUOTE_BAR
        blocks.append(block)
    for rest in photos.values():
        blocks.extend(rest)
    for block, following in zip(blocks, blocks[1:]):
        block.tight = (
            block.kind == following.kind == "paragraph"
            and article.paragraphs[block.index].kind == "item"
            and article.paragraphs[following.index].kind == "item"
        )
    return blocks


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of ``text`` wrapped at ``width`` cells."""
    width = max(1, width)
    measure = len if text.isascii() else cell_len
    spans: list[tuple[int, int]] = []
    line_start = line_end = -1
    line_width = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word_width = measure(match.group())
        if line_start >= 0:
            gap = measure(text[line_end:start])
            if line_width + gap + word_width <= width:
                line_end, line_width = end, line_width + gap + word_width
                continue
            spans.append((line_start, line_end))
        if word_width > width:  # a word longer than a line: cut it
            position = start
            while measure(text[position:end]) > width:
                cut = position + 1
                while cut < end and measure(text[position : cut + 1]) <= width:
                    cut += 1
                spans.append((position, cut))
                position = cut
            start, word_width = position, measure(text[position:end])
        line_start, line_end, line_width = start, end, word_width
    if line_start >= 0:
        spans.append((line_start, line_end))
    return spans or [(0, 0)]


@dataclass
class Layout:
    """Lines of the article at one width: for each line, its block and span (-1: a blank line)."""

    width: int
    block: array = field(default_factory=lambda: array("i"))
    start: array = field(default_factory=lambda: array("i"))
    end: array = field(default_factory=lambda: array("i"))

    def __len__(self) -> int:
        return len(self.block)

    def add(self, block: int, start: int, end: int) -> None:
        self.block.append(block)
        self.start.append(start)
        self.end.append(end)


def layout(blocks: list[Block], width: int) -> Layout:
    """Wrap ``blocks`` at ``width``; sets each block's ``first`` and ``height``."""
    lines = Layout(width)
    lines.add(-1, -1, -1)  # a blank line above the article
    for number, block in enumerate(blocks):
        if block.kind == "heading" and number and blocks[number - 1].kind == "paragraph":
            lines.add(number, -1, -1)
        block.first = len(lines)
        if block.kind == "photo":
            spans = [(0, len(block.text))]  # one line, cut with an ellipsis when drawn
        else:
            spans = wrap_spans(block.text, max(8, width - cell_len(block.prefix)))
        for start, end in spans:
            lines.add(number, start, end)
        block.height = len(spans)
        if block.kind != "heading" and not block.tight:
            lines.add(number, -1, -1)
    return lines
