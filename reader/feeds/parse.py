"""RSS, Atom and OPML: told apart from pages by their first element, parsed safely.

Feeds are parsed with feedparser, which copes with the malformed feeds found in
the wild (it reports them as "bozo" and keeps what it could read). A document
that yields no feed at all, a truncated feed with no item, or an OPML file that
is not XML is a ReaderError with one line saying so. At most ``MAX_STORIES``
stories are kept (the newest); the rest are counted in ``Feed.dropped``.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from typing import Any

from reader.errors import ReaderError
from reader.feeds.model import Feed, Story, Subscription
from reader.feeds.sniff import is_feed as is_feed  # (where they were; reader.feeds.sniff)
from reader.feeds.sniff import is_opml as is_opml
from reader.feeds.text import html_to_text, word_count
from reader.inert import clean

MAX_STORIES = 500  # stories kept per feed, newest first
FULL_TEXT_WORDS = 150  # a feed item with this many words of content is the article itself
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
    "text/x-opml",
    "application/x-opml",
)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)


def parse_feed(data: bytes, *, name: str, url: str | None = None) -> Feed:
    """The feed in ``data``; ReaderError when it holds none."""
    import feedparser

    if _ENTITY_DECLARATION.search(data[:65536]):
        raise ReaderError(f"{name} declares XML entities; such feeds are not read")
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries = list(parsed.entries)
    if not parsed.version and not entries:
        reason = " (it is not valid XML)" if parsed.bozo else ""
        raise ReaderError(f"{name} is not an RSS or Atom feed{reason}")
    info = parsed.feed
    title = _line(info.get("title")) or _line(info.get("link")) or name
    stories = [_story(entry, title) for entry in entries]
    stories = [story for story in stories if story.title or story.link]
    if not stories:
        truncated = " (it looks cut short)" if parsed.bozo else ""
        raise ReaderError(f"{name} has no stories{truncated}")
    stories.sort(key=_newest_first)
    kept = stories[:MAX_STORIES]
    return Feed(
        title=title,
        url=url,
        site=_line(info.get("link")) or None,
        stories=tuple(kept),
        dropped=len(stories) - len(kept),
    )


def _newest_first(story: Story) -> tuple[int, float]:
    if story.published is None:
        return (1, 0.0)
    return (0, -story.published.timestamp())


def _story(entry: Any, feed_title: str) -> Story:
    link = _link(entry.get("link"))
    content = _content(entry)
    snippet = html_to_text(entry.get("summary") or "")
    title = _line(entry.get("title")) or _first_words(snippet)
    key = _line(entry.get("id")) or link or title
    return Story(
        title=title,
        link=link,
        published=_when(entry),
        snippet=snippet,
        feed_title=feed_title,
        key=key,
        content_html=content if word_count(content) >= FULL_TEXT_WORDS else None,
    )


def _content(entry: Any) -> str | None:
    """The longest HTML body an item carries (Atom content, RSS content:encoded, summary)."""
    bodies = [part.get("value") or "" for part in entry.get("content") or []]
    bodies.append(entry.get("summary") or "")
    best = max(bodies, key=len)
    return best or None


def _when(entry: Any) -> datetime | None:
    for field_name in ("published_parsed", "updated_parsed", "created_parsed"):
        moment = entry.get(field_name)
        if moment:
            try:
                return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _link(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    link = clean(value).strip()
    return link if link.lower().startswith(("http://", "https://", "file://")) else None


def _line(value: object) -> str:
    return html_to_text(value) if isinstance(value, str) else ""


def _first_words(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def parse_opml(data: bytes, *, name: str) -> list[Subscription]:
    """The feeds an OPML file lists (``outline`` elements with an ``xmlUrl``), in order."""
    if _ENTITY_DECLARATION.search(data[:65536]):
        raise ReaderError(f"{name} declares XML entities; such files are not read")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ReaderError(f"{name} is not a valid OPML file ({error})") from None
    seen: set[str] = set()
    feeds: list[Subscription] = []
    for outline in root.iter("outline"):
        url = _link(outline.get("xmlUrl") or outline.get("xmlurl"))
        if url and url not in seen:
            seen.add(url)
            title = _line(outline.get("title") or outline.get("text") or "")
            feeds.append(Subscription(url=url, title=title))
    if not feeds:
        raise ReaderError(f"{name} lists no feeds")
    return feeds


def opml_text(feeds: list[Subscription], title: str = "reader subscriptions") -> str:
    """An OPML 2.0 document listing ``feeds``."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        label = feed.title or feed.url
        ElementTree.SubElement(
            body, "outline", type="rss", text=label, title=label, xmlUrl=feed.url
        )
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
