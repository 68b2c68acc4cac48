"""What a source is: an article, a feed, or an OPML list of feeds.

:func:`open_any` reads a source once and tells which: a feed (RSS or Atom,
sniffed from its first element, whatever the URL or file name says) or an
OPML file becomes a :class:`FeedSource`; anything else is the article's
Document. Web addresses go through the offline cache: when the network fails,
the copy fetched last time is used and ``Found.offline`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from reader.feeds.model import Feed
from reader.sources.document import Document


@dataclass(frozen=True)
class FeedSource:
    """A source that lists stories: one feed (already read) or the feeds an OPML file names."""

    title: str
    specs: tuple[str, ...]  # what to fetch for the list (URLs or paths)
    feed: Feed | None = None  # the feed itself, when the source was one


@dataclass(frozen=True)
class Found:
    """An opened source: the article or the feeds, and whether the kept copy stood in."""

    item: Document | FeedSource
    offline: str | None = None  # why the network was not used (None: it was)
    stored: float | None = None  # when the bytes used were fetched


def open_any(spec: str | None) -> Found:
    """Read ``spec`` (None: the bundled article) as an article, a feed or a list of feeds."""
    # What a local file needs only (the first article is read while the UI starts).
    from reader.feeds.sniff import is_feed, is_opml
    from reader.sources.load import RawSource, document_from_raw, load_source, read_source

    if spec is None:
        return Found(load_source(None))
    offline = stored = None
    if spec.lower().startswith(("http://", "https://")):
        from reader.feeds.fetch import FEED_ACCEPT, PAGE_CACHE, fetch_cached
        from reader.feeds.parse import FEED_TYPES
        from reader.sources.url import ACCEPTED_TYPES, public_url

        fetched = fetch_cached(
            spec,
            PAGE_CACHE,
            accept=FEED_ACCEPT.replace("text/html;q=0.5", "text/html"),
            accepted_types=(*ACCEPTED_TYPES, *FEED_TYPES),
        )
        shown = public_url(spec)  # never a user name or password shown or kept
        raw = RawSource(
            fetched.data,
            name=shown,
            source=shown,
            suffix=PurePosixPath(urlsplit(fetched.url).path).suffix.lower(),
            url=fetched.url,
            content_type=fetched.content_type,
        )
        offline, stored = fetched.offline, fetched.stored
    else:
        raw = read_source(spec)
    if is_feed(raw.data):
        from reader.feeds.parse import parse_feed

        feed = parse_feed(raw.data, name=raw.name, url=raw.url)
        return Found(FeedSource(feed.title, (spec,), feed), offline, stored)
    if is_opml(raw.data):
        from reader.feeds.parse import parse_opml

        feeds = parse_opml(raw.data, name=raw.name)
        title = f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''} from {raw.source}"
        return Found(FeedSource(title, tuple(f.url for f in feeds)), offline, stored)
    return Found(document_from_raw(raw), offline, stored)
