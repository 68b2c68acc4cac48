"""The article list of a feed, stories read in full, history, back and forward, the browser."""

from __future__ import annotations

import asyncio
import webbrowser

import pytest
from conftest import ready
from screen_text import screen_text

from reader.feeds.model import Subscription
from reader.feeds.parse import opml_text
from reader.ui.app import ReaderApp
from reader.ui.story_list import StoryListScreen
from reader.ui.story_screen import StoryScreen
from tests.unit.feed_fixtures import serve_news
from tests.unit.http_server import LoopbackServer

pytestmark = pytest.mark.asyncio


@pytest.fixture
def news(monkeypatch):
    """The three stories and their feed on a loopback server."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "5")
    with LoopbackServer() as server:
        yield server, serve_news(server)


async def wait_for(pilot, check, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out; the screen was:\n{screen_text(pilot.app)}")
        await pilot.pause(0.05)
    await pilot.pause()


def list_screen(app) -> StoryListScreen:
    return next(s for s in app.screen_stack if isinstance(s, StoryListScreen))


async def briefs_read(pilot) -> None:
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, StoryListScreen) and len(pilot.app.screen.briefs) == 3
        ),
    )


async def story_shown(pilot, title: str) -> None:
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, StoryScreen)
            and pilot.app.screen.settled
            and pilot.app.screen.article.title == title
        ),
    )


@pytest.mark.parametrize("size", [(80, 24), (150, 45)])
async def test_feed_lists_stories_with_summary_and_experts(news, size):
    _, url = news
    app = ReaderApp(source=url)
    async with app.run_test(size=size) as pilot:
        await briefs_read(pilot)
        text = screen_text(app)
        lines = [line.strip() for line in text.splitlines()]
        assert lines[0].startswith("City Times \u00b7 3 stories \u00b7 3 unread")
        assert "\u25cf Council approves tram extension" in lines
        assert "City Times \u00b7 2026-11-30 09:00 UTC \u00b7 1 min read" in lines
        assert "Experts: Mara Lind" in lines
        assert "Experts: Priya Natarajan" in text
        # The summary is the full article's first pick, not the feed's 60-character snippet.
        assert "after a debate" in text.replace("\n", " ") or "debate that lasted" in text


async def test_enter_opens_a_story_j_moves_on_backspace_returns(news):
    _, url = news
    app = ReaderApp(source=url)
    async with app.run_test(size=(100, 30)) as pilot:
        await briefs_read(pilot)
        await pilot.press("j", "enter")  # the second story
        await story_shown(pilot, "River levels fall after week of floods")
        assert "Priya Natarajan" in screen_text(app)
        await pilot.press("J")
        await story_shown(pilot, "Teenager wins national chess title")
        await pilot.press("J")  # the last one: stays, says so
        await pilot.pause(0.3)
        assert app.screen.article.title == "Teenager wins national chess title"
        assert any("last story" in n.message for n in app._notifications)
        await pilot.press("K")
        await story_shown(pilot, "River levels fall after week of floods")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryListScreen))
        stories = app.screen
        assert stories.query_one("#stories").highlighted == 1  # where it was
        assert stories.read == {stories.stories[1].key, stories.stories[2].key}
        assert "2 stories" not in screen_text(app)
        assert "1 unread" in screen_text(app).splitlines()[0]


async def test_unread_filter_and_word_filter(news):
    _, url = news
    app = ReaderApp(source=url)
    async with app.run_test(size=(100, 30)) as pilot:
        await briefs_read(pilot)
        await pilot.press("enter")
        await story_shown(pilot, "Council approves tram extension")
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryListScreen))
        await pilot.press("u")
        await pilot.pause()
        text = screen_text(app)
        assert "Council approves" not in text and "River levels fall" in text
        await pilot.press("u", "slash", *"sandbags", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "River levels fall" not in text  # "sandbags" is not in its summary or title
        await pilot.press("escape", "slash", *"zeppelin")
        await pilot.pause()
        text = screen_text(app)
        assert "No stories match." in text


async def test_a_story_that_cannot_be_fetched_says_why_next_to_it(news):
    server, url = news
    del server.routes["/chess.html"]
    app = ReaderApp(source=url)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StoryListScreen))
        await wait_for(pilot, lambda: len(app.screen.briefs) + len(app.screen.failed) == 3)
        text = screen_text(app)
        assert f"not read: cannot open {server.url('/chess.html')}: HTTP 404 Not Found" in text


async def test_opml_lists_every_feed_and_names_the_one_that_failed(news, tmp_path):
    server, url = news
    gone = server.url("/gone.xml")
    opml = tmp_path / "subs.opml"
    opml.write_text(opml_text([Subscription(url, "City"), Subscription(gone, "Gone")]))
    from reader.feeds.source import open_any

    app = ReaderApp(source=str(opml), feeds=open_any(str(opml)).item)
    async with app.run_test(size=(120, 30)) as pilot:
        await briefs_read(pilot)
        text = screen_text(app)
        assert f"\u26a0 {gone}: cannot open {gone}: HTTP 404 Not Found" in text
        assert "Council approves tram extension" in text


async def test_o_in_a_story_opens_the_browser(news, monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda target: opened.append(target) or True)
    server, url = news
    app = ReaderApp(source=url)
    async with app.run_test(size=(100, 30)) as pilot:
        await briefs_read(pilot)
        await pilot.press("enter")
        await story_shown(pilot, "Council approves tram extension")
        await pilot.press("O")
        await wait_for(pilot, lambda: opened)
        assert opened == [server.url("/tram.html")]


async def test_back_forward_and_history_between_articles(app, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(
        "First article of the day.\n\nIts only paragraph says little more than that.\n"
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("G")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*str(first), "enter")
        await wait_for(pilot, lambda: app.screen.article.title.startswith("First article"))
        await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen.source is None and app.screen.settled)
        assert app.screen.view.scroll_y > 0  # back where it was: at the end
        await pilot.press("alt+right")
        await wait_for(pilot, lambda: app.screen.article.title.startswith("First article"))
        await pilot.press("H")
        await pilot.pause()
        text = screen_text(app)
        assert "First article of the day" in text
        assert "Putin" in text  # the bundled article, opened before
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.screen.source is None and app.screen.settled)
