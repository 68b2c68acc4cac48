"""Document -> Article: captions out, paragraphs, sentences, quotes, sections."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.article.blocks import Block, split_blocks
from reader.article.bylines import byline_and_date, is_furniture
from reader.article.captions import (
    FoundCaption,
    caption_and_credit,
    separate_captions,
    without_counter,
)
from reader.article.first_names import load_table
from reader.article.model import (
    Article,
    Caption,
    InlineStyle,
    Link,
    Paragraph,
    ParagraphKind,
    Section,
    Sentence,
)
from reader.article.paragraphs import block_sentences, split_block
from reader.article.quotes import find_quotes
from reader.article.sections import label_sections, plan_sections
from reader.errors import ReaderError
from reader.sources.document import BlockStyle, Document

MAX_TITLE = 60  # a title made from the first sentence is cut at a clause to this many characters
MIN_TITLE = 24  # ... but not shorter than this
TOP_FURNITURE_BLOCKS = 3  # bylines and datelines are looked for in this many blocks at the top


def prepare() -> None:
    """Load what every build reads besides its document: the first-names table (~20 ms).

    For a process that waits for a document (reader.prefetch.Prefetch.warm):
    the table is read while it waits, not after the document has come.
    """
    load_table()


def build_article(document: Document) -> Article:
    """Parse ``document`` into the Article model."""
    text = document.text
    segments = _segments(document)
    headline = None
    if document.kind == "text" and not document.headings:
        headline, segments = _headline(text, segments)
    author, date, segments = _top_furniture(text, segments, document.kind)
    body_blocks: list[Block] = []
    segment_starts: list[int] = []  # index of the first body block of each segment
    found: list[tuple[int, FoundCaption]] = []
    for start, end in segments:
        blocks = split_blocks(text, start, end)
        segment_starts.append(len(body_blocks))
        if document.kind == "html":
            body_blocks.extend(blocks)
            continue
        split = separate_captions(blocks)
        found.extend((len(body_blocks) + before, caption) for before, caption in split.captions)
        body_blocks.extend(split.body)
    paragraphs, first_paragraph_of_block = _paragraphs(text, body_blocks, document)
    if not paragraphs:
        raise ReaderError(f"{document.name or document.source or 'the input'} has no article text")
    captions = [
        Caption(
            c.text,
            c.credit,
            _paragraph_at(first_paragraph_of_block, before, len(paragraphs)),
            c.start,
            c.end,
        )
        for before, c in found
    ]
    captions.extend(_raw_captions(document, paragraphs))
    quotes = find_quotes(text, paragraphs)
    sections = _sections(
        document, paragraphs, captions, quotes, segment_starts, first_paragraph_of_block
    )
    return Article(
        title=document.title or headline or derive_title(paragraphs, document.name),
        source=document.source,
        text=text,
        sections=tuple(sections),
        captions=tuple(captions),
        quotes=tuple(quotes),
        date=document.date or date,
        url=document.url,
        author=document.author or author,
        site=document.site,
        links=_links(document, paragraphs),
    )


def _headline(
    text: str, segments: list[tuple[int, int]]
) -> tuple[str | None, list[tuple[int, int]]]:
    """A plain text's first line, when it reads as a headline, and the segments after it."""
    blocks = split_blocks(text, *segments[0])
    if len(blocks) < 2 or not looks_like_headline(blocks[0].text):
        return None, segments
    return _one_line(blocks[0].text).removesuffix("."), [
        (blocks[0].end, segments[0][1]),
        *segments[1:],
    ]


def _top_furniture(
    text: str, segments: list[tuple[int, int]], kind: str
) -> tuple[str | None, str | None, list[tuple[int, int]]]:
    """A byline and a dateline at the top of the body (metadata, not text) and the segments after them."""
    author = date = None
    if kind == "html" or not segments:  # trafilatura gives a page's byline and date as metadata
        return author, date, segments
    start, end = segments[0]
    for block in split_blocks(text, start, end)[:TOP_FURNITURE_BLOCKS]:
        found = byline_and_date(block.text)
        if found is None:
            break
        author, date, start = author or found[0], date or found[1], block.end
    if start == segments[0][0] or (not split_blocks(text, start, end) and len(segments) == 1):
        return None, None, segments  # nothing found, or nothing but furniture
    return author, date, [(start, end), *segments[1:]]


def looks_like_headline(line: str) -> bool:
    """One short line in Title Case, or without the full stop a sentence ends with."""
    if (
        "\n" in line
        or len(line) > 150
        or len(line.split()) < 2
        or _credit_like(line)
        or is_furniture(line)
    ):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    title_case = bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    return title_case or (
        len(line) <= 100 and not line.rstrip().endswith((".", '"', "\u201d", ")", ":"))
    )


def _credit_like(line: str) -> bool:
    return caption_and_credit(line)[1] is not None


def _segments(document: Document) -> list[tuple[int, int]]:
    """Spans of text between headings (the whole text when there are none)."""
    starts = sorted({0, *(offset for offset, _ in document.headings)})
    ends = starts[1:] + [len(document.text)]
    return list(zip(starts, ends))


