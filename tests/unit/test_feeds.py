"""Feeds: parsing, hostile feeds, conditional and offline fetching, the CLI commands."""

from __future__ import annotations

import json
import time

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.feeds.fetch import fetch_feed, fetch_feeds
from reader.feeds.model import Subscription
from reader.feeds.parse import MAX_STORIES, is_feed, is_opml, opml_text, parse_feed, parse_opml
from tests.unit.feed_fixtures import STORIES, serve_news
from tests.unit.http_server import Route, http_server  # noqa: F401 (fixture)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<link href="https://harbour.example/"/>
<entry><title>Old pier to reopen</title><link href="https://harbour.example/pier"/>
<id>tag:harbour,1</id><updated>2026-11-01T08:00:00Z</updated>
<summary>&lt;p&gt;The &lt;b&gt;old pier&lt;/b&gt; reopens in May.&lt;/p&gt;</summary></entry>
<entry><title>Ferry timetable changes</title><link href="https://harbour.example/ferry"/>
<id>tag:harbour,2</id><updated>2026-11-20T08:00:00Z</updated><summary>New times.</summary></entry>
</feed>"""


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    """Cache and data folders of the user, in a temporary folder."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "2")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_atom_feed_newest_first_with_plain_snippets():
    feed = parse_feed(ATOM.encode(), name="harbour.xml")
    assert feed.title == "Harbour Notes"
    assert [s.title for s in feed.stories] == ["Ferry timetable changes", "Old pier to reopen"]
    assert feed.stories[1].snippet == "The old pier reopens in May."
    assert feed.stories[1].link == "https://harbour.example/pier"
    assert feed.stories[1].published.isoformat() == "2026-11-01T08:00:00+00:00"


def test_feeds_and_opml_are_told_from_pages():
    assert is_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">')
    assert is_feed(ATOM.encode())
    assert not is_feed(b"<!doctype html><html><body>news</body></html>")
    assert is_opml(b'<?xml version="1.0"?><opml version="2.0"><body/></opml>')


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"just some words, not a feed",
            "story.xml is not an RSS or Atom feed (it is not valid XML)",
        ),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut',
            "story.xml has no stories (it looks cut short)",
        ),
    ],
)
def test_what_is_not_a_feed_says_so(data, message):
    with pytest.raises(ReaderError) as caught:
        parse_feed(data, name="story.xml")
    assert caught.value.message == message


def test_entity_declarations_are_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel></channel></rss>'
    with pytest.raises(ReaderError, match="declares XML entities"):
        parse_feed(bomb, name="bomb.xml")


def test_a_feed_that_lies_about_its_encoding_still_reads():
    data = (
        ATOM.replace("Old pier", "Vieux quai à").encode("latin-1").replace(b"utf-8", b"utf-8", 1)
    )
    feed = parse_feed(data, name="lying.xml")
    assert any(story.title.startswith("Vieux quai") for story in feed.stories)


def test_ten_thousand_items_keep_the_newest():
    items = "".join(
        f"<item><title>Story {i}</title><link>https://x.example/{i}</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime(1_700_000_000 + i * 60))}</pubDate></item>"
        for i in range(10_000)
    )
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'
    feed = parse_feed(data.encode(), name="big.xml")
    assert len(feed.stories) == MAX_STORIES
    assert feed.dropped == 10_000 - MAX_STORIES
    assert feed.stories[0].title == "Story 9999"


def test_opml_round_trip():
    feeds = [
        Subscription("https://a.example/rss", "A & B"),
        Subscription("https://c.example/atom"),
    ]
    assert parse_opml(opml_text(feeds).encode(), name="subs.opml") == [
        Subscription("https://a.example/rss", "A & B"),
        Subscription("https://c.example/atom", "https://c.example/atom"),
    ]


def test_opml_that_is_not_xml():
    with pytest.raises(ReaderError, match=r"^subs\.opml is not a valid OPML file"):
        parse_opml(b"<opml><body><outline", name="subs.opml")


def test_conditional_request_reuses_the_copy_on_304(http_server):
    url = serve_news(http_server, etag='"v1"')
    first = fetch_feed(url)
    second = fetch_feed(url)
    assert first.feed is not None and second.feed is not None
    assert [s.title for s in second.feed.stories] == [s.title for s in first.feed.stories]
    sent = [r.get("if-none-match") for r in http_server.requests if r["path"] == "/feed.xml"]
    assert sent == [None, '"v1"']


