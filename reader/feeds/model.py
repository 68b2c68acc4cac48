"""What a feed holds once parsed: frozen dataclasses that the CLI and the UI read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Story:
    """One item of a feed."""

    title: str
    link: str | None
    published: datetime | None  # in UTC; None when the feed gives no date
    snippet: str  # the feed's own summary, as plain text
    feed_title: str
    key: str  # the item's id, else its link, else its title: what read state is kept by
    content_html: str | None = None  # the feed's full text, when it carries one


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title, site and stories, newest first."""

    title: str
    url: str | None
    site: str | None
    stories: tuple[Story, ...]
    dropped: int = 0  # stories beyond the cap, left out


@dataclass(frozen=True)
class Subscription:
    """A feed the user follows."""

    url: str
    title: str = ""


@dataclass(frozen=True)
class Brief:
    """What the article list shows of a story read in full."""

    summary: str  # the default summarizer's first pick ("" when the article has none)
    experts: tuple[str, ...] = field(default=())  # names of the experts quoted, in order
    words: int = 0  # the article's length, for the reading time