def _paragraphs(
    text: str, blocks: list[Block], document: Document
) -> tuple[list[Paragraph], list[int]]:
    paragraphs: list[Paragraph] = []
    first_of_block: list[int] = []
    sentence_index = 0
    style_starts = [b.start for b in document.blocks]
    for block in blocks:
        first_of_block.append(len(paragraphs))
        spans = block_sentences(text, block)
        if not spans:
            continue
        styled = _block_style(document.blocks, style_starts, block.start)
        for run in split_block(text, spans):
            number = len(paragraphs)
            sentences = tuple(
                Sentence(sentence_index + i, s, e, text[s:e], number)
                for i, (s, e) in enumerate(run)
            )
            sentence_index += len(sentences)
            start, end = run[0][0], run[-1][1]
            kind: ParagraphKind = "text"
            marker = ""
            if styled is not None:
                kind = styled.kind  # type: ignore[assignment]
                if kind == "item" and start == styled.start:
                    marker = styled.marker or "\u2022"
            paragraphs.append(
                Paragraph(
                    number,
                    start,
                    end,
                    sentences,
                    text[start:end],
                    kind,
                    marker,
                    _inline_styles(document, start, end),
                )
            )
    return paragraphs, first_of_block


def _block_style(
    styles: Sequence[BlockStyle], starts: list[int], offset: int
) -> BlockStyle | None:
    """The list item, block quote or code block the text at ``offset`` stands in, if any."""
    at = bisect_left(starts, offset + 1) - 1
    if at >= 0 and styles[at].start <= offset < styles[at].end:
        return styles[at]
    return None


def _inline_styles(document: Document, start: int, end: int) -> tuple[InlineStyle, ...]:
    return tuple(
        InlineStyle(max(s.start, start), min(s.end, end), s.style)  # type: ignore[arg-type]
        for s in document.styles
        if s.start < end and s.end > start
    )


def _links(document: Document, paragraphs: Sequence[Paragraph]) -> tuple[Link, ...]:
    """The document's links that stand in a paragraph (not in a caption or a byline cut out)."""
    starts = [p.start for p in paragraphs]
    links = []
    for raw in document.links:
        number = bisect_left(starts, raw.start + 1) - 1
        if number < 0 or raw.start >= paragraphs[number].end:
            continue
        end = min(raw.end, paragraphs[number].end)
        if end > raw.start:
            links.append(Link(document.text[raw.start : end], raw.url, raw.start, end, number))
    return tuple(links)


def _paragraph_at(first_of_block: list[int], block: int, total: int) -> int:
    return first_of_block[block] if block < len(first_of_block) else total


def _raw_captions(document: Document, paragraphs: list[Paragraph]) -> list[Caption]:
    starts = [p.start for p in paragraphs]
    captions = []
    for raw in document.captions:
        before = len(paragraphs) if raw.position is None else bisect_left(starts, raw.position)
        text, credit = (
            (without_counter(raw.text), raw.credit) if raw.credit else caption_and_credit(raw.text)
        )
        captions.append(Caption(text, credit, min(before, len(paragraphs))))
    return captions


def _sections(
    document: Document,
    paragraphs: list[Paragraph],
    captions: Sequence[Caption],
    quotes: Sequence,
    segment_starts: list[int],
    first_of_block: list[int],
) -> list[Section]:
    if document.headings:
        return _heading_sections(document, paragraphs, quotes, segment_starts, first_of_block)
    breaks = {c.before_paragraph for c in captions} - {0, len(paragraphs)}
    groups = plan_sections(paragraphs, breaks)
    labels = label_sections(groups, quotes)
    return [
        Section(i, label, tuple(group), derived=True)
        for i, (label, group) in enumerate(zip(labels, groups))
    ]


def _heading_sections(
    document: Document,
    paragraphs: list[Paragraph],
    quotes: Sequence,
    segment_starts: list[int],
    first_of_block: list[int],
) -> list[Section]:
    headings = dict(document.headings)
    segment_offsets = [start for start, _ in _segments(document)]
    sections: list[Section] = []
    boundaries = [_paragraph_at(first_of_block, b, len(paragraphs)) for b in segment_starts] + [
        len(paragraphs)
    ]
    for number, offset in enumerate(segment_offsets):
        group = paragraphs[boundaries[number] : boundaries[number + 1]]
        if not group:
            continue
        label = headings.get(offset)
        if label is None:
            label = label_sections([list(group)], quotes)[0]
        sections.append(
            Section(
                len(sections),
                _one_line(label),
                tuple(group),
                heading=offset in headings,
                derived=offset not in headings,
            )
        )
    return sections


def _one_line(text: str) -> str:
    return " ".join(text.split())


def derive_title(paragraphs: Sequence[Paragraph], name: str | None = None) -> str:
    """A short title from the first sentence when the source gives none.

    A long sentence is cut where a clause or a phrase starts (a comma, "on",
    "who"...), never mid-phrase and never with "…": the title reads whole.
    """
    first = _one_line(paragraphs[0].sentences[0].text).rstrip(".")
    if len(first) <= MAX_TITLE:
        return first
    head = first[: MAX_TITLE + 1]
    cuts = [
        m.start()
        for m in re.finditer(
            r"[,;:(\u2013\u2014]| (?:on|at|in|amid|as|after|before|during|while|who|which|that|"
            r"with|when|where|because|since|for|to|from|by|and|but|said|says|told|has|have|had|"
            r"is|are|was|were|will|would|could|may|met)\b",
            head,
        )
        if MIN_TITLE <= m.start() <= MAX_TITLE
    ]
    cut = cuts[-1] if cuts else head.rfind(" ")
    return head[: cut if cut > 0 else MAX_TITLE].rstrip(" ,;:-\u2013\u2014")
