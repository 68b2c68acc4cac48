"""The links screen (``l``): links listed inert, opened in the reader or the browser, copied."""

from __future__ import annotations

import asyncio
import webbrowser

import pytest
from conftest import notices, ready
from screen_text import screen_text

from reader.ui.app import ReaderApp
from reader.ui.article_layout import LINK_STYLE
from reader.ui.links_screen import LinksScreen
from reader.ui.story_list import StoryListScreen
from tests.unit.feed_fixtures import serve_news
from tests.unit.http_server import LoopbackServer, Route

pytestmark = pytest.mark.asyncio

SIZES = [(80, 24), (150, 45)]


def article_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        f"{title}</title></head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


PLAN = article_page(
    "Council backs the river plan",
    [
        "The council <a href='/bridge.html'>approved the new bridge</a> on Tuesday night, "
        "after a debate that lasted well into the evening and drew a full public gallery.",
        "The engineers' <a href='mailto:press@example.org'>press office</a> said the work "
        "would start in spring. Readers can follow the "
        "<a href='/feed.xml'>city news feed</a> for updates on the works.",
        "The last paragraph holds no link at all and only says that the vote was close, with "
        "nine members for the plan and seven against it.",
    ],
)
BRIDGE = article_page(
    "The bridge opens in spring",
    [
        "The new bridge over the river will open in spring, the city's engineers said on "
        "Wednesday, a month earlier than planned.",
        "It will carry trams, bicycles and people on foot, but no cars.",
    ],
)


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("READER_HTTP_TIMEOUT", "5")
    with LoopbackServer() as server:
        serve_news(server)  # /feed.xml and its stories
        server.route("/bridge.html", Route(body=BRIDGE))
        yield server, server.route("/plan.html", Route(body=PLAN))


async def wait_for(pilot, check, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out; the screen was:\n{screen_text(pilot.app)}")
        await pilot.pause(0.05)
    await pilot.pause()


async def article_shown(pilot, title: str) -> None:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: (
            getattr(app.screen, "settled", False) and app.screen.article.title.startswith(title)
        ),
    )


async def open_links(pilot) -> LinksScreen:
    await pilot.press("l")
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, LinksScreen) and "esc close" in screen_text(pilot.app)
        ),
    )
    assert isinstance(pilot.app.screen, LinksScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_l_lists_the_links_and_enter_opens_one_in_the_reader(site, size):
    server, url = site
    app = ReaderApp(source=url)
    async with app.run_test(size=size) as pilot:
        await article_shown(pilot, "Council backs the river plan")
        await open_links(pilot)
        text = screen_text(app)
        assert "Links (3)" in text
        assert "approved the new bridge" in text
        assert server.url("/bridge.html") in text  # resolved against the page's address
        assert "press office" in text and "mailto:press@example.org (not opened here)" in text
        assert "Home" not in text and "Sport" not in text  # the page's menu is no article link
        await pilot.press("enter")
        await article_shown(pilot, "The bridge opens in spring")
        await pilot.press("backspace")
        await article_shown(pilot, "Council backs the river plan")


@pytest.mark.parametrize("size", SIZES)
async def test_a_link_to_a_feed_opens_its_stories(site, size):
    _, url = site
    app = ReaderApp(source=url)
    async with app.run_test(size=size) as pilot:
        await article_shown(pilot, "Council backs the river plan")
        await open_links(pilot)
        await pilot.press("j", "j", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryListScreen))
        await wait_for(pilot, lambda: "Council approves tram extension" in screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_o_opens_the_highlighted_link_in_the_browser_and_y_copies_it(
    site, size, monkeypatch
):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda target: opened.append(target) or True)
    server, url = site
    app = ReaderApp(source=url)
    async with app.run_test(size=size, notifications=True) as pilot:
        await article_shown(pilot, "Council backs the river plan")
        await pilot.press("O")  # the article's own page
        await wait_for(pilot, lambda: opened)
        assert opened == [url]
        await open_links(pilot)
        await pilot.press("O")
        await wait_for(pilot, lambda: len(opened) == 2)
        assert opened[1] == server.url("/bridge.html")
        assert isinstance(app.screen, LinksScreen)  # the list stays for another link
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == server.url("/bridge.html")
        assert any(n.startswith("Copied the link: http://127.0.0.1") for n in notices(app))
        await pilot.press("j", "O")  # mailto: neither the reader nor the browser
        await wait_for(pilot, lambda: any("does not open mailto" in n for n in notices(app)))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen) and len(opened) == 2
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, LinksScreen))


@pytest.mark.parametrize("size", SIZES)
async def test_links_are_marked_in_the_article_and_the_list_filters(site, size):
    _, url = site
    app = ReaderApp(source=url)
    async with app.run_test(size=size) as pilot:
        await article_shown(pilot, "Council backs the river plan")
        view = app.screen.view
        block = next(b for b in view.blocks if b.kind == "paragraph")
        content = block.content(app.screen.article)
        marked = [
            content.plain[span.start : span.end]
            for span in content.spans
            if str(span.style) == LINK_STYLE
        ]
        assert marked == ["approved the new bridge"]
        screen = await open_links(pilot)
        await pilot.press("/", *"feed")
        await pilot.pause()
        assert [listed.text for listed in screen.shown] == ["city news feed"]
        await pilot.press("enter", "y")  # enter: from the filter to the list
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen) and app.clipboard.endswith("/feed.xml")
        await pilot.press("/")
        await pilot.pause()
        await pilot.press("escape")  # the filter goes, the list stays
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen) and len(screen.shown) == 3
        await pilot.press("l")
        await wait_for(pilot, lambda: not isinstance(app.screen, LinksScreen))


@pytest.mark.parametrize("size", SIZES)
async def test_an_article_without_links_says_so(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await open_links(pilot)
        assert "No links in this article." in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, LinksScreen))


async def test_a_local_files_relative_link_opens_the_file_beside_it(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "bridge.md").write_text(
        "# The bridge notes\n\nThe bridge opens in spring, the engineers said.\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# The plan\n\nThe council approved [the bridge](notes/bridge.md) on Tuesday. "
        "Write to [the office](mailto:office@example.org).\n",
        encoding="utf-8",
    )
    app = ReaderApp(source=str(plan))
    async with app.run_test(size=(150, 45)) as pilot:
        await article_shown(pilot, "The plan")
        await open_links(pilot)
        assert f"{tmp_path}/notes/bridge.md" in screen_text(app)
        await pilot.press("enter")
        await article_shown(pilot, "The bridge notes")


async def test_hostile_link_text_and_addresses_are_shown_inert(tmp_path):
    page = tmp_path / "hostile.md"
    page.write_text(
        "# Hostile\n\nPay at [your \u202ebank\x1b[31m](https://bank.example:pw@evil.example/a)"
        " and [this [b]red[/b] one](https://example.org/\u2066x) today.\n",
        encoding="utf-8",
    )
    app = ReaderApp(source=str(page))
    async with app.run_test(size=(100, 30)) as pilot:
        await article_shown(pilot, "Hostile")
        await open_links(pilot)
        text = screen_text(app)
        assert "https://evil.example/a" in text and "bank.example" not in text
        assert "[b]red[/b]" in text  # markup shown as text
        assert "\u202e" not in text and "\x1b" not in text and "\u2066" not in text
