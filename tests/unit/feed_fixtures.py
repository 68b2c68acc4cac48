"""Feeds and article pages written for the tests (our own words), served on loopback."""

from __future__ import annotations

from tests.unit.http_server import LoopbackServer, Route

STORIES = {
    "/tram.html": (
        "Council approves tram extension",
        "2026-11-30T09:00:00Z",
        [
            "The city council approved a four-kilometre extension of the eastern tram line on"
            " Monday, after a debate that lasted most of the night.",
            '"The extension pays for itself within a decade if ridership grows as it has,"'
            " said Mara Lind, a transport economist at Westbrook University.",
            "Construction is to start in the spring and the first trams should run in two years.",
            "Shop owners along the route asked for compensation during the works, and the"
            " council promised a fund for them.",
            '"We will keep every shop reachable on foot," said Mayor Tom Reyes.',
        ],
    ),
    "/flood.html": (
        "River levels fall after week of floods",
        "2026-11-29T18:30:00Z",
        [
            "Water levels on the Elm river fell for the first time in a week on Sunday, and"
            " families began returning to their homes in the lower town.",
            '"The soil is saturated, so another heavy rain would undo the progress quickly,"'
            " said Priya Natarajan, a hydrologist at the National Water Institute.",
            "Volunteers filled sandbags through the weekend and the army sent two pumps.",
            "The regional government said it would review its flood maps before the winter.",
        ],
    ),
    "/chess.html": (
        "Teenager wins national chess title",
        "2026-11-28T12:00:00Z",
        [
            "A sixteen-year-old from the coast won the national chess championship on"
            " Saturday with a round to spare.",
            '"I only started playing seriously three years ago," she told reporters after'
            " the final game.",
            "Her coach said the win would earn her a place at the world youth championship.",
        ],
    ),
}


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        f"{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def rss(server: LoopbackServer, paths: list[str], title: str = "City Times") -> bytes:
    items = []
    for path in paths:
        headline, when, paragraphs = STORIES[path]
        from datetime import datetime

        moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
        items.append(
            f"<item><title>{headline}</title><link>{server.url(path)}</link>"
            f"<guid>{server.url(path)}</guid>"
            f"<pubDate>{moment.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>"
            f"<description>{paragraphs[0][:60]}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{server.url('/')}</link>{''.join(items)}</channel></rss>"
    ).encode()


def serve_news(server: LoopbackServer, etag: str | None = None) -> str:
    """Serve the three stories and a feed of them; returns the feed's URL."""
    for path, (headline, _, paragraphs) in STORIES.items():
        server.route(path, Route(body=page(headline, paragraphs)))
    return server.route(
        "/feed.xml",
        Route(
            body=rss(server, list(STORIES)),
            content_type="application/rss+xml; charset=utf-8",
            etag=etag,
        ),
    )