def test_offline_copy_when_the_server_is_gone(http_server):
    url = serve_news(http_server)
    assert fetch_feed(url).offline is None
    http_server.routes["/feed.xml"] = Route(status=500, body=b"down")
    again = fetch_feed(url)
    assert again.feed is not None
    assert again.offline == f"cannot open {url}: HTTP 500 Internal Server Error"


def test_feeds_fetched_together_each_with_its_own_error(http_server):
    good = serve_news(http_server)
    missing = http_server.url("/gone.xml")
    slow = http_server.route(
        "/slow.xml",
        Route(body=ATOM.encode(), content_type="application/atom+xml", delay=0.5),
    )
    results = fetch_feeds([good, missing, slow])
    assert [r.spec for r in results] == [good, missing, slow]
    assert results[0].feed is not None and results[2].feed is not None
    assert results[1].feed is None
    assert results[1].error == f"cannot open {missing}: HTTP 404 Not Found"


def test_reader_feed_lists_summaries_and_experts(http_server, capsys):
    url = serve_news(http_server)
    assert main(["feed", url]) == 0
    out = capsys.readouterr().out
    blocks = out.split("\n\n")
    assert blocks[0] == "City Times (3 of 3 stories)"
    tram = blocks[1].splitlines()
    assert tram[0] == "* Council approves tram extension"
    assert tram[1] == "  City Times · 2026-11-30 09:00 UTC · 1 min read"
    assert tram[2] == "  " + STORIES["/tram.html"][2][0]
    assert tram[3] == "  Experts: Mara Lind"
    assert "Experts: Priya Natarajan" in blocks[2]
    assert "Experts" not in blocks[3]


def test_reader_feed_json_and_a_story_that_is_gone(http_server, capsys):
    url = serve_news(http_server)
    del http_server.routes["/flood.html"]
    assert main(["feed", url, "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["title"] for s in data["stories"]] == [
        "Council approves tram extension",
        "River levels fall after week of floods",
    ]
    assert data["stories"][0]["experts"] == ["Mara Lind"]
    gone = data["stories"][1]
    assert gone["summary"] is None
    assert gone["error"] == f"cannot open {http_server.url('/flood.html')}: HTTP 404 Not Found"


def test_reader_feed_of_a_page_is_a_one_line_error(http_server, capsys):
    url = http_server.route("/page.html", Route(body=b"<html><body><p>Hi</p></body></html>"))
    assert main(["feed", url]) == 2
    assert capsys.readouterr().err == f"reader: error: {url} is not an RSS or Atom feed\n"


def test_digest_writes_a_new_file_and_never_overwrites(http_server, capsys, folders):
    url = serve_news(http_server)
    assert main(["digest", url, "-o", "brief.md"]) == 0
    text = (folders / "brief.md").read_text()
    assert text.startswith("# Briefing\n\n## Council approves tram extension\n")
    assert (
        "> \u201cThe extension pays for itself within a decade if ridership grows as it has\u201d"
        " \u2014 Mara Lind, transport economist at Westbrook University"
    ) in text
    capsys.readouterr()
    assert main(["digest", url, "-o", "brief.md"]) == 2
    assert (
        capsys.readouterr().err == "reader: error: brief.md exists already; not overwriting it\n"
    )
    assert (folders / "brief.md").read_text() == text


def test_subscriptions_add_list_remove_import_export(http_server, capsys, folders):
    url = serve_news(http_server)
    assert main(["feeds", "add", url]) == 0
    assert capsys.readouterr().out == "following City Times\n"
    assert main(["feeds", "add", url]) == 0
    assert capsys.readouterr().out == f"already following {url}\n"
    (folders / "more.opml").write_text(
        opml_text([Subscription("https://other.example/rss", "Other")])
    )
    assert main(["feeds", "import", "more.opml"]) == 0
    assert capsys.readouterr().out == "1 feed added\n"
    assert main(["feeds"]) == 0
    assert capsys.readouterr().out == f"{url}  City Times\nhttps://other.example/rss  Other\n"
    assert main(["feeds", "export", "out.opml"]) == 0
    assert [f.url for f in parse_opml((folders / "out.opml").read_bytes(), name="x")] == [
        url,
        "https://other.example/rss",
    ]
    assert main(["feeds", "remove", "https://other.example/rss"]) == 0
    capsys.readouterr()
    assert main(["feeds", "remove", "https://other.example/rss"]) == 2
    assert capsys.readouterr().err == "reader: error: not following https://other.example/rss\n"
