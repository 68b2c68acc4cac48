"""Fetching feeds and their stories: conditional requests, an offline copy, a few at a time.

Every URL fetched here goes through :func:`fetch_cached`: the copy kept from
the last fetch supplies ``If-None-Match`` / ``If-Modified-Since``, a 304 answer
reuses it, and when the network fails the copy is used and said to be offline.
The limits (timeouts, size cap, User-Agent) are those of ``reader.sources.url``;
:func:`fetch_feeds` runs at most ``MAX_CONNECTIONS`` fetches at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.feeds.cache import Cache
from reader.feeds.model import Feed
from reader.feeds.parse import FEED_TYPES, is_feed, parse_feed

MAX_CONNECTIONS = 4  # fetches at once
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml;q=0.9,application/xml;q=0.8,"
    "text/xml;q=0.8,text/html;q=0.5"
)
FEED_CACHE = "feeds"
PAGE_CACHE = "pages"


@dataclass(frozen=True)
class CachedFetch:
    """Bytes of a URL, fresh or from the copy kept last time."""

    data: bytes
    content_type: str | None
    url: str
    stored: float  # when these bytes were fetched (epoch seconds)
    offline: str | None = None  # why the kept copy was used ("connection refused"...)


def fetch_cached(
    url: str,
    cache_name: str,
    *,
    accept: str | None = None,
    accepted_types: tuple[str, ...] | None = None,
) -> CachedFetch:
    """``url``'s bytes, asked for conditionally; the kept copy when the network fails."""
    from reader.sources import url as web

    cache = Cache(cache_name)
    kept = cache.get(url)
    headers: dict[str, str] = {}
    if kept is not None:
        if kept.record.get("etag"):
            headers["If-None-Match"] = str(kept.record["etag"])
        if kept.record.get("last_modified"):
            headers["If-Modified-Since"] = str(kept.record["last_modified"])
    try:
        fetched = web.fetch_url(
            url,
            accept=accept or web.ACCEPT,
            accepted_types=accepted_types or web.ACCEPTED_TYPES,
            headers=headers,
        )
    except ReaderError as error:
        if kept is None:
            raise
        return _from_kept(url, kept.data, kept.record, kept.stored, offline=error.message)
    if fetched.not_modified and kept is not None:
        validators = {k: v for k, v in kept.record.items() if k not in ("key", "stored")}
        validators["etag"] = fetched.etag or validators.get("etag")
        cache.put(url, kept.data, **validators)
        return _from_kept(url, kept.data, kept.record, _now())
    if fetched.not_modified:
        raise ReaderError(f"cannot open {url}: the server answered 304 to a first request")
    cache.put(
        url,
        fetched.data,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        content_type=fetched.content_type,
        final_url=fetched.url,
    )
    return CachedFetch(fetched.data, fetched.content_type, fetched.url, _now())


def _from_kept(
    url: str, data: bytes, record: dict[str, object], stored: float, offline: str | None = None
) -> CachedFetch:
    content_type = record.get("content_type")
    final_url = record.get("final_url")
    return CachedFetch(
        data,
        content_type if isinstance(content_type, str) else None,
        final_url if isinstance(final_url, str) else url,
        stored,
        offline,
    )


def _now() -> float:
    import time

    return time.time()


@dataclass(frozen=True)
class FeedResult:
    """One feed's outcome: the feed, or the one-line reason it could not be read."""

    spec: str
    feed: Feed | None = None
    error: str | None = None
    stored: float | None = None  # when its bytes were fetched
    offline: str | None = None  # set when the kept copy stood in for the network


def fetch_feed(spec: str) -> FeedResult:
    """Read the feed ``spec`` names (URL, path or ``-``); errors are returned, not raised."""
    from reader.sources.load import read_source

    try:
        if spec.lower().startswith(("http://", "https://")):
            got = fetch_cached(
                spec,
                FEED_CACHE,
                accept=FEED_ACCEPT,
                accepted_types=_feed_and_page_types(),
            )
            data, url = got.data, got.url
            stored: float | None = got.stored
            offline = got.offline
        else:
            raw = read_source(spec)
            data, url, stored, offline = raw.data, raw.url or "", None, None
        if not is_feed(data):
            raise ReaderError(f"{spec} is not an RSS or Atom feed")
        return FeedResult(
            spec, parse_feed(data, name=spec, url=url or None), None, stored, offline
        )
    except ReaderError as error:
        return FeedResult(spec, error=error.message)


def fetch_feeds(
    specs: Sequence[str], on_result: Callable[[FeedResult], None] | None = None
) -> list[FeedResult]:
    """All of ``specs`` fetched, ``MAX_CONNECTIONS`` at a time, results in the order given."""
    results: dict[str, FeedResult] = {}
    with ThreadPoolExecutor(max_workers=MAX_CONNECTIONS) as pool:
        futures = {pool.submit(fetch_feed, spec): spec for spec in specs}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            if on_result is not None:
                on_result(result)
    return [results[spec] for spec in specs]


def _feed_and_page_types() -> tuple[str, ...]:
    from reader.sources.url import ACCEPTED_TYPES

    return (*ACCEPTED_TYPES, *FEED_TYPES)
