"""Messages the reader's widgets post up to the screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from textual.message import Message

if TYPE_CHECKING:
    from reader.article.model import Article
    from reader.feeds.source import FeedSource
    from reader.summary.algorithms import Summary

JumpKind = Literal["caption", "quote", "sentence", "section", "paragraph"]


@dataclass
class JumpRequest(Message):
    """Show a place of the article: a paragraph, optionally one span of it.

    ``start`` / ``end`` are offsets in ``Article.text`` (None: the whole
    paragraph). For a caption, ``paragraph`` is the caption's index in
    ``Article.captions`` and the article shows the photo's marker.
    """

    kind: JumpKind
    paragraph: int
    start: int | None = None
    end: int | None = None


@dataclass
class PositionChanged(Message):
    """The reading position moved (scrolling, a jump, a resize)."""

    paragraph: int
    section: int
    progress: float  # 0.0 at the top, 1.0 at the bottom


# -- what the screen's workers post (one message per outcome) -----------------

WorkKind = Literal["open", "summary", "export"]


@dataclass
class ArticleOpened(Message):
    """The open worker loaded ``spec`` and built its article."""

    spec: str | None
    article: Article
    text: str  # the document's text (it identifies standard input)


@dataclass
class FeedsOpened(Message):
    """The open worker found a feed (or a list of feeds) where an article was expected."""

    source: FeedSource


@dataclass
class SummaryReady(Message):
    """The summary worker has computed ``summary`` of ``article`` at ``length`` sentences."""

    article: Article
    length: int
    summary: Summary


@dataclass
class SummaryStopped(Message):
    """The summary worker stopped before its end (cancelled, or replaced by another)."""


@dataclass
class Exported(Message):
    """The export worker wrote the outline of ``article`` to ``path``."""

    article: Article
    length: int
    summary: Summary
    path: Path


@dataclass
class WorkFailed(Message):
    """A worker failed: ``error`` is shown (how depends on ``kind``)."""

    kind: WorkKind
    error: BaseException


# -- what the screen tells the app --------------------------------------------


class ArticleShown(Message):
    """An article is on screen (the start-up probe waits for it)."""


@dataclass
class SettingChanged(Message):
    """The reader changed a setting the config file keeps (``column_width``...)."""

    name: str
    value: object


# -- what ``y`` asks of the focused part -------------------------------------


@runtime_checkable
class Copyable(Protocol):
    """A part of the screen that ``y`` copies from."""

    def copy_text(self) -> tuple[str, str] | None:
        """What to copy now and what it is ("a quote of Jane Doe"), or None."""
        ...
