"""What a source yields before article parsing: text, kind and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["text", "markdown", "html"]


@dataclass(frozen=True)
class RawCaption:
    """A caption that the source format marks as one (an HTML figcaption)."""

    text: str
    credit: str | None = None
    # Offset in Document.text before which the figure stood (None: unknown).
    position: int | None = None


@dataclass(frozen=True)
class BlockStyle:
    """How the source sets the block that starts at ``start`` in Document.text."""

    start: int
    end: int
    kind: str  # "item", "quote" or "code" (see reader.article.model.ParagraphKind)
    marker: str = ""  # a numbered item's marker ("1.")


@dataclass(frozen=True)
class SpanStyle:
    """Emphasis ("emphasis", "strong", "code") on ``text[start:end]``."""

    start: int
    end: int
    style: str


@dataclass(frozen=True)
class RawLink:
    """A link on ``text[start:end]`` to ``url`` (as the source gave it: maybe relative)."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Document:
    """Decoded text of one source, with whatever metadata the source carried.

    ``text`` is plain text: paragraphs separated by blank lines. For Markdown
    and HTML, ``headings`` maps offsets in ``text`` where a section starts to
    its heading, and ``captions`` holds captions found by the markup.
    """

    text: str
    kind: DocumentKind = "text"
    source: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    headings: tuple[tuple[int, str], ...] = ()
    captions: tuple[RawCaption, ...] = field(default=())
    blocks: tuple[BlockStyle, ...] = ()  # list items, block quotes, code (Markdown, HTML)
    styles: tuple[SpanStyle, ...] = ()  # emphasis (Markdown)
    links: tuple[RawLink, ...] = ()  # links in the text (Markdown, HTML)
    # A short name for the source, used as a last resort for the title.
    name: str | None = None
