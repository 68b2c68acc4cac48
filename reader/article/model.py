"""The article model: frozen dataclasses that everything else reads.

All offsets (``start``, ``end``) are character offsets into ``Article.text``,
the decoded text the article was built from (front matter excluded).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
# How a paragraph is set: running text, a list item (bullet or numbered), a block quote, code.
ParagraphKind = Literal["text", "item", "quote", "code"]
InlineStyleName = Literal["emphasis", "strong", "code"]


@dataclass(frozen=True)
class InlineStyle:
    """Emphasis the source marked on a span (offsets into ``Article.text``)."""

    start: int
    end: int
    style: InlineStyleName


@dataclass(frozen=True)
class Link:
    """A link on ``Article.text[start:end]`` (its ``text``), in paragraph ``paragraph``.

    ``url`` is the address as the source gave it (relative, ``mailto:``...),
    without any user name and password; reader.sources.links says where it leads.
    """

    text: str
    url: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of the body, numbered across the whole article."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """A readable paragraph: a run of body sentences."""

    index: int
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    text: str
    kind: ParagraphKind = "text"
    marker: str = ""  # a list item's marker as the source gave it: "1." (empty: a bullet)
    styles: tuple[InlineStyle, ...] = ()


@dataclass(frozen=True)
class Section:
    """A stretch of paragraphs with a short label for navigation.

    ``heading``: the label is the source's own heading. ``derived``: the
    reader cut the section itself (a plain text's parts, the text before a
    Markdown file's first heading); its label is the reader's, never shown
    as if the author had written it.
    """

    index: int
    label: str
    paragraphs: tuple[Paragraph, ...]
    heading: bool = False
    derived: bool = False


@dataclass(frozen=True)
class Caption:
    """A photo caption, stored once, out of the body."""

    text: str
    credit: str | None
    before_paragraph: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Quote:
    """A quotation with the speaker it is attributed to."""

    text: str
    speaker: str | None
    role: str | None
    expert: bool
    kind: QuoteKind
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A parsed article: metadata, body sections, captions and quotes."""

    title: str
    source: str
    text: str
    sections: tuple[Section, ...]
    captions: tuple[Caption, ...] = ()
    quotes: tuple[Quote, ...] = ()
    date: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    links: tuple[Link, ...] = ()

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for section in self.sections for p in section.paragraphs)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def body(self) -> str:
        """The body text: paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    def section_of(self, paragraph: int) -> Section:
        """The section that holds paragraph number ``paragraph``."""
        for section in self.sections:
            if section.paragraphs and section.paragraphs[-1].index >= paragraph:
                return section
        return self.sections[-1]

    @property
    def expert_quotes(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.expert)
