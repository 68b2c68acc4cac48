"""Messages the reader's widgets post up to the screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

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
